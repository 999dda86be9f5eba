-- めざすべき姿 (市町村 問3・問3-1): one row per edition and municipality return, with the scenes whose
-- めざすべき姿 is set by 問4-1・5-1・6-1・7-1 alongside, to check 問3 against them.
with answers as (
    select
        fiscal_year,
        respondent_key,
        submission_id,
        municipality_code,
        municipality_id,
        prefecture_code,
        item_key,
        answer_status,
        answer_code,
        answer_option_key,
        answer_option_label
    from {{ ref('int_item_answers') }}
    where
        form = 'municipality'
        and item_key in ('q3_vision_four_scenes', 'q3_1_vision_sharing')
        and {{ is_new_return() }}
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
        any_value(submission_id) as submission_id,
        any_value(municipality_code) as municipality_code,
        any_value(municipality_id) as municipality_id,
        any_value(prefecture_code) as prefecture_code,
        any_value(answer_status) filter (where item_key = 'q3_vision_four_scenes') as vision_status,
        any_value(answer_code) filter (where item_key = 'q3_vision_four_scenes') as vision_code,
        any_value(answer_option_key) filter (where item_key = 'q3_vision_four_scenes') as vision_key,
        any_value(answer_option_label) filter (where item_key = 'q3_vision_four_scenes') as vision_label,
        coalesce(
            any_value(answer_status) filter (where item_key = 'q3_1_vision_sharing'), 'skipped'
        ) as sharing_status,
        any_value(answer_code) filter (where item_key = 'q3_1_vision_sharing') as sharing_code,
        any_value(answer_option_key) filter (where item_key = 'q3_1_vision_sharing') as sharing_key,
        any_value(answer_option_label) filter (where item_key = 'q3_1_vision_sharing') as sharing_label
    from answers
    group by fiscal_year, respondent_key
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
