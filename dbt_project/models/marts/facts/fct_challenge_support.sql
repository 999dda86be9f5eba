-- 課題と支援 (市町村 問11, 都道府県 問7): one row per edition, municipality or prefecture return and option
-- of the shared list of issues, with one flag per sub-question (null where the form has no such
-- sub-question or the sub-question was left blank). The sub-questions are the items tagged
-- {fact: challenge_support} in the codebooks, by their role.
{{ config(meta={'facts': ['challenge_support']}) }}
with flags as (
    {{ fact_pivot('challenge_support', [
        'challenge', 'top_priority', 'support_wanted', 'support_challenge', 'support_top_priority',
        'prefecture_support', 'health_center_support'
    ], grain='option') }}
)

select
    {{ respondent_columns() }},
    option_code,
    option_key,
    option_label,
    challenge_selected as is_challenge,
    top_priority_selected as is_top_priority,
    support_wanted_selected as is_support_wanted,
    support_challenge_selected as is_support_challenge,
    support_top_priority_selected as is_support_top_priority,
    prefecture_support_selected as is_prefecture_support,
    health_center_support_selected as is_health_center_support,
    fiscal_year || ':' || respondent_key || ':' || option_key as fact_key,
    coalesce(challenge_status, 'not_asked') as challenge_status,
    coalesce(top_priority_status, 'not_asked') as top_priority_status,
    coalesce(support_wanted_status, 'not_asked') as support_wanted_status,
    coalesce(support_challenge_status, 'not_asked') as support_challenge_status,
    coalesce(support_top_priority_status, 'not_asked') as support_top_priority_status,
    coalesce(prefecture_support_status, 'not_asked') as prefecture_support_status,
    coalesce(health_center_support_status, 'not_asked') as health_center_support_status
from flags
