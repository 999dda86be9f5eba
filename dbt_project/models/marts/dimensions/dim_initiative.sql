-- 関連づけた取り組み: one row per edition and initiative, i.e. per option key of the municipal items
-- tagged measure `initiatives` (問4-6-1, 5-6-1, 6-6-1, 7-6-1, 8-2-1, 9-2-1, 10-2-1).
with items as (
    select
        edition,
        form,
        item_key,
        scenario_key
    from {{ ref('stg_codebook__items') }}
    where form = 'municipality' and measure = 'initiatives' and item_type = 'multiple'
),

options as (
    select
        edition,
        form,
        item_key,
        option_code,
        option_key,
        option_label,
        is_other
    from {{ ref('stg_codebook__options') }}
),

scenarios as (
    select
        scenario_key,
        ordinal
    from {{ ref('stg_codebook__scenarios') }}
),

initiative_options as (
    select
        items.edition,
        items.scenario_key,
        scenarios.ordinal as scenario_order,
        options.option_code,
        options.option_key,
        options.option_label,
        options.is_other
    from items
    inner join options
        on items.edition = options.edition and items.form = options.form and items.item_key = options.item_key
    left join scenarios on items.scenario_key = scenarios.scenario_key
),

scenario_counts as (
    select
        edition,
        count(distinct scenario_key) as scenarios_with_list
    from initiative_options
    group by edition
),

initiatives as (
    select
        edition,
        option_key,
        mode(option_label) as option_label,
        bool_or(is_other) as is_other,
        min(option_code) as first_option_code,
        count(distinct scenario_key) as scenario_count,
        list(scenario_key order by scenario_order) as scenario_keys
    from initiative_options
    group by edition, option_key
)

select
    initiatives.edition as fiscal_year,
    initiatives.option_key as initiative_key,
    initiatives.option_label as initiative_label,
    initiatives.is_other,
    initiatives.scenario_count,
    initiatives.scenario_keys,
    initiatives.first_option_code as sort_order,
    initiatives.edition || ':' || initiatives.option_key as initiative_id,
    initiatives.scenario_count = scenario_counts.scenarios_with_list as is_common
from initiatives
inner join scenario_counts on initiatives.edition = scenario_counts.edition
