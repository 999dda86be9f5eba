-- The current return of each respondent (decided in stg_raw__submission_versions), with the
-- respondent's identity resolved against the reference list of local governments. A municipal code is
-- read as of the edition's reference date (a code of another date, reported by the ingest, still names
-- its municipality) and carries the durable municipality_id that follows it across code changes.
{{ config(materialized='table') }}
with latest as (
    select * from {{ ref('stg_raw__submission_versions') }}
    where is_current
),

governments as (
    select * from {{ ref('stg_reference__local_governments') }}
),

editions as (
    select
        edition,
        form,
        code_date
    from {{ ref('stg_codebook__editions') }}
),

municipal_codes as (
    select
        latest.submission_id,
        codes.code6,
        codes.name,
        codes.municipality_id
    from latest
    inner join editions on latest.fiscal_year = editions.edition and latest.form = editions.form
    inner join {{ ref('stg_reference__municipal_codes') }} as codes on latest.municipality_code = codes.code5
    qualify row_number() over (
        partition by latest.submission_id
        order by
            coalesce(codes.valid_from <= editions.code_date, true)
            and coalesce(editions.code_date < codes.valid_to, true) desc,
            codes.valid_from desc nulls last
    ) = 1
)

select
    latest.submission_id,
    latest.fiscal_year,
    latest.form,
    latest.respondent_key,
    latest.respondent_code,
    latest.respondent_kind,
    latest.identity_status,
    latest.prefecture_code,
    municipality.code6 as municipality_code,
    municipality.name as municipality_name,
    municipality.municipality_id,
    prefecture.name as prefecture_name,
    latest.file_path,
    latest.file_sha256,
    latest.file_mtime,
    latest.sheet,
    latest.template_id,
    latest.ingested_at,
    latest.run_id,
    case
        when latest.form <> 'coordinator' then null
        when latest.respondent_kind = 'prefecture' then 'prefecture_level'
        else 'municipal'
    end as coordinator_level
from latest
left join municipal_codes as municipality on latest.submission_id = municipality.submission_id
left join governments as prefecture
    on latest.prefecture_code = prefecture.prefecture_code and prefecture.kind = 'prefecture'
