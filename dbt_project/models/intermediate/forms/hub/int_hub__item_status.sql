-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per hub return and item of its edition: whether it applies, is answered, and so its status.
with skip_logic as (
    select *
    from {{ ref('int_hub__skip_logic') }}
    where {{ is_new_return() }}
),

edition_2025 as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        unnest([
            { 'item_key': 'f1_hub_code', 'is_relevant': true, 'is_given': f1_hub_code__is_given },
            { 'item_key': 'f2_prefecture_code', 'is_relevant': true, 'is_given': f2_prefecture_code__is_given },
            { 'item_key': 'f3_hub_name', 'is_relevant': true, 'is_given': f3_hub_name__is_given },
            { 'item_key': 'f4_area_name', 'is_relevant': true, 'is_given': f4_area_name__is_given },
            {
                'item_key': 'f5_area_municipality_01',
                'is_relevant': true,
                'is_given': f5_area_municipality_01__is_given
            },
            {
                'item_key': 'f5_area_municipality_02',
                'is_relevant': true,
                'is_given': f5_area_municipality_02__is_given
            },
            {
                'item_key': 'f5_area_municipality_03',
                'is_relevant': true,
                'is_given': f5_area_municipality_03__is_given
            },
            {
                'item_key': 'f5_area_municipality_04',
                'is_relevant': true,
                'is_given': f5_area_municipality_04__is_given
            },
            {
                'item_key': 'f5_area_municipality_05',
                'is_relevant': true,
                'is_given': f5_area_municipality_05__is_given
            },
            {
                'item_key': 'f5_area_municipality_06',
                'is_relevant': true,
                'is_given': f5_area_municipality_06__is_given
            },
            {
                'item_key': 'f5_area_municipality_07',
                'is_relevant': true,
                'is_given': f5_area_municipality_07__is_given
            },
            {
                'item_key': 'f5_area_municipality_08',
                'is_relevant': true,
                'is_given': f5_area_municipality_08__is_given
            },
            {
                'item_key': 'f5_area_municipality_09',
                'is_relevant': true,
                'is_given': f5_area_municipality_09__is_given
            },
            {
                'item_key': 'f5_area_municipality_10',
                'is_relevant': true,
                'is_given': f5_area_municipality_10__is_given
            },
            {
                'item_key': 'f5_area_municipality_11',
                'is_relevant': true,
                'is_given': f5_area_municipality_11__is_given
            },
            {
                'item_key': 'f5_area_municipality_12',
                'is_relevant': true,
                'is_given': f5_area_municipality_12__is_given
            },
            {
                'item_key': 'f5_area_municipality_13',
                'is_relevant': true,
                'is_given': f5_area_municipality_13__is_given
            },
            {
                'item_key': 'f5_area_municipality_14',
                'is_relevant': true,
                'is_given': f5_area_municipality_14__is_given
            },
            {
                'item_key': 'f5_area_municipality_15',
                'is_relevant': true,
                'is_given': f5_area_municipality_15__is_given
            },
            {
                'item_key': 'f5_area_municipality_16',
                'is_relevant': true,
                'is_given': f5_area_municipality_16__is_given
            },
            {
                'item_key': 'f5_area_municipality_17',
                'is_relevant': true,
                'is_given': f5_area_municipality_17__is_given
            },
            {
                'item_key': 'f5_area_municipality_18',
                'is_relevant': true,
                'is_given': f5_area_municipality_18__is_given
            },
            {
                'item_key': 'f5_area_municipality_19',
                'is_relevant': true,
                'is_given': f5_area_municipality_19__is_given
            },
            {
                'item_key': 'f5_area_municipality_20',
                'is_relevant': true,
                'is_given': f5_area_municipality_20__is_given
            },
            { 'item_key': 's01_q01_operator', 'is_relevant': true, 'is_given': s01_q01_operator__is_given },
            {
                'item_key': 's01_q01_operator_other',
                'is_relevant': s01_q01_operator_other__is_relevant,
                'is_given': s01_q01_operator_other__is_given
            },
            { 'item_key': 's01_q02_knows_area', 'is_relevant': true, 'is_given': s01_q02_knows_area__is_given },
            { 'item_key': 's01_q03_same_body', 'is_relevant': true, 'is_given': s01_q03_same_body__is_given },
            { 'item_key': 's01_q04_area_relation', 'is_relevant': true, 'is_given': s01_q04_area_relation__is_given },
            {
                'item_key': 's02_q01_multiprofession',
                'is_relevant': true,
                'is_given': s02_q01_multiprofession__is_given
            },
            {
                'item_key': 's02_q02_meeting',
                'is_relevant': s02_q02_meeting__is_relevant,
                'is_given': s02_q02_meeting__is_given
            },
            {
                'item_key': 's02_q03_meeting_participants',
                'is_relevant': s02_q03_meeting_participants__is_relevant,
                'is_given': s02_q03_meeting_participants__is_given
            },
            {
                'item_key': 's02_q03_meeting_participants_other',
                'is_relevant': s02_q03_meeting_participants_other__is_relevant,
                'is_given': s02_q03_meeting_participants_other__is_given
            },
            {
                'item_key': 's02_q04_joint_meeting',
                'is_relevant': s02_q04_joint_meeting__is_relevant,
                'is_given': s02_q04_joint_meeting__is_given
            },
            {
                'item_key': 's02_q04_joint_meeting_other',
                'is_relevant': s02_q04_joint_meeting_other__is_relevant,
                'is_given': s02_q04_joint_meeting_other__is_given
            },
            {
                'item_key': 's02_q05_meeting_agenda',
                'is_relevant': s02_q05_meeting_agenda__is_relevant,
                'is_given': s02_q05_meeting_agenda__is_given
            },
            {
                'item_key': 's02_q05_meeting_agenda_other',
                'is_relevant': s02_q05_meeting_agenda_other__is_relevant,
                'is_given': s02_q05_meeting_agenda_other__is_given
            },
            {
                'item_key': 's02_q06_meeting_issues',
                'is_relevant': s02_q06_meeting_issues__is_relevant,
                'is_given': s02_q06_meeting_issues__is_given
            },
            {
                'item_key': 's02_q06_meeting_issues_other',
                'is_relevant': s02_q06_meeting_issues_other__is_relevant,
                'is_given': s02_q06_meeting_issues_other__is_given
            },
            { 'item_key': 's03_q01_resource_list', 'is_relevant': true, 'is_given': s03_q01_resource_list__is_given },
            {
                'item_key': 's03_q02_sources',
                'is_relevant': s03_q02_sources__is_relevant,
                'is_given': s03_q02_sources__is_given
            },
            {
                'item_key': 's03_q02_sources_other',
                'is_relevant': s03_q02_sources_other__is_relevant,
                'is_given': s03_q02_sources_other__is_given
            },
            {
                'item_key': 's03_q03_institutions',
                'is_relevant': s03_q03_institutions__is_relevant,
                'is_given': s03_q03_institutions__is_given
            },
            {
                'item_key': 's03_q04_hospital_functions',
                'is_relevant': s03_q04_hospital_functions__is_relevant,
                'is_given': s03_q04_hospital_functions__is_given
            },
            {
                'item_key': 's03_q05_clinic_functions',
                'is_relevant': s03_q05_clinic_functions__is_relevant,
                'is_given': s03_q05_clinic_functions__is_given
            },
            {
                'item_key': 's03_q06_dental_functions',
                'is_relevant': s03_q06_dental_functions__is_relevant,
                'is_given': s03_q06_dental_functions__is_given
            },
            {
                'item_key': 's03_q06_dental_functions_other',
                'is_relevant': s03_q06_dental_functions_other__is_relevant,
                'is_given': s03_q06_dental_functions_other__is_given
            },
            {
                'item_key': 's03_q07_pharmacy_functions',
                'is_relevant': s03_q07_pharmacy_functions__is_relevant,
                'is_given': s03_q07_pharmacy_functions__is_given
            },
            {
                'item_key': 's03_q07_pharmacy_functions_other',
                'is_relevant': s03_q07_pharmacy_functions_other__is_relevant,
                'is_given': s03_q07_pharmacy_functions_other__is_given
            },
            {
                'item_key': 's03_q08_nursing_functions',
                'is_relevant': s03_q08_nursing_functions__is_relevant,
                'is_given': s03_q08_nursing_functions__is_given
            },
            {
                'item_key': 's03_q08_nursing_functions_other',
                'is_relevant': s03_q08_nursing_functions_other__is_relevant,
                'is_given': s03_q08_nursing_functions_other__is_given
            },
            {
                'item_key': 's03_q09_nutrition_functions',
                'is_relevant': s03_q09_nutrition_functions__is_relevant,
                'is_given': s03_q09_nutrition_functions__is_given
            },
            {
                'item_key': 's03_q09_nutrition_functions_other',
                'is_relevant': s03_q09_nutrition_functions_other__is_relevant,
                'is_given': s03_q09_nutrition_functions_other__is_given
            },
            {
                'item_key': 's03_q10_care_functions',
                'is_relevant': s03_q10_care_functions__is_relevant,
                'is_given': s03_q10_care_functions__is_given
            },
            {
                'item_key': 's03_q10_care_functions_other',
                'is_relevant': s03_q10_care_functions_other__is_relevant,
                'is_given': s03_q10_care_functions_other__is_given
            },
            {
                'item_key': 's03_q11_non_insurance_functions',
                'is_relevant': s03_q11_non_insurance_functions__is_relevant,
                'is_given': s03_q11_non_insurance_functions__is_given
            },
            {
                'item_key': 's03_q12_disability_functions',
                'is_relevant': s03_q12_disability_functions__is_relevant,
                'is_given': s03_q12_disability_functions__is_given
            },
            {
                'item_key': 's03_q12_disability_functions_other',
                'is_relevant': s03_q12_disability_functions_other__is_relevant,
                'is_given': s03_q12_disability_functions_other__is_given
            },
            {
                'item_key': 's03_q13_other_functions',
                'is_relevant': s03_q13_other_functions__is_relevant,
                'is_given': s03_q13_other_functions__is_given
            },
            {
                'item_key': 's03_q14_publishes',
                'is_relevant': s03_q14_publishes__is_relevant,
                'is_given': s03_q14_publishes__is_given
            },
            {
                'item_key': 's03_q15_published_institutions',
                'is_relevant': s03_q15_published_institutions__is_relevant,
                'is_given': s03_q15_published_institutions__is_given
            },
            {
                'item_key': 's03_q15_published_institutions_other',
                'is_relevant': s03_q15_published_institutions_other__is_relevant,
                'is_given': s03_q15_published_institutions_other__is_given
            },
            {
                'item_key': 's04_q01_function_analysis',
                'is_relevant': true,
                'is_given': s04_q01_function_analysis__is_given
            },
            {
                'item_key': 's04_q02_analysis_method',
                'is_relevant': s04_q02_analysis_method__is_relevant,
                'is_given': s04_q02_analysis_method__is_given
            },
            {
                'item_key': 's04_q03_analysis_difficulties',
                'is_relevant': s04_q03_analysis_difficulties__is_relevant,
                'is_given': s04_q03_analysis_difficulties__is_given
            },
            {
                'item_key': 's04_q03_analysis_difficulties_other',
                'is_relevant': s04_q03_analysis_difficulties_other__is_relevant,
                'is_given': s04_q03_analysis_difficulties_other__is_given
            },
            { 'item_key': 's04_q04_needs_survey', 'is_relevant': true, 'is_given': s04_q04_needs_survey__is_given },
            {
                'item_key': 's04_q05_needs_admission_discharge',
                'is_relevant': s04_q05_needs_admission_discharge__is_relevant,
                'is_given': s04_q05_needs_admission_discharge__is_given
            },
            {
                'item_key': 's04_q05_needs_daily_care',
                'is_relevant': s04_q05_needs_daily_care__is_relevant,
                'is_given': s04_q05_needs_daily_care__is_given
            },
            {
                'item_key': 's04_q05_needs_emergency',
                'is_relevant': s04_q05_needs_emergency__is_relevant,
                'is_given': s04_q05_needs_emergency__is_given
            },
            {
                'item_key': 's04_q05_needs_end_of_life',
                'is_relevant': s04_q05_needs_end_of_life__is_relevant,
                'is_given': s04_q05_needs_end_of_life__is_given
            },
            {
                'item_key': 's04_q05_needs_other',
                'is_relevant': s04_q05_needs_other__is_relevant,
                'is_given': s04_q05_needs_other__is_given
            },
            {
                'item_key': 's05_q01_patient_locations',
                'is_relevant': true,
                'is_given': s05_q01_patient_locations__is_given
            },
            {
                'item_key': 's05_q02_location_methods',
                'is_relevant': s05_q02_location_methods__is_relevant,
                'is_given': s05_q02_location_methods__is_given
            },
            {
                'item_key': 's05_q02_location_methods_other',
                'is_relevant': s05_q02_location_methods_other__is_relevant,
                'is_given': s05_q02_location_methods_other__is_given
            },
            { 'item_key': 's05_q03_rules', 'is_relevant': true, 'is_given': s05_q03_rules__is_given },
            {
                'item_key': 's05_q04_rule_contents',
                'is_relevant': s05_q04_rule_contents__is_relevant,
                'is_given': s05_q04_rule_contents__is_given
            },
            {
                'item_key': 's05_q04_rule_contents_other',
                'is_relevant': s05_q04_rule_contents_other__is_relevant,
                'is_given': s05_q04_rule_contents_other__is_given
            },
            {
                'item_key': 's06_q01_rule_methods',
                'is_relevant': s06_q01_rule_methods__is_relevant,
                'is_given': s06_q01_rule_methods__is_given
            },
            {
                'item_key': 's06_q01_rule_methods_other',
                'is_relevant': s06_q01_rule_methods_other__is_relevant,
                'is_given': s06_q01_rule_methods_other__is_given
            },
            {
                'item_key': 's06_q02_discharge_consultation',
                'is_relevant': true,
                'is_given': s06_q02_discharge_consultation__is_given
            },
            {
                'item_key': 's06_q03_consultation_setup',
                'is_relevant': s06_q03_consultation_setup__is_relevant,
                'is_given': s06_q03_consultation_setup__is_given
            },
            {
                'item_key': 's06_q03_consultation_setup_other',
                'is_relevant': s06_q03_consultation_setup_other__is_relevant,
                'is_given': s06_q03_consultation_setup_other__is_given
            },
            { 'item_key': 's07_q01_pending_work', 'is_relevant': true, 'is_given': s07_q01_pending_work__is_given },
            { 'item_key': 's08_q01_system_needs', 'is_relevant': true, 'is_given': s08_q01_system_needs__is_given },
            {
                'item_key': 's08_q01_system_needs_other',
                'is_relevant': s08_q01_system_needs_other__is_relevant,
                'is_given': s08_q01_system_needs_other__is_given
            },
            { 'item_key': 's08_q02_data_needed', 'is_relevant': true, 'is_given': s08_q02_data_needed__is_given },
            { 'item_key': 's09_q01_workforce', 'is_relevant': true, 'is_given': s09_q01_workforce__is_given },
            {
                'item_key': 's09_q02_workforce_activities',
                'is_relevant': s09_q02_workforce_activities__is_relevant,
                'is_given': s09_q02_workforce_activities__is_given
            },
            {
                'item_key': 's09_q02_workforce_activities_other',
                'is_relevant': s09_q02_workforce_activities_other__is_relevant,
                'is_given': s09_q02_workforce_activities_other__is_given
            },
            {
                'item_key': 's09_q03_training_themes',
                'is_relevant': s09_q03_training_themes__is_relevant,
                'is_given': s09_q03_training_themes__is_given
            },
            {
                'item_key': 's09_q03_training_themes_other',
                'is_relevant': s09_q03_training_themes_other__is_relevant,
                'is_given': s09_q03_training_themes_other__is_given
            },
            {
                'item_key': 's09_q04_training_participants',
                'is_relevant': s09_q04_training_participants__is_relevant,
                'is_given': s09_q04_training_participants__is_given
            },
            {
                'item_key': 's09_q04_training_participants_other',
                'is_relevant': s09_q04_training_participants_other__is_relevant,
                'is_given': s09_q04_training_participants_other__is_given
            },
            {
                'item_key': 's10_q01_workforce_needs',
                'is_relevant': true,
                'is_given': s10_q01_workforce_needs__is_given
            },
            {
                'item_key': 's10_q01_workforce_needs_other',
                'is_relevant': s10_q01_workforce_needs_other__is_relevant,
                'is_given': s10_q01_workforce_needs_other__is_given
            },
            { 'item_key': 's10_q02_awareness', 'is_relevant': true, 'is_given': s10_q02_awareness__is_given },
            {
                'item_key': 's10_q03_awareness_activities',
                'is_relevant': s10_q03_awareness_activities__is_relevant,
                'is_given': s10_q03_awareness_activities__is_given
            },
            {
                'item_key': 's10_q03_awareness_activities_other',
                'is_relevant': s10_q03_awareness_activities_other__is_relevant,
                'is_given': s10_q03_awareness_activities_other__is_given
            },
            {
                'item_key': 's11_q01_disaster_support',
                'is_relevant': true,
                'is_given': s11_q01_disaster_support__is_given
            },
            {
                'item_key': 's11_q02_disaster_actions',
                'is_relevant': s11_q02_disaster_actions__is_relevant,
                'is_given': s11_q02_disaster_actions__is_given
            },
            {
                'item_key': 's11_q02_disaster_actions_other',
                'is_relevant': s11_q02_disaster_actions_other__is_relevant,
                'is_given': s11_q02_disaster_actions_other__is_given
            },
            {
                'item_key': 's11_q03_disaster_readiness',
                'is_relevant': true,
                'is_given': s11_q03_disaster_readiness__is_given
            },
            {
                'item_key': 's11_q04_readiness_actions',
                'is_relevant': s11_q04_readiness_actions__is_relevant,
                'is_given': s11_q04_readiness_actions__is_given
            },
            {
                'item_key': 's11_q04_readiness_actions_other',
                'is_relevant': s11_q04_readiness_actions_other__is_relevant,
                'is_given': s11_q04_readiness_actions_other__is_given
            },
            { 'item_key': 's12_q01_disaster_needs', 'is_relevant': true, 'is_given': s12_q01_disaster_needs__is_given },
            {
                'item_key': 's12_q01_disaster_needs_other',
                'is_relevant': s12_q01_disaster_needs_other__is_relevant,
                'is_given': s12_q01_disaster_needs_other__is_given
            },
            { 'item_key': 's12_q02_hub_issues', 'is_relevant': true, 'is_given': s12_q02_hub_issues__is_given },
            {
                'item_key': 's12_q02_hub_issues_other',
                'is_relevant': s12_q02_hub_issues_other__is_relevant,
                'is_given': s12_q02_hub_issues_other__is_given
            },
            { 'item_key': 's13_q01_central_staff', 'is_relevant': true, 'is_given': s13_q01_central_staff__is_given },
            {
                'item_key': 's13_q02_central_profession',
                'is_relevant': s13_q02_central_profession__is_relevant,
                'is_given': s13_q02_central_profession__is_given
            },
            {
                'item_key': 's13_q02_central_profession_other',
                'is_relevant': s13_q02_central_profession_other__is_relevant,
                'is_given': s13_q02_central_profession_other__is_given
            }
        ]) as flag
    from skip_logic
    where fiscal_year = 2025
),

flags as (
    select * from edition_2025
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
