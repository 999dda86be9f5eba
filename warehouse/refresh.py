"""The annual refresh, start to finish: ingest → lookups → dbt build → gate → publish → cleaning log.

Write-audit-publish: the marts are built and checked in the working file; only a gate without a
failed hard rule replaces the analysts' file, and a blocked refresh leaves the last publication as
it was and says why. Dagster runs the same steps as assets; this is the one-call version for the
command line, the benchmark and the tests.

Before any work the refresh refuses what would publish nonsense (``warehouse.refusals``), takes the
writer lock of the working file (``warehouse.lock``) and removes what a crashed run left
(``warehouse.leftovers``); once the models are built it refuses a sharp drop against the last
publication.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import TypeVar

import duckdb

from warehouse import refusals
from warehouse.gate.cleaning_log import export_by_prefecture
from warehouse.gate.run import GateResult, run_gate, warm_validator
from warehouse.ingest.run import IngestReport, ingest
from warehouse.ingest.store import connect
from warehouse.lock import duckdb_holder, exclusive
from warehouse.publish.postgres import PostgresResult, publish_step
from warehouse.publish.swap import PublishError, PublishResult, publish
from warehouse.settings import DEFAULT_MIN_RETURNS_SHARE, Settings
from warehouse.site.build import SiteReport, build_site
from warehouse.transform.dbt import BuildReport, build, write_lookups

#: What analysts get: the star schema, the report tables and the gate's flags.
PUBLISHED_SCHEMAS = ("marts", "report", "provenance", "gate")
T = TypeVar("T")


@dataclass(frozen=True)
class Returns:
    """Who returned, as the working file says at the end of the refresh (read under the writer lock)."""

    forms: list[tuple[str, int, int]]  # (form, respondents, of them with an unknown or missing code)
    earlier_versions: int  # resubmissions: versions kept beside the current ones
    quarantined: list[tuple[str, int]]  # (reason code, files), most first


@dataclass
class RefreshReport:
    fiscal_year: int
    ingest: IngestReport | None = None
    dbt: BuildReport | None = None
    gate: GateResult | None = None
    published: PublishResult | None = None
    postgres: PostgresResult | None = None  # the copy in PostgreSQL, when one is configured
    cleaning_log: list[Path] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)  # stage → seconds (the last two overlap)
    seconds: float = 0.0  # the whole refresh, wall clock
    blocked: str | None = None  # why nothing was published
    leftovers: list[Path] = field(default_factory=list)  # what crashed runs had left, removed
    returns: Returns | None = None
    site: SiteReport | None = None

    @property
    def ok(self) -> bool:
        return self.blocked is None


def refresh(
    raw: Path,
    db: Path,
    published: Path,
    year: int,
    *,
    cleaning_log_dir: Path,
    progress: Callable[[int, int], None] | None = None,
    stage: Callable[[str], None] | None = None,
    force: bool = False,
    min_returns_share: float = DEFAULT_MIN_RETURNS_SHARE,
    wait: bool = True,
    lock_timeout: float | None = None,
    on_wait: Callable[[str], None] | None = None,
    settings: Settings | None = None,
    site: Path | None = None,
) -> RefreshReport:
    """Run every step for one survey year; the report says what happened and how long each step took.

    Raises :class:`~warehouse.refusals.Refused` (nothing published, ``force`` lets the refusals on the
    returns through), :class:`~warehouse.lock.WriterBusy` (another refresh writes and ``wait`` is
    false) or :class:`~warehouse.lock.WorkingFileBusy` (another program holds the working file).
    ``settings`` names the further publication targets (a PostgreSQL database).
    """
    refusals.check_inputs(raw, year, force=force)
    report = RefreshReport(year)
    started = time.perf_counter()
    try:
        with exclusive(
            db, published=published, cleaning_log=cleaning_log_dir, wait=wait, timeout=lock_timeout, on_wait=on_wait
        ) as report.leftovers:
            guard = None if force else min_returns_share
            _steps(report, raw, db, published, cleaning_log_dir, progress, stage, guard, settings or Settings(), site)
            # read before the lock is released: a refresh waiting for it could not open the file otherwise
            report.returns = _returns(db, year)
    finally:
        report.seconds = time.perf_counter() - started
    return report


def _returns(db: Path, year: int) -> Returns:
    with connect(db, read_only=True) as con:
        forms = con.execute(
            "select form, count(*), count(*) filter (where identity_status <> 'ok') "
            "from staging.stg_survey__submissions where fiscal_year = ? group by form order by form",
            [year],
        ).fetchall()
        versions = con.execute(
            "select count(*) - count(distinct respondent_key) from raw.submissions where fiscal_year = ?", [year]
        ).fetchone()
        quarantined = con.execute(
            "select reason_code, count(*) from raw.quarantine where fiscal_year = ? group by all order by 2 desc",
            [year],
        ).fetchall()
    return Returns(forms, int(versions[0]) if versions else 0, quarantined)


def _steps(
    report: RefreshReport,
    raw: Path,
    db: Path,
    published: Path,
    cleaning_log_dir: Path,
    progress: Callable[[int, int], None] | None,
    stage: Callable[[str], None] | None,
    min_returns_share: float | None,
    settings: Settings,
    site: Path | None = None,
) -> None:
    year = report.fiscal_year

    def timed(name: str, func: Callable[[], T]) -> T:
        if stage:
            stage(name)
        started = time.perf_counter()
        try:
            return func()
        finally:
            report.stages[name] = time.perf_counter() - started

    report.ingest = timed("ingest", lambda: ingest(db, raw, year, progress=progress))
    # the gate runs in a process of its own that loads Great Expectations (~3 s of imports) on the
    # second core while dbt builds; the working file is free by then, dbt having released it
    validator = ProcessPoolExecutor(1, mp_context=get_context("forkserver"))
    try:
        validator.submit(warm_validator, year)
        timed("lookups", lambda: write_lookups(db))
        report.dbt = timed("dbt build", lambda: build(db))
        if not report.dbt.success:
            failures = "; ".join(report.dbt.failures[:5])
            report.blocked = duckdb_holder(failures) or f"dbt build failed: {failures}"
            return
        # which return is current is decided by the staging models, so the drop is judged after the build
        with connect(db, read_only=True) as con:
            respondents = refusals.current_respondents(con, year)
        if min_returns_share is not None:
            refusals.check_drop(respondents, published, year, min_share=min_returns_share)
        gate = report.gate = timed("gate", lambda: validator.submit(run_gate, db, year).result())
    finally:
        validator.shutdown(wait=False, cancel_futures=True)
    run_id = gate.run_id

    def export() -> list[Path]:
        with connect(db, read_only=True) as con:
            return export_by_prefecture(con, cleaning_log_dir, run_id, year)

    # the cleaning log (written in Python) and the publication (copied by DuckDB) overlap; both only read
    with ThreadPoolExecutor(1) as writer:
        cleaning_log = writer.submit(timed, "cleaning log", export)
        if gate.passed:
            metadata = {"gate_run_id": run_id, **refusals.respondents_metadata({year: respondents})}
            try:
                report.published = timed(
                    "publish", lambda: publish(db, published, PUBLISHED_SCHEMAS, metadata=metadata)
                )
            except (PublishError, OSError, duckdb.Error) as error:  # disk full among them
                report.blocked = f"publishing to {published} failed: {one_line(error)}"
            if report.published is not None and settings.postgres_url:
                try:
                    report.postgres = timed("publish postgres", lambda: publish_step(settings, published))
                except PublishError as error:
                    report.blocked = str(error)
            if report.published is not None and site is not None:  # the site reads the publication alone
                report.site = timed("site", lambda: build_site(published, site, year))
        else:
            report.blocked = "gate failed on hard rules: " + ", ".join(gate.hard_failures)
        report.cleaning_log = cleaning_log.result()


def one_line(error: BaseException) -> str:
    """An error as one line (DuckDB's messages can span several)."""
    return " ".join(str(error).split()) or type(error).__name__
