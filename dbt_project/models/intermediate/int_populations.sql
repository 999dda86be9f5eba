-- Respondents per published-chart population, every form.
select * from {{ ref('int_prefecture__populations') }}
where {{ is_new_return() }}
union all by name
select * from {{ ref('int_municipality__populations') }}
where {{ is_new_return() }}
union all by name
select * from {{ ref('int_coordinator__populations') }}
where {{ is_new_return() }}
union all by name
select * from {{ ref('int_tokyo_municipality__populations') }}
where {{ is_new_return() }}
union all by name
select * from {{ ref('int_hub__populations') }}
where {{ is_new_return() }}
