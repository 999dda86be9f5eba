-- 都道府県別の事業項目の実施状況: one row per edition, prefecture and 事業項目: the municipalities that
-- answered, implement, and implement or plan it.
select
    fiscal_year,
    form,
    prefecture_code,
    program_item,
    count(*) filter (where status_key is not null) as municipalities_answered,
    count(*) filter (where is_implemented) as municipalities_implementing,
    count(*) filter (where is_implemented_or_planned) as municipalities_implementing_or_planning,
    fiscal_year || ':' || form || ':' || prefecture_code || ':' || program_item as summary_key
from {{ ref('fct_program_item_status') }}
where prefecture_code is not null
group by fiscal_year, form, prefecture_code, program_item
