-- 調査票の版: one row per survey edition (fiscal year) and form.
with editions as (
    select
        edition,
        edition_label,
        form,
        form_label,
        title,
        reference_date,
        template_id,
        sheet
    from {{ source('codebook', 'editions') }}
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
    edition || ':' || form as survey_edition_key
from editions
