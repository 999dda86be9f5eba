"""Running the dbt project (``dbt_project/``) on a working DuckDB file.

The codebook and reference tables are written first: the dimensions and facts read them (the per-form
models are generated from the codebooks and committed: :mod:`warehouse.codebook.dbt_models`).  dbt is
invoked in the calling process (``dbtRunner``): a refresh calls :func:`build` in a worker process of its own
(``warehouse.pipeline.steps.build_models``) that has imported dbt and parsed the project (:func:`preparse`)
while the returns were read.

The per-return models are incremental (``dbt_project/macros/incremental.sql``): a build computes
the returns not yet in them.  Their rows also depend on the lookup tables and on the dbt project's
code.  dbt itself versions each incremental model (the lookups' hash, its own file, its incremental
ancestors' versions, in ``transform.model_versions``) and rebuilds one whole when its version
changed, so a plain ``dbt build`` is correct after a rule change.  The wrapper here adds a
fingerprint of the whole project, macros included, and of the lookups (``transform.builds``): any
change rebuilds everything (``--full-refresh``); otherwise it runs only what reads the returns
(``source:raw+``), leaving out the models that read only forms and editions without a new or withdrawn
return since the last build (:func:`changed_forms`, :func:`forms_read`), and nothing at all when no return
changed.

Every invocation keeps its ``run_results.json`` under ``<artifacts>/runs/<label>/`` for inspection, the
last :data:`RUNS_KEPT` (``WAREHOUSE_DBT_RUNS_KEPT``) of them; the target folder itself is one per working
file and reused, so dbt's partial parsing saves the project's parse on every run.

dbt-duckdb keeps the working file open for the whole invocation (``keep_open: true`` in ``profiles.yml``):
closing it when no node holds a connection would checkpoint and reopen it dozens of times per build. It is
closed as soon as the invocation returns (:func:`invoke`), so the next step, or process, can open it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warehouse.db import connect

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


#: What dbt writes to ``<artifacts>/logs/dbt.log`` unless ``DBT_LOG_LEVEL_FILE`` says otherwise.
LOG_LEVEL_FILE = "info"
#: How many runs' dbt results are kept under ``<artifacts>/runs/`` (``WAREHOUSE_DBT_RUNS_KEPT``).
RUNS_KEPT = 10


#: A form of one edition (``("municipality", 2023)``): what a return belongs to, and what a model reads.
Unit = tuple[str, int]


@dataclass(frozen=True)
class BuildReport:
    success: bool
    seconds: float
    results: dict[str, str]  # node unique id → status
    failures: list[str]
    full_refresh: bool = False
    forms: tuple[Unit, ...] | None = None  # the forms and editions whose models were built (None: every one)
    skipped: bool = False  # no return changed since the last build: nothing ran
    timings: dict[str, float] = field(default_factory=dict)  # node unique id → seconds


def project_files(project_dir: Path | None = None) -> list[Path]:
    """Every file of the dbt project (by default :data:`PROJECT_DIR`) that defines what it builds, sorted."""
    project_dir = project_dir or PROJECT_DIR
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


def changed_forms(db: Path) -> tuple[Unit, ...] | None:
    """The forms and editions with a return ingested or withdrawn since the last complete build (None: no
    build known).

    Only the models reading these can gain or lose rows; a build with none has nothing to do.
    """
    with connect(db, read_only=True) as con:
        known = con.execute(
            "select count(*) from duckdb_tables() where schema_name = 'transform' and table_name = 'builds'"
        ).fetchone()
        if not known or not known[0]:
            return None
        rows = con.execute(
            """
            with last as (select max(built_at) as built_at from transform.builds)
            select distinct s.form, s.fiscal_year from raw.submissions as s, last
            where s.ingested_at > last.built_at
                or s.submission_id in (
                    select w.submission_id from raw.withdrawals as w where w.withdrawn_at > last.built_at
                )
            order by 1, 2
            """
        ).fetchall()
    return tuple((str(form), int(year)) for form, year in rows)


def codebook_units() -> tuple[set[Unit], dict[str, set[Unit]]]:
    """Every form and edition the codebooks define, and for each fact tag the forms and editions tagging it."""
    from warehouse.codebook.model import editions, load_edition

    units: set[Unit] = set()
    facts: dict[str, set[Unit]] = {}
    for edition in editions():
        for form, cb in load_edition(edition).items():
            units.add((form, edition))
            for item in cb.items:
                if "fact" in item.tags:
                    facts.setdefault(item.tags["fact"], set()).add((form, edition))
    return units, facts


def forms_read(manifest: dict[str, Any], units: set[Unit], facts: Mapping[str, set[Unit]]) -> dict[str, set[Unit]]:
    """Model name → the forms and editions whose returns its rows can come from.

    A model whose config declares ``meta: {forms: [..]}`` (the generated per-form models, and models that keep
    those forms' returns) or ``meta: {facts: [..]}`` (it keeps the items tagged with those facts: ``fact_items``
    refuses a fact not declared) reads those forms, every edition, or the forms and editions whose codebooks
    tag those facts. Any other model reads what its parents read, and what reads the ``raw`` sources (the
    returns themselves) reads everything.
    """
    parents: dict[str, list[str]] = manifest.get("parent_map", {})
    nodes = {uid: node for uid, node in manifest.get("nodes", {}).items() if node.get("resource_type") == "model"}
    found: dict[str, set[Unit]] = {}

    def editions_of(names: set[str]) -> set[Unit]:
        return {unit for unit in units if unit[0] in names}

    def declared(node: dict[str, Any]) -> set[Unit] | None:
        meta = node.get("config", {}).get("meta", {}) or {}
        if "forms" in meta or "facts" in meta:
            return editions_of(set(meta.get("forms", []))).union(*(facts.get(f, set()) for f in meta.get("facts", [])))
        return None

    def of(uid: str) -> set[Unit]:
        if uid.startswith("source."):
            return units if manifest.get("sources", {}).get(uid, {}).get("source_name") == "raw" else set()
        if uid not in nodes:
            return set()  # seeds, snapshots: no returns
        if uid not in found:
            found[uid] = set()  # cycles cannot happen in dbt; this only guards the recursion
            own = declared(nodes[uid])
            found[uid] = own if own is not None else set().union(*(of(parent) for parent in parents.get(uid, [])))
        return found[uid]

    return {nodes[uid]["name"]: of(uid) for uid in nodes}


def unchanged_form_models(db: Path, changed: tuple[Unit, ...]) -> list[str]:
    """The models that read only forms and editions without a changed return: left out of an incremental build.

    Read from the manifest of the last dbt invocation on ``db`` (current, since any change to the project
    rebuilds everything); nothing is left out when there is none, or when a changed return belongs to a form
    no codebook defines.
    """
    manifest_path = artifacts_dir(db.resolve()) / "target" / "manifest.json"
    units, facts = codebook_units()
    if not manifest_path.exists() or not set(changed) <= units:
        return []
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    return sorted(name for name, reads in forms_read(manifest, units, facts).items() if not reads & set(changed))


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
    # imported here: the process dbt builds in (warehouse.pipeline.refresh.warm_build) needs neither
    from warehouse.codebook import tables as codebook_tables
    from warehouse.reference import tables as reference_tables

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
        # dbt's file log at its default level (debug) holds every statement's SQL: 10 MB and an eighth of the
        # time of a build of the whole project; the compiled SQL is in target/ anyway (set it to debug to see it)
        "DBT_LOG_LEVEL_FILE": os.environ.get("DBT_LOG_LEVEL_FILE", LOG_LEVEL_FILE),
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


@dataclass(frozen=True)
class BuildPlan:
    """What a build of a working file will run, decided from the file and the codebooks before dbt starts:
    a refresh decides it while dbt's process is still loading (:func:`warehouse.pipeline.steps.build_models`)."""

    cli: tuple[str, ...]  # dbt's arguments
    fingerprint: str  # of the project and the lookups ("" when the command builds nothing)
    full_refresh: bool
    forms: tuple[Unit, ...] | None = None  # the forms and editions with a changed return (None: every one)
    nothing_to_do: bool = False  # no return changed since the last build
    records: bool = False  # a complete build of every model: remembered in ``transform.builds``
    results_only: bool = False  # the project is as last built: dbt writes no manifest.json, the build the results


