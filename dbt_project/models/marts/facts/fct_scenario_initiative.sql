-- 関連づけた取り組み・課題となった部分: one row per edition, municipality return, scenario and initiative of
-- that scenario's list, only where the municipality is engaged (取り組んでいる) in the scenario.
{{ config(meta={'forms': ['municipality']}) }}
with engaged as (
    select
        fiscal_year,
        respondent_key,
        scenario_key
    from {{ ref('fct_scenario_status') }}
    where is_engaged and {{ is_new_return() }}
),

option_answers as (
    select
        fiscal_year,
        respondent_key,
        submission_id,
        municipality_code,
        municipality_id,
        prefecture_code,
        scenario_key,
        measure,
        item_key,
        option_code,
        option_key,
        answer_status,
        is_selected
    from {{ ref('int_option_answers') }}
    where
        form = 'municipality'
        and measure in ('initiatives', 'challenges')
        and item_type = 'multiple'
        and {{ is_new_return() }}
),

initiatives as (
    select
        fiscal_year,
        respondent_key,
        submission_id,
        municipality_code,
        municipality_id,
        prefecture_code,
        scenario_key,
        item_key,
        option_code,
        option_key,
        answer_status,
        is_selected
    from option_answers
    where measure = 'initiatives'
),

challenges as (
    select
        fiscal_year,
        respondent_key,
        scenario_key,
        option_key,
        answer_status,
        is_selected
    from option_answers
    where measure = 'challenges'
)

select
    initiatives.fiscal_year,
    initiatives.respondent_key,
    initiatives.submission_id,
    initiatives.municipality_code,
    initiatives.municipality_id,
    initiatives.prefecture_code,
    initiatives.scenario_key,
    initiatives.option_key as initiative_key,
    initiatives.option_code as initiative_option_code,
    initiatives.is_selected as is_done,
    initiatives.answer_status as done_status,
    challenges.is_selected as is_challenge,
    initiatives.fiscal_year || ':' || initiatives.respondent_key || ':' || initiatives.scenario_key
    || ':' || initiatives.option_key as fact_key,
    initiatives.fiscal_year || ':' || initiatives.option_key as initiative_id,
    coalesce(challenges.answer_status, 'not_asked') as challenge_status
from initiatives
inner join engaged
    on
        initiatives.fiscal_year = engaged.fiscal_year
        and initiatives.respondent_key = engaged.respondent_key
        and initiatives.scenario_key = engaged.scenario_key
left join challenges
    on
        initiatives.fiscal_year = challenges.fiscal_year
        and initiatives.respondent_key = challenges.respondent_key
        and initiatives.scenario_key = challenges.scenario_key
        and initiatives.option_key = challenges.option_key
