-- 事業項目の取組 (東京都の調査): one row per edition, municipality return and activity under a 事業項目, with
-- the 「いずれかを実施」 parents flagged (any_of). The items are those tagged {fact: program_activity} in the
-- codebooks, by their program_item and activity.
{{ config(meta={'facts': ['program_activity']}) }}
with pivoted as (
    {{ fact_pivot('program_activity', ['status'], by=['program_item', 'activity', 'any_of']) }}
)

select
    {{ respondent_columns(kind=false) }},
    program_item,
    activity,
    status_key,
    status_label,
    status_status as status_answer_status,
    fiscal_year || ':' || respondent_key || ':' || activity as fact_key,
    coalesce(lower(any_of) = 'true', false) as is_any_of,
    case when status_key is not null then status_key = 'implemented' end as is_implemented
from pivoted
