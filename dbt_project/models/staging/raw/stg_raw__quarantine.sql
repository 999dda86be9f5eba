-- 受付不可: every refusal of a file, and whether it is still someone's to follow up. It is not once a later
-- version of the file was read, nor once the refused version was removed from raw/ (withdrawn).
with quarantine as (
    select
        file_path,
        file_sha256,
        fiscal_year,
        form,
        file_size,
        file_mtime,
        reason_code,
        reason,
        sheet,
        cell,
        detected_at,
        run_id
    from {{ source('raw', 'quarantine') }}
),

versions as (
    select
        file_path,
        ingested_at
    from {{ ref('stg_raw__submission_versions') }}
),

withdrawals as (
    select
        file_path,
        file_sha256
    from {{ ref('stg_raw__withdrawals') }}
)

select
    quarantine.file_path,
    quarantine.file_sha256,
    quarantine.fiscal_year,
    quarantine.form,
    quarantine.file_size,
    quarantine.file_mtime,
    quarantine.reason_code,
    quarantine.reason,
    quarantine.sheet,
    quarantine.cell,
    quarantine.detected_at,
    quarantine.run_id,
    exists(
        select 1 from versions
        where versions.file_path = quarantine.file_path and versions.ingested_at > quarantine.detected_at
    ) as is_read_since,
    exists(
        select 1 from withdrawals
        where
            withdrawals.file_path = quarantine.file_path
            and withdrawals.file_sha256 = coalesce(quarantine.file_sha256, '')
    ) as is_withdrawn
from quarantine
