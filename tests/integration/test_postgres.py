"""Publishing to a real PostgreSQL server: the refresh copies the DuckDB publication table by table, a failed
gate or a failed load leaves the previous publication, readers never see a mix during publications, and
each role reads only what it may."""

from __future__ import annotations

import datetime as dt
import math
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import psycopg
import pytest
from psycopg import conninfo

from tests.conftest import Ingested
from tests.postgres_server import fresh_database, login_url, server_url
from tests.runs import refresh_files, write_return
from warehouse.pipeline.state import RefreshReport
from warehouse.publish.pg_access import MINISTRY_LOGIN
from warehouse.publish.postgres import create_roles, describe, publish_postgres, read_postgres_publication
from warehouse.publish.swap import PublishError
from warehouse.reference.local_governments import load

pytestmark = pytest.mark.slow  # refreshes published to PostgreSQL
PUBLISHED = ["marts", "report", "provenance", "gate", "meta"]


@dataclass
class Published:
    report: RefreshReport
    root: Path
    published: Path  # the DuckDB publication
    url: str  # the database, as its owner
    passwords: dict[str, str]  # login -> password


@pytest.fixture(scope="module")
def pg(clean_year: Ingested, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Published]:
    """The reduced national year refreshed with PostgreSQL configured, then ``pg-roles`` run on the database."""
    server = server_url()
    root = tmp_path_factory.mktemp("postgres")
    shutil.copytree(clean_year.raw, root / "raw")
    with fresh_database(server) as url:
        published = root / "published.duckdb"
        report = refresh_files(
            root / "raw", root / "w.duckdb", published, 2023, cleaning_log=root / "log", postgres_url=url
        )
        prefectures = {code: lg.name for code, lg in load().prefectures.items()}
        logins = create_roles(url, prefectures, reset_passwords=True)
        yield Published(report, root, published, url, {login.role: login.password or "" for login in logins})


def _connect(pg: Published, role: str) -> psycopg.Connection:
    return psycopg.connect(login_url(pg.url, role, pg.passwords[role]), autocommit=True)


def _normalise(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC)
    if isinstance(value, list):
        return tuple(_normalise(v) for v in value)
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    return value


