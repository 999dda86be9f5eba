-- 人口規模 (read by marts.dim_municipality_population and the band populations of the published charts):
-- one row per edition, form and municipality in force on the edition's reference date, with the
-- population of the latest census on or before that date and the published table's band it falls in.
-- The bands and the populations are reference data; a municipality the census source does not cover
-- keeps a null population and band (never filled in). Reference data only, so built whole.
{{ config(materialized='table') }}

with editions as (
    select
        edition,
        form,
        reference_date,
        code_date
    from {{ ref('stg_codebook__editions') }}
),

codes as (
    select
        code6,
        name,
        valid_from,
        valid_to,
        municipality_id
    from {{ ref('stg_reference__municipal_codes') }}
),

populations as (
    select
        code6,
        source,
        as_of,
        population
    from {{ ref('stg_reference__municipal_populations') }}
),

bands as (
    select
        band_order,
        band_label,
        min_population,
        max_population
    from {{ ref('stg_reference__population_bands') }}
),

members as (
    select
        editions.edition,
        editions.form,
        editions.reference_date,
        codes.municipality_id,
        codes.code6,
        codes.name
    from editions
    inner join codes
        on
            coalesce(editions.code_date >= codes.valid_from, true)
            and coalesce(editions.code_date < codes.valid_to, true)
),

censuses as (
    select distinct as_of from populations
),

basis as (
    select
        editions.edition,
        editions.form,
        max(censuses.as_of) as as_of
    from editions
    inner join censuses
        on editions.code_date >= censuses.as_of
    group by editions.edition, editions.form
),

member_populations as (
    select distinct
        codes.municipality_id,
        populations.source,
        populations.as_of,
        populations.population
    from populations
    inner join codes on populations.code6 = codes.code6
)

select
    members.edition as fiscal_year,
    members.form,
    members.municipality_id,
    members.code6 as municipality_code,
    members.name as municipality_name,
    basis.as_of as population_as_of,
    member_populations.source as population_source,
    member_populations.population,
    bands.band_order as population_band_order,
    bands.band_label as population_band,
    members.edition || ':' || members.form || ':' || members.municipality_id as municipality_edition_key
from members
left join basis on members.edition = basis.edition and members.form = basis.form
left join member_populations
    on members.municipality_id = member_populations.municipality_id and basis.as_of = member_populations.as_of
left join bands
    on
        member_populations.population >= bands.min_population
        and (bands.max_population is null or member_populations.population < bands.max_population)
