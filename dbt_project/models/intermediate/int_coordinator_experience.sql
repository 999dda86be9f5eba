-- コーディネーターとしての経験年数 (コーディネーター調査票 問4): the one definition of a coordinator's experience.
-- marts.fct_coordinator_profile publishes it (experience_years) and report.rpt_published_charts bands it for the
-- charts of 問4; neither computes it again.
-- 問4 asks one quantity in two cells, 「〇年 〇ヶ月」 (通算年数 where the work began in an earlier post): experience
-- is years + months / 12; a blank cell counts as 0 when the other is given, and with both blank it is null
-- (未回答). The report's bands 「0年」「0年より長く２年以下」「２年より長く４年以下」… are read on this number: 0年6ヶ月
-- is more than 0 years, 2年0ヶ月 is at most 2 years, 2年1ヶ月 is more than 2 years.
-- The cells are found by their codebook roles (experience_years, experience_months) of the fact
-- coordinator_profile; item_key is the 年 cell's, the item the charts of 問4 name.
{{ config(meta={'facts': ['coordinator_profile']}) }}

with parts as (
    {{ fact_pivot('coordinator_profile', ['experience_years', 'experience_months']) }}
),

charted_items as (
    select
        tagged.edition,
        tagged.form,
        tagged.item_key
    from ({{ fact_items('coordinator_profile') }}) as tagged
    where tagged.fact_role = 'experience_years'
),

experience as (
    select
        parts.fiscal_year,
        parts.form,
        parts.respondent_key,
        parts.submission_id,
        charted_items.item_key,
        parts.experience_years_number as experience_years_part,
        parts.experience_months_number as experience_months_part
    from parts
    inner join charted_items
        on parts.fiscal_year = charted_items.edition and parts.form = charted_items.form
)

select
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    item_key,
    experience_years_part,
    experience_months_part,
    case
        when experience_years_part is not null or experience_months_part is not null
            then coalesce(experience_years_part, 0) + coalesce(experience_months_part, 0) / 12.0
    end as experience_years,
    case
        when experience_years_part is not null and experience_months_part is not null then 'answered'
        when experience_years_part is not null or experience_months_part is not null then 'partial'
        else 'missing'
    end as experience_status
from experience
