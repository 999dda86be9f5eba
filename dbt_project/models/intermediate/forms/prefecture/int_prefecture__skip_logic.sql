-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per prefecture return: each answer as written, and for an item with a skip rule whether it applies
-- (<item>__is_relevant) and the answer as it counts (<item>__effective: NULL where it does not); whether each item is
-- answered (<item>__is_given).
with answers as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        f1_prefecture_code,
        q1_implementation_structure,
        q2_1_head_office_support,
        q2_2_health_center_support,
        q2_3_regional_bureau_support,
        q3_council,
        q3_1_council_entrusted,
        q3_2_council_frequency,
        q3_3_1_council_topics_municipal_support,
        q3_3_2_council_topics_prefecture,
        q3_3_1_council_topics_municipal_support_other,
        q3_3_2_council_topics_prefecture_other,
        q3_4_council_members,
        q3_4_council_members_other,
        q3_5_council_practices,
        q4_1_daily_care_implemented,
        q4_1_admission_discharge_implemented,
        q4_1_emergency_implemented,
        q4_1_end_of_life_implemented,
        q4_1_dementia_implemented,
        q4_1_infection_implemented,
        q4_1_disaster_implemented,
        q4_1_other_implemented,
        q4_2_1_daily_care_department_link,
        q4_2_1_admission_discharge_department_link,
        q4_2_1_emergency_department_link,
        q4_2_1_end_of_life_department_link,
        q4_2_1_dementia_department_link,
        q4_2_1_infection_department_link,
        q4_2_1_disaster_department_link,
        q4_2_1_other_department_link,
        q4_2_2_daily_care_effective_linkage,
        q4_2_2_admission_discharge_effective_linkage,
        q4_2_2_emergency_effective_linkage,
        q4_2_2_end_of_life_effective_linkage,
        q4_2_2_dementia_effective_linkage,
        q4_2_2_infection_effective_linkage,
        q4_2_2_disaster_effective_linkage,
        q4_2_2_other_effective_linkage,
        q4_2_3_daily_care_effective_projects,
        q4_2_3_admission_discharge_effective_projects,
        q4_2_3_emergency_effective_projects,
        q4_2_3_end_of_life_effective_projects,
        q4_2_3_dementia_effective_projects,
        q4_2_3_infection_effective_projects,
        q4_2_3_disaster_effective_projects,
        q4_2_3_other_effective_projects,
        q5_insurer_function_grant_use,
        q5_comprehensive_fund_medical_use,
        q5_comprehensive_fund_care_use,
        q6_1_status_assessment,
        q6_2_needs_assessment,
        q6_1_status_assessment_other,
        q6_2_needs_assessment_other,
        q7_1_1_1_municipal_issues,
        q7_1_1_2_municipal_top_issue,
        q7_1_2_1_support_issues,
        q7_1_2_2_support_top_issue,
        q7_2_1_prefecture_support,
        q7_2_2_health_center_support,
        q7_1_1_1_municipal_issues_other,
        q7_1_2_1_support_issues_other,
        q7_2_1_prefecture_support_other,
        q7_2_2_health_center_support_other,
        q8_effective_support,
        q8_1_effective_support_municipality,
        q8_2_effective_support_themes,
        q8_3_effective_support_details,
        q9_effective_municipality,
        q9_1_effective_municipality_name,
        q9_2_effective_municipality_themes,
        q9_3_effective_municipality_details,
        q10_municipality_with_issues,
        q10_1_municipality_issue_details,
        q11_coordinator,
        q11_1_full_time_dedicated_count,
        q11_1_full_time_concurrent_count,
        q11_1_part_time_count,
        q11_1_unknown_type_count,
        q11_2_coordinator_professions,
        q11_2_coordinator_professions_other,
        q11_3_coordinator_placement,
        q11_3_coordinator_placement_other,
        q11_4_coordinator_duties,
        q11_4_coordinator_duties_other,
        q11_5_coordinator_practices,
        q11_6_coordinator_training,
        q11_7_coordinator_issues,
        q12_municipal_coordinator_training_support,
        q12_1_training_support_details,
        q13_base_linkage,
        q13_1_operator_relation,
        q13_1_1_operator,
        q13_1_1_operator_other,
        q13_1_2_1_base_operator,
        q13_1_2_1_base_operator_other,
        q13_1_2_2_consultation_operator,
        q13_1_2_2_consultation_operator_other,
        q13_2_linkage_details
    from {{ ref('int_prefecture__respondent_answers') }}
    where {{ is_new_return() }}
),

