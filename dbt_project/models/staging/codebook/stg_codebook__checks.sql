-- チェック: the codebook.checks table as written by the pipeline.
select
    edition,
    form,
    item_key,
    rule,
    check_column,
    message
from {{ source('codebook', 'checks') }}
