-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per coordinator return, one column per item of any edition: the answers as written.
select
    submissions.fiscal_year,
    submissions.form,
    submissions.respondent_key,
    submissions.submission_id,
    max(answers.answer_text) filter (where answers.item_key = 'f1_1_municipality_code') as f1_1_municipality_code,
    max(answers.answer_text) filter (where answers.item_key = 'f1_2_prefecture_code') as f1_2_prefecture_code,
    max(answers.answer_code) filter (where answers.item_key = 'q1_employment_status') as q1_employment_status,
    max(answers.answer_number) filter (where answers.item_key = 'q1_1_days_per_week') as q1_1_days_per_week,
    max(answers.answer_number) filter (where answers.item_key = 'q1_1_hours_per_day') as q1_1_hours_per_day,
    max(answers.answer_code) filter (where answers.item_key = 'q2_affiliation') as q2_affiliation,
    max(answers.answer_text) filter (where answers.item_key = 'q2_affiliation_other') as q2_affiliation_other,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q3_qualifications' and answers.is_ticked
    ) as q3_qualifications,
    max(answers.answer_text) filter (where answers.item_key = 'q3_qualifications_other') as q3_qualifications_other,
    max(answers.answer_number) filter (where answers.item_key = 'q4_experience_years') as q4_experience_years,
    max(answers.answer_number) filter (where answers.item_key = 'q4_experience_months') as q4_experience_months,
    max(answers.answer_code) filter (where answers.item_key = 'q5_1_operation_mode') as q5_1_operation_mode,
    max(answers.answer_number) filter (
        where answers.item_key = 'q5_2_full_time_dedicated_count'
    ) as q5_2_full_time_dedicated_count,
    max(answers.answer_number) filter (
        where answers.item_key = 'q5_2_full_time_concurrent_count'
    ) as q5_2_full_time_concurrent_count,
    max(answers.answer_number) filter (where answers.item_key = 'q5_2_part_time_count') as q5_2_part_time_count,
    list(answers.option_code order by answers.option_code) filter (
        where answers.item_key = 'q5_3_duties' and answers.is_ticked
    ) as q5_3_duties,
    max(answers.answer_text) filter (where answers.item_key = 'q5_3_duties_other') as q5_3_duties_other,
    max(answers.answer_code) filter (
        where answers.item_key = 'q5_4_core_coordinator_placed'
    ) as q5_4_core_coordinator_placed,
    max(answers.answer_code) filter (where answers.item_key = 'q5_4_1_respondent_is_core') as q5_4_1_respondent_is_core,
    max(answers.answer_text) filter (
        where answers.item_key = 'q5_4_2_core_field_relationship'
    ) as q5_4_2_core_field_relationship,
    max(answers.answer_text) filter (where answers.item_key = 'q5_5_practices') as q5_5_practices,
    max(answers.answer_text) filter (where answers.item_key = 'q5_6_issues') as q5_6_issues,
    max(answers.answer_text) filter (where answers.item_key = 'q5_7_support_requests') as q5_7_support_requests,
    count(answers.item_key) as answer_cells
from {{ ref('stg_raw__submissions') }} as submissions
left join {{ ref('stg_raw__answers') }} as answers
    on submissions.submission_id = answers.submission_id
where submissions.form = 'coordinator' and {{ is_new_return('submissions.submission_id') }}
group by submissions.fiscal_year, submissions.form, submissions.respondent_key, submissions.submission_id
