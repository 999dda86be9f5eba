-- 協議会に参加している団体等 (市町村 問2-4, 都道府県 問3-4): one row per edition, municipality or
-- prefecture return whose council is established (the item applied) and member organisation option:
-- the options of the item tagged {fact: council, role: members}.
{{ config(meta={'facts': ['council']}) }}
with members_items as (
    select
        edition,
        form,
        item_key
    from ({{ fact_items('council') }}) as council_items
    where fact_role = 'members'
),

option_answers as (
    select
        answers.fiscal_year,
        answers.form,
        answers.respondent_key,
        answers.submission_id,
        answers.respondent_kind,
        answers.municipality_code,
        answers.municipality_id,
        answers.prefecture_code,
        answers.item_key,
        answers.option_id,
        answers.option_code,
        answers.option_key,
        answers.option_label,
        answers.is_other,
        answers.answer_status,
        answers.is_selected
    from {{ ref('int_option_answers') }} as answers
    inner join members_items
        on
            answers.fiscal_year = members_items.edition
            and answers.form = members_items.form
            and answers.item_key = members_items.item_key
    where {{ is_new_return('answers.submission_id') }}
)

select
    {{ respondent_columns() }},
    item_key,
    option_id,
    option_code as member_option_code,
    option_key as member_key,
    option_label as member_label,
    is_other,
    is_selected as is_member,
    answer_status as member_status,
    fiscal_year || ':' || respondent_key || ':' || option_key as fact_key
from option_answers
