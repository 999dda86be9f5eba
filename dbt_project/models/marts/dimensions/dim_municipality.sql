-- 市町村: one row per municipality (市区町村, including the 23 特別区) of the 全国地方公共団体コード list,
-- which is also the durable member (municipality_id) that every earlier code of it belongs to.
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
    from {{ ref('stg_reference__local_governments') }}
),

former_codes as (
    select
        municipality_id,
        list(code6 order by valid_to) filter (where code6 <> municipality_id) as former_codes,
        list(name order by valid_to) filter (where valid_to is not null) as former_names
    from {{ ref('stg_reference__municipal_codes') }}
    group by municipality_id
)

select
    governments.code6 as municipality_code,
    governments.code5 as municipality_code5,
    governments.name as municipality_name,
    governments.name_kana as municipality_name_kana,
    governments.prefecture_code,
    governments.prefecture_name,
    governments.is_special_ward,
    governments.is_designated_city,
    governments.code6 as municipality_id,
    coalesce(former_codes.former_codes, []) as former_codes,
    coalesce(former_codes.former_names, []) as former_names
from governments
left join former_codes on governments.code6 = former_codes.municipality_id
where governments.kind = 'municipality'
