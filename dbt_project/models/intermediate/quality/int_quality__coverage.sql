-- Who should have returned each edition's forms: the prefectures, and the municipalities in force on the
-- edition's reference date (a member counts as returned whatever code of it was typed); forms of the
-- edition only. One row per expected respondent, returned or not.
with editions as (
    select
        edition,
        form,
        code_date
    from {{ ref('stg_codebook__editions') }}
),

governments as (
    select
        kind,
        prefecture_code,
        prefecture_name,
        code6,
        name
    from {{ ref('stg_reference__local_governments') }}
),

expected as (
    select
        editions.edition as fiscal_year,
        'prefecture' as kind,
        governments.prefecture_code,
        governments.prefecture_name,
        governments.code6,
        governments.prefecture_code as code5,
        governments.name,
        governments.prefecture_code as member
    from editions
    inner join governments on governments.kind = 'prefecture'
    where editions.form = 'prefecture'
    union all
    select
        editions.edition as fiscal_year,
        'municipality' as kind,
        codes.prefecture_code,
        prefectures.name as prefecture_name,
        codes.code6,
        codes.code5,
        codes.name,
        codes.municipality_id as member
    from {{ ref('stg_reference__municipal_codes') }} as codes
    inner join editions on editions.form = 'municipality'
    inner join governments as prefectures
        on prefectures.kind = 'prefecture' and codes.prefecture_code = prefectures.prefecture_code
    where
        coalesce(codes.valid_from <= editions.code_date, true)
        and coalesce(editions.code_date < codes.valid_to, true)
),

current_returns as (
    select
        fiscal_year,
        form,
        submission_id,
        case when form = 'prefecture' then prefecture_code else municipality_id end as member
    from {{ ref('stg_raw__submissions') }}
    where identity_status = 'ok'
)

select
    expected.fiscal_year,
    expected.code5 as respondent_code,
    expected.kind as form,
    expected.prefecture_code,
    expected.prefecture_name,
    cast(null as varchar) as submission_id,
    cast(null as varchar) as file_path,
    cast(null as varchar) as sheet,
    expected.kind || ':' || expected.code6 as respondent_key,
    case when expected.kind = 'municipality' then expected.code6 end as municipality_code,
    case when expected.kind = 'municipality' then expected.name end as municipality_name,
    count(current_returns.submission_id) > 0 as has_returned
from expected
left join current_returns
    on
        expected.fiscal_year = current_returns.fiscal_year
        and expected.kind = current_returns.form
        and expected.member = current_returns.member
group by
    expected.fiscal_year,
    expected.kind,
    expected.code6,
    expected.code5,
    expected.prefecture_code,
    expected.prefecture_name,
    expected.name
