-- A fingerprint of each current coordinator return's answers (its code cells left out): two returns with
-- the same answers under one municipality are one coordinator sent twice.
with current_returns as (
    select
        fiscal_year,
        submission_id,
        respondent_key,
        respondent_code,
        form,
        prefecture_code,
        prefecture_name,
        municipality_code,
        municipality_name,
        file_path,
        sheet
    from {{ ref('stg_raw__submissions') }}
    where form = 'coordinator'
),

answers as (
    select
        submission_id,
        item_key,
        option_code,
        value
    from {{ ref('stg_raw__answers') }}
    where item_type != 'code'
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
    md5(string_agg(
        answers.item_key || ':' || coalesce(cast(answers.option_code as varchar), '') || '='
        || coalesce(answers.value, ''),
        '|' order by answers.item_key, answers.option_code
    )) as answers_fingerprint
from current_returns
inner join answers on current_returns.submission_id = answers.submission_id
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
