-- The coordinator analysis of the report's 参考資料: for each scene × initiative, the share of
-- municipalities doing it among those with a coordinator (問13 いる) and those without (いない), with
-- Pearson's χ² (2×2, one degree of freedom, no continuity correction) beside the printed p-value.
-- n counts the municipalities asked the initiative question (未回答 inside n, as the report counts).
with presence as (
    select
        fiscal_year,
        respondent_key,
        has_coordinator
    from {{ ref('fct_coordinator_headcount') }}
    where form = 'municipality' and has_coordinator is not null
),

counts as (
    select
        initiatives.fiscal_year,
        initiatives.scenario_key,
        initiatives.initiative_option_code as option_code,
        any_value(initiatives.initiative_key) as initiative_key,
        count(*) filter (where presence.has_coordinator) as with_n,
        count(*) filter (where presence.has_coordinator and initiatives.is_done) as with_done,
        count(*) filter (where not presence.has_coordinator) as without_n,
        count(*) filter (where not presence.has_coordinator and initiatives.is_done) as without_done
    from {{ ref('fct_scenario_initiative') }} as initiatives
    inner join presence
        on
            initiatives.fiscal_year = presence.fiscal_year
            and initiatives.respondent_key = presence.respondent_key
    group by initiatives.fiscal_year, initiatives.scenario_key, initiatives.initiative_option_code
),

statistics as (
    -- a, b: with a coordinator, done / not done; c, d: without
    select
        *,
        (with_n + without_n)::double
        * power(with_done * (without_n - without_done) - (with_n - with_done) * without_done, 2)
        / nullif(
            with_n::double * without_n * (with_done + without_done)
            * (with_n - with_done + without_n - without_done),
            0
        ) as chi_square
    from counts
),

with_t as (
    select
        *,
        1 / (1 + 0.3275911 * sqrt(coalesce(chi_square, 0) / 2)) as t
    from statistics
),

tested as (
    -- erfc(sqrt(χ²/2)), the upper tail of χ² with one degree of freedom, by Abramowitz & Stegun
    -- 7.1.26 (absolute error below 1.5e-7, well inside the three decimals the report prints)
    select
        *,
        t * exp(-coalesce(chi_square, 0) / 2) * (
            0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
        ) as p_value
    from with_t
)

select
    tested.fiscal_year,
    tested.scenario_key,
    scenarios.scenario_label,
    scenarios.scenario_order,
    tested.option_code,
    tested.initiative_key,
    initiatives.initiative_label,
    tests.question_id,
    tested.with_n,
    tested.with_done,
    tested.without_n,
    tested.without_done,
    tested.p_value,
    tests.p_value_printed,
    tests.option_label_printed,
    round(100 * tested.with_done / nullif(tested.with_n, 0), 1) as with_percent,
    round(100 * tested.without_done / nullif(tested.without_n, 0), 1) as without_percent,
    coalesce(tested.chi_square, 0) as chi_square,
    case when tested.p_value < 0.001 then '<.001' else printf('%.3f', tested.p_value) end as p_value_formatted,
    case
        when tests.p_value_printed is null then null
        when tests.p_value_printed = '<.001' then tested.p_value < 0.001
        else tested.p_value >= 0.001 and printf('%.3f', tested.p_value) = printf('%.3f', tests.p_value_printed::double)
    end as p_value_matches
from tested
inner join {{ ref('dim_scenario') }} as scenarios on tested.scenario_key = scenarios.scenario_key
left join {{ ref('dim_initiative') }} as initiatives
    on tested.fiscal_year = initiatives.fiscal_year and tested.initiative_key = initiatives.initiative_key
left join {{ ref('stg_codebook__presence_tests') }} as tests
    on
        tested.fiscal_year = tests.edition
        and tested.scenario_key = tests.scenario_key
        and tested.option_code = tests.option_code
