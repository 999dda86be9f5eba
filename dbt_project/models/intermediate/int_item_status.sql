-- Three-valued missingness of every respondent and item of every form (off-path kept apart).
select * from {{ ref('int_prefecture__item_status') }}
where {{ is_new_return() }}
union all by name
select * from {{ ref('int_municipality__item_status') }}
where {{ is_new_return() }}
union all by name
select * from {{ ref('int_coordinator__item_status') }}
where {{ is_new_return() }}
union all by name
select * from {{ ref('int_tokyo_municipality__item_status') }}
where {{ is_new_return() }}
union all by name
select * from {{ ref('int_hub__item_status') }}
where {{ is_new_return() }}
