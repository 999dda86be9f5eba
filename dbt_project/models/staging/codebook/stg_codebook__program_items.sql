-- 事業項目 (ア)〜(ク) of the 平成27〜29年度 surveys in the 令和 scheme.: the codebook.program_items table as written by the pipeline.
select
    program_item,
    code_label,
    program_item_label,
    pdca_phase,
    actor,
    is_coordinator_related,
    evidence
from {{ source('codebook', 'program_items') }}
