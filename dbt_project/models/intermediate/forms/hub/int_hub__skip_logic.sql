-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per hub return: each answer as written, and for an item with a skip rule whether it applies
-- (<item>__is_relevant) and the answer as it counts (<item>__effective: NULL where it does not); whether each item is
-- answered (<item>__is_given).
with answers as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        f1_hub_code,
        f2_prefecture_code,
        f3_hub_name,
        f4_area_name,
        f5_area_municipality_01,
        f5_area_municipality_02,
        f5_area_municipality_03,
        f5_area_municipality_04,
        f5_area_municipality_05,
        f5_area_municipality_06,
        f5_area_municipality_07,
        f5_area_municipality_08,
        f5_area_municipality_09,
        f5_area_municipality_10,
        f5_area_municipality_11,
        f5_area_municipality_12,
        f5_area_municipality_13,
        f5_area_municipality_14,
        f5_area_municipality_15,
        f5_area_municipality_16,
        f5_area_municipality_17,
        f5_area_municipality_18,
        f5_area_municipality_19,
        f5_area_municipality_20,
        s01_q01_operator,
        s01_q01_operator_other,
        s01_q02_knows_area,
        s01_q03_same_body,
        s01_q04_area_relation,
        s02_q01_multiprofession,
        s02_q02_meeting,
        s02_q03_meeting_participants,
        s02_q03_meeting_participants_other,
        s02_q04_joint_meeting,
        s02_q04_joint_meeting_other,
        s02_q05_meeting_agenda,
        s02_q05_meeting_agenda_other,
        s02_q06_meeting_issues,
        s02_q06_meeting_issues_other,
        s03_q01_resource_list,
        s03_q02_sources,
        s03_q02_sources_other,
        s03_q03_institutions,
        s03_q04_hospital_functions,
        s03_q05_clinic_functions,
        s03_q06_dental_functions,
        s03_q06_dental_functions_other,
        s03_q07_pharmacy_functions,
        s03_q07_pharmacy_functions_other,
        s03_q08_nursing_functions,
        s03_q08_nursing_functions_other,
        s03_q09_nutrition_functions,
        s03_q09_nutrition_functions_other,
        s03_q10_care_functions,
        s03_q10_care_functions_other,
        s03_q11_non_insurance_functions,
        s03_q12_disability_functions,
        s03_q12_disability_functions_other,
        s03_q13_other_functions,
        s03_q14_publishes,
        s03_q15_published_institutions,
        s03_q15_published_institutions_other,
        s04_q01_function_analysis,
        s04_q02_analysis_method,
        s04_q03_analysis_difficulties,
        s04_q03_analysis_difficulties_other,
        s04_q04_needs_survey,
        s04_q05_needs_admission_discharge,
        s04_q05_needs_daily_care,
        s04_q05_needs_emergency,
        s04_q05_needs_end_of_life,
        s04_q05_needs_other,
        s05_q01_patient_locations,
        s05_q02_location_methods,
        s05_q02_location_methods_other,
        s05_q03_rules,
        s05_q04_rule_contents,
        s05_q04_rule_contents_other,
        s06_q01_rule_methods,
        s06_q01_rule_methods_other,
        s06_q02_discharge_consultation,
        s06_q03_consultation_setup,
        s06_q03_consultation_setup_other,
        s07_q01_pending_work,
        s08_q01_system_needs,
        s08_q01_system_needs_other,
        s08_q02_data_needed,
        s09_q01_workforce,
        s09_q02_workforce_activities,
        s09_q02_workforce_activities_other,
        s09_q03_training_themes,
        s09_q03_training_themes_other,
        s09_q04_training_participants,
        s09_q04_training_participants_other,
        s10_q01_workforce_needs,
        s10_q01_workforce_needs_other,
        s10_q02_awareness,
        s10_q03_awareness_activities,
        s10_q03_awareness_activities_other,
        s11_q01_disaster_support,
        s11_q02_disaster_actions,
        s11_q02_disaster_actions_other,
        s11_q03_disaster_readiness,
        s11_q04_readiness_actions,
        s11_q04_readiness_actions_other,
        s12_q01_disaster_needs,
        s12_q01_disaster_needs_other,
        s12_q02_hub_issues,
        s12_q02_hub_issues_other,
        s13_q01_central_staff,
        s13_q02_central_profession,
        s13_q02_central_profession_other
    from {{ ref('int_hub__respondent_answers') }}
    where {{ is_new_return() }}
),

