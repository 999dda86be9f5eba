-- Every published chart rebuilt from the answers: one row per printed percentage (reports printing one
-- chart per question, such as the 令和7年度 hub survey: one row per option).
-- n is the number of respondents of the chart's population to whom the item applied (skip logic),
-- with 未回答 (relevant but blank) inside n, as the report counts; a chart with n_base 'population'
-- counts everyone of its population (the respondents not asked count as not giving the option).
-- n_population is the n the report's own figures imply and flag says when the printed n is not that
-- population (or names another published inconsistency kept as printed).
-- A row of kind 'rule' counts the respondents for whom a condition on their answers holds (e.g.
-- 3つ実施している), via its own population.
-- A chart of one 人口規模 band counts the municipalities the warehouse's population source puts in it;
-- where that n is not the printed one (the report's bands come from an unidentified source), flag says
-- band_source_differs.
with chart_rows as (
    select
        charts.edition,
        charts.form,
        charts.chart_id,
        charts.question_id,
        charts.chart_title,
        charts.population,
        charts.n_printed,
        charts.n_population,
        charts.n_base,
        charts.flag,
        charts.breakdown,
        charts.population_band,
        chart_rows.row_ordinal,
        chart_rows.option_label,
        chart_rows.item_key,
        chart_rows.value_kind,
        chart_rows.option_code,
        chart_rows.band_low,
        chart_rows.band_high,
        chart_rows.band_low_closed,
        chart_rows.band_high_closed,
        chart_rows.percent_printed,
        chart_rows.count_printed,
        chart_rows.confidence,
        chart_rows.row_population,
        chart_rows.rank_printed
    from {{ ref('stg_codebook__charts') }} as charts
    inner join {{ ref('stg_codebook__chart_rows') }} as chart_rows
        on
            charts.edition = chart_rows.edition
            and charts.form = chart_rows.form
            and charts.chart_id = chart_rows.chart_id
),

-- every respondent and item with the effective answer where the item applied (answered or 未回答);
-- the coordinator's experience (問4, 〇年〇ヶ月) is counted as the one number int_coordinator_experience
-- defines (years + months / 12), under the item the charts name (the 年 cell), and is 未回答 only when both
-- cells are blank
applied as (
    select
        item_status.fiscal_year,
        item_status.form,
        item_status.respondent_key,
        item_status.item_key,
        item_values.answer_code,
        item_values.ticked_codes,
        populations.population,
        case
            when experience.item_key is null or item_values.status is null then item_values.status
            when experience.experience_years is null then 'missing'
            else 'answered'
        end as status,
        case
            when experience.item_key is null then item_values.answer_number
            else experience.experience_years
        end as answer_number
    from {{ ref('int_item_status') }} as item_status
    left join {{ ref('int_item_values') }} as item_values
        on
            item_status.submission_id = item_values.submission_id
            and item_status.item_key = item_values.item_key
    left join {{ ref('int_coordinator_experience') }} as experience
        on
            item_status.submission_id = experience.submission_id
            and item_status.item_key = experience.item_key
    inner join {{ ref('int_populations') }} as populations
        on
            item_status.fiscal_year = populations.fiscal_year
            and item_status.form = populations.form
            and item_status.respondent_key = populations.respondent_key
),

counted as (
    select
        chart_rows.edition,
        chart_rows.form,
        chart_rows.chart_id,
        chart_rows.row_ordinal,
        count(applied.respondent_key) as n,
        count(applied.respondent_key) filter (
            where case chart_rows.value_kind
                when 'missing' then applied.status = 'missing'
                when 'answered' then applied.status = 'answered'
                when 'rule' then row_members.respondent_key is not null
                when 'code'
                    then
                        applied.answer_code = chart_rows.option_code
                        or list_contains(applied.ticked_codes, chart_rows.option_code)
                when 'band' then
                    (
                        applied.answer_number > chart_rows.band_low
                        or (chart_rows.band_low_closed and applied.answer_number = chart_rows.band_low)
                    )
                    and (
                        applied.answer_number < chart_rows.band_high
                        or (chart_rows.band_high_closed and applied.answer_number = chart_rows.band_high)
                    )
            end
        ) as respondents
    from chart_rows
    left join applied
        on
            chart_rows.edition = applied.fiscal_year
            and chart_rows.form = applied.form
            and chart_rows.item_key = applied.item_key
            and chart_rows.population = applied.population
            -- n: those the item applied to, or everyone counted where the report prints 全体の%
            and (applied.status is not null or chart_rows.n_base = 'population')
    left join {{ ref('int_populations') }} as row_members
        on
            applied.fiscal_year = row_members.fiscal_year
            and applied.form = row_members.form
            and applied.respondent_key = row_members.respondent_key
            and chart_rows.row_population = row_members.population
    group by all
),

ranked as (
    -- Where the options of a chart stand by how many chose them (1 = most), from the top and the bottom.
    select
        counted.edition,
        counted.form,
        counted.chart_id,
        counted.row_ordinal,
        rank() over (
            partition by counted.edition, counted.form, counted.chart_id order by counted.respondents desc
        ) as rank_from_top,
        rank() over (
            partition by counted.edition, counted.form, counted.chart_id order by counted.respondents asc
        ) as rank_from_bottom
    from counted
    inner join chart_rows
        on
            counted.edition = chart_rows.edition
            and counted.form = chart_rows.form
            and counted.chart_id = chart_rows.chart_id
            and counted.row_ordinal = chart_rows.row_ordinal
    where chart_rows.value_kind = 'code'
)

select
    chart_rows.edition as fiscal_year,
    chart_rows.form,
    chart_rows.chart_id,
    chart_rows.question_id,
    chart_rows.chart_title,
    chart_rows.population,
    chart_rows.row_ordinal,
    chart_rows.option_label,
    chart_rows.item_key,
    chart_rows.value_kind,
    chart_rows.option_code,
    counted.n,
    chart_rows.n_printed,
    chart_rows.n_population,
    chart_rows.percent_printed,
    chart_rows.n_base,
    chart_rows.count_printed,
    chart_rows.confidence,
    chart_rows.breakdown,
    chart_rows.rank_printed,
    ranked.rank_from_top,
    ranked.rank_from_bottom,
    coalesce(
        chart_rows.flag,
        case
            when chart_rows.population_band is not null and counted.n <> chart_rows.n_printed
                then 'band_source_differs'
        end
    ) as flag,
    case when chart_rows.value_kind <> 'unknown' then counted.respondents end as respondents,
    case
        when chart_rows.value_kind <> 'unknown' and counted.n > 0
            then round(100.0 * counted.respondents / counted.n, 1)
    end as percent  -- noqa: RF04
from chart_rows
inner join counted
    on
        chart_rows.edition = counted.edition
        and chart_rows.form = counted.form
        and chart_rows.chart_id = counted.chart_id
        and chart_rows.row_ordinal = counted.row_ordinal
left join ranked
    on
        chart_rows.edition = ranked.edition
        and chart_rows.form = ranked.form
        and chart_rows.chart_id = ranked.chart_id
        and chart_rows.row_ordinal = ranked.row_ordinal
