-- The refused files still someone's to follow up (stg_raw__quarantine), each file's latest refusal, and the
-- respondent whose earlier version of the file was read and still counts, if any: that return is the
-- one to follow up.
with refusals as (
    select
        file_path,
        fiscal_year,
        form,
        reason_code,
        sheet,
        cell
    from {{ ref('stg_raw__quarantine') }}
    where not is_read_since and not is_withdrawn
    qualify row_number() over (partition by file_path order by detected_at desc) = 1
),

current_returns as (
    select
        submission_id,
        respondent_key,
        respondent_code,
        prefecture_code,
        prefecture_name,
        municipality_code,
        municipality_name,
        file_path
    from {{ ref('stg_raw__submissions') }}
)

select
    refusals.fiscal_year,
    refusals.form,
    refusals.reason_code as code,
    refusals.file_path,
    refusals.sheet,
    refusals.cell,
    current_returns.respondent_key,
    current_returns.respondent_code,
    current_returns.prefecture_code,
    current_returns.prefecture_name,
    current_returns.municipality_code,
    current_returns.municipality_name,
    coalesce(current_returns.municipality_name, current_returns.prefecture_name) as respondent_name,
    current_returns.submission_id is not null as earlier_counts
from refusals
left join current_returns on refusals.file_path = current_returns.file_path
