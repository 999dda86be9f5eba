-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per hub return, one column per rule of its edition: TRUE holds, FALSE broken, NULL does not apply.
with skip_logic as (
    select *
    from {{ ref('int_hub__skip_logic') }}
    where {{ is_new_return() }}
),

edition_2025 as (
    -- in the codebook's order of rules
    select  -- noqa: ST06
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        f1_hub_code__is_given as f1_hub_code__required,
        (
            case
                when f1_hub_code__is_given
                    then coalesce(
                        regexp_matches(cast(f1_hub_code as varchar), '^H[0-9]{6}$'),
                        false
                    )
            end
        ) as f1_hub_code__format,
        f2_prefecture_code__is_given as f2_prefecture_code__required,
        (
            case
                when f2_prefecture_code__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f2_prefecture_code as varchar),
                            '^[0-9]{2}$'
                        ),
                        false
                    )
            end
        ) as f2_prefecture_code__format,
        f3_hub_name__is_given as f3_hub_name__required,
        f4_area_name__is_given as f4_area_name__required,
        f5_area_municipality_01__is_given as f5_area_municipality_01__required,
        (
            case
                when f5_area_municipality_01__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_01 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_01__format,
        (
            case
                when f5_area_municipality_02__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_02 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_02__format,
        (
            case
                when f5_area_municipality_03__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_03 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_03__format,
        (
            case
                when f5_area_municipality_04__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_04 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_04__format,
        (
            case
                when f5_area_municipality_05__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_05 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_05__format,
        (
            case
                when f5_area_municipality_06__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_06 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_06__format,
        (
            case
                when f5_area_municipality_07__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_07 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_07__format,
        (
            case
                when f5_area_municipality_08__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_08 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_08__format,
        (
            case
                when f5_area_municipality_09__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_09 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_09__format,
        (
            case
                when f5_area_municipality_10__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_10 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_10__format,
        (
            case
                when f5_area_municipality_11__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_11 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_11__format,
        (
            case
                when f5_area_municipality_12__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_12 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_12__format,
        (
            case
                when f5_area_municipality_13__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_13 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_13__format,
        (
            case
                when f5_area_municipality_14__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_14 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_14__format,
        (
            case
                when f5_area_municipality_15__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_15 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_15__format,
        (
            case
                when f5_area_municipality_16__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_16 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_16__format,
        (
            case
                when f5_area_municipality_17__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_17 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_17__format,
        (
            case
                when f5_area_municipality_18__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_18 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_18__format,
        (
            case
                when f5_area_municipality_19__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_19 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_19__format,
        (
            case
                when f5_area_municipality_20__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f5_area_municipality_20 as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f5_area_municipality_20__format,
        s01_q01_operator__is_given as s01_q01_operator__required,
        (
            case
                when not s01_q01_operator_other__is_relevant
                    then not s01_q01_operator_other__is_given
            end
        ) as s01_q01_operator_other__relevant,
        (
            case
                when s01_q01_operator_other__is_relevant
                    then s01_q01_operator_other__is_given
            end
        ) as s01_q01_operator_other__required,
        s01_q02_knows_area__is_given as s01_q02_knows_area__required,
        s01_q03_same_body__is_given as s01_q03_same_body__required,
        s01_q04_area_relation__is_given as s01_q04_area_relation__required,
        s02_q01_multiprofession__is_given as s02_q01_multiprofession__required,
        (
            case
                when not s02_q02_meeting__is_relevant then not s02_q02_meeting__is_given
            end
        ) as s02_q02_meeting__relevant,
        (case when s02_q02_meeting__is_relevant then s02_q02_meeting__is_given end) as s02_q02_meeting__required,
        (
            case
                when not s02_q03_meeting_participants__is_relevant
                    then not s02_q03_meeting_participants__is_given
            end
        ) as s02_q03_meeting_participants__relevant,
        (
            case
                when s02_q03_meeting_participants__is_relevant
                    then s02_q03_meeting_participants__is_given
            end
        ) as s02_q03_meeting_participants__required,
        (
            case
                when
                    not s02_q03_meeting_participants_other__is_relevant
                    then not s02_q03_meeting_participants_other__is_given
            end
        ) as s02_q03_meeting_participants_other__relevant,
        (
            case
                when s02_q03_meeting_participants_other__is_relevant
                    then s02_q03_meeting_participants_other__is_given
            end
        ) as s02_q03_meeting_participants_other__required,
        (
            case
                when not s02_q04_joint_meeting__is_relevant
                    then not s02_q04_joint_meeting__is_given
            end
        ) as s02_q04_joint_meeting__relevant,
        (
            case
                when s02_q04_joint_meeting__is_relevant
                    then s02_q04_joint_meeting__is_given
            end
        ) as s02_q04_joint_meeting__required,
        (
            case
                when
                    s02_q04_joint_meeting__is_relevant
                    and s02_q04_joint_meeting__is_given
                    then (
                        not (
                            coalesce(
                                list_contains(
                                    coalesce(
                                        s02_q04_joint_meeting__effective,
                                        cast([] as integer[])
                                    ),
                                    5
                                ),
                                false
                            )
                            and coalesce(
                                len(
                                    list_filter(
                                        coalesce(
                                            s02_q04_joint_meeting__effective,
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
        ) as s02_q04_joint_meeting__exclusive_not_joint,
        (
            case
                when not s02_q04_joint_meeting_other__is_relevant
                    then not s02_q04_joint_meeting_other__is_given
            end
        ) as s02_q04_joint_meeting_other__relevant,
        (
            case
                when s02_q04_joint_meeting_other__is_relevant
                    then s02_q04_joint_meeting_other__is_given
            end
        ) as s02_q04_joint_meeting_other__required,
        (
            case
                when not s02_q05_meeting_agenda__is_relevant
                    then not s02_q05_meeting_agenda__is_given
            end
        ) as s02_q05_meeting_agenda__relevant,
        (
            case
                when s02_q05_meeting_agenda__is_relevant
                    then s02_q05_meeting_agenda__is_given
            end
        ) as s02_q05_meeting_agenda__required,
        (
            case
                when not s02_q05_meeting_agenda_other__is_relevant
                    then not s02_q05_meeting_agenda_other__is_given
            end
        ) as s02_q05_meeting_agenda_other__relevant,
        (
            case
                when s02_q05_meeting_agenda_other__is_relevant
                    then s02_q05_meeting_agenda_other__is_given
            end
        ) as s02_q05_meeting_agenda_other__required,
        (
            case
                when not s02_q06_meeting_issues__is_relevant
                    then not s02_q06_meeting_issues__is_given
            end
        ) as s02_q06_meeting_issues__relevant,
        (
            case
                when s02_q06_meeting_issues__is_relevant
                    then s02_q06_meeting_issues__is_given
            end
        ) as s02_q06_meeting_issues__required,
        (
            case
                when not s02_q06_meeting_issues_other__is_relevant
                    then not s02_q06_meeting_issues_other__is_given
            end
        ) as s02_q06_meeting_issues_other__relevant,
        (
            case
                when s02_q06_meeting_issues_other__is_relevant
                    then s02_q06_meeting_issues_other__is_given
            end
        ) as s02_q06_meeting_issues_other__required,
        s03_q01_resource_list__is_given as s03_q01_resource_list__required,
        (
            case
                when not s03_q02_sources__is_relevant then not s03_q02_sources__is_given
            end
        ) as s03_q02_sources__relevant,
        (case when s03_q02_sources__is_relevant then s03_q02_sources__is_given end) as s03_q02_sources__required,
        (
            case
                when not s03_q02_sources_other__is_relevant
                    then not s03_q02_sources_other__is_given
            end
        ) as s03_q02_sources_other__relevant,
        (
            case
                when s03_q02_sources_other__is_relevant
                    then s03_q02_sources_other__is_given
            end
        ) as s03_q02_sources_other__required,
        (
            case
                when not s03_q03_institutions__is_relevant
                    then not s03_q03_institutions__is_given
            end
        ) as s03_q03_institutions__relevant,
        (
            case
                when s03_q03_institutions__is_relevant
                    then s03_q03_institutions__is_given
            end
        ) as s03_q03_institutions__required,
        (
            case
                when not s03_q04_hospital_functions__is_relevant
                    then not s03_q04_hospital_functions__is_given
            end
        ) as s03_q04_hospital_functions__relevant,
        (
            case
                when s03_q04_hospital_functions__is_relevant
                    then s03_q04_hospital_functions__is_given
            end
        ) as s03_q04_hospital_functions__required,
        (
            case
                when not s03_q05_clinic_functions__is_relevant
                    then not s03_q05_clinic_functions__is_given
            end
        ) as s03_q05_clinic_functions__relevant,
        (
            case
                when s03_q05_clinic_functions__is_relevant
                    then s03_q05_clinic_functions__is_given
            end
        ) as s03_q05_clinic_functions__required,
        (
            case
                when not s03_q06_dental_functions__is_relevant
                    then not s03_q06_dental_functions__is_given
            end
        ) as s03_q06_dental_functions__relevant,
        (
            case
                when s03_q06_dental_functions__is_relevant
                    then s03_q06_dental_functions__is_given
            end
        ) as s03_q06_dental_functions__required,
        (
            case
                when not s03_q06_dental_functions_other__is_relevant
                    then not s03_q06_dental_functions_other__is_given
            end
        ) as s03_q06_dental_functions_other__relevant,
        (
            case
                when s03_q06_dental_functions_other__is_relevant
                    then s03_q06_dental_functions_other__is_given
            end
        ) as s03_q06_dental_functions_other__required,
        (
            case
                when not s03_q07_pharmacy_functions__is_relevant
                    then not s03_q07_pharmacy_functions__is_given
            end
        ) as s03_q07_pharmacy_functions__relevant,
        (
            case
                when s03_q07_pharmacy_functions__is_relevant
                    then s03_q07_pharmacy_functions__is_given
            end
        ) as s03_q07_pharmacy_functions__required,
        (
            case
                when not s03_q07_pharmacy_functions_other__is_relevant
                    then not s03_q07_pharmacy_functions_other__is_given
            end
        ) as s03_q07_pharmacy_functions_other__relevant,
        (
            case
                when s03_q07_pharmacy_functions_other__is_relevant
                    then s03_q07_pharmacy_functions_other__is_given
            end
        ) as s03_q07_pharmacy_functions_other__required,
        (
            case
                when not s03_q08_nursing_functions__is_relevant
                    then not s03_q08_nursing_functions__is_given
            end
        ) as s03_q08_nursing_functions__relevant,
        (
            case
                when s03_q08_nursing_functions__is_relevant
                    then s03_q08_nursing_functions__is_given
            end
        ) as s03_q08_nursing_functions__required,
        (
            case
                when not s03_q08_nursing_functions_other__is_relevant
                    then not s03_q08_nursing_functions_other__is_given
            end
        ) as s03_q08_nursing_functions_other__relevant,
        (
            case
                when s03_q08_nursing_functions_other__is_relevant
                    then s03_q08_nursing_functions_other__is_given
            end
        ) as s03_q08_nursing_functions_other__required,
        (
            case
                when not s03_q09_nutrition_functions__is_relevant
                    then not s03_q09_nutrition_functions__is_given
            end
        ) as s03_q09_nutrition_functions__relevant,
        (
            case
                when s03_q09_nutrition_functions__is_relevant
                    then s03_q09_nutrition_functions__is_given
            end
        ) as s03_q09_nutrition_functions__required,
        (
            case
                when not s03_q09_nutrition_functions_other__is_relevant
                    then not s03_q09_nutrition_functions_other__is_given
            end
        ) as s03_q09_nutrition_functions_other__relevant,
        (
            case
                when s03_q09_nutrition_functions_other__is_relevant
                    then s03_q09_nutrition_functions_other__is_given
            end
        ) as s03_q09_nutrition_functions_other__required,
        (
            case
                when not s03_q10_care_functions__is_relevant
                    then not s03_q10_care_functions__is_given
            end
        ) as s03_q10_care_functions__relevant,
        (
            case
                when s03_q10_care_functions__is_relevant
                    then s03_q10_care_functions__is_given
            end
        ) as s03_q10_care_functions__required,
        (
            case
                when not s03_q10_care_functions_other__is_relevant
                    then not s03_q10_care_functions_other__is_given
            end
        ) as s03_q10_care_functions_other__relevant,
        (
            case
                when s03_q10_care_functions_other__is_relevant
                    then s03_q10_care_functions_other__is_given
            end
        ) as s03_q10_care_functions_other__required,
        (
            case
                when not s03_q11_non_insurance_functions__is_relevant
                    then not s03_q11_non_insurance_functions__is_given
            end
        ) as s03_q11_non_insurance_functions__relevant,
        (
            case
                when s03_q11_non_insurance_functions__is_relevant
                    then s03_q11_non_insurance_functions__is_given
            end
        ) as s03_q11_non_insurance_functions__required,
        (
            case
                when not s03_q12_disability_functions__is_relevant
                    then not s03_q12_disability_functions__is_given
            end
        ) as s03_q12_disability_functions__relevant,
        (
            case
                when s03_q12_disability_functions__is_relevant
                    then s03_q12_disability_functions__is_given
            end
        ) as s03_q12_disability_functions__required,
        (
            case
                when
                    not s03_q12_disability_functions_other__is_relevant
                    then not s03_q12_disability_functions_other__is_given
            end
        ) as s03_q12_disability_functions_other__relevant,
        (
            case
                when s03_q12_disability_functions_other__is_relevant
                    then s03_q12_disability_functions_other__is_given
            end
        ) as s03_q12_disability_functions_other__required,
        (
            case
                when not s03_q13_other_functions__is_relevant
                    then not s03_q13_other_functions__is_given
            end
        ) as s03_q13_other_functions__relevant,
        (
            case
                when s03_q13_other_functions__is_relevant
                    then s03_q13_other_functions__is_given
            end
        ) as s03_q13_other_functions__required,
        (
            case
                when not s03_q14_publishes__is_relevant
                    then not s03_q14_publishes__is_given
            end
        ) as s03_q14_publishes__relevant,
        (case when s03_q14_publishes__is_relevant then s03_q14_publishes__is_given end) as s03_q14_publishes__required,
        (
            case
                when not s03_q15_published_institutions__is_relevant
                    then not s03_q15_published_institutions__is_given
            end
        ) as s03_q15_published_institutions__relevant,
        (
            case
                when s03_q15_published_institutions__is_relevant
                    then s03_q15_published_institutions__is_given
            end
        ) as s03_q15_published_institutions__required,
        (
            case
                when
                    not s03_q15_published_institutions_other__is_relevant
                    then not s03_q15_published_institutions_other__is_given
            end
        ) as s03_q15_published_institutions_other__relevant,
        (
            case
                when
                    s03_q15_published_institutions_other__is_relevant
                    then s03_q15_published_institutions_other__is_given
            end
        ) as s03_q15_published_institutions_other__required,
        s04_q01_function_analysis__is_given as s04_q01_function_analysis__required,
        (
            case
                when not s04_q02_analysis_method__is_relevant
                    then not s04_q02_analysis_method__is_given
            end
        ) as s04_q02_analysis_method__relevant,
        (
            case
                when s04_q02_analysis_method__is_relevant
                    then s04_q02_analysis_method__is_given
            end
        ) as s04_q02_analysis_method__required,
        (
            case
                when not s04_q03_analysis_difficulties__is_relevant
                    then not s04_q03_analysis_difficulties__is_given
            end
        ) as s04_q03_analysis_difficulties__relevant,
        (
            case
                when s04_q03_analysis_difficulties__is_relevant
                    then s04_q03_analysis_difficulties__is_given
            end
        ) as s04_q03_analysis_difficulties__required,
        (
            case
                when
                    s04_q03_analysis_difficulties__is_relevant
                    and s04_q03_analysis_difficulties__is_given
                    then (
                        not (
                            coalesce(
                                list_contains(
                                    coalesce(
                                        s04_q03_analysis_difficulties__effective,
                                        cast([] as integer[])
                                    ),
                                    6
                                ),
                                false
                            )
                            and coalesce(
                                len(
                                    list_filter(
                                        coalesce(
                                            s04_q03_analysis_difficulties__effective,
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
        ) as s04_q03_analysis_difficulties__exclusive_none,
        (
            case
                when
                    not s04_q03_analysis_difficulties_other__is_relevant
                    then not s04_q03_analysis_difficulties_other__is_given
            end
        ) as s04_q03_analysis_difficulties_other__relevant,
        (
            case
                when s04_q03_analysis_difficulties_other__is_relevant
                    then s04_q03_analysis_difficulties_other__is_given
            end
        ) as s04_q03_analysis_difficulties_other__required,
        s04_q04_needs_survey__is_given as s04_q04_needs_survey__required,
        (
            case
                when not s04_q05_needs_admission_discharge__is_relevant
                    then not s04_q05_needs_admission_discharge__is_given
            end
        ) as s04_q05_needs_admission_discharge__relevant,
        (
            case
                when not s04_q05_needs_daily_care__is_relevant
                    then not s04_q05_needs_daily_care__is_given
            end
        ) as s04_q05_needs_daily_care__relevant,
        (
            case
                when not s04_q05_needs_emergency__is_relevant
                    then not s04_q05_needs_emergency__is_given
            end
        ) as s04_q05_needs_emergency__relevant,
        (
            case
                when not s04_q05_needs_end_of_life__is_relevant
                    then not s04_q05_needs_end_of_life__is_given
            end
        ) as s04_q05_needs_end_of_life__relevant,
        (
            case
                when not s04_q05_needs_other__is_relevant
                    then not s04_q05_needs_other__is_given
            end
        ) as s04_q05_needs_other__relevant,
        s05_q01_patient_locations__is_given as s05_q01_patient_locations__required,
        (
            case
                when not s05_q02_location_methods__is_relevant
                    then not s05_q02_location_methods__is_given
            end
        ) as s05_q02_location_methods__relevant,
        (
            case
                when s05_q02_location_methods__is_relevant
                    then s05_q02_location_methods__is_given
            end
        ) as s05_q02_location_methods__required,
        (
            case
                when not s05_q02_location_methods_other__is_relevant
                    then not s05_q02_location_methods_other__is_given
            end
        ) as s05_q02_location_methods_other__relevant,
        (
            case
                when s05_q02_location_methods_other__is_relevant
                    then s05_q02_location_methods_other__is_given
            end
        ) as s05_q02_location_methods_other__required,
        s05_q03_rules__is_given as s05_q03_rules__required,
        (
            case
                when not s05_q04_rule_contents__is_relevant
                    then not s05_q04_rule_contents__is_given
            end
        ) as s05_q04_rule_contents__relevant,
        (
            case
                when s05_q04_rule_contents__is_relevant
                    then s05_q04_rule_contents__is_given
            end
        ) as s05_q04_rule_contents__required,
        (
            case
                when not s05_q04_rule_contents_other__is_relevant
                    then not s05_q04_rule_contents_other__is_given
            end
        ) as s05_q04_rule_contents_other__relevant,
        (
            case
                when s05_q04_rule_contents_other__is_relevant
                    then s05_q04_rule_contents_other__is_given
            end
        ) as s05_q04_rule_contents_other__required,
        (
            case
                when not s06_q01_rule_methods__is_relevant
                    then not s06_q01_rule_methods__is_given
            end
        ) as s06_q01_rule_methods__relevant,
        (
            case
                when s06_q01_rule_methods__is_relevant
                    then s06_q01_rule_methods__is_given
            end
        ) as s06_q01_rule_methods__required,
        (
            case
                when not s06_q01_rule_methods_other__is_relevant
                    then not s06_q01_rule_methods_other__is_given
            end
        ) as s06_q01_rule_methods_other__relevant,
        (
            case
                when s06_q01_rule_methods_other__is_relevant
                    then s06_q01_rule_methods_other__is_given
            end
        ) as s06_q01_rule_methods_other__required,
        s06_q02_discharge_consultation__is_given as s06_q02_discharge_consultation__required,
        (
            case
                when not s06_q03_consultation_setup__is_relevant
                    then not s06_q03_consultation_setup__is_given
            end
        ) as s06_q03_consultation_setup__relevant,
        (
            case
                when s06_q03_consultation_setup__is_relevant
                    then s06_q03_consultation_setup__is_given
            end
        ) as s06_q03_consultation_setup__required,
        (
            case
                when not s06_q03_consultation_setup_other__is_relevant
                    then not s06_q03_consultation_setup_other__is_given
            end
        ) as s06_q03_consultation_setup_other__relevant,
        (
            case
                when s06_q03_consultation_setup_other__is_relevant
                    then s06_q03_consultation_setup_other__is_given
            end
        ) as s06_q03_consultation_setup_other__required,
        s07_q01_pending_work__is_given as s07_q01_pending_work__required,
        (
            case
                when s07_q01_pending_work__is_given
                    then (
                        not (
                            coalesce(
                                list_contains(
                                    coalesce(
                                        s07_q01_pending_work,
                                        cast([] as integer[])
                                    ),
                                    8
                                ),
                                false
                            )
                            and coalesce(
                                len(
                                    list_filter(
                                        coalesce(
                                            s07_q01_pending_work,
                                            cast([] as integer[])
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
        ) as s07_q01_pending_work__exclusive_none,
        s08_q01_system_needs__is_given as s08_q01_system_needs__required,
        (
            case
                when not s08_q01_system_needs_other__is_relevant
                    then not s08_q01_system_needs_other__is_given
            end
        ) as s08_q01_system_needs_other__relevant,
        (
            case
                when s08_q01_system_needs_other__is_relevant
                    then s08_q01_system_needs_other__is_given
            end
        ) as s08_q01_system_needs_other__required,
        s09_q01_workforce__is_given as s09_q01_workforce__required,
        (
            case
                when not s09_q02_workforce_activities__is_relevant
                    then not s09_q02_workforce_activities__is_given
            end
        ) as s09_q02_workforce_activities__relevant,
        (
            case
                when s09_q02_workforce_activities__is_relevant
                    then s09_q02_workforce_activities__is_given
            end
        ) as s09_q02_workforce_activities__required,
        (
            case
                when
                    not s09_q02_workforce_activities_other__is_relevant
                    then not s09_q02_workforce_activities_other__is_given
            end
        ) as s09_q02_workforce_activities_other__relevant,
        (
            case
                when s09_q02_workforce_activities_other__is_relevant
                    then s09_q02_workforce_activities_other__is_given
            end
        ) as s09_q02_workforce_activities_other__required,
        (
            case
                when not s09_q03_training_themes__is_relevant
                    then not s09_q03_training_themes__is_given
            end
        ) as s09_q03_training_themes__relevant,
        (
            case
                when s09_q03_training_themes__is_relevant
                    then s09_q03_training_themes__is_given
            end
        ) as s09_q03_training_themes__required,
        (
            case
                when not s09_q03_training_themes_other__is_relevant
                    then not s09_q03_training_themes_other__is_given
            end
        ) as s09_q03_training_themes_other__relevant,
        (
            case
                when s09_q03_training_themes_other__is_relevant
                    then s09_q03_training_themes_other__is_given
            end
        ) as s09_q03_training_themes_other__required,
        (
            case
                when not s09_q04_training_participants__is_relevant
                    then not s09_q04_training_participants__is_given
            end
        ) as s09_q04_training_participants__relevant,
        (
            case
                when s09_q04_training_participants__is_relevant
                    then s09_q04_training_participants__is_given
            end
        ) as s09_q04_training_participants__required,
        (
            case
                when
                    not s09_q04_training_participants_other__is_relevant
                    then not s09_q04_training_participants_other__is_given
            end
        ) as s09_q04_training_participants_other__relevant,
        (
            case
                when s09_q04_training_participants_other__is_relevant
                    then s09_q04_training_participants_other__is_given
            end
        ) as s09_q04_training_participants_other__required,
        s10_q01_workforce_needs__is_given as s10_q01_workforce_needs__required,
        (
            case
                when s10_q01_workforce_needs__is_given
                    then (
                        not (
                            coalesce(
                                list_contains(
                                    coalesce(
                                        s10_q01_workforce_needs,
                                        cast([] as integer[])
                                    ),
                                    6
                                ),
                                false
                            )
                            and coalesce(
                                len(
                                    list_filter(
                                        coalesce(
                                            s10_q01_workforce_needs,
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
        ) as s10_q01_workforce_needs__exclusive_none,
        (
            case
                when not s10_q01_workforce_needs_other__is_relevant
                    then not s10_q01_workforce_needs_other__is_given
            end
        ) as s10_q01_workforce_needs_other__relevant,
        (
            case
                when s10_q01_workforce_needs_other__is_relevant
                    then s10_q01_workforce_needs_other__is_given
            end
        ) as s10_q01_workforce_needs_other__required,
        s10_q02_awareness__is_given as s10_q02_awareness__required,
        (
            case
                when not s10_q03_awareness_activities__is_relevant
                    then not s10_q03_awareness_activities__is_given
            end
        ) as s10_q03_awareness_activities__relevant,
        (
            case
                when s10_q03_awareness_activities__is_relevant
                    then s10_q03_awareness_activities__is_given
            end
        ) as s10_q03_awareness_activities__required,
        (
            case
                when
                    not s10_q03_awareness_activities_other__is_relevant
                    then not s10_q03_awareness_activities_other__is_given
            end
        ) as s10_q03_awareness_activities_other__relevant,
        (
            case
                when s10_q03_awareness_activities_other__is_relevant
                    then s10_q03_awareness_activities_other__is_given
            end
        ) as s10_q03_awareness_activities_other__required,
        s11_q01_disaster_support__is_given as s11_q01_disaster_support__required,
        (
            case
                when not s11_q02_disaster_actions__is_relevant
                    then not s11_q02_disaster_actions__is_given
            end
        ) as s11_q02_disaster_actions__relevant,
        (
            case
                when s11_q02_disaster_actions__is_relevant
                    then s11_q02_disaster_actions__is_given
            end
        ) as s11_q02_disaster_actions__required,
        (
            case
                when not s11_q02_disaster_actions_other__is_relevant
                    then not s11_q02_disaster_actions_other__is_given
            end
        ) as s11_q02_disaster_actions_other__relevant,
        (
            case
                when s11_q02_disaster_actions_other__is_relevant
                    then s11_q02_disaster_actions_other__is_given
            end
        ) as s11_q02_disaster_actions_other__required,
        s11_q03_disaster_readiness__is_given as s11_q03_disaster_readiness__required,
        (
            case
                when not s11_q04_readiness_actions__is_relevant
                    then not s11_q04_readiness_actions__is_given
            end
        ) as s11_q04_readiness_actions__relevant,
        (
            case
                when s11_q04_readiness_actions__is_relevant
                    then s11_q04_readiness_actions__is_given
            end
        ) as s11_q04_readiness_actions__required,
        (
            case
                when not s11_q04_readiness_actions_other__is_relevant
                    then not s11_q04_readiness_actions_other__is_given
            end
        ) as s11_q04_readiness_actions_other__relevant,
        (
            case
                when s11_q04_readiness_actions_other__is_relevant
                    then s11_q04_readiness_actions_other__is_given
            end
        ) as s11_q04_readiness_actions_other__required,
        s12_q01_disaster_needs__is_given as s12_q01_disaster_needs__required,
        (
            case
                when s12_q01_disaster_needs__is_given
                    then (
                        not (
                            coalesce(
                                list_contains(
                                    coalesce(
                                        s12_q01_disaster_needs,
                                        cast([] as integer[])
                                    ),
                                    7
                                ),
                                false
                            )
                            and coalesce(
                                len(
                                    list_filter(
                                        coalesce(
                                            s12_q01_disaster_needs,
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
        ) as s12_q01_disaster_needs__exclusive_none,
        (
            case
                when not s12_q01_disaster_needs_other__is_relevant
                    then not s12_q01_disaster_needs_other__is_given
            end
        ) as s12_q01_disaster_needs_other__relevant,
        (
            case
                when s12_q01_disaster_needs_other__is_relevant
                    then s12_q01_disaster_needs_other__is_given
            end
        ) as s12_q01_disaster_needs_other__required,
        s12_q02_hub_issues__is_given as s12_q02_hub_issues__required,
        (
            case
                when s12_q02_hub_issues__is_given
                    then (
                        not (
                            coalesce(
                                list_contains(
                                    coalesce(
                                        s12_q02_hub_issues,
                                        cast([] as integer[])
                                    ),
                                    11
                                ),
                                false
                            )
                            and coalesce(
                                len(
                                    list_filter(
                                        coalesce(
                                            s12_q02_hub_issues,
                                            cast([] as integer[])
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
        ) as s12_q02_hub_issues__exclusive_none,
        (
            case
                when not s12_q02_hub_issues_other__is_relevant
                    then not s12_q02_hub_issues_other__is_given
            end
        ) as s12_q02_hub_issues_other__relevant,
        (
            case
                when s12_q02_hub_issues_other__is_relevant
                    then s12_q02_hub_issues_other__is_given
            end
        ) as s12_q02_hub_issues_other__required,
        s13_q01_central_staff__is_given as s13_q01_central_staff__required,
        (
            case
                when not s13_q02_central_profession__is_relevant
                    then not s13_q02_central_profession__is_given
            end
        ) as s13_q02_central_profession__relevant,
        (
            case
                when s13_q02_central_profession__is_relevant
                    then s13_q02_central_profession__is_given
            end
        ) as s13_q02_central_profession__required,
        (
            case
                when not s13_q02_central_profession_other__is_relevant
                    then not s13_q02_central_profession_other__is_given
            end
        ) as s13_q02_central_profession_other__relevant,
        (
            case
                when s13_q02_central_profession_other__is_relevant
                    then s13_q02_central_profession_other__is_given
            end
        ) as s13_q02_central_profession_other__required
    from skip_logic
    where fiscal_year = 2025
)

select * from edition_2025
