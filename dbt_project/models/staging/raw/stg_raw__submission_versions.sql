-- Every version of every return the ingest read, and which one is current: the one place that
-- decides it (the staging models and the gate read these flags).
-- A file removed from raw/ is withdrawn (raw.withdrawals) and is never current. Among the others,
-- a newer file of the same family (same name, or name__suffix) supersedes the older one even when
-- the older one's code was wrong; then the newest return per respondent is current.
with submissions as (
    select
        submission_id,
        fiscal_year,
        form,
        respondent_key,
        file_family,
        respondent_code,
        respondent_kind,
        prefecture_code,
        municipality_code,
        identity_status,
        file_path,
        file_sha256,
        file_size,
        file_mtime,
        file_format,
        sheet,
        template_id,
        reader_engine,
        ingested_at,
        answer_cells,
        run_id
    from {{ source('raw', 'submissions') }}
),

withdrawals as (
    select
        submission_id,
        min(withdrawn_at) as withdrawn_at
    from {{ ref('stg_raw__withdrawals') }}
    where submission_id is not null
    group by submission_id
),

versions as (
    select
        submissions.*,
        withdrawals.withdrawn_at,
        withdrawals.submission_id is not null as is_withdrawn
    from submissions
    left join withdrawals on submissions.submission_id = withdrawals.submission_id
),

family_latest as (
    select
        submission_id,
        fiscal_year,
        form,
        respondent_key,
        file_mtime,
        ingested_at,
        file_path
    from versions
    where not is_withdrawn
    qualify row_number() over (
        partition by fiscal_year, form, file_family
        order by file_mtime desc, ingested_at desc, file_path desc
    ) = 1
),

current_returns as (
    select submission_id
    from family_latest
    qualify row_number() over (
        partition by fiscal_year, form, respondent_key
        order by file_mtime desc, ingested_at desc, file_path desc
    ) = 1
)

select
    versions.*,
    family_latest.submission_id is not null as is_family_latest,
    current_returns.submission_id is not null as is_current
from versions
left join family_latest on versions.submission_id = family_latest.submission_id
left join current_returns on versions.submission_id = current_returns.submission_id
