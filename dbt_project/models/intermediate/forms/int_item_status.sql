-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- Three-valued missingness of every respondent and item of every form (off-path kept apart).
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    item_key,
    is_relevant,
    is_given,
    status
from {{ ref('int_prefecture__item_status') }}
where {{ is_new_return() }}
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    item_key,
    is_relevant,
    is_given,
    status
from {{ ref('int_municipality__item_status') }}
where {{ is_new_return() }}
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    item_key,
    is_relevant,
    is_given,
    status
from {{ ref('int_coordinator__item_status') }}
where {{ is_new_return() }}
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    item_key,
    is_relevant,
    is_given,
    status
from {{ ref('int_hub__item_status') }}
where {{ is_new_return() }}
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    item_key,
    is_relevant,
    is_given,
    status
from {{ ref('int_tokyo_municipality__item_status') }}
where {{ is_new_return() }}
