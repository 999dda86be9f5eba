-- 事業項目 (ア)〜(ク) の実施状況: one row per edition, municipality return and 事業項目, with 委託 (asked when
-- implementing or planning) and 委託先 (asked when outsourced). The items are those tagged
-- {fact: program_item} in the codebooks, by their role (status, outsourced, contractor) and program_item.
{{ config(meta={'facts': ['program_item']}) }}
with pivoted as (
    {{ fact_pivot('program_item', ['status', 'outsourced', 'contractor'], by=['program_item']) }}
)

select
    {{ respondent_columns(kind=false) }},
    program_item,
    status_key,
    status_label,
    status_status as status_answer_status,
    outsourced_key,
    outsourced_label,
    contractor_key,
    contractor_label,
    fiscal_year || ':' || respondent_key || ':' || program_item as fact_key,
    case when status_key is not null then status_key = 'implemented' end as is_implemented,
    case when status_key is not null then status_key in ('implemented', 'planned') end as is_implemented_or_planned,
    case outsourced_key when 'outsourced' then true when 'not_outsourced' then false end as is_outsourced,
    coalesce(outsourced_status, 'not_asked') as outsourced_status,
    coalesce(contractor_status, 'not_asked') as contractor_status
from pivoted
