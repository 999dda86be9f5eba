-- The answer a finding quotes: per current return (stg_raw__answers holds theirs) and item, the raw values
-- as typed, their cells, and for multiple choice the options read as ticked (a prefecture reads 「1.…」
-- better than '1, 1').
select
    fiscal_year,
    submission_id,
    item_key,
    string_agg(coalesce(raw_value, ''), ', ' order by cell) as value_found,
    string_agg(cell, ',' order by cell) as cells,
    list(option_code order by option_code) filter (where option_code is not null and value = '1') as ticked_codes
from {{ ref('stg_raw__answers') }}
group by fiscal_year, submission_id, item_key
