-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per coordinator return: each answer as written, and for an item with a skip rule whether it applies
-- (<item>__is_relevant) and the answer as it counts (<item>__effective: NULL where it does not); whether each item is
-- answered (<item>__is_given).
with answers as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        f1_1_municipality_code,
        f1_2_prefecture_code,
        q1_employment_status,
        q1_1_days_per_week,
        q1_1_hours_per_day,
        q2_affiliation,
        q2_affiliation_other,
        q3_qualifications,
        q3_qualifications_other,
        q4_experience_years,
        q4_experience_months,
        q5_1_operation_mode,
        q5_2_full_time_dedicated_count,
        q5_2_full_time_concurrent_count,
        q5_2_part_time_count,
        q5_3_duties,
        q5_3_duties_other,
        q5_4_core_coordinator_placed,
        q5_4_1_respondent_is_core,
        q5_4_2_core_field_relationship,
        q5_5_practices,
        q5_6_issues,
        q5_7_support_requests
    from {{ ref('int_coordinator__respondent_answers') }}
    where {{ is_new_return() }}
),

edition_2023 as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        f1_1_municipality_code,
        f1_2_prefecture_code,
        q1_employment_status,
        q1_1_days_per_week,
        q1_1_hours_per_day,
        q2_affiliation,
        q2_affiliation_other,
        q3_qualifications,
        q3_qualifications_other,
        q4_experience_years,
        q4_experience_months,
        q5_1_operation_mode,
        q5_2_full_time_dedicated_count,
        q5_2_full_time_concurrent_count,
        q5_2_part_time_count,
        q5_3_duties,
        q5_3_duties_other,
        q5_4_core_coordinator_placed,
        q5_4_1_respondent_is_core,
        q5_4_2_core_field_relationship,
        q5_5_practices,
        q5_6_issues,
        q5_7_support_requests,
        (f1_1_municipality_code is not null and f1_1_municipality_code <> '') as f1_1_municipality_code__is_given,
        (f1_2_prefecture_code is not null and f1_2_prefecture_code <> '') as f1_2_prefecture_code__is_given,
        (q1_employment_status is not null) as q1_employment_status__is_given,
        (q1_1_days_per_week is not null) as q1_1_days_per_week__is_given,
        (q1_1_hours_per_day is not null) as q1_1_hours_per_day__is_given,
        (q2_affiliation is not null) as q2_affiliation__is_given,
        (q2_affiliation_other is not null and q2_affiliation_other <> '') as q2_affiliation_other__is_given,
        (len(coalesce(q3_qualifications, cast([] as integer[]))) > 0) as q3_qualifications__is_given,
        (q3_qualifications_other is not null and q3_qualifications_other <> '') as q3_qualifications_other__is_given,
        (q4_experience_years is not null) as q4_experience_years__is_given,
        (q4_experience_months is not null) as q4_experience_months__is_given,
        (q5_1_operation_mode is not null) as q5_1_operation_mode__is_given,
        (q5_2_full_time_dedicated_count is not null) as q5_2_full_time_dedicated_count__is_given,
        (q5_2_full_time_concurrent_count is not null) as q5_2_full_time_concurrent_count__is_given,
        (q5_2_part_time_count is not null) as q5_2_part_time_count__is_given,
        (len(coalesce(q5_3_duties, cast([] as integer[]))) > 0) as q5_3_duties__is_given,
        (q5_3_duties_other is not null and q5_3_duties_other <> '') as q5_3_duties_other__is_given,
        (q5_4_core_coordinator_placed is not null) as q5_4_core_coordinator_placed__is_given,
        (q5_4_1_respondent_is_core is not null) as q5_4_1_respondent_is_core__is_given,
        (
            q5_4_2_core_field_relationship is not null
            and q5_4_2_core_field_relationship <> ''
        ) as q5_4_2_core_field_relationship__is_given,
        (q5_5_practices is not null and q5_5_practices <> '') as q5_5_practices__is_given,
        (q5_6_issues is not null and q5_6_issues <> '') as q5_6_issues__is_given,
        (q5_7_support_requests is not null and q5_7_support_requests <> '') as q5_7_support_requests__is_given,
        (
            not coalesce(
                (
                    f1_1_municipality_code is not null
                    and f1_1_municipality_code <> ''
                ),
                false
            )
        ) as f1_2_prefecture_code__is_relevant,
        case when f1_2_prefecture_code__is_relevant then f1_2_prefecture_code end as f1_2_prefecture_code__effective,
        coalesce(q1_employment_status = 3, false) as q1_1_days_per_week__is_relevant,
        case when q1_1_days_per_week__is_relevant then q1_1_days_per_week end as q1_1_days_per_week__effective,
        coalesce(q1_employment_status = 3, false) as q1_1_hours_per_day__is_relevant,
        case when q1_1_hours_per_day__is_relevant then q1_1_hours_per_day end as q1_1_hours_per_day__effective,
        coalesce(q2_affiliation = 12, false) as q2_affiliation_other__is_relevant,
        case when q2_affiliation_other__is_relevant then q2_affiliation_other end as q2_affiliation_other__effective,
        coalesce(
            list_contains(
                coalesce(q3_qualifications, cast([] as integer[])),
                11
            ),
            false
        ) as q3_qualifications_other__is_relevant,
        case
            when q3_qualifications_other__is_relevant
                then q3_qualifications_other
        end as q3_qualifications_other__effective,
        coalesce(
            list_contains(coalesce(q5_3_duties, cast([] as integer[])), 16),
            false
        ) as q5_3_duties_other__is_relevant,
        case when q5_3_duties_other__is_relevant then q5_3_duties_other end as q5_3_duties_other__effective,
        coalesce(q5_4_core_coordinator_placed = 1, false) as q5_4_1_respondent_is_core__is_relevant,
        case
            when q5_4_1_respondent_is_core__is_relevant
                then q5_4_1_respondent_is_core
        end as q5_4_1_respondent_is_core__effective,
        coalesce(q5_4_core_coordinator_placed = 1, false) as q5_4_2_core_field_relationship__is_relevant,
        case
            when q5_4_2_core_field_relationship__is_relevant
                then q5_4_2_core_field_relationship
        end as q5_4_2_core_field_relationship__effective
    from answers
    where fiscal_year = 2023
)

select * from edition_2023
