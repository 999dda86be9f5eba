-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- The municipality returns each published chart counts: one row per return and population it belongs to.
with skip_logic as (
    select *
    from {{ ref('int_municipality__skip_logic') }}
    where {{ is_new_return() }}
),

banded as (
    select
        skip_logic.*,
        bands.population_band
    from skip_logic
    inner join {{ ref('stg_raw__submissions') }} as submissions
        on skip_logic.submission_id = submissions.submission_id
    inner join {{ ref('int_municipality_population_bands') }} as bands
        on
            submissions.fiscal_year = bands.fiscal_year
            and submissions.form = bands.form
            and submissions.municipality_id = bands.municipality_id
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
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.1' as population
from skip_logic
where
    fiscal_year = 2016
    and coalesce(
        (
            cast(coalesce(a_status in (1, 2), false) as integer)
            + cast(coalesce(b_status in (1, 2), false) as integer)
            + cast(coalesce(c_status in (1, 2), false) as integer)
            + cast(coalesce(d_status in (1, 2), false) as integer)
            + cast(coalesce(e_status in (1, 2), false) as integer)
            + cast(coalesce(f_status in (1, 2), false) as integer)
            + cast(coalesce(g_status in (1, 2), false) as integer)
            + cast(coalesce(h_status in (1, 2), false) as integer)
        )
        = 0,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.10' as population
from skip_logic
where
    fiscal_year = 2016
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 8,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.2' as population
from skip_logic
where
    fiscal_year = 2016
    and (
        coalesce(
            (
                cast(coalesce(a_status = 1, false) as integer)
                + cast(coalesce(b_status = 1, false) as integer)
                + cast(coalesce(c_status = 1, false) as integer)
                + cast(coalesce(d_status = 1, false) as integer)
                + cast(coalesce(e_status = 1, false) as integer)
                + cast(coalesce(f_status = 1, false) as integer)
                + cast(coalesce(g_status = 1, false) as integer)
                + cast(coalesce(h_status = 1, false) as integer)
            )
            = 0,
            false
        )
        and coalesce(
            (
                cast(coalesce(a_status = 2, false) as integer)
                + cast(coalesce(b_status = 2, false) as integer)
                + cast(coalesce(c_status = 2, false) as integer)
                + cast(coalesce(d_status = 2, false) as integer)
                + cast(coalesce(e_status = 2, false) as integer)
                + cast(coalesce(f_status = 2, false) as integer)
                + cast(coalesce(g_status = 2, false) as integer)
                + cast(coalesce(h_status = 2, false) as integer)
            )
            >= 1,
            false
        )
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.3' as population
from skip_logic
where
    fiscal_year = 2016
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 1,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.4' as population
from skip_logic
where
    fiscal_year = 2016
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 2,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.5' as population
from skip_logic
where
    fiscal_year = 2016
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 3,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.6' as population
from skip_logic
where
    fiscal_year = 2016
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 4,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.7' as population
from skip_logic
where
    fiscal_year = 2016
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 5,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.8' as population
from skip_logic
where
    fiscal_year = 2016
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 6,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.9' as population
from skip_logic
where
    fiscal_year = 2016
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 7,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'all' as population
from skip_logic
where fiscal_year = 2017 and true
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'highest_five_prefectures' as population
from skip_logic
where fiscal_year = 2017 and coalesce(regexp_matches(cast(f1_municipality_code as varchar), '^(18|26|34|36|41)'), false)
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'lowest_five_prefectures' as population
from skip_logic
where fiscal_year = 2017 and coalesce(regexp_matches(cast(f1_municipality_code as varchar), '^(02|16|29|37|47)'), false)
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'popband_1' as population
from banded
where fiscal_year = 2017 and true and population_band = '5万人未満'
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'popband_2' as population
from banded
where fiscal_year = 2017 and true and population_band = '5万人以上10万人未満'
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'popband_3' as population
from banded
where fiscal_year = 2017 and true and population_band = '10万人以上20万人未満'
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'popband_4' as population
from banded
where fiscal_year = 2017 and true and population_band = '20万人以上50万人未満'
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'popband_5' as population
from banded
where fiscal_year = 2017 and true and population_band = '50万人以上'
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.1' as population
from skip_logic
where
    fiscal_year = 2017
    and coalesce(
        (
            cast(coalesce(a_status in (1, 2), false) as integer)
            + cast(coalesce(b_status in (1, 2), false) as integer)
            + cast(coalesce(c_status in (1, 2), false) as integer)
            + cast(coalesce(d_status in (1, 2), false) as integer)
            + cast(coalesce(e_status in (1, 2), false) as integer)
            + cast(coalesce(f_status in (1, 2), false) as integer)
            + cast(coalesce(g_status in (1, 2), false) as integer)
            + cast(coalesce(h_status in (1, 2), false) as integer)
        )
        = 0,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.10' as population
from skip_logic
where
    fiscal_year = 2017
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 8,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.2' as population
from skip_logic
where
    fiscal_year = 2017
    and (
        coalesce(
            (
                cast(coalesce(a_status = 1, false) as integer)
                + cast(coalesce(b_status = 1, false) as integer)
                + cast(coalesce(c_status = 1, false) as integer)
                + cast(coalesce(d_status = 1, false) as integer)
                + cast(coalesce(e_status = 1, false) as integer)
                + cast(coalesce(f_status = 1, false) as integer)
                + cast(coalesce(g_status = 1, false) as integer)
                + cast(coalesce(h_status = 1, false) as integer)
            )
            = 0,
            false
        )
        and coalesce(
            (
                cast(coalesce(a_status = 2, false) as integer)
                + cast(coalesce(b_status = 2, false) as integer)
                + cast(coalesce(c_status = 2, false) as integer)
                + cast(coalesce(d_status = 2, false) as integer)
                + cast(coalesce(e_status = 2, false) as integer)
                + cast(coalesce(f_status = 2, false) as integer)
                + cast(coalesce(g_status = 2, false) as integer)
                + cast(coalesce(h_status = 2, false) as integer)
            )
            >= 1,
            false
        )
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.3' as population
from skip_logic
where
    fiscal_year = 2017
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 1,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.4' as population
from skip_logic
where
    fiscal_year = 2017
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 2,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.5' as population
from skip_logic
where
    fiscal_year = 2017
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 3,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.6' as population
from skip_logic
where
    fiscal_year = 2017
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 4,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.7' as population
from skip_logic
where
    fiscal_year = 2017
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 5,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.8' as population
from skip_logic
where
    fiscal_year = 2017
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 6,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'rule:1.9' as population
from skip_logic
where
    fiscal_year = 2017
    and coalesce(
        (
            cast(coalesce(a_status = 1, false) as integer)
            + cast(coalesce(b_status = 1, false) as integer)
            + cast(coalesce(c_status = 1, false) as integer)
            + cast(coalesce(d_status = 1, false) as integer)
            + cast(coalesce(e_status = 1, false) as integer)
            + cast(coalesce(f_status = 1, false) as integer)
            + cast(coalesce(g_status = 1, false) as integer)
            + cast(coalesce(h_status = 1, false) as integer)
        )
        = 7,
        false
    )
union all
select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    'all' as population
from skip_logic
where fiscal_year = 2023 and true
