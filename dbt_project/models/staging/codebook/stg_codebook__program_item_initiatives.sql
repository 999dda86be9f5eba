-- The nearest 2023 initiatives of each 事業項目.: the codebook.program_item_initiatives table as written by the pipeline.
select
    program_item,
    initiative_key,
    ordinal
from {{ source('codebook', 'program_item_initiatives') }}
