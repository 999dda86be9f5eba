-- 拠点の選択肢: one row per hub return, multiple-choice item of the hub sections and option, whether ticked
-- (null where the item was not asked of the hub or left unanswered): what the hub did, tracked, needs.
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ drop_superseded_returns() }}",
        post_hook="{{ record_model_version() }}",
    )
}}
with answers as (
    select * from {{ ref('fct_hub_answer') }}
    where item_type = 'multiple' and {{ is_new_return() }}
),

options as (
    select
        edition,
        form,
        item_key,
        option_code,
        option_key,
        option_label
    from {{ ref('stg_codebook__options') }}
    where form = 'hub'
)

select
    answers.fiscal_year,
    answers.respondent_key,
    answers.submission_id,
    answers.hub_id,
    answers.prefecture_code,
    answers.fact_name,
    answers.fact_role,
    answers.item_key,
    answers.answer_status,
    options.option_code,
    options.option_key,
    options.option_label,
    answers.answer_id || ':' || options.option_code as option_answer_id,
    case
        when
            answers.answer_status = 'answered'
            then coalesce(list_contains(answers.ticked_option_keys, options.option_key), false)
    end as is_selected
from answers
inner join options
    on
        answers.fiscal_year = options.edition
        and answers.item_key = options.item_key
