-- 都道府県: one row per prefecture of the 全国地方公共団体コード list.
with governments as (
    select
        code6,
        prefecture_code,
        name,
        name_kana
    from {{ ref('stg_reference__local_governments') }}
    where kind = 'prefecture'
)

select
    prefecture_code,
    code6 as prefecture_code6,
    name as prefecture_name,
    name_kana as prefecture_name_kana
from governments
