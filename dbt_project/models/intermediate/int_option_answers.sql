-- every respondent x choice item x option where the item applied (not skipped),
-- with is_selected true/false when the item was answered and null when it was missing (未回答).
-- Only cells read as ticks select an option (stg_raw__answers.is_ticked): a multiple-choice item
-- whose cells hold only explicit noes (×, 0) or unreadable marks is missing, not answered with none.

with answers as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        respondent_kind,
        prefecture_code,
        municipality_code,
        municipality_id,
        coordinator_level,
        item_key,
        question,
        item_type,
        scenario_key,
        measure,
        answer_status,
        answer_code,
        ticked_codes
    from {{ ref('int_item_answers') }}
    where item_type in ('single', 'multiple') and answer_status <> 'skipped' and {{ is_new_return() }}
),

options as (
    select
        edition,
        form,
        item_key,
        option_code,
        option_key,
        option_label,
        is_other
    from {{ ref('stg_codebook__options') }}
)

select
    answers.fiscal_year,
    answers.form,
    answers.respondent_key,
    answers.submission_id,
    answers.respondent_kind,
    answers.prefecture_code,
    answers.municipality_code,
    answers.municipality_id,
    answers.coordinator_level,
    answers.item_key,
    answers.question,
    answers.item_type,
    answers.scenario_key,
    answers.measure,
    answers.answer_status,
    options.option_code,
    options.option_key,
    options.option_label,
    options.is_other,
    answers.fiscal_year || ':' || answers.form || ':' || answers.item_key || ':' || options.option_code as option_id,
    case
        when answers.answer_status <> 'answered' then null
        when
            answers.item_type = 'multiple'
            then coalesce(list_contains(answers.ticked_codes, options.option_code), false)
        else coalesce(answers.answer_code = options.option_code, false)
    end as is_selected
from answers
inner join options
    on
        answers.fiscal_year = options.edition
        and answers.form = options.form
        and answers.item_key = options.item_key
