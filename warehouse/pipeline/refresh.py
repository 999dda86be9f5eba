"""The refresh, start to finish: ingest → lookups → dbt build → gate → cleaning log → publish → what reads
the publication.

Write-audit-publish: the marts are built and checked in the working file; only when every survey year's
latest gate run failed no hard rule is the analysts' file replaced (it holds every edition), and a held-back
refresh leaves the last publication as it was and says why (``warehouse.pipeline.verdict``).

The steps are the functions below and those they name, each with its decisions taken once: which forms'
models dbt builds (``warehouse.transform.dbt.build``), which years the gate checks (:func:`gate_years`),
what publishing requires (:func:`publication`).  :func:`refresh` runs them for the command line, the
benchmark and the tests; the Dagster assets (``orchestration/``) call the same functions, one per step.
Three steps run in worker processes started ahead of them (``warehouse.pipeline.workers``), so that what they load
is loaded on the second core while earlier steps run: dbt's (imports dbt and parses the project while the
returns are read), the gate's (loads Great Expectations while dbt builds) and the cleaning log's (writes
the workbooks while the publication is copied and the site written).
Steps that read the published file (a static site, another publication target) go in
:func:`after_publication`, called by both.

Before any work the refresh refuses what would publish nonsense (``warehouse.pipeline.refusals``), takes the
writer lock of the working file (``warehouse.pipeline.lock``) and removes what a crashed run left
(``warehouse.pipeline.leftovers``); once the models are built it refuses a sharp drop against the last
publication.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import duckdb

from warehouse.cleaning_log.workbooks import write_latest
from warehouse.codebook import editions
from warehouse.db import connect
from warehouse.gate.run import GateResult, GateRun, latest_gate_runs, run_gate, warm_validator
from warehouse.ingest.run import IngestReport, ingest
from warehouse.pipeline import refusals, verdict, working_file
from warehouse.pipeline.lock import duckdb_holder, exclusive
from warehouse.pipeline.workers import WarmProcess
from warehouse.publish import disclosure, postgres
from warehouse.publish.postgres import PostgresResult
from warehouse.publish.swap import PublishError, PublishResult, _out_of_space, publish
from warehouse.settings import DEFAULT_MIN_RETURNS_SHARE, Settings
from warehouse.site.build import SiteReport, build_site
from warehouse.site.data import NothingToDraw
from warehouse.transform.dbt import RUNS_KEPT, BuildReport, build, plan_build, preparse, write_lookups

#: What analysts get: the star schema, the report tables and the gate's flags.
PUBLISHED_SCHEMAS = ("marts", "report", "provenance", "gate")
T = TypeVar("T")


class HeldBack(Exception):
    """The gate failed a hard rule in some year: nothing is published; the message says what to do."""

    def __init__(self, verdicts: list[verdict.Verdict], published: Path) -> None:
        super().__init__(verdict.message(verdicts, published))
        self.verdicts = verdicts


class PublishFailed(Exception):
    """The publication could not be written (disk full among the causes); the previous one stays."""


# ---------------------------------------------------------------- the steps, shared with orchestration/


def build_failure(report: BuildReport) -> str:
    """Why a dbt build failed, in one sentence (naming the program that holds the file, if that was it)."""
    failures = "; ".join(report.failures[:5])
    return duckdb_holder(failures) or f"dbt build failed: {failures}"


#: Years whose latest gate run is older than the last full rebuild of the models, or that never had one.
_STALE_YEARS = """
    with rebuilt as (select max(built_at) as at from transform.builds where full_refresh),
    gated as (select fiscal_year, max(finished_at) as at from gate.runs group by all)
    select y.fiscal_year from (select unnest(?::integer[]) as fiscal_year) as y
    left join gated using (fiscal_year) cross join rebuilt
    where gated.at is null or (rebuilt.at is not null and gated.at < rebuilt.at)
"""


def gate_years(db: Path, year: int | None = None) -> list[int]:
    """The survey years the gate checks: ``year`` (every year with returns when None), and any year with
    returns not gated since the models were last rebuilt whole; the other years' rows have not changed."""
    with connect(db, read_only=True) as con:
        rows = con.execute("select distinct fiscal_year from staging.stg_survey__submissions").fetchall()
        present = {int(y) for (y,) in rows} & set(editions())
        if year is None:
            return sorted(present)
        known = _tables_exist(con, ("transform.builds", "gate.runs"))
        stale = con.execute(_STALE_YEARS, [sorted(present)]).fetchall() if known else [(y,) for y in present]
    return sorted({year, *(int(y) for (y,) in stale)} & (present | {year}))


