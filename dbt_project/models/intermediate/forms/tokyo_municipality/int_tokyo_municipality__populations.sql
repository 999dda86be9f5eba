-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- The tokyo_municipality returns each published chart counts: one row per return and population it belongs to.
with skip_logic as (
    select *
    from {{ ref('int_tokyo_municipality__skip_logic') }}
    where {{ is_new_return() }}
)

select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'all' as population
from skip_logic
where fiscal_year = 2015 and true
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'all' as population
from skip_logic
where fiscal_year = 2016 and true