def _sorted(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return sorted((tuple(_normalise(v) for v in row) for row in rows), key=repr)


def _duckdb_tables(published: Path) -> dict[str, list[tuple[Any, ...]]]:
    with duckdb.connect(str(published), read_only=True) as con:
        names = con.execute("select schema_name, table_name from duckdb_tables() order by all").fetchall()
        return {f"{s}.{t}": _sorted(con.execute(f'select * from "{s}"."{t}"').fetchall()) for s, t in names}


def _postgres_tables(url: str, schemas: set[str]) -> dict[str, list[tuple[Any, ...]]]:
    with psycopg.connect(url) as con:
        names = con.execute(
            "select table_schema, table_name from information_schema.tables where table_schema = any(%s)",
            [sorted(schemas)],
        ).fetchall()
        return {f"{s}.{t}": _sorted(con.execute(f'select * from "{s}"."{t}"').fetchall()) for s, t in names}


def test_a_refresh_publishes_the_same_tables_and_rows_to_postgres(pg: Published) -> None:
    assert pg.report.ok, pg.report.blocked
    assert pg.report.postgres is not None and "postgres" in pg.report.stages
    assert "password" not in pg.report.postgres.target and pg.report.postgres.target.startswith("postgresql://")
    expected = _duckdb_tables(pg.published)
    assert {"marts", "report", "provenance", "gate", "meta"} <= {name.split(".")[0] for name in expected}
    found = _postgres_tables(pg.url, {name.split(".")[0] for name in expected})
    assert set(found) == set(expected)
    for name, rows in expected.items():
        assert len(found[name]) == len(rows), name
        assert found[name] == rows, name
    assert pg.report.postgres.tables == {name: len(rows) for name, rows in expected.items()}
    assert sum(len(rows) for rows in expected.values()) > 10_000


def test_postgres_tables_keep_keys_checks_not_null_and_comments(pg: Published) -> None:
    with duckdb.connect(str(pg.published), read_only=True) as con:
        keys = con.execute(
            "select schema_name || '.' || table_name, constraint_type, list_sort(constraint_column_names) "
            "from duckdb_constraints() where constraint_type in ('PRIMARY KEY', 'UNIQUE')"
        ).fetchall()
        checks = dict(
            con.execute(
                "select schema_name || '.' || table_name, count(*) from duckdb_constraints() "
                "where constraint_type = 'CHECK' group by all"
            ).fetchall()
        )
        not_null = set(
            con.execute(
                "select schema_name, table_name, column_name from duckdb_columns() where not is_nullable"
            ).fetchall()
        )
        comments = set(
            con.execute(
                "select schema_name, table_name, column_name, comment from duckdb_columns() where comment <> ''"
            ).fetchall()
        )
    assert keys and checks and not_null and comments
    with psycopg.connect(pg.url) as con:
        found_keys = con.execute(
            "select c.conrelid::regclass::text, case c.contype when 'p' then 'PRIMARY KEY' else 'UNIQUE' end, "
            "(select array_agg(a.attname::text order by a.attname) from pg_attribute a "
            " where a.attrelid = c.conrelid and a.attnum = any(c.conkey)) "
            "from pg_constraint c where c.contype in ('p', 'u') and c.connamespace::regnamespace::text = any(%s)",
            [PUBLISHED],
        ).fetchall()
        found_checks = dict(
            con.execute(
                "select conrelid::regclass::text, count(*) from pg_constraint where contype = 'c' "
                "and connamespace::regnamespace::text = any(%s) group by 1",
                [PUBLISHED],
            ).fetchall()
        )
        found_not_null = set(
            con.execute(
                "select table_schema, table_name, column_name from information_schema.columns "
                "where is_nullable = 'NO' and table_schema = any(%s)",
                [PUBLISHED],
            ).fetchall()
        )
        found_comments = set(
            con.execute(
                "select n.nspname, c.relname, a.attname, col_description(c.oid, a.attnum) from pg_class c "
                "join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid "
                "where a.attnum > 0 and col_description(c.oid, a.attnum) <> '' and n.nspname = any(%s)",
                [PUBLISHED],
            ).fetchall()
        )
    assert sorted((t, k, list(c)) for t, k, c in keys) == sorted((t, k, list(c)) for t, k, c in found_keys)
    assert found_checks == checks
    assert found_not_null == not_null
    assert found_comments == comments


def _fingerprint(url: str) -> tuple[Any, ...]:
    with psycopg.connect(url) as con:
        meta = con.execute("select published_at, gate_run_id from meta.publication").fetchone()
        counts = con.execute("select sum(row_count) from meta.publication_tables").fetchone()
        cells = con.execute("select count(*), md5(string_agg(cell_key, ',' order by cell_key)) from provenance.answers")
        schemas = con.execute("select array_agg(nspname::text order by nspname) from pg_namespace").fetchone()
        return meta, counts, cells.fetchone(), schemas


def test_a_failed_gate_or_a_failed_load_leaves_the_previous_postgres_publication(pg: Published) -> None:
    before = _fingerprint(pg.url)
    write_return(pg.root / "raw", "municipality", "182010_福井市__unknown", {"f1_municipality_code": "99999"})
    blocked = refresh_files(
        pg.root / "raw", pg.root / "w.duckdb", pg.published, 2023, cleaning_log=pg.root / "log", postgres_url=pg.url
    )
    assert not blocked.ok and "cross.identity" in (blocked.blocked or "")
    assert blocked.postgres is None and "postgres" not in blocked.stages
    assert _fingerprint(pg.url) == before

    # a load that fails half-way (PostgreSQL's text cannot hold a NUL character) is rolled back whole
    broken = pg.root / "broken.duckdb"
    shutil.copy(pg.published, broken)
    broken.chmod(0o644)
    with duckdb.connect(str(broken)) as con:
        con.execute("create table marts.zz_broken as select 'a' || chr(0) || 'b' as text")
        con.execute(
            "insert into meta.disclosure (schema_name, table_name, audience) values ('marts', 'zz_broken', 'public')"
        )
    with pytest.raises(PublishError, match=r"publishing to postgresql://.* failed: .*previous publication"):
        publish_postgres(pg.url, broken)
    assert _fingerprint(pg.url) == before


def _variant(pg: Published, n: int) -> Path:
    """The publication with ``n`` rows fewer in two tables, its counts and its time updated to match."""
    path = pg.root / f"variant{n}.duckdb"
    shutil.copy(pg.published, path)
    path.chmod(0o644)
    with duckdb.connect(str(path)) as con:
        for schema, table in (("marts", "fct_scenario_initiative"), ("provenance", "answers")):
            con.execute(f"delete from {schema}.{table} where rowid in (select rowid from {schema}.{table} limit {n})")
            con.execute(
                "update meta.publication_tables set row_count = row_count - ? where schema_name = ? and table_name = ?",
                [n, schema, table],
            )
        con.execute("update meta.publication set published_at = published_at + to_seconds(?)", [n])
    return path


CONSISTENT = """
select (select published_at from meta.publication),
       (select row_count from meta.publication_tables where table_name = 'fct_scenario_initiative'),
       (select count(*) from marts.fct_scenario_initiative),
       (select row_count from meta.publication_tables where table_name = 'answers'),
       (select count(*) from provenance.answers)
"""


def test_readers_see_the_old_or_the_new_publication_never_a_mix(pg: Published) -> None:
    variants = [_variant(pg, n) for n in (1, 2, 3)]
    stop = threading.Event()
    seen: list[list[dt.datetime]] = [[] for _ in range(8)]
    problems: list[str] = []

    def read(i: int) -> None:
        try:
            with _connect(pg, MINISTRY_LOGIN) as con:
                while not stop.is_set():
                    at, expected_facts, facts, expected_answers, answers = con.execute(CONSISTENT).fetchone()
                    if (facts, answers) != (expected_facts, expected_answers):
                        problems.append(f"reader {i}: counts {facts}, {answers} beside meta's of {at}")
                    if not seen[i] or seen[i][-1] != at:
                        seen[i].append(at)
                    stop.wait(0.005)  # a breath between queries, so 8 readers do not starve the publisher on 2 cores
        except Exception as error:  # any error a reader meets is what the test is about
            problems.append(f"reader {i}: {type(error).__name__}: {error}")

    readers = [threading.Thread(target=read, args=(i,)) for i in range(8)]
    for reader in readers:
        reader.start()
    try:
        publications = [read_postgres_publication(pg.url)["published_at"]]
        for variant in variants:
            result = publish_postgres(pg.url, variant)
            publications.append(result.published_at)
        time.sleep(0.5)
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=30)
    assert not problems, problems[:5]
    order = {at: i for i, at in enumerate(publications)}
    for sequence in seen:
        steps = [order[at] for at in sequence]  # a time no publication had would fail here
        assert steps == sorted(steps)  # never back to an older publication
    assert {at for sequence in seen for at in sequence} == set(publications)
    publish_postgres(pg.url, pg.published)  # the refresh's publication again, for the tests that follow


