-- 事業項目と関連づけた取り組み: one row per 事業項目 and nearest initiative of each edition that asks about
-- initiatives (dim_initiative), so that a municipality's legacy items can be put beside its 2023 initiatives.
with crosswalk as (
    select
        program_item,
        initiative_key,
        ordinal
    from {{ ref('stg_codebook__program_item_initiatives') }}
),

initiatives as (
    select
        fiscal_year,
        initiative_key,
        initiative_label,
        initiative_id
    from {{ ref('dim_initiative') }}
)

select
    crosswalk.program_item,
    initiatives.fiscal_year,
    crosswalk.initiative_key,
    initiatives.initiative_label,
    crosswalk.ordinal as initiative_order,
    initiatives.initiative_id,
    crosswalk.program_item || ':' || initiatives.initiative_id as bridge_key
from crosswalk
inner join initiatives on crosswalk.initiative_key = initiatives.initiative_key
