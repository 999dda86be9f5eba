-- 課題と支援 (市町村 問11, 都道府県 問7): one row per edition, municipality or prefecture return and option
-- of the shared list of issues, with one flag per sub-question (null where the form has no such
-- sub-question or the sub-question was left blank). These items carry no tags: the mapping below is
-- the one place that names them.
with roles as (
    select
        role_map.form,
        role_map.item_key,
        role_map.flag
    from (
        values
        ('municipality', 'q11_1_1_challenges', 'challenge'),
        ('municipality', 'q11_1_2_top_priority_challenge', 'top_priority'),
        ('municipality', 'q11_2_support_expected', 'support_wanted'),
        ('prefecture', 'q7_1_1_1_municipal_issues', 'challenge'),
        ('prefecture', 'q7_1_1_2_municipal_top_issue', 'top_priority'),
        ('prefecture', 'q7_1_2_1_support_issues', 'support_challenge'),
        ('prefecture', 'q7_1_2_2_support_top_issue', 'support_top_priority'),
        ('prefecture', 'q7_2_1_prefecture_support', 'prefecture_support'),
        ('prefecture', 'q7_2_2_health_center_support', 'health_center_support')
    ) as role_map (form, item_key, flag)
),

option_answers as (
    select
        answers.fiscal_year,
        answers.form,
        answers.respondent_key,
        answers.submission_id,
        answers.respondent_kind,
        answers.municipality_code,
        answers.municipality_id,
        answers.prefecture_code,
        answers.option_code,
        answers.option_key,
        answers.option_label,
        answers.answer_status,
        answers.is_selected,
        roles.flag
    from {{ ref('int_option_answers') }} as answers
    inner join roles on answers.form = roles.form and answers.item_key = roles.item_key
    where {{ is_new_return('answers.submission_id') }}
),

flags as (
    select
        fiscal_year,
        form,
        respondent_key,
        option_key,
        any_value(submission_id) as submission_id,
        any_value(respondent_kind) as respondent_kind,
        any_value(municipality_code) as municipality_code,
        any_value(municipality_id) as municipality_id,
        any_value(prefecture_code) as prefecture_code,
        min(option_code) as option_code,
        any_value(option_label) as option_label,
        any_value(is_selected) filter (where flag = 'challenge') as is_challenge,
        any_value(answer_status) filter (where flag = 'challenge') as challenge_status,
        any_value(is_selected) filter (where flag = 'top_priority') as is_top_priority,
        any_value(answer_status) filter (where flag = 'top_priority') as top_priority_status,
        any_value(is_selected) filter (where flag = 'support_wanted') as is_support_wanted,
        any_value(answer_status) filter (where flag = 'support_wanted') as support_wanted_status,
        any_value(is_selected) filter (where flag = 'support_challenge') as is_support_challenge,
        any_value(answer_status) filter (where flag = 'support_challenge') as support_challenge_status,
        any_value(is_selected) filter (where flag = 'support_top_priority') as is_support_top_priority,
        any_value(answer_status) filter (where flag = 'support_top_priority') as support_top_priority_status,
        any_value(is_selected) filter (where flag = 'prefecture_support') as is_prefecture_support,
        any_value(answer_status) filter (where flag = 'prefecture_support') as prefecture_support_status,
        any_value(is_selected) filter (where flag = 'health_center_support') as is_health_center_support,
        any_value(answer_status) filter (where flag = 'health_center_support') as health_center_support_status
    from option_answers
    group by fiscal_year, form, respondent_key, option_key
)

select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    respondent_kind,
    municipality_code,
    municipality_id,
    prefecture_code,
    option_code,
    option_key,
    option_label,
    is_challenge,
    is_top_priority,
    is_support_wanted,
    is_support_challenge,
    is_support_top_priority,
    is_prefecture_support,
    is_health_center_support,
    fiscal_year || ':' || respondent_key || ':' || option_key as fact_key,
    coalesce(challenge_status, 'not_asked') as challenge_status,
    coalesce(top_priority_status, 'not_asked') as top_priority_status,
    coalesce(support_wanted_status, 'not_asked') as support_wanted_status,
    coalesce(support_challenge_status, 'not_asked') as support_challenge_status,
    coalesce(support_top_priority_status, 'not_asked') as support_top_priority_status,
    coalesce(prefecture_support_status, 'not_asked') as prefecture_support_status,
    coalesce(health_center_support_status, 'not_asked') as health_center_support_status
from flags
