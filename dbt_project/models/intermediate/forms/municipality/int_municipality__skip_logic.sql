-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per municipality return: each answer as written, and for an item with a skip rule whether it applies
-- (<item>__is_relevant) and the answer as it counts (<item>__effective: NULL where it does not); whether each item is
-- answered (<item>__is_given).
with answers as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        f1_municipality_code,
        a_status,
        b_status,
        c_status,
        d_status,
        e_status,
        f_status,
        g_status,
        h_status,
        support_received,
        a_outsourced,
        b_outsourced,
        c_outsourced,
        d_outsourced,
        e_outsourced,
        f_outsourced,
        g_outsourced,
        h_outsourced,
        a_contractor,
        b_contractor,
        c_contractor,
        d_contractor,
        e_contractor,
        f_contractor,
        g_contractor,
        h_contractor,
        challenges,
        support_wanted,
        support_wanted_other,
        q1_implementation_structure,
        q2_council,
        q2_1_council_entrusted,
        q2_2_council_frequency,
        q2_3_council_topics,
        q2_3_council_topics_other,
        q2_4_council_members,
        q2_4_council_members_other,
        q2_5_council_practices,
        q3_vision_four_scenes,
        q3_1_vision_sharing,
        q4_daily_care_engaged,
        q4_1_daily_care_vision,
        q4_2_daily_care_assessment,
        q4_2_daily_care_assessment_other,
        q4_3_daily_care_goal,
        q4_4_daily_care_indicator,
        q4_5_daily_care_indicator_examples,
        q4_6_1_daily_care_initiatives,
        q4_6_2_daily_care_challenges,
        q4_6_1_daily_care_initiatives_other,
        q4_6_2_daily_care_challenges_other,
        q4_7_daily_care_reasons,
        q4_7_daily_care_reasons_other,
        q5_admission_discharge_engaged,
        q5_1_admission_discharge_vision,
        q5_2_admission_discharge_assessment,
        q5_2_admission_discharge_assessment_other,
        q5_3_admission_discharge_goal,
        q5_4_admission_discharge_indicator,
        q5_5_admission_discharge_indicator_examples,
        q5_6_1_admission_discharge_initiatives,
        q5_6_2_admission_discharge_challenges,
        q5_6_1_admission_discharge_initiatives_other,
        q5_6_2_admission_discharge_challenges_other,
        q5_7_admission_discharge_reasons,
        q5_7_admission_discharge_reasons_other,
        q6_emergency_engaged,
        q6_1_emergency_vision,
        q6_2_emergency_assessment,
        q6_2_emergency_assessment_other,
        q6_3_emergency_goal,
        q6_4_emergency_indicator,
        q6_5_emergency_indicator_examples,
        q6_6_1_emergency_initiatives,
        q6_6_2_emergency_challenges,
        q6_6_1_emergency_initiatives_other,
        q6_6_2_emergency_challenges_other,
        q6_7_emergency_reasons,
        q6_7_emergency_reasons_other,
        q7_end_of_life_engaged,
        q7_1_end_of_life_vision,
        q7_2_end_of_life_assessment,
        q7_2_end_of_life_assessment_other,
        q7_3_end_of_life_goal,
        q7_4_end_of_life_indicator,
        q7_5_end_of_life_indicator_examples,
        q7_6_1_end_of_life_initiatives,
        q7_6_2_end_of_life_challenges,
        q7_6_1_end_of_life_initiatives_other,
        q7_6_2_end_of_life_challenges_other,
        q7_7_end_of_life_reasons,
        q7_7_end_of_life_reasons_other,
        q8_dementia_engaged,
        q8_1_dementia_scenes,
        q8_2_1_dementia_initiatives,
        q8_2_2_dementia_challenges,
        q8_2_1_dementia_initiatives_other,
        q8_2_2_dementia_challenges_other,
        q8_3_dementia_reasons,
        q8_3_dementia_reasons_other,
        q9_infection_engaged,
        q9_1_infection_partners,
        q9_1_infection_partners_other,
        q9_2_1_infection_initiatives,
        q9_2_2_infection_challenges,
        q9_2_1_infection_initiatives_other,
        q9_2_2_infection_challenges_other,
        q9_3_infection_reasons,
        q9_3_infection_reasons_other,
        q10_disaster_engaged,
        q10_1_disaster_partners,
        q10_1_disaster_partners_other,
        q10_2_1_disaster_initiatives,
        q10_2_2_disaster_challenges,
        q10_2_1_disaster_initiatives_other,
        q10_2_2_disaster_challenges_other,
        q10_3_disaster_reasons,
        q10_3_disaster_reasons_other,
        q11_1_1_challenges,
        q11_1_2_top_priority_challenge,
        q11_2_support_expected,
        q11_1_1_challenges_other,
        q11_1_2_top_priority_challenge_other,
        q11_2_support_expected_other,
        q12_difficulties,
        q13_coordinator,
        q13_1_full_time_dedicated_count,
        q13_1_full_time_concurrent_count,
        q13_1_part_time_count,
        q13_1_unknown_type_count,
        q13_2_coordinator_professions,
        q13_2_coordinator_professions_other,
        q13_3_coordinator_placement,
        q13_3_coordinator_placement_other,
        q13_4_coordinator_duties,
        q13_4_coordinator_duties_other,
        q13_5_coordinator_practices,
        q13_6_no_coordinator_reasons,
        q13_7_coordinator_issues,
        q14_base_linkage,
        q14_1_operator_relation,
        q14_1_1_operator,
        q14_1_1_operator_other,
        q14_1_2_1_base_operator,
        q14_1_2_1_base_operator_other,
        q14_1_2_2_consultation_operator,
        q14_1_2_2_consultation_operator_other,
        q14_2_linkage_details
    from {{ ref('int_municipality__respondent_answers') }}
    where {{ is_new_return() }}
),

edition_2015_2016 as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        f1_municipality_code,
        a_status,
        b_status,
        c_status,
        d_status,
        e_status,
        f_status,
        g_status,
        h_status,
        support_received,
        (f1_municipality_code is not null and f1_municipality_code <> '') as f1_municipality_code__is_given,
        (a_status is not null) as a_status__is_given,
        (b_status is not null) as b_status__is_given,
        (c_status is not null) as c_status__is_given,
        (d_status is not null) as d_status__is_given,
        (e_status is not null) as e_status__is_given,
        (f_status is not null) as f_status__is_given,
        (g_status is not null) as g_status__is_given,
        (h_status is not null) as h_status__is_given,
        (support_received is not null) as support_received__is_given,
        (
            coalesce(a_status in (1, 2), false)
            or coalesce(b_status in (1, 2), false)
            or coalesce(c_status in (1, 2), false)
            or coalesce(d_status in (1, 2), false)
            or coalesce(e_status in (1, 2), false)
            or coalesce(f_status in (1, 2), false)
            or coalesce(g_status in (1, 2), false)
            or coalesce(h_status in (1, 2), false)
        ) as support_received__is_relevant,
        case when support_received__is_relevant then support_received end as support_received__effective
    from answers
    where fiscal_year in (2015, 2016)
),

