-- 市町村コードの履歴: one row per municipal code and name over [valid_from, valid_to), with the durable
-- member it belongs to. A fact's municipality_code (as answered) is found here whatever its date.
with codes as (
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
    from {{ ref('stg_reference__municipal_codes') }}
)

select
    code6 as municipality_code,
    code5 as municipality_code5,
    valid_from,
    valid_to,
    municipality_id,
    name as municipality_name,
    name_kana as municipality_name_kana,
    prefecture_code,
    predecessor_code6 as predecessor_code,
    successor_code6 as successor_code,
    change,
    code6 || ':' || coalesce(strftime(valid_from, '%Y-%m-%d'), '') as municipality_code_period
from codes
