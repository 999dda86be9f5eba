-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per prefecture return and item of its edition: whether it applies, is answered, and so its status.
with skip_logic as (
    select *
    from {{ ref('int_prefecture__skip_logic') }}
    where {{ is_new_return() }}
),

edition_2023 as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        unnest([
            { 'item_key': 'f1_prefecture_code', 'is_relevant': true, 'is_given': f1_prefecture_code__is_given },
            {
                'item_key': 'q1_implementation_structure',
                'is_relevant': true,
                'is_given': q1_implementation_structure__is_given
            },
            {
                'item_key': 'q2_1_head_office_support',
                'is_relevant': true,
                'is_given': q2_1_head_office_support__is_given
            },
            {
                'item_key': 'q2_2_health_center_support',
                'is_relevant': true,
                'is_given': q2_2_health_center_support__is_given
            },
            {
                'item_key': 'q2_3_regional_bureau_support',
                'is_relevant': true,
                'is_given': q2_3_regional_bureau_support__is_given
            },
            { 'item_key': 'q3_council', 'is_relevant': true, 'is_given': q3_council__is_given },
            {
                'item_key': 'q3_1_council_entrusted',
                'is_relevant': q3_1_council_entrusted__is_relevant,
                'is_given': q3_1_council_entrusted__is_given
            },
            {
                'item_key': 'q3_2_council_frequency',
                'is_relevant': q3_2_council_frequency__is_relevant,
                'is_given': q3_2_council_frequency__is_given
            },
            {
                'item_key': 'q3_3_1_council_topics_municipal_support',
                'is_relevant': q3_3_1_council_topics_municipal_support__is_relevant,
                'is_given': q3_3_1_council_topics_municipal_support__is_given
            },
            {
                'item_key': 'q3_3_2_council_topics_prefecture',
                'is_relevant': q3_3_2_council_topics_prefecture__is_relevant,
                'is_given': q3_3_2_council_topics_prefecture__is_given
            },
            {
                'item_key': 'q3_3_1_council_topics_municipal_support_other',
                'is_relevant': q3_3_1_council_topics_municipal_support_other__is_relevant,
                'is_given': q3_3_1_council_topics_municipal_support_other__is_given
            },
            {
                'item_key': 'q3_3_2_council_topics_prefecture_other',
                'is_relevant': q3_3_2_council_topics_prefecture_other__is_relevant,
                'is_given': q3_3_2_council_topics_prefecture_other__is_given
            },
            {
                'item_key': 'q3_4_council_members',
                'is_relevant': q3_4_council_members__is_relevant,
                'is_given': q3_4_council_members__is_given
            },
            {
                'item_key': 'q3_4_council_members_other',
                'is_relevant': q3_4_council_members_other__is_relevant,
                'is_given': q3_4_council_members_other__is_given
            },
            {
                'item_key': 'q3_5_council_practices',
                'is_relevant': q3_5_council_practices__is_relevant,
                'is_given': q3_5_council_practices__is_given
            },
            {
                'item_key': 'q4_1_daily_care_implemented',
                'is_relevant': true,
                'is_given': q4_1_daily_care_implemented__is_given
            },
            {
                'item_key': 'q4_1_admission_discharge_implemented',
                'is_relevant': true,
                'is_given': q4_1_admission_discharge_implemented__is_given
            },
            {
                'item_key': 'q4_1_emergency_implemented',
                'is_relevant': true,
                'is_given': q4_1_emergency_implemented__is_given
            },
            {
                'item_key': 'q4_1_end_of_life_implemented',
                'is_relevant': true,
                'is_given': q4_1_end_of_life_implemented__is_given
            },
            {
                'item_key': 'q4_1_dementia_implemented',
                'is_relevant': true,
                'is_given': q4_1_dementia_implemented__is_given
            },
            {
                'item_key': 'q4_1_infection_implemented',
                'is_relevant': true,
                'is_given': q4_1_infection_implemented__is_given
            },
            {
                'item_key': 'q4_1_disaster_implemented',
                'is_relevant': true,
                'is_given': q4_1_disaster_implemented__is_given
            },
            { 'item_key': 'q4_1_other_implemented', 'is_relevant': true, 'is_given': q4_1_other_implemented__is_given },
            {
                'item_key': 'q4_2_1_daily_care_department_link',
                'is_relevant': q4_2_1_daily_care_department_link__is_relevant,
                'is_given': q4_2_1_daily_care_department_link__is_given
            },
            {
                'item_key': 'q4_2_1_admission_discharge_department_link',
                'is_relevant': q4_2_1_admission_discharge_department_link__is_relevant,
                'is_given': q4_2_1_admission_discharge_department_link__is_given
            },
            {
                'item_key': 'q4_2_1_emergency_department_link',
                'is_relevant': q4_2_1_emergency_department_link__is_relevant,
                'is_given': q4_2_1_emergency_department_link__is_given
            },
            {
                'item_key': 'q4_2_1_end_of_life_department_link',
                'is_relevant': q4_2_1_end_of_life_department_link__is_relevant,
                'is_given': q4_2_1_end_of_life_department_link__is_given
            },
            {
                'item_key': 'q4_2_1_dementia_department_link',
                'is_relevant': q4_2_1_dementia_department_link__is_relevant,
                'is_given': q4_2_1_dementia_department_link__is_given
            },
            {
                'item_key': 'q4_2_1_infection_department_link',
                'is_relevant': q4_2_1_infection_department_link__is_relevant,
                'is_given': q4_2_1_infection_department_link__is_given
            },
            {
                'item_key': 'q4_2_1_disaster_department_link',
                'is_relevant': q4_2_1_disaster_department_link__is_relevant,
                'is_given': q4_2_1_disaster_department_link__is_given
            },
            {
                'item_key': 'q4_2_1_other_department_link',
                'is_relevant': q4_2_1_other_department_link__is_relevant,
                'is_given': q4_2_1_other_department_link__is_given
            },
            {
                'item_key': 'q4_2_2_daily_care_effective_linkage',
                'is_relevant': q4_2_2_daily_care_effective_linkage__is_relevant,
                'is_given': q4_2_2_daily_care_effective_linkage__is_given
            },
            {
                'item_key': 'q4_2_2_admission_discharge_effective_linkage',
                'is_relevant': q4_2_2_admission_discharge_effective_linkage__is_relevant,
                'is_given': q4_2_2_admission_discharge_effective_linkage__is_given
            },
            {
                'item_key': 'q4_2_2_emergency_effective_linkage',
                'is_relevant': q4_2_2_emergency_effective_linkage__is_relevant,
                'is_given': q4_2_2_emergency_effective_linkage__is_given
            },
            {
                'item_key': 'q4_2_2_end_of_life_effective_linkage',
                'is_relevant': q4_2_2_end_of_life_effective_linkage__is_relevant,
                'is_given': q4_2_2_end_of_life_effective_linkage__is_given
            },
            {
                'item_key': 'q4_2_2_dementia_effective_linkage',
                'is_relevant': q4_2_2_dementia_effective_linkage__is_relevant,
                'is_given': q4_2_2_dementia_effective_linkage__is_given
            },
            {
                'item_key': 'q4_2_2_infection_effective_linkage',
                'is_relevant': q4_2_2_infection_effective_linkage__is_relevant,
                'is_given': q4_2_2_infection_effective_linkage__is_given
            },
            {
                'item_key': 'q4_2_2_disaster_effective_linkage',
                'is_relevant': q4_2_2_disaster_effective_linkage__is_relevant,
                'is_given': q4_2_2_disaster_effective_linkage__is_given
            },
            {
                'item_key': 'q4_2_2_other_effective_linkage',
                'is_relevant': q4_2_2_other_effective_linkage__is_relevant,
                'is_given': q4_2_2_other_effective_linkage__is_given
            },
            {
                'item_key': 'q4_2_3_daily_care_effective_projects',
                'is_relevant': q4_2_3_daily_care_effective_projects__is_relevant,
                'is_given': q4_2_3_daily_care_effective_projects__is_given
            },
            {
                'item_key': 'q4_2_3_admission_discharge_effective_projects',
                'is_relevant': q4_2_3_admission_discharge_effective_projects__is_relevant,
                'is_given': q4_2_3_admission_discharge_effective_projects__is_given
            },
            {
                'item_key': 'q4_2_3_emergency_effective_projects',
                'is_relevant': q4_2_3_emergency_effective_projects__is_relevant,
                'is_given': q4_2_3_emergency_effective_projects__is_given
            },
            {
                'item_key': 'q4_2_3_end_of_life_effective_projects',
                'is_relevant': q4_2_3_end_of_life_effective_projects__is_relevant,
                'is_given': q4_2_3_end_of_life_effective_projects__is_given
            },
            {
                'item_key': 'q4_2_3_dementia_effective_projects',
                'is_relevant': q4_2_3_dementia_effective_projects__is_relevant,
                'is_given': q4_2_3_dementia_effective_projects__is_given
            },
            {
                'item_key': 'q4_2_3_infection_effective_projects',
                'is_relevant': q4_2_3_infection_effective_projects__is_relevant,
                'is_given': q4_2_3_infection_effective_projects__is_given
            },
            {
                'item_key': 'q4_2_3_disaster_effective_projects',
                'is_relevant': q4_2_3_disaster_effective_projects__is_relevant,
                'is_given': q4_2_3_disaster_effective_projects__is_given
            },
            {
                'item_key': 'q4_2_3_other_effective_projects',
                'is_relevant': q4_2_3_other_effective_projects__is_relevant,
                'is_given': q4_2_3_other_effective_projects__is_given
            },
            {
                'item_key': 'q5_insurer_function_grant_use',
                'is_relevant': true,
                'is_given': q5_insurer_function_grant_use__is_given
            },
            {
                'item_key': 'q5_comprehensive_fund_medical_use',
                'is_relevant': true,
                'is_given': q5_comprehensive_fund_medical_use__is_given
            },
            {
                'item_key': 'q5_comprehensive_fund_care_use',
                'is_relevant': true,
                'is_given': q5_comprehensive_fund_care_use__is_given
            },
            { 'item_key': 'q6_1_status_assessment', 'is_relevant': true, 'is_given': q6_1_status_assessment__is_given },
            { 'item_key': 'q6_2_needs_assessment', 'is_relevant': true, 'is_given': q6_2_needs_assessment__is_given },
            {
                'item_key': 'q6_1_status_assessment_other',
                'is_relevant': q6_1_status_assessment_other__is_relevant,
                'is_given': q6_1_status_assessment_other__is_given
            },
            {
                'item_key': 'q6_2_needs_assessment_other',
                'is_relevant': q6_2_needs_assessment_other__is_relevant,
                'is_given': q6_2_needs_assessment_other__is_given
            },
            {
                'item_key': 'q7_1_1_1_municipal_issues',
                'is_relevant': true,
                'is_given': q7_1_1_1_municipal_issues__is_given
            },
            {
                'item_key': 'q7_1_1_2_municipal_top_issue',
                'is_relevant': true,
                'is_given': q7_1_1_2_municipal_top_issue__is_given
            },
            {
                'item_key': 'q7_1_2_1_support_issues',
                'is_relevant': true,
                'is_given': q7_1_2_1_support_issues__is_given
            },
            {
                'item_key': 'q7_1_2_2_support_top_issue',
                'is_relevant': true,
                'is_given': q7_1_2_2_support_top_issue__is_given
            },
            {
                'item_key': 'q7_2_1_prefecture_support',
                'is_relevant': true,
                'is_given': q7_2_1_prefecture_support__is_given
            },
            {
                'item_key': 'q7_2_2_health_center_support',
                'is_relevant': true,
                'is_given': q7_2_2_health_center_support__is_given
            },
            {
                'item_key': 'q7_1_1_1_municipal_issues_other',
                'is_relevant': q7_1_1_1_municipal_issues_other__is_relevant,
                'is_given': q7_1_1_1_municipal_issues_other__is_given
            },
            {
                'item_key': 'q7_1_2_1_support_issues_other',
                'is_relevant': q7_1_2_1_support_issues_other__is_relevant,
                'is_given': q7_1_2_1_support_issues_other__is_given
            },
            {
                'item_key': 'q7_2_1_prefecture_support_other',
                'is_relevant': q7_2_1_prefecture_support_other__is_relevant,
                'is_given': q7_2_1_prefecture_support_other__is_given
            },
            {
                'item_key': 'q7_2_2_health_center_support_other',
                'is_relevant': q7_2_2_health_center_support_other__is_relevant,
                'is_given': q7_2_2_health_center_support_other__is_given
            },
            { 'item_key': 'q8_effective_support', 'is_relevant': true, 'is_given': q8_effective_support__is_given },
            {
                'item_key': 'q8_1_effective_support_municipality',
                'is_relevant': q8_1_effective_support_municipality__is_relevant,
                'is_given': q8_1_effective_support_municipality__is_given
            },
            {
                'item_key': 'q8_2_effective_support_themes',
                'is_relevant': q8_2_effective_support_themes__is_relevant,
                'is_given': q8_2_effective_support_themes__is_given
            },
            {
                'item_key': 'q8_3_effective_support_details',
                'is_relevant': q8_3_effective_support_details__is_relevant,
                'is_given': q8_3_effective_support_details__is_given
            },
            {
                'item_key': 'q9_effective_municipality',
                'is_relevant': true,
                'is_given': q9_effective_municipality__is_given
            },
            {
                'item_key': 'q9_1_effective_municipality_name',
                'is_relevant': q9_1_effective_municipality_name__is_relevant,
                'is_given': q9_1_effective_municipality_name__is_given
            },
            {
                'item_key': 'q9_2_effective_municipality_themes',
                'is_relevant': q9_2_effective_municipality_themes__is_relevant,
                'is_given': q9_2_effective_municipality_themes__is_given
            },
            {
                'item_key': 'q9_3_effective_municipality_details',
                'is_relevant': q9_3_effective_municipality_details__is_relevant,
                'is_given': q9_3_effective_municipality_details__is_given
            },
            {
                'item_key': 'q10_municipality_with_issues',
                'is_relevant': true,
                'is_given': q10_municipality_with_issues__is_given
            },
            {
                'item_key': 'q10_1_municipality_issue_details',
                'is_relevant': q10_1_municipality_issue_details__is_relevant,
                'is_given': q10_1_municipality_issue_details__is_given
            },
            { 'item_key': 'q11_coordinator', 'is_relevant': true, 'is_given': q11_coordinator__is_given },
            {
                'item_key': 'q11_1_full_time_dedicated_count',
                'is_relevant': q11_1_full_time_dedicated_count__is_relevant,
                'is_given': q11_1_full_time_dedicated_count__is_given
            },
            {
                'item_key': 'q11_1_full_time_concurrent_count',
                'is_relevant': q11_1_full_time_concurrent_count__is_relevant,
                'is_given': q11_1_full_time_concurrent_count__is_given
            },
            {
                'item_key': 'q11_1_part_time_count',
                'is_relevant': q11_1_part_time_count__is_relevant,
                'is_given': q11_1_part_time_count__is_given
            },
            {
                'item_key': 'q11_1_unknown_type_count',
                'is_relevant': q11_1_unknown_type_count__is_relevant,
                'is_given': q11_1_unknown_type_count__is_given
            },
            {
                'item_key': 'q11_2_coordinator_professions',
                'is_relevant': q11_2_coordinator_professions__is_relevant,
                'is_given': q11_2_coordinator_professions__is_given
            },
            {
                'item_key': 'q11_2_coordinator_professions_other',
                'is_relevant': q11_2_coordinator_professions_other__is_relevant,
                'is_given': q11_2_coordinator_professions_other__is_given
            },
            {
                'item_key': 'q11_3_coordinator_placement',
                'is_relevant': q11_3_coordinator_placement__is_relevant,
                'is_given': q11_3_coordinator_placement__is_given
            },
            {
                'item_key': 'q11_3_coordinator_placement_other',
                'is_relevant': q11_3_coordinator_placement_other__is_relevant,
                'is_given': q11_3_coordinator_placement_other__is_given
            },
            {
                'item_key': 'q11_4_coordinator_duties',
                'is_relevant': q11_4_coordinator_duties__is_relevant,
                'is_given': q11_4_coordinator_duties__is_given
            },
            {
                'item_key': 'q11_4_coordinator_duties_other',
                'is_relevant': q11_4_coordinator_duties_other__is_relevant,
                'is_given': q11_4_coordinator_duties_other__is_given
            },
            {
                'item_key': 'q11_5_coordinator_practices',
                'is_relevant': q11_5_coordinator_practices__is_relevant,
                'is_given': q11_5_coordinator_practices__is_given
            },
            {
                'item_key': 'q11_6_coordinator_training',
                'is_relevant': true,
                'is_given': q11_6_coordinator_training__is_given
            },
            {
                'item_key': 'q11_7_coordinator_issues',
                'is_relevant': true,
                'is_given': q11_7_coordinator_issues__is_given
            },
            {
                'item_key': 'q12_municipal_coordinator_training_support',
                'is_relevant': true,
                'is_given': q12_municipal_coordinator_training_support__is_given
            },
            {
                'item_key': 'q12_1_training_support_details',
                'is_relevant': q12_1_training_support_details__is_relevant,
                'is_given': q12_1_training_support_details__is_given
            },
            { 'item_key': 'q13_base_linkage', 'is_relevant': true, 'is_given': q13_base_linkage__is_given },
            {
                'item_key': 'q13_1_operator_relation',
                'is_relevant': q13_1_operator_relation__is_relevant,
                'is_given': q13_1_operator_relation__is_given
            },
            {
                'item_key': 'q13_1_1_operator',
                'is_relevant': q13_1_1_operator__is_relevant,
                'is_given': q13_1_1_operator__is_given
            },
            {
                'item_key': 'q13_1_1_operator_other',
                'is_relevant': q13_1_1_operator_other__is_relevant,
                'is_given': q13_1_1_operator_other__is_given
            },
            {
                'item_key': 'q13_1_2_1_base_operator',
                'is_relevant': q13_1_2_1_base_operator__is_relevant,
                'is_given': q13_1_2_1_base_operator__is_given
            },
            {
                'item_key': 'q13_1_2_1_base_operator_other',
                'is_relevant': q13_1_2_1_base_operator_other__is_relevant,
                'is_given': q13_1_2_1_base_operator_other__is_given
            },
            {
                'item_key': 'q13_1_2_2_consultation_operator',
                'is_relevant': q13_1_2_2_consultation_operator__is_relevant,
                'is_given': q13_1_2_2_consultation_operator__is_given
            },
            {
                'item_key': 'q13_1_2_2_consultation_operator_other',
                'is_relevant': q13_1_2_2_consultation_operator_other__is_relevant,
                'is_given': q13_1_2_2_consultation_operator_other__is_given
            },
            {
                'item_key': 'q13_2_linkage_details',
                'is_relevant': q13_2_linkage_details__is_relevant,
                'is_given': q13_2_linkage_details__is_given
            }
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