def _tables_exist(con: duckdb.DuckDBPyConnection, names: Iterable[str]) -> bool:
    found = {f"{s}.{t}" for s, t in con.execute("select schema_name, table_name from duckdb_tables()").fetchall()}
    return set(names) <= found


_validator = WarmProcess()
_builder = WarmProcess()
_writer = WarmProcess()


def warm_build(db: Path) -> None:
    """Start the process dbt builds ``db`` in: it imports dbt and parses the project (≈2.5 s) while the
    returns are read (:func:`build_step`)."""
    _builder.start(preparse, db)


def build_step(
    db: Path, *, select: Sequence[str] = (), label: str | None = None, runs_kept: int = RUNS_KEPT
) -> BuildReport:
    """``warehouse.transform.dbt.build`` of ``db`` in the process :func:`warm_build` started, then ended. What it
    builds is decided here, from the working file and the codebooks, while that process is still importing dbt
    and parsing the project."""
    try:
        plan = plan_build(db, select=select)
        return _builder.submit(build, db, plan=plan, label=label, runs_kept=runs_kept)
    finally:
        _builder.release()


def warm_gate(year: int | None) -> None:
    """Start the process the gate runs in: it loads Great Expectations (~3 s of imports) and the codebooks
    on the second core while dbt builds; the gate step ends it."""
    _validator.start(warm_validator, year if year is not None else max(editions()))


def release_gate() -> None:
    """End the gate's process (when a step before the gate failed)."""
    _validator.release()


def release_workers() -> None:
    """End every worker process a refresh started (after a step that would have ended one failed)."""
    for worker in (_builder, _validator, _writer):
        worker.release()


def gate(
    db: Path, years: list[int], *, run_id: Callable[[int], str | None] = lambda year: None
) -> dict[int, GateResult]:
    """Run the gate on each year, in the process :func:`warm_gate` started (the working file is free by then:
    dbt releases it when its build returns), then end that process."""
    warm_gate(years[-1] if years else None)
    try:
        return {year: _validator.submit(run_gate, db, year, run_id(year)) for year in years}
    finally:
        _validator.release()


@dataclass(frozen=True)
class Publication:
    """What may be published: every year's latest gate run (all passed) and its current respondents."""

    runs: list[GateRun]
    respondents: dict[int, dict[str, int]]

    def metadata(self, year: int | None = None, **extra: str) -> dict[str, str]:
        """``meta.publication``: the gate runs, the soft flags and the respondents per year and form."""
        runs = {run.fiscal_year: run.run_id for run in self.runs}
        flags = sorted({f"{run.fiscal_year}:{rule}" for run in self.runs for rule, _ in run.failed("soft")})
        return {
            "gate_run_id": runs.get(year, self.runs[-1].run_id) if year is not None else self.runs[-1].run_id,
            "gate_run_ids": ",".join(runs.values()),
            "fiscal_years": ",".join(str(y) for y in runs),
            "soft_flags": ",".join(flags),
            **refusals.respondents_metadata(self.respondents),
            **extra,
        }


def publication(db: Path, published: Path, cleaning_log_dir: Path, *, min_returns_share: float | None) -> Publication:
    """Check that the working file may be published: raises :class:`HeldBack` when some year's latest gate
    run failed a hard rule, :class:`~warehouse.pipeline.refusals.Refused` on a sharp drop of returns (unless
    ``min_returns_share`` is None: forced)."""
    with connect(db, read_only=True) as con:
        runs = latest_gate_runs(db)
        failed = verdict.verdicts(con, runs, cleaning_log_dir)
        if failed:
            raise HeldBack(failed, published)
        if not runs:
            raise refusals.Refused("the quality gate has not run on the working file")
        respondents = {run.fiscal_year: refusals.current_respondents(con, run.fiscal_year) for run in runs}
    if min_returns_share is not None:
        refusals.check_years(set(respondents), published)
        for year, current in respondents.items():
            refusals.check_drop(current, published, year, min_share=min_returns_share)
    return Publication(runs, respondents)


