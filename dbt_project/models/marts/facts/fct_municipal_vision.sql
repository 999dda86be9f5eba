-- めざすべき姿 (市町村 問3・問3-1): one row per edition and municipality return, with the scenes whose
-- めざすべき姿 is set by 問4-1・5-1・6-1・7-1 alongside, to check 問3 against them. The items are those
-- tagged {fact: municipal_vision} in the codebook.
{{ config(meta={'facts': ['municipal_vision']}) }}
with pivoted as (
    {{ fact_pivot('municipal_vision', ['vision', 'sharing']) }}
),

scene_status as (
    select
        fiscal_year,
        respondent_key,
        count(*) filter (where is_vision_set) as scenes_with_vision,
        count(*) filter (where vision_status = 'answered') as scenes_vision_answered,
        list(scenario_key order by scenario_key) filter (where is_vision_set) as vision_scenario_keys
    from {{ ref('fct_scenario_status') }}
    where vision_status <> 'not_asked' and {{ is_new_return() }}
    group by fiscal_year, respondent_key
),

vision as (
    select
        fiscal_year,
        respondent_key,
        submission_id,
        municipality_code,
        municipality_id,
        prefecture_code,
        vision_status,
        vision_code,
        vision_key,
        vision_label,
        sharing_code,
        sharing_key,
        sharing_label,
        coalesce(sharing_status, 'skipped') as sharing_status
    from pivoted
)

select
    vision.fiscal_year,
    vision.respondent_key,
    vision.submission_id,
    vision.municipality_code,
    vision.municipality_id,
    vision.prefecture_code,
    vision.vision_status,
    vision.vision_code,
    vision.vision_key,
    vision.vision_label,
    vision.sharing_status,
    vision.sharing_code,
    vision.sharing_key,
    vision.sharing_label,
    scene_status.vision_scenario_keys,
    vision.fiscal_year || ':' || vision.respondent_key as fact_key,
    coalesce(scene_status.scenes_with_vision, 0) as scenes_with_vision,
    case
        when vision.vision_key is null then null
        when vision.vision_key = 'all_scenes' then coalesce(scene_status.scenes_with_vision, 0) = 4
        when vision.vision_key = 'some_scenes' then coalesce(scene_status.scenes_with_vision, 0) between 1 and 3
        when vision.vision_key = 'no_scenes' then coalesce(scene_status.scenes_with_vision, 0) = 0
    end as is_consistent_with_scenes
from vision
left join scene_status
    on vision.fiscal_year = scene_status.fiscal_year and vision.respondent_key = scene_status.respondent_key
