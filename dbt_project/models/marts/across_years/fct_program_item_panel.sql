-- 事業項目の経年パネル: one row per municipality, 事業項目 and edition that asked about it, lined up with the
-- same municipality's previous edition: the transition of its status between the two (added: not
-- implemented before and implemented now; dropped: the reverse; kept; never) and both statuses.
-- A municipality is followed by its durable member (municipality_id) across code changes.
with statuses as (
    select
        fiscal_year,
        form,
        municipality_id,
        municipality_code,
        prefecture_code,
        program_item,
        status_key,
        is_implemented
    from {{ ref('fct_program_item_status') }}
    where municipality_id is not null
),

lined_up as (
    select
        *,
        lag(fiscal_year) over member as previous_fiscal_year,
        lag(status_key) over member as previous_status_key,
        lag(is_implemented) over member as was_implemented
    from statuses
    window member as (partition by form, municipality_id, program_item order by fiscal_year)
)

select
    fiscal_year,
    form,
    municipality_id,
    municipality_code,
    prefecture_code,
    program_item,
    status_key,
    is_implemented,
    previous_fiscal_year,
    previous_status_key,
    was_implemented,
    fiscal_year || ':' || form || ':' || municipality_id || ':' || program_item as panel_key,
    case
        when previous_fiscal_year is null then 'first'
        when is_implemented is null or was_implemented is null then 'unknown'
        when is_implemented and was_implemented then 'kept'
        when is_implemented then 'added'
        when was_implemented then 'dropped'
        else 'never'
    end as transition,
    coalesce(previous_status_key, '-') || '>' || coalesce(status_key, '-') as status_transition
from lined_up
