-- 課題と都道府県への支援希望 (平成 実施状況調査): one row per edition, municipality return and option of the
-- lists of difficulties, support wanted and support received, with one flag per list (null where the
-- edition has no such list or it was left blank). The lists are the items tagged {fact: legacy_challenges}
-- and {fact: legacy_support} in the codebooks.
{{ config(meta={'facts': ['legacy_challenges', 'legacy_support']}) }}
with challenges as (
    {{ fact_pivot('legacy_challenges', ['challenges'], grain='option') }}
),

support as (
    {{ fact_pivot('legacy_support', ['support_wanted', 'support_received'], grain='option') }}
),

flags as (
    select
        {{ respondent_columns(kind=false) }},
        'challenges' as option_list,
        option_key,
        option_code,
        option_label,
        challenges_selected as is_selected,
        challenges_status as answer_status,
        null::boolean as is_support_wanted,
        null::varchar as support_wanted_status,
        null::boolean as is_support_received,
        null::varchar as support_received_status
    from challenges
    union all
    select
        {{ respondent_columns(kind=false) }},
        'support' as option_list,
        option_key,
        option_code,
        option_label,
        null::boolean as is_selected,
        null::varchar as answer_status,
        support_wanted_selected as is_support_wanted,
        support_wanted_status,
        support_received_selected as is_support_received,
        support_received_status
    from support
)

select
    {{ respondent_columns(kind=false) }},
    option_list,
    option_key,
    option_code,
    option_label,
    is_selected as is_challenge,
    is_support_wanted,
    is_support_received,
    fiscal_year || ':' || respondent_key || ':' || option_list || ':' || option_key as fact_key,
    coalesce(answer_status, 'not_asked') as challenge_status,
    coalesce(support_wanted_status, 'not_asked') as support_wanted_status,
    coalesce(support_received_status, 'not_asked') as support_received_status
from flags
