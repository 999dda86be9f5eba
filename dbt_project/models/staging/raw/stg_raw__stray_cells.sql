-- Values typed outside the answer cells of an accepted return, kept as the ingest found them.
select
    submission_id,
    cell,
    raw_value,
    overwrote_template_text
from {{ source('raw', 'stray_cells') }}
