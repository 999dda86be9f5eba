-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- The prefecture returns each published chart counts: one row per return and population it belongs to.
with skip_logic as (
    select *
    from {{ ref('int_prefecture__skip_logic') }}
    where {{ is_new_return() }}
)

select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'all' as population
from skip_logic
where fiscal_year = 2023 and true
