-- 公表グラフ: the codebook.charts table as written by the pipeline.
select
    edition,
    form,
    chart_id,
    question_id,
    chart_title,
    population,
    n_printed,
    n_population,
    n_base,
    flag,
    breakdown,
    population_band
from {{ source('codebook', 'charts') }}
