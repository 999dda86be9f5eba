-- 市町村: one row per municipality (市区町村, including the 23 特別区) of the 全国地方公共団体コード list.
with governments as (
    select
        code6,
        code5,
        kind,
        prefecture_code,
        prefecture_name,
        name,
        name_kana,
        is_special_ward,
        is_designated_city
    from {{ source('reference', 'local_governments') }}
)

select
    code6 as municipality_code,
    code5 as municipality_code5,
    name as municipality_name,
    name_kana as municipality_name_kana,
    prefecture_code,
    prefecture_name,
    is_special_ward,
    is_designated_city
from governments
where kind = 'municipality'
