"""Every SQL query of docs/analysts.md and README.md, run where the docs say it runs: on the published DuckDB
file that holds the editions its section needs, and on that file's copy in PostgreSQL, with the same rows.

The files are the session's: the refreshed reduced 2023 sample (``refreshed``), the legacy editions and the hub
year with two 2023 municipal returns (``every_edition``) and the hand-written returns of 2016, 2017 and 2023
(``across_years``); the two working files are published here as the refresh would (no gate: they have none),
then copied to PostgreSQL, which takes seconds."""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import psycopg
import pytest

from tests.postgres_server import fresh_database, server_url
from tests.runs import publish_working
from warehouse.pipeline.state import RefreshReport
from warehouse.publish.postgres import publish_postgres

pytestmark = pytest.mark.slow  # every edition built by dbt, and PostgreSQL
ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "analysts.md"
README = ROOT / "README.md"
#: Each section of analysts.md with SQL, and the fixture whose publication holds the editions it needs.
SECTIONS = {
    "Questions about the 令和5年度 survey": "release_5",
    "The hubs (拠点調査, 令和7年度) and the municipalities they serve": "hubs",
    "Across the years": "editions",
    "Municipalities across code changes": "editions",
}
SHORT = dict(zip(SECTIONS, ["r5", "hubs", "years", "codes"], strict=True))
SQL = re.compile(r"```sql\n(.*?)```", re.S)


def _sections() -> dict[str, list[str]]:
    """The ```sql blocks of analysts.md by section heading (``## …``)."""
    text = DOCS.read_text(encoding="utf-8")
    parts = re.split(r"^## ", text, flags=re.M)[1:]
    return {part.splitlines()[0].strip(): SQL.findall(part) for part in parts}


def _documented() -> list[tuple[str, int, str]]:
    return [(section, n, q) for section in SECTIONS for n, q in enumerate(_sections().get(section, []), 1)]


def _params() -> list[Any]:
    return [pytest.param(section, n, q, id=f"{SHORT[section]}-{n}") for section, n, q in _documented()]


@dataclass(frozen=True)
class Target:
    published: Path  # the DuckDB publication
    url: str  # its copy in PostgreSQL


def _target(published: Path) -> Iterator[Target]:
    with fresh_database(server_url()) as url:
        publish_postgres(url, published)
        yield Target(published, url)


def _published(working: Path, folder: Path) -> Path:
    return publish_working(working, folder, "documented-queries")


@pytest.fixture(scope="module")
def release_5(refreshed: tuple[RefreshReport, Path]) -> Iterator[Target]:
    yield from _target(refreshed[1])


@pytest.fixture(scope="module")
def hubs(every_edition: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    yield from _target(_published(every_edition, tmp_path_factory.mktemp("hubs_published")))


@pytest.fixture(scope="module")
def editions(across_years: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    yield from _target(_published(across_years, tmp_path_factory.mktemp("editions_published")))


def _value(value: Any) -> Any:
    """One value as both engines can agree on it: numbers as floats (numeric beside double), instants in UTC."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float | decimal.Decimal):
        return round(float(value), 6)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC)
    if isinstance(value, list | tuple):
        return tuple(_value(v) for v in value)
    return value


def _rows(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Sorted: ties and collations may order rows differently; the rows themselves must be the same."""
    return sorted((tuple(_value(v) for v in row) for row in rows), key=repr)


def _same(left: list[tuple[Any, ...]], right: list[tuple[Any, ...]]) -> bool:
    if len(left) != len(right):
        return False
    for a, b in zip(left, right, strict=True):
        for x, y in zip(a, b, strict=True):
            close = isinstance(x, float) and isinstance(y, float) and math.isclose(x, y, abs_tol=1e-6)
            if x != y and not close:
                return False
    return True


@pytest.mark.parametrize(("section", "n", "query"), _params())
def test_a_documented_query_returns_the_same_rows_on_duckdb_and_postgres(
    section: str, n: int, query: str, request: pytest.FixtureRequest
) -> None:
    target: Target = request.getfixturevalue(SECTIONS[section])
    with duckdb.connect(str(target.published), read_only=True) as con:
        on_duckdb = _rows(con.execute(query).fetchall())
    with psycopg.connect(target.url) as con:
        on_postgres = _rows(con.execute(query).fetchall())
    assert on_duckdb, f"{section} #{n} returns no rows on DuckDB"
    assert on_postgres, f"{section} #{n} returns no rows on PostgreSQL"
    assert _same(on_duckdb, on_postgres), f"{section} #{n}: {on_duckdb[:3]} on DuckDB, {on_postgres[:3]} on PostgreSQL"


def test_every_sql_block_of_the_docs_is_run() -> None:
    """A query added to a section no test runs, or the README's query away from the docs, fails here."""
    every = [q for queries in _sections().values() for q in queries]
    run = [q for *_, q in _documented()]
    assert len(run) == len(every) == 21 and sorted(run) == sorted(every)
    offered = SQL.findall(README.read_text(encoding="utf-8"))
    assert len(offered) == 1 and offered[0] in run
