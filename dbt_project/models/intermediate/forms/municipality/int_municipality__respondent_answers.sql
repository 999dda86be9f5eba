-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per municipality return, one column per item of any edition: the answers as written.
select
    submissions.fiscal_year,
    submissions.form,
    submissions.respondent_key,
    submissions.submission_id,
    max(answers.answer_text) filter (where answers.item_key = 'f1_municipality_code') as f1_municipality_code,
    max(answers.answer_code) filter (where answers.item_key = 'a_status') as a_status,
    max(answers.answer_code) filter (where answers.item_key = 'b_status') as b_status,
    max(answers.answer_code) filter (where answers.item_key = 'c_status') as c_status,
    max(answers.answer_code) filter (where answers.item_key = 'd_status') as d_status,
    max(answers.answer_code) filter (where answers.item_key = 'e_status') as e_status,
    max(answers.answer_code) filter (where answers.item_key = 'f_status') as f_status,
    max(answers.answer_code) filter (where answers.item_key = 'g_status') as g_status,
    max(answers.answer_code) filter (where answers.item_key = 'h_status') as h_status,
    max(answers.answer_code) filter (where answers.item_key = 'support_received') as support_received,
    max(answers.answer_code) filter (where answers.item_key = 'a_outsourced') as a_outsourced,
    max(answers.answer_code) filter (where answers.item_key = 'b_outsourced') as b_outsourced,
    max(answers.answer_code) filter (where answers.item_key = 'c_outsourced') as c_outsourced,
    max(answers.answer_code) filter (where answers.item_key = 'd_outsourced') as d_outsourced,
    max(answers.answer_code) filter (where answers.item_key = 'e_outsourced') as e_outsourced,
    max(answers.answer_code) filter (where answers.item_key = 'f_outsourced') as f_outsourced,
    max(answers.answer_code) filter (where answers.item_key = 'g_outsourced') as g_outsourced,
    max(answers.answer_code) filter (where answers.item_key = 'h_outsourced') as h_outsourced,
    max(answers.answer_code) filter (where answers.item_key = 'a_contractor') as a_contractor,
    max(answers.answer_code) filter (where answers.item_key = 'b_contractor') as b_contractor,
    max(answers.answer_code) filter (where answers.item_key = 'c_contractor') as c_contractor,
    max(answers.answer_code) filter (where answers.item_key = 'd_contractor') as d_contractor,
    max(answers.answer_code) filter (where answers.item_key = 'e_contractor') as e_contractor,
    max(answers.answer_code) filter (where answers.item_key = 'f_contractor') as f_contractor,
    max(answers.answer_code) filter (where answers.item_key = 'g_contractor') as g_contractor,
    max(answers.answer_code) filter (where answers.item_key = 'h_contractor') as h_contractor,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'challenges' and answers.is_ticked
    ) as challenges,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'support_wanted' and answers.is_ticked
    ) as support_wanted,
    max(answers.answer_text) filter (where answers.item_key = 'support_wanted_other') as support_wanted_other,
    max(answers.answer_code) filter (
        where answers.item_key = 'q1_implementation_structure'
    ) as q1_implementation_structure,
    max(answers.answer_code) filter (where answers.item_key = 'q2_council') as q2_council,
    max(answers.answer_code) filter (where answers.item_key = 'q2_1_council_entrusted') as q2_1_council_entrusted,
    max(answers.answer_code) filter (where answers.item_key = 'q2_2_council_frequency') as q2_2_council_frequency,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q2_3_council_topics' and answers.is_ticked
    ) as q2_3_council_topics,
    max(answers.answer_text) filter (where answers.item_key = 'q2_3_council_topics_other') as q2_3_council_topics_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q2_4_council_members' and answers.is_ticked
    ) as q2_4_council_members,
    max(answers.answer_text) filter (
        where answers.item_key = 'q2_4_council_members_other'
    ) as q2_4_council_members_other,
    max(answers.answer_text) filter (where answers.item_key = 'q2_5_council_practices') as q2_5_council_practices,
    max(answers.answer_code) filter (where answers.item_key = 'q3_vision_four_scenes') as q3_vision_four_scenes,
    max(answers.answer_code) filter (where answers.item_key = 'q3_1_vision_sharing') as q3_1_vision_sharing,
    max(answers.answer_code) filter (where answers.item_key = 'q4_daily_care_engaged') as q4_daily_care_engaged,
    max(answers.answer_code) filter (where answers.item_key = 'q4_1_daily_care_vision') as q4_1_daily_care_vision,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q4_2_daily_care_assessment' and answers.is_ticked
    ) as q4_2_daily_care_assessment,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_2_daily_care_assessment_other'
    ) as q4_2_daily_care_assessment_other,
    max(answers.answer_code) filter (where answers.item_key = 'q4_3_daily_care_goal') as q4_3_daily_care_goal,
    max(answers.answer_code) filter (where answers.item_key = 'q4_4_daily_care_indicator') as q4_4_daily_care_indicator,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_5_daily_care_indicator_examples'
    ) as q4_5_daily_care_indicator_examples,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q4_6_1_daily_care_initiatives' and answers.is_ticked
    ) as q4_6_1_daily_care_initiatives,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q4_6_2_daily_care_challenges' and answers.is_ticked
    ) as q4_6_2_daily_care_challenges,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_6_1_daily_care_initiatives_other'
    ) as q4_6_1_daily_care_initiatives_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_6_2_daily_care_challenges_other'
    ) as q4_6_2_daily_care_challenges_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q4_7_daily_care_reasons' and answers.is_ticked
    ) as q4_7_daily_care_reasons,
    max(answers.answer_text) filter (
        where answers.item_key = 'q4_7_daily_care_reasons_other'
    ) as q4_7_daily_care_reasons_other,
    max(answers.answer_code) filter (
        where answers.item_key = 'q5_admission_discharge_engaged'
    ) as q5_admission_discharge_engaged,
    max(answers.answer_code) filter (
        where answers.item_key = 'q5_1_admission_discharge_vision'
    ) as q5_1_admission_discharge_vision,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q5_2_admission_discharge_assessment' and answers.is_ticked
    ) as q5_2_admission_discharge_assessment,
    max(answers.answer_text) filter (
        where answers.item_key = 'q5_2_admission_discharge_assessment_other'
    ) as q5_2_admission_discharge_assessment_other,
    max(answers.answer_code) filter (
        where answers.item_key = 'q5_3_admission_discharge_goal'
    ) as q5_3_admission_discharge_goal,
    max(answers.answer_code) filter (
        where answers.item_key = 'q5_4_admission_discharge_indicator'
    ) as q5_4_admission_discharge_indicator,
    max(answers.answer_text) filter (
        where answers.item_key = 'q5_5_admission_discharge_indicator_examples'
    ) as q5_5_admission_discharge_indicator_examples,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q5_6_1_admission_discharge_initiatives' and answers.is_ticked
    ) as q5_6_1_admission_discharge_initiatives,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q5_6_2_admission_discharge_challenges' and answers.is_ticked
    ) as q5_6_2_admission_discharge_challenges,
    max(answers.answer_text) filter (
        where answers.item_key = 'q5_6_1_admission_discharge_initiatives_other'
    ) as q5_6_1_admission_discharge_initiatives_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q5_6_2_admission_discharge_challenges_other'
    ) as q5_6_2_admission_discharge_challenges_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q5_7_admission_discharge_reasons' and answers.is_ticked
    ) as q5_7_admission_discharge_reasons,
    max(answers.answer_text) filter (
        where answers.item_key = 'q5_7_admission_discharge_reasons_other'
    ) as q5_7_admission_discharge_reasons_other,
    max(answers.answer_code) filter (where answers.item_key = 'q6_emergency_engaged') as q6_emergency_engaged,
    max(answers.answer_code) filter (where answers.item_key = 'q6_1_emergency_vision') as q6_1_emergency_vision,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q6_2_emergency_assessment' and answers.is_ticked
    ) as q6_2_emergency_assessment,
    max(answers.answer_text) filter (
        where answers.item_key = 'q6_2_emergency_assessment_other'
    ) as q6_2_emergency_assessment_other,
    max(answers.answer_code) filter (where answers.item_key = 'q6_3_emergency_goal') as q6_3_emergency_goal,
    max(answers.answer_code) filter (where answers.item_key = 'q6_4_emergency_indicator') as q6_4_emergency_indicator,
    max(answers.answer_text) filter (
        where answers.item_key = 'q6_5_emergency_indicator_examples'
    ) as q6_5_emergency_indicator_examples,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q6_6_1_emergency_initiatives' and answers.is_ticked
    ) as q6_6_1_emergency_initiatives,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q6_6_2_emergency_challenges' and answers.is_ticked
    ) as q6_6_2_emergency_challenges,
    max(answers.answer_text) filter (
        where answers.item_key = 'q6_6_1_emergency_initiatives_other'
    ) as q6_6_1_emergency_initiatives_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q6_6_2_emergency_challenges_other'
    ) as q6_6_2_emergency_challenges_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q6_7_emergency_reasons' and answers.is_ticked
    ) as q6_7_emergency_reasons,
    max(answers.answer_text) filter (
        where answers.item_key = 'q6_7_emergency_reasons_other'
    ) as q6_7_emergency_reasons_other,
    max(answers.answer_code) filter (where answers.item_key = 'q7_end_of_life_engaged') as q7_end_of_life_engaged,
    max(answers.answer_code) filter (where answers.item_key = 'q7_1_end_of_life_vision') as q7_1_end_of_life_vision,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q7_2_end_of_life_assessment' and answers.is_ticked
    ) as q7_2_end_of_life_assessment,
    max(answers.answer_text) filter (
        where answers.item_key = 'q7_2_end_of_life_assessment_other'
    ) as q7_2_end_of_life_assessment_other,
    max(answers.answer_code) filter (where answers.item_key = 'q7_3_end_of_life_goal') as q7_3_end_of_life_goal,
    max(answers.answer_code) filter (
        where answers.item_key = 'q7_4_end_of_life_indicator'
    ) as q7_4_end_of_life_indicator,
    max(answers.answer_text) filter (
        where answers.item_key = 'q7_5_end_of_life_indicator_examples'
    ) as q7_5_end_of_life_indicator_examples,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q7_6_1_end_of_life_initiatives' and answers.is_ticked
    ) as q7_6_1_end_of_life_initiatives,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q7_6_2_end_of_life_challenges' and answers.is_ticked
    ) as q7_6_2_end_of_life_challenges,
    max(answers.answer_text) filter (
        where answers.item_key = 'q7_6_1_end_of_life_initiatives_other'
    ) as q7_6_1_end_of_life_initiatives_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q7_6_2_end_of_life_challenges_other'
    ) as q7_6_2_end_of_life_challenges_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q7_7_end_of_life_reasons' and answers.is_ticked
    ) as q7_7_end_of_life_reasons,
    max(answers.answer_text) filter (
        where answers.item_key = 'q7_7_end_of_life_reasons_other'
    ) as q7_7_end_of_life_reasons_other,
    max(answers.answer_code) filter (where answers.item_key = 'q8_dementia_engaged') as q8_dementia_engaged,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q8_1_dementia_scenes' and answers.is_ticked
    ) as q8_1_dementia_scenes,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q8_2_1_dementia_initiatives' and answers.is_ticked
    ) as q8_2_1_dementia_initiatives,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q8_2_2_dementia_challenges' and answers.is_ticked
    ) as q8_2_2_dementia_challenges,
    max(answers.answer_text) filter (
        where answers.item_key = 'q8_2_1_dementia_initiatives_other'
    ) as q8_2_1_dementia_initiatives_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q8_2_2_dementia_challenges_other'
    ) as q8_2_2_dementia_challenges_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q8_3_dementia_reasons' and answers.is_ticked
    ) as q8_3_dementia_reasons,
    max(answers.answer_text) filter (
        where answers.item_key = 'q8_3_dementia_reasons_other'
    ) as q8_3_dementia_reasons_other,
    max(answers.answer_code) filter (where answers.item_key = 'q9_infection_engaged') as q9_infection_engaged,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q9_1_infection_partners' and answers.is_ticked
    ) as q9_1_infection_partners,
    max(answers.answer_text) filter (
        where answers.item_key = 'q9_1_infection_partners_other'
    ) as q9_1_infection_partners_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q9_2_1_infection_initiatives' and answers.is_ticked
    ) as q9_2_1_infection_initiatives,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q9_2_2_infection_challenges' and answers.is_ticked
    ) as q9_2_2_infection_challenges,
    max(answers.answer_text) filter (
        where answers.item_key = 'q9_2_1_infection_initiatives_other'
    ) as q9_2_1_infection_initiatives_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q9_2_2_infection_challenges_other'
    ) as q9_2_2_infection_challenges_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q9_3_infection_reasons' and answers.is_ticked
    ) as q9_3_infection_reasons,
    max(answers.answer_text) filter (
        where answers.item_key = 'q9_3_infection_reasons_other'
    ) as q9_3_infection_reasons_other,
    max(answers.answer_code) filter (where answers.item_key = 'q10_disaster_engaged') as q10_disaster_engaged,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q10_1_disaster_partners' and answers.is_ticked
    ) as q10_1_disaster_partners,
    max(answers.answer_text) filter (
        where answers.item_key = 'q10_1_disaster_partners_other'
    ) as q10_1_disaster_partners_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q10_2_1_disaster_initiatives' and answers.is_ticked
    ) as q10_2_1_disaster_initiatives,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q10_2_2_disaster_challenges' and answers.is_ticked
    ) as q10_2_2_disaster_challenges,
    max(answers.answer_text) filter (
        where answers.item_key = 'q10_2_1_disaster_initiatives_other'
    ) as q10_2_1_disaster_initiatives_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q10_2_2_disaster_challenges_other'
    ) as q10_2_2_disaster_challenges_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q10_3_disaster_reasons' and answers.is_ticked
    ) as q10_3_disaster_reasons,
    max(answers.answer_text) filter (
        where answers.item_key = 'q10_3_disaster_reasons_other'
    ) as q10_3_disaster_reasons_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q11_1_1_challenges' and answers.is_ticked
    ) as q11_1_1_challenges,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q11_1_2_top_priority_challenge' and answers.is_ticked
    ) as q11_1_2_top_priority_challenge,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q11_2_support_expected' and answers.is_ticked
    ) as q11_2_support_expected,
    max(answers.answer_text) filter (where answers.item_key = 'q11_1_1_challenges_other') as q11_1_1_challenges_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q11_1_2_top_priority_challenge_other'
    ) as q11_1_2_top_priority_challenge_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q11_2_support_expected_other'
    ) as q11_2_support_expected_other,
    max(answers.answer_text) filter (where answers.item_key = 'q12_difficulties') as q12_difficulties,
    max(answers.answer_code) filter (where answers.item_key = 'q13_coordinator') as q13_coordinator,
    max(answers.answer_number) filter (
        where answers.item_key = 'q13_1_full_time_dedicated_count'
    ) as q13_1_full_time_dedicated_count,
    max(answers.answer_number) filter (
        where answers.item_key = 'q13_1_full_time_concurrent_count'
    ) as q13_1_full_time_concurrent_count,
    max(answers.answer_number) filter (where answers.item_key = 'q13_1_part_time_count') as q13_1_part_time_count,
    max(answers.answer_number) filter (where answers.item_key = 'q13_1_unknown_type_count') as q13_1_unknown_type_count,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q13_2_coordinator_professions' and answers.is_ticked
    ) as q13_2_coordinator_professions,
    max(answers.answer_text) filter (
        where answers.item_key = 'q13_2_coordinator_professions_other'
    ) as q13_2_coordinator_professions_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q13_3_coordinator_placement' and answers.is_ticked
    ) as q13_3_coordinator_placement,
    max(answers.answer_text) filter (
        where answers.item_key = 'q13_3_coordinator_placement_other'
    ) as q13_3_coordinator_placement_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q13_4_coordinator_duties' and answers.is_ticked
    ) as q13_4_coordinator_duties,
    max(answers.answer_text) filter (
        where answers.item_key = 'q13_4_coordinator_duties_other'
    ) as q13_4_coordinator_duties_other,
    max(answers.answer_text) filter (
        where answers.item_key = 'q13_5_coordinator_practices'
    ) as q13_5_coordinator_practices,
    max(answers.answer_text) filter (
        where answers.item_key = 'q13_6_no_coordinator_reasons'
    ) as q13_6_no_coordinator_reasons,
    max(answers.answer_text) filter (where answers.item_key = 'q13_7_coordinator_issues') as q13_7_coordinator_issues,
    max(answers.answer_code) filter (where answers.item_key = 'q14_base_linkage') as q14_base_linkage,
    max(answers.answer_code) filter (where answers.item_key = 'q14_1_operator_relation') as q14_1_operator_relation,
    max(answers.answer_code) filter (where answers.item_key = 'q14_1_1_operator') as q14_1_1_operator,
    max(answers.answer_text) filter (where answers.item_key = 'q14_1_1_operator_other') as q14_1_1_operator_other,
    max(answers.answer_code) filter (where answers.item_key = 'q14_1_2_1_base_operator') as q14_1_2_1_base_operator,
    max(answers.answer_text) filter (
        where answers.item_key = 'q14_1_2_1_base_operator_other'
    ) as q14_1_2_1_base_operator_other,
    max(answers.answer_code) filter (
        where answers.item_key = 'q14_1_2_2_consultation_operator'
    ) as q14_1_2_2_consultation_operator,
    max(answers.answer_text) filter (
        where answers.item_key = 'q14_1_2_2_consultation_operator_other'
    ) as q14_1_2_2_consultation_operator_other,
    max(answers.answer_text) filter (where answers.item_key = 'q14_2_linkage_details') as q14_2_linkage_details,
    count(answers.item_key) as answer_cells
from {{ ref('stg_raw__submissions') }} as submissions
left join {{ ref('stg_raw__answers') }} as answers
    on submissions.submission_id = answers.submission_id
where submissions.form = 'municipality' and {{ is_new_return('submissions.submission_id') }}
group by submissions.fiscal_year, submissions.form, submissions.respondent_key, submissions.submission_id
