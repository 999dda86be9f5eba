"""Which published tables are respondent-level, and the DuckDB types PostgreSQL receives, decided from the
catalog of a real DuckDB file."""

from __future__ import annotations

import duckdb
import pytest

from warehouse.publish.pg_access import classify
from warehouse.publish.pg_schema import pg_type, read_catalog
from warehouse.publish.swap import PublishError


def _catalog(*ddl: str) -> list:
    con = duckdb.connect()
    con.execute("create schema marts; create schema provenance; create schema report")
    for statement in ddl:
        con.execute(statement)
    return read_catalog(con, "memory")


def test_tables_with_a_respondent_are_filtered_on_their_prefecture_or_their_submissions() -> None:
    access = classify(
        _catalog(
            "create table marts.fct_x (respondent_key varchar, prefecture_code varchar, n integer)",
            "create table provenance.submissions (submission_id varchar primary key, respondent_key varchar, "
            "prefecture_code varchar)",
            "create table provenance.answers (submission_id varchar, respondent_key varchar, value varchar)",
            "create table marts.dim_municipality (municipality_code varchar, prefecture_code varchar)",
            "create table report.rpt_charts (chart_id integer, percent double)",
        )
    )
    assert {name for name, rule in access.items() if rule.respondent_level} == {
        "marts.fct_x", "provenance.submissions", "provenance.answers",
    }  # fmt: skip
    assert access["marts.fct_x"].filter_sql == (
        '"prefecture_code" = ANY ((SELECT warehouse_access.visible_prefectures())::text[])'
    )
    assert access["provenance.answers"].filter_sql == (
        '"submission_id" IN (SELECT "submission_id" FROM {provenance}."submissions")'
    )


def test_a_respondent_table_that_cannot_be_restricted_is_not_published() -> None:
    tables = _catalog("create table marts.fct_loose (respondent_key varchar, answer varchar)")
    with pytest.raises(PublishError, match=r"marts\.fct_loose holds respondents' rows .* not publishing"):
        classify(tables)


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
