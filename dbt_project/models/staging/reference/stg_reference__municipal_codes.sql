-- 市区町村コードの履歴: the reference.municipal_codes table as written by the pipeline.
select
    code6,
    code5,
    prefecture_code,
    name,
    name_kana,
    valid_from,
    valid_to,
    municipality_id,
    predecessor_code6,
    successor_code6,
    change
from {{ source('reference', 'municipal_codes') }}
