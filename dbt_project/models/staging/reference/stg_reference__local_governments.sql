-- 地方公共団体: the reference.local_governments table as written by the pipeline.
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
