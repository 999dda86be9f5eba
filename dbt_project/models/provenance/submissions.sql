-- 提出ファイル: each current return with the workbook it was read from, so a figure can be traced to its file.
select
    submission_id,
    fiscal_year,
    form,
    respondent_key,
    respondent_code,
    prefecture_code,
    municipality_code,
    file_path,
    file_sha256,
    file_mtime,
    ingested_at,
    template_id,
    sheet,
    run_id
from {{ ref('stg_raw__submissions') }}
where {{ is_new_return() }}
