-- 事業項目 (ア)〜(ク): one row per item of the 平成27〜29年度 実施状況調査, placed in the 令和 scheme (PDCA
-- phase, municipal or prefectural role) with its nearest 2023 initiatives, from the crosswalk kept beside
-- the codebooks (editions/crosswalk_program_items.yaml).
with items as (
    select
        program_item,
        code_label,
        program_item_label,
        pdca_phase,
        actor,
        is_coordinator_related,
        evidence
    from {{ ref('stg_codebook__program_items') }}
),

initiatives as (
    select
        program_item,
        list(initiative_key order by ordinal) as initiative_keys
    from {{ ref('stg_codebook__program_item_initiatives') }}
    group by program_item
)

select
    items.program_item,
    items.code_label,
    items.program_item_label,
    items.pdca_phase,
    items.actor,
    items.is_coordinator_related,
    initiatives.initiative_keys,
    items.evidence,
    items.actor = 'prefecture' as is_prefectural_role
from items
left join initiatives on items.program_item = initiatives.program_item
