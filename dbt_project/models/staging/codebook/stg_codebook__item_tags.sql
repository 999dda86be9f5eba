-- 設問のタグ: the codebook.item_tags table as written by the pipeline.
select
    edition,
    form,
    item_key,
    tag,
    tag_value
from {{ source('codebook', 'item_tags') }}
