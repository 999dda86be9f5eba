-- コーディネーターの配置 (市町村 問13・13-1〜13-4, 都道府県 問11・11-1〜11-4): one row per edition and
-- municipality or prefecture return. Items are found by key: the presence item q<n>_coordinator, the
-- head counts q<n>_1_<employment type>_count opened by it, and the *_coordinator_professions / placement
-- / duties lists. A blank head count stays null (never 0).
with answers as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        respondent_kind,
        municipality_code,
        municipality_id,
        prefecture_code,
        item_key,
        item_type,
        parent_item_key,
        answer_status,
        answer_option_key,
        answer_option_label,
        answer_number,
        ticked_option_keys,
        case
            when regexp_matches(item_key, '^q[0-9]+_coordinator$') then 'presence'
            when
                item_type = 'number' and regexp_matches(parent_item_key, '^q[0-9]+_coordinator$')
                then regexp_extract(item_key, '^q[0-9]+_[0-9]+_(.+)_count$', 1)
            when item_key like '%\_coordinator\_professions' escape '\' then 'professions'
            when item_key like '%\_coordinator\_placement' escape '\' then 'placement'
            when item_key like '%\_coordinator\_duties' escape '\' then 'duties'
        end as coordinator_role
    from {{ ref('int_item_answers') }}
    where form in ('municipality', 'prefecture') and {{ is_new_return() }}
),

headcount as (
    select
        fiscal_year,
        form,
        respondent_key,
        any_value(submission_id) as submission_id,
        any_value(respondent_kind) as respondent_kind,
        any_value(municipality_code) as municipality_code,
        any_value(municipality_id) as municipality_id,
        any_value(prefecture_code) as prefecture_code,
        any_value(answer_status) filter (where coordinator_role = 'presence') as presence_status,
        any_value(answer_option_key) filter (where coordinator_role = 'presence') as presence_key,
        any_value(answer_option_label) filter (where coordinator_role = 'presence') as presence_label,
        any_value(answer_number) filter (where coordinator_role = 'full_time_dedicated') as full_time_dedicated_count,
        any_value(answer_number) filter (
            where coordinator_role = 'full_time_concurrent'
        ) as full_time_concurrent_count,
        any_value(answer_number) filter (where coordinator_role = 'part_time') as part_time_count,
        any_value(answer_number) filter (where coordinator_role = 'unknown_type') as unknown_type_count,
        count(*) filter (
            where coordinator_role like '%time%' or coordinator_role = 'unknown_type'
        ) as count_items,
        count(*) filter (
            where (coordinator_role like '%time%' or coordinator_role = 'unknown_type') and answer_status = 'answered'
        ) as count_items_answered,
        count(*) filter (
            where (coordinator_role like '%time%' or coordinator_role = 'unknown_type') and answer_status = 'skipped'
        ) as count_items_skipped,
        any_value(answer_status) filter (where coordinator_role = 'professions') as professions_status,
        any_value(ticked_option_keys) filter (where coordinator_role = 'professions') as profession_keys,
        any_value(answer_status) filter (where coordinator_role = 'placement') as placement_status,
        any_value(ticked_option_keys) filter (where coordinator_role = 'placement') as placement_keys,
        any_value(answer_status) filter (where coordinator_role = 'duties') as duties_status,
        any_value(ticked_option_keys) filter (where coordinator_role = 'duties') as duty_keys
    from answers
    where coordinator_role is not null
    group by fiscal_year, form, respondent_key
)

select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    respondent_kind,
    municipality_code,
    municipality_id,
    prefecture_code,
    presence_key,
    presence_label,
    presence_status,
    full_time_dedicated_count,
    full_time_concurrent_count,
    part_time_count,
    unknown_type_count,
    profession_keys,
    professions_status,
    placement_keys,
    placement_status,
    duty_keys,
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
from headcount
