-- 場面: the codebook.scenarios table as written by the pipeline.
select
    scenario_key,
    scenario_label,
    ordinal,
    is_scene
from {{ source('codebook', 'scenarios') }}