edition_2023 as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        f1_prefecture_code,
        q1_implementation_structure,
        q2_1_head_office_support,
        q2_2_health_center_support,
        q2_3_regional_bureau_support,
        q3_council,
        q3_1_council_entrusted,
        q3_2_council_frequency,
        q3_3_1_council_topics_municipal_support,
        q3_3_2_council_topics_prefecture,
        q3_3_1_council_topics_municipal_support_other,
        q3_3_2_council_topics_prefecture_other,
        q3_4_council_members,
        q3_4_council_members_other,
        q3_5_council_practices,
        q4_1_daily_care_implemented,
        q4_1_admission_discharge_implemented,
        q4_1_emergency_implemented,
        q4_1_end_of_life_implemented,
        q4_1_dementia_implemented,
        q4_1_infection_implemented,
        q4_1_disaster_implemented,
        q4_1_other_implemented,
        q4_2_1_daily_care_department_link,
        q4_2_1_admission_discharge_department_link,
        q4_2_1_emergency_department_link,
        q4_2_1_end_of_life_department_link,
        q4_2_1_dementia_department_link,
        q4_2_1_infection_department_link,
        q4_2_1_disaster_department_link,
        q4_2_1_other_department_link,
        q4_2_2_daily_care_effective_linkage,
        q4_2_2_admission_discharge_effective_linkage,
        q4_2_2_emergency_effective_linkage,
        q4_2_2_end_of_life_effective_linkage,
        q4_2_2_dementia_effective_linkage,
        q4_2_2_infection_effective_linkage,
        q4_2_2_disaster_effective_linkage,
        q4_2_2_other_effective_linkage,
        q4_2_3_daily_care_effective_projects,
        q4_2_3_admission_discharge_effective_projects,
        q4_2_3_emergency_effective_projects,
        q4_2_3_end_of_life_effective_projects,
        q4_2_3_dementia_effective_projects,
        q4_2_3_infection_effective_projects,
        q4_2_3_disaster_effective_projects,
        q4_2_3_other_effective_projects,
        q5_insurer_function_grant_use,
        q5_comprehensive_fund_medical_use,
        q5_comprehensive_fund_care_use,
        q6_1_status_assessment,
        q6_2_needs_assessment,
        q6_1_status_assessment_other,
        q6_2_needs_assessment_other,
        q7_1_1_1_municipal_issues,
        q7_1_1_2_municipal_top_issue,
        q7_1_2_1_support_issues,
        q7_1_2_2_support_top_issue,
        q7_2_1_prefecture_support,
        q7_2_2_health_center_support,
        q7_1_1_1_municipal_issues_other,
        q7_1_2_1_support_issues_other,
        q7_2_1_prefecture_support_other,
        q7_2_2_health_center_support_other,
        q8_effective_support,
        q8_1_effective_support_municipality,
        q8_2_effective_support_themes,
        q8_3_effective_support_details,
        q9_effective_municipality,
        q9_1_effective_municipality_name,
        q9_2_effective_municipality_themes,
        q9_3_effective_municipality_details,
        q10_municipality_with_issues,
        q10_1_municipality_issue_details,
        q11_coordinator,
        q11_1_full_time_dedicated_count,
        q11_1_full_time_concurrent_count,
        q11_1_part_time_count,
        q11_1_unknown_type_count,
        q11_2_coordinator_professions,
        q11_2_coordinator_professions_other,
        q11_3_coordinator_placement,
        q11_3_coordinator_placement_other,
        q11_4_coordinator_duties,
        q11_4_coordinator_duties_other,
        q11_5_coordinator_practices,
        q11_6_coordinator_training,
        q11_7_coordinator_issues,
        q12_municipal_coordinator_training_support,
        q12_1_training_support_details,
        q13_base_linkage,
        q13_1_operator_relation,
        q13_1_1_operator,
        q13_1_1_operator_other,
        q13_1_2_1_base_operator,
        q13_1_2_1_base_operator_other,
        q13_1_2_2_consultation_operator,
        q13_1_2_2_consultation_operator_other,
        q13_2_linkage_details,
        (f1_prefecture_code is not null and f1_prefecture_code <> '') as f1_prefecture_code__is_given,
        (q1_implementation_structure is not null) as q1_implementation_structure__is_given,
        (q2_1_head_office_support is not null) as q2_1_head_office_support__is_given,
        (q2_2_health_center_support is not null) as q2_2_health_center_support__is_given,
        (q2_3_regional_bureau_support is not null) as q2_3_regional_bureau_support__is_given,
        (q3_council is not null) as q3_council__is_given,
        (q3_1_council_entrusted is not null) as q3_1_council_entrusted__is_given,
        (q3_2_council_frequency is not null) as q3_2_council_frequency__is_given,
        (
            len(
                coalesce(
                    q3_3_1_council_topics_municipal_support,
                    cast([] as integer[])
                )
            )
            > 0
        ) as q3_3_1_council_topics_municipal_support__is_given,
        (
            len(
                coalesce(
                    q3_3_2_council_topics_prefecture,
                    cast([] as integer[])
                )
            )
            > 0
        ) as q3_3_2_council_topics_prefecture__is_given,
        (
            q3_3_1_council_topics_municipal_support_other is not null
            and q3_3_1_council_topics_municipal_support_other
            <> ''
        ) as q3_3_1_council_topics_municipal_support_other__is_given,
        (
            q3_3_2_council_topics_prefecture_other is not null
            and q3_3_2_council_topics_prefecture_other <> ''
        ) as q3_3_2_council_topics_prefecture_other__is_given,
        (len(coalesce(q3_4_council_members, cast([] as integer[]))) > 0) as q3_4_council_members__is_given,
        (
            q3_4_council_members_other is not null
            and q3_4_council_members_other <> ''
        ) as q3_4_council_members_other__is_given,
        (q3_5_council_practices is not null and q3_5_council_practices <> '') as q3_5_council_practices__is_given,
        (q4_1_daily_care_implemented is not null) as q4_1_daily_care_implemented__is_given,
        (q4_1_admission_discharge_implemented is not null) as q4_1_admission_discharge_implemented__is_given,
        (q4_1_emergency_implemented is not null) as q4_1_emergency_implemented__is_given,
        (q4_1_end_of_life_implemented is not null) as q4_1_end_of_life_implemented__is_given,
        (q4_1_dementia_implemented is not null) as q4_1_dementia_implemented__is_given,
        (q4_1_infection_implemented is not null) as q4_1_infection_implemented__is_given,
        (q4_1_disaster_implemented is not null) as q4_1_disaster_implemented__is_given,
        (q4_1_other_implemented is not null) as q4_1_other_implemented__is_given,
        (q4_2_1_daily_care_department_link is not null) as q4_2_1_daily_care_department_link__is_given,
        (
            q4_2_1_admission_discharge_department_link is not null
        ) as q4_2_1_admission_discharge_department_link__is_given,
        (q4_2_1_emergency_department_link is not null) as q4_2_1_emergency_department_link__is_given,
        (q4_2_1_end_of_life_department_link is not null) as q4_2_1_end_of_life_department_link__is_given,
        (q4_2_1_dementia_department_link is not null) as q4_2_1_dementia_department_link__is_given,
        (q4_2_1_infection_department_link is not null) as q4_2_1_infection_department_link__is_given,
        (q4_2_1_disaster_department_link is not null) as q4_2_1_disaster_department_link__is_given,
        (q4_2_1_other_department_link is not null) as q4_2_1_other_department_link__is_given,
        (
            q4_2_2_daily_care_effective_linkage is not null
            and q4_2_2_daily_care_effective_linkage <> ''
        ) as q4_2_2_daily_care_effective_linkage__is_given,
        (
            q4_2_2_admission_discharge_effective_linkage is not null
            and q4_2_2_admission_discharge_effective_linkage
            <> ''
        ) as q4_2_2_admission_discharge_effective_linkage__is_given,
        (
            q4_2_2_emergency_effective_linkage is not null
            and q4_2_2_emergency_effective_linkage <> ''
        ) as q4_2_2_emergency_effective_linkage__is_given,
        (
            q4_2_2_end_of_life_effective_linkage is not null
            and q4_2_2_end_of_life_effective_linkage <> ''
        ) as q4_2_2_end_of_life_effective_linkage__is_given,
        (
            q4_2_2_dementia_effective_linkage is not null
            and q4_2_2_dementia_effective_linkage <> ''
        ) as q4_2_2_dementia_effective_linkage__is_given,
        (
            q4_2_2_infection_effective_linkage is not null
            and q4_2_2_infection_effective_linkage <> ''
        ) as q4_2_2_infection_effective_linkage__is_given,
        (
            q4_2_2_disaster_effective_linkage is not null
            and q4_2_2_disaster_effective_linkage <> ''
        ) as q4_2_2_disaster_effective_linkage__is_given,
        (
            q4_2_2_other_effective_linkage is not null
            and q4_2_2_other_effective_linkage <> ''
        ) as q4_2_2_other_effective_linkage__is_given,
        (
            q4_2_3_daily_care_effective_projects is not null
            and q4_2_3_daily_care_effective_projects <> ''
        ) as q4_2_3_daily_care_effective_projects__is_given,
        (
            q4_2_3_admission_discharge_effective_projects is not null
            and q4_2_3_admission_discharge_effective_projects
            <> ''
        ) as q4_2_3_admission_discharge_effective_projects__is_given,
        (
            q4_2_3_emergency_effective_projects is not null
            and q4_2_3_emergency_effective_projects <> ''
        ) as q4_2_3_emergency_effective_projects__is_given,
        (
            q4_2_3_end_of_life_effective_projects is not null
            and q4_2_3_end_of_life_effective_projects <> ''
        ) as q4_2_3_end_of_life_effective_projects__is_given,
        (
            q4_2_3_dementia_effective_projects is not null
            and q4_2_3_dementia_effective_projects <> ''
        ) as q4_2_3_dementia_effective_projects__is_given,
        (
            q4_2_3_infection_effective_projects is not null
            and q4_2_3_infection_effective_projects <> ''
        ) as q4_2_3_infection_effective_projects__is_given,
        (
            q4_2_3_disaster_effective_projects is not null
            and q4_2_3_disaster_effective_projects <> ''
        ) as q4_2_3_disaster_effective_projects__is_given,
        (
            q4_2_3_other_effective_projects is not null
            and q4_2_3_other_effective_projects <> ''
        ) as q4_2_3_other_effective_projects__is_given,
        (
            q5_insurer_function_grant_use is not null
            and q5_insurer_function_grant_use <> ''
        ) as q5_insurer_function_grant_use__is_given,
        (
            q5_comprehensive_fund_medical_use is not null
            and q5_comprehensive_fund_medical_use <> ''
        ) as q5_comprehensive_fund_medical_use__is_given,
        (
            q5_comprehensive_fund_care_use is not null
            and q5_comprehensive_fund_care_use <> ''
        ) as q5_comprehensive_fund_care_use__is_given,
        (len(coalesce(q6_1_status_assessment, cast([] as integer[]))) > 0) as q6_1_status_assessment__is_given,
        (len(coalesce(q6_2_needs_assessment, cast([] as integer[]))) > 0) as q6_2_needs_assessment__is_given,
        (
            q6_1_status_assessment_other is not null
            and q6_1_status_assessment_other <> ''
        ) as q6_1_status_assessment_other__is_given,
        (
            q6_2_needs_assessment_other is not null
            and q6_2_needs_assessment_other <> ''
        ) as q6_2_needs_assessment_other__is_given,
        (len(coalesce(q7_1_1_1_municipal_issues, cast([] as integer[]))) > 0) as q7_1_1_1_municipal_issues__is_given,
        (
            len(
                coalesce(q7_1_1_2_municipal_top_issue, cast([] as integer[]))
            )
            > 0
        ) as q7_1_1_2_municipal_top_issue__is_given,
        (len(coalesce(q7_1_2_1_support_issues, cast([] as integer[]))) > 0) as q7_1_2_1_support_issues__is_given,
        (len(coalesce(q7_1_2_2_support_top_issue, cast([] as integer[]))) > 0) as q7_1_2_2_support_top_issue__is_given,
        (len(coalesce(q7_2_1_prefecture_support, cast([] as integer[]))) > 0) as q7_2_1_prefecture_support__is_given,
        (
            len(
                coalesce(q7_2_2_health_center_support, cast([] as integer[]))
            )
            > 0
        ) as q7_2_2_health_center_support__is_given,
        (
            q7_1_1_1_municipal_issues_other is not null
            and q7_1_1_1_municipal_issues_other <> ''
        ) as q7_1_1_1_municipal_issues_other__is_given,
        (
            q7_1_2_1_support_issues_other is not null
            and q7_1_2_1_support_issues_other <> ''
        ) as q7_1_2_1_support_issues_other__is_given,
        (
            q7_2_1_prefecture_support_other is not null
            and q7_2_1_prefecture_support_other <> ''
        ) as q7_2_1_prefecture_support_other__is_given,
        (
            q7_2_2_health_center_support_other is not null
            and q7_2_2_health_center_support_other <> ''
        ) as q7_2_2_health_center_support_other__is_given,
        (q8_effective_support is not null) as q8_effective_support__is_given,
        (
            q8_1_effective_support_municipality is not null
            and q8_1_effective_support_municipality <> ''
        ) as q8_1_effective_support_municipality__is_given,
        (
            len(
                coalesce(
                    q8_2_effective_support_themes,
                    cast([] as integer[])
                )
            )
            > 0
        ) as q8_2_effective_support_themes__is_given,
        (
            q8_3_effective_support_details is not null
            and q8_3_effective_support_details <> ''
        ) as q8_3_effective_support_details__is_given,
        (q9_effective_municipality is not null) as q9_effective_municipality__is_given,
        (
            q9_1_effective_municipality_name is not null
            and q9_1_effective_municipality_name <> ''
        ) as q9_1_effective_municipality_name__is_given,
        (
            len(
                coalesce(
                    q9_2_effective_municipality_themes,
                    cast([] as integer[])
                )
            )
            > 0
        ) as q9_2_effective_municipality_themes__is_given,
        (
            q9_3_effective_municipality_details is not null
            and q9_3_effective_municipality_details <> ''
        ) as q9_3_effective_municipality_details__is_given,
        (q10_municipality_with_issues is not null) as q10_municipality_with_issues__is_given,
        (
            q10_1_municipality_issue_details is not null
            and q10_1_municipality_issue_details <> ''
        ) as q10_1_municipality_issue_details__is_given,
        (q11_coordinator is not null) as q11_coordinator__is_given,
        (q11_1_full_time_dedicated_count is not null) as q11_1_full_time_dedicated_count__is_given,
        (q11_1_full_time_concurrent_count is not null) as q11_1_full_time_concurrent_count__is_given,
        (q11_1_part_time_count is not null) as q11_1_part_time_count__is_given,
        (q11_1_unknown_type_count is not null) as q11_1_unknown_type_count__is_given,
        (
            len(
                coalesce(
                    q11_2_coordinator_professions,
                    cast([] as integer[])
                )
            )
            > 0
        ) as q11_2_coordinator_professions__is_given,
        (
            q11_2_coordinator_professions_other is not null
            and q11_2_coordinator_professions_other <> ''
        ) as q11_2_coordinator_professions_other__is_given,
        (
            len(coalesce(q11_3_coordinator_placement, cast([] as integer[])))
            > 0
        ) as q11_3_coordinator_placement__is_given,
        (
            q11_3_coordinator_placement_other is not null
            and q11_3_coordinator_placement_other <> ''
        ) as q11_3_coordinator_placement_other__is_given,
        (len(coalesce(q11_4_coordinator_duties, cast([] as integer[]))) > 0) as q11_4_coordinator_duties__is_given,
        (
            q11_4_coordinator_duties_other is not null
            and q11_4_coordinator_duties_other <> ''
        ) as q11_4_coordinator_duties_other__is_given,
        (
            q11_5_coordinator_practices is not null
            and q11_5_coordinator_practices <> ''
        ) as q11_5_coordinator_practices__is_given,
        (q11_6_coordinator_training is not null) as q11_6_coordinator_training__is_given,
        (q11_7_coordinator_issues is not null and q11_7_coordinator_issues <> '') as q11_7_coordinator_issues__is_given,
        (
            q12_municipal_coordinator_training_support is not null
        ) as q12_municipal_coordinator_training_support__is_given,
        (
            q12_1_training_support_details is not null
            and q12_1_training_support_details <> ''
        ) as q12_1_training_support_details__is_given,
        (q13_base_linkage is not null) as q13_base_linkage__is_given,
        (q13_1_operator_relation is not null) as q13_1_operator_relation__is_given,
        (q13_1_1_operator is not null) as q13_1_1_operator__is_given,
        (q13_1_1_operator_other is not null and q13_1_1_operator_other <> '') as q13_1_1_operator_other__is_given,
        (q13_1_2_1_base_operator is not null) as q13_1_2_1_base_operator__is_given,
        (
            q13_1_2_1_base_operator_other is not null
            and q13_1_2_1_base_operator_other <> ''
        ) as q13_1_2_1_base_operator_other__is_given,
        (q13_1_2_2_consultation_operator is not null) as q13_1_2_2_consultation_operator__is_given,
        (
            q13_1_2_2_consultation_operator_other is not null
            and q13_1_2_2_consultation_operator_other <> ''
        ) as q13_1_2_2_consultation_operator_other__is_given,
        (q13_2_linkage_details is not null and q13_2_linkage_details <> '') as q13_2_linkage_details__is_given,
        coalesce(q3_council = 1, false) as q3_1_council_entrusted__is_relevant,
        case
            when q3_1_council_entrusted__is_relevant then q3_1_council_entrusted
        end as q3_1_council_entrusted__effective,
        coalesce(q3_council = 1, false) as q3_2_council_frequency__is_relevant,
        case
            when q3_2_council_frequency__is_relevant then q3_2_council_frequency
        end as q3_2_council_frequency__effective,
        coalesce(q3_council = 1, false) as q3_3_1_council_topics_municipal_support__is_relevant,
        case
            when
                q3_3_1_council_topics_municipal_support__is_relevant
                then q3_3_1_council_topics_municipal_support
        end as q3_3_1_council_topics_municipal_support__effective,
        coalesce(q3_council = 1, false) as q3_3_2_council_topics_prefecture__is_relevant,
        case
            when q3_3_2_council_topics_prefecture__is_relevant
                then q3_3_2_council_topics_prefecture
        end as q3_3_2_council_topics_prefecture__effective,
        coalesce(
            list_contains(
                coalesce(
                    q3_3_1_council_topics_municipal_support__effective,
                    cast([] as integer[])
                ),
                12
            ),
            false
        ) as q3_3_1_council_topics_municipal_support_other__is_relevant,
        case
            when
                q3_3_1_council_topics_municipal_support_other__is_relevant
                then q3_3_1_council_topics_municipal_support_other
        end as q3_3_1_council_topics_municipal_support_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    q3_3_2_council_topics_prefecture__effective,
                    cast([] as integer[])
                ),
                12
            ),
            false
        ) as q3_3_2_council_topics_prefecture_other__is_relevant,
        case
            when
                q3_3_2_council_topics_prefecture_other__is_relevant
                then q3_3_2_council_topics_prefecture_other
        end as q3_3_2_council_topics_prefecture_other__effective,
        coalesce(q3_council = 1, false) as q3_4_council_members__is_relevant,
        case when q3_4_council_members__is_relevant then q3_4_council_members end as q3_4_council_members__effective,
        coalesce(
            list_contains(
                coalesce(
                    q3_4_council_members__effective,
                    cast([] as integer[])
                ),
                20
            ),
            false
        ) as q3_4_council_members_other__is_relevant,
        case
            when q3_4_council_members_other__is_relevant
                then q3_4_council_members_other
        end as q3_4_council_members_other__effective,
        coalesce(q3_council = 1, false) as q3_5_council_practices__is_relevant,
        case
            when q3_5_council_practices__is_relevant then q3_5_council_practices
        end as q3_5_council_practices__effective,
        coalesce(q4_1_daily_care_implemented = 1, false) as q4_2_1_daily_care_department_link__is_relevant,
        case
            when q4_2_1_daily_care_department_link__is_relevant
                then q4_2_1_daily_care_department_link
        end as q4_2_1_daily_care_department_link__effective,
        coalesce(
            q4_1_admission_discharge_implemented = 1,
            false
        ) as q4_2_1_admission_discharge_department_link__is_relevant,
        case
            when
                q4_2_1_admission_discharge_department_link__is_relevant
                then q4_2_1_admission_discharge_department_link
        end as q4_2_1_admission_discharge_department_link__effective,
        coalesce(q4_1_emergency_implemented = 1, false) as q4_2_1_emergency_department_link__is_relevant,
        case
            when q4_2_1_emergency_department_link__is_relevant
                then q4_2_1_emergency_department_link
        end as q4_2_1_emergency_department_link__effective,
        coalesce(q4_1_end_of_life_implemented = 1, false) as q4_2_1_end_of_life_department_link__is_relevant,
        case
            when q4_2_1_end_of_life_department_link__is_relevant
                then q4_2_1_end_of_life_department_link
        end as q4_2_1_end_of_life_department_link__effective,
        coalesce(q4_1_dementia_implemented = 1, false) as q4_2_1_dementia_department_link__is_relevant,
        case
            when q4_2_1_dementia_department_link__is_relevant
                then q4_2_1_dementia_department_link
        end as q4_2_1_dementia_department_link__effective,
        coalesce(q4_1_infection_implemented = 1, false) as q4_2_1_infection_department_link__is_relevant,
        case
            when q4_2_1_infection_department_link__is_relevant
                then q4_2_1_infection_department_link
        end as q4_2_1_infection_department_link__effective,
        coalesce(q4_1_disaster_implemented = 1, false) as q4_2_1_disaster_department_link__is_relevant,
        case
            when q4_2_1_disaster_department_link__is_relevant
                then q4_2_1_disaster_department_link
        end as q4_2_1_disaster_department_link__effective,
        coalesce(q4_1_other_implemented = 1, false) as q4_2_1_other_department_link__is_relevant,
        case
            when q4_2_1_other_department_link__is_relevant
                then q4_2_1_other_department_link
        end as q4_2_1_other_department_link__effective,
        coalesce(q4_1_daily_care_implemented = 1, false) as q4_2_2_daily_care_effective_linkage__is_relevant,
        case
            when q4_2_2_daily_care_effective_linkage__is_relevant
                then q4_2_2_daily_care_effective_linkage
        end as q4_2_2_daily_care_effective_linkage__effective,
        coalesce(
            q4_1_admission_discharge_implemented = 1,
            false
        ) as q4_2_2_admission_discharge_effective_linkage__is_relevant,
        case
            when
                q4_2_2_admission_discharge_effective_linkage__is_relevant
                then q4_2_2_admission_discharge_effective_linkage
        end as q4_2_2_admission_discharge_effective_linkage__effective,
        coalesce(q4_1_emergency_implemented = 1, false) as q4_2_2_emergency_effective_linkage__is_relevant,
        case
            when q4_2_2_emergency_effective_linkage__is_relevant
                then q4_2_2_emergency_effective_linkage
        end as q4_2_2_emergency_effective_linkage__effective,
        coalesce(q4_1_end_of_life_implemented = 1, false) as q4_2_2_end_of_life_effective_linkage__is_relevant,
        case
            when q4_2_2_end_of_life_effective_linkage__is_relevant
                then q4_2_2_end_of_life_effective_linkage
        end as q4_2_2_end_of_life_effective_linkage__effective,
        coalesce(q4_1_dementia_implemented = 1, false) as q4_2_2_dementia_effective_linkage__is_relevant,
        case
            when q4_2_2_dementia_effective_linkage__is_relevant
                then q4_2_2_dementia_effective_linkage
        end as q4_2_2_dementia_effective_linkage__effective,
        coalesce(q4_1_infection_implemented = 1, false) as q4_2_2_infection_effective_linkage__is_relevant,
        case
            when q4_2_2_infection_effective_linkage__is_relevant
                then q4_2_2_infection_effective_linkage
        end as q4_2_2_infection_effective_linkage__effective,
        coalesce(q4_1_disaster_implemented = 1, false) as q4_2_2_disaster_effective_linkage__is_relevant,
        case
            when q4_2_2_disaster_effective_linkage__is_relevant
                then q4_2_2_disaster_effective_linkage
        end as q4_2_2_disaster_effective_linkage__effective,
        coalesce(q4_1_other_implemented = 1, false) as q4_2_2_other_effective_linkage__is_relevant,
        case
            when q4_2_2_other_effective_linkage__is_relevant
                then q4_2_2_other_effective_linkage
        end as q4_2_2_other_effective_linkage__effective,
        coalesce(q4_1_daily_care_implemented = 1, false) as q4_2_3_daily_care_effective_projects__is_relevant,
        case
            when q4_2_3_daily_care_effective_projects__is_relevant
                then q4_2_3_daily_care_effective_projects
        end as q4_2_3_daily_care_effective_projects__effective,
        coalesce(
            q4_1_admission_discharge_implemented = 1,
            false
        ) as q4_2_3_admission_discharge_effective_projects__is_relevant,
        case
            when
                q4_2_3_admission_discharge_effective_projects__is_relevant
                then q4_2_3_admission_discharge_effective_projects
        end as q4_2_3_admission_discharge_effective_projects__effective,
        coalesce(q4_1_emergency_implemented = 1, false) as q4_2_3_emergency_effective_projects__is_relevant,
        case
            when q4_2_3_emergency_effective_projects__is_relevant
                then q4_2_3_emergency_effective_projects
        end as q4_2_3_emergency_effective_projects__effective,
        coalesce(q4_1_end_of_life_implemented = 1, false) as q4_2_3_end_of_life_effective_projects__is_relevant,
        case
            when q4_2_3_end_of_life_effective_projects__is_relevant
                then q4_2_3_end_of_life_effective_projects
        end as q4_2_3_end_of_life_effective_projects__effective,
        coalesce(q4_1_dementia_implemented = 1, false) as q4_2_3_dementia_effective_projects__is_relevant,
        case
            when q4_2_3_dementia_effective_projects__is_relevant
                then q4_2_3_dementia_effective_projects
        end as q4_2_3_dementia_effective_projects__effective,
        coalesce(q4_1_infection_implemented = 1, false) as q4_2_3_infection_effective_projects__is_relevant,
        case
            when q4_2_3_infection_effective_projects__is_relevant
                then q4_2_3_infection_effective_projects
        end as q4_2_3_infection_effective_projects__effective,
        coalesce(q4_1_disaster_implemented = 1, false) as q4_2_3_disaster_effective_projects__is_relevant,
        case
            when q4_2_3_disaster_effective_projects__is_relevant
                then q4_2_3_disaster_effective_projects
        end as q4_2_3_disaster_effective_projects__effective,
        coalesce(q4_1_other_implemented = 1, false) as q4_2_3_other_effective_projects__is_relevant,
        case
            when q4_2_3_other_effective_projects__is_relevant
                then q4_2_3_other_effective_projects
        end as q4_2_3_other_effective_projects__effective,
        coalesce(
            list_contains(
                coalesce(q6_1_status_assessment, cast([] as integer[])),
                12
            ),
            false
        ) as q6_1_status_assessment_other__is_relevant,
        case
            when q6_1_status_assessment_other__is_relevant
                then q6_1_status_assessment_other
        end as q6_1_status_assessment_other__effective,
        coalesce(
            list_contains(
                coalesce(q6_2_needs_assessment, cast([] as integer[])),
                12
            ),
            false
        ) as q6_2_needs_assessment_other__is_relevant,
        case
            when q6_2_needs_assessment_other__is_relevant
                then q6_2_needs_assessment_other
        end as q6_2_needs_assessment_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    q7_1_1_1_municipal_issues,
                    cast([] as integer[])
                ),
                15
            ),
            false
        ) as q7_1_1_1_municipal_issues_other__is_relevant,
        case
            when q7_1_1_1_municipal_issues_other__is_relevant
                then q7_1_1_1_municipal_issues_other
        end as q7_1_1_1_municipal_issues_other__effective,
        coalesce(
            list_contains(
                coalesce(q7_1_2_1_support_issues, cast([] as integer[])),
                15
            ),
            false
        ) as q7_1_2_1_support_issues_other__is_relevant,
        case
            when q7_1_2_1_support_issues_other__is_relevant
                then q7_1_2_1_support_issues_other
        end as q7_1_2_1_support_issues_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    q7_2_1_prefecture_support,
                    cast([] as integer[])
                ),
                15
            ),
            false
        ) as q7_2_1_prefecture_support_other__is_relevant,
        case
            when q7_2_1_prefecture_support_other__is_relevant
                then q7_2_1_prefecture_support_other
        end as q7_2_1_prefecture_support_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    q7_2_2_health_center_support,
                    cast([] as integer[])
                ),
                15
            ),
            false
        ) as q7_2_2_health_center_support_other__is_relevant,
        case
            when q7_2_2_health_center_support_other__is_relevant
                then q7_2_2_health_center_support_other
        end as q7_2_2_health_center_support_other__effective,
        coalesce(q8_effective_support = 1, false) as q8_1_effective_support_municipality__is_relevant,
        case
            when q8_1_effective_support_municipality__is_relevant
                then q8_1_effective_support_municipality
        end as q8_1_effective_support_municipality__effective,
        coalesce(q8_effective_support = 1, false) as q8_2_effective_support_themes__is_relevant,
        case
            when q8_2_effective_support_themes__is_relevant
                then q8_2_effective_support_themes
        end as q8_2_effective_support_themes__effective,
        coalesce(q8_effective_support = 1, false) as q8_3_effective_support_details__is_relevant,
        case
            when q8_3_effective_support_details__is_relevant
                then q8_3_effective_support_details
        end as q8_3_effective_support_details__effective,
        coalesce(q9_effective_municipality = 1, false) as q9_1_effective_municipality_name__is_relevant,
        case
            when q9_1_effective_municipality_name__is_relevant
                then q9_1_effective_municipality_name
        end as q9_1_effective_municipality_name__effective,
        coalesce(q9_effective_municipality = 1, false) as q9_2_effective_municipality_themes__is_relevant,
        case
            when q9_2_effective_municipality_themes__is_relevant
                then q9_2_effective_municipality_themes
        end as q9_2_effective_municipality_themes__effective,
        coalesce(q9_effective_municipality = 1, false) as q9_3_effective_municipality_details__is_relevant,
        case
            when q9_3_effective_municipality_details__is_relevant
                then q9_3_effective_municipality_details
        end as q9_3_effective_municipality_details__effective,
        coalesce(q10_municipality_with_issues = 1, false) as q10_1_municipality_issue_details__is_relevant,
        case
            when q10_1_municipality_issue_details__is_relevant
                then q10_1_municipality_issue_details
        end as q10_1_municipality_issue_details__effective,
        coalesce(q11_coordinator = 1, false) as q11_1_full_time_dedicated_count__is_relevant,
        case
            when q11_1_full_time_dedicated_count__is_relevant
                then q11_1_full_time_dedicated_count
        end as q11_1_full_time_dedicated_count__effective,
        coalesce(q11_coordinator = 1, false) as q11_1_full_time_concurrent_count__is_relevant,
        case
            when q11_1_full_time_concurrent_count__is_relevant
                then q11_1_full_time_concurrent_count
        end as q11_1_full_time_concurrent_count__effective,
        coalesce(q11_coordinator = 1, false) as q11_1_part_time_count__is_relevant,
        case when q11_1_part_time_count__is_relevant then q11_1_part_time_count end as q11_1_part_time_count__effective,
        coalesce(q11_coordinator = 1, false) as q11_1_unknown_type_count__is_relevant,
        case
            when q11_1_unknown_type_count__is_relevant
                then q11_1_unknown_type_count
        end as q11_1_unknown_type_count__effective,
        coalesce(q11_coordinator = 1, false) as q11_2_coordinator_professions__is_relevant,
        case
            when q11_2_coordinator_professions__is_relevant
                then q11_2_coordinator_professions
        end as q11_2_coordinator_professions__effective,
        coalesce(
            list_contains(
                coalesce(
                    q11_2_coordinator_professions__effective,
                    cast([] as integer[])
                ),
                11
            ),
            false
        ) as q11_2_coordinator_professions_other__is_relevant,
        case
            when q11_2_coordinator_professions_other__is_relevant
                then q11_2_coordinator_professions_other
        end as q11_2_coordinator_professions_other__effective,
        coalesce(q11_coordinator = 1, false) as q11_3_coordinator_placement__is_relevant,
        case
            when q11_3_coordinator_placement__is_relevant
                then q11_3_coordinator_placement
        end as q11_3_coordinator_placement__effective,
        coalesce(
            list_contains(
                coalesce(
                    q11_3_coordinator_placement__effective,
                    cast([] as integer[])
                ),
                11
            ),
            false
        ) as q11_3_coordinator_placement_other__is_relevant,
        case
            when q11_3_coordinator_placement_other__is_relevant
                then q11_3_coordinator_placement_other
        end as q11_3_coordinator_placement_other__effective,
        coalesce(q11_coordinator = 1, false) as q11_4_coordinator_duties__is_relevant,
        case
            when q11_4_coordinator_duties__is_relevant
                then q11_4_coordinator_duties
        end as q11_4_coordinator_duties__effective,
        coalesce(
            list_contains(
                coalesce(
                    q11_4_coordinator_duties__effective,
                    cast([] as integer[])
                ),
                15
            ),
            false
        ) as q11_4_coordinator_duties_other__is_relevant,
        case
            when q11_4_coordinator_duties_other__is_relevant
                then q11_4_coordinator_duties_other
        end as q11_4_coordinator_duties_other__effective,
        coalesce(q11_coordinator = 1, false) as q11_5_coordinator_practices__is_relevant,
        case
            when q11_5_coordinator_practices__is_relevant
                then q11_5_coordinator_practices
        end as q11_5_coordinator_practices__effective,
        coalesce(q12_municipal_coordinator_training_support = 1, false) as q12_1_training_support_details__is_relevant,
        case
            when q12_1_training_support_details__is_relevant
                then q12_1_training_support_details
        end as q12_1_training_support_details__effective,
        coalesce(q13_base_linkage in (1, 2), false) as q13_1_operator_relation__is_relevant,
        case
            when q13_1_operator_relation__is_relevant
                then q13_1_operator_relation
        end as q13_1_operator_relation__effective,
        coalesce(q13_1_operator_relation__effective = 1, false) as q13_1_1_operator__is_relevant,
        case when q13_1_1_operator__is_relevant then q13_1_1_operator end as q13_1_1_operator__effective,
        coalesce(q13_1_1_operator__effective = 7, false) as q13_1_1_operator_other__is_relevant,
        case
            when q13_1_1_operator_other__is_relevant then q13_1_1_operator_other
        end as q13_1_1_operator_other__effective,
        coalesce(q13_1_operator_relation__effective = 2, false) as q13_1_2_1_base_operator__is_relevant,
        case
            when q13_1_2_1_base_operator__is_relevant
                then q13_1_2_1_base_operator
        end as q13_1_2_1_base_operator__effective,
        coalesce(q13_1_2_1_base_operator__effective = 7, false) as q13_1_2_1_base_operator_other__is_relevant,
        case
            when q13_1_2_1_base_operator_other__is_relevant
                then q13_1_2_1_base_operator_other
        end as q13_1_2_1_base_operator_other__effective,
        coalesce(q13_1_operator_relation__effective = 2, false) as q13_1_2_2_consultation_operator__is_relevant,
        case
            when q13_1_2_2_consultation_operator__is_relevant
                then q13_1_2_2_consultation_operator
        end as q13_1_2_2_consultation_operator__effective,
        coalesce(
            q13_1_2_2_consultation_operator__effective = 7,
            false
        ) as q13_1_2_2_consultation_operator_other__is_relevant,
        case
            when q13_1_2_2_consultation_operator_other__is_relevant
                then q13_1_2_2_consultation_operator_other
        end as q13_1_2_2_consultation_operator_other__effective,
        coalesce(q13_base_linkage in (1, 2), false) as q13_2_linkage_details__is_relevant,
        case when q13_2_linkage_details__is_relevant then q13_2_linkage_details end as q13_2_linkage_details__effective
    from answers
    where fiscal_year = 2023
)

select * from edition_2023
