-- 市町村の拠点連携（市町村の回答と拠点の回答）: each municipality's own answer on its linkage with the hubs
-- (市町村調査票 問14 and its follow-ups, its latest edition) beside the answers of every hub whose area
-- includes it (拠点調査, its latest edition). One row per municipality and serving hub; a municipality no
-- hub lists has one row without a hub.
with municipal as (
    select
        municipality_code,
        fiscal_year as municipal_fiscal_year,
        linkage_key,
        linkage_label,
        is_linked,
        operator_relation_key,
        hub_operator_key as municipal_reported_hub_operator_key
    from {{ ref('fct_hub_linkage') }}
    where form = 'municipality' and municipality_code is not null
    qualify fiscal_year = max(fiscal_year) over ()
),

served as (
    select
        bridge.municipality_code,
        hubs.hub_id,
        hubs.fiscal_year as hub_fiscal_year,
        hubs.hub_code,
        hubs.hub_name,
        hubs.operator_key as hub_operator_key,
        hubs.operator_label as hub_operator_label,
        hubs.is_programme_operator as hub_is_programme_operator,
        hubs.knows_area as hub_knows_area
    from {{ ref('bridge_hub_municipality') }} as bridge
    inner join {{ ref('dim_hub') }} as hubs on bridge.hub_id = hubs.hub_id
    where bridge.is_known_code
    qualify hubs.fiscal_year = max(hubs.fiscal_year) over ()
),

municipalities as (
    select
        code6 as municipality_code,
        name as municipality_name,
        prefecture_code
    from {{ ref('stg_reference__local_governments') }}
    where kind = 'municipality'
)

select
    municipalities.municipality_code,
    municipalities.municipality_name,
    municipalities.prefecture_code,
    municipal.municipal_fiscal_year,
    municipal.linkage_key,
    municipal.linkage_label,
    municipal.is_linked,
    municipal.operator_relation_key,
    municipal.municipal_reported_hub_operator_key,
    served.hub_fiscal_year,
    served.hub_id,
    served.hub_code,
    served.hub_name,
    served.hub_operator_key,
    served.hub_operator_label,
    served.hub_is_programme_operator,
    served.hub_knows_area,
    municipalities.municipality_code || ':' || coalesce(served.hub_id, '-') as linkage_row_id,
    coalesce(
        municipal.is_linked = false and served.hub_operator_key = 'municipality' and served.hub_is_programme_operator,
        false
    ) as is_unlinked_despite_municipal_hub
from municipalities
left join municipal on municipalities.municipality_code = municipal.municipality_code
left join served on municipalities.municipality_code = served.municipality_code
where municipal.municipality_code is not null or served.municipality_code is not null