def plan_build(
    db: Path, *, select: Sequence[str] = (), args: Sequence[str] = ("build",), full_refresh: bool | None = None
) -> BuildPlan:
    """``full_refresh`` None decides from the fingerprint: everything is rebuilt whole when the project or
    the lookups changed since the last complete build; otherwise only what reads the returns of the forms
    that changed is run (nothing when none did), and the incremental models compute the new returns alone."""
    builds = args[0] in ("build", "run")
    current = fingerprint(db) if builds else ""
    if full_refresh is None:
        full_refresh = builds and needs_full_refresh(db, current)
    cli = [*args, "--project-dir", str(PROJECT_DIR), "--quiet"]
    if args[0] == "build":
        cli += ["--exclude-resource-type", "unit_test"]  # they test the models' code, not the returns
    forms: tuple[Unit, ...] | None = None
    if select:
        cli += ["--select", *select]
    elif builds and not full_refresh:
        # project and lookups as last built: what reads only them (most dimensions) is current, and so are
        # the models of forms without a new or withdrawn return
        forms = changed_forms(db)
        if forms is not None and not forms:
            return BuildPlan(tuple(cli), current, False, forms, nothing_to_do=True)
        cli += ["--select", RETURNS_AND_DOWNSTREAM]
        unchanged = unchanged_form_models(db, forms) if forms is not None else []
        if unchanged:
            cli += ["--exclude", *unchanged]
    if full_refresh:
        cli.append("--full-refresh")
    # the project is as last built, so is the manifest.json that build wrote: only the results are written
    # (dbt would write both, ≈0.5 s for the manifest)
    results_only = builds and not full_refresh
    if results_only:
        cli.append("--no-write-json")
    return BuildPlan(tuple(cli), current, full_refresh, forms, records=builds and not select, results_only=results_only)


