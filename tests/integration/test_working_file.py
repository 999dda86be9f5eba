"""The working file is derived state: one that cannot be read is moved aside (kept) and rebuilt from raw/ by the
refresh, every year there; a single stage refuses in one sentence naming the command that rebuilds it; and a
year of the last publication missing from a rebuilt working file is never published away silently."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import Ingested
from tests.runs import refresh_files
from warehouse.pipeline.refusals import Refused, check_years, respondents_metadata
from warehouse.publish.swap import publish

pytestmark = pytest.mark.slow  # refreshes
ROOT = Path(__file__).resolve().parents[2]
GARBAGE = b"half a copied file " * 1000


def test_a_working_file_that_cannot_be_read_is_moved_aside_and_rebuilt(clean_year: Ingested, tmp_path: Path) -> None:
    shutil.copytree(clean_year.raw, tmp_path / "raw")
    db = tmp_path / "w.duckdb"
    db.write_bytes(GARBAGE)
    env = {k: v for k, v in os.environ.items() if not k.startswith("WAREHOUSE_")} | {"WAREHOUSE_DB": str(db)}
    stage = subprocess.run(
        [sys.executable, "-m", "warehouse", "gate", "--year", "2023"], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip
    assert stage.returncode == 1 and stage.stderr.count("\n") == 1, stage.stderr
    assert f"the working file {db} cannot be read (IO Error: The file" in stage.stderr
    assert "`python -m warehouse run --rebuild` moves it aside and rebuilds it" in stage.stderr
    assert db.read_bytes() == GARBAGE, "a stage moves nothing"

    report = refresh_files(tmp_path / "raw", db, tmp_path / "p.duckdb", 2023, cleaning_log=tmp_path / "log")
    assert report.ok, report.blocked
    assert report.rebuilt is not None and "not a valid DuckDB database file" in report.rebuilt[0]
    assert report.rebuilt[1].read_bytes() == GARBAGE and report.rebuilt[1].name.startswith("w.duckdb.damaged-")
    with duckdb.connect(str(tmp_path / "p.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_scenario_status").fetchone()[0] > 0
    again = refresh_files(
        tmp_path / "raw", db, tmp_path / "p.duckdb", 2023, cleaning_log=tmp_path / "log", rebuild=True
    )
    assert again.ok and again.rebuilt is not None and again.rebuilt[0] == "asked for with --rebuild"


def test_a_year_missing_from_the_working_file_is_not_published_away(tmp_path: Path) -> None:
    working = tmp_path / "w.duckdb"
    with duckdb.connect(str(working)) as con:
        con.execute("create schema marts; create table marts.x as select 1 as n")
    published = tmp_path / "p.duckdb"
    counts = {2017: {"municipality": 1741}, 2023: {"municipality": 1741, "prefecture": 47}}
    publish(working, published, ["marts"], metadata=respondents_metadata(counts))
    check_years({2017, 2023}, published)
    with pytest.raises(Refused, match=r"fiscal year 2017 is in the last publication .*1,741 returns.* raw/2017/"):
        check_years({2023}, published)
    assert json.loads(duckdb.connect(str(published), read_only=True).execute(
        "select respondents from meta.publication").fetchone()[0])["2017"] == {"municipality": 1741}  # fmt: skip
