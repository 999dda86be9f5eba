-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per coordinator return, one column per rule of its edition: TRUE holds, FALSE broken, NULL does not apply.
with skip_logic as (
    select *
    from {{ ref('int_coordinator__skip_logic') }}
    where {{ is_new_return() }}
),

edition_2023 as (
    -- in the codebook's order of rules
    select  -- noqa: ST06
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        (
            case
                when f1_1_municipality_code__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f1_1_municipality_code as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f1_1_municipality_code__format,
        (
            case
                when not f1_2_prefecture_code__is_relevant
                    then not f1_2_prefecture_code__is_given
            end
        ) as f1_2_prefecture_code__relevant,
        (
            case
                when f1_2_prefecture_code__is_relevant
                    then f1_2_prefecture_code__is_given
            end
        ) as f1_2_prefecture_code__required,
        (
            case
                when
                    f1_2_prefecture_code__is_relevant
                    and f1_2_prefecture_code__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f1_2_prefecture_code__effective as varchar),
                            '^[0-9]{2}$'
                        ),
                        false
                    )
            end
        ) as f1_2_prefecture_code__format,
        q1_employment_status__is_given as q1_employment_status__required,
        (
            case
                when not q1_1_days_per_week__is_relevant
                    then not q1_1_days_per_week__is_given
            end
        ) as q1_1_days_per_week__relevant,
        (
            case
                when q1_1_days_per_week__is_relevant then q1_1_days_per_week__is_given
            end
        ) as q1_1_days_per_week__required,
        (
            case
                when q1_1_days_per_week__is_relevant and q1_1_days_per_week__is_given
                    then (
                        coalesce(q1_1_days_per_week__effective >= 0, false)
                        and coalesce(q1_1_days_per_week__effective <= 7, false)
                    )
            end
        ) as q1_1_days_per_week__range,
        (
            case
                when not q1_1_hours_per_day__is_relevant
                    then not q1_1_hours_per_day__is_given
            end
        ) as q1_1_hours_per_day__relevant,
        (
            case
                when q1_1_hours_per_day__is_relevant then q1_1_hours_per_day__is_given
            end
        ) as q1_1_hours_per_day__required,
        (
            case
                when q1_1_hours_per_day__is_relevant and q1_1_hours_per_day__is_given
                    then (
                        coalesce(q1_1_hours_per_day__effective >= 0, false)
                        and coalesce(q1_1_hours_per_day__effective <= 24, false)
                    )
            end
        ) as q1_1_hours_per_day__range,
        q2_affiliation__is_given as q2_affiliation__required,
        (
            case
                when not q2_affiliation_other__is_relevant
                    then not q2_affiliation_other__is_given
            end
        ) as q2_affiliation_other__relevant,
        (
            case
                when q2_affiliation_other__is_relevant
                    then q2_affiliation_other__is_given
            end
        ) as q2_affiliation_other__required,
        q3_qualifications__is_given as q3_qualifications__required,
        (
            case
                when not q3_qualifications_other__is_relevant
                    then not q3_qualifications_other__is_given
            end
        ) as q3_qualifications_other__relevant,
        (
            case
                when q3_qualifications_other__is_relevant
                    then q3_qualifications_other__is_given
            end
        ) as q3_qualifications_other__required,
        q4_experience_years__is_given as q4_experience_years__required,
        (
            case
                when q4_experience_years__is_given
                    then coalesce(q4_experience_years >= 0, false)
            end
        ) as q4_experience_years__range,
        (
            case
                when q4_experience_years__is_given
                    then coalesce(q4_experience_years <= 50, false)
            end
        ) as q4_experience_years__plausible,
        q4_experience_months__is_given as q4_experience_months__required,
        (
            case
                when q4_experience_months__is_given
                    then (
                        coalesce(q4_experience_months >= 0, false)
                        and coalesce(q4_experience_months <= 11, false)
                    )
            end
        ) as q4_experience_months__range,
        q5_1_operation_mode__is_given as q5_1_operation_mode__required,
        q5_2_full_time_dedicated_count__is_given as q5_2_full_time_dedicated_count__required,
        (
            case
                when q5_2_full_time_dedicated_count__is_given
                    then coalesce(q5_2_full_time_dedicated_count >= 0, false)
            end
        ) as q5_2_full_time_dedicated_count__range,
        (
            case
                when q5_2_full_time_dedicated_count__is_given
                    then coalesce(
                        q5_2_full_time_dedicated_count <= 50,
                        false
                    )
            end
        ) as q5_2_full_time_dedicated_count__plausible,
        q5_2_full_time_concurrent_count__is_given as q5_2_full_time_concurrent_count__required,
        (
            case
                when q5_2_full_time_concurrent_count__is_given
                    then coalesce(
                        q5_2_full_time_concurrent_count >= 0,
                        false
                    )
            end
        ) as q5_2_full_time_concurrent_count__range,
        (
            case
                when q5_2_full_time_concurrent_count__is_given
                    then coalesce(
                        q5_2_full_time_concurrent_count <= 50,
                        false
                    )
            end
        ) as q5_2_full_time_concurrent_count__plausible,
        q5_2_part_time_count__is_given as q5_2_part_time_count__required,
        (
            case
                when q5_2_part_time_count__is_given
                    then coalesce(q5_2_part_time_count >= 0, false)
            end
        ) as q5_2_part_time_count__range,
        (
            case
                when q5_2_part_time_count__is_given
                    then coalesce(q5_2_part_time_count <= 50, false)
            end
        ) as q5_2_part_time_count__plausible,
        q5_3_duties__is_given as q5_3_duties__required,
        (
            case
                when not q5_3_duties_other__is_relevant
                    then not q5_3_duties_other__is_given
            end
        ) as q5_3_duties_other__relevant,
        (case when q5_3_duties_other__is_relevant then q5_3_duties_other__is_given end) as q5_3_duties_other__required,
        q5_4_core_coordinator_placed__is_given as q5_4_core_coordinator_placed__required,
        (
            case
                when not q5_4_1_respondent_is_core__is_relevant
                    then not q5_4_1_respondent_is_core__is_given
            end
        ) as q5_4_1_respondent_is_core__relevant,
        (
            case
                when q5_4_1_respondent_is_core__is_relevant
                    then q5_4_1_respondent_is_core__is_given
            end
        ) as q5_4_1_respondent_is_core__required,
        (
            case
                when not q5_4_2_core_field_relationship__is_relevant
                    then not q5_4_2_core_field_relationship__is_given
            end
        ) as q5_4_2_core_field_relationship__relevant
    from skip_logic
    where fiscal_year = 2023
)

select * from edition_2023