def build(
    db: Path,
    *,
    select: Sequence[str] = (),
    args: Sequence[str] = ("build",),
    full_refresh: bool | None = None,
    label: str | None = None,
    runs_kept: int = RUNS_KEPT,
    plan: BuildPlan | None = None,
    progress: bool = False,
) -> BuildReport:
    """Run dbt (``build`` by default) on ``db`` in this process as :func:`plan_build` decides (or as ``plan``
    says, decided earlier) and collect each node's status; ``label`` names the folder its results are kept
    in (default: the time); with ``progress``, the nodes done are counted on stderr as they finish."""
    started = time.perf_counter()
    plan = plan or plan_build(db, select=select, args=args, full_refresh=full_refresh)
    if plan.nothing_to_do:
        return BuildReport(True, time.perf_counter() - started, {}, [], False, plan.forms, skipped=True)
    result = invoke(db, list(plan.cli), callbacks=[NodesDone(plan.cli[0])] if progress else [])
    if plan.results_only and hasattr(result.result, "write"):
        result.result.write(str(artifacts_dir(db.resolve()) / "target" / "run_results.json"))
    statuses: dict[str, str] = {}
    timings: dict[str, float] = {}
    failures: list[str] = []
    for node in getattr(result.result, "results", None) or []:
        status = str(node.status)
        statuses[node.node.unique_id] = status
        timings[node.node.unique_id] = float(node.execution_time or 0.0)
        if status in ("error", "fail"):
            failures.append(f"{node.node.unique_id}: {node.message}")
    if result.exception is not None:
        failures.append(str(result.exception))
    seconds = time.perf_counter() - started
    if result.success and plan.records:
        record_build(db, plan.fingerprint, full_refresh=plan.full_refresh, seconds=seconds, nodes=len(statuses))
    keep_results(db, label or dt.datetime.now().strftime("%Y%m%dT%H%M%S%f"), runs_kept)
    return BuildReport(result.success, seconds, statuses, failures, plan.full_refresh, plan.forms, timings=timings)


#: The project parsed ahead of the next build of a working file in this process (:func:`preparse`).
_parsed: dict[Path, Any] = {}


def preparse(db: Path) -> None:
    """Import dbt and parse the project for ``db`` now, for the next build or run in this process to use: a
    refresh does it in the process dbt will build in, while the returns are read. Parsing does not open the
    working file."""
    # the build writes the manifest.json when the project changed (a full refresh)
    result = invoke(db, ["parse", "--project-dir", str(PROJECT_DIR), "--quiet", "--no-write-json"])
    if result.success:
        _parsed[db.resolve()] = result.result


class NodesDone:
    """dbt's nodes counted as they finish, said on stderr every few seconds and at the last one: a build is
    otherwise silent (``--quiet``) for the minute or two it takes."""

    def __init__(self, command: str, every: float = 5.0) -> None:
        self.command, self.every = command, every
        self.total = self.done = self.failed = 0
        self.said = time.monotonic()

    def __call__(self, event: Any) -> None:
        name = event.info.name
        if name == "LogStartLine":
            self.total = max(self.total, int(event.data.total))
        elif name == "NodeFinished":
            self.done += 1
            self.failed += event.data.run_result.status in ("error", "fail")
            now = time.monotonic()
            if now - self.said >= self.every or self.done == self.total:
                self.said = now
                failed = f", {self.failed:,} failed" if self.failed else ""
                print(f"dbt {self.command}: {self.done:,} of {self.total:,} nodes done{failed}", file=sys.stderr)


def invoke(db: Path, cli: list[str], callbacks: Sequence[Callable[[Any], None]] = ()) -> Any:
    """dbt's ``dbtRunner().invoke(cli)`` on ``db``, the file closed when it returns, failed or not; a build or
    run uses the project :func:`preparse` parsed, once."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    from dbt.cli.main import dbtRunner

    manifest = _parsed.pop(db.resolve(), None) if cli[0] in ("build", "run") else None
    try:
        with environment(dbt_env(db)):
            return dbtRunner(manifest=manifest, callbacks=list(callbacks)).invoke(cli)
    finally:
        # dbt-duckdb's public calls: the environment the invocation kept open, closed, then forgotten
        try:
            kept = DuckDBConnectionManager.env()
        except Exception:  # nothing opened the file (a parse, a failure before the first node)
            kept = None
        DuckDBConnectionManager.close_all_connections()
        if kept is not None:
            kept.close()


def keep_results(db: Path, label: str, kept: int = RUNS_KEPT) -> Path | None:
    """Copy the last invocation's ``run_results.json`` to ``<artifacts>/runs/<label>/`` and remove all but the
    ``kept`` newest such folders: what a run needs to be inspected, bounded."""
    folder = artifacts_dir(db.resolve())
    results = folder / "target" / "run_results.json"
    runs = folder / "runs"
    target = runs / re.sub(r"[^\w.-]", "_", label)
    if results.exists():
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(results, target / results.name)
    if runs.exists():
        by_age = sorted((p for p in runs.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in by_age[max(kept, 1) :]:
            shutil.rmtree(old, ignore_errors=True)
    return target if results.exists() else None
