-- 協議会 (市町村 問2・2-1・2-2・2-3, 都道府県 問3・3-1・3-2・3-3): one row per edition and municipality or
-- prefecture return. The council items carry no tags; they are found by their key suffix, which both
-- forms share (q2_council / q3_council, *_council_entrusted, *_council_frequency, *_council_topics...).
with answers as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        respondent_kind,
        municipality_code,
        municipality_id,
        prefecture_code,
        item_key,
        answer_status,
        answer_option_key,
        answer_option_label,
        answer_text,
        ticked_option_keys,
        case
            when regexp_matches(item_key, '^q[0-9]+_council$') then 'established'
            when item_key like '%\_council\_entrusted' escape '\' then 'entrusted'
            when item_key like '%\_council\_frequency' escape '\' then 'frequency'
            when item_key like '%\_council\_topics' escape '\' then 'topics'
            when item_key like '%\_council\_topics\_municipal\_support' escape '\' then 'topics'
            when item_key like '%\_council\_topics\_prefecture' escape '\' then 'prefecture_topics'
            when item_key like '%\_council\_members' escape '\' then 'members'
            when item_key like '%\_council\_practices' escape '\' then 'practices'
        end as council_role
    from {{ ref('int_item_answers') }}
    where form in ('municipality', 'prefecture') and {{ is_new_return() }}
),

council as (
    select
        fiscal_year,
        form,
        respondent_key,
        any_value(submission_id) as submission_id,
        any_value(respondent_kind) as respondent_kind,
        any_value(municipality_code) as municipality_code,
        any_value(municipality_id) as municipality_id,
        any_value(prefecture_code) as prefecture_code,
        any_value(answer_status) filter (where council_role = 'established') as established_status,
        any_value(answer_option_key) filter (where council_role = 'established') as established_key,
        any_value(answer_status) filter (where council_role = 'entrusted') as entrusted_status,
        any_value(answer_option_key) filter (where council_role = 'entrusted') as entrusted_key,
        any_value(answer_status) filter (where council_role = 'frequency') as frequency_status,
        any_value(answer_option_key) filter (where council_role = 'frequency') as frequency_key,
        any_value(answer_option_label) filter (where council_role = 'frequency') as frequency_label,
        any_value(answer_status) filter (where council_role = 'topics') as topics_status,
        any_value(ticked_option_keys) filter (where council_role = 'topics') as topic_keys,
        any_value(answer_status) filter (where council_role = 'prefecture_topics') as prefecture_topics_status,
        any_value(ticked_option_keys) filter (where council_role = 'prefecture_topics') as prefecture_topic_keys,
        any_value(answer_status) filter (where council_role = 'members') as members_status,
        any_value(ticked_option_keys) filter (where council_role = 'members') as member_keys,
        any_value(answer_text) filter (where council_role = 'practices') as practices_text
    from answers
    where council_role is not null
    group by fiscal_year, form, respondent_key
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
    established_status,
    entrusted_status,
    frequency_key,
    frequency_label,
    frequency_status,
    topic_keys,
    topics_status,
    prefecture_topic_keys,
    member_keys,
    members_status,
    practices_text,
    fiscal_year || ':' || respondent_key as fact_key,
    case established_key when 'established' then true when 'not_established' then false end as is_established,
    case entrusted_key when 'entrusted' then true when 'not_entrusted' then false end as is_entrusted,
    coalesce(prefecture_topics_status, 'not_asked') as prefecture_topics_status
from council
