-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- The hub returns each published chart counts: one row per return and population it belongs to.
with skip_logic as (
    select *
    from {{ ref('int_hub__skip_logic') }}
    where {{ is_new_return() }}
)

select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'all' as population
from skip_logic
where fiscal_year = 2025 and true
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'other_body' as population
from skip_logic
where fiscal_year = 2025 and coalesce(s01_q03_same_body = 2, false)
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'same_body' as population
from skip_logic
where fiscal_year = 2025 and coalesce(s01_q03_same_body = 1, false)
