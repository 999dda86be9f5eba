-- Coordinators a prefecture (prefecture-level) or a municipality (municipal) reported present, against the
-- coordinator returns sent from it: one row per current return that answered the question.
with present_options as (
    select
        items.edition,
        items.form,
        items.item_key,
        item_options.option_code
    from {{ ref('stg_codebook__items') }} as items
    inner join {{ ref('stg_codebook__options') }} as item_options
        on
            items.edition = item_options.edition
            and items.form = item_options.form
            and items.item_key = item_options.item_key
            and item_options.option_key = 'present'
    where items.measure = 'coordinators_present'
),

reported as (
    select
        item_values.fiscal_year,
        item_values.respondent_key,
        item_values.answer_code = present_options.option_code as reported_present
    from {{ ref('int_item_values') }} as item_values
    inner join present_options
        on
            item_values.fiscal_year = present_options.edition
            and item_values.form = present_options.form
            and item_values.item_key = present_options.item_key
    where item_values.status = 'answered'
),

current_returns as (
    select
        fiscal_year,
        submission_id,
        respondent_key,
        respondent_code,
        form,
        prefecture_code,
        prefecture_name,
        municipality_code,
        municipality_name,
        municipality_id,
        file_path,
        sheet,
        coordinator_level,
        identity_status
    from {{ ref('stg_raw__submissions') }}
),

-- a coordinator return with an unknown code is filed under a prefecture for its findings, not counted
returned as (
    select
        fiscal_year,
        coordinator_level,
        case when coordinator_level = 'prefecture_level' then prefecture_code else municipality_id end as code,
        count(*) as coordinator_returns
    from current_returns
    where form = 'coordinator' and identity_status = 'ok'
    group by fiscal_year, coordinator_level, code
)

select
    current_returns.fiscal_year,
    current_returns.submission_id,
    current_returns.respondent_key,
    current_returns.respondent_code,
    current_returns.form,
    current_returns.prefecture_code,
    current_returns.prefecture_name,
    current_returns.municipality_code,
    current_returns.municipality_name,
    current_returns.file_path,
    current_returns.sheet,
    reported.reported_present,
    coalesce(returned.coordinator_returns, 0) as coordinator_returns,
    reported.reported_present = (coalesce(returned.coordinator_returns, 0) > 0) as presence_agrees
from current_returns
inner join reported
    on current_returns.fiscal_year = reported.fiscal_year and current_returns.respondent_key = reported.respondent_key
left join returned
    on
        current_returns.fiscal_year = returned.fiscal_year
        and returned.code = case
            when current_returns.form = 'prefecture' then current_returns.prefecture_code
            else current_returns.municipality_id
        end
        and returned.coordinator_level = case
            when current_returns.form = 'prefecture' then 'prefecture_level' else 'municipal'
        end
