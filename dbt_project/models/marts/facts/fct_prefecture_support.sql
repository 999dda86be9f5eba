-- 都道府県の市町村支援 (都道府県 問2, 問4, 問6, 問8〜問10, 問12): one row per edition, prefecture return,
-- item that applied to it, and option (choice items) or one row with option null (text items), with the
-- scenario from the codebook tags where the item carries one. The items are those tagged
-- {fact: prefecture_support} in the codebooks.
{{ config(meta={'facts': ['prefecture_support'], 'forms': ['prefecture']}) }}
with items as (
    select
        tagged.edition,
        tagged.form,
        tagged.item_key,
        items.question,
        items.label
    from ({{ fact_items('prefecture_support') }}) as tagged
    inner join {{ ref('stg_codebook__items') }} as items
        on tagged.edition = items.edition and tagged.form = items.form and tagged.item_key = items.item_key
),

answers as (
    select
        answers.fiscal_year,
        answers.respondent_key,
        answers.submission_id,
        answers.prefecture_code,
        answers.item_key,
        answers.question,
        items.label,
        answers.item_type,
        answers.scenario_key,
        answers.measure,
        answers.answer_status,
        answers.answer_number,
        answers.answer_text
    from {{ ref('int_item_answers') }} as answers
    inner join items
        on answers.fiscal_year = items.edition and answers.form = items.form and answers.item_key = items.item_key
    where answers.answer_status <> 'skipped' and {{ is_new_return('answers.submission_id') }}
),

option_answers as (
    select
        fiscal_year,
        respondent_key,
        item_key,
        option_id,
        option_code,
        option_key,
        option_label,
        is_selected
    from {{ ref('int_option_answers') }}
    where form = 'prefecture' and {{ is_new_return() }}
)

select
    answers.fiscal_year,
    answers.respondent_key,
    answers.submission_id,
    answers.prefecture_code,
    answers.question as question_number,
    answers.item_key,
    answers.label as question_label,
    answers.item_type,
    answers.scenario_key,
    answers.measure,
    option_answers.option_id,
    option_answers.option_code,
    option_answers.option_key,
    option_answers.option_label,
    option_answers.is_selected,
    answers.answer_number,
    answers.answer_text,
    answers.answer_status,
    answers.fiscal_year || ':' || answers.respondent_key || ':' || answers.item_key
    || coalesce(':' || option_answers.option_code, '') as fact_key,
    answers.fiscal_year || ':prefecture:' || answers.item_key as question_id
from answers
left join option_answers
    on
        answers.fiscal_year = option_answers.fiscal_year
        and answers.respondent_key = option_answers.respondent_key
        and answers.item_key = option_answers.item_key
