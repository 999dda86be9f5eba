-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per prefecture return, one column per rule of its edition: TRUE holds, FALSE broken, NULL does not apply.
with skip_logic as (
    select *
    from {{ ref('int_prefecture__skip_logic') }}
    where {{ is_new_return() }}
),

edition_2023 as (
    -- in the codebook's order of rules
    select  -- noqa: ST06
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        f1_prefecture_code__is_given as f1_prefecture_code__required,
        (
            case
                when f1_prefecture_code__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f1_prefecture_code as varchar),
                            '^[0-9]{2}$'
                        ),
                        false
                    )
            end
        ) as f1_prefecture_code__format,
        q1_implementation_structure__is_given as q1_implementation_structure__required,
        q2_1_head_office_support__is_given as q2_1_head_office_support__required,
        q2_2_health_center_support__is_given as q2_2_health_center_support__required,
        q2_3_regional_bureau_support__is_given as q2_3_regional_bureau_support__required,
        q3_council__is_given as q3_council__required,
        (
            case
                when not q3_1_council_entrusted__is_relevant
                    then not q3_1_council_entrusted__is_given
            end
        ) as q3_1_council_entrusted__relevant,
        (
            case
                when q3_1_council_entrusted__is_relevant
                    then q3_1_council_entrusted__is_given
            end
        ) as q3_1_council_entrusted__required,
        (
            case
                when not q3_2_council_frequency__is_relevant
                    then not q3_2_council_frequency__is_given
            end
        ) as q3_2_council_frequency__relevant,
        (
            case
                when q3_2_council_frequency__is_relevant
                    then q3_2_council_frequency__is_given
            end
        ) as q3_2_council_frequency__required,
        (
            case
                when
                    not q3_3_1_council_topics_municipal_support__is_relevant
                    then not q3_3_1_council_topics_municipal_support__is_given
            end
        ) as q3_3_1_council_topics_municipal_support__relevant,
        (
            case
                when
                    q3_3_1_council_topics_municipal_support__is_relevant
                    then q3_3_1_council_topics_municipal_support__is_given
            end
        ) as q3_3_1_council_topics_municipal_support__required,
        (
            case
                when not q3_3_2_council_topics_prefecture__is_relevant
                    then not q3_3_2_council_topics_prefecture__is_given
            end
        ) as q3_3_2_council_topics_prefecture__relevant,
        (
            case
                when q3_3_2_council_topics_prefecture__is_relevant
                    then q3_3_2_council_topics_prefecture__is_given
            end
        ) as q3_3_2_council_topics_prefecture__required,
        (
            case
                when
                    not q3_3_1_council_topics_municipal_support_other__is_relevant
                    then not q3_3_1_council_topics_municipal_support_other__is_given
            end
        ) as q3_3_1_council_topics_municipal_support_other__relevant,
        (
            case
                when
                    q3_3_1_council_topics_municipal_support_other__is_relevant
                    then q3_3_1_council_topics_municipal_support_other__is_given
            end
        ) as q3_3_1_council_topics_municipal_support_other__required,
        (
            case
                when
                    not q3_3_2_council_topics_prefecture_other__is_relevant
                    then not q3_3_2_council_topics_prefecture_other__is_given
            end
        ) as q3_3_2_council_topics_prefecture_other__relevant,
        (
            case
                when
                    q3_3_2_council_topics_prefecture_other__is_relevant
                    then q3_3_2_council_topics_prefecture_other__is_given
            end
        ) as q3_3_2_council_topics_prefecture_other__required,
        (
            case
                when not q3_4_council_members__is_relevant
                    then not q3_4_council_members__is_given
            end
        ) as q3_4_council_members__relevant,
        (
            case
                when q3_4_council_members__is_relevant
                    then q3_4_council_members__is_given
            end
        ) as q3_4_council_members__required,
        (
            case
                when not q3_4_council_members_other__is_relevant
                    then not q3_4_council_members_other__is_given
            end
        ) as q3_4_council_members_other__relevant,
        (
            case
                when q3_4_council_members_other__is_relevant
                    then q3_4_council_members_other__is_given
            end
        ) as q3_4_council_members_other__required,
        (
            case
                when not q3_5_council_practices__is_relevant
                    then not q3_5_council_practices__is_given
            end
        ) as q3_5_council_practices__relevant,
        q4_1_daily_care_implemented__is_given as q4_1_daily_care_implemented__required,
        q4_1_admission_discharge_implemented__is_given as q4_1_admission_discharge_implemented__required,
        q4_1_emergency_implemented__is_given as q4_1_emergency_implemented__required,
        q4_1_end_of_life_implemented__is_given as q4_1_end_of_life_implemented__required,
        q4_1_dementia_implemented__is_given as q4_1_dementia_implemented__required,
        q4_1_infection_implemented__is_given as q4_1_infection_implemented__required,
        q4_1_disaster_implemented__is_given as q4_1_disaster_implemented__required,
        q4_1_other_implemented__is_given as q4_1_other_implemented__required,
        (
            case
                when not q4_2_1_daily_care_department_link__is_relevant
                    then not q4_2_1_daily_care_department_link__is_given
            end
        ) as q4_2_1_daily_care_department_link__relevant,
        (
            case
                when q4_2_1_daily_care_department_link__is_relevant
                    then q4_2_1_daily_care_department_link__is_given
            end
        ) as q4_2_1_daily_care_department_link__required,
        (
            case
                when
                    not q4_2_1_admission_discharge_department_link__is_relevant
                    then not q4_2_1_admission_discharge_department_link__is_given
            end
        ) as q4_2_1_admission_discharge_department_link__relevant,
        (
            case
                when
                    q4_2_1_admission_discharge_department_link__is_relevant
                    then q4_2_1_admission_discharge_department_link__is_given
            end
        ) as q4_2_1_admission_discharge_department_link__required,
        (
            case
                when not q4_2_1_emergency_department_link__is_relevant
                    then not q4_2_1_emergency_department_link__is_given
            end
        ) as q4_2_1_emergency_department_link__relevant,
        (
            case
                when q4_2_1_emergency_department_link__is_relevant
                    then q4_2_1_emergency_department_link__is_given
            end
        ) as q4_2_1_emergency_department_link__required,
        (
            case
                when
                    not q4_2_1_end_of_life_department_link__is_relevant
                    then not q4_2_1_end_of_life_department_link__is_given
            end
        ) as q4_2_1_end_of_life_department_link__relevant,
        (
            case
                when q4_2_1_end_of_life_department_link__is_relevant
                    then q4_2_1_end_of_life_department_link__is_given
            end
        ) as q4_2_1_end_of_life_department_link__required,
        (
            case
                when not q4_2_1_dementia_department_link__is_relevant
                    then not q4_2_1_dementia_department_link__is_given
            end
        ) as q4_2_1_dementia_department_link__relevant,
        (
            case
                when q4_2_1_dementia_department_link__is_relevant
                    then q4_2_1_dementia_department_link__is_given
            end
        ) as q4_2_1_dementia_department_link__required,
        (
            case
                when not q4_2_1_infection_department_link__is_relevant
                    then not q4_2_1_infection_department_link__is_given
            end
        ) as q4_2_1_infection_department_link__relevant,
        (
            case
                when q4_2_1_infection_department_link__is_relevant
                    then q4_2_1_infection_department_link__is_given
            end
        ) as q4_2_1_infection_department_link__required,
        (
            case
                when not q4_2_1_disaster_department_link__is_relevant
                    then not q4_2_1_disaster_department_link__is_given
            end
        ) as q4_2_1_disaster_department_link__relevant,
        (
            case
                when q4_2_1_disaster_department_link__is_relevant
                    then q4_2_1_disaster_department_link__is_given
            end
        ) as q4_2_1_disaster_department_link__required,
        (
            case
                when not q4_2_1_other_department_link__is_relevant
                    then not q4_2_1_other_department_link__is_given
            end
        ) as q4_2_1_other_department_link__relevant,
        (
            case
                when q4_2_1_other_department_link__is_relevant
                    then q4_2_1_other_department_link__is_given
            end
        ) as q4_2_1_other_department_link__required,
        (
            case
                when
                    not q4_2_2_daily_care_effective_linkage__is_relevant
                    then not q4_2_2_daily_care_effective_linkage__is_given
            end
        ) as q4_2_2_daily_care_effective_linkage__relevant,
        (
            case
                when
                    not q4_2_2_admission_discharge_effective_linkage__is_relevant
                    then not q4_2_2_admission_discharge_effective_linkage__is_given
            end
        ) as q4_2_2_admission_discharge_effective_linkage__relevant,
        (
            case
                when
                    not q4_2_2_emergency_effective_linkage__is_relevant
                    then not q4_2_2_emergency_effective_linkage__is_given
            end
        ) as q4_2_2_emergency_effective_linkage__relevant,
        (
            case
                when
                    not q4_2_2_end_of_life_effective_linkage__is_relevant
                    then not q4_2_2_end_of_life_effective_linkage__is_given
            end
        ) as q4_2_2_end_of_life_effective_linkage__relevant,
        (
            case
                when not q4_2_2_dementia_effective_linkage__is_relevant
                    then not q4_2_2_dementia_effective_linkage__is_given
            end
        ) as q4_2_2_dementia_effective_linkage__relevant,
        (
            case
                when
                    not q4_2_2_infection_effective_linkage__is_relevant
                    then not q4_2_2_infection_effective_linkage__is_given
            end
        ) as q4_2_2_infection_effective_linkage__relevant,
        (
            case
                when not q4_2_2_disaster_effective_linkage__is_relevant
                    then not q4_2_2_disaster_effective_linkage__is_given
            end
        ) as q4_2_2_disaster_effective_linkage__relevant,
        (
            case
                when not q4_2_2_other_effective_linkage__is_relevant
                    then not q4_2_2_other_effective_linkage__is_given
            end
        ) as q4_2_2_other_effective_linkage__relevant,
        (
            case
                when
                    not q4_2_3_daily_care_effective_projects__is_relevant
                    then not q4_2_3_daily_care_effective_projects__is_given
            end
        ) as q4_2_3_daily_care_effective_projects__relevant,
        (
            case
                when
                    not q4_2_3_admission_discharge_effective_projects__is_relevant
                    then not q4_2_3_admission_discharge_effective_projects__is_given
            end
        ) as q4_2_3_admission_discharge_effective_projects__relevant,
        (
            case
                when
                    not q4_2_3_emergency_effective_projects__is_relevant
                    then not q4_2_3_emergency_effective_projects__is_given
            end
        ) as q4_2_3_emergency_effective_projects__relevant,
        (
            case
                when
                    not q4_2_3_end_of_life_effective_projects__is_relevant
                    then not q4_2_3_end_of_life_effective_projects__is_given
            end
        ) as q4_2_3_end_of_life_effective_projects__relevant,
        (
            case
                when
                    not q4_2_3_dementia_effective_projects__is_relevant
                    then not q4_2_3_dementia_effective_projects__is_given
            end
        ) as q4_2_3_dementia_effective_projects__relevant,
        (
            case
                when
                    not q4_2_3_infection_effective_projects__is_relevant
                    then not q4_2_3_infection_effective_projects__is_given
            end
        ) as q4_2_3_infection_effective_projects__relevant,
        (
            case
                when
                    not q4_2_3_disaster_effective_projects__is_relevant
                    then not q4_2_3_disaster_effective_projects__is_given
            end
        ) as q4_2_3_disaster_effective_projects__relevant,
        (
            case
                when not q4_2_3_other_effective_projects__is_relevant
                    then not q4_2_3_other_effective_projects__is_given
            end
        ) as q4_2_3_other_effective_projects__relevant,
        q6_1_status_assessment__is_given as q6_1_status_assessment__required,
        q6_2_needs_assessment__is_given as q6_2_needs_assessment__required,
        (
            case
                when q6_2_needs_assessment__is_given
                    then coalesce(
                        len(
                            list_filter(
                                coalesce(
                                    q6_2_needs_assessment,
                                    cast([] as integer[])
                                ),
                                lambda c: c is not null
                            )
                        )
                        <= 1,
                        false
                    )
            end
        ) as q6_2_needs_assessment__only_one,
        (
            case
                when not q6_1_status_assessment_other__is_relevant
                    then not q6_1_status_assessment_other__is_given
            end
        ) as q6_1_status_assessment_other__relevant,
        (
            case
                when q6_1_status_assessment_other__is_relevant
                    then q6_1_status_assessment_other__is_given
            end
        ) as q6_1_status_assessment_other__required,
        (
            case
                when not q6_2_needs_assessment_other__is_relevant
                    then not q6_2_needs_assessment_other__is_given
            end
        ) as q6_2_needs_assessment_other__relevant,
        (
            case
                when q6_2_needs_assessment_other__is_relevant
                    then q6_2_needs_assessment_other__is_given
            end
        ) as q6_2_needs_assessment_other__required,
        q7_1_1_1_municipal_issues__is_given as q7_1_1_1_municipal_issues__required,
        q7_1_1_2_municipal_top_issue__is_given as q7_1_1_2_municipal_top_issue__required,
        (
            case
                when q7_1_1_2_municipal_top_issue__is_given
                    then coalesce(
                        len(
                            list_filter(
                                coalesce(
                                    q7_1_1_2_municipal_top_issue,
                                    cast([] as integer[])
                                ),
                                lambda c: c is not null
                            )
                        )
                        <= 1,
                        false
                    )
            end
        ) as q7_1_1_2_municipal_top_issue__only_one,
        (
            case
                when q7_1_1_2_municipal_top_issue__is_given
                    then coalesce(
                        list_has_all(
                            coalesce(
                                q7_1_1_1_municipal_issues,
                                cast([] as integer[])
                            ),
                            coalesce(
                                q7_1_1_2_municipal_top_issue,
                                cast([] as integer[])
                            )
                        ),
                        false
                    )
            end
        ) as q7_1_1_2_municipal_top_issue__within_ticked,
        q7_1_2_1_support_issues__is_given as q7_1_2_1_support_issues__required,
        q7_1_2_2_support_top_issue__is_given as q7_1_2_2_support_top_issue__required,
        (
            case
                when q7_1_2_2_support_top_issue__is_given
                    then coalesce(
                        len(
                            list_filter(
                                coalesce(
                                    q7_1_2_2_support_top_issue,
                                    cast([] as integer[])
                                ),
                                lambda c: c is not null
                            )
                        )
                        <= 1,
                        false
                    )
            end
        ) as q7_1_2_2_support_top_issue__only_one,
        (
            case
                when q7_1_2_2_support_top_issue__is_given
                    then coalesce(
                        list_has_all(
                            coalesce(
                                q7_1_2_1_support_issues,
                                cast([] as integer[])
                            ),
                            coalesce(
                                q7_1_2_2_support_top_issue,
                                cast([] as integer[])
                            )
                        ),
                        false
                    )
            end
        ) as q7_1_2_2_support_top_issue__within_ticked,
        q7_2_1_prefecture_support__is_given as q7_2_1_prefecture_support__required,
        q7_2_2_health_center_support__is_given as q7_2_2_health_center_support__required,
        (
            case
                when not q7_1_1_1_municipal_issues_other__is_relevant
                    then not q7_1_1_1_municipal_issues_other__is_given
            end
        ) as q7_1_1_1_municipal_issues_other__relevant,
        (
            case
                when q7_1_1_1_municipal_issues_other__is_relevant
                    then q7_1_1_1_municipal_issues_other__is_given
            end
        ) as q7_1_1_1_municipal_issues_other__required,
        (
            case
                when not q7_1_2_1_support_issues_other__is_relevant
                    then not q7_1_2_1_support_issues_other__is_given
            end
        ) as q7_1_2_1_support_issues_other__relevant,
        (
            case
                when q7_1_2_1_support_issues_other__is_relevant
                    then q7_1_2_1_support_issues_other__is_given
            end
        ) as q7_1_2_1_support_issues_other__required,
        (
            case
                when not q7_2_1_prefecture_support_other__is_relevant
                    then not q7_2_1_prefecture_support_other__is_given
            end
        ) as q7_2_1_prefecture_support_other__relevant,
        (
            case
                when q7_2_1_prefecture_support_other__is_relevant
                    then q7_2_1_prefecture_support_other__is_given
            end
        ) as q7_2_1_prefecture_support_other__required,
        (
            case
                when
                    not q7_2_2_health_center_support_other__is_relevant
                    then not q7_2_2_health_center_support_other__is_given
            end
        ) as q7_2_2_health_center_support_other__relevant,
        (
            case
                when q7_2_2_health_center_support_other__is_relevant
                    then q7_2_2_health_center_support_other__is_given
            end
        ) as q7_2_2_health_center_support_other__required,
        q8_effective_support__is_given as q8_effective_support__required,
        (
            case
                when
                    not q8_1_effective_support_municipality__is_relevant
                    then not q8_1_effective_support_municipality__is_given
            end
        ) as q8_1_effective_support_municipality__relevant,
        (
            case
                when not q8_2_effective_support_themes__is_relevant
                    then not q8_2_effective_support_themes__is_given
            end
        ) as q8_2_effective_support_themes__relevant,
        (
            case
                when q8_2_effective_support_themes__is_relevant
                    then q8_2_effective_support_themes__is_given
            end
        ) as q8_2_effective_support_themes__required,
        (
            case
                when not q8_3_effective_support_details__is_relevant
                    then not q8_3_effective_support_details__is_given
            end
        ) as q8_3_effective_support_details__relevant,
        q9_effective_municipality__is_given as q9_effective_municipality__required,
        (
            case
                when not q9_1_effective_municipality_name__is_relevant
                    then not q9_1_effective_municipality_name__is_given
            end
        ) as q9_1_effective_municipality_name__relevant,
        (
            case
                when
                    not q9_2_effective_municipality_themes__is_relevant
                    then not q9_2_effective_municipality_themes__is_given
            end
        ) as q9_2_effective_municipality_themes__relevant,
        (
            case
                when q9_2_effective_municipality_themes__is_relevant
                    then q9_2_effective_municipality_themes__is_given
            end
        ) as q9_2_effective_municipality_themes__required,
        (
            case
                when
                    not q9_3_effective_municipality_details__is_relevant
                    then not q9_3_effective_municipality_details__is_given
            end
        ) as q9_3_effective_municipality_details__relevant,
        q10_municipality_with_issues__is_given as q10_municipality_with_issues__required,
        (
            case
                when not q10_1_municipality_issue_details__is_relevant
                    then not q10_1_municipality_issue_details__is_given
            end
        ) as q10_1_municipality_issue_details__relevant,
        q11_coordinator__is_given as q11_coordinator__required,
        (
            case
                when not q11_1_full_time_dedicated_count__is_relevant
                    then not q11_1_full_time_dedicated_count__is_given
            end
        ) as q11_1_full_time_dedicated_count__relevant,
        (
            case
                when q11_1_full_time_dedicated_count__is_relevant
                    then q11_1_full_time_dedicated_count__is_given
            end
        ) as q11_1_full_time_dedicated_count__required,
        (
            case
                when
                    q11_1_full_time_dedicated_count__is_relevant
                    and q11_1_full_time_dedicated_count__is_given
                    then coalesce(
                        q11_1_full_time_dedicated_count__effective >= 0,
                        false
                    )
            end
        ) as q11_1_full_time_dedicated_count__range,
        (
            case
                when
                    q11_1_full_time_dedicated_count__is_relevant
                    and q11_1_full_time_dedicated_count__is_given
                    then coalesce(
                        q11_1_full_time_dedicated_count__effective
                        <= 50,
                        false
                    )
            end
        ) as q11_1_full_time_dedicated_count__plausible,
        (
            case
                when not q11_1_full_time_concurrent_count__is_relevant
                    then not q11_1_full_time_concurrent_count__is_given
            end
        ) as q11_1_full_time_concurrent_count__relevant,
        (
            case
                when q11_1_full_time_concurrent_count__is_relevant
                    then q11_1_full_time_concurrent_count__is_given
            end
        ) as q11_1_full_time_concurrent_count__required,
        (
            case
                when
                    q11_1_full_time_concurrent_count__is_relevant
                    and q11_1_full_time_concurrent_count__is_given
                    then coalesce(
                        q11_1_full_time_concurrent_count__effective
                        >= 0,
                        false
                    )
            end
        ) as q11_1_full_time_concurrent_count__range,
        (
            case
                when
                    q11_1_full_time_concurrent_count__is_relevant
                    and q11_1_full_time_concurrent_count__is_given
                    then coalesce(
                        q11_1_full_time_concurrent_count__effective
                        <= 50,
                        false
                    )
            end
        ) as q11_1_full_time_concurrent_count__plausible,
        (
            case
                when not q11_1_part_time_count__is_relevant
                    then not q11_1_part_time_count__is_given
            end
        ) as q11_1_part_time_count__relevant,
        (
            case
                when q11_1_part_time_count__is_relevant
                    then q11_1_part_time_count__is_given
            end
        ) as q11_1_part_time_count__required,
        (
            case
                when
                    q11_1_part_time_count__is_relevant
                    and q11_1_part_time_count__is_given
                    then coalesce(q11_1_part_time_count__effective >= 0, false)
            end
        ) as q11_1_part_time_count__range,
        (
            case
                when
                    q11_1_part_time_count__is_relevant
                    and q11_1_part_time_count__is_given
                    then coalesce(q11_1_part_time_count__effective <= 50, false)
            end
        ) as q11_1_part_time_count__plausible,
        (
            case
                when not q11_1_unknown_type_count__is_relevant
                    then not q11_1_unknown_type_count__is_given
            end
        ) as q11_1_unknown_type_count__relevant,
        (
            case
                when q11_1_unknown_type_count__is_relevant
                    then q11_1_unknown_type_count__is_given
            end
        ) as q11_1_unknown_type_count__required,
        (
            case
                when
                    q11_1_unknown_type_count__is_relevant
                    and q11_1_unknown_type_count__is_given
                    then coalesce(q11_1_unknown_type_count__effective >= 0, false)
            end
        ) as q11_1_unknown_type_count__range,
        (
            case
                when
                    q11_1_unknown_type_count__is_relevant
                    and q11_1_unknown_type_count__is_given
                    then coalesce(
                        q11_1_unknown_type_count__effective <= 50,
                        false
                    )
            end
        ) as q11_1_unknown_type_count__plausible,
        (
            case
                when not q11_2_coordinator_professions__is_relevant
                    then not q11_2_coordinator_professions__is_given
            end
        ) as q11_2_coordinator_professions__relevant,
        (
            case
                when q11_2_coordinator_professions__is_relevant
                    then q11_2_coordinator_professions__is_given
            end
        ) as q11_2_coordinator_professions__required,
        (
            case
                when
                    q11_2_coordinator_professions__is_relevant
                    and q11_2_coordinator_professions__is_given
                    then (
                        not (
                            coalesce(
                                list_contains(
                                    coalesce(
                                        q11_2_coordinator_professions__effective,
                                        cast(
                                            [] as integer[]
                                        )
                                    ),
                                    12
                                ),
                                false
                            )
                            and coalesce(
                                len(
                                    list_filter(
                                        coalesce(
                                            q11_2_coordinator_professions__effective,
                                            cast(
                                                [] as integer[]
                                            )
                                        ),
                                        lambda c: c is not null
                                    )
                                )
                                > 1,
                                false
                            )
                        )
                    )
            end
        ) as q11_2_coordinator_professions__exclusive_unknown,
        (
            case
                when
                    not q11_2_coordinator_professions_other__is_relevant
                    then not q11_2_coordinator_professions_other__is_given
            end
        ) as q11_2_coordinator_professions_other__relevant,
        (
            case
                when q11_2_coordinator_professions_other__is_relevant
                    then q11_2_coordinator_professions_other__is_given
            end
        ) as q11_2_coordinator_professions_other__required,
        (
            case
                when not q11_3_coordinator_placement__is_relevant
                    then not q11_3_coordinator_placement__is_given
            end
        ) as q11_3_coordinator_placement__relevant,
        (
            case
                when q11_3_coordinator_placement__is_relevant
                    then q11_3_coordinator_placement__is_given
            end
        ) as q11_3_coordinator_placement__required,
        (
            case
                when
                    q11_3_coordinator_placement__is_relevant
                    and q11_3_coordinator_placement__is_given
                    then (
                        not (
                            coalesce(
                                list_contains(
                                    coalesce(
                                        q11_3_coordinator_placement__effective,
                                        cast(
                                            [] as integer[]
                                        )
                                    ),
                                    12
                                ),
                                false
                            )
                            and coalesce(
                                len(
                                    list_filter(
                                        coalesce(
                                            q11_3_coordinator_placement__effective,
                                            cast(
                                                [] as integer[]
                                            )
                                        ),
                                        lambda c: c is not null
                                    )
                                )
                                > 1,
                                false
                            )
                        )
                    )
            end
        ) as q11_3_coordinator_placement__exclusive_unknown,
        (
            case
                when not q11_3_coordinator_placement_other__is_relevant
                    then not q11_3_coordinator_placement_other__is_given
            end
        ) as q11_3_coordinator_placement_other__relevant,
        (
            case
                when q11_3_coordinator_placement_other__is_relevant
                    then q11_3_coordinator_placement_other__is_given
            end
        ) as q11_3_coordinator_placement_other__required,
        (
            case
                when not q11_4_coordinator_duties__is_relevant
                    then not q11_4_coordinator_duties__is_given
            end
        ) as q11_4_coordinator_duties__relevant,
        (
            case
                when q11_4_coordinator_duties__is_relevant
                    then q11_4_coordinator_duties__is_given
            end
        ) as q11_4_coordinator_duties__required,
        (
            case
                when
                    q11_4_coordinator_duties__is_relevant
                    and q11_4_coordinator_duties__is_given
                    then (
                        not (
                            coalesce(
                                list_contains(
                                    coalesce(
                                        q11_4_coordinator_duties__effective,
                                        cast([] as integer[])
                                    ),
                                    16
                                ),
                                false
                            )
                            and coalesce(
                                len(
                                    list_filter(
                                        coalesce(
                                            q11_4_coordinator_duties__effective,
                                            cast(
                                                [] as integer[]
                                            )
                                        ),
                                        lambda c: c is not null
                                    )
                                )
                                > 1,
                                false
                            )
                        )
                    )
            end
        ) as q11_4_coordinator_duties__exclusive_unknown,
        (
            case
                when not q11_4_coordinator_duties_other__is_relevant
                    then not q11_4_coordinator_duties_other__is_given
            end
        ) as q11_4_coordinator_duties_other__relevant,
        (
            case
                when q11_4_coordinator_duties_other__is_relevant
                    then q11_4_coordinator_duties_other__is_given
            end
        ) as q11_4_coordinator_duties_other__required,
        (
            case
                when not q11_5_coordinator_practices__is_relevant
                    then not q11_5_coordinator_practices__is_given
            end
        ) as q11_5_coordinator_practices__relevant,
        q11_6_coordinator_training__is_given as q11_6_coordinator_training__required,
        q12_municipal_coordinator_training_support__is_given as q12_municipal_coordinator_training_support__required,
        (
            case
                when not q12_1_training_support_details__is_relevant
                    then not q12_1_training_support_details__is_given
            end
        ) as q12_1_training_support_details__relevant,
        q13_base_linkage__is_given as q13_base_linkage__required,
        (
            case
                when not q13_1_operator_relation__is_relevant
                    then not q13_1_operator_relation__is_given
            end
        ) as q13_1_operator_relation__relevant,
        (
            case
                when q13_1_operator_relation__is_relevant
                    then q13_1_operator_relation__is_given
            end
        ) as q13_1_operator_relation__required,
        (
            case
                when not q13_1_1_operator__is_relevant
                    then not q13_1_1_operator__is_given
            end
        ) as q13_1_1_operator__relevant,
        (case when q13_1_1_operator__is_relevant then q13_1_1_operator__is_given end) as q13_1_1_operator__required,
        (
            case
                when not q13_1_1_operator_other__is_relevant
                    then not q13_1_1_operator_other__is_given
            end
        ) as q13_1_1_operator_other__relevant,
        (
            case
                when q13_1_1_operator_other__is_relevant
                    then q13_1_1_operator_other__is_given
            end
        ) as q13_1_1_operator_other__required,
        (
            case
                when not q13_1_2_1_base_operator__is_relevant
                    then not q13_1_2_1_base_operator__is_given
            end
        ) as q13_1_2_1_base_operator__relevant,
        (
            case
                when q13_1_2_1_base_operator__is_relevant
                    then q13_1_2_1_base_operator__is_given
            end
        ) as q13_1_2_1_base_operator__required,
        (
            case
                when not q13_1_2_1_base_operator_other__is_relevant
                    then not q13_1_2_1_base_operator_other__is_given
            end
        ) as q13_1_2_1_base_operator_other__relevant,
        (
            case
                when q13_1_2_1_base_operator_other__is_relevant
                    then q13_1_2_1_base_operator_other__is_given
            end
        ) as q13_1_2_1_base_operator_other__required,
        (
            case
                when not q13_1_2_2_consultation_operator__is_relevant
                    then not q13_1_2_2_consultation_operator__is_given
            end
        ) as q13_1_2_2_consultation_operator__relevant,
        (
            case
                when q13_1_2_2_consultation_operator__is_relevant
                    then q13_1_2_2_consultation_operator__is_given
            end
        ) as q13_1_2_2_consultation_operator__required,
        (
            case
                when
                    not q13_1_2_2_consultation_operator_other__is_relevant
                    then not q13_1_2_2_consultation_operator_other__is_given
            end
        ) as q13_1_2_2_consultation_operator_other__relevant,
        (
            case
                when
                    q13_1_2_2_consultation_operator_other__is_relevant
                    then q13_1_2_2_consultation_operator_other__is_given
            end
        ) as q13_1_2_2_consultation_operator_other__required,
        (
            case
                when not q13_2_linkage_details__is_relevant
                    then not q13_2_linkage_details__is_given
            end
        ) as q13_2_linkage_details__relevant
    from skip_logic
    where fiscal_year = 2023
)

select * from edition_2023
