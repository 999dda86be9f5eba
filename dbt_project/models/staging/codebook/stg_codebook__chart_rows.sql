-- 公表グラフの項目: the codebook.chart_rows table as written by the pipeline.
select
    edition,
    form,
    chart_id,
    row_ordinal,
    option_label,
    item_key,
    value_kind,
    option_code,
    band_low,
    band_high,
    band_low_closed,
    band_high_closed,
    percent_printed,
    count_printed,
    confidence,
    row_population,
    rank_printed
from {{ source('codebook', 'chart_rows') }}
