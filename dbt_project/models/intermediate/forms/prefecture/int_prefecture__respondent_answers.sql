-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per prefecture return, one column per item of any edition: the answers as written.
select
    submissions.fiscal_year,
    submissions.form,
    submissions.respondent_key,
    submissions.submission_id,
    max(answers.answer_text) filter (where answers.item_key = 'f1_prefecture_code') as f1_prefecture_code,
    max(answers.answer_code) filter (
        where answers.item_key = 'q1_implementation_structure'
    ) as q1_implementation_structure,
    max(answers.answer_code) filter (where answers.item_key = 'q2_1_head_office_support') as q2_1_head_office_support,
    max(answers.answer_code) filter (
        where answers.item_key = 'q2_2_health_center_support'
    ) as q2_2_health_center_support,
    max(answers.answer_code) filter (
        where answers.item_key = 'q2_3_regional_bureau_support'
    ) as q2_3_regional_bureau_support,
    max(answers.answer_code) filter (where answers.item_key = 'q3_council') as q3_council,
    max(answers.answer_code) filter (where answers.item_key = 'q3_1_council_entrusted') as q3_1_council_entrusted,
    max(answers.answer_code) filter (where answers.item_key = 'q3_2_council_frequency') as q3_2_council_frequency,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q3_3_1_council_topics_municipal_support' and answers.is_ticked
    ) as q3_3_1_council_topics_municipal_support,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q3_3_2_council_topics_prefecture' and answers.is_ticked
    ) as q3_3_2_council_topics_prefecture,
    max(answers.answer_text) filter (
        where answers.item_key = 'q3_3_1_council_topics_municipal_support_other'
    ) as q3_3_1_council_topics_municipal_support_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q3_3_2_council_topics_prefecture_other'
    ) as q3_3_2_council_topics_prefecture_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q3_4_council_members' and answers.is_ticked
    ) as q3_4_council_members,
    max(answers.answer_text) filter (
        where answers.item_key = 'q3_4_council_members_other'
    ) as q3_4_council_members_other,
    max(answers.answer_text) filter (where answers.item_key = 'q3_5_council_practices') as q3_5_council_practices,
    max(answers.answer_code) filter (
        where answers.item_key = 'q4_1_daily_care_implemented'
    ) as q4_1_daily_care_implemented,
    max(answers.answer_code) filter (
        where answers.item_key = 'q4_1_admission_discharge_implemented'
    ) as q4_1_admission_discharge_implemented,
    max(answers.answer_code) filter (
        where answers.item_key = 'q4_1_emergency_implemented'
    ) as q4_1_emergency_implemented,
    max(answers.answer_code) filter (
        where answers.item_key = 'q4_1_end_of_life_implemented'
    ) as q4_1_end_of_life_implemented,
    max(answers.answer_code) filter (where answers.item_key = 'q4_1_dementia_implemented') as q4_1_dementia_implemented,
    max(answers.answer_code) filter (
        where answers.item_key = 'q4_1_infection_implemented'
    ) as q4_1_infection_implemented,
    max(answers.answer_code) filter (where answers.item_key = 'q4_1_disaster_implemented') as q4_1_disaster_implemented,
    max(answers.answer_code) filter (where answers.item_key = 'q4_1_other_implemented') as q4_1_other_implemented,
    max(answers.answer_code) filter (
        where answers.item_key = 'q4_2_1_daily_care_department_link'
    ) as q4_2_1_daily_care_department_link,
    max(answers.answer_code) filter (
        where answers.item_key = 'q4_2_1_admission_discharge_department_link'
    ) as q4_2_1_admission_discharge_department_link,
    max(answers.answer_code) filter (
        where answers.item_key = 'q4_2_1_emergency_department_link'
    ) as q4_2_1_emergency_department_link,
    max(answers.answer_code) filter (
        where answers.item_key = 'q4_2_1_end_of_life_department_link'
    ) as q4_2_1_end_of_life_department_link,
    max(answers.answer_code) filter (
        where answers.item_key = 'q4_2_1_dementia_department_link'
    ) as q4_2_1_dementia_department_link,
    max(answers.answer_code) filter (
        where answers.item_key = 'q4_2_1_infection_department_link'
    ) as q4_2_1_infection_department_link,
    max(answers.answer_code) filter (
        where answers.item_key = 'q4_2_1_disaster_department_link'
    ) as q4_2_1_disaster_department_link,
    max(answers.answer_code) filter (
        where answers.item_key = 'q4_2_1_other_department_link'
    ) as q4_2_1_other_department_link,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_2_daily_care_effective_linkage'
    ) as q4_2_2_daily_care_effective_linkage,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_2_admission_discharge_effective_linkage'
    ) as q4_2_2_admission_discharge_effective_linkage,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_2_emergency_effective_linkage'
    ) as q4_2_2_emergency_effective_linkage,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_2_end_of_life_effective_linkage'
    ) as q4_2_2_end_of_life_effective_linkage,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_2_dementia_effective_linkage'
    ) as q4_2_2_dementia_effective_linkage,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_2_infection_effective_linkage'
    ) as q4_2_2_infection_effective_linkage,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_2_disaster_effective_linkage'
    ) as q4_2_2_disaster_effective_linkage,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_2_other_effective_linkage'
    ) as q4_2_2_other_effective_linkage,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_3_daily_care_effective_projects'
    ) as q4_2_3_daily_care_effective_projects,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_3_admission_discharge_effective_projects'
    ) as q4_2_3_admission_discharge_effective_projects,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_3_emergency_effective_projects'
    ) as q4_2_3_emergency_effective_projects,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_3_end_of_life_effective_projects'
    ) as q4_2_3_end_of_life_effective_projects,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_3_dementia_effective_projects'
    ) as q4_2_3_dementia_effective_projects,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_3_infection_effective_projects'
    ) as q4_2_3_infection_effective_projects,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_3_disaster_effective_projects'
    ) as q4_2_3_disaster_effective_projects,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_3_other_effective_projects'
    ) as q4_2_3_other_effective_projects,
    max(answers.answer_text) filter (
        where answers.item_key = 'q5_insurer_function_grant_use'
    ) as q5_insurer_function_grant_use,
    max(answers.answer_text) filter (
        where answers.item_key = 'q5_comprehensive_fund_medical_use'
    ) as q5_comprehensive_fund_medical_use,
    max(answers.answer_text) filter (
        where answers.item_key = 'q5_comprehensive_fund_care_use'
    ) as q5_comprehensive_fund_care_use,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q6_1_status_assessment' and answers.is_ticked
    ) as q6_1_status_assessment,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q6_2_needs_assessment' and answers.is_ticked
    ) as q6_2_needs_assessment,
    max(answers.answer_text) filter (
        where answers.item_key = 'q6_1_status_assessment_other'
    ) as q6_1_status_assessment_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q6_2_needs_assessment_other'
    ) as q6_2_needs_assessment_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q7_1_1_1_municipal_issues' and answers.is_ticked
    ) as q7_1_1_1_municipal_issues,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q7_1_1_2_municipal_top_issue' and answers.is_ticked
    ) as q7_1_1_2_municipal_top_issue,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q7_1_2_1_support_issues' and answers.is_ticked
    ) as q7_1_2_1_support_issues,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q7_1_2_2_support_top_issue' and answers.is_ticked
    ) as q7_1_2_2_support_top_issue,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q7_2_1_prefecture_support' and answers.is_ticked
    ) as q7_2_1_prefecture_support,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q7_2_2_health_center_support' and answers.is_ticked
    ) as q7_2_2_health_center_support,
    max(answers.answer_text) filter (
        where answers.item_key = 'q7_1_1_1_municipal_issues_other'
    ) as q7_1_1_1_municipal_issues_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q7_1_2_1_support_issues_other'
    ) as q7_1_2_1_support_issues_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q7_2_1_prefecture_support_other'
    ) as q7_2_1_prefecture_support_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q7_2_2_health_center_support_other'
    ) as q7_2_2_health_center_support_other,
    max(answers.answer_code) filter (where answers.item_key = 'q8_effective_support') as q8_effective_support,
    max(answers.answer_text) filter (
        where answers.item_key = 'q8_1_effective_support_municipality'
    ) as q8_1_effective_support_municipality,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q8_2_effective_support_themes' and answers.is_ticked
    ) as q8_2_effective_support_themes,
    max(answers.answer_text) filter (
        where answers.item_key = 'q8_3_effective_support_details'
    ) as q8_3_effective_support_details,
    max(answers.answer_code) filter (where answers.item_key = 'q9_effective_municipality') as q9_effective_municipality,
    max(answers.answer_text) filter (
        where answers.item_key = 'q9_1_effective_municipality_name'
    ) as q9_1_effective_municipality_name,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q9_2_effective_municipality_themes' and answers.is_ticked
    ) as q9_2_effective_municipality_themes,
    max(answers.answer_text) filter (
        where answers.item_key = 'q9_3_effective_municipality_details'
    ) as q9_3_effective_municipality_details,
    max(answers.answer_code) filter (
        where answers.item_key = 'q10_municipality_with_issues'
    ) as q10_municipality_with_issues,
    max(answers.answer_text) filter (
        where answers.item_key = 'q10_1_municipality_issue_details'
    ) as q10_1_municipality_issue_details,
    max(answers.answer_code) filter (where answers.item_key = 'q11_coordinator') as q11_coordinator,
    max(answers.answer_number) filter (
        where answers.item_key = 'q11_1_full_time_dedicated_count'
    ) as q11_1_full_time_dedicated_count,
    max(answers.answer_number) filter (
        where answers.item_key = 'q11_1_full_time_concurrent_count'
    ) as q11_1_full_time_concurrent_count,
    max(answers.answer_number) filter (where answers.item_key = 'q11_1_part_time_count') as q11_1_part_time_count,
    max(answers.answer_number) filter (where answers.item_key = 'q11_1_unknown_type_count') as q11_1_unknown_type_count,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q11_2_coordinator_professions' and answers.is_ticked
    ) as q11_2_coordinator_professions,
    max(answers.answer_text) filter (
        where answers.item_key = 'q11_2_coordinator_professions_other'
    ) as q11_2_coordinator_professions_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q11_3_coordinator_placement' and answers.is_ticked
    ) as q11_3_coordinator_placement,
    max(answers.answer_text) filter (
        where answers.item_key = 'q11_3_coordinator_placement_other'
    ) as q11_3_coordinator_placement_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q11_4_coordinator_duties' and answers.is_ticked
    ) as q11_4_coordinator_duties,
    max(answers.answer_text) filter (
        where answers.item_key = 'q11_4_coordinator_duties_other'
    ) as q11_4_coordinator_duties_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q11_5_coordinator_practices'
    ) as q11_5_coordinator_practices,
    max(answers.answer_code) filter (
        where answers.item_key = 'q11_6_coordinator_training'
    ) as q11_6_coordinator_training,
    max(answers.answer_text) filter (where answers.item_key = 'q11_7_coordinator_issues') as q11_7_coordinator_issues,
    max(answers.answer_code) filter (
        where answers.item_key = 'q12_municipal_coordinator_training_support'
    ) as q12_municipal_coordinator_training_support,
    max(answers.answer_text) filter (
        where answers.item_key = 'q12_1_training_support_details'
    ) as q12_1_training_support_details,
    max(answers.answer_code) filter (where answers.item_key = 'q13_base_linkage') as q13_base_linkage,
    max(answers.answer_code) filter (where answers.item_key = 'q13_1_operator_relation') as q13_1_operator_relation,
    max(answers.answer_code) filter (where answers.item_key = 'q13_1_1_operator') as q13_1_1_operator,
    max(answers.answer_text) filter (where answers.item_key = 'q13_1_1_operator_other') as q13_1_1_operator_other,
    max(answers.answer_code) filter (where answers.item_key = 'q13_1_2_1_base_operator') as q13_1_2_1_base_operator,
    max(answers.answer_text) filter (
        where answers.item_key = 'q13_1_2_1_base_operator_other'
    ) as q13_1_2_1_base_operator_other,
    max(answers.answer_code) filter (
        where answers.item_key = 'q13_1_2_2_consultation_operator'
    ) as q13_1_2_2_consultation_operator,
    max(answers.answer_text) filter (
        where answers.item_key = 'q13_1_2_2_consultation_operator_other'
    ) as q13_1_2_2_consultation_operator_other,
    max(answers.answer_text) filter (where answers.item_key = 'q13_2_linkage_details') as q13_2_linkage_details,
    count(answers.item_key) as answer_cells
from {{ ref('stg_raw__submissions') }} as submissions
left join {{ ref('stg_raw__answers') }} as answers
    on submissions.submission_id = answers.submission_id
where submissions.form = 'prefecture' and {{ is_new_return('submissions.submission_id') }}
group by submissions.fiscal_year, submissions.form, submissions.respondent_key, submissions.submission_id
