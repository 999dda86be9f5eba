-- 制約: the codebook.constraints table as written by the pipeline.
select
    edition,
    form,
    item_key,
    rule_id,
    rule,
    message
from {{ source('codebook', 'constraints') }}
