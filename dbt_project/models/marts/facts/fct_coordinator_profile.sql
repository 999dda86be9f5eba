-- コーディネーター本人の回答 (コーディネーター調査票 問1〜問5-4-1): one row per edition and coordinator return.
-- The items are those tagged {fact: coordinator_profile} in the codebook, by their role; the experience of 問4
-- (年 + ヶ月) is intermediate.int_coordinator_experience's, the definition the report's charts of 問4 band too.
{{ config(meta={'facts': ['coordinator_profile']}) }}
with pivoted as (
    {{ fact_pivot('coordinator_profile', [
        'employment', 'days_per_week', 'hours_per_day', 'affiliation', 'affiliation_other', 'qualifications',
        'operation_mode', 'office_full_time_dedicated',
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
),

experience as (
    select
        submission_id,
        experience_years_part,
        experience_months_part,
        experience_years,
        experience_status
    from {{ ref('int_coordinator_experience') }}
)

select
    profile.fiscal_year,
    profile.respondent_key,
    profile.submission_id,
    profile.coordinator_level,
    profile.municipality_code,
    profile.municipality_id,
    profile.prefecture_code,
    profile.employment_key,
    profile.employment_label,
    profile.employment_status,
    profile.days_per_week,
    profile.hours_per_day,
    profile.working_time_status,
    profile.affiliation_key,
    profile.affiliation_label,
    profile.affiliation_status,
    profile.affiliation_other_text,
    profile.qualification_keys,
    profile.qualifications_status,
    experience.experience_years_part,
    experience.experience_months_part,
    profile.operation_mode_key,
    profile.operation_mode_status,
    profile.office_full_time_dedicated_count,
    profile.office_full_time_concurrent_count,
    profile.office_part_time_count,
    profile.duty_keys,
    profile.duties_status,
    profile.core_placed_status,
    profile.is_core_status,
    experience.experience_years,
    profile.fiscal_year || ':' || profile.respondent_key as coordinator_id,
    coalesce(experience.experience_status, 'missing') as experience_status,
    case profile.core_placed_key when 'yes' then true when 'no' then false end as is_core_placed,
    case profile.is_core_key when 'yes' then true when 'no' then false end as is_core,
    case profile.is_core_key when 'yes' then 'core' when 'no' then 'field' end as coordinator_role
from profile
left join experience on profile.submission_id = experience.submission_id
