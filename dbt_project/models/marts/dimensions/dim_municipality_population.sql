-- 人口規模: one row per edition, form and municipality in force on the edition's reference date, with its
-- population and the published table's band (int_municipality_population_bands says how they are chosen).
select * from {{ ref('int_municipality_population_bands') }}
