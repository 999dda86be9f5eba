-- 調査票の版: the codebook.editions table as written by the pipeline.
select
    edition,
    edition_label,
    form,
    form_label,
    title,
    reference_date,
    code_date,
    template_id,
    sheet,
    survey,
    survey_label
from {{ source('codebook', 'editions') }}
