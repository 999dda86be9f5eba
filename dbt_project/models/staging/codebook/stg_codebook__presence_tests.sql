-- 参考資料のχ²検定: the codebook.presence_tests table as written by the pipeline.
select
    edition,
    question_id,
    item_key,
    scenario_key,
    option_code,
    option_label_printed,
    p_value_printed
from {{ source('codebook', 'presence_tests') }}
