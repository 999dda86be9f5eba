"""The annual refresh, start to finish: ingest → lookups → dbt build → gate → publish → cleaning log.

Write-audit-publish: the marts are built and checked in the working file; only a gate without a
failed hard rule replaces the analysts' file, and a blocked refresh leaves the last publication as
it was and says why. Dagster runs the same steps as assets; this is the one-call version for the
command line, the benchmark and the tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import TypeVar

from warehouse.gate.cleaning_log import export_by_prefecture
from warehouse.gate.run import GateResult, run_gate, warm_validator
from warehouse.ingest.run import IngestReport, ingest
from warehouse.ingest.store import connect
from warehouse.publish.swap import PublishResult, publish
from warehouse.transform.dbt import BuildReport, build, write_lookups

#: What analysts get: the star schema, the report tables and the gate's flags.
PUBLISHED_SCHEMAS = ("marts", "report", "provenance", "gate")
T = TypeVar("T")


@dataclass
class RefreshReport:
    fiscal_year: int
    ingest: IngestReport | None = None
    dbt: BuildReport | None = None
    gate: GateResult | None = None
    published: PublishResult | None = None
    cleaning_log: list[Path] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)  # stage → seconds (the last two overlap)
    seconds: float = 0.0  # the whole refresh, wall clock
    blocked: str | None = None  # why nothing was published

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
) -> RefreshReport:
    """Run every step for one survey year; the report says what happened and how long each step took."""
    report = RefreshReport(year)
    started = time.perf_counter()
    try:
        _steps(report, raw, db, published, cleaning_log_dir, progress, stage)
    finally:
        report.seconds = time.perf_counter() - started
    return report


def _steps(
    report: RefreshReport,
    raw: Path,
    db: Path,
    published: Path,
    cleaning_log_dir: Path,
    progress: Callable[[int, int], None] | None,
    stage: Callable[[str], None] | None,
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
            report.blocked = "dbt build failed: " + "; ".join(report.dbt.failures[:5])
            return
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
            metadata = {"gate_run_id": run_id}
            report.published = timed("publish", lambda: publish(db, published, PUBLISHED_SCHEMAS, metadata=metadata))
        else:
            report.blocked = "gate failed on hard rules: " + ", ".join(gate.hard_failures)
        report.cleaning_log = cleaning_log.result()
