-- 協議会 (市町村 問2・2-1・2-2・2-3, 都道府県 問3・3-1・3-2・3-3): one row per edition and municipality or
-- prefecture return. The items are those tagged {fact: council} in the codebooks, by their role.
{{ config(meta={'facts': ['council']}) }}
with council as (
    {{ fact_pivot('council', [
        'established', 'entrusted', 'frequency', 'topics', 'prefecture_topics', 'members', 'practices'
    ]) }}
)

select
    {{ respondent_columns() }},
    established_status,
    entrusted_status,
    frequency_key,
    frequency_label,
    frequency_status,
    topics_keys as topic_keys,
    topics_status,
    prefecture_topics_keys as prefecture_topic_keys,
    members_keys as member_keys,
    members_status,
    practices_text,
    fiscal_year || ':' || respondent_key as fact_key,
    case established_key when 'established' then true when 'not_established' then false end as is_established,
    case entrusted_key when 'entrusted' then true when 'not_entrusted' then false end as is_entrusted,
    coalesce(prefecture_topics_status, 'not_asked') as prefecture_topics_status
from council
