-- 調査票の版: one row per survey edition (fiscal year) and form, with the survey it belongs to (e.g. the
-- 平成 実施状況調査, Tokyo's own survey) where its codebook names one.
with editions as (
    select
        edition,
        edition_label,
        form,
        form_label,
        title,
        reference_date,
        template_id,
        sheet,
        survey,
        survey_label
    from {{ ref('stg_codebook__editions') }}
)

select
    edition as fiscal_year,
    edition_label,
    form,
    form_label,
    title,
    reference_date,
    template_id,
    sheet,
    survey,
    survey_label,
    edition || ':' || form as survey_edition_key
from editions
