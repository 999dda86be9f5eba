-- 人口規模区分: the reference.population_bands table as written by the pipeline.
select
    band_order,
    band_label,
    min_population,
    max_population
from {{ source('reference', 'population_bands') }}
