-- 市町村の経年パネル: one row per municipality (durable member) and edition of the 事業項目 survey, lined up with the same
-- municipality's previous edition: the items implemented, implemented or planned, and the items added and
-- dropped since the previous edition (fct_program_item_panel).
with items as (
    select
        fiscal_year,
        form,
        municipality_id,
        municipality_code,
        prefecture_code,
        program_item,
        is_implemented,
        status_key,
        previous_fiscal_year,
        transition
    from {{ ref('fct_program_item_panel') }}
)

select
    fiscal_year,
    form,
    municipality_id,
    any_value(municipality_code) as municipality_code,
    any_value(prefecture_code) as prefecture_code,
    any_value(previous_fiscal_year) as previous_fiscal_year,
    count(*) filter (where is_implemented) as items_implemented,
    count(*) filter (where status_key in ('implemented', 'planned')) as items_implemented_or_planned,
    count(*) filter (where status_key is null) as items_unanswered,
    coalesce(
        list(program_item order by program_item) filter (where is_implemented), []::varchar[]
    ) as implemented_items,
    coalesce(
        list(program_item order by program_item) filter (where transition = 'added'), []::varchar[]
    ) as items_added,
    coalesce(
        list(program_item order by program_item) filter (where transition = 'dropped'), []::varchar[]
    ) as items_dropped,
    fiscal_year || ':' || form || ':' || municipality_id as panel_key
from items
group by fiscal_year, form, municipality_id
