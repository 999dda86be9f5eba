-- 場面別の記述: one row per hub return and free text written for a scene (items tagged scene: <scenario key>,
-- e.g. the needs a 住民・患者ニーズ調査 found for 退院支援 = admission_discharge), with the scene.
select
    fiscal_year,
    respondent_key,
    hub_id,
    prefecture_code,
    fact_name,
    fact_role,
    item_key,
    scenario_key,
    answer_text,
    answer_id
from {{ ref('fct_hub_answer') }}
where item_type = 'text' and scenario_key is not null and answer_status = 'answered'
