"""The frames the gate validates, read from the working database over a read-only connection.

GX's SQL data source does not work on DuckDB, so each frame is read into pandas first: one per
form from ``int_<form>__rule_checks`` (built by dbt from the codebook), and the cross-respondent
frames below, which no single return can show.  Which return is current (and which file of a family
is the latest) comes from dbt's ``staging.stg_raw__submission_versions``, never decided here.
"""

from __future__ import annotations

import duckdb
import pandas as pd

#: Who a finding is about: joined onto every frame that has a submission.
RESPONDENT_COLUMNS = (
    "respondent_key",
    "respondent_code",
    "form",
    "prefecture_code",
    "prefecture_name",
    "municipality_code",
    "municipality_name",
    "file_path",
    "sheet",
)

CROSS_SQL: dict[str, str] = {
    # the latest file of each family (withdrawn files excluded, as decided in the staging model):
    # two families with one prefecture or municipality code is a duplicate the pipeline cannot
    # resolve on its own (a resubmission shares the family)
    "returns": """
        select s.submission_id, s.respondent_key, s.respondent_code, s.form, s.prefecture_code,
               p.name as prefecture_name, m.code6 as municipality_code, m.name as municipality_name,
               s.file_path, s.sheet
        from staging.stg_raw__submission_versions as s
        left join reference.local_governments as p on p.kind = 'prefecture' and p.prefecture_code = s.prefecture_code
        left join reference.local_governments as m on m.kind = 'municipality' and m.code5 = s.municipality_code
        where s.fiscal_year = $year and s.form in ('prefecture', 'municipality') and s.is_family_latest
    """,
    "identity": """
        select submission_id, {respondent}, identity_status = 'ok' as code_is_known
        from staging.stg_raw__submissions where fiscal_year = $year
    """,
    "coordinators": """
        select s.submission_id, {respondent_s}, md5(string_agg(
            a.item_key || ':' || coalesce(cast(a.option_code as varchar), '') || '=' || coalesce(a.value, ''),
            '|' order by a.item_key, a.option_code
        )) as answers_fingerprint
        from staging.stg_raw__submissions as s
        join staging.stg_raw__answers as a using (submission_id)
        where s.fiscal_year = $year and s.form = 'coordinator' and a.item_type <> 'code'
        group by all
    """,
    # coordinators reported present by a prefecture (prefecture-level) or a municipality (municipal)
    # against the coordinator returns sent from it
    "coordinator_presence": """
        with reported as (
            select v.respondent_key, v.answer_code = o.option_code as reported_present
            from intermediate.int_item_values as v
            join codebook.items as i on i.edition = v.fiscal_year and i.form = v.form and i.item_key = v.item_key
            join codebook.options as o
                on o.edition = i.edition and o.form = i.form and o.item_key = i.item_key and o.option_key = 'present'
            where i.measure = 'coordinators_present' and v.fiscal_year = $year and v.status = 'answered'
        ),
        returned as (
            select case when coordinator_level = 'prefecture_level' then prefecture_code else municipality_id end
                       as code,
                   coordinator_level, count(*) as coordinator_returns
            from staging.stg_raw__submissions
            -- a return with an unknown code is filed under a prefecture for its findings, not counted
            where fiscal_year = $year and form = 'coordinator' and identity_status = 'ok'
            group by all
        )
        select s.submission_id, {respondent_s}, r.reported_present,
               coalesce(c.coordinator_returns, 0) as coordinator_returns,
               r.reported_present = (coalesce(c.coordinator_returns, 0) > 0) as presence_agrees
        from staging.stg_raw__submissions as s
        join reported as r using (respondent_key)
        left join returned as c
            on c.code = case when s.form = 'prefecture' then s.prefecture_code else s.municipality_id end
            and c.coordinator_level = case when s.form = 'prefecture' then 'prefecture_level' else 'municipal' end
    """,
    "coverage": """
        -- who should have returned: the prefectures, and the municipalities in force on the edition's
        -- reference date (a member counts as returned whatever code of it was typed); forms of the edition only
        with expected as (
            select g.kind, g.prefecture_code, g.prefecture_name, g.code6, g.prefecture_code as code5, g.name,
                   g.prefecture_code as member
            from reference.local_governments as g
            where g.kind = 'prefecture'
            union all
            select 'municipality', c.prefecture_code, p.name, c.code6, c.code5, c.name, c.municipality_id
            from reference.municipal_codes as c
            join codebook.editions as e on e.edition = $year and e.form = 'municipality'
            join reference.local_governments as p on p.kind = 'prefecture' and p.prefecture_code = c.prefecture_code
            where coalesce(c.valid_from <= e.code_date, true) and coalesce(e.code_date < c.valid_to, true)
        )
        select null as submission_id, g.kind || ':' || g.code6 as respondent_key,
               g.code5 as respondent_code,
               g.kind as form, g.prefecture_code, g.prefecture_name,
               case when g.kind = 'municipality' then g.code6 end as municipality_code,
               case when g.kind = 'municipality' then g.name end as municipality_name,
               null as file_path, null as sheet,
               count(s.submission_id) > 0 as has_returned
        from expected as g
        left join staging.stg_raw__submissions as s
            on s.fiscal_year = $year and s.form = g.kind
            and s.identity_status = 'ok'
            and (case when g.kind = 'prefecture' then s.prefecture_code else s.municipality_id end) = g.member
        where g.kind in (select form from codebook.editions where edition = $year)
        group by all
    """,
}


def _sql(name: str) -> str:
    """The frame's query with ``{respondent}`` / ``{respondent_s}`` expanded to the respondent columns."""
    return CROSS_SQL[name].format(
        respondent=", ".join(RESPONDENT_COLUMNS), respondent_s=", ".join(f"s.{c}" for c in RESPONDENT_COLUMNS)
    )


def form_frame(con: duckdb.DuckDBPyConnection, form: str, year: int) -> pd.DataFrame:
    """The rule checks of one form, with who each row is about (the check table has key and form)."""
    who = ", ".join(f"s.{c}" for c in RESPONDENT_COLUMNS if c not in ("respondent_key", "form"))
    return con.execute(
        f"""
        select c.*, {who}
        from intermediate.int_{form}__rule_checks as c
        join staging.stg_raw__submissions as s using (submission_id)
        where c.fiscal_year = ?
        """,
        [year],
    ).fetchdf()


def cross_frame(con: duckdb.DuckDBPyConnection, name: str, year: int) -> pd.DataFrame:
    return con.execute(_sql(name), {"year": year}).fetchdf()


def answers_frame(con: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """The answer each finding quotes: raw values per submission and item, as typed, and for multiple
    choice the options read as ticked (a prefecture reads 「1.…」 better than '1, 1')."""
    return con.execute(
        """
        select submission_id, item_key, string_agg(coalesce(raw_value, ''), ', ' order by cell) as value_found,
               string_agg(cell, ',' order by cell) as cells,
               list(option_code order by option_code) filter (where option_code is not null and value = '1')
                   as ticked_codes
        from raw.answers
        where fiscal_year = ? and submission_id in (select submission_id from staging.stg_raw__submissions)
        group by all
        """,
        [year],
    ).fetchdf()
