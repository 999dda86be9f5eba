-- 平均実施数: the mean number of 事業項目 implemented per municipality, per edition, for each prefecture and
-- for the nation, with the method stored beside each figure. The reports do not say how they average:
-- 平成28年度's national 4.2 is the pooled mean (7,296 / 1,741 = 4.19), while 平成29年度's 「平均5.7個」 of the
-- per-prefecture chart is not (9,665 / 1,741 = 5.55) and is probably the unweighted mean of the 47
-- prefecture means. Both national methods are kept, as rows.
with per_municipality as (
    select
        fiscal_year,
        form,
        prefecture_code,
        items_implemented
    from {{ ref('fct_municipality_panel') }}
),

per_prefecture as (
    select
        fiscal_year,
        form,
        prefecture_code,
        count(*) as municipalities,
        sum(items_implemented) as items_implemented,
        avg(items_implemented) as mean_items
    from per_municipality
    group by fiscal_year, form, prefecture_code
),

summaries as (
    select
        fiscal_year,
        form,
        'prefecture' as scope,
        prefecture_code,
        'pooled' as mean_method,
        municipalities,
        items_implemented,
        mean_items
    from per_prefecture
    union all
    select
        fiscal_year,
        form,
        'national' as scope,
        null as prefecture_code,
        'pooled' as mean_method,
        sum(municipalities) as municipalities,
        sum(items_implemented) as items_implemented,
        sum(items_implemented) / sum(municipalities) as mean_items
    from per_prefecture
    group by fiscal_year, form
    union all
    select
        fiscal_year,
        form,
        'national' as scope,
        null as prefecture_code,
        'mean_of_prefecture_means' as mean_method,
        sum(municipalities) as municipalities,
        sum(items_implemented) as items_implemented,
        -- in one order, so that the float sum is the same on every build
        avg(mean_items order by prefecture_code) as mean_items
    from per_prefecture
    group by fiscal_year, form
)

select
    fiscal_year,
    form,
    scope,
    prefecture_code,
    mean_method,
    municipalities,
    items_implemented,
    mean_items,
    case mean_method
        when 'pooled' then 'items implemented / municipalities with a return'
        when 'mean_of_prefecture_means' then 'unweighted mean over prefectures of their pooled means'
    end as mean_method_description,
    fiscal_year || ':' || form || ':' || scope || ':' || coalesce(prefecture_code, '00') || ':' || mean_method
        as summary_key
from summaries
