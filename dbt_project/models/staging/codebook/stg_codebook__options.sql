-- 選択肢: the codebook.options table as written by the pipeline.
select
    edition,
    form,
    item_key,
    option_code,
    option_key,
    option_label,
    cell,
    is_other
from {{ source('codebook', 'options') }}
