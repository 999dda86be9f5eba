-- 集計対象の定義: the codebook.populations table as written by the pipeline.
select
    edition,
    form,
    population,
    population_band
from {{ source('codebook', 'populations') }}
