-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per municipality return and item of its edition: whether it applies, is answered, and so its status.
with skip_logic as (
    select *
    from {{ ref('int_municipality__skip_logic') }}
    where {{ is_new_return() }}
),

edition_2015_2016 as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        unnest([
            { 'item_key': 'f1_municipality_code', 'is_relevant': true, 'is_given': f1_municipality_code__is_given },
            { 'item_key': 'a_status', 'is_relevant': true, 'is_given': a_status__is_given },
            { 'item_key': 'b_status', 'is_relevant': true, 'is_given': b_status__is_given },
            { 'item_key': 'c_status', 'is_relevant': true, 'is_given': c_status__is_given },
            { 'item_key': 'd_status', 'is_relevant': true, 'is_given': d_status__is_given },
            { 'item_key': 'e_status', 'is_relevant': true, 'is_given': e_status__is_given },
            { 'item_key': 'f_status', 'is_relevant': true, 'is_given': f_status__is_given },
            { 'item_key': 'g_status', 'is_relevant': true, 'is_given': g_status__is_given },
            { 'item_key': 'h_status', 'is_relevant': true, 'is_given': h_status__is_given },
            {
                'item_key': 'support_received',
                'is_relevant': support_received__is_relevant,
                'is_given': support_received__is_given
            }
        ]) as flag
    from skip_logic
    where fiscal_year in (2015, 2016)
),

edition_2017 as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        unnest([
            { 'item_key': 'f1_municipality_code', 'is_relevant': true, 'is_given': f1_municipality_code__is_given },
            { 'item_key': 'a_status', 'is_relevant': true, 'is_given': a_status__is_given },
            { 'item_key': 'b_status', 'is_relevant': true, 'is_given': b_status__is_given },
            { 'item_key': 'c_status', 'is_relevant': true, 'is_given': c_status__is_given },
            { 'item_key': 'd_status', 'is_relevant': true, 'is_given': d_status__is_given },
            { 'item_key': 'e_status', 'is_relevant': true, 'is_given': e_status__is_given },
            { 'item_key': 'f_status', 'is_relevant': true, 'is_given': f_status__is_given },
            { 'item_key': 'g_status', 'is_relevant': true, 'is_given': g_status__is_given },
            { 'item_key': 'h_status', 'is_relevant': true, 'is_given': h_status__is_given },
            {
                'item_key': 'a_outsourced',
                'is_relevant': a_outsourced__is_relevant,
                'is_given': a_outsourced__is_given
            },
            {
                'item_key': 'b_outsourced',
                'is_relevant': b_outsourced__is_relevant,
                'is_given': b_outsourced__is_given
            },
            {
                'item_key': 'c_outsourced',
                'is_relevant': c_outsourced__is_relevant,
                'is_given': c_outsourced__is_given
            },
            {
                'item_key': 'd_outsourced',
                'is_relevant': d_outsourced__is_relevant,
                'is_given': d_outsourced__is_given
            },
            {
                'item_key': 'e_outsourced',
                'is_relevant': e_outsourced__is_relevant,
                'is_given': e_outsourced__is_given
            },
            {
                'item_key': 'f_outsourced',
                'is_relevant': f_outsourced__is_relevant,
                'is_given': f_outsourced__is_given
            },
            {
                'item_key': 'g_outsourced',
                'is_relevant': g_outsourced__is_relevant,
                'is_given': g_outsourced__is_given
            },
            {
                'item_key': 'h_outsourced',
                'is_relevant': h_outsourced__is_relevant,
                'is_given': h_outsourced__is_given
            },
            {
                'item_key': 'a_contractor',
                'is_relevant': a_contractor__is_relevant,
                'is_given': a_contractor__is_given
            },
            {
                'item_key': 'b_contractor',
                'is_relevant': b_contractor__is_relevant,
                'is_given': b_contractor__is_given
            },
            {
                'item_key': 'c_contractor',
                'is_relevant': c_contractor__is_relevant,
                'is_given': c_contractor__is_given
            },
            {
                'item_key': 'd_contractor',
                'is_relevant': d_contractor__is_relevant,
                'is_given': d_contractor__is_given
            },
            {
                'item_key': 'e_contractor',
                'is_relevant': e_contractor__is_relevant,
                'is_given': e_contractor__is_given
            },
            {
                'item_key': 'f_contractor',
                'is_relevant': f_contractor__is_relevant,
                'is_given': f_contractor__is_given
            },
            {
                'item_key': 'g_contractor',
                'is_relevant': g_contractor__is_relevant,
                'is_given': g_contractor__is_given
            },
            {
                'item_key': 'h_contractor',
                'is_relevant': h_contractor__is_relevant,
                'is_given': h_contractor__is_given
            },
            { 'item_key': 'challenges', 'is_relevant': true, 'is_given': challenges__is_given },
            { 'item_key': 'support_wanted', 'is_relevant': true, 'is_given': support_wanted__is_given },
            {
                'item_key': 'support_wanted_other',
                'is_relevant': support_wanted_other__is_relevant,
                'is_given': support_wanted_other__is_given
            },
            {
                'item_key': 'support_received',
                'is_relevant': support_received__is_relevant,
                'is_given': support_received__is_given
            }
        ]) as flag
    from skip_logic
    where fiscal_year = 2017
),

