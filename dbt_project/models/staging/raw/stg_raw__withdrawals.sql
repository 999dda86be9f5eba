-- 取り下げ: every file version the ingest found removed from raw/, as it recorded it.
select
    file_path,
    file_sha256,
    submission_id,
    withdrawn_at,
    run_id
from {{ source('raw', 'withdrawals') }}
