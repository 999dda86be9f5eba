-- What the ingest repaired or found while reading an accepted return, as it recorded it.
select
    submission_id,
    issue,
    cell,
    item_key,
    run_id,
    details
from {{ source('raw', 'ingest_issues') }}