edition_2017 as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        f1_municipality_code,
        a_status,
        b_status,
        c_status,
        d_status,
        e_status,
        f_status,
        g_status,
        h_status,
        a_outsourced,
        b_outsourced,
        c_outsourced,
        d_outsourced,
        e_outsourced,
        f_outsourced,
        g_outsourced,
        h_outsourced,
        a_contractor,
        b_contractor,
        c_contractor,
        d_contractor,
        e_contractor,
        f_contractor,
        g_contractor,
        h_contractor,
        challenges,
        support_wanted,
        support_wanted_other,
        support_received,
        (f1_municipality_code is not null and f1_municipality_code <> '') as f1_municipality_code__is_given,
        (a_status is not null) as a_status__is_given,
        (b_status is not null) as b_status__is_given,
        (c_status is not null) as c_status__is_given,
        (d_status is not null) as d_status__is_given,
        (e_status is not null) as e_status__is_given,
        (f_status is not null) as f_status__is_given,
        (g_status is not null) as g_status__is_given,
        (h_status is not null) as h_status__is_given,
        (a_outsourced is not null) as a_outsourced__is_given,
        (b_outsourced is not null) as b_outsourced__is_given,
        (c_outsourced is not null) as c_outsourced__is_given,
        (d_outsourced is not null) as d_outsourced__is_given,
        (e_outsourced is not null) as e_outsourced__is_given,
        (f_outsourced is not null) as f_outsourced__is_given,
        (g_outsourced is not null) as g_outsourced__is_given,
        (h_outsourced is not null) as h_outsourced__is_given,
        (a_contractor is not null) as a_contractor__is_given,
        (b_contractor is not null) as b_contractor__is_given,
        (c_contractor is not null) as c_contractor__is_given,
        (d_contractor is not null) as d_contractor__is_given,
        (e_contractor is not null) as e_contractor__is_given,
        (f_contractor is not null) as f_contractor__is_given,
        (g_contractor is not null) as g_contractor__is_given,
        (h_contractor is not null) as h_contractor__is_given,
        (len(coalesce(challenges, cast([] as integer[]))) > 0) as challenges__is_given,
        (len(coalesce(support_wanted, cast([] as integer[]))) > 0) as support_wanted__is_given,
        (support_wanted_other is not null and support_wanted_other <> '') as support_wanted_other__is_given,
        (support_received is not null) as support_received__is_given,
        coalesce(a_status in (1, 2), false) as a_outsourced__is_relevant,
        case when a_outsourced__is_relevant then a_outsourced end as a_outsourced__effective,
        coalesce(b_status in (1, 2), false) as b_outsourced__is_relevant,
        case when b_outsourced__is_relevant then b_outsourced end as b_outsourced__effective,
        coalesce(c_status in (1, 2), false) as c_outsourced__is_relevant,
        case when c_outsourced__is_relevant then c_outsourced end as c_outsourced__effective,
        coalesce(d_status in (1, 2), false) as d_outsourced__is_relevant,
        case when d_outsourced__is_relevant then d_outsourced end as d_outsourced__effective,
        coalesce(e_status in (1, 2), false) as e_outsourced__is_relevant,
        case when e_outsourced__is_relevant then e_outsourced end as e_outsourced__effective,
        coalesce(f_status in (1, 2), false) as f_outsourced__is_relevant,
        case when f_outsourced__is_relevant then f_outsourced end as f_outsourced__effective,
        coalesce(g_status in (1, 2), false) as g_outsourced__is_relevant,
        case when g_outsourced__is_relevant then g_outsourced end as g_outsourced__effective,
        coalesce(h_status in (1, 2), false) as h_outsourced__is_relevant,
        case when h_outsourced__is_relevant then h_outsourced end as h_outsourced__effective,
        coalesce(a_outsourced__effective = 1, false) as a_contractor__is_relevant,
        case when a_contractor__is_relevant then a_contractor end as a_contractor__effective,
        coalesce(b_outsourced__effective = 1, false) as b_contractor__is_relevant,
        case when b_contractor__is_relevant then b_contractor end as b_contractor__effective,
        coalesce(c_outsourced__effective = 1, false) as c_contractor__is_relevant,
        case when c_contractor__is_relevant then c_contractor end as c_contractor__effective,
        coalesce(d_outsourced__effective = 1, false) as d_contractor__is_relevant,
        case when d_contractor__is_relevant then d_contractor end as d_contractor__effective,
        coalesce(e_outsourced__effective = 1, false) as e_contractor__is_relevant,
        case when e_contractor__is_relevant then e_contractor end as e_contractor__effective,
        coalesce(f_outsourced__effective = 1, false) as f_contractor__is_relevant,
        case when f_contractor__is_relevant then f_contractor end as f_contractor__effective,
        coalesce(g_outsourced__effective = 1, false) as g_contractor__is_relevant,
        case when g_contractor__is_relevant then g_contractor end as g_contractor__effective,
        coalesce(h_outsourced__effective = 1, false) as h_contractor__is_relevant,
        case when h_contractor__is_relevant then h_contractor end as h_contractor__effective,
        coalesce(
            list_contains(coalesce(support_wanted, cast([] as integer[])), 9),
            false
        ) as support_wanted_other__is_relevant,
        case when support_wanted_other__is_relevant then support_wanted_other end as support_wanted_other__effective,
        (
            coalesce(a_status in (1, 2), false)
            or coalesce(b_status in (1, 2), false)
            or coalesce(c_status in (1, 2), false)
            or coalesce(d_status in (1, 2), false)
            or coalesce(e_status in (1, 2), false)
            or coalesce(f_status in (1, 2), false)
            or coalesce(g_status in (1, 2), false)
            or coalesce(h_status in (1, 2), false)
        ) as support_received__is_relevant,
        case when support_received__is_relevant then support_received end as support_received__effective
    from answers
    where fiscal_year = 2017
),

