-- 場面: the four scenes of the programme and the three themes 認知症・感染症・災害.
with scenarios as (
    select
        scenario_key,
        scenario_label,
        ordinal,
        is_scene
    from {{ ref('stg_codebook__scenarios') }}
)

select
    scenario_key,
    scenario_label,
    ordinal as scenario_order,
    is_scene
from scenarios
