-- 協議会に参加している団体等 (市町村 問2-4, 都道府県 問3-4): one row per edition, municipality or
-- prefecture return whose council is established (the item applied) and member organisation option.
with option_answers as (
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
        option_id,
        option_code,
        option_key,
        option_label,
        is_other,
        answer_status,
        is_selected
    from {{ ref('int_option_answers') }}
    where
        form in ('municipality', 'prefecture')
        and {{ is_new_return() }}
        and item_key like '%\_council\_members' escape '\'
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