edition_2023 as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        f1_municipality_code,
        q1_implementation_structure,
        q2_council,
        q2_1_council_entrusted,
        q2_2_council_frequency,
        q2_3_council_topics,
        q2_3_council_topics_other,
        q2_4_council_members,
        q2_4_council_members_other,
        q2_5_council_practices,
        q3_vision_four_scenes,
        q3_1_vision_sharing,
        q4_daily_care_engaged,
        q4_1_daily_care_vision,
        q4_2_daily_care_assessment,
        q4_2_daily_care_assessment_other,
        q4_3_daily_care_goal,
        q4_4_daily_care_indicator,
        q4_5_daily_care_indicator_examples,
        q4_6_1_daily_care_initiatives,
        q4_6_2_daily_care_challenges,
        q4_6_1_daily_care_initiatives_other,
        q4_6_2_daily_care_challenges_other,
        q4_7_daily_care_reasons,
        q4_7_daily_care_reasons_other,
        q5_admission_discharge_engaged,
        q5_1_admission_discharge_vision,
        q5_2_admission_discharge_assessment,
        q5_2_admission_discharge_assessment_other,
        q5_3_admission_discharge_goal,
        q5_4_admission_discharge_indicator,
        q5_5_admission_discharge_indicator_examples,
        q5_6_1_admission_discharge_initiatives,
        q5_6_2_admission_discharge_challenges,
        q5_6_1_admission_discharge_initiatives_other,
        q5_6_2_admission_discharge_challenges_other,
        q5_7_admission_discharge_reasons,
        q5_7_admission_discharge_reasons_other,
        q6_emergency_engaged,
        q6_1_emergency_vision,
        q6_2_emergency_assessment,
        q6_2_emergency_assessment_other,
        q6_3_emergency_goal,
        q6_4_emergency_indicator,
        q6_5_emergency_indicator_examples,
        q6_6_1_emergency_initiatives,
        q6_6_2_emergency_challenges,
        q6_6_1_emergency_initiatives_other,
        q6_6_2_emergency_challenges_other,
        q6_7_emergency_reasons,
        q6_7_emergency_reasons_other,
        q7_end_of_life_engaged,
        q7_1_end_of_life_vision,
        q7_2_end_of_life_assessment,
        q7_2_end_of_life_assessment_other,
        q7_3_end_of_life_goal,
        q7_4_end_of_life_indicator,
        q7_5_end_of_life_indicator_examples,
        q7_6_1_end_of_life_initiatives,
        q7_6_2_end_of_life_challenges,
        q7_6_1_end_of_life_initiatives_other,
        q7_6_2_end_of_life_challenges_other,
        q7_7_end_of_life_reasons,
        q7_7_end_of_life_reasons_other,
        q8_dementia_engaged,
        q8_1_dementia_scenes,
        q8_2_1_dementia_initiatives,
        q8_2_2_dementia_challenges,
        q8_2_1_dementia_initiatives_other,
        q8_2_2_dementia_challenges_other,
        q8_3_dementia_reasons,
        q8_3_dementia_reasons_other,
        q9_infection_engaged,
        q9_1_infection_partners,
        q9_1_infection_partners_other,
        q9_2_1_infection_initiatives,
        q9_2_2_infection_challenges,
        q9_2_1_infection_initiatives_other,
        q9_2_2_infection_challenges_other,
        q9_3_infection_reasons,
        q9_3_infection_reasons_other,
        q10_disaster_engaged,
        q10_1_disaster_partners,
        q10_1_disaster_partners_other,
        q10_2_1_disaster_initiatives,
        q10_2_2_disaster_challenges,
        q10_2_1_disaster_initiatives_other,
        q10_2_2_disaster_challenges_other,
        q10_3_disaster_reasons,
        q10_3_disaster_reasons_other,
        q11_1_1_challenges,
        q11_1_2_top_priority_challenge,
        q11_2_support_expected,
        q11_1_1_challenges_other,
        q11_1_2_top_priority_challenge_other,
        q11_2_support_expected_other,
        q12_difficulties,
        q13_coordinator,
        q13_1_full_time_dedicated_count,
        q13_1_full_time_concurrent_count,
        q13_1_part_time_count,
        q13_1_unknown_type_count,
        q13_2_coordinator_professions,
        q13_2_coordinator_professions_other,
        q13_3_coordinator_placement,
        q13_3_coordinator_placement_other,
        q13_4_coordinator_duties,
        q13_4_coordinator_duties_other,
        q13_5_coordinator_practices,
        q13_6_no_coordinator_reasons,
        q13_7_coordinator_issues,
        q14_base_linkage,
        q14_1_operator_relation,
        q14_1_1_operator,
        q14_1_1_operator_other,
        q14_1_2_1_base_operator,
        q14_1_2_1_base_operator_other,
        q14_1_2_2_consultation_operator,
        q14_1_2_2_consultation_operator_other,
        q14_2_linkage_details,
        (f1_municipality_code is not null and f1_municipality_code <> '') as f1_municipality_code__is_given,
        (q1_implementation_structure is not null) as q1_implementation_structure__is_given,
        (q2_council is not null) as q2_council__is_given,
        (q2_1_council_entrusted is not null) as q2_1_council_entrusted__is_given,
        (q2_2_council_frequency is not null) as q2_2_council_frequency__is_given,
        (len(coalesce(q2_3_council_topics, cast([] as integer[]))) > 0) as q2_3_council_topics__is_given,
        (
            q2_3_council_topics_other is not null
            and q2_3_council_topics_other <> ''
        ) as q2_3_council_topics_other__is_given,
        (len(coalesce(q2_4_council_members, cast([] as integer[]))) > 0) as q2_4_council_members__is_given,
        (
            q2_4_council_members_other is not null
            and q2_4_council_members_other <> ''
        ) as q2_4_council_members_other__is_given,
        (q2_5_council_practices is not null and q2_5_council_practices <> '') as q2_5_council_practices__is_given,
        (q3_vision_four_scenes is not null) as q3_vision_four_scenes__is_given,
        (q3_1_vision_sharing is not null) as q3_1_vision_sharing__is_given,
        (q4_daily_care_engaged is not null) as q4_daily_care_engaged__is_given,
        (q4_1_daily_care_vision is not null) as q4_1_daily_care_vision__is_given,
        (len(coalesce(q4_2_daily_care_assessment, cast([] as integer[]))) > 0) as q4_2_daily_care_assessment__is_given,
        (
            q4_2_daily_care_assessment_other is not null
            and q4_2_daily_care_assessment_other <> ''
        ) as q4_2_daily_care_assessment_other__is_given,
        (q4_3_daily_care_goal is not null) as q4_3_daily_care_goal__is_given,
        (q4_4_daily_care_indicator is not null) as q4_4_daily_care_indicator__is_given,
        (
            q4_5_daily_care_indicator_examples is not null
            and q4_5_daily_care_indicator_examples <> ''
        ) as q4_5_daily_care_indicator_examples__is_given,
        (
            len(
                coalesce(
                    q4_6_1_daily_care_initiatives,
                    cast([] as integer[])
                )
            )
            > 0
        ) as q4_6_1_daily_care_initiatives__is_given,
        (
            len(
                coalesce(q4_6_2_daily_care_challenges, cast([] as integer[]))
            )
            > 0
        ) as q4_6_2_daily_care_challenges__is_given,
        (
            q4_6_1_daily_care_initiatives_other is not null
            and q4_6_1_daily_care_initiatives_other <> ''
        ) as q4_6_1_daily_care_initiatives_other__is_given,
        (
            q4_6_2_daily_care_challenges_other is not null
            and q4_6_2_daily_care_challenges_other <> ''
        ) as q4_6_2_daily_care_challenges_other__is_given,
        (len(coalesce(q4_7_daily_care_reasons, cast([] as integer[]))) > 0) as q4_7_daily_care_reasons__is_given,
        (
            q4_7_daily_care_reasons_other is not null
            and q4_7_daily_care_reasons_other <> ''
        ) as q4_7_daily_care_reasons_other__is_given,
        (q5_admission_discharge_engaged is not null) as q5_admission_discharge_engaged__is_given,
        (q5_1_admission_discharge_vision is not null) as q5_1_admission_discharge_vision__is_given,
        (
            len(
                coalesce(
                    q5_2_admission_discharge_assessment,
                    cast([] as integer[])
                )
            )
            > 0
        ) as q5_2_admission_discharge_assessment__is_given,
        (
            q5_2_admission_discharge_assessment_other is not null
            and q5_2_admission_discharge_assessment_other <> ''
        ) as q5_2_admission_discharge_assessment_other__is_given,
        (q5_3_admission_discharge_goal is not null) as q5_3_admission_discharge_goal__is_given,
        (q5_4_admission_discharge_indicator is not null) as q5_4_admission_discharge_indicator__is_given,
        (
            q5_5_admission_discharge_indicator_examples is not null
            and q5_5_admission_discharge_indicator_examples
            <> ''
        ) as q5_5_admission_discharge_indicator_examples__is_given,
        (
            len(
                coalesce(
                    q5_6_1_admission_discharge_initiatives,
                    cast([] as integer[])
                )
            )
            > 0
        ) as q5_6_1_admission_discharge_initiatives__is_given,
        (
            len(
                coalesce(
                    q5_6_2_admission_discharge_challenges,
                    cast([] as integer[])
                )
            )
            > 0
        ) as q5_6_2_admission_discharge_challenges__is_given,
        (
            q5_6_1_admission_discharge_initiatives_other is not null
            and q5_6_1_admission_discharge_initiatives_other
            <> ''
        ) as q5_6_1_admission_discharge_initiatives_other__is_given,
        (
            q5_6_2_admission_discharge_challenges_other is not null
            and q5_6_2_admission_discharge_challenges_other
            <> ''
        ) as q5_6_2_admission_discharge_challenges_other__is_given,
        (
            len(
                coalesce(
                    q5_7_admission_discharge_reasons,
                    cast([] as integer[])
                )
            )
            > 0
        ) as q5_7_admission_discharge_reasons__is_given,
        (
            q5_7_admission_discharge_reasons_other is not null
            and q5_7_admission_discharge_reasons_other <> ''
        ) as q5_7_admission_discharge_reasons_other__is_given,
        (q6_emergency_engaged is not null) as q6_emergency_engaged__is_given,
        (q6_1_emergency_vision is not null) as q6_1_emergency_vision__is_given,
        (len(coalesce(q6_2_emergency_assessment, cast([] as integer[]))) > 0) as q6_2_emergency_assessment__is_given,
        (
            q6_2_emergency_assessment_other is not null
            and q6_2_emergency_assessment_other <> ''
        ) as q6_2_emergency_assessment_other__is_given,
        (q6_3_emergency_goal is not null) as q6_3_emergency_goal__is_given,
        (q6_4_emergency_indicator is not null) as q6_4_emergency_indicator__is_given,
        (
            q6_5_emergency_indicator_examples is not null
            and q6_5_emergency_indicator_examples <> ''
        ) as q6_5_emergency_indicator_examples__is_given,
        (
            len(
                coalesce(q6_6_1_emergency_initiatives, cast([] as integer[]))
            )
            > 0
        ) as q6_6_1_emergency_initiatives__is_given,
        (
            len(coalesce(q6_6_2_emergency_challenges, cast([] as integer[])))
            > 0
        ) as q6_6_2_emergency_challenges__is_given,
        (
            q6_6_1_emergency_initiatives_other is not null
            and q6_6_1_emergency_initiatives_other <> ''
        ) as q6_6_1_emergency_initiatives_other__is_given,
        (
            q6_6_2_emergency_challenges_other is not null
            and q6_6_2_emergency_challenges_other <> ''
        ) as q6_6_2_emergency_challenges_other__is_given,
        (len(coalesce(q6_7_emergency_reasons, cast([] as integer[]))) > 0) as q6_7_emergency_reasons__is_given,
        (
            q6_7_emergency_reasons_other is not null
            and q6_7_emergency_reasons_other <> ''
        ) as q6_7_emergency_reasons_other__is_given,
        (q7_end_of_life_engaged is not null) as q7_end_of_life_engaged__is_given,
        (q7_1_end_of_life_vision is not null) as q7_1_end_of_life_vision__is_given,
        (
            len(coalesce(q7_2_end_of_life_assessment, cast([] as integer[])))
            > 0
        ) as q7_2_end_of_life_assessment__is_given,
        (
            q7_2_end_of_life_assessment_other is not null
            and q7_2_end_of_life_assessment_other <> ''
        ) as q7_2_end_of_life_assessment_other__is_given,
        (q7_3_end_of_life_goal is not null) as q7_3_end_of_life_goal__is_given,
        (q7_4_end_of_life_indicator is not null) as q7_4_end_of_life_indicator__is_given,
        (
            q7_5_end_of_life_indicator_examples is not null
            and q7_5_end_of_life_indicator_examples <> ''
        ) as q7_5_end_of_life_indicator_examples__is_given,
        (
            len(
                coalesce(
                    q7_6_1_end_of_life_initiatives,
                    cast([] as integer[])
                )
            )
            > 0
        ) as q7_6_1_end_of_life_initiatives__is_given,
        (
            len(
                coalesce(
                    q7_6_2_end_of_life_challenges,
                    cast([] as integer[])
                )
            )
            > 0
        ) as q7_6_2_end_of_life_challenges__is_given,
        (
            q7_6_1_end_of_life_initiatives_other is not null
            and q7_6_1_end_of_life_initiatives_other <> ''
        ) as q7_6_1_end_of_life_initiatives_other__is_given,
        (
            q7_6_2_end_of_life_challenges_other is not null
            and q7_6_2_end_of_life_challenges_other <> ''
        ) as q7_6_2_end_of_life_challenges_other__is_given,
        (len(coalesce(q7_7_end_of_life_reasons, cast([] as integer[]))) > 0) as q7_7_end_of_life_reasons__is_given,
        (
            q7_7_end_of_life_reasons_other is not null
            and q7_7_end_of_life_reasons_other <> ''
        ) as q7_7_end_of_life_reasons_other__is_given,
        (q8_dementia_engaged is not null) as q8_dementia_engaged__is_given,
        (len(coalesce(q8_1_dementia_scenes, cast([] as integer[]))) > 0) as q8_1_dementia_scenes__is_given,
        (
            len(coalesce(q8_2_1_dementia_initiatives, cast([] as integer[])))
            > 0
        ) as q8_2_1_dementia_initiatives__is_given,
        (len(coalesce(q8_2_2_dementia_challenges, cast([] as integer[]))) > 0) as q8_2_2_dementia_challenges__is_given,
        (
            q8_2_1_dementia_initiatives_other is not null
            and q8_2_1_dementia_initiatives_other <> ''
        ) as q8_2_1_dementia_initiatives_other__is_given,
        (
            q8_2_2_dementia_challenges_other is not null
            and q8_2_2_dementia_challenges_other <> ''
        ) as q8_2_2_dementia_challenges_other__is_given,
        (len(coalesce(q8_3_dementia_reasons, cast([] as integer[]))) > 0) as q8_3_dementia_reasons__is_given,
        (
            q8_3_dementia_reasons_other is not null
            and q8_3_dementia_reasons_other <> ''
        ) as q8_3_dementia_reasons_other__is_given,
        (q9_infection_engaged is not null) as q9_infection_engaged__is_given,
        (len(coalesce(q9_1_infection_partners, cast([] as integer[]))) > 0) as q9_1_infection_partners__is_given,
        (
            q9_1_infection_partners_other is not null
            and q9_1_infection_partners_other <> ''
        ) as q9_1_infection_partners_other__is_given,
        (
            len(
                coalesce(q9_2_1_infection_initiatives, cast([] as integer[]))
            )
            > 0
        ) as q9_2_1_infection_initiatives__is_given,
        (
            len(coalesce(q9_2_2_infection_challenges, cast([] as integer[])))
            > 0
        ) as q9_2_2_infection_challenges__is_given,
        (
            q9_2_1_infection_initiatives_other is not null
            and q9_2_1_infection_initiatives_other <> ''
        ) as q9_2_1_infection_initiatives_other__is_given,
        (
            q9_2_2_infection_challenges_other is not null
            and q9_2_2_infection_challenges_other <> ''
        ) as q9_2_2_infection_challenges_other__is_given,
        (len(coalesce(q9_3_infection_reasons, cast([] as integer[]))) > 0) as q9_3_infection_reasons__is_given,
        (
            q9_3_infection_reasons_other is not null
            and q9_3_infection_reasons_other <> ''
        ) as q9_3_infection_reasons_other__is_given,
        (q10_disaster_engaged is not null) as q10_disaster_engaged__is_given,
        (len(coalesce(q10_1_disaster_partners, cast([] as integer[]))) > 0) as q10_1_disaster_partners__is_given,
        (
            q10_1_disaster_partners_other is not null
            and q10_1_disaster_partners_other <> ''
        ) as q10_1_disaster_partners_other__is_given,
        (
            len(
                coalesce(q10_2_1_disaster_initiatives, cast([] as integer[]))
            )
            > 0
        ) as q10_2_1_disaster_initiatives__is_given,
        (
            len(coalesce(q10_2_2_disaster_challenges, cast([] as integer[])))
            > 0
        ) as q10_2_2_disaster_challenges__is_given,
        (
            q10_2_1_disaster_initiatives_other is not null
            and q10_2_1_disaster_initiatives_other <> ''
        ) as q10_2_1_disaster_initiatives_other__is_given,
        (
            q10_2_2_disaster_challenges_other is not null
            and q10_2_2_disaster_challenges_other <> ''
        ) as q10_2_2_disaster_challenges_other__is_given,
        (len(coalesce(q10_3_disaster_reasons, cast([] as integer[]))) > 0) as q10_3_disaster_reasons__is_given,
        (
            q10_3_disaster_reasons_other is not null
            and q10_3_disaster_reasons_other <> ''
        ) as q10_3_disaster_reasons_other__is_given,
        (len(coalesce(q11_1_1_challenges, cast([] as integer[]))) > 0) as q11_1_1_challenges__is_given,
        (
            len(
                coalesce(
                    q11_1_2_top_priority_challenge,
                    cast([] as integer[])
                )
            )
            > 0
        ) as q11_1_2_top_priority_challenge__is_given,
        (len(coalesce(q11_2_support_expected, cast([] as integer[]))) > 0) as q11_2_support_expected__is_given,
        (q11_1_1_challenges_other is not null and q11_1_1_challenges_other <> '') as q11_1_1_challenges_other__is_given,
        (
            q11_1_2_top_priority_challenge_other is not null
            and q11_1_2_top_priority_challenge_other <> ''
        ) as q11_1_2_top_priority_challenge_other__is_given,
        (
            q11_2_support_expected_other is not null
            and q11_2_support_expected_other <> ''
        ) as q11_2_support_expected_other__is_given,
        (q12_difficulties is not null and q12_difficulties <> '') as q12_difficulties__is_given,
        (q13_coordinator is not null) as q13_coordinator__is_given,
        (q13_1_full_time_dedicated_count is not null) as q13_1_full_time_dedicated_count__is_given,
        (q13_1_full_time_concurrent_count is not null) as q13_1_full_time_concurrent_count__is_given,
        (q13_1_part_time_count is not null) as q13_1_part_time_count__is_given,
        (q13_1_unknown_type_count is not null) as q13_1_unknown_type_count__is_given,
        (
            len(
                coalesce(
                    q13_2_coordinator_professions,
                    cast([] as integer[])
                )
            )
            > 0
        ) as q13_2_coordinator_professions__is_given,
        (
            q13_2_coordinator_professions_other is not null
            and q13_2_coordinator_professions_other <> ''
        ) as q13_2_coordinator_professions_other__is_given,
        (
            len(coalesce(q13_3_coordinator_placement, cast([] as integer[])))
            > 0
        ) as q13_3_coordinator_placement__is_given,
        (
            q13_3_coordinator_placement_other is not null
            and q13_3_coordinator_placement_other <> ''
        ) as q13_3_coordinator_placement_other__is_given,
        (len(coalesce(q13_4_coordinator_duties, cast([] as integer[]))) > 0) as q13_4_coordinator_duties__is_given,
        (
            q13_4_coordinator_duties_other is not null
            and q13_4_coordinator_duties_other <> ''
        ) as q13_4_coordinator_duties_other__is_given,
        (
            q13_5_coordinator_practices is not null
            and q13_5_coordinator_practices <> ''
        ) as q13_5_coordinator_practices__is_given,
        (
            q13_6_no_coordinator_reasons is not null
            and q13_6_no_coordinator_reasons <> ''
        ) as q13_6_no_coordinator_reasons__is_given,
        (q13_7_coordinator_issues is not null and q13_7_coordinator_issues <> '') as q13_7_coordinator_issues__is_given,
        (q14_base_linkage is not null) as q14_base_linkage__is_given,
        (q14_1_operator_relation is not null) as q14_1_operator_relation__is_given,
        (q14_1_1_operator is not null) as q14_1_1_operator__is_given,
        (q14_1_1_operator_other is not null and q14_1_1_operator_other <> '') as q14_1_1_operator_other__is_given,
        (q14_1_2_1_base_operator is not null) as q14_1_2_1_base_operator__is_given,
        (
            q14_1_2_1_base_operator_other is not null
            and q14_1_2_1_base_operator_other <> ''
        ) as q14_1_2_1_base_operator_other__is_given,
        (q14_1_2_2_consultation_operator is not null) as q14_1_2_2_consultation_operator__is_given,
        (
            q14_1_2_2_consultation_operator_other is not null
            and q14_1_2_2_consultation_operator_other <> ''
        ) as q14_1_2_2_consultation_operator_other__is_given,
        (q14_2_linkage_details is not null and q14_2_linkage_details <> '') as q14_2_linkage_details__is_given,
        coalesce(q2_council = 1, false) as q2_1_council_entrusted__is_relevant,
        case
            when q2_1_council_entrusted__is_relevant then q2_1_council_entrusted
        end as q2_1_council_entrusted__effective,
        coalesce(q2_council = 1, false) as q2_2_council_frequency__is_relevant,
        case
            when q2_2_council_frequency__is_relevant then q2_2_council_frequency
        end as q2_2_council_frequency__effective,
        coalesce(q2_council = 1, false) as q2_3_council_topics__is_relevant,
        case when q2_3_council_topics__is_relevant then q2_3_council_topics end as q2_3_council_topics__effective,
        coalesce(
            list_contains(
                coalesce(
                    q2_3_council_topics__effective,
                    cast([] as integer[])
                ),
                12
            ),
            false
        ) as q2_3_council_topics_other__is_relevant,
        case
            when q2_3_council_topics_other__is_relevant
                then q2_3_council_topics_other
        end as q2_3_council_topics_other__effective,
        coalesce(q2_council = 1, false) as q2_4_council_members__is_relevant,
        case when q2_4_council_members__is_relevant then q2_4_council_members end as q2_4_council_members__effective,
        coalesce(
            list_contains(
                coalesce(
                    q2_4_council_members__effective,
                    cast([] as integer[])
                ),
                20
            ),
            false
        ) as q2_4_council_members_other__is_relevant,
        case
            when q2_4_council_members_other__is_relevant
                then q2_4_council_members_other
        end as q2_4_council_members_other__effective,
        coalesce(q2_council = 1, false) as q2_5_council_practices__is_relevant,
        case
            when q2_5_council_practices__is_relevant then q2_5_council_practices
        end as q2_5_council_practices__effective,
        coalesce(q3_vision_four_scenes = 1, false) as q3_1_vision_sharing__is_relevant,
        case when q3_1_vision_sharing__is_relevant then q3_1_vision_sharing end as q3_1_vision_sharing__effective,
        coalesce(q4_daily_care_engaged = 1, false) as q4_1_daily_care_vision__is_relevant,
        case
            when q4_1_daily_care_vision__is_relevant then q4_1_daily_care_vision
        end as q4_1_daily_care_vision__effective,
        coalesce(q4_daily_care_engaged = 1, false) as q4_2_daily_care_assessment__is_relevant,
        case
            when q4_2_daily_care_assessment__is_relevant
                then q4_2_daily_care_assessment
        end as q4_2_daily_care_assessment__effective,
        coalesce(
            list_contains(
                coalesce(
                    q4_2_daily_care_assessment__effective,
                    cast([] as integer[])
                ),
                11
            ),
            false
        ) as q4_2_daily_care_assessment_other__is_relevant,
        case
            when q4_2_daily_care_assessment_other__is_relevant
                then q4_2_daily_care_assessment_other
        end as q4_2_daily_care_assessment_other__effective,
        coalesce(q4_daily_care_engaged = 1, false) as q4_3_daily_care_goal__is_relevant,
        case when q4_3_daily_care_goal__is_relevant then q4_3_daily_care_goal end as q4_3_daily_care_goal__effective,
        coalesce(q4_daily_care_engaged = 1, false) as q4_4_daily_care_indicator__is_relevant,
        case
            when q4_4_daily_care_indicator__is_relevant
                then q4_4_daily_care_indicator
        end as q4_4_daily_care_indicator__effective,
        coalesce(q4_daily_care_engaged = 1, false) as q4_5_daily_care_indicator_examples__is_relevant,
        case
            when q4_5_daily_care_indicator_examples__is_relevant
                then q4_5_daily_care_indicator_examples
        end as q4_5_daily_care_indicator_examples__effective,
        coalesce(q4_daily_care_engaged = 1, false) as q4_6_1_daily_care_initiatives__is_relevant,
        case
            when q4_6_1_daily_care_initiatives__is_relevant
                then q4_6_1_daily_care_initiatives
        end as q4_6_1_daily_care_initiatives__effective,
        coalesce(q4_daily_care_engaged = 1, false) as q4_6_2_daily_care_challenges__is_relevant,
        case
            when q4_6_2_daily_care_challenges__is_relevant
                then q4_6_2_daily_care_challenges
        end as q4_6_2_daily_care_challenges__effective,
        coalesce(
            list_contains(
                coalesce(
                    q4_6_1_daily_care_initiatives__effective,
                    cast([] as integer[])
                ),
                17
            ),
            false
        ) as q4_6_1_daily_care_initiatives_other__is_relevant,
        case
            when q4_6_1_daily_care_initiatives_other__is_relevant
                then q4_6_1_daily_care_initiatives_other
        end as q4_6_1_daily_care_initiatives_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    q4_6_2_daily_care_challenges__effective,
                    cast([] as integer[])
                ),
                17
            ),
            false
        ) as q4_6_2_daily_care_challenges_other__is_relevant,
        case
            when q4_6_2_daily_care_challenges_other__is_relevant
                then q4_6_2_daily_care_challenges_other
        end as q4_6_2_daily_care_challenges_other__effective,
        coalesce(q4_daily_care_engaged = 2, false) as q4_7_daily_care_reasons__is_relevant,
        case
            when q4_7_daily_care_reasons__is_relevant
                then q4_7_daily_care_reasons
        end as q4_7_daily_care_reasons__effective,
        coalesce(
            list_contains(
                coalesce(
                    q4_7_daily_care_reasons__effective,
                    cast([] as integer[])
                ),
                7
            ),
            false
        ) as q4_7_daily_care_reasons_other__is_relevant,
        case
            when q4_7_daily_care_reasons_other__is_relevant
                then q4_7_daily_care_reasons_other
        end as q4_7_daily_care_reasons_other__effective,
        coalesce(q5_admission_discharge_engaged = 1, false) as q5_1_admission_discharge_vision__is_relevant,
        case
            when q5_1_admission_discharge_vision__is_relevant
                then q5_1_admission_discharge_vision
        end as q5_1_admission_discharge_vision__effective,
        coalesce(q5_admission_discharge_engaged = 1, false) as q5_2_admission_discharge_assessment__is_relevant,
        case
            when q5_2_admission_discharge_assessment__is_relevant
                then q5_2_admission_discharge_assessment
        end as q5_2_admission_discharge_assessment__effective,
        coalesce(
            list_contains(
                coalesce(
                    q5_2_admission_discharge_assessment__effective,
                    cast([] as integer[])
                ),
                11
            ),
            false
        ) as q5_2_admission_discharge_assessment_other__is_relevant,
        case
            when
                q5_2_admission_discharge_assessment_other__is_relevant
                then q5_2_admission_discharge_assessment_other
        end as q5_2_admission_discharge_assessment_other__effective,
        coalesce(q5_admission_discharge_engaged = 1, false) as q5_3_admission_discharge_goal__is_relevant,
        case
            when q5_3_admission_discharge_goal__is_relevant
                then q5_3_admission_discharge_goal
        end as q5_3_admission_discharge_goal__effective,
        coalesce(q5_admission_discharge_engaged = 1, false) as q5_4_admission_discharge_indicator__is_relevant,
        case
            when q5_4_admission_discharge_indicator__is_relevant
                then q5_4_admission_discharge_indicator
        end as q5_4_admission_discharge_indicator__effective,
        coalesce(q5_admission_discharge_engaged = 1, false) as q5_5_admission_discharge_indicator_examples__is_relevant,
        case
            when
                q5_5_admission_discharge_indicator_examples__is_relevant
                then q5_5_admission_discharge_indicator_examples
        end as q5_5_admission_discharge_indicator_examples__effective,
        coalesce(q5_admission_discharge_engaged = 1, false) as q5_6_1_admission_discharge_initiatives__is_relevant,
        case
            when
                q5_6_1_admission_discharge_initiatives__is_relevant
                then q5_6_1_admission_discharge_initiatives
        end as q5_6_1_admission_discharge_initiatives__effective,
        coalesce(q5_admission_discharge_engaged = 1, false) as q5_6_2_admission_discharge_challenges__is_relevant,
        case
            when q5_6_2_admission_discharge_challenges__is_relevant
                then q5_6_2_admission_discharge_challenges
        end as q5_6_2_admission_discharge_challenges__effective,
        coalesce(
            list_contains(
                coalesce(
                    q5_6_1_admission_discharge_initiatives__effective,
                    cast([] as integer[])
                ),
                16
            ),
            false
        ) as q5_6_1_admission_discharge_initiatives_other__is_relevant,
        case
            when
                q5_6_1_admission_discharge_initiatives_other__is_relevant
                then q5_6_1_admission_discharge_initiatives_other
        end as q5_6_1_admission_discharge_initiatives_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    q5_6_2_admission_discharge_challenges__effective,
                    cast([] as integer[])
                ),
                16
            ),
            false
        ) as q5_6_2_admission_discharge_challenges_other__is_relevant,
        case
            when
                q5_6_2_admission_discharge_challenges_other__is_relevant
                then q5_6_2_admission_discharge_challenges_other
        end as q5_6_2_admission_discharge_challenges_other__effective,
        coalesce(q5_admission_discharge_engaged = 2, false) as q5_7_admission_discharge_reasons__is_relevant,
        case
            when q5_7_admission_discharge_reasons__is_relevant
                then q5_7_admission_discharge_reasons
        end as q5_7_admission_discharge_reasons__effective,
        coalesce(
            list_contains(
                coalesce(
                    q5_7_admission_discharge_reasons__effective,
                    cast([] as integer[])
                ),
                7
            ),
            false
        ) as q5_7_admission_discharge_reasons_other__is_relevant,
        case
            when
                q5_7_admission_discharge_reasons_other__is_relevant
                then q5_7_admission_discharge_reasons_other
        end as q5_7_admission_discharge_reasons_other__effective,
        coalesce(q6_emergency_engaged = 1, false) as q6_1_emergency_vision__is_relevant,
        case when q6_1_emergency_vision__is_relevant then q6_1_emergency_vision end as q6_1_emergency_vision__effective,
        coalesce(q6_emergency_engaged = 1, false) as q6_2_emergency_assessment__is_relevant,
        case
            when q6_2_emergency_assessment__is_relevant
                then q6_2_emergency_assessment
        end as q6_2_emergency_assessment__effective,
        coalesce(
            list_contains(
                coalesce(
                    q6_2_emergency_assessment__effective,
                    cast([] as integer[])
                ),
                11
            ),
            false
        ) as q6_2_emergency_assessment_other__is_relevant,
        case
            when q6_2_emergency_assessment_other__is_relevant
                then q6_2_emergency_assessment_other
        end as q6_2_emergency_assessment_other__effective,
        coalesce(q6_emergency_engaged = 1, false) as q6_3_emergency_goal__is_relevant,
        case when q6_3_emergency_goal__is_relevant then q6_3_emergency_goal end as q6_3_emergency_goal__effective,
        coalesce(q6_emergency_engaged = 1, false) as q6_4_emergency_indicator__is_relevant,
        case
            when q6_4_emergency_indicator__is_relevant
                then q6_4_emergency_indicator
        end as q6_4_emergency_indicator__effective,
        coalesce(q6_emergency_engaged = 1, false) as q6_5_emergency_indicator_examples__is_relevant,
        case
            when q6_5_emergency_indicator_examples__is_relevant
                then q6_5_emergency_indicator_examples
        end as q6_5_emergency_indicator_examples__effective,
        coalesce(q6_emergency_engaged = 1, false) as q6_6_1_emergency_initiatives__is_relevant,
        case
            when q6_6_1_emergency_initiatives__is_relevant
                then q6_6_1_emergency_initiatives
        end as q6_6_1_emergency_initiatives__effective,
        coalesce(q6_emergency_engaged = 1, false) as q6_6_2_emergency_challenges__is_relevant,
        case
            when q6_6_2_emergency_challenges__is_relevant
                then q6_6_2_emergency_challenges
        end as q6_6_2_emergency_challenges__effective,
        coalesce(
            list_contains(
                coalesce(
                    q6_6_1_emergency_initiatives__effective,
                    cast([] as integer[])
                ),
                16
            ),
            false
        ) as q6_6_1_emergency_initiatives_other__is_relevant,
        case
            when q6_6_1_emergency_initiatives_other__is_relevant
                then q6_6_1_emergency_initiatives_other
        end as q6_6_1_emergency_initiatives_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    q6_6_2_emergency_challenges__effective,
                    cast([] as integer[])
                ),
                16
            ),
            false
        ) as q6_6_2_emergency_challenges_other__is_relevant,
        case
            when q6_6_2_emergency_challenges_other__is_relevant
                then q6_6_2_emergency_challenges_other
        end as q6_6_2_emergency_challenges_other__effective,
        coalesce(q6_emergency_engaged = 2, false) as q6_7_emergency_reasons__is_relevant,
        case
            when q6_7_emergency_reasons__is_relevant then q6_7_emergency_reasons
        end as q6_7_emergency_reasons__effective,
        coalesce(
            list_contains(
                coalesce(
                    q6_7_emergency_reasons__effective,
                    cast([] as integer[])
                ),
                7
            ),
            false
        ) as q6_7_emergency_reasons_other__is_relevant,
        case
            when q6_7_emergency_reasons_other__is_relevant
                then q6_7_emergency_reasons_other
        end as q6_7_emergency_reasons_other__effective,
        coalesce(q7_end_of_life_engaged = 1, false) as q7_1_end_of_life_vision__is_relevant,
        case
            when q7_1_end_of_life_vision__is_relevant
                then q7_1_end_of_life_vision
        end as q7_1_end_of_life_vision__effective,
        coalesce(q7_end_of_life_engaged = 1, false) as q7_2_end_of_life_assessment__is_relevant,
        case
            when q7_2_end_of_life_assessment__is_relevant
                then q7_2_end_of_life_assessment
        end as q7_2_end_of_life_assessment__effective,
        coalesce(
            list_contains(
                coalesce(
                    q7_2_end_of_life_assessment__effective,
                    cast([] as integer[])
                ),
                11
            ),
            false
        ) as q7_2_end_of_life_assessment_other__is_relevant,
        case
            when q7_2_end_of_life_assessment_other__is_relevant
                then q7_2_end_of_life_assessment_other
        end as q7_2_end_of_life_assessment_other__effective,
        coalesce(q7_end_of_life_engaged = 1, false) as q7_3_end_of_life_goal__is_relevant,
        case when q7_3_end_of_life_goal__is_relevant then q7_3_end_of_life_goal end as q7_3_end_of_life_goal__effective,
        coalesce(q7_end_of_life_engaged = 1, false) as q7_4_end_of_life_indicator__is_relevant,
        case
            when q7_4_end_of_life_indicator__is_relevant
                then q7_4_end_of_life_indicator
        end as q7_4_end_of_life_indicator__effective,
        coalesce(q7_end_of_life_engaged = 1, false) as q7_5_end_of_life_indicator_examples__is_relevant,
        case
            when q7_5_end_of_life_indicator_examples__is_relevant
                then q7_5_end_of_life_indicator_examples
        end as q7_5_end_of_life_indicator_examples__effective,
        coalesce(q7_end_of_life_engaged = 1, false) as q7_6_1_end_of_life_initiatives__is_relevant,
        case
            when q7_6_1_end_of_life_initiatives__is_relevant
                then q7_6_1_end_of_life_initiatives
        end as q7_6_1_end_of_life_initiatives__effective,
        coalesce(q7_end_of_life_engaged = 1, false) as q7_6_2_end_of_life_challenges__is_relevant,
        case
            when q7_6_2_end_of_life_challenges__is_relevant
                then q7_6_2_end_of_life_challenges
        end as q7_6_2_end_of_life_challenges__effective,
        coalesce(
            list_contains(
                coalesce(
                    q7_6_1_end_of_life_initiatives__effective,
                    cast([] as integer[])
                ),
                14
            ),
            false
        ) as q7_6_1_end_of_life_initiatives_other__is_relevant,
        case
            when q7_6_1_end_of_life_initiatives_other__is_relevant
                then q7_6_1_end_of_life_initiatives_other
        end as q7_6_1_end_of_life_initiatives_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    q7_6_2_end_of_life_challenges__effective,
                    cast([] as integer[])
                ),
                14
            ),
            false
        ) as q7_6_2_end_of_life_challenges_other__is_relevant,
        case
            when q7_6_2_end_of_life_challenges_other__is_relevant
                then q7_6_2_end_of_life_challenges_other
        end as q7_6_2_end_of_life_challenges_other__effective,
        coalesce(q7_end_of_life_engaged = 2, false) as q7_7_end_of_life_reasons__is_relevant,
        case
            when q7_7_end_of_life_reasons__is_relevant
                then q7_7_end_of_life_reasons
        end as q7_7_end_of_life_reasons__effective,
        coalesce(
            list_contains(
                coalesce(
                    q7_7_end_of_life_reasons__effective,
                    cast([] as integer[])
                ),
                7
            ),
            false
        ) as q7_7_end_of_life_reasons_other__is_relevant,
        case
            when q7_7_end_of_life_reasons_other__is_relevant
                then q7_7_end_of_life_reasons_other
        end as q7_7_end_of_life_reasons_other__effective,
        coalesce(q8_dementia_engaged = 1, false) as q8_1_dementia_scenes__is_relevant,
        case when q8_1_dementia_scenes__is_relevant then q8_1_dementia_scenes end as q8_1_dementia_scenes__effective,
        coalesce(q8_dementia_engaged = 1, false) as q8_2_1_dementia_initiatives__is_relevant,
        case
            when q8_2_1_dementia_initiatives__is_relevant
                then q8_2_1_dementia_initiatives
        end as q8_2_1_dementia_initiatives__effective,
        coalesce(q8_dementia_engaged = 1, false) as q8_2_2_dementia_challenges__is_relevant,
        case
            when q8_2_2_dementia_challenges__is_relevant
                then q8_2_2_dementia_challenges
        end as q8_2_2_dementia_challenges__effective,
        coalesce(
            list_contains(
                coalesce(
                    q8_2_1_dementia_initiatives__effective,
                    cast([] as integer[])
                ),
                20
            ),
            false
        ) as q8_2_1_dementia_initiatives_other__is_relevant,
        case
            when q8_2_1_dementia_initiatives_other__is_relevant
                then q8_2_1_dementia_initiatives_other
        end as q8_2_1_dementia_initiatives_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    q8_2_2_dementia_challenges__effective,
                    cast([] as integer[])
                ),
                20
            ),
            false
        ) as q8_2_2_dementia_challenges_other__is_relevant,
        case
            when q8_2_2_dementia_challenges_other__is_relevant
                then q8_2_2_dementia_challenges_other
        end as q8_2_2_dementia_challenges_other__effective,
        coalesce(q8_dementia_engaged = 2, false) as q8_3_dementia_reasons__is_relevant,
        case when q8_3_dementia_reasons__is_relevant then q8_3_dementia_reasons end as q8_3_dementia_reasons__effective,
        coalesce(
            list_contains(
                coalesce(
                    q8_3_dementia_reasons__effective,
                    cast([] as integer[])
                ),
                7
            ),
            false
        ) as q8_3_dementia_reasons_other__is_relevant,
        case
            when q8_3_dementia_reasons_other__is_relevant
                then q8_3_dementia_reasons_other
        end as q8_3_dementia_reasons_other__effective,
        coalesce(q9_infection_engaged = 1, false) as q9_1_infection_partners__is_relevant,
        case
            when q9_1_infection_partners__is_relevant
                then q9_1_infection_partners
        end as q9_1_infection_partners__effective,
        coalesce(
            list_contains(
                coalesce(
                    q9_1_infection_partners__effective,
                    cast([] as integer[])
                ),
                20
            ),
            false
        ) as q9_1_infection_partners_other__is_relevant,
        case
            when q9_1_infection_partners_other__is_relevant
                then q9_1_infection_partners_other
        end as q9_1_infection_partners_other__effective,
        coalesce(q9_infection_engaged = 1, false) as q9_2_1_infection_initiatives__is_relevant,
        case
            when q9_2_1_infection_initiatives__is_relevant
                then q9_2_1_infection_initiatives
        end as q9_2_1_infection_initiatives__effective,
        coalesce(q9_infection_engaged = 1, false) as q9_2_2_infection_challenges__is_relevant,
        case
            when q9_2_2_infection_challenges__is_relevant
                then q9_2_2_infection_challenges
        end as q9_2_2_infection_challenges__effective,
        coalesce(
            list_contains(
                coalesce(
                    q9_2_1_infection_initiatives__effective,
                    cast([] as integer[])
                ),
                12
            ),
            false
        ) as q9_2_1_infection_initiatives_other__is_relevant,
        case
            when q9_2_1_infection_initiatives_other__is_relevant
                then q9_2_1_infection_initiatives_other
        end as q9_2_1_infection_initiatives_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    q9_2_2_infection_challenges__effective,
                    cast([] as integer[])
                ),
                12
            ),
            false
        ) as q9_2_2_infection_challenges_other__is_relevant,
        case
            when q9_2_2_infection_challenges_other__is_relevant
                then q9_2_2_infection_challenges_other
        end as q9_2_2_infection_challenges_other__effective,
        coalesce(q9_infection_engaged = 2, false) as q9_3_infection_reasons__is_relevant,
        case
            when q9_3_infection_reasons__is_relevant then q9_3_infection_reasons
        end as q9_3_infection_reasons__effective,
        coalesce(
            list_contains(
                coalesce(
                    q9_3_infection_reasons__effective,
                    cast([] as integer[])
                ),
                7
            ),
            false
        ) as q9_3_infection_reasons_other__is_relevant,
        case
            when q9_3_infection_reasons_other__is_relevant
                then q9_3_infection_reasons_other
        end as q9_3_infection_reasons_other__effective,
        coalesce(q10_disaster_engaged = 1, false) as q10_1_disaster_partners__is_relevant,
        case
            when q10_1_disaster_partners__is_relevant
                then q10_1_disaster_partners
        end as q10_1_disaster_partners__effective,
        coalesce(
            list_contains(
                coalesce(
                    q10_1_disaster_partners__effective,
                    cast([] as integer[])
                ),
                20
            ),
            false
        ) as q10_1_disaster_partners_other__is_relevant,
        case
            when q10_1_disaster_partners_other__is_relevant
                then q10_1_disaster_partners_other
        end as q10_1_disaster_partners_other__effective,
        coalesce(q10_disaster_engaged = 1, false) as q10_2_1_disaster_initiatives__is_relevant,
        case
            when q10_2_1_disaster_initiatives__is_relevant
                then q10_2_1_disaster_initiatives
        end as q10_2_1_disaster_initiatives__effective,
        coalesce(q10_disaster_engaged = 1, false) as q10_2_2_disaster_challenges__is_relevant,
        case
            when q10_2_2_disaster_challenges__is_relevant
                then q10_2_2_disaster_challenges
        end as q10_2_2_disaster_challenges__effective,
        coalesce(
            list_contains(
                coalesce(
                    q10_2_1_disaster_initiatives__effective,
                    cast([] as integer[])
                ),
                12
            ),
            false
        ) as q10_2_1_disaster_initiatives_other__is_relevant,
        case
            when q10_2_1_disaster_initiatives_other__is_relevant
                then q10_2_1_disaster_initiatives_other
        end as q10_2_1_disaster_initiatives_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    q10_2_2_disaster_challenges__effective,
                    cast([] as integer[])
                ),
                12
            ),
            false
        ) as q10_2_2_disaster_challenges_other__is_relevant,
        case
            when q10_2_2_disaster_challenges_other__is_relevant
                then q10_2_2_disaster_challenges_other
        end as q10_2_2_disaster_challenges_other__effective,
        coalesce(q10_disaster_engaged = 2, false) as q10_3_disaster_reasons__is_relevant,
        case
            when q10_3_disaster_reasons__is_relevant then q10_3_disaster_reasons
        end as q10_3_disaster_reasons__effective,
        coalesce(
            list_contains(
                coalesce(
                    q10_3_disaster_reasons__effective,
                    cast([] as integer[])
                ),
                7
            ),
            false
        ) as q10_3_disaster_reasons_other__is_relevant,
        case
            when q10_3_disaster_reasons_other__is_relevant
                then q10_3_disaster_reasons_other
        end as q10_3_disaster_reasons_other__effective,
        coalesce(
            list_contains(
                coalesce(q11_1_1_challenges, cast([] as integer[])),
                15
            ),
            false
        ) as q11_1_1_challenges_other__is_relevant,
        case
            when q11_1_1_challenges_other__is_relevant
                then q11_1_1_challenges_other
        end as q11_1_1_challenges_other__effective,
        coalesce(
            list_contains(
                coalesce(
                    q11_1_2_top_priority_challenge,
                    cast([] as integer[])
                ),
                15
            ),
            false
        ) as q11_1_2_top_priority_challenge_other__is_relevant,
        case
            when q11_1_2_top_priority_challenge_other__is_relevant
                then q11_1_2_top_priority_challenge_other
        end as q11_1_2_top_priority_challenge_other__effective,
        coalesce(
            list_contains(
                coalesce(q11_2_support_expected, cast([] as integer[])),
                15
            ),
            false
        ) as q11_2_support_expected_other__is_relevant,
        case
            when q11_2_support_expected_other__is_relevant
                then q11_2_support_expected_other
        end as q11_2_support_expected_other__effective,
        coalesce(q13_coordinator = 1, false) as q13_1_full_time_dedicated_count__is_relevant,
        case
            when q13_1_full_time_dedicated_count__is_relevant
                then q13_1_full_time_dedicated_count
        end as q13_1_full_time_dedicated_count__effective,
        coalesce(q13_coordinator = 1, false) as q13_1_full_time_concurrent_count__is_relevant,
        case
            when q13_1_full_time_concurrent_count__is_relevant
                then q13_1_full_time_concurrent_count
        end as q13_1_full_time_concurrent_count__effective,
        coalesce(q13_coordinator = 1, false) as q13_1_part_time_count__is_relevant,
        case when q13_1_part_time_count__is_relevant then q13_1_part_time_count end as q13_1_part_time_count__effective,
        coalesce(q13_coordinator = 1, false) as q13_1_unknown_type_count__is_relevant,
        case
            when q13_1_unknown_type_count__is_relevant
                then q13_1_unknown_type_count
        end as q13_1_unknown_type_count__effective,
        coalesce(q13_coordinator = 1, false) as q13_2_coordinator_professions__is_relevant,
        case
            when q13_2_coordinator_professions__is_relevant
                then q13_2_coordinator_professions
        end as q13_2_coordinator_professions__effective,
        coalesce(
            list_contains(
                coalesce(
                    q13_2_coordinator_professions__effective,
                    cast([] as integer[])
                ),
                11
            ),
            false
        ) as q13_2_coordinator_professions_other__is_relevant,
        case
            when q13_2_coordinator_professions_other__is_relevant
                then q13_2_coordinator_professions_other
        end as q13_2_coordinator_professions_other__effective,
        coalesce(q13_coordinator = 1, false) as q13_3_coordinator_placement__is_relevant,
        case
            when q13_3_coordinator_placement__is_relevant
                then q13_3_coordinator_placement
        end as q13_3_coordinator_placement__effective,
        coalesce(
            list_contains(
                coalesce(
                    q13_3_coordinator_placement__effective,
                    cast([] as integer[])
                ),
                11
            ),
            false
        ) as q13_3_coordinator_placement_other__is_relevant,
        case
            when q13_3_coordinator_placement_other__is_relevant
                then q13_3_coordinator_placement_other
        end as q13_3_coordinator_placement_other__effective,
        coalesce(q13_coordinator = 1, false) as q13_4_coordinator_duties__is_relevant,
        case
            when q13_4_coordinator_duties__is_relevant
                then q13_4_coordinator_duties
        end as q13_4_coordinator_duties__effective,
        coalesce(
            list_contains(
                coalesce(
                    q13_4_coordinator_duties__effective,
                    cast([] as integer[])
                ),
                16
            ),
            false
        ) as q13_4_coordinator_duties_other__is_relevant,
        case
            when q13_4_coordinator_duties_other__is_relevant
                then q13_4_coordinator_duties_other
        end as q13_4_coordinator_duties_other__effective,
        coalesce(q13_coordinator = 1, false) as q13_5_coordinator_practices__is_relevant,
        case
            when q13_5_coordinator_practices__is_relevant
                then q13_5_coordinator_practices
        end as q13_5_coordinator_practices__effective,
        coalesce(q13_coordinator = 2, false) as q13_6_no_coordinator_reasons__is_relevant,
        case
            when q13_6_no_coordinator_reasons__is_relevant
                then q13_6_no_coordinator_reasons
        end as q13_6_no_coordinator_reasons__effective,
        coalesce(q14_base_linkage in (1, 2), false) as q14_1_operator_relation__is_relevant,
        case
            when q14_1_operator_relation__is_relevant
                then q14_1_operator_relation
        end as q14_1_operator_relation__effective,
        coalesce(q14_1_operator_relation__effective = 1, false) as q14_1_1_operator__is_relevant,
        case when q14_1_1_operator__is_relevant then q14_1_1_operator end as q14_1_1_operator__effective,
        coalesce(q14_1_1_operator__effective = 7, false) as q14_1_1_operator_other__is_relevant,
        case
            when q14_1_1_operator_other__is_relevant then q14_1_1_operator_other
        end as q14_1_1_operator_other__effective,
        coalesce(q14_1_operator_relation__effective = 2, false) as q14_1_2_1_base_operator__is_relevant,
        case
            when q14_1_2_1_base_operator__is_relevant
                then q14_1_2_1_base_operator
        end as q14_1_2_1_base_operator__effective,
        coalesce(q14_1_2_1_base_operator__effective = 7, false) as q14_1_2_1_base_operator_other__is_relevant,
        case
            when q14_1_2_1_base_operator_other__is_relevant
                then q14_1_2_1_base_operator_other
        end as q14_1_2_1_base_operator_other__effective,
        coalesce(q14_1_operator_relation__effective = 2, false) as q14_1_2_2_consultation_operator__is_relevant,
        case
            when q14_1_2_2_consultation_operator__is_relevant
                then q14_1_2_2_consultation_operator
        end as q14_1_2_2_consultation_operator__effective,
        coalesce(
            q14_1_2_2_consultation_operator__effective = 7,
            false
        ) as q14_1_2_2_consultation_operator_other__is_relevant,
        case
            when q14_1_2_2_consultation_operator_other__is_relevant
                then q14_1_2_2_consultation_operator_other
        end as q14_1_2_2_consultation_operator_other__effective,
        coalesce(q14_base_linkage in (1, 2), false) as q14_2_linkage_details__is_relevant,
        case when q14_2_linkage_details__is_relevant then q14_2_linkage_details end as q14_2_linkage_details__effective
    from answers
    where fiscal_year = 2023
)

select * from edition_2015_2016  -- noqa: AM07
union all by name
select * from edition_2017
union all by name
select * from edition_2023
