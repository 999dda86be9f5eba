-- Cells typed outside the answer cells, one row per current return that has any: how many, and each
-- (cell, value) in reading order (the gate quotes the first few).
with strays as (
    select
        submission_id,
        cell,
        raw_value
    from {{ ref('stg_raw__stray_cells') }}
),

current_returns as (
    select
        submission_id,
        fiscal_year,
        form,
        respondent_key,
        respondent_code,
        prefecture_code,
        prefecture_name,
        municipality_code,
        municipality_name,
        file_path,
        sheet
    from {{ ref('stg_raw__submissions') }}
)

select
    current_returns.fiscal_year,
    current_returns.submission_id,
    current_returns.respondent_key,
    current_returns.respondent_code,
    current_returns.form,
    current_returns.prefecture_code,
    current_returns.prefecture_name,
    current_returns.municipality_code,
    current_returns.municipality_name,
    current_returns.file_path,
    current_returns.sheet,
    coalesce(current_returns.municipality_name, current_returns.prefecture_name) as respondent_name,
    count(*) as stray_count,
    list([strays.cell, coalesce(strays.raw_value, '')] order by len(strays.cell), strays.cell) as stray_cells
from strays
inner join current_returns on strays.submission_id = current_returns.submission_id
group by
    current_returns.fiscal_year,
    current_returns.submission_id,
    current_returns.respondent_key,
    current_returns.respondent_code,
    current_returns.form,
    current_returns.prefecture_code,
    current_returns.prefecture_name,
    current_returns.municipality_code,
    current_returns.municipality_name,
    current_returns.file_path,
    current_returns.sheet
