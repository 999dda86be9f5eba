"""Running the dbt project (``dbt_project/``) on a working DuckDB file.

The codebook and reference tables are written first, because dbt's macros read them at compile
time to generate the per-form models.  dbt is invoked in-process (``dbtRunner``): it saves the
interpreter start-up and lets callers read the results directly.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from warehouse.codebook import tables as codebook_tables
from warehouse.ingest.store import connect
from warehouse.reference import tables as reference_tables

PROJECT_DIR = Path(__file__).resolve().parents[2] / "dbt_project"


@dataclass(frozen=True)
class BuildReport:
    success: bool
    seconds: float
    results: dict[str, str]  # node unique id → status
    failures: list[str]


def write_lookups(db: Path) -> dict[str, int]:
    """Write the ``codebook`` and ``reference`` schemas; row counts per table."""
    with connect(db) as con:
        counts = {f"codebook.{k}": v for k, v in codebook_tables.write(con).items()}
        counts["reference.local_governments"] = reference_tables.write(con)
    return counts


def artifacts_dir(db: Path) -> Path:
    """dbt's target and log folder for one working file, beside it.

    One folder per working file keeps dbt's partial parsing valid from run to run (it is discarded
    whenever the profile's database changes) and keeps concurrent projects from sharing artifacts.
    """
    return db.parent / "dbt" / db.stem


def dbt_env(db: Path) -> dict[str, str]:
    """Environment for dbt: the working file, the project's own profile, and where artifacts go.

    Paths are made absolute: dbt resolves relative ones against the project folder, not the caller's.
    """
    db = db.resolve()
    folder = artifacts_dir(db)
    return {
        "WAREHOUSE_DB": str(db),
        "DBT_PROFILES_DIR": str(PROJECT_DIR),
        "DBT_TARGET_PATH": str(folder / "target"),
        "DBT_LOG_PATH": str(folder / "logs"),
    }


def _release_connection() -> None:
    """dbt-duckdb keeps its database open for the life of the process; close it so others can open it."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        if DuckDBConnectionManager._ENV is not None:
            DuckDBConnectionManager._ENV.close()
            DuckDBConnectionManager._ENV = None


def build(db: Path, *, select: Sequence[str] = (), args: Sequence[str] = ("build",)) -> BuildReport:
    """Run dbt (``build`` by default) on ``db`` in-process and collect each node's status."""
    from dbt.cli.main import dbtRunner

    started = time.perf_counter()
    env = dbt_env(db)
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        cli = [*args, "--project-dir", str(PROJECT_DIR), "--quiet"]
        if select:
            cli += ["--select", *select]
        result = dbtRunner().invoke(cli)
    finally:
        _release_connection()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    statuses: dict[str, str] = {}
    failures: list[str] = []
    for node in getattr(result.result, "results", None) or []:
        status = str(node.status)
        statuses[node.node.unique_id] = status
        if status in ("error", "fail"):
            failures.append(f"{node.node.unique_id}: {node.message}")
    if result.exception is not None:
        failures.append(str(result.exception))
    return BuildReport(result.success, time.perf_counter() - started, statuses, failures)