def publish_step(db: Path, published: Path, metadata: dict[str, str]) -> PublishResult:
    """Copy the published schemas into the analysts' file, swapped in atomically."""
    try:
        declarations = disclosure.read_working(db)
        return publish(db, published, PUBLISHED_SCHEMAS, metadata=metadata, declarations=declarations)
    except (PublishError, OSError, duckdb.Error) as error:  # disk full among them
        raise PublishFailed(f"publishing to {published} failed: {one_line(error)}") from None


def _untimed(name: str, step: Callable[[], T]) -> T:
    return step()


@dataclass
class AfterPublication:
    """What the steps that read the new publication did."""

    postgres: PostgresResult | None = None  # the copy in PostgreSQL, when one is configured
    site: SiteReport | None = None
    site_skipped: str | None = None  # why no site was written (the publication holds nothing it draws)
    failed: list[str] = field(default_factory=list)  # one sentence per step that failed; the publication stands


def after_publication(
    settings: Settings, published: Path, timed: Callable[[str, Callable[[], object]], object] = _untimed
) -> AfterPublication:
    """The steps that read the new publication, in order, each taking the settings and the published file:
    ``timed`` names the step in the refresh's summary.  The command line calls this after publishing; Dagster
    runs each step as an asset downstream of ``published``, in a file of its own under ``orchestration/``.
    """
    done = AfterPublication()
    if settings.postgres_url:
        try:
            done.postgres = timed("publish postgres", lambda: postgres.publish_step(settings, published))
        except PublishError as error:
            done.failed.append(str(error))
    try:
        # the latest year it draws, for the audience the settings name
        done.site = timed("site", lambda: build_site(published, settings.site_dir, audience=settings.site_reader))
    except NothingToDraw as nothing:
        done.site_skipped = str(nothing)
    except SITE_FAILURES as error:
        done.failed.append(site_not_written(settings.site_dir, error))
    return done


#: What a site build that fails raises (a full disk among them): said in one sentence, the publication stands.
SITE_FAILURES = (OSError, duckdb.Error, PublishError)


def site_not_written(site: Path, error: BaseException) -> str:
    return f"the site {site} was not written ({reason(error)}); the previous site is unchanged"


def reason(error: BaseException) -> str:
    """Why a step failed, in a few words: a full disk said as such, anything else as one line."""
    return _out_of_space(error) or one_line(error)


# ---------------------------------------------------------------- the whole refresh in one process


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
    gate: GateResult | None = None  # the refreshed year's
    gates: dict[int, GateResult] = field(default_factory=dict)  # every year gated (see gate_years)
    published: PublishResult | None = None
    cleaning_log: list[Path] = field(default_factory=list)  # the refreshed year's workbooks
    stages: dict[str, float] = field(default_factory=dict)  # stage → seconds (the cleaning log's overlaps)
    seconds: float = 0.0  # the whole refresh, wall clock
    blocked: str | None = None  # why nothing was published
    after_failures: list[str] = field(default_factory=list)  # steps after the publication that failed (it stands)
    leftovers: list[Path] = field(default_factory=list)  # what crashed runs had left, removed
    rebuilt: tuple[str, Path] | None = None  # why the working file was rebuilt from raw/, and where the old one went
    returns: Returns | None = None
    postgres: PostgresResult | None = None  # the copy in PostgreSQL, when one is configured
    site: SiteReport | None = None
    site_skipped: str | None = None  # why no site was written

    @property
    def ok(self) -> bool:
        return self.blocked is None and not self.after_failures


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
    rebuild: bool = False,
) -> RefreshReport:
    """Run every step for one survey year; the report says what happened and how long each step took.

    ``settings`` go to the steps after publication (default: the environment's), with these paths.
    Raises :class:`~warehouse.pipeline.refusals.Refused` (nothing published, ``force`` lets the refusals on the
    returns through), :class:`~warehouse.pipeline.lock.WriterBusy` (another refresh writes and ``wait`` is
    false) or :class:`~warehouse.pipeline.lock.WorkingFileBusy` (another program holds the working file).
    ``settings`` names the further publication targets (a PostgreSQL database).

    A working file that cannot be read (or any, with ``rebuild``) is moved aside and rebuilt from ``raw/``: every
    year with returns there is read again (``report.rebuilt`` says why and where the old file went).
    """
    refusals.check_inputs(raw, year, force=force)
    # the paths given win over the settings' (which name the further targets and the site's audience)
    base = settings or Settings.from_env().override(force=force, min_returns_share=min_returns_share)
    settings = base.override(raw=raw, db=db, published=published, cleaning_log=cleaning_log_dir)
    report = RefreshReport(year)
    started = time.perf_counter()

    def rebuilt(reason: str) -> None:
        report.rebuilt = (reason, working_file.move_aside(db))

    try:
        with exclusive(
            db, published=published, cleaning_log=cleaning_log_dir, wait=wait, timeout=lock_timeout, on_wait=on_wait,
            heals=rebuilt,
        ) as report.leftovers:  # fmt: skip
            guard = None if force else min_returns_share
            if rebuild and report.rebuilt is None and db.exists():
                rebuilt("asked for with --rebuild")
            if report.rebuilt is not None:
                _ingest_raw_years(report, raw, db, year, stage, progress)
            try:
                _steps(report, raw, db, published, cleaning_log_dir, progress, stage, guard, settings)
            finally:
                release_workers()  # when a step before the build or the gate failed
            # read before the lock is released: a refresh waiting for it could not open the file otherwise
            report.returns = _returns(db, year)
    finally:
        report.seconds = time.perf_counter() - started
    return report


