-- The latest file of each family of the prefecture and municipality forms (withdrawn files left out, as
-- staging decides): two families with one code is a duplicate the pipeline cannot resolve on its own (a
-- resubmission shares its family). The gate expects one row per code.
with versions as (
    select
        submission_id,
        fiscal_year,
        respondent_key,
        respondent_code,
        form,
        prefecture_code,
        municipality_code,
        file_path,
        sheet
    from {{ ref('stg_raw__submission_versions') }}
    where form in ('prefecture', 'municipality') and is_family_latest
),

governments as (
    select
        kind,
        code5,
        code6,
        prefecture_code,
        name
    from {{ ref('stg_reference__local_governments') }}
)

select
    versions.fiscal_year,
    versions.submission_id,
    versions.respondent_key,
    versions.respondent_code,
    versions.form,
    versions.prefecture_code,
    prefectures.name as prefecture_name,
    municipalities.code6 as municipality_code,
    municipalities.name as municipality_name,
    versions.file_path,
    versions.sheet
from versions
left join governments as prefectures
    on prefectures.kind = 'prefecture' and versions.prefecture_code = prefectures.prefecture_code
left join governments as municipalities
    on municipalities.kind = 'municipality' and versions.municipality_code = municipalities.code5
