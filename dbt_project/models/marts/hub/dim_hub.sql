-- 拠点: one row per hub return of every edition, with its identity and its profile (運営主体, whether it is
-- the municipal programme's operator, its area, central staff), found by the items' tags.
{{ config(meta={'forms': ['hub']}) }}
with identity as (
    select
        answers.fiscal_year,
        answers.respondent_key,
        any_value(answers.submission_id) as submission_id,
        any_value(answers.prefecture_code) as prefecture_code,
        max(answers.answer_text) filter (where tags.tag_value = 'hub_code') as hub_code,
        max(answers.answer_text) filter (where tags.tag_value = 'hub_name') as hub_name,
        max(answers.answer_text) filter (where tags.tag_value = 'area_name') as area_name
    from {{ ref('int_item_answers') }} as answers
    inner join {{ ref('stg_codebook__item_tags') }} as tags
        on
            answers.fiscal_year = tags.edition
            and answers.form = tags.form
            and answers.item_key = tags.item_key
            and tags.tag = 'role'
    inner join {{ ref('stg_codebook__item_tags') }} as facts
        on
            answers.fiscal_year = facts.edition
            and answers.form = facts.form
            and answers.item_key = facts.item_key
            and facts.tag = 'fact'
            and facts.tag_value = 'hub_identity'
    where answers.form = 'hub'
    group by answers.fiscal_year, answers.respondent_key
),

profile as (
    select
        fiscal_year,
        respondent_key,
        max(answer_option_key) filter (where fact_role = 'operator') as operator_key,
        max(answer_option_label) filter (where fact_role = 'operator') as operator_label,
        max(answer_text) filter (where fact_role = 'operator_other') as operator_other_text,
        max(answer_option_key) filter (where fact_role = 'same_body') as same_body_key,
        max(answer_option_key) filter (where fact_role = 'knows_area') as knows_area_key,
        max(answer_option_key) filter (where fact_role = 'area_relation') as area_relation_key,
        max(answer_option_label) filter (where fact_role = 'area_relation') as area_relation_label,
        max(answer_option_key) filter (where fact_role = 'central_staff') as central_staff_key,
        max(answer_option_key) filter (where fact_role = 'central_profession') as central_profession_key,
        max(answer_option_label) filter (where fact_role = 'central_profession') as central_profession_label
    from {{ ref('fct_hub_answer') }}
    where fact_name = 'hub_profile'
    group by fiscal_year, respondent_key
),

prefectures as (
    select
        prefecture_code,
        name as prefecture_name
    from {{ ref('stg_reference__local_governments') }}
    where kind = 'prefecture'
)

select
    identity.fiscal_year,
    identity.respondent_key,
    identity.submission_id,
    identity.hub_code,
    identity.hub_name,
    identity.prefecture_code,
    prefectures.prefecture_name,
    identity.area_name,
    profile.operator_key,
    profile.operator_label,
    profile.operator_other_text,
    profile.area_relation_key,
    profile.area_relation_label,
    profile.central_profession_key,
    profile.central_profession_label,
    identity.fiscal_year || ':' || identity.respondent_key as hub_id,
    case profile.same_body_key when 'same' then true when 'different' then false end as is_programme_operator,
    case profile.knows_area_key when 'knows' then true when 'does_not_know' then false end as knows_area,
    case profile.central_staff_key when 'yes' then true when 'no' then false end as has_central_staff
from identity
left join profile
    on identity.fiscal_year = profile.fiscal_year and identity.respondent_key = profile.respondent_key
left join prefectures on identity.prefecture_code = prefectures.prefecture_code
