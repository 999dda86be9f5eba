-- 設問: one row per codebook item (question, sub-question, number or text field) of every edition and form.
with items as (
    select
        edition,
        form,
        item_key,
        ordinal,
        question,
        section,
        label,
        question_text,
        item_type,
        cell,
        relevant_rule,
        is_required,
        scenario_key,
        measure,
        parent_item_key,
        unit,
        minimum,
        maximum
    from {{ ref('stg_codebook__items') }}
)

select
    edition as fiscal_year,
    form,
    item_key,
    ordinal as item_order,
    question as question_number,
    section,
    label as question_label,
    question_text,
    item_type,
    cell,
    relevant_rule,
    is_required,
    scenario_key,
    measure,
    parent_item_key,
    unit,
    minimum,
    maximum,
    edition || ':' || form || ':' || item_key as question_id,
    edition || ':' || form as survey_edition_key,
    relevant_rule is null as is_always_asked
from items
