-- 在宅医療に必要な連携を担う拠点との連携 (市町村 問14, 都道府県 問13): one row per edition and municipality
-- or prefecture return, with the running bodies (運営主体) of the hub and of the consultation support.
-- The items are found by their key suffix, which both forms share.
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
        case
            when item_key like '%\_base\_linkage' escape '\' then 'linkage'
            when item_key like '%\_operator\_relation' escape '\' then 'relation'
            when regexp_matches(item_key, '^q[0-9]+_1_1_operator$') then 'same_operator'
            when regexp_matches(item_key, '^q[0-9]+_1_1_operator_other$') then 'same_operator_other'
            when item_key like '%\_base\_operator' escape '\' then 'base_operator'
            when item_key like '%\_base\_operator\_other' escape '\' then 'base_operator_other'
            when item_key like '%\_consultation\_operator' escape '\' then 'consultation_operator'
            when item_key like '%\_consultation\_operator\_other' escape '\' then 'consultation_operator_other'
            when item_key like '%\_linkage\_details' escape '\' then 'details'
        end as linkage_role
    from {{ ref('int_item_answers') }}
    where form in ('municipality', 'prefecture') and {{ is_new_return() }}
),

linkage as (
    select
        fiscal_year,
        form,
        respondent_key,
        any_value(submission_id) as submission_id,
        any_value(respondent_kind) as respondent_kind,
        any_value(municipality_code) as municipality_code,
        any_value(municipality_id) as municipality_id,
        any_value(prefecture_code) as prefecture_code,
        any_value(answer_option_key) filter (where linkage_role = 'linkage') as linkage_key,
        any_value(answer_option_label) filter (where linkage_role = 'linkage') as linkage_label,
        any_value(answer_status) filter (where linkage_role = 'linkage') as linkage_status,
        any_value(answer_option_key) filter (where linkage_role = 'relation') as operator_relation_key,
        any_value(answer_status) filter (where linkage_role = 'relation') as operator_relation_status,
        any_value(answer_option_key) filter (where linkage_role = 'same_operator') as same_operator_key,
        any_value(answer_option_label) filter (where linkage_role = 'same_operator') as same_operator_label,
        any_value(answer_status) filter (where linkage_role = 'same_operator') as same_operator_status,
        any_value(answer_text) filter (where linkage_role = 'same_operator_other') as same_operator_other_text,
        any_value(answer_option_key) filter (where linkage_role = 'base_operator') as base_operator_key,
        any_value(answer_option_label) filter (where linkage_role = 'base_operator') as base_operator_label,
        any_value(answer_status) filter (where linkage_role = 'base_operator') as base_operator_status,
        any_value(answer_text) filter (where linkage_role = 'base_operator_other') as base_operator_other_text,
        any_value(answer_option_key) filter (
            where linkage_role = 'consultation_operator'
        ) as consultation_operator_key,
        any_value(answer_option_label) filter (
            where linkage_role = 'consultation_operator'
        ) as consultation_operator_label,
        any_value(answer_status) filter (
            where linkage_role = 'consultation_operator'
        ) as consultation_operator_status,
        any_value(answer_text) filter (
            where linkage_role = 'consultation_operator_other'
        ) as consultation_operator_other_text,
        any_value(answer_text) filter (where linkage_role = 'details') as details_text
    from answers
    where linkage_role is not null
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
    linkage_key,
    linkage_label,
    linkage_status,
    operator_relation_key,
    operator_relation_status,
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
