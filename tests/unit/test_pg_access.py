"""Who reads what is decided from the declarations alone (never from a column's name), and the DuckDB types
PostgreSQL receives, decided from the catalog of a real DuckDB file."""

from __future__ import annotations

import duckdb
import pytest

from warehouse.publish.disclosure import Disclosure, Reader, by_audience
from warehouse.publish.pg_access import classify
from warehouse.publish.pg_schema import pg_type, read_catalog
from warehouse.publish.swap import PublishError


def _catalog(*ddl: str) -> list:
    con = duckdb.connect()
    con.execute("create schema marts; create schema provenance; create schema report")
    for statement in ddl:
        con.execute(statement)
    return read_catalog(con, "memory")


TABLES = (
    # a respondent-level table without respondent_key: declared, so it is restricted all the same
    "create table marts.fct_panel (municipality_code varchar, prefecture_code varchar, items integer)",
    "create table provenance.submissions (submission_id varchar primary key, respondent_key varchar, "
    "prefecture_code varchar)",
    "create table provenance.answers (submission_id varchar, respondent_key varchar, value varchar)",
    # a respondent_key in a public table does not make it restricted either: the declaration decides
    "create table report.rpt_charts (chart_id integer, respondent_key varchar, percent double)",
    "create table marts.dim_secret (code varchar)",
)
DECLARED = {
    "marts.fct_panel": Disclosure("marts", "fct_panel", "prefecture", "prefecture_code"),
    "provenance.submissions": Disclosure("provenance", "submissions", "prefecture", "prefecture_code"),
    "provenance.answers": Disclosure("provenance", "answers", "prefecture", "submission_id", "provenance.submissions"),
    "report.rpt_charts": Disclosure("report", "rpt_charts", "public"),
    "marts.dim_secret": Disclosure("marts", "dim_secret", "ministry"),
}


def test_each_table_is_read_as_declared() -> None:
    access = classify(_catalog(*TABLES), DECLARED)
    assert {name: rule.audience for name, rule in access.items()} == {name: d.audience for name, d in DECLARED.items()}
    assert access["marts.fct_panel"].filter_sql == (
        '"prefecture_code" = ANY ((SELECT warehouse_access.visible_prefectures())::text[])'
    )
    assert access["provenance.answers"].filter_sql == (
        '"submission_id" IN (SELECT "submission_id" FROM {provenance}."submissions")'
    )
    assert access["report.rpt_charts"].filter_sql is None and not access["report.rpt_charts"].restricted
    assert access["marts.dim_secret"].restricted and access["marts.dim_secret"].filter_sql is None


def test_an_undeclared_table_or_a_wrong_key_is_not_published() -> None:
    tables = _catalog(*TABLES, "create table marts.fct_new (prefecture_code varchar, answer varchar)")
    with pytest.raises(PublishError, match=r"who may read marts\.fct_new is not declared .*not publishing"):
        classify(tables, DECLARED)
    wrong = {**DECLARED, "marts.fct_panel": Disclosure("marts", "fct_panel", "prefecture", "pref")}
    with pytest.raises(PublishError, match=r"marts\.fct_panel: its declared prefecture_key 'pref'"):
        classify(_catalog(*TABLES), wrong)
    loose = {**DECLARED, "provenance.answers": Disclosure("provenance", "answers", "prefecture", "submission_id",
                                                          "report.rpt_charts")}  # fmt: skip
    with pytest.raises(PublishError, match=r"prefecture_via report\.rpt_charts is not a published prefecture"):
        classify(_catalog(*TABLES), loose)


def test_readers_and_their_rows() -> None:
    assert Reader.parse("prefecture:13,1") == Reader("prefecture", frozenset({"13", "01"}))
    for wrong in ("prefecture", "public:13", "everyone", "prefecture:48", "prefecture:x"):
        with pytest.raises(ValueError):
            Reader.parse(wrong)
    tokyo = Reader.parse("prefecture:13")
    assert tokyo.row_filter(DECLARED["marts.fct_panel"], DECLARED) == "\"prefecture_code\" IN ('13')"
    assert tokyo.row_filter(DECLARED["provenance.answers"], DECLARED, "p.") == (
        '"submission_id" IN (SELECT "submission_id" FROM p."provenance"."submissions" '
        "WHERE \"prefecture_code\" IN ('13'))"
    )
    assert Reader.parse("ministry").row_filter(DECLARED["marts.fct_panel"], DECLARED) is None
    assert not Reader.parse("public").reads(DECLARED["marts.fct_panel"])
    assert not tokyo.reads(DECLARED["marts.dim_secret"]) and Reader.parse("ministry").reads(
        DECLARED["marts.dim_secret"]
    )
    assert by_audience(DECLARED) == {
        "ministry": sorted(DECLARED),
        "prefecture": ["marts.fct_panel", "provenance.answers", "provenance.submissions", "report.rpt_charts"],
        "public": ["report.rpt_charts"],
    }


def test_types() -> None:
    assert pg_type("VARCHAR[]", "c") == "text[]"
    assert pg_type("DECIMAL(9,2)", "c") == "numeric(9,2)"
    assert pg_type("TIMESTAMP WITH TIME ZONE", "c") == "timestamptz"
    with pytest.raises(PublishError, match=r"column marts\.x\.u has DuckDB type UNION"):
        pg_type("UNION(a INTEGER, b VARCHAR)", "column marts.x.u")


def test_duckdb_full_match_checks_are_written_in_postgres_dialect() -> None:
    from warehouse.publish.pg_schema import pg_check

    assert pg_check("CHECK(regexp_full_match(form, '[a-z_]+'))") == "CHECK((form ~ '^(?:[a-z_]+)$'))"
    assert pg_check("CHECK((n >= 0))") == "CHECK((n >= 0))"
