"""Running the dbt project (``dbt_project/``) on a working DuckDB file.

The codebook and reference tables are written first, because dbt's macros read them at compile
time to generate the per-form models.  dbt is invoked in-process (``dbtRunner``): it saves the
interpreter start-up and lets callers read the results directly.

The per-return models are incremental (``dbt_project/macros/incremental.sql``): a build computes
the returns not yet in them.  Their rows also depend on the lookup tables and on the dbt project's
code.  dbt itself versions each incremental model (the lookups' hash, its own file, its incremental
ancestors' versions, in ``transform.model_versions``) and rebuilds one whole when its version
changed, so a plain ``dbt build`` is correct after a rule change.  The wrapper here adds a
fingerprint of the whole project, macros included, and of the lookups (``transform.builds``): any
change rebuilds everything (``--full-refresh``); when nothing changed it runs only what reads the
returns (``source:raw+``), the rest being current.

dbt-duckdb closes the working file when its last connection closes (``keep_open: false`` in
``profiles.yml``), so the file is free for the next step as soon as a build returns.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from warehouse.codebook import tables as codebook_tables
from warehouse.ingest.store import connect
from warehouse.reference import tables as reference_tables

PROJECT_DIR = Path(__file__).resolve().parents[2] / "dbt_project"
#: The folders and files of the dbt project that define what it builds.
PROJECT_SOURCES = ("dbt_project.yml", "models", "macros", "tests", "seeds", "snapshots")
#: The nodes a new return can change: everything downstream of the ``raw`` sources.
RETURNS_AND_DOWNSTREAM = "source:raw+"
#: The schemas written by :func:`write_lookups`, which the models read.
LOOKUP_SCHEMAS = ("codebook", "reference")
BUILDS_DDL = """
create schema if not exists transform;
create table if not exists transform.builds (
    built_at timestamp, fingerprint varchar, full_refresh boolean, seconds double, nodes integer
);
"""


@dataclass(frozen=True)
class BuildReport:
    success: bool
    seconds: float
    results: dict[str, str]  # node unique id → status
    failures: list[str]
    full_refresh: bool = False


def project_files(project_dir: Path = PROJECT_DIR) -> list[Path]:
    """Every file of the dbt project that defines what it builds, sorted."""
    files: list[Path] = []
    for name in PROJECT_SOURCES:
        path = project_dir / name
        files += [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return files


def fingerprint(db: Path) -> str:
    """What the incremental models' rows depend on besides the returns: the project and the lookups."""
    digest = hashlib.sha256()
    for path in project_files():
        digest.update(path.relative_to(PROJECT_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    with connect(db, read_only=True) as con:
        tables = con.execute(
            "select schema_name || '.' || table_name from duckdb_tables() "
            "where list_contains(?, schema_name) order by 1",
            [list(LOOKUP_SCHEMAS)],
        ).fetchall()
        for (table,) in tables:
            rows = con.execute(f"select count(*), sum(hash(t)::hugeint) from {table} as t").fetchone()
            digest.update(f"{table}={rows}".encode())
    return digest.hexdigest()


def needs_full_refresh(db: Path, current: str | None = None) -> bool:
    """True unless the last complete build of ``db`` was made from the same project and lookups."""
    with connect(db, read_only=True) as con:
        known = con.execute(
            "select count(*) from duckdb_tables() where schema_name = 'transform' and table_name = 'builds'"
        ).fetchone()
        if not known or not known[0]:
            return True
        last = con.execute("select fingerprint from transform.builds order by built_at desc limit 1").fetchone()
    return last is None or last[0] != (current or fingerprint(db))


def record_build(db: Path, current: str, *, full_refresh: bool, seconds: float, nodes: int) -> None:
    """Remember a complete, successful build: the next one only adds what changed since."""
    with connect(db) as con:
        con.execute(BUILDS_DDL)
        con.execute(
            "insert into transform.builds values (?, ?, ?, ?, ?)",
            [dt.datetime.now(), current, full_refresh, seconds, nodes],
        )


def write_lookups(db: Path) -> dict[str, int]:
    """Write the ``codebook`` and ``reference`` schemas; row counts per table."""
    with connect(db) as con:
        counts = {f"codebook.{k}": v for k, v in codebook_tables.write(con).items()}
        counts |= {f"reference.{k}": v for k, v in reference_tables.write(con).items()}
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


@contextmanager
def environment(values: Mapping[str, str]) -> Iterator[None]:
    """``values`` set in ``os.environ`` for the block, the previous values restored afterwards: dbt
    (in-process, or as dagster-dbt's subprocess) reads its profile and paths from the environment."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def build(
    db: Path, *, select: Sequence[str] = (), args: Sequence[str] = ("build",), full_refresh: bool | None = None
) -> BuildReport:
    """Run dbt (``build`` by default) on ``db`` in-process and collect each node's status.

    ``full_refresh`` None decides from the fingerprint: everything is rebuilt whole when the project or
    the lookups changed since the last complete build; otherwise only what reads the returns is run,
    and the incremental models compute the new returns alone.
    """
    from dbt.cli.main import dbtRunner

    started = time.perf_counter()
    builds = args[0] in ("build", "run")
    current = fingerprint(db) if builds else ""
    if full_refresh is None:
        full_refresh = builds and needs_full_refresh(db, current)
    cli = [*args, "--project-dir", str(PROJECT_DIR), "--quiet"]
    if select:
        cli += ["--select", *select]
    elif builds and not full_refresh:
        # project and lookups as last built: what reads only them (most dimensions) is current
        cli += ["--select", RETURNS_AND_DOWNSTREAM]
    if full_refresh:
        cli.append("--full-refresh")
    with environment(dbt_env(db)):
        result = dbtRunner().invoke(cli)
    statuses: dict[str, str] = {}
    failures: list[str] = []
    for node in getattr(result.result, "results", None) or []:
        status = str(node.status)
        statuses[node.node.unique_id] = status
        if status in ("error", "fail"):
            failures.append(f"{node.node.unique_id}: {node.message}")
    if result.exception is not None:
        failures.append(str(result.exception))
    seconds = time.perf_counter() - started
    if result.success and builds and not select:
        record_build(db, current, full_refresh=full_refresh, seconds=seconds, nodes=len(statuses))
    return BuildReport(result.success, seconds, statuses, failures, full_refresh)
