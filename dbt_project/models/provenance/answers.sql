-- 回答セル: each answered cell of the current returns, as typed and as read, with the ingest's repair notes.
select
    answers.submission_id,
    answers.fiscal_year,
    answers.form,
    answers.respondent_key,
    answers.item_key,
    answers.option_code,
    answers.sheet,
    answers.cell,
    answers.raw_value,
    answers.value,
    answers.notes,
    answers.file_path,
    answers.submission_id || ':' || answers.sheet || '!' || answers.cell as cell_key
from {{ ref('stg_raw__answers') }} as answers
where {{ is_new_return('answers.submission_id') }}
