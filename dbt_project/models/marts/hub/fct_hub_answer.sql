-- 拠点の回答: one row per hub return and item of the hub sections' facts (items tagged fact: hub_<section>),
-- with the role the item plays there, its three-valued status and its answer. Items are found by their
-- tags, never by key, so a later edition of the form is read by the same SQL.
{{
    config(
        materialized='incremental',
        meta={'forms': ['hub']},
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ drop_superseded_returns() }}",
        post_hook="{{ record_model_version() }}",
    )
}}
with tags as (
    select
        edition,
        form,
        item_key,
        max(tag_value) filter (where tag = 'fact') as fact_name,
        max(tag_value) filter (where tag = 'role') as fact_role,
        max(tag_value) filter (where tag = 'scene') as scenario_key
    from {{ ref('stg_codebook__item_tags') }}
    group by edition, form, item_key
),

answers as (
    select * from {{ ref('int_item_answers') }}
    where form = 'hub' and {{ is_new_return() }}
)

select
    answers.fiscal_year,
    answers.respondent_key,
    answers.submission_id,
    answers.prefecture_code,
    tags.fact_name,
    tags.fact_role,
    answers.item_key,
    answers.question,
    answers.item_type,
    tags.scenario_key,
    answers.answer_status,
    answers.is_off_path,
    answers.answer_code,
    answers.answer_option_key,
    answers.answer_option_label,
    answers.answer_number,
    answers.answer_text,
    answers.ticked_option_keys,
    answers.fiscal_year || ':' || answers.respondent_key || ':' || answers.item_key as answer_id,
    answers.fiscal_year || ':' || answers.respondent_key as hub_id
from answers
inner join tags
    on
        answers.fiscal_year = tags.edition
        and answers.form = tags.form
        and answers.item_key = tags.item_key
where tags.fact_name like 'hub\_%' escape '\' and tags.fact_name not in ('hub_identity', 'hub_area')
