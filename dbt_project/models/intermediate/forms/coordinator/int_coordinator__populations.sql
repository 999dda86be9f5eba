-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- The coordinator returns each published chart counts: one row per return and population it belongs to.
with skip_logic as (
    select *
    from {{ ref('int_coordinator__skip_logic') }}
    where {{ is_new_return() }}
)

select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'core' as population
from skip_logic
where fiscal_year = 2023 and coalesce(q5_4_1_respondent_is_core__effective = 1, false)
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'field' as population
from skip_logic
where fiscal_year = 2023 and coalesce(q5_4_1_respondent_is_core__effective = 2, false)
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'municipal' as population
from skip_logic
where fiscal_year = 2023 and coalesce((f1_1_municipality_code is not null and f1_1_municipality_code <> ''), false)
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'prefecture_level' as population
from skip_logic
where
    fiscal_year = 2023 and (not coalesce((f1_1_municipality_code is not null and f1_1_municipality_code <> ''), false))
