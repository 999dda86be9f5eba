-- 設問項目: the codebook.items table as written by the pipeline.
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
from {{ source('codebook', 'items') }}
