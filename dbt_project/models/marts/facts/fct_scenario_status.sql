-- 場面別の取組状況: one row per edition, municipality return and scenario (7 per municipality).
-- Every measure is read through the codebook tags (scenario_key, measure), not per-scene item keys.
{{ config(meta={'forms': ['municipality']}) }}
with answers as (
    select
        fiscal_year,
        respondent_key,
        scenario_key,
        measure,
        answer_status,
        answer_option_key,
        ticked_option_keys
    from {{ ref('int_item_answers') }}
    where
        form = 'municipality'
        and {{ is_new_return() }}
        and scenario_key is not null
        and item_type in ('single', 'multiple')
),

respondents as (
    select
        fiscal_year,
        respondent_key,
        submission_id,
        municipality_code,
        municipality_id,
        prefecture_code
    from {{ ref('stg_raw__submissions') }}
    where form = 'municipality' and {{ is_new_return() }}
),

scenarios as (
    select distinct
        edition as fiscal_year,
        scenario_key
    from {{ ref('stg_codebook__items') }}
    where form = 'municipality' and measure = 'engaged'
),

measures as (
    select
        fiscal_year,
        respondent_key,
        scenario_key,
        any_value(answer_status) filter (where measure = 'engaged') as engaged_status,
        any_value(answer_option_key) filter (where measure = 'engaged') as engaged_option_key,
        any_value(answer_status) filter (where measure = 'vision') as vision_status,
        any_value(answer_option_key) filter (where measure = 'vision') as vision_option_key,
        any_value(answer_status) filter (where measure = 'goal') as goal_status,
        any_value(answer_option_key) filter (where measure = 'goal') as goal_option_key,
        any_value(answer_status) filter (where measure = 'indicator') as indicator_status,
        any_value(answer_option_key) filter (where measure = 'indicator') as indicator_option_key,
        any_value(answer_status) filter (where measure = 'assessment') as assessment_status,
        any_value(ticked_option_keys) filter (where measure = 'assessment') as assessment_method_keys,
        any_value(answer_status) filter (where measure = 'reasons') as reasons_status,
        any_value(ticked_option_keys) filter (where measure = 'reasons') as reason_keys,
        any_value(answer_status) filter (where measure = 'partners') as partners_status,
        any_value(ticked_option_keys) filter (where measure = 'partners') as partner_keys,
        any_value(answer_status) filter (where measure = 'scenes') as scenes_status,
        any_value(ticked_option_keys) filter (where measure = 'scenes') as scene_keys
    from answers
    group by fiscal_year, respondent_key, scenario_key
)
,

scenario_status as (
    select
        respondents.fiscal_year,
        respondents.respondent_key,
        respondents.submission_id,
        respondents.municipality_code,
        respondents.municipality_id,
        respondents.prefecture_code,
        scenarios.scenario_key,
        measures.assessment_method_keys,
        measures.reason_keys,
        measures.partner_keys,
        measures.scene_keys,
        respondents.fiscal_year || ':' || respondents.respondent_key || ':' || scenarios.scenario_key as fact_key,
        case measures.engaged_option_key when 'engaged' then true when 'not_engaged' then false end as is_engaged,
        coalesce(measures.engaged_status, 'not_asked') as engaged_status,
        case measures.vision_option_key when 'set' then true when 'not_set' then false end as is_vision_set,
        coalesce(measures.vision_status, 'not_asked') as vision_status,
        case measures.goal_option_key when 'set' then true when 'not_set' then false end as is_goal_set,
        coalesce(measures.goal_status, 'not_asked') as goal_status,
        case measures.indicator_option_key
            when 'developed' then true when 'not_developed' then false
        end as is_indicator_set,
        coalesce(measures.indicator_status, 'not_asked') as indicator_status,
        coalesce(measures.assessment_status, 'not_asked') as assessment_status,
        coalesce(measures.reasons_status, 'not_asked') as reasons_status,
        coalesce(measures.partners_status, 'not_asked') as partners_status,
        coalesce(measures.scenes_status, 'not_asked') as scenes_status
    from respondents
    inner join scenarios on respondents.fiscal_year = scenarios.fiscal_year
    left join measures
        on
            respondents.fiscal_year = measures.fiscal_year
            and respondents.respondent_key = measures.respondent_key
            and scenarios.scenario_key = measures.scenario_key
)

select
    fact_key,
    fiscal_year,
    respondent_key,
    submission_id,
    municipality_code,
    municipality_id,
    prefecture_code,
    scenario_key,
    is_engaged,
    engaged_status,
    is_vision_set,
    vision_status,
    is_goal_set,
    goal_status,
    is_indicator_set,
    indicator_status,
    assessment_method_keys,
    assessment_status,
    reason_keys,
    reasons_status,
    partner_keys,
    partners_status,
    scene_keys,
    scenes_status
from scenario_status
