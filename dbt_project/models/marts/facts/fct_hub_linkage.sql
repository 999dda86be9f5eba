-- 在宅医療に必要な連携を担う拠点との連携 (市町村 問14, 都道府県 問13): one row per edition and municipality
-- or prefecture return, with the running bodies (運営主体) of the hub and of the consultation support.
-- The items are those tagged {fact: hub_linkage} in the codebooks, by their role.
{{ config(meta={'facts': ['hub_linkage']}) }}
with linkage as (
    {{ fact_pivot('hub_linkage', [
        'linkage', 'relation', 'same_operator', 'same_operator_other', 'base_operator', 'base_operator_other',
        'consultation_operator', 'consultation_operator_other', 'details'
    ]) }}
)

select
    {{ respondent_columns() }},
    linkage_key,
    linkage_label,
    linkage_status,
    relation_key as operator_relation_key,
    relation_status as operator_relation_status,
    same_operator_key,
    same_operator_label,
    same_operator_status,
    same_operator_other_text,
    base_operator_key,
    base_operator_label,
    base_operator_status,
    base_operator_other_text,
    consultation_operator_key,
    consultation_operator_label,
    consultation_operator_status,
    consultation_operator_other_text,
    details_text,
    fiscal_year || ':' || respondent_key as fact_key,
    case when linkage_key in ('all_linked', 'partly_linked') then true when linkage_key is not null then false end
        as is_linked,
    coalesce(same_operator_key, base_operator_key) as hub_operator_key,
    coalesce(same_operator_key, consultation_operator_key) as consultation_support_operator_key
from linkage
