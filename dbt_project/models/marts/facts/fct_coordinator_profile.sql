-- コーディネーター本人の回答 (コーディネーター調査票 問1〜問5-4-1): one row per edition and coordinator return.
with answers as (
    select
        fiscal_year,
        respondent_key,
        submission_id,
        coordinator_level,
        municipality_code,
        municipality_id,
        prefecture_code,
        item_key,
        answer_status,
        answer_option_key,
        answer_option_label,
        answer_number,
        answer_text,
        ticked_option_keys
    from {{ ref('int_item_answers') }}
    where form = 'coordinator' and {{ is_new_return() }}
),

profile as (
    select
        fiscal_year,
        respondent_key,
        any_value(submission_id) as submission_id,
        any_value(coordinator_level) as coordinator_level,
        any_value(municipality_code) as municipality_code,
        any_value(municipality_id) as municipality_id,
        any_value(prefecture_code) as prefecture_code,
        any_value(answer_option_key) filter (where item_key = 'q1_employment_status') as employment_key,
        any_value(answer_option_label) filter (where item_key = 'q1_employment_status') as employment_label,
        any_value(answer_status) filter (where item_key = 'q1_employment_status') as employment_status,
        any_value(answer_number) filter (where item_key = 'q1_1_days_per_week') as days_per_week,
        any_value(answer_number) filter (where item_key = 'q1_1_hours_per_day') as hours_per_day,
        any_value(answer_status) filter (where item_key = 'q1_1_days_per_week') as working_time_status,
        any_value(answer_option_key) filter (where item_key = 'q2_affiliation') as affiliation_key,
        any_value(answer_option_label) filter (where item_key = 'q2_affiliation') as affiliation_label,
        any_value(answer_status) filter (where item_key = 'q2_affiliation') as affiliation_status,
        any_value(answer_text) filter (where item_key = 'q2_affiliation_other') as affiliation_other_text,
        any_value(ticked_option_keys) filter (where item_key = 'q3_qualifications') as qualification_keys,
        any_value(answer_status) filter (where item_key = 'q3_qualifications') as qualifications_status,
        any_value(answer_number) filter (where item_key = 'q4_experience_years') as experience_years_part,
        any_value(answer_number) filter (where item_key = 'q4_experience_months') as experience_months_part,
        any_value(answer_option_key) filter (where item_key = 'q5_1_operation_mode') as operation_mode_key,
        any_value(answer_status) filter (where item_key = 'q5_1_operation_mode') as operation_mode_status,
        any_value(answer_number) filter (
            where item_key = 'q5_2_full_time_dedicated_count'
        ) as office_full_time_dedicated_count,
        any_value(answer_number) filter (
            where item_key = 'q5_2_full_time_concurrent_count'
        ) as office_full_time_concurrent_count,
        any_value(answer_number) filter (where item_key = 'q5_2_part_time_count') as office_part_time_count,
        any_value(ticked_option_keys) filter (where item_key = 'q5_3_duties') as duty_keys,
        any_value(answer_status) filter (where item_key = 'q5_3_duties') as duties_status,
        any_value(answer_option_key) filter (where item_key = 'q5_4_core_coordinator_placed') as core_placed_key,
        any_value(answer_status) filter (where item_key = 'q5_4_core_coordinator_placed') as core_placed_status,
        any_value(answer_option_key) filter (where item_key = 'q5_4_1_respondent_is_core') as is_core_key,
        any_value(answer_status) filter (where item_key = 'q5_4_1_respondent_is_core') as is_core_status
    from answers
    group by fiscal_year, respondent_key
)

select
    fiscal_year,
    respondent_key,
    submission_id,
    coordinator_level,
    municipality_code,
    municipality_id,
    prefecture_code,
    employment_key,
    employment_label,
    employment_status,
    days_per_week,
    hours_per_day,
    working_time_status,
    affiliation_key,
    affiliation_label,
    affiliation_status,
    affiliation_other_text,
    qualification_keys,
    qualifications_status,
    experience_years_part,
    experience_months_part,
    operation_mode_key,
    operation_mode_status,
    office_full_time_dedicated_count,
    office_full_time_concurrent_count,
    office_part_time_count,
    duty_keys,
    duties_status,
    core_placed_status,
    is_core_status,
    fiscal_year || ':' || respondent_key as coordinator_id,
    case
        when experience_years_part is not null or experience_months_part is not null
            then coalesce(experience_years_part, 0) + coalesce(experience_months_part, 0) / 12.0
    end as experience_years,
    case
        when experience_years_part is not null and experience_months_part is not null then 'answered'
        when experience_years_part is not null or experience_months_part is not null then 'partial'
        else 'missing'
    end as experience_status,
    case core_placed_key when 'yes' then true when 'no' then false end as is_core_placed,
    case is_core_key when 'yes' then true when 'no' then false end as is_core,
    case is_core_key when 'yes' then 'core' when 'no' then 'field' end as coordinator_role
from profile