edition_2025 as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        f1_hub_code,
        f2_prefecture_code,
        f3_hub_name,
        f4_area_name,
        f5_area_municipality_01,
        f5_area_municipality_02,
        f5_area_municipality_03,
        f5_area_municipality_04,
        f5_area_municipality_05,
        f5_area_municipality_06,
        f5_area_municipality_07,
        f5_area_municipality_08,
        f5_area_municipality_09,
        f5_area_municipality_10,
        f5_area_municipality_11,
        f5_area_municipality_12,
        f5_area_municipality_13,
        f5_area_municipality_14,
        f5_area_municipality_15,
        f5_area_municipality_16,
        f5_area_municipality_17,
        f5_area_municipality_18,
        f5_area_municipality_19,
        f5_area_municipality_20,
        s01_q01_operator,
        s01_q01_operator_other,
        s01_q02_knows_area,
        s01_q03_same_body,
        s01_q04_area_relation,
        s02_q01_multiprofession,
        s02_q02_meeting,
        s02_q03_meeting_participants,
        s02_q03_meeting_participants_other,
        s02_q04_joint_meeting,
        s02_q04_joint_meeting_other,
        s02_q05_meeting_agenda,
        s02_q05_meeting_agenda_other,
        s02_q06_meeting_issues,
        s02_q06_meeting_issues_other,
        s03_q01_resource_list,
        s03_q02_sources,
        s03_q02_sources_other,
        s03_q03_institutions,
        s03_q04_hospital_functions,
        s03_q05_clinic_functions,
        s03_q06_dental_functions,
        s03_q06_dental_functions_other,
        s03_q07_pharmacy_functions,
        s03_q07_pharmacy_functions_other,
        s03_q08_nursing_functions,
        s03_q08_nursing_functions_other,
        s03_q09_nutrition_functions,
        s03_q09_nutrition_functions_other,
        s03_q10_care_functions,
        s03_q10_care_functions_other,
        s03_q11_non_insurance_functions,
        s03_q12_disability_functions,
        s03_q12_disability_functions_other,
        s03_q13_other_functions,
        s03_q14_publishes,
        s03_q15_published_institutions,
        s03_q15_published_institutions_other,
        s04_q01_function_analysis,
        s04_q02_analysis_method,
        s04_q03_analysis_difficulties,
        s04_q03_analysis_difficulties_other,
        s04_q04_needs_survey,
        s04_q05_needs_admission_discharge,
        s04_q05_needs_daily_care,
        s04_q05_needs_emergency,
        s04_q05_needs_end_of_life,
        s04_q05_needs_other,
        s05_q01_patient_locations,
        s05_q02_location_methods,
        s05_q02_location_methods_other,
        s05_q03_rules,
        s05_q04_rule_contents,
        s05_q04_rule_contents_other,
        s06_q01_rule_methods,
        s06_q01_rule_methods_other,
        s06_q02_discharge_consultation,
        s06_q03_consultation_setup,
        s06_q03_consultation_setup_other,
        s07_q01_pending_work,
        s08_q01_system_needs,
        s08_q01_system_needs_other,
        s08_q02_data_needed,
        s09_q01_workforce,
        s09_q02_workforce_activities,
        s09_q02_workforce_activities_other,
        s09_q03_training_themes,
        s09_q03_training_themes_other,
        s09_q04_training_participants,
        s09_q04_training_participants_other,
        s10_q01_workforce_needs,
        s10_q01_workforce_needs_other,
        s10_q02_awareness,
        s10_q03_awareness_activities,
        s10_q03_awareness_activities_other,
        s11_q01_disaster_support,
        s11_q02_disaster_actions,
        s11_q02_disaster_actions_other,
        s11_q03_disaster_readiness,
        s11_q04_readiness_actions,
        s11_q04_readiness_actions_other,
        s12_q01_disaster_needs,
        s12_q01_disaster_needs_other,
        s12_q02_hub_issues,
        s12_q02_hub_issues_other,
        s13_q01_central_staff,
        s13_q02_central_profession,
        s13_q02_central_profession_other,
        (f1_hub_code is not null and f1_hub_code <> '') as f1_hub_code__is_given,
        (f2_prefecture_code is not null and f2_prefecture_code <> '') as f2_prefecture_code__is_given,
        (f3_hub_name is not null and f3_hub_name <> '') as f3_hub_name__is_given,
        (f4_area_name is not null and f4_area_name <> '') as f4_area_name__is_given,
        (f5_area_municipality_01 is not null and f5_area_municipality_01 <> '') as f5_area_municipality_01__is_given,
        (f5_area_municipality_02 is not null and f5_area_municipality_02 <> '') as f5_area_municipality_02__is_given,
        (f5_area_municipality_03 is not null and f5_area_municipality_03 <> '') as f5_area_municipality_03__is_given,
        (f5_area_municipality_04 is not null and f5_area_municipality_04 <> '') as f5_area_municipality_04__is_given,
        (f5_area_municipality_05 is not null and f5_area_municipality_05 <> '') as f5_area_municipality_05__is_given,
        (f5_area_municipality_06 is not null and f5_area_municipality_06 <> '') as f5_area_municipality_06__is_given,
        (f5_area_municipality_07 is not null and f5_area_municipality_07 <> '') as f5_area_municipality_07__is_given,
        (f5_area_municipality_08 is not null and f5_area_municipality_08 <> '') as f5_area_municipality_08__is_given,
        (f5_area_municipality_09 is not null and f5_area_municipality_09 <> '') as f5_area_municipality_09__is_given,
        (f5_area_municipality_10 is not null and f5_area_municipality_10 <> '') as f5_area_municipality_10__is_given,
        (f5_area_municipality_11 is not null and f5_area_municipality_11 <> '') as f5_area_municipality_11__is_given,
        (f5_area_municipality_12 is not null and f5_area_municipality_12 <> '') as f5_area_municipality_12__is_given,
        (f5_area_municipality_13 is not null and f5_area_municipality_13 <> '') as f5_area_municipality_13__is_given,
        (f5_area_municipality_14 is not null and f5_area_municipality_14 <> '') as f5_area_municipality_14__is_given,
        (f5_area_municipality_15 is not null and f5_area_municipality_15 <> '') as f5_area_municipality_15__is_given,
        (f5_area_municipality_16 is not null and f5_area_municipality_16 <> '') as f5_area_municipality_16__is_given,
        (f5_area_municipality_17 is not null and f5_area_municipality_17 <> '') as f5_area_municipality_17__is_given,
        (f5_area_municipality_18 is not null and f5_area_municipality_18 <> '') as f5_area_municipality_18__is_given,
        (f5_area_municipality_19 is not null and f5_area_municipality_19 <> '') as f5_area_municipality_19__is_given,
        (f5_area_municipality_20 is not null and f5_area_municipality_20 <> '') as f5_area_municipality_20__is_given,
        (s01_q01_operator is not null) as s01_q01_operator__is_given,
        (s01_q01_operator_other is not null and s01_q01_operator_other <> '') as s01_q01_operator_other__is_given,
        (s01_q02_knows_area is not null) as s01_q02_knows_area__is_given,
        (s01_q03_same_body is not null) as s01_q03_same_body__is_given,
        (s01_q04_area_relation is not null) as s01_q04_area_relation__is_given,
        (s02_q01_multiprofession is not null) as s02_q01_multiprofession__is_given,
        (s02_q02_meeting is not null) as s02_q02_meeting__is_given,
        (
            len(
                coalesce(s02_q03_meeting_participants, cast([] as integer[]))
            )
            > 0
        ) as s02_q03_meeting_participants__is_given,
        (
            s02_q03_meeting_participants_other is not null
            and s02_q03_meeting_participants_other <> ''
        ) as s02_q03_meeting_participants_other__is_given,
        (len(coalesce(s02_q04_joint_meeting, cast([] as integer[]))) > 0) as s02_q04_joint_meeting__is_given,
        (
            s02_q04_joint_meeting_other is not null
            and s02_q04_joint_meeting_other <> ''
        ) as s02_q04_joint_meeting_other__is_given,
        (len(coalesce(s02_q05_meeting_agenda, cast([] as integer[]))) > 0) as s02_q05_meeting_agenda__is_given,
        (
            s02_q05_meeting_agenda_other is not null
            and s02_q05_meeting_agenda_other <> ''
        ) as s02_q05_meeting_agenda_other__is_given,
        (len(coalesce(s02_q06_meeting_issues, cast([] as integer[]))) > 0) as s02_q06_meeting_issues__is_given,
        (
            s02_q06_meeting_issues_other is not null
            and s02_q06_meeting_issues_other <> ''
        ) as s02_q06_meeting_issues_other__is_given,
        (s03_q01_resource_list is not null) as s03_q01_resource_list__is_given,
        (len(coalesce(s03_q02_sources, cast([] as integer[]))) > 0) as s03_q02_sources__is_given,
        (s03_q02_sources_other is not null and s03_q02_sources_other <> '') as s03_q02_sources_other__is_given,
        (len(coalesce(s03_q03_institutions, cast([] as integer[]))) > 0) as s03_q03_institutions__is_given,
        (len(coalesce(s03_q04_hospital_functions, cast([] as integer[]))) > 0) as s03_q04_hospital_functions__is_given,
        (len(coalesce(s03_q05_clinic_functions, cast([] as integer[]))) > 0) as s03_q05_clinic_functions__is_given,
        (len(coalesce(s03_q06_dental_functions, cast([] as integer[]))) > 0) as s03_q06_dental_functions__is_given,
        (
            s03_q06_dental_functions_other is not null
            and s03_q06_dental_functions_other <> ''
        ) as s03_q06_dental_functions_other__is_given,
        (len(coalesce(s03_q07_pharmacy_functions, cast([] as integer[]))) > 0) as s03_q07_pharmacy_functions__is_given,
        (
            s03_q07_pharmacy_functions_other is not null
            and s03_q07_pharmacy_functions_other <> ''
        ) as s03_q07_pharmacy_functions_other__is_given,
        (len(coalesce(s03_q08_nursing_functions, cast([] as integer[]))) > 0) as s03_q08_nursing_functions__is_given,
        (
            s03_q08_nursing_functions_other is not null
            and s03_q08_nursing_functions_other <> ''
        ) as s03_q08_nursing_functions_other__is_given,
        (
            len(coalesce(s03_q09_nutrition_functions, cast([] as integer[])))
            > 0
        ) as s03_q09_nutrition_functions__is_given,
        (
            s03_q09_nutrition_functions_other is not null
            and s03_q09_nutrition_functions_other <> ''
        ) as s03_q09_nutrition_functions_other__is_given,
        (len(coalesce(s03_q10_care_functions, cast([] as integer[]))) > 0) as s03_q10_care_functions__is_given,
        (
            s03_q10_care_functions_other is not null
            and s03_q10_care_functions_other <> ''
        ) as s03_q10_care_functions_other__is_given,
        (
            s03_q11_non_insurance_functions is not null
            and s03_q11_non_insurance_functions <> ''
        ) as s03_q11_non_insurance_functions__is_given,
        (
            len(
                coalesce(s03_q12_disability_functions, cast([] as integer[]))
            )
            > 0
        ) as s03_q12_disability_functions__is_given,
        (
            s03_q12_disability_functions_other is not null
            and s03_q12_disability_functions_other <> ''
        ) as s03_q12_disability_functions_other__is_given,
        (s03_q13_other_functions is not null and s03_q13_other_functions <> '') as s03_q13_other_functions__is_given,
        (s03_q14_publishes is not null) as s03_q14_publishes__is_given,
        (
            len(
                coalesce(
                    s03_q15_published_institutions,
                    cast([] as integer[])
                )
            )
            > 0
        ) as s03_q15_published_institutions__is_given,
        (
            s03_q15_published_institutions_other is not null
            and s03_q15_published_institutions_other <> ''
        ) as s03_q15_published_institutions_other__is_given,
        (s04_q01_function_analysis is not null) as s04_q01_function_analysis__is_given,
        (s04_q02_analysis_method is not null and s04_q02_analysis_method <> '') as s04_q02_analysis_method__is_given,
        (
            len(
                coalesce(
                    s04_q03_analysis_difficulties,
                    cast([] as integer[])
                )
            )
            > 0
        ) as s04_q03_analysis_difficulties__is_given,
        (
            s04_q03_analysis_difficulties_other is not null
            and s04_q03_analysis_difficulties_other <> ''
        ) as s04_q03_analysis_difficulties_other__is_given,
        (s04_q04_needs_survey is not null) as s04_q04_needs_survey__is_given,
        (
            s04_q05_needs_admission_discharge is not null
            and s04_q05_needs_admission_discharge <> ''
        ) as s04_q05_needs_admission_discharge__is_given,
        (s04_q05_needs_daily_care is not null and s04_q05_needs_daily_care <> '') as s04_q05_needs_daily_care__is_given,
        (s04_q05_needs_emergency is not null and s04_q05_needs_emergency <> '') as s04_q05_needs_emergency__is_given,
        (
            s04_q05_needs_end_of_life is not null
            and s04_q05_needs_end_of_life <> ''
        ) as s04_q05_needs_end_of_life__is_given,
        (s04_q05_needs_other is not null and s04_q05_needs_other <> '') as s04_q05_needs_other__is_given,
        (s05_q01_patient_locations is not null) as s05_q01_patient_locations__is_given,
        (len(coalesce(s05_q02_location_methods, cast([] as integer[]))) > 0) as s05_q02_location_methods__is_given,
        (
            s05_q02_location_methods_other is not null
            and s05_q02_location_methods_other <> ''
        ) as s05_q02_location_methods_other__is_given,
        (s05_q03_rules is not null) as s05_q03_rules__is_given,
        (len(coalesce(s05_q04_rule_contents, cast([] as integer[]))) > 0) as s05_q04_rule_contents__is_given,
        (
            s05_q04_rule_contents_other is not null
            and s05_q04_rule_contents_other <> ''
        ) as s05_q04_rule_contents_other__is_given,
        (len(coalesce(s06_q01_rule_methods, cast([] as integer[]))) > 0) as s06_q01_rule_methods__is_given,
        (
            s06_q01_rule_methods_other is not null
            and s06_q01_rule_methods_other <> ''
        ) as s06_q01_rule_methods_other__is_given,
        (s06_q02_discharge_consultation is not null) as s06_q02_discharge_consultation__is_given,
        (len(coalesce(s06_q03_consultation_setup, cast([] as integer[]))) > 0) as s06_q03_consultation_setup__is_given,
        (
            s06_q03_consultation_setup_other is not null
            and s06_q03_consultation_setup_other <> ''
        ) as s06_q03_consultation_setup_other__is_given,
        (len(coalesce(s07_q01_pending_work, cast([] as integer[]))) > 0) as s07_q01_pending_work__is_given,
        (len(coalesce(s08_q01_system_needs, cast([] as integer[]))) > 0) as s08_q01_system_needs__is_given,
        (
            s08_q01_system_needs_other is not null
            and s08_q01_system_needs_other <> ''
        ) as s08_q01_system_needs_other__is_given,
        (s08_q02_data_needed is not null and s08_q02_data_needed <> '') as s08_q02_data_needed__is_given,
        (s09_q01_workforce is not null) as s09_q01_workforce__is_given,
        (
            len(
                coalesce(s09_q02_workforce_activities, cast([] as integer[]))
            )
            > 0
        ) as s09_q02_workforce_activities__is_given,
        (
            s09_q02_workforce_activities_other is not null
            and s09_q02_workforce_activities_other <> ''
        ) as s09_q02_workforce_activities_other__is_given,
        (len(coalesce(s09_q03_training_themes, cast([] as integer[]))) > 0) as s09_q03_training_themes__is_given,
        (
            s09_q03_training_themes_other is not null
            and s09_q03_training_themes_other <> ''
        ) as s09_q03_training_themes_other__is_given,
        (
            len(
                coalesce(
                    s09_q04_training_participants,
                    cast([] as integer[])
                )
            )
            > 0
        ) as s09_q04_training_participants__is_given,
        (
            s09_q04_training_participants_other is not null
            and s09_q04_training_participants_other <> ''
        ) as s09_q04_training_participants_other__is_given,
        (len(coalesce(s10_q01_workforce_needs, cast([] as integer[]))) > 0) as s10_q01_workforce_needs__is_given,
        (
            s10_q01_workforce_needs_other is not null
            and s10_q01_workforce_needs_other <> ''
        ) as s10_q01_workforce_needs_other__is_given,
        (s10_q02_awareness is not null) as s10_q02_awareness__is_given,
        (
            len(
                coalesce(s10_q03_awareness_activities, cast([] as integer[]))
            )
            > 0
        ) as s10_q03_awareness_activities__is_given,
        (
            s10_q03_awareness_activities_other is not null
            and s10_q03_awareness_activities_other <> ''
        ) as s10_q03_awareness_activities_other__is_given,
        (s11_q01_disaster_support is not null) as s11_q01_disaster_support__is_given,
        (len(coalesce(s11_q02_disaster_actions, cast([] as integer[]))) > 0) as s11_q02_disaster_actions__is_given,
        (
            s11_q02_disaster_actions_other is not null
            and s11_q02_disaster_actions_other <> ''
        ) as s11_q02_disaster_actions_other__is_given,
        (s11_q03_disaster_readiness is not null) as s11_q03_disaster_readiness__is_given,
        (len(coalesce(s11_q04_readiness_actions, cast([] as integer[]))) > 0) as s11_q04_readiness_actions__is_given,
        (
            s11_q04_readiness_actions_other is not null
            and s11_q04_readiness_actions_other <> ''
        ) as s11_q04_readiness_actions_other__is_given,
        (len(coalesce(s12_q01_disaster_needs, cast([] as integer[]))) > 0) as s12_q01_disaster_needs__is_given,
        (
            s12_q01_disaster_needs_other is not null
            and s12_q01_disaster_needs_other <> ''
        ) as s12_q01_disaster_needs_other__is_given,
        (len(coalesce(s12_q02_hub_issues, cast([] as integer[]))) > 0) as s12_q02_hub_issues__is_given,
        (s12_q02_hub_issues_other is not null and s12_q02_hub_issues_other <> '') as s12_q02_hub_issues_other__is_given,
        (s13_q01_central_staff is not null) as s13_q01_central_staff__is_given,
        (s13_q02_central_profession is not null) as s13_q02_central_profession__is_given,
        (
            s13_q02_central_profession_other is not null
            and s13_q02_central_profession_other <> ''
        ) as s13_q02_central_profession_other__is_given,
        coalesce(s01_q01_operator = 7, false) as s01_q01_operator_other__is_relevant,
        case
            when s01_q01_operator_other__is_relevant then s01_q01_operator_other
        end as s01_q01_operator_other__effective,
        coalesce(s02_q01_multiprofession = 1, false) as s02_q02_meeting__is_relevant,
        case when s02_q02_meeting__is_relevant then s02_q02_meeting end as s02_q02_meeting__effective,
        coalesce(s02_q02_meeting__effective = 1, false) as s02_q03_meeting_participants__is_relevant,
        case
            when s02_q03_meeting_participants__is_relevant
                then s02_q03_meeting_participants
        end as s02_q03_meeting_participants__effective,
        coalesce(
            list_contains(
                coalesce(
                    s02_q03_meeting_participants__effective,
                    cast([] as integer[])
                ),
                15
            ),
            false
        ) as s02_q03_meeting_participants_other__is_relevant,
        case
            when s02_q03_meeting_participants_other__is_relevant
                then s02_q03_meeting_participants_other
        end as s02_q03_meeting_participants_other__effective,
        coalesce(s02_q02_meeting__effective = 1, false) as s02_q04_joint_meeting__is_relevant,
        case when s02_q04_joint_meeting__is_relevant then s02_q04_joint_meeting end as s02_q04_joint_meeting__effective,
        coalesce(
            list_contains(
                coalesce(
                    s02_q04_joint_meeting__effective,
                    cast([] as integer[])
                ),
                6
            ),
            false
        ) as s02_q04_joint_meeting_other__is_relevant,
        case
            when s02_q04_joint_meeting_other__is_relevant
                then s02_q04_joint_meeting_other
        end as s02_q04_joint_meeting_other__effective,
        coalesce(s02_q02_meeting__effective = 1, false) as s02_q05_meeting_agenda__is_relevant,
        case
            when s02_q05_meeting_agenda__is_relevant then s02_q05_meeting_agenda
        end as s02_q05_meeting_agenda__effective,
        coalesce(
            list_contains(
                coalesce(
                    s02_q05_meeting_agenda__effective,
                    cast([] as integer[])
                ),
                9
            ),
            false
        ) as s02_q05_meeting_agenda_other__is_relevant,
        case
            when s02_q05_meeting_agenda_other__is_relevant
                then s02_q05_meeting_agenda_other
        end as s02_q05_meeting_agenda_other__effective,
        coalesce(s02_q02_meeting__effective = 1, false) as s02_q06_meeting_issues__is_relevant,
        case
            when s02_q06_meeting_issues__is_relevant then s02_q06_meeting_issues
        end as s02_q06_meeting_issues__effective,
        coalesce(
            list_contains(
                coalesce(
                    s02_q06_meeting_issues__effective,
                    cast([] as integer[])
                ),
                7
            ),
            false
        ) as s02_q06_meeting_issues_other__is_relevant,
        case
            when s02_q06_meeting_issues_other__is_relevant
                then s02_q06_meeting_issues_other
        end as s02_q06_meeting_issues_other__effective,
        coalesce(s03_q01_resource_list = 1, false) as s03_q02_sources__is_relevant,
        case when s03_q02_sources__is_relevant then s03_q02_sources end as s03_q02_sources__effective,
        coalesce(
            list_contains(
                coalesce(s03_q02_sources__effective, cast([] as integer[])),
                6
            ),
            false
        ) as s03_q02_sources_other__is_relevant,
        case when s03_q02_sources_other__is_relevant then s03_q02_sources_other end as s03_q02_sources_other__effective,
        coalesce(s03_q01_resource_list = 1, false) as s03_q03_institutions__is_relevant,
        case when s03_q03_institutions__is_relevant then s03_q03_institutions end as s03_q03_institutions__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q03_institutions__effective,
                    cast([] as integer[])
                ),
                1
            ),
            false
        ) as s03_q04_hospital_functions__is_relevant,
        case
            when s03_q04_hospital_functions__is_relevant
                then s03_q04_hospital_functions
        end as s03_q04_hospital_functions__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q03_institutions__effective,
                    cast([] as integer[])
                ),
                2
            ),
            false
        ) as s03_q05_clinic_functions__is_relevant,
        case
            when s03_q05_clinic_functions__is_relevant
                then s03_q05_clinic_functions
        end as s03_q05_clinic_functions__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q03_institutions__effective,
                    cast([] as integer[])
                ),
                3
            ),
            false
        ) as s03_q06_dental_functions__is_relevant,
        case
            when s03_q06_dental_functions__is_relevant
                then s03_q06_dental_functions
        end as s03_q06_dental_functions__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q06_dental_functions__effective,
                    cast([] as integer[])
                ),
                5
            ),
            false
        ) as s03_q06_dental_functions_other__is_relevant,
        case
            when s03_q06_dental_functions_other__is_relevant
                then s03_q06_dental_functions_other
        end as s03_q06_dental_functions_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q03_institutions__effective,
                    cast([] as integer[])
                ),
                4
            ),
            false
        ) as s03_q07_pharmacy_functions__is_relevant,
        case
            when s03_q07_pharmacy_functions__is_relevant
                then s03_q07_pharmacy_functions
        end as s03_q07_pharmacy_functions__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q07_pharmacy_functions__effective,
                    cast([] as integer[])
                ),
                6
            ),
            false
        ) as s03_q07_pharmacy_functions_other__is_relevant,
        case
            when s03_q07_pharmacy_functions_other__is_relevant
                then s03_q07_pharmacy_functions_other
        end as s03_q07_pharmacy_functions_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q03_institutions__effective,
                    cast([] as integer[])
                ),
                5
            ),
            false
        ) as s03_q08_nursing_functions__is_relevant,
        case
            when s03_q08_nursing_functions__is_relevant
                then s03_q08_nursing_functions
        end as s03_q08_nursing_functions__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q08_nursing_functions__effective,
                    cast([] as integer[])
                ),
                6
            ),
            false
        ) as s03_q08_nursing_functions_other__is_relevant,
        case
            when s03_q08_nursing_functions_other__is_relevant
                then s03_q08_nursing_functions_other
        end as s03_q08_nursing_functions_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q03_institutions__effective,
                    cast([] as integer[])
                ),
                6
            ),
            false
        ) as s03_q09_nutrition_functions__is_relevant,
        case
            when s03_q09_nutrition_functions__is_relevant
                then s03_q09_nutrition_functions
        end as s03_q09_nutrition_functions__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q09_nutrition_functions__effective,
                    cast([] as integer[])
                ),
                4
            ),
            false
        ) as s03_q09_nutrition_functions_other__is_relevant,
        case
            when s03_q09_nutrition_functions_other__is_relevant
                then s03_q09_nutrition_functions_other
        end as s03_q09_nutrition_functions_other__effective,
        coalesce(
            list_contains(
                coalesce(s03_q03_institutions__effective, cast([] as integer[])),
                7
            ),
            false
        ) as s03_q10_care_functions__is_relevant,
        case
            when s03_q10_care_functions__is_relevant then s03_q10_care_functions
        end as s03_q10_care_functions__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q10_care_functions__effective,
                    cast([] as integer[])
                ),
                6
            ),
            false
        ) as s03_q10_care_functions_other__is_relevant,
        case
            when s03_q10_care_functions_other__is_relevant
                then s03_q10_care_functions_other
        end as s03_q10_care_functions_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q03_institutions__effective,
                    cast([] as integer[])
                ),
                8
            ),
            false
        ) as s03_q11_non_insurance_functions__is_relevant,
        case
            when s03_q11_non_insurance_functions__is_relevant
                then s03_q11_non_insurance_functions
        end as s03_q11_non_insurance_functions__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q03_institutions__effective,
                    cast([] as integer[])
                ),
                9
            ),
            false
        ) as s03_q12_disability_functions__is_relevant,
        case
            when s03_q12_disability_functions__is_relevant
                then s03_q12_disability_functions
        end as s03_q12_disability_functions__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q12_disability_functions__effective,
                    cast([] as integer[])
                ),
                6
            ),
            false
        ) as s03_q12_disability_functions_other__is_relevant,
        case
            when s03_q12_disability_functions_other__is_relevant
                then s03_q12_disability_functions_other
        end as s03_q12_disability_functions_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q03_institutions__effective,
                    cast([] as integer[])
                ),
                10
            ),
            false
        ) as s03_q13_other_functions__is_relevant,
        case
            when s03_q13_other_functions__is_relevant
                then s03_q13_other_functions
        end as s03_q13_other_functions__effective,
        coalesce(s03_q01_resource_list = 1, false) as s03_q14_publishes__is_relevant,
        case when s03_q14_publishes__is_relevant then s03_q14_publishes end as s03_q14_publishes__effective,
        coalesce(s03_q14_publishes__effective = 1, false) as s03_q15_published_institutions__is_relevant,
        case
            when s03_q15_published_institutions__is_relevant
                then s03_q15_published_institutions
        end as s03_q15_published_institutions__effective,
        coalesce(
            list_contains(
                coalesce(
                    s03_q15_published_institutions__effective,
                    cast([] as integer[])
                ),
                10
            ),
            false
        ) as s03_q15_published_institutions_other__is_relevant,
        case
            when s03_q15_published_institutions_other__is_relevant
                then s03_q15_published_institutions_other
        end as s03_q15_published_institutions_other__effective,
        coalesce(s04_q01_function_analysis = 1, false) as s04_q02_analysis_method__is_relevant,
        case
            when s04_q02_analysis_method__is_relevant
                then s04_q02_analysis_method
        end as s04_q02_analysis_method__effective,
        coalesce(s04_q01_function_analysis = 1, false) as s04_q03_analysis_difficulties__is_relevant,
        case
            when s04_q03_analysis_difficulties__is_relevant
                then s04_q03_analysis_difficulties
        end as s04_q03_analysis_difficulties__effective,
        coalesce(
            list_contains(
                coalesce(
                    s04_q03_analysis_difficulties__effective,
                    cast([] as integer[])
                ),
                7
            ),
            false
        ) as s04_q03_analysis_difficulties_other__is_relevant,
        case
            when s04_q03_analysis_difficulties_other__is_relevant
                then s04_q03_analysis_difficulties_other
        end as s04_q03_analysis_difficulties_other__effective,
        coalesce(s04_q04_needs_survey = 1, false) as s04_q05_needs_admission_discharge__is_relevant,
        case
            when s04_q05_needs_admission_discharge__is_relevant
                then s04_q05_needs_admission_discharge
        end as s04_q05_needs_admission_discharge__effective,
        coalesce(s04_q04_needs_survey = 1, false) as s04_q05_needs_daily_care__is_relevant,
        case
            when s04_q05_needs_daily_care__is_relevant
                then s04_q05_needs_daily_care
        end as s04_q05_needs_daily_care__effective,
        coalesce(s04_q04_needs_survey = 1, false) as s04_q05_needs_emergency__is_relevant,
        case
            when s04_q05_needs_emergency__is_relevant
                then s04_q05_needs_emergency
        end as s04_q05_needs_emergency__effective,
        coalesce(s04_q04_needs_survey = 1, false) as s04_q05_needs_end_of_life__is_relevant,
        case
            when s04_q05_needs_end_of_life__is_relevant
                then s04_q05_needs_end_of_life
        end as s04_q05_needs_end_of_life__effective,
        coalesce(s04_q04_needs_survey = 1, false) as s04_q05_needs_other__is_relevant,
        case when s04_q05_needs_other__is_relevant then s04_q05_needs_other end as s04_q05_needs_other__effective,
        coalesce(s05_q01_patient_locations = 1, false) as s05_q02_location_methods__is_relevant,
        case
            when s05_q02_location_methods__is_relevant
                then s05_q02_location_methods
        end as s05_q02_location_methods__effective,
        coalesce(
            list_contains(
                coalesce(
                    s05_q02_location_methods__effective,
                    cast([] as integer[])
                ),
                6
            ),
            false
        ) as s05_q02_location_methods_other__is_relevant,
        case
            when s05_q02_location_methods_other__is_relevant
                then s05_q02_location_methods_other
        end as s05_q02_location_methods_other__effective,
        coalesce(s05_q03_rules = 1, false) as s05_q04_rule_contents__is_relevant,
        case when s05_q04_rule_contents__is_relevant then s05_q04_rule_contents end as s05_q04_rule_contents__effective,
        coalesce(
            list_contains(
                coalesce(
                    s05_q04_rule_contents__effective,
                    cast([] as integer[])
                ),
                7
            ),
            false
        ) as s05_q04_rule_contents_other__is_relevant,
        case
            when s05_q04_rule_contents_other__is_relevant
                then s05_q04_rule_contents_other
        end as s05_q04_rule_contents_other__effective,
        coalesce(s05_q03_rules = 1, false) as s06_q01_rule_methods__is_relevant,
        case when s06_q01_rule_methods__is_relevant then s06_q01_rule_methods end as s06_q01_rule_methods__effective,
        coalesce(
            list_contains(
                coalesce(
                    s06_q01_rule_methods__effective,
                    cast([] as integer[])
                ),
                6
            ),
            false
        ) as s06_q01_rule_methods_other__is_relevant,
        case
            when s06_q01_rule_methods_other__is_relevant
                then s06_q01_rule_methods_other
        end as s06_q01_rule_methods_other__effective,
        coalesce(s06_q02_discharge_consultation = 1, false) as s06_q03_consultation_setup__is_relevant,
        case
            when s06_q03_consultation_setup__is_relevant
                then s06_q03_consultation_setup
        end as s06_q03_consultation_setup__effective,
        coalesce(
            list_contains(
                coalesce(
                    s06_q03_consultation_setup__effective,
                    cast([] as integer[])
                ),
                6
            ),
            false
        ) as s06_q03_consultation_setup_other__is_relevant,
        case
            when s06_q03_consultation_setup_other__is_relevant
                then s06_q03_consultation_setup_other
        end as s06_q03_consultation_setup_other__effective,
        coalesce(
            list_contains(
                coalesce(s08_q01_system_needs, cast([] as integer[])),
                8
            ),
            false
        ) as s08_q01_system_needs_other__is_relevant,
        case
            when s08_q01_system_needs_other__is_relevant
                then s08_q01_system_needs_other
        end as s08_q01_system_needs_other__effective,
        coalesce(s09_q01_workforce = 1, false) as s09_q02_workforce_activities__is_relevant,
        case
            when s09_q02_workforce_activities__is_relevant
                then s09_q02_workforce_activities
        end as s09_q02_workforce_activities__effective,
        coalesce(
            list_contains(
                coalesce(
                    s09_q02_workforce_activities__effective,
                    cast([] as integer[])
                ),
                6
            ),
            false
        ) as s09_q02_workforce_activities_other__is_relevant,
        case
            when s09_q02_workforce_activities_other__is_relevant
                then s09_q02_workforce_activities_other
        end as s09_q02_workforce_activities_other__effective,
        coalesce(s09_q01_workforce = 1, false) as s09_q03_training_themes__is_relevant,
        case
            when s09_q03_training_themes__is_relevant
                then s09_q03_training_themes
        end as s09_q03_training_themes__effective,
        coalesce(
            list_contains(
                coalesce(
                    s09_q03_training_themes__effective,
                    cast([] as integer[])
                ),
                9
            ),
            false
        ) as s09_q03_training_themes_other__is_relevant,
        case
            when s09_q03_training_themes_other__is_relevant
                then s09_q03_training_themes_other
        end as s09_q03_training_themes_other__effective,
        coalesce(s09_q01_workforce = 1, false) as s09_q04_training_participants__is_relevant,
        case
            when s09_q04_training_participants__is_relevant
                then s09_q04_training_participants
        end as s09_q04_training_participants__effective,
        coalesce(
            list_contains(
                coalesce(
                    s09_q04_training_participants__effective,
                    cast([] as integer[])
                ),
                15
            ),
            false
        ) as s09_q04_training_participants_other__is_relevant,
        case
            when s09_q04_training_participants_other__is_relevant
                then s09_q04_training_participants_other
        end as s09_q04_training_participants_other__effective,
        coalesce(
            list_contains(
                coalesce(s10_q01_workforce_needs, cast([] as integer[])),
                7
            ),
            false
        ) as s10_q01_workforce_needs_other__is_relevant,
        case
            when s10_q01_workforce_needs_other__is_relevant
                then s10_q01_workforce_needs_other
        end as s10_q01_workforce_needs_other__effective,
        coalesce(s10_q02_awareness = 1, false) as s10_q03_awareness_activities__is_relevant,
        case
            when s10_q03_awareness_activities__is_relevant
                then s10_q03_awareness_activities
        end as s10_q03_awareness_activities__effective,
        coalesce(
            list_contains(
                coalesce(
                    s10_q03_awareness_activities__effective,
                    cast([] as integer[])
                ),
                7
            ),
            false
        ) as s10_q03_awareness_activities_other__is_relevant,
        case
            when s10_q03_awareness_activities_other__is_relevant
                then s10_q03_awareness_activities_other
        end as s10_q03_awareness_activities_other__effective,
        coalesce(s11_q01_disaster_support = 1, false) as s11_q02_disaster_actions__is_relevant,
        case
            when s11_q02_disaster_actions__is_relevant
                then s11_q02_disaster_actions
        end as s11_q02_disaster_actions__effective,
        coalesce(
            list_contains(
                coalesce(
                    s11_q02_disaster_actions__effective,
                    cast([] as integer[])
                ),
                6
            ),
            false
        ) as s11_q02_disaster_actions_other__is_relevant,
        case
            when s11_q02_disaster_actions_other__is_relevant
                then s11_q02_disaster_actions_other
        end as s11_q02_disaster_actions_other__effective,
        coalesce(s11_q03_disaster_readiness = 1, false) as s11_q04_readiness_actions__is_relevant,
        case
            when s11_q04_readiness_actions__is_relevant
                then s11_q04_readiness_actions
        end as s11_q04_readiness_actions__effective,
        coalesce(
            list_contains(
                coalesce(
                    s11_q04_readiness_actions__effective,
                    cast([] as integer[])
                ),
                7
            ),
            false
        ) as s11_q04_readiness_actions_other__is_relevant,
        case
            when s11_q04_readiness_actions_other__is_relevant
                then s11_q04_readiness_actions_other
        end as s11_q04_readiness_actions_other__effective,
        coalesce(
            list_contains(
                coalesce(s12_q01_disaster_needs, cast([] as integer[])),
                8
            ),
            false
        ) as s12_q01_disaster_needs_other__is_relevant,
        case
            when s12_q01_disaster_needs_other__is_relevant
                then s12_q01_disaster_needs_other
        end as s12_q01_disaster_needs_other__effective,
        coalesce(
            list_contains(
                coalesce(s12_q02_hub_issues, cast([] as integer[])),
                12
            ),
            false
        ) as s12_q02_hub_issues_other__is_relevant,
        case
            when s12_q02_hub_issues_other__is_relevant
                then s12_q02_hub_issues_other
        end as s12_q02_hub_issues_other__effective,
        coalesce(s13_q01_central_staff = 1, false) as s13_q02_central_profession__is_relevant,
        case
            when s13_q02_central_profession__is_relevant
                then s13_q02_central_profession
        end as s13_q02_central_profession__effective,
        coalesce(s13_q02_central_profession__effective = 8, false) as s13_q02_central_profession_other__is_relevant,
        case
            when s13_q02_central_profession_other__is_relevant
                then s13_q02_central_profession_other
        end as s13_q02_central_profession_other__effective
    from answers
    where fiscal_year = 2025
)

select * from edition_2025
