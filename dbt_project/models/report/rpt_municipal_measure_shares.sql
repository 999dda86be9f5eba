-- The shares the site draws, aggregated here so that a reader who may not see any municipality's answers
-- (the public) can still read them: of each measure of rpt_municipal_measures, how many municipalities
-- answered yes among those asked (answered or 未回答: n counts 未回答, as the report does), in the nation, in
-- each prefecture and in each population band.
{#- the groups: (kind, the code naming each group, the column that groups) -#}
{%- set groups = [
    ("'nation'", "'全国'", none),
    ("'prefecture'", 'prefecture_code', 'prefecture_code'),
    ("'population_band'", 'population_band', 'population_band'),
] %}
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
    {%- for kind, code, column in groups %}
        select
            fiscal_year,
            {{ kind }} as group_kind,
            {{ code }} as group_code,
            scope,
            measure,
            count(*) filter (where is_yes) as municipalities_yes,
            count(*) filter (where answer_status in ('answered', 'missing')) as municipalities_asked
        from placed
        {%- if column %}
            -- a municipality the reference data gives no group (no population band) is in none
            where {{ column }} is not null
        {%- endif %}
        group by fiscal_year, {{ column ~ ', ' if column }}scope, measure
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
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
