-- 拠点と市町村: one row per hub return and municipality of the area it serves (the code cells tagged
-- fact: hub_area, role: municipality), so a municipality served by several hubs has several rows.
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
with listed as (
    select
        answers.fiscal_year,
        answers.respondent_key,
        answers.submission_id,
        answers.item_key,
        answers.answer_text as municipality_code5
    from {{ ref('int_item_answers') }} as answers
    inner join {{ ref('stg_codebook__item_tags') }} as facts
        on
            answers.fiscal_year = facts.edition
            and answers.form = facts.form
            and answers.item_key = facts.item_key
            and facts.tag = 'fact'
            and facts.tag_value = 'hub_area'
    where answers.form = 'hub' and answers.answer_status = 'answered' and {{ is_new_return() }}
),

municipalities as (
    select
        code5,
        code6,
        name
    from {{ ref('stg_reference__local_governments') }}
    where kind = 'municipality'
)

select
    listed.fiscal_year,
    listed.respondent_key,
    listed.submission_id,
    listed.municipality_code5,
    municipalities.code6 as municipality_code,
    municipalities.name as municipality_name,
    listed.fiscal_year || ':' || listed.respondent_key as hub_id,
    listed.fiscal_year || ':' || listed.respondent_key || ':' || listed.municipality_code5 as bridge_id,
    municipalities.code6 is not null as is_known_code
from listed
left join municipalities on listed.municipality_code5 = municipalities.code5
qualify row_number() over (
    partition by listed.fiscal_year, listed.respondent_key, listed.municipality_code5 order by listed.item_key
) = 1
