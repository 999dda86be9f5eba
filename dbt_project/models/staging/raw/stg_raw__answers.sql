-- The answered cells of the current returns, typed by the codebook: an option code for single
-- choice, a number, a text, or a tick for one option of a multiple-choice item.
with answers as (
    select raw_answers.*
    from {{ source('raw', 'answers') }} as raw_answers
    inner join {{ ref('stg_raw__submissions') }} as current_returns
        on raw_answers.submission_id = current_returns.submission_id
),

items as (
    select * from {{ ref('stg_codebook__items') }}
)

select
    answers.submission_id,
    answers.fiscal_year,
    answers.form,
    answers.respondent_key,
    answers.item_key,
    items.item_type,
    answers.option_code,
    answers.sheet,
    answers.cell,
    answers.raw_value,
    answers.value,
    answers.notes,
    answers.file_path,
    case
        when items.item_type = 'single' and answers.value_number = trunc(answers.value_number)
            then cast(answers.value_number as integer)
    end as answer_code,
    case when items.item_type = 'number' then answers.value_number end as answer_number,
    case when items.item_type in ('text', 'code') then answers.value end as answer_text,
    -- only a cell the ingest read as a tick counts: an explicit no (0, ×, いいえ) and a cell it could
    -- not read (no value, flagged tick_unreadable) are not ticks
    coalesce(items.item_type = 'multiple' and answers.value_number = 1, false) as is_ticked
from answers
inner join items
    on
        answers.fiscal_year = items.edition
        and answers.form = items.form
        and answers.item_key = items.item_key