def test_dagster_publishes_to_the_configured_database_and_names_it_when_it_cannot(pg: Published) -> None:
    import dagster as dg

    from orchestration.postgres_assets import PostgresTarget, published_postgres
    from orchestration.resources import WarehouseSettings

    paths = WarehouseSettings(published=str(pg.published), db=str(pg.root / "w.duckdb"))
    before = read_postgres_publication(pg.url)
    done = dg.materialize([published_postgres], resources={"warehouse": paths, "postgres": PostgresTarget(url=pg.url)})
    assert done.success
    [materialization] = done.asset_materializations_for_node("published_postgres")
    assert materialization.metadata["target"].value == describe(pg.url)
    assert materialization.metadata["roles"].value is True
    after = read_postgres_publication(pg.url)
    assert after is not None and before is not None and after["gate_run_id"] == before["gate_run_id"]

    unreachable = conninfo.make_conninfo(pg.url, port="1", connect_timeout="3")
    failed = dg.materialize(
        [published_postgres],
        resources={"warehouse": paths, "postgres": PostgresTarget(url=unreachable)},
        raise_on_error=False,
    )
    assert not failed.success
    [failure] = [event for event in failed.all_events if event.is_step_failure]
    message = failure.step_failure_data.error.message if failure.step_failure_data.error else ""
    assert describe(unreachable) in message and "previous publication is unchanged" in message
    assert read_postgres_publication(pg.url) == after


def test_awkward_values_arrive_as_they_are(tmp_path: Path) -> None:
    """Quotes, backslashes, line breaks, empty strings beside NULLs, NULL list elements, NaN and infinities."""
    published = tmp_path / "awkward.duckdb"
    with duckdb.connect(str(published)) as con:
        con.execute("create schema marts; create schema meta")
        con.execute("create table meta.publication (published_at timestamptz, source_db varchar, schemas varchar[])")
        con.execute("insert into meta.publication values (now(), 'w.duckdb', ['marts'])")
        con.execute(
            "create table meta.disclosure as select * from (values ('marts', 'awkward'), ('meta', 'publication'), "
            "('meta', 'disclosure')) as t (schema_name, table_name), (select 'public' as audience, "
            "null::varchar as prefecture_key, null::varchar as prefecture_via, 'test' as declared_in)"
        )
        con.execute(
            "create table marts.awkward (id integer primary key, text varchar, keys varchar[], x double, "
            "d date, t timestamp, n decimal(9, 2), flag boolean)"
        )
        con.execute(
            """insert into marts.awkward values
            (1, '', [], 'nan', '2023-04-01', '2023-04-01 09:30:00.123456', 1.25, true),
            (2, null, null, 'inf', null, null, null, null),
            (3, 'a "quoted", back\\slash
and a line break', ['"x"', 'b\\c', null, '', 'd,e', '{f}', 'NULL'], '-inf', '1999-12-31', null, -0.5, false),
            (4, '看取り・入退院支援', ['看取り'], 1e-300, null, null, 12345.67, null)"""
        )
    server = server_url()
    with fresh_database(server) as url:
        publish_postgres(url, published)
        assert _postgres_tables(url, {"marts", "meta"}) == _duckdb_tables(published)
        # a relation nobody declared is not published at all
        with duckdb.connect(str(published)) as con:
            con.execute("create table marts.undeclared as select 1 as x")
        with pytest.raises(PublishError, match=r"who may read marts\.undeclared is not declared"):
            publish_postgres(url, published)
