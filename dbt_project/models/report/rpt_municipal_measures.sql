-- Each municipality's answer to each measure the site compares (a scene's 取り組んでいる, めざすべき姿, 目標,
-- 評価指標; each initiative done or named a challenge; 協議会を設置; コーディネーターがいる), in one long table:
-- the one definition of those measures, which rpt_municipal_measure_shares aggregates for every reader.
{%- set measures = [
    ('fct_scenario_status', 'scenario_key', "'engaged'", 'is_engaged', 'engaged_status', none),
    ('fct_scenario_status', 'scenario_key', "'vision'", 'is_vision_set', 'vision_status', none),
    ('fct_scenario_status', 'scenario_key', "'goal'", 'is_goal_set', 'goal_status', none),
    ('fct_scenario_status', 'scenario_key', "'indicator'", 'is_indicator_set', 'indicator_status', none),
    ('fct_scenario_initiative', 'scenario_key', "'done:' || initiative_key", 'is_done', 'done_status', none),
    ('fct_scenario_initiative', 'scenario_key', "'challenge:' || initiative_key", 'is_challenge', 'challenge_status',
        none),
    ('fct_council', "'council'", "'established'", 'is_established', 'established_status', "form = 'municipality'"),
    ('fct_coordinator_headcount', "'coordinator'", "'present'", 'has_coordinator', 'presence_status',
        "form = 'municipality'"),
] %}
with measures as (
    {%- for model, scope, measure, answer, status, condition in measures %}
        select
            fiscal_year,
            municipality_code,
            {{ scope }} as scope,
            {{ measure }} as measure,
            {{ answer }} as is_yes,
            {{ status }} as answer_status
        from {{ ref(model) }}
        {%- if condition %}
            where {{ condition }}
        {%- endif %}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
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
