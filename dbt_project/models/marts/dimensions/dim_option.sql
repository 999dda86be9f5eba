-- 選択肢: one row per option of a single- or multiple-choice item of every edition and form.
with options as (
    select
        edition,
        form,
        item_key,
        option_code,
        option_key,
        option_label,
        cell,
        is_other
    from {{ ref('stg_codebook__options') }}
)

select
    edition as fiscal_year,
    form,
    item_key,
    option_code,
    option_key,
    option_label,
    cell as tick_cell,
    is_other,
    edition || ':' || form || ':' || item_key || ':' || option_code as option_id,
    edition || ':' || form || ':' || item_key as question_id
from options