def _ingest_raw_years(
    report: RefreshReport,
    raw: Path,
    db: Path,
    year: int,
    stage: Callable[[str], None] | None,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Read every year of ``raw/`` with a codebook into a new working file (the refreshed ``year`` is read by the
    refresh itself), so that a rebuilt file publishes every year the last publication had."""
    for other in sorted({int(p.name) for p in raw.iterdir() if p.is_dir() and p.name.isdigit()} & set(editions())):
        if other != year:
            if stage:
                stage(f"rebuild: ingest {other}")
            ingest(db, raw, other, progress=progress)


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

    warm_build(db)  # dbt is imported and the project parsed while the returns are read
    report.ingest = timed("ingest", lambda: ingest(db, raw, year, progress=progress))
    timed("lookups", lambda: write_lookups(db))
    warm_gate(year)  # Great Expectations is imported while dbt builds
    report.dbt = timed("dbt build", lambda: build_step(db, runs_kept=settings.dbt_runs_kept))
    if not report.dbt.success:
        report.blocked = build_failure(report.dbt)
        return
    # which return is current is decided by the staging models, so the drop is judged after the build
    if min_returns_share is not None:
        with connect(db, read_only=True) as con:
            respondents = refusals.current_respondents(con, year)
        refusals.check_drop(respondents, published, year, min_share=min_returns_share)
    years = gate_years(db, year)
    report.gates = timed("gate", lambda: gate(db, years))
    report.gate = report.gates[year]

    # the cleaning log is written in a process of its own, beside the publication and what reads it; all read
    started = time.perf_counter()
    workbooks = _writer.start_step(write_latest, db, cleaning_log_dir, years, raw)
    workbooks.add_done_callback(lambda _: report.stages.__setitem__("cleaning log", time.perf_counter() - started))
    try:
        allowed = publication(db, published, cleaning_log_dir, min_returns_share=min_returns_share)
        metadata = allowed.metadata(year)
        report.published = timed("publish", lambda: publish_step(db, published, metadata))
    except HeldBack as held:
        report.blocked = str(held)
    except PublishFailed as error:
        report.blocked = str(error)
    if report.published is not None:
        done = after_publication(settings, published, timed)
        report.postgres, report.site, report.site_skipped = done.postgres, done.site, done.site_skipped
        report.after_failures += done.failed
    try:
        report.cleaning_log = workbooks.result().get(year, [])
    except (OSError, duckdb.Error) as error:  # a full disk among them
        report.after_failures.append(
            f"the cleaning log of {year} was not written in {cleaning_log_dir} ({reason(error)}); "
            "the previous workbooks are unchanged"
        )
    _writer.release()


def one_line(error: BaseException) -> str:
    """An error as one line (DuckDB's messages can span several)."""
    return " ".join(str(error).split()) or type(error).__name__
