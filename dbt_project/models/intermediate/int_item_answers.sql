-- every respondent x codebook item of the current returns, with the codebook's
-- type and tags, the three-valued status and the effective answer with its option keys resolved.
-- An off-path answer (given where the item did not apply) counts as skipped, as DESIGN.md section 4 asks.

with item_status as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        item_key,
        status
    from {{ ref('int_item_status') }}
    where {{ is_new_return() }}
),

item_values as (
    select
        submission_id,
        item_key,
        answer_code,
        answer_number,
        answer_text,
        ticked_codes
    from {{ ref('int_item_values') }}
    where status = 'answered' and {{ is_new_return() }}
),

submissions as (
    select
        submission_id,
        respondent_kind,
        prefecture_code,
        municipality_code,
        municipality_id,
        coordinator_level
    from {{ ref('stg_raw__submissions') }}
),

items as (
    select
        edition,
        form,
        item_key,
        question,
        item_type,
        scenario_key,
        measure,
        parent_item_key
    from {{ ref('stg_codebook__items') }}
),

options as (
    select
        edition,
        form,
        item_key,
        option_code,
        option_key,
        option_label
    from {{ ref('stg_codebook__options') }}
),

base as (
    select
        item_status.fiscal_year,
        item_status.form,
        item_status.respondent_key,
        item_status.submission_id,
        submissions.respondent_kind,
        submissions.prefecture_code,
        submissions.municipality_code,
        submissions.municipality_id,
        submissions.coordinator_level,
        item_status.item_key,
        items.question,
        items.item_type,
        items.scenario_key,
        items.measure,
        items.parent_item_key,
        item_values.answer_code,
        item_values.answer_number,
        item_values.answer_text,
        item_values.ticked_codes,
        item_status.status = 'off_path' as is_off_path,
        case when item_status.status = 'off_path' then 'skipped' else item_status.status end as answer_status
    from item_status
    inner join items
        on
            item_status.fiscal_year = items.edition
            and item_status.form = items.form
            and item_status.item_key = items.item_key
    left join submissions on item_status.submission_id = submissions.submission_id
    left join item_values
        on
            item_status.submission_id = item_values.submission_id
            and item_status.item_key = item_values.item_key
            and item_status.status = 'answered'
),

ticked as (
    select
        base.submission_id,
        base.item_key,
        list(options.option_key order by options.option_code) as ticked_option_keys
    from base
    inner join options
        on
            base.fiscal_year = options.edition
            and base.form = options.form
            and base.item_key = options.item_key
            and list_contains(base.ticked_codes, options.option_code)
    where base.item_type = 'multiple' and base.answer_status = 'answered'
    group by base.submission_id, base.item_key
)

select
    base.fiscal_year,
    base.form,
    base.respondent_key,
    base.submission_id,
    base.respondent_kind,
    base.prefecture_code,
    base.municipality_code,
    base.municipality_id,
    base.coordinator_level,
    base.item_key,
    base.question,
    base.item_type,
    base.scenario_key,
    base.measure,
    base.parent_item_key,
    base.answer_status,
    base.is_off_path,
    base.answer_code,
    chosen.option_key as answer_option_key,
    chosen.option_label as answer_option_label,
    base.answer_number,
    base.answer_text,
    base.ticked_codes,
    ticked.ticked_option_keys
from base
left join options as chosen
    on
        base.fiscal_year = chosen.edition
        and base.form = chosen.form
        and base.item_key = chosen.item_key
        and base.answer_code = chosen.option_code
        and base.item_type = 'single'
left join ticked
    on base.submission_id = ticked.submission_id and base.item_key = ticked.item_key
