-- Whether each current return's code is one the reference list knows (on the edition's date).
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
    file_path,
    sheet,
    identity_status = 'ok' as code_is_known
from {{ ref('stg_raw__submissions') }}
