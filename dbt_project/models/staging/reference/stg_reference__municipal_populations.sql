-- 市区町村人口: the reference.municipal_populations table as written by the pipeline.
select
    code6,
    source,
    as_of,
    population
from {{ source('reference', 'municipal_populations') }}
