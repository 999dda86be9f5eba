-- The effective answer of every respondent and item that applied (answered or 未回答): an off-path
-- answer is treated as skipped here; it stays in raw, int_item_status and the cleaning log.
with status as (
    select * from {{ ref('int_item_status') }}
    where {{ is_new_return() }}
),

answers as (
    select
        submission_id,
        item_key,
        any_value(item_type) as item_type,
        max(answer_code) as answer_code,
        max(answer_number) as answer_number,
        max(answer_text) as answer_text,
        list(option_code order by option_code) filter (where is_ticked) as ticked_codes
    from {{ ref('stg_raw__answers') }}
    where {{ is_new_return() }}
    group by submission_id, item_key
)

select
    status.fiscal_year,
    status.form,
    status.respondent_key,
    status.submission_id,
    status.item_key,
    status.status,
    answers.item_type,
    answers.answer_code,
    answers.answer_number,
    answers.answer_text,
    answers.ticked_codes
from status
left join answers
    on status.submission_id = answers.submission_id and status.item_key = answers.item_key
where status.status in ('answered', 'missing')
