-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per hub return, one column per item of any edition: the answers as written.
select
    submissions.fiscal_year,
    submissions.form,
    submissions.respondent_key,
    submissions.submission_id,
    max(answers.answer_text) filter (where answers.item_key = 'f1_hub_code') as f1_hub_code,
    max(answers.answer_text) filter (where answers.item_key = 'f2_prefecture_code') as f2_prefecture_code,
    max(answers.answer_text) filter (where answers.item_key = 'f3_hub_name') as f3_hub_name,
    max(answers.answer_text) filter (where answers.item_key = 'f4_area_name') as f4_area_name,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_01') as f5_area_municipality_01,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_02') as f5_area_municipality_02,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_03') as f5_area_municipality_03,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_04') as f5_area_municipality_04,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_05') as f5_area_municipality_05,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_06') as f5_area_municipality_06,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_07') as f5_area_municipality_07,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_08') as f5_area_municipality_08,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_09') as f5_area_municipality_09,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_10') as f5_area_municipality_10,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_11') as f5_area_municipality_11,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_12') as f5_area_municipality_12,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_13') as f5_area_municipality_13,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_14') as f5_area_municipality_14,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_15') as f5_area_municipality_15,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_16') as f5_area_municipality_16,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_17') as f5_area_municipality_17,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_18') as f5_area_municipality_18,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_19') as f5_area_municipality_19,
    max(answers.answer_text) filter (where answers.item_key = 'f5_area_municipality_20') as f5_area_municipality_20,
    max(answers.answer_code) filter (where answers.item_key = 's01_q01_operator') as s01_q01_operator,
    max(answers.answer_text) filter (where answers.item_key = 's01_q01_operator_other') as s01_q01_operator_other,
    max(answers.answer_code) filter (where answers.item_key = 's01_q02_knows_area') as s01_q02_knows_area,
    max(answers.answer_code) filter (where answers.item_key = 's01_q03_same_body') as s01_q03_same_body,
    max(answers.answer_code) filter (where answers.item_key = 's01_q04_area_relation') as s01_q04_area_relation,
    max(answers.answer_code) filter (where answers.item_key = 's02_q01_multiprofession') as s02_q01_multiprofession,
    max(answers.answer_code) filter (where answers.item_key = 's02_q02_meeting') as s02_q02_meeting,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's02_q03_meeting_participants' and answers.is_ticked
    ) as s02_q03_meeting_participants,
    max(answers.answer_text) filter (
        where answers.item_key = 's02_q03_meeting_participants_other'
    ) as s02_q03_meeting_participants_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's02_q04_joint_meeting' and answers.is_ticked
    ) as s02_q04_joint_meeting,
    max(answers.answer_text) filter (
        where answers.item_key = 's02_q04_joint_meeting_other'
    ) as s02_q04_joint_meeting_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's02_q05_meeting_agenda' and answers.is_ticked
    ) as s02_q05_meeting_agenda,
    max(answers.answer_text) filter (
        where answers.item_key = 's02_q05_meeting_agenda_other'
    ) as s02_q05_meeting_agenda_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's02_q06_meeting_issues' and answers.is_ticked
    ) as s02_q06_meeting_issues,
    max(answers.answer_text) filter (
        where answers.item_key = 's02_q06_meeting_issues_other'
    ) as s02_q06_meeting_issues_other,
    max(answers.answer_code) filter (where answers.item_key = 's03_q01_resource_list') as s03_q01_resource_list,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's03_q02_sources' and answers.is_ticked
    ) as s03_q02_sources,
    max(answers.answer_text) filter (where answers.item_key = 's03_q02_sources_other') as s03_q02_sources_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's03_q03_institutions' and answers.is_ticked
    ) as s03_q03_institutions,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's03_q04_hospital_functions' and answers.is_ticked
    ) as s03_q04_hospital_functions,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's03_q05_clinic_functions' and answers.is_ticked
    ) as s03_q05_clinic_functions,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's03_q06_dental_functions' and answers.is_ticked
    ) as s03_q06_dental_functions,
    max(answers.answer_text) filter (
        where answers.item_key = 's03_q06_dental_functions_other'
    ) as s03_q06_dental_functions_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's03_q07_pharmacy_functions' and answers.is_ticked
    ) as s03_q07_pharmacy_functions,
    max(answers.answer_text) filter (
        where answers.item_key = 's03_q07_pharmacy_functions_other'
    ) as s03_q07_pharmacy_functions_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's03_q08_nursing_functions' and answers.is_ticked
    ) as s03_q08_nursing_functions,
    max(answers.answer_text) filter (
        where answers.item_key = 's03_q08_nursing_functions_other'
    ) as s03_q08_nursing_functions_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's03_q09_nutrition_functions' and answers.is_ticked
    ) as s03_q09_nutrition_functions,
    max(answers.answer_text) filter (
        where answers.item_key = 's03_q09_nutrition_functions_other'
    ) as s03_q09_nutrition_functions_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's03_q10_care_functions' and answers.is_ticked
    ) as s03_q10_care_functions,
    max(answers.answer_text) filter (
        where answers.item_key = 's03_q10_care_functions_other'
    ) as s03_q10_care_functions_other,
    max(answers.answer_text) filter (
        where answers.item_key = 's03_q11_non_insurance_functions'
    ) as s03_q11_non_insurance_functions,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's03_q12_disability_functions' and answers.is_ticked
    ) as s03_q12_disability_functions,
    max(answers.answer_text) filter (
        where answers.item_key = 's03_q12_disability_functions_other'
    ) as s03_q12_disability_functions_other,
    max(answers.answer_text) filter (where answers.item_key = 's03_q13_other_functions') as s03_q13_other_functions,
    max(answers.answer_code) filter (where answers.item_key = 's03_q14_publishes') as s03_q14_publishes,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's03_q15_published_institutions' and answers.is_ticked
    ) as s03_q15_published_institutions,
    max(answers.answer_text) filter (
        where answers.item_key = 's03_q15_published_institutions_other'
    ) as s03_q15_published_institutions_other,
    max(answers.answer_code) filter (where answers.item_key = 's04_q01_function_analysis') as s04_q01_function_analysis,
    max(answers.answer_text) filter (where answers.item_key = 's04_q02_analysis_method') as s04_q02_analysis_method,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's04_q03_analysis_difficulties' and answers.is_ticked
    ) as s04_q03_analysis_difficulties,
    max(answers.answer_text) filter (
        where answers.item_key = 's04_q03_analysis_difficulties_other'
    ) as s04_q03_analysis_difficulties_other,
    max(answers.answer_code) filter (where answers.item_key = 's04_q04_needs_survey') as s04_q04_needs_survey,
    max(answers.answer_text) filter (
        where answers.item_key = 's04_q05_needs_admission_discharge'
    ) as s04_q05_needs_admission_discharge,
    max(answers.answer_text) filter (where answers.item_key = 's04_q05_needs_daily_care') as s04_q05_needs_daily_care,
    max(answers.answer_text) filter (where answers.item_key = 's04_q05_needs_emergency') as s04_q05_needs_emergency,
    max(answers.answer_text) filter (where answers.item_key = 's04_q05_needs_end_of_life') as s04_q05_needs_end_of_life,
    max(answers.answer_text) filter (where answers.item_key = 's04_q05_needs_other') as s04_q05_needs_other,
    max(answers.answer_code) filter (where answers.item_key = 's05_q01_patient_locations') as s05_q01_patient_locations,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's05_q02_location_methods' and answers.is_ticked
    ) as s05_q02_location_methods,
    max(answers.answer_text) filter (
        where answers.item_key = 's05_q02_location_methods_other'
    ) as s05_q02_location_methods_other,
    max(answers.answer_code) filter (where answers.item_key = 's05_q03_rules') as s05_q03_rules,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's05_q04_rule_contents' and answers.is_ticked
    ) as s05_q04_rule_contents,
    max(answers.answer_text) filter (
        where answers.item_key = 's05_q04_rule_contents_other'
    ) as s05_q04_rule_contents_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's06_q01_rule_methods' and answers.is_ticked
    ) as s06_q01_rule_methods,
    max(answers.answer_text) filter (
        where answers.item_key = 's06_q01_rule_methods_other'
    ) as s06_q01_rule_methods_other,
    max(answers.answer_code) filter (
        where answers.item_key = 's06_q02_discharge_consultation'
    ) as s06_q02_discharge_consultation,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's06_q03_consultation_setup' and answers.is_ticked
    ) as s06_q03_consultation_setup,
    max(answers.answer_text) filter (
        where answers.item_key = 's06_q03_consultation_setup_other'
    ) as s06_q03_consultation_setup_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's07_q01_pending_work' and answers.is_ticked
    ) as s07_q01_pending_work,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's08_q01_system_needs' and answers.is_ticked
    ) as s08_q01_system_needs,
    max(answers.answer_text) filter (
        where answers.item_key = 's08_q01_system_needs_other'
    ) as s08_q01_system_needs_other,
    max(answers.answer_text) filter (where answers.item_key = 's08_q02_data_needed') as s08_q02_data_needed,
    max(answers.answer_code) filter (where answers.item_key = 's09_q01_workforce') as s09_q01_workforce,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's09_q02_workforce_activities' and answers.is_ticked
    ) as s09_q02_workforce_activities,
    max(answers.answer_text) filter (
        where answers.item_key = 's09_q02_workforce_activities_other'
    ) as s09_q02_workforce_activities_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's09_q03_training_themes' and answers.is_ticked
    ) as s09_q03_training_themes,
    max(answers.answer_text) filter (
        where answers.item_key = 's09_q03_training_themes_other'
    ) as s09_q03_training_themes_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's09_q04_training_participants' and answers.is_ticked
    ) as s09_q04_training_participants,
    max(answers.answer_text) filter (
        where answers.item_key = 's09_q04_training_participants_other'
    ) as s09_q04_training_participants_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's10_q01_workforce_needs' and answers.is_ticked
    ) as s10_q01_workforce_needs,
    max(answers.answer_text) filter (
        where answers.item_key = 's10_q01_workforce_needs_other'
    ) as s10_q01_workforce_needs_other,
    max(answers.answer_code) filter (where answers.item_key = 's10_q02_awareness') as s10_q02_awareness,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's10_q03_awareness_activities' and answers.is_ticked
    ) as s10_q03_awareness_activities,
    max(answers.answer_text) filter (
        where answers.item_key = 's10_q03_awareness_activities_other'
    ) as s10_q03_awareness_activities_other,
    max(answers.answer_code) filter (where answers.item_key = 's11_q01_disaster_support') as s11_q01_disaster_support,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's11_q02_disaster_actions' and answers.is_ticked
    ) as s11_q02_disaster_actions,
    max(answers.answer_text) filter (
        where answers.item_key = 's11_q02_disaster_actions_other'
    ) as s11_q02_disaster_actions_other,
    max(answers.answer_code) filter (
        where answers.item_key = 's11_q03_disaster_readiness'
    ) as s11_q03_disaster_readiness,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's11_q04_readiness_actions' and answers.is_ticked
    ) as s11_q04_readiness_actions,
    max(answers.answer_text) filter (
        where answers.item_key = 's11_q04_readiness_actions_other'
    ) as s11_q04_readiness_actions_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's12_q01_disaster_needs' and answers.is_ticked
    ) as s12_q01_disaster_needs,
    max(answers.answer_text) filter (
        where answers.item_key = 's12_q01_disaster_needs_other'
    ) as s12_q01_disaster_needs_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 's12_q02_hub_issues' and answers.is_ticked
    ) as s12_q02_hub_issues,
    max(answers.answer_text) filter (where answers.item_key = 's12_q02_hub_issues_other') as s12_q02_hub_issues_other,
    max(answers.answer_code) filter (where answers.item_key = 's13_q01_central_staff') as s13_q01_central_staff,
    max(answers.answer_code) filter (
        where answers.item_key = 's13_q02_central_profession'
    ) as s13_q02_central_profession,
    max(answers.answer_text) filter (
        where answers.item_key = 's13_q02_central_profession_other'
    ) as s13_q02_central_profession_other,
    count(answers.item_key) as answer_cells
from {{ ref('stg_raw__submissions') }} as submissions
left join {{ ref('stg_raw__answers') }} as answers
    on submissions.submission_id = answers.submission_id
where submissions.form = 'hub' and {{ is_new_return('submissions.submission_id') }}
group by submissions.fiscal_year, submissions.form, submissions.respondent_key, submissions.submission_id
