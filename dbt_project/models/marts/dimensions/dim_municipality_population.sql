-- 人口規模: one row per edition, form and municipality in force on the edition's reference date, with its
-- population and the published table's band (int_municipality_population_bands says how they are chosen).
select
    fiscal_year,
    form,
    municipality_id,
    municipality_code,
    municipality_name,
    population_as_of,
    population_source,
    population,
    population_band_order,
    population_band,
    municipality_edition_key
from {{ ref('int_municipality_population_bands') }}
