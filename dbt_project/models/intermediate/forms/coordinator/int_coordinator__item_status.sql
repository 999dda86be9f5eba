-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per coordinator return and item of its edition: whether it applies, is answered, and so its status.
with skip_logic as (
    select *
    from {{ ref('int_coordinator__skip_logic') }}
    where {{ is_new_return() }}
),

edition_2023 as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        unnest([
            { 'item_key': 'f1_1_municipality_code', 'is_relevant': true, 'is_given': f1_1_municipality_code__is_given },
            {
                'item_key': 'f1_2_prefecture_code',
                'is_relevant': f1_2_prefecture_code__is_relevant,
                'is_given': f1_2_prefecture_code__is_given
            },
            { 'item_key': 'q1_employment_status', 'is_relevant': true, 'is_given': q1_employment_status__is_given },
            {
                'item_key': 'q1_1_days_per_week',
                'is_relevant': q1_1_days_per_week__is_relevant,
                'is_given': q1_1_days_per_week__is_given
            },
            {
                'item_key': 'q1_1_hours_per_day',
                'is_relevant': q1_1_hours_per_day__is_relevant,
                'is_given': q1_1_hours_per_day__is_given
            },
            { 'item_key': 'q2_affiliation', 'is_relevant': true, 'is_given': q2_affiliation__is_given },
            {
                'item_key': 'q2_affiliation_other',
                'is_relevant': q2_affiliation_other__is_relevant,
                'is_given': q2_affiliation_other__is_given
            },
            { 'item_key': 'q3_qualifications', 'is_relevant': true, 'is_given': q3_qualifications__is_given },
            {
                'item_key': 'q3_qualifications_other',
                'is_relevant': q3_qualifications_other__is_relevant,
                'is_given': q3_qualifications_other__is_given
            },
            { 'item_key': 'q4_experience_years', 'is_relevant': true, 'is_given': q4_experience_years__is_given },
            { 'item_key': 'q4_experience_months', 'is_relevant': true, 'is_given': q4_experience_months__is_given },
            { 'item_key': 'q5_1_operation_mode', 'is_relevant': true, 'is_given': q5_1_operation_mode__is_given },
            {
                'item_key': 'q5_2_full_time_dedicated_count',
                'is_relevant': true,
                'is_given': q5_2_full_time_dedicated_count__is_given
            },
            {
                'item_key': 'q5_2_full_time_concurrent_count',
                'is_relevant': true,
                'is_given': q5_2_full_time_concurrent_count__is_given
            },
            { 'item_key': 'q5_2_part_time_count', 'is_relevant': true, 'is_given': q5_2_part_time_count__is_given },
            { 'item_key': 'q5_3_duties', 'is_relevant': true, 'is_given': q5_3_duties__is_given },
            {
                'item_key': 'q5_3_duties_other',
                'is_relevant': q5_3_duties_other__is_relevant,
                'is_given': q5_3_duties_other__is_given
            },
            {
                'item_key': 'q5_4_core_coordinator_placed',
                'is_relevant': true,
                'is_given': q5_4_core_coordinator_placed__is_given
            },
            {
                'item_key': 'q5_4_1_respondent_is_core',
                'is_relevant': q5_4_1_respondent_is_core__is_relevant,
                'is_given': q5_4_1_respondent_is_core__is_given
            },
            {
                'item_key': 'q5_4_2_core_field_relationship',
                'is_relevant': q5_4_2_core_field_relationship__is_relevant,
                'is_given': q5_4_2_core_field_relationship__is_given
            },
            { 'item_key': 'q5_5_practices', 'is_relevant': true, 'is_given': q5_5_practices__is_given },
            { 'item_key': 'q5_6_issues', 'is_relevant': true, 'is_given': q5_6_issues__is_given },
            { 'item_key': 'q5_7_support_requests', 'is_relevant': true, 'is_given': q5_7_support_requests__is_given }
        ]) as flag
    from skip_logic
    where fiscal_year = 2023
),

flags as (
    select * from edition_2023
)

select
    flags.fiscal_year,
    flags.form,
    flags.respondent_key,
    flags.submission_id,
    flags.flag.item_key,
    flags.flag.is_relevant,
    flags.flag.is_given,
    case
        when flags.flag.is_relevant and flags.flag.is_given then 'answered'
        when flags.flag.is_relevant then 'missing'
        when flags.flag.is_given then 'off_path'
        else 'skipped'
    end as status
from flags
