-- コーディネーターの配置 (市町村 問13・13-1〜13-4, 都道府県 問11・11-1〜11-4): one row per edition and
-- municipality or prefecture return. The items are those tagged {fact: coordinator_headcount} in the
-- codebooks: the presence item, the head count per employment type it opens, and the professions /
-- placement / duties lists. A blank head count stays null (never 0).
{{ config(meta={'facts': ['coordinator_headcount']}) }}
with pivoted as (
    {{ fact_pivot('coordinator_headcount', [
        'presence', 'full_time_dedicated', 'full_time_concurrent', 'part_time', 'unknown_type', 'professions',
        'placement', 'duties'
    ]) }}
),

headcount as (
    select
        *,
        full_time_dedicated_number as full_time_dedicated_count,
        full_time_concurrent_number as full_time_concurrent_count,
        part_time_number as part_time_count,
        unknown_type_number as unknown_type_count,
        [full_time_dedicated_status, full_time_concurrent_status, part_time_status, unknown_type_status]
            as count_statuses
    from pivoted
),

counted as (
    select
        *,
        len(list_filter(count_statuses, lambda s: s is not null)) as count_items,
        len(list_filter(count_statuses, lambda s: s = 'answered')) as count_items_answered,
        len(list_filter(count_statuses, lambda s: s = 'skipped')) as count_items_skipped
    from headcount
)

select
    {{ respondent_columns() }},
    presence_key,
    presence_label,
    presence_status,
    full_time_dedicated_count,
    full_time_concurrent_count,
    part_time_count,
    unknown_type_count,
    professions_keys as profession_keys,
    professions_status,
    placement_keys,
    placement_status,
    duties_keys as duty_keys,
    duties_status,
    fiscal_year || ':' || respondent_key as fact_key,
    case presence_key when 'present' then true when 'absent' then false end as has_coordinator,
    case
        when count_items_answered > 0
            then
                coalesce(full_time_dedicated_count, 0) + coalesce(full_time_concurrent_count, 0)
                + coalesce(part_time_count, 0) + coalesce(unknown_type_count, 0)
    end as total_count,
    case
        when count_items_skipped = count_items then 'skipped'
        when count_items_answered = count_items then 'answered'
        when count_items_answered > 0 then 'partial'
        else 'missing'
    end as counts_status
from counted
