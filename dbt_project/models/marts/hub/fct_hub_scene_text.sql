-- 場面別の記述: one row per hub return and free text written for a scene (items tagged scene: <scenario key>,
-- e.g. the needs a 住民・患者ニーズ調査 found for 退院支援 = admission_discharge), with the scene.
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ drop_superseded_returns() }}",
        post_hook="{{ record_model_version() }}",
    )
}}
select
    fiscal_year,
    respondent_key,
    submission_id,
    hub_id,
    prefecture_code,
    fact_name,
    fact_role,
    item_key,
    scenario_key,
    answer_text,
    answer_id
from {{ ref('fct_hub_answer') }}
where item_type = 'text' and scenario_key is not null and answer_status = 'answered' and {{ is_new_return() }}