edition_2023 as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        unnest([
            { 'item_key': 'f1_municipality_code', 'is_relevant': true, 'is_given': f1_municipality_code__is_given },
            {
                'item_key': 'q1_implementation_structure',
                'is_relevant': true,
                'is_given': q1_implementation_structure__is_given
            },
            { 'item_key': 'q2_council', 'is_relevant': true, 'is_given': q2_council__is_given },
            {
                'item_key': 'q2_1_council_entrusted',
                'is_relevant': q2_1_council_entrusted__is_relevant,
                'is_given': q2_1_council_entrusted__is_given
            },
            {
                'item_key': 'q2_2_council_frequency',
                'is_relevant': q2_2_council_frequency__is_relevant,
                'is_given': q2_2_council_frequency__is_given
            },
            {
                'item_key': 'q2_3_council_topics',
                'is_relevant': q2_3_council_topics__is_relevant,
                'is_given': q2_3_council_topics__is_given
            },
            {
                'item_key': 'q2_3_council_topics_other',
                'is_relevant': q2_3_council_topics_other__is_relevant,
                'is_given': q2_3_council_topics_other__is_given
            },
            {
                'item_key': 'q2_4_council_members',
                'is_relevant': q2_4_council_members__is_relevant,
                'is_given': q2_4_council_members__is_given
            },
            {
                'item_key': 'q2_4_council_members_other',
                'is_relevant': q2_4_council_members_other__is_relevant,
                'is_given': q2_4_council_members_other__is_given
            },
            {
                'item_key': 'q2_5_council_practices',
                'is_relevant': q2_5_council_practices__is_relevant,
                'is_given': q2_5_council_practices__is_given
            },
            { 'item_key': 'q3_vision_four_scenes', 'is_relevant': true, 'is_given': q3_vision_four_scenes__is_given },
            {
                'item_key': 'q3_1_vision_sharing',
                'is_relevant': q3_1_vision_sharing__is_relevant,
                'is_given': q3_1_vision_sharing__is_given
            },
            { 'item_key': 'q4_daily_care_engaged', 'is_relevant': true, 'is_given': q4_daily_care_engaged__is_given },
            {
                'item_key': 'q4_1_daily_care_vision',
                'is_relevant': q4_1_daily_care_vision__is_relevant,
                'is_given': q4_1_daily_care_vision__is_given
            },
            {
                'item_key': 'q4_2_daily_care_assessment',
                'is_relevant': q4_2_daily_care_assessment__is_relevant,
                'is_given': q4_2_daily_care_assessment__is_given
            },
            {
                'item_key': 'q4_2_daily_care_assessment_other',
                'is_relevant': q4_2_daily_care_assessment_other__is_relevant,
                'is_given': q4_2_daily_care_assessment_other__is_given
            },
            {
                'item_key': 'q4_3_daily_care_goal',
                'is_relevant': q4_3_daily_care_goal__is_relevant,
                'is_given': q4_3_daily_care_goal__is_given
            },
            {
                'item_key': 'q4_4_daily_care_indicator',
                'is_relevant': q4_4_daily_care_indicator__is_relevant,
                'is_given': q4_4_daily_care_indicator__is_given
            },
            {
                'item_key': 'q4_5_daily_care_indicator_examples',
                'is_relevant': q4_5_daily_care_indicator_examples__is_relevant,
                'is_given': q4_5_daily_care_indicator_examples__is_given
            },
            {
                'item_key': 'q4_6_1_daily_care_initiatives',
                'is_relevant': q4_6_1_daily_care_initiatives__is_relevant,
                'is_given': q4_6_1_daily_care_initiatives__is_given
            },
            {
                'item_key': 'q4_6_2_daily_care_challenges',
                'is_relevant': q4_6_2_daily_care_challenges__is_relevant,
                'is_given': q4_6_2_daily_care_challenges__is_given
            },
            {
                'item_key': 'q4_6_1_daily_care_initiatives_other',
                'is_relevant': q4_6_1_daily_care_initiatives_other__is_relevant,
                'is_given': q4_6_1_daily_care_initiatives_other__is_given
            },
            {
                'item_key': 'q4_6_2_daily_care_challenges_other',
                'is_relevant': q4_6_2_daily_care_challenges_other__is_relevant,
                'is_given': q4_6_2_daily_care_challenges_other__is_given
            },
            {
                'item_key': 'q4_7_daily_care_reasons',
                'is_relevant': q4_7_daily_care_reasons__is_relevant,
                'is_given': q4_7_daily_care_reasons__is_given
            },
            {
                'item_key': 'q4_7_daily_care_reasons_other',
                'is_relevant': q4_7_daily_care_reasons_other__is_relevant,
                'is_given': q4_7_daily_care_reasons_other__is_given
            },
            {
                'item_key': 'q5_admission_discharge_engaged',
                'is_relevant': true,
                'is_given': q5_admission_discharge_engaged__is_given
            },
            {
                'item_key': 'q5_1_admission_discharge_vision',
                'is_relevant': q5_1_admission_discharge_vision__is_relevant,
                'is_given': q5_1_admission_discharge_vision__is_given
            },
            {
                'item_key': 'q5_2_admission_discharge_assessment',
                'is_relevant': q5_2_admission_discharge_assessment__is_relevant,
                'is_given': q5_2_admission_discharge_assessment__is_given
            },
            {
                'item_key': 'q5_2_admission_discharge_assessment_other',
                'is_relevant': q5_2_admission_discharge_assessment_other__is_relevant,
                'is_given': q5_2_admission_discharge_assessment_other__is_given
            },
            {
                'item_key': 'q5_3_admission_discharge_goal',
                'is_relevant': q5_3_admission_discharge_goal__is_relevant,
                'is_given': q5_3_admission_discharge_goal__is_given
            },
            {
                'item_key': 'q5_4_admission_discharge_indicator',
                'is_relevant': q5_4_admission_discharge_indicator__is_relevant,
                'is_given': q5_4_admission_discharge_indicator__is_given
            },
            {
                'item_key': 'q5_5_admission_discharge_indicator_examples',
                'is_relevant': q5_5_admission_discharge_indicator_examples__is_relevant,
                'is_given': q5_5_admission_discharge_indicator_examples__is_given
            },
            {
                'item_key': 'q5_6_1_admission_discharge_initiatives',
                'is_relevant': q5_6_1_admission_discharge_initiatives__is_relevant,
                'is_given': q5_6_1_admission_discharge_initiatives__is_given
            },
            {
                'item_key': 'q5_6_2_admission_discharge_challenges',
                'is_relevant': q5_6_2_admission_discharge_challenges__is_relevant,
                'is_given': q5_6_2_admission_discharge_challenges__is_given
            },
            {
                'item_key': 'q5_6_1_admission_discharge_initiatives_other',
                'is_relevant': q5_6_1_admission_discharge_initiatives_other__is_relevant,
                'is_given': q5_6_1_admission_discharge_initiatives_other__is_given
            },
            {
                'item_key': 'q5_6_2_admission_discharge_challenges_other',
                'is_relevant': q5_6_2_admission_discharge_challenges_other__is_relevant,
                'is_given': q5_6_2_admission_discharge_challenges_other__is_given
            },
            {
                'item_key': 'q5_7_admission_discharge_reasons',
                'is_relevant': q5_7_admission_discharge_reasons__is_relevant,
                'is_given': q5_7_admission_discharge_reasons__is_given
            },
            {
                'item_key': 'q5_7_admission_discharge_reasons_other',
                'is_relevant': q5_7_admission_discharge_reasons_other__is_relevant,
                'is_given': q5_7_admission_discharge_reasons_other__is_given
            },
            { 'item_key': 'q6_emergency_engaged', 'is_relevant': true, 'is_given': q6_emergency_engaged__is_given },
            {
                'item_key': 'q6_1_emergency_vision',
                'is_relevant': q6_1_emergency_vision__is_relevant,
                'is_given': q6_1_emergency_vision__is_given
            },
            {
                'item_key': 'q6_2_emergency_assessment',
                'is_relevant': q6_2_emergency_assessment__is_relevant,
                'is_given': q6_2_emergency_assessment__is_given
            },
            {
                'item_key': 'q6_2_emergency_assessment_other',
                'is_relevant': q6_2_emergency_assessment_other__is_relevant,
                'is_given': q6_2_emergency_assessment_other__is_given
            },
            {
                'item_key': 'q6_3_emergency_goal',
                'is_relevant': q6_3_emergency_goal__is_relevant,
                'is_given': q6_3_emergency_goal__is_given
            },
            {
                'item_key': 'q6_4_emergency_indicator',
                'is_relevant': q6_4_emergency_indicator__is_relevant,
                'is_given': q6_4_emergency_indicator__is_given
            },
            {
                'item_key': 'q6_5_emergency_indicator_examples',
                'is_relevant': q6_5_emergency_indicator_examples__is_relevant,
                'is_given': q6_5_emergency_indicator_examples__is_given
            },
            {
                'item_key': 'q6_6_1_emergency_initiatives',
                'is_relevant': q6_6_1_emergency_initiatives__is_relevant,
                'is_given': q6_6_1_emergency_initiatives__is_given
            },
            {
                'item_key': 'q6_6_2_emergency_challenges',
                'is_relevant': q6_6_2_emergency_challenges__is_relevant,
                'is_given': q6_6_2_emergency_challenges__is_given
            },
            {
                'item_key': 'q6_6_1_emergency_initiatives_other',
                'is_relevant': q6_6_1_emergency_initiatives_other__is_relevant,
                'is_given': q6_6_1_emergency_initiatives_other__is_given
            },
            {
                'item_key': 'q6_6_2_emergency_challenges_other',
                'is_relevant': q6_6_2_emergency_challenges_other__is_relevant,
                'is_given': q6_6_2_emergency_challenges_other__is_given
            },
            {
                'item_key': 'q6_7_emergency_reasons',
                'is_relevant': q6_7_emergency_reasons__is_relevant,
                'is_given': q6_7_emergency_reasons__is_given
            },
            {
                'item_key': 'q6_7_emergency_reasons_other',
                'is_relevant': q6_7_emergency_reasons_other__is_relevant,
                'is_given': q6_7_emergency_reasons_other__is_given
            },
            { 'item_key': 'q7_end_of_life_engaged', 'is_relevant': true, 'is_given': q7_end_of_life_engaged__is_given },
            {
                'item_key': 'q7_1_end_of_life_vision',
                'is_relevant': q7_1_end_of_life_vision__is_relevant,
                'is_given': q7_1_end_of_life_vision__is_given
            },
            {
                'item_key': 'q7_2_end_of_life_assessment',
                'is_relevant': q7_2_end_of_life_assessment__is_relevant,
                'is_given': q7_2_end_of_life_assessment__is_given
            },
            {
                'item_key': 'q7_2_end_of_life_assessment_other',
                'is_relevant': q7_2_end_of_life_assessment_other__is_relevant,
                'is_given': q7_2_end_of_life_assessment_other__is_given
            },
            {
                'item_key': 'q7_3_end_of_life_goal',
                'is_relevant': q7_3_end_of_life_goal__is_relevant,
                'is_given': q7_3_end_of_life_goal__is_given
            },
            {
                'item_key': 'q7_4_end_of_life_indicator',
                'is_relevant': q7_4_end_of_life_indicator__is_relevant,
                'is_given': q7_4_end_of_life_indicator__is_given
            },
            {
                'item_key': 'q7_5_end_of_life_indicator_examples',
                'is_relevant': q7_5_end_of_life_indicator_examples__is_relevant,
                'is_given': q7_5_end_of_life_indicator_examples__is_given
            },
            {
                'item_key': 'q7_6_1_end_of_life_initiatives',
                'is_relevant': q7_6_1_end_of_life_initiatives__is_relevant,
                'is_given': q7_6_1_end_of_life_initiatives__is_given
            },
            {
                'item_key': 'q7_6_2_end_of_life_challenges',
                'is_relevant': q7_6_2_end_of_life_challenges__is_relevant,
                'is_given': q7_6_2_end_of_life_challenges__is_given
            },
            {
                'item_key': 'q7_6_1_end_of_life_initiatives_other',
                'is_relevant': q7_6_1_end_of_life_initiatives_other__is_relevant,
                'is_given': q7_6_1_end_of_life_initiatives_other__is_given
            },
            {
                'item_key': 'q7_6_2_end_of_life_challenges_other',
                'is_relevant': q7_6_2_end_of_life_challenges_other__is_relevant,
                'is_given': q7_6_2_end_of_life_challenges_other__is_given
            },
            {
                'item_key': 'q7_7_end_of_life_reasons',
                'is_relevant': q7_7_end_of_life_reasons__is_relevant,
                'is_given': q7_7_end_of_life_reasons__is_given
            },
            {
                'item_key': 'q7_7_end_of_life_reasons_other',
                'is_relevant': q7_7_end_of_life_reasons_other__is_relevant,
                'is_given': q7_7_end_of_life_reasons_other__is_given
            },
            { 'item_key': 'q8_dementia_engaged', 'is_relevant': true, 'is_given': q8_dementia_engaged__is_given },
            {
                'item_key': 'q8_1_dementia_scenes',
                'is_relevant': q8_1_dementia_scenes__is_relevant,
                'is_given': q8_1_dementia_scenes__is_given
            },
            {
                'item_key': 'q8_2_1_dementia_initiatives',
                'is_relevant': q8_2_1_dementia_initiatives__is_relevant,
                'is_given': q8_2_1_dementia_initiatives__is_given
            },
            {
                'item_key': 'q8_2_2_dementia_challenges',
                'is_relevant': q8_2_2_dementia_challenges__is_relevant,
                'is_given': q8_2_2_dementia_challenges__is_given
            },
            {
                'item_key': 'q8_2_1_dementia_initiatives_other',
                'is_relevant': q8_2_1_dementia_initiatives_other__is_relevant,
                'is_given': q8_2_1_dementia_initiatives_other__is_given
            },
            {
                'item_key': 'q8_2_2_dementia_challenges_other',
                'is_relevant': q8_2_2_dementia_challenges_other__is_relevant,
                'is_given': q8_2_2_dementia_challenges_other__is_given
            },
            {
                'item_key': 'q8_3_dementia_reasons',
                'is_relevant': q8_3_dementia_reasons__is_relevant,
                'is_given': q8_3_dementia_reasons__is_given
            },
            {
                'item_key': 'q8_3_dementia_reasons_other',
                'is_relevant': q8_3_dementia_reasons_other__is_relevant,
                'is_given': q8_3_dementia_reasons_other__is_given
            },
            { 'item_key': 'q9_infection_engaged', 'is_relevant': true, 'is_given': q9_infection_engaged__is_given },
            {
                'item_key': 'q9_1_infection_partners',
                'is_relevant': q9_1_infection_partners__is_relevant,
                'is_given': q9_1_infection_partners__is_given
            },
            {
                'item_key': 'q9_1_infection_partners_other',
                'is_relevant': q9_1_infection_partners_other__is_relevant,
                'is_given': q9_1_infection_partners_other__is_given
            },
            {
                'item_key': 'q9_2_1_infection_initiatives',
                'is_relevant': q9_2_1_infection_initiatives__is_relevant,
                'is_given': q9_2_1_infection_initiatives__is_given
            },
            {
                'item_key': 'q9_2_2_infection_challenges',
                'is_relevant': q9_2_2_infection_challenges__is_relevant,
                'is_given': q9_2_2_infection_challenges__is_given
            },
            {
                'item_key': 'q9_2_1_infection_initiatives_other',
                'is_relevant': q9_2_1_infection_initiatives_other__is_relevant,
                'is_given': q9_2_1_infection_initiatives_other__is_given
            },
            {
                'item_key': 'q9_2_2_infection_challenges_other',
                'is_relevant': q9_2_2_infection_challenges_other__is_relevant,
                'is_given': q9_2_2_infection_challenges_other__is_given
            },
            {
                'item_key': 'q9_3_infection_reasons',
                'is_relevant': q9_3_infection_reasons__is_relevant,
                'is_given': q9_3_infection_reasons__is_given
            },
            {
                'item_key': 'q9_3_infection_reasons_other',
                'is_relevant': q9_3_infection_reasons_other__is_relevant,
                'is_given': q9_3_infection_reasons_other__is_given
            },
            { 'item_key': 'q10_disaster_engaged', 'is_relevant': true, 'is_given': q10_disaster_engaged__is_given },
            {
                'item_key': 'q10_1_disaster_partners',
                'is_relevant': q10_1_disaster_partners__is_relevant,
                'is_given': q10_1_disaster_partners__is_given
            },
            {
                'item_key': 'q10_1_disaster_partners_other',
                'is_relevant': q10_1_disaster_partners_other__is_relevant,
                'is_given': q10_1_disaster_partners_other__is_given
            },
            {
                'item_key': 'q10_2_1_disaster_initiatives',
                'is_relevant': q10_2_1_disaster_initiatives__is_relevant,
                'is_given': q10_2_1_disaster_initiatives__is_given
            },
            {
                'item_key': 'q10_2_2_disaster_challenges',
                'is_relevant': q10_2_2_disaster_challenges__is_relevant,
                'is_given': q10_2_2_disaster_challenges__is_given
            },
            {
                'item_key': 'q10_2_1_disaster_initiatives_other',
                'is_relevant': q10_2_1_disaster_initiatives_other__is_relevant,
                'is_given': q10_2_1_disaster_initiatives_other__is_given
            },
            {
                'item_key': 'q10_2_2_disaster_challenges_other',
                'is_relevant': q10_2_2_disaster_challenges_other__is_relevant,
                'is_given': q10_2_2_disaster_challenges_other__is_given
            },
            {
                'item_key': 'q10_3_disaster_reasons',
                'is_relevant': q10_3_disaster_reasons__is_relevant,
                'is_given': q10_3_disaster_reasons__is_given
            },
            {
                'item_key': 'q10_3_disaster_reasons_other',
                'is_relevant': q10_3_disaster_reasons_other__is_relevant,
                'is_given': q10_3_disaster_reasons_other__is_given
            },
            { 'item_key': 'q11_1_1_challenges', 'is_relevant': true, 'is_given': q11_1_1_challenges__is_given },
            {
                'item_key': 'q11_1_2_top_priority_challenge',
                'is_relevant': true,
                'is_given': q11_1_2_top_priority_challenge__is_given
            },
            { 'item_key': 'q11_2_support_expected', 'is_relevant': true, 'is_given': q11_2_support_expected__is_given },
            {
                'item_key': 'q11_1_1_challenges_other',
                'is_relevant': q11_1_1_challenges_other__is_relevant,
                'is_given': q11_1_1_challenges_other__is_given
            },
            {
                'item_key': 'q11_1_2_top_priority_challenge_other',
                'is_relevant': q11_1_2_top_priority_challenge_other__is_relevant,
                'is_given': q11_1_2_top_priority_challenge_other__is_given
            },
            {
                'item_key': 'q11_2_support_expected_other',
                'is_relevant': q11_2_support_expected_other__is_relevant,
                'is_given': q11_2_support_expected_other__is_given
            },
            { 'item_key': 'q12_difficulties', 'is_relevant': true, 'is_given': q12_difficulties__is_given },
            { 'item_key': 'q13_coordinator', 'is_relevant': true, 'is_given': q13_coordinator__is_given },
            {
                'item_key': 'q13_1_full_time_dedicated_count',
                'is_relevant': q13_1_full_time_dedicated_count__is_relevant,
                'is_given': q13_1_full_time_dedicated_count__is_given
            },
            {
                'item_key': 'q13_1_full_time_concurrent_count',
                'is_relevant': q13_1_full_time_concurrent_count__is_relevant,
                'is_given': q13_1_full_time_concurrent_count__is_given
            },
            {
                'item_key': 'q13_1_part_time_count',
                'is_relevant': q13_1_part_time_count__is_relevant,
                'is_given': q13_1_part_time_count__is_given
            },
            {
                'item_key': 'q13_1_unknown_type_count',
                'is_relevant': q13_1_unknown_type_count__is_relevant,
                'is_given': q13_1_unknown_type_count__is_given
            },
            {
                'item_key': 'q13_2_coordinator_professions',
                'is_relevant': q13_2_coordinator_professions__is_relevant,
                'is_given': q13_2_coordinator_professions__is_given
            },
            {
                'item_key': 'q13_2_coordinator_professions_other',
                'is_relevant': q13_2_coordinator_professions_other__is_relevant,
                'is_given': q13_2_coordinator_professions_other__is_given
            },
            {
                'item_key': 'q13_3_coordinator_placement',
                'is_relevant': q13_3_coordinator_placement__is_relevant,
                'is_given': q13_3_coordinator_placement__is_given
            },
            {
                'item_key': 'q13_3_coordinator_placement_other',
                'is_relevant': q13_3_coordinator_placement_other__is_relevant,
                'is_given': q13_3_coordinator_placement_other__is_given
            },
            {
                'item_key': 'q13_4_coordinator_duties',
                'is_relevant': q13_4_coordinator_duties__is_relevant,
                'is_given': q13_4_coordinator_duties__is_given
            },
            {
                'item_key': 'q13_4_coordinator_duties_other',
                'is_relevant': q13_4_coordinator_duties_other__is_relevant,
                'is_given': q13_4_coordinator_duties_other__is_given
            },
            {
                'item_key': 'q13_5_coordinator_practices',
                'is_relevant': q13_5_coordinator_practices__is_relevant,
                'is_given': q13_5_coordinator_practices__is_given
            },
            {
                'item_key': 'q13_6_no_coordinator_reasons',
                'is_relevant': q13_6_no_coordinator_reasons__is_relevant,
                'is_given': q13_6_no_coordinator_reasons__is_given
            },
            {
                'item_key': 'q13_7_coordinator_issues',
                'is_relevant': true,
                'is_given': q13_7_coordinator_issues__is_given
            },
            { 'item_key': 'q14_base_linkage', 'is_relevant': true, 'is_given': q14_base_linkage__is_given },
            {
                'item_key': 'q14_1_operator_relation',
                'is_relevant': q14_1_operator_relation__is_relevant,
                'is_given': q14_1_operator_relation__is_given
            },
            {
                'item_key': 'q14_1_1_operator',
                'is_relevant': q14_1_1_operator__is_relevant,
                'is_given': q14_1_1_operator__is_given
            },
            {
                'item_key': 'q14_1_1_operator_other',
                'is_relevant': q14_1_1_operator_other__is_relevant,
                'is_given': q14_1_1_operator_other__is_given
            },
            {
                'item_key': 'q14_1_2_1_base_operator',
                'is_relevant': q14_1_2_1_base_operator__is_relevant,
                'is_given': q14_1_2_1_base_operator__is_given
            },
            {
                'item_key': 'q14_1_2_1_base_operator_other',
                'is_relevant': q14_1_2_1_base_operator_other__is_relevant,
                'is_given': q14_1_2_1_base_operator_other__is_given
            },
            {
                'item_key': 'q14_1_2_2_consultation_operator',
                'is_relevant': q14_1_2_2_consultation_operator__is_relevant,
                'is_given': q14_1_2_2_consultation_operator__is_given
            },
            {
                'item_key': 'q14_1_2_2_consultation_operator_other',
                'is_relevant': q14_1_2_2_consultation_operator_other__is_relevant,
                'is_given': q14_1_2_2_consultation_operator_other__is_given
            },
            {
                'item_key': 'q14_2_linkage_details',
                'is_relevant': q14_2_linkage_details__is_relevant,
                'is_given': q14_2_linkage_details__is_given
            }
        ]) as flag
    from skip_logic
    where fiscal_year = 2023
),

flags as (
    select * from edition_2015_2016
    union all
    select * from edition_2017
    union all
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
