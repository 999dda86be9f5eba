"""A refresh killed at a fixed point, then run again, gives what a refresh from scratch gives, and
leaves nothing behind.

Each crash is real: ``python -m warehouse run`` in a process of its own whose step at that point calls
``os._exit`` (no clean-up, no ``finally``), injected by a ``sitecustomize`` module so that it also
reaches the gate's own process.  The points are those where a step writes more than one thing: inside
the ingest's transaction, between the gate's findings and its run record, after the cleaning log is
written and before its set is switched, and after the publication's temporary file is written and
before it replaces the analysts' file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from warehouse.pipeline.leftovers import temp_root
from warehouse.pipeline.state import RefreshReport
from warehouse.publish.swap import read_publication

pytestmark = pytest.mark.slow  # five refreshes, each in a process of its own
ROOT = Path(__file__).resolve().parents[2]

#: Fixed points, in the order a refresh reaches them: ``module.function`` replaced by a crash.
CRASH_POINTS = (
    "warehouse.ingest.store._withdraw",
    "warehouse.gate.store._record_run",
    "warehouse.cleaning_log.workbooks._switch",
    "warehouse.publish.swap._fsync",
)
#: Columns that say when or in which run a row was written: they differ between any two refreshes.
RUN_COLUMNS = ("run_id", "first_run_id", "ingested_at", "first_detected_at", "built_at")
#: History tables: a crashed run that got as far as the gate leaves its (complete) record there.
HISTORY = {"gate.runs", "gate.run_rule_counts"}
GATE_TABLES = "select table_name from duckdb_tables() where schema_name = 'gate'"

SITECUSTOMIZE = r"""
import importlib
import os

point = os.environ.get("WAREHOUSE_TEST_CRASH_AT")
if point:
    module_name, name = point.rsplit(".", 1)

    def crash(*args, **kwargs):
        with open(os.environ["WAREHOUSE_TEST_CRASH_MARK"], "a", encoding="utf-8") as mark:
            mark.write(point + "\n")
        os._exit(137)

    setattr(importlib.import_module(module_name), name, crash)
"""


def refresh(env: dict[str, str], hooks: Path, crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
    extra = (
        {"WAREHOUSE_TEST_CRASH_AT": crash_at, "WAREHOUSE_TEST_CRASH_MARK": str(hooks / "crashed")} if crash_at else {}
    )
    return subprocess.run(
        [sys.executable, "-m", "warehouse", "run"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": f"{hooks}{os.pathsep}{ROOT}", "GX_ANALYTICS_ENABLED": "false", **env, **extra},
        capture_output=True,
        text=True,
        timeout=900,
    )


def settings(root: Path, raw: Path) -> dict[str, str]:
    return {
        "WAREHOUSE_RAW": str(raw),
        "WAREHOUSE_DB": str(root / "warehouse.duckdb"),
        "WAREHOUSE_PUBLISHED": str(root / "published.duckdb"),
        "WAREHOUSE_CLEANING_LOG": str(root / "cleaning_log"),
    }


def published_content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every published table's rows, sorted, without the columns that name a run or a time."""
    out: dict[str, list[tuple[object, ...]]] = {}
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.execute("select schema_name, table_name from meta.publication_tables order by 1, 2").fetchall()
        for schema, table in tables:
            if f"{schema}.{table}" in HISTORY:
                continue
            columns = [
                c
                for (c,) in con.execute(
                    "select column_name from duckdb_columns() where schema_name = ? and table_name = ? "
                    "order by column_index",
                    [schema, table],
                ).fetchall()
                if c not in RUN_COLUMNS
            ]
            listed = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f'select {listed} from "{schema}"."{table}"').fetchall()
            out[f"{schema}.{table}"] = sorted(rows, key=repr)
    return out


def leftovers(root: Path) -> list[Path]:
    """What a finished run must not leave: publication temp files, cleaning-log staging, run temp folders."""
    found = list(root.glob("published.duckdb.tmp-*"))
    log = root / "cleaning_log"
    current = os.readlink(log / "2023") if (log / "2023").is_symlink() else None
    found += [p for p in log.glob(".*") if p.name != current]
    found += [p for p in temp_root(root / "warehouse.duckdb").glob("*") if p.is_dir() and any(p.iterdir())]
    return found


def test_a_refresh_killed_at_each_fixed_point_then_rerun_equals_a_refresh_from_scratch(
    refreshed: tuple[RefreshReport, Path], tmp_path: Path
) -> None:
    """The refresh from scratch is the session's shared refresh: the crashed runs read its raw folder (reading
    only), so that the paths in the two publications are the same."""
    scratch = refreshed[1].parent
    raw = scratch / "raw"
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    crashed = tmp_path / "crashed"
    env = settings(crashed, raw)

    published = crashed / "published.duckdb"
    for point in CRASH_POINTS:
        before = published.read_bytes() if published.exists() else None
        done = refresh(env, hooks, crash_at=point)
        assert done.returncode != 0, done.stdout
        reached = (hooks / "crashed").read_text(encoding="utf-8").splitlines() if (hooks / "crashed").exists() else []
        assert reached[-1:] == [point], f"the run did not reach {point}:\n{done.stderr[-2000:]}"
        with duckdb.connect(env["WAREHOUSE_DB"], read_only=True) as con:
            if point.startswith("warehouse.ingest"):  # the transaction left nothing
                assert con.execute("select count(*) from raw.submissions").fetchone() == (0,)
                assert con.execute("select count(*) from raw.ingest_runs").fetchone() == (0,)
            if point.startswith("warehouse.gate.store"):  # no findings without their run record
                gate = {t for (t,) in con.execute(GATE_TABLES).fetchall()}
                assert "findings" not in gate or con.execute("select count(*) from gate.findings").fetchone() == (0,)
        if point.startswith("warehouse.publish"):  # the analysts' file is as it was, the temporary one left
            assert (published.read_bytes() if published.exists() else None) == before
            assert list(crashed.glob("published.duckdb.tmp-*"))
        if published.exists():
            assert read_publication(published) is not None

    rerun = refresh(env, hooks)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert leftovers(crashed) == []
    assert refreshed[0].ok, refreshed[0].blocked

    ours, theirs = published_content(crashed / "published.duckdb"), published_content(scratch / "published.duckdb")
    assert sorted(ours) == sorted(theirs)
    for table, rows in theirs.items():
        assert ours[table] == rows, f"{table} differs from the refresh from scratch"
    assert {"marts.fct_scenario_status", "gate.findings", "provenance.answers"} <= set(theirs)
    workbooks = sorted(p.name for p in (crashed / "cleaning_log" / "2023").iterdir())
    assert workbooks == sorted(p.name for p in (scratch / "cleaning_log" / "2023").iterdir())
