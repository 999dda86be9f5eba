-- What the ingest repaired or found in the current returns, with who answered and where: the gate words
-- each as a soft finding of the cleaning log. Cells outside the answers are counted apart
-- (int_quality__stray_cells).
with issues as (
    select
        submission_id,
        issue,
        cell,
        item_key,
        details
    from {{ ref('stg_raw__ingest_issues') }}
    where issue not in ('stray_cell', 'stray_cells')
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
),

items as (
    select
        edition,
        form,
        item_key,
        question
    from {{ ref('stg_codebook__items') }}
),

answers as (
    select
        submission_id,
        cell,
        raw_value
    from {{ ref('stg_raw__answers') }}
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
    issues.item_key,
    items.question,
    issues.issue as code,
    issues.details,
    answers.raw_value as value_found,
    current_returns.file_path,
    current_returns.sheet,
    issues.cell,
    coalesce(current_returns.municipality_name, current_returns.prefecture_name) as respondent_name
from issues
inner join current_returns on issues.submission_id = current_returns.submission_id
left join items
    on
        current_returns.fiscal_year = items.edition
        and current_returns.form = items.form
        and issues.item_key = items.item_key
left join answers on issues.submission_id = answers.submission_id and issues.cell = answers.cell
