-- コーディネーター本人の回答 (コーディネーター調査票 問1〜問5-4-1): one row per edition and coordinator return.
-- The items are those tagged {fact: coordinator_profile} in the codebook, by their role.
{{ config(meta={'facts': ['coordinator_profile']}) }}
with pivoted as (
    {{ fact_pivot('coordinator_profile', [
        'employment', 'days_per_week', 'hours_per_day', 'affiliation', 'affiliation_other', 'qualifications',
        'experience_years', 'experience_months', 'operation_mode', 'office_full_time_dedicated',
        'office_full_time_concurrent', 'office_part_time', 'duties', 'core_placed', 'is_core'
    ]) }}
),

profile as (
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
        days_per_week_number as days_per_week,
        hours_per_day_number as hours_per_day,
        days_per_week_status as working_time_status,
        affiliation_key,
        affiliation_label,
        affiliation_status,
        affiliation_other_text,
        qualifications_keys as qualification_keys,
        qualifications_status,
        experience_years_number as experience_years_part,
        experience_months_number as experience_months_part,
        operation_mode_key,
        operation_mode_status,
        office_full_time_dedicated_number as office_full_time_dedicated_count,
        office_full_time_concurrent_number as office_full_time_concurrent_count,
        office_part_time_number as office_part_time_count,
        duties_keys as duty_keys,
        duties_status,
        core_placed_key,
        core_placed_status,
        is_core_key,
        is_core_status
    from pivoted
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
