-- The shares the site draws, aggregated here so that a reader who may not see any municipality's answers
-- (the public) can still read them: of each measure of rpt_municipal_measures, how many municipalities
-- answered yes among those asked (answered or 未回答: n counts 未回答, as the report does), in the nation, in
-- each prefecture and in each population band.
with placed as (
    select
        measures.fiscal_year,
        measures.scope,
        measures.measure,
        measures.is_yes,
        measures.answer_status,
        measures.prefecture_code,
        populations.population_band
    from {{ ref('rpt_municipal_measures') }} as measures
    left join {{ ref('dim_municipality_population') }} as populations
        on
            measures.fiscal_year = populations.fiscal_year
            and populations.form = 'municipality'
            and measures.municipality_code = populations.municipality_code
),

shares as (
    select
        fiscal_year,
        'nation' as group_kind,
        '全国' as group_code,
        scope,
        measure,
        count(*) filter (where is_yes) as municipalities_yes,
        count(*) filter (where answer_status in ('answered', 'missing')) as municipalities_asked
    from placed
    group by fiscal_year, scope, measure
    union all
    select
        fiscal_year,
        'prefecture' as group_kind,
        prefecture_code as group_code,
        scope,
        measure,
        count(*) filter (where is_yes) as municipalities_yes,
        count(*) filter (where answer_status in ('answered', 'missing')) as municipalities_asked
    from placed
    group by fiscal_year, prefecture_code, scope, measure
    union all
    select
        fiscal_year,
        'population_band' as group_kind,
        population_band as group_code,
        scope,
        measure,
        count(*) filter (where is_yes) as municipalities_yes,
        count(*) filter (where answer_status in ('answered', 'missing')) as municipalities_asked
    from placed
    -- municipalities without a population band in the reference data form no band of their own
    where population_band is not null
    group by fiscal_year, population_band, scope, measure
)

select
    fiscal_year,
    group_kind,
    group_code,
    scope,
    measure,
    municipalities_yes,
    municipalities_asked,
    concat_ws('|', fiscal_year, group_kind, group_code, scope, measure) as share_key
from shares
