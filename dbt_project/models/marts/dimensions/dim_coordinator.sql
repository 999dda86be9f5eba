-- コーディネーター: one row per coordinator return (コーディネーター調査票) of every edition.
{{ config(meta={'forms': ['coordinator']}) }}
with submissions as (
    select
        submission_id,
        fiscal_year,
        respondent_key,
        respondent_code,
        respondent_kind,
        identity_status,
        coordinator_level,
        prefecture_code,
        prefecture_name,
        municipality_code,
        municipality_name,
        file_path
    from {{ ref('stg_raw__submissions') }}
    where form = 'coordinator'
)

select
    fiscal_year,
    respondent_key,
    submission_id,
    coordinator_level,
    respondent_code,
    municipality_name,
    prefecture_code,
    prefecture_name,
    identity_status,
    file_path,
    fiscal_year || ':' || respondent_key as coordinator_id,
    case when coordinator_level = 'municipal' then municipality_code end as municipality_code
from submissions
