-- The current return of each respondent (decided in stg_survey__submission_versions), with the
-- respondent's identity resolved against the reference list of local governments.
with latest as (
    select * from {{ ref('stg_survey__submission_versions') }}
    where is_current
),

governments as (
    select * from {{ source('reference', 'local_governments') }}
)

select
    latest.submission_id,
    latest.fiscal_year,
    latest.form,
    latest.respondent_key,
    latest.respondent_code,
    latest.respondent_kind,
    latest.identity_status,
    latest.prefecture_code,
    municipality.code6 as municipality_code,
    municipality.name as municipality_name,
    prefecture.name as prefecture_name,
    latest.file_path,
    latest.file_sha256,
    latest.file_mtime,
    latest.sheet,
    latest.template_id,
    latest.ingested_at,
    latest.run_id,
    case
        when latest.form <> 'coordinator' then null
        when latest.respondent_kind = 'prefecture' then 'prefecture_level'
        else 'municipal'
    end as coordinator_level
from latest
left join governments as municipality
    on latest.municipality_code = municipality.code5 and municipality.kind = 'municipality'
left join governments as prefecture
    on latest.prefecture_code = prefecture.prefecture_code and prefecture.kind = 'prefecture'
