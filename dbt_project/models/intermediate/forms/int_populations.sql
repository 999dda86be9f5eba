-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- Respondents per published-chart population, every form.
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    population
from {{ ref('int_prefecture__populations') }}
where {{ is_new_return() }}
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    population
from {{ ref('int_municipality__populations') }}
where {{ is_new_return() }}
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    population
from {{ ref('int_coordinator__populations') }}
where {{ is_new_return() }}
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    population
from {{ ref('int_hub__populations') }}
where {{ is_new_return() }}
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    population
from {{ ref('int_tokyo_municipality__populations') }}
where {{ is_new_return() }}
