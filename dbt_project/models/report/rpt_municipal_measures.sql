-- Each municipality's answer to each measure the site compares (a scene's 取り組んでいる, めざすべき姿, 目標,
-- 評価指標; each initiative done or named a challenge; 協議会を設置; コーディネーターがいる), in one long table:
-- the one definition of those measures, which rpt_municipal_measure_shares aggregates for every reader.
with measures as (
    select
        fiscal_year,
        municipality_code,
        scenario_key as scope,
        'engaged' as measure,
        is_engaged as is_yes,
        engaged_status as answer_status
    from {{ ref('fct_scenario_status') }}
    union all
    select
        fiscal_year,
        municipality_code,
        scenario_key as scope,
        'vision' as measure,
        is_vision_set as is_yes,
        vision_status as answer_status
    from {{ ref('fct_scenario_status') }}
    union all
    select
        fiscal_year,
        municipality_code,
        scenario_key as scope,
        'goal' as measure,
        is_goal_set as is_yes,
        goal_status as answer_status
    from {{ ref('fct_scenario_status') }}
    union all
    select
        fiscal_year,
        municipality_code,
        scenario_key as scope,
        'indicator' as measure,
        is_indicator_set as is_yes,
        indicator_status as answer_status
    from {{ ref('fct_scenario_status') }}
    union all
    select
        fiscal_year,
        municipality_code,
        scenario_key as scope,
        'done:' || initiative_key as measure,
        is_done as is_yes,
        done_status as answer_status
    from {{ ref('fct_scenario_initiative') }}
    union all
    select
        fiscal_year,
        municipality_code,
        scenario_key as scope,
        'challenge:' || initiative_key as measure,
        is_challenge as is_yes,
        challenge_status as answer_status
    from {{ ref('fct_scenario_initiative') }}
    union all
    select
        fiscal_year,
        municipality_code,
        'council' as scope,
        'established' as measure,
        is_established as is_yes,
        established_status as answer_status
    from {{ ref('fct_council') }}
    where form = 'municipality'
    union all
    select
        fiscal_year,
        municipality_code,
        'coordinator' as scope,
        'present' as measure,
        has_coordinator as is_yes,
        presence_status as answer_status
    from {{ ref('fct_coordinator_headcount') }}
    where form = 'municipality'
)

select
    measures.fiscal_year,
    measures.municipality_code,
    municipalities.prefecture_code,
    measures.scope,
    measures.measure,
    measures.is_yes,
    measures.answer_status,
    concat_ws('|', measures.fiscal_year, measures.municipality_code, measures.scope, measures.measure) as measure_key
from measures
inner join {{ ref('dim_municipality') }} as municipalities
    on measures.municipality_code = municipalities.municipality_code
