"""The steps of a refresh, each a function of the run (``warehouse.pipeline.run``) and what the run found so
far (``warehouse.pipeline.state``); ``warehouse.pipeline.plan`` puts them in order.

A step reads what it needs from the working file, never from an earlier step in memory, so Dagster can run
each as an asset of its own and the command line can run one alone.  Three steps run in worker processes
started ahead of them (``warehouse.pipeline.workers``), so that what they load is loaded on the second core
while the steps before them run: dbt's (imports dbt and parses the project while the returns are read), the
gate's (loads Great Expectations while dbt builds) and the cleaning log's (writes the workbooks while the
publication is copied and the site written).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.alerts.sinks import AlertDeliveryError, send, sink_from_settings
from warehouse.cleaning_log.workbooks import write_latest
from warehouse.codebook import editions
from warehouse.db import connect
from warehouse.gate.run import GateRun, latest_gate_runs, run_gate, warm_validator
from warehouse.ingest.folder import has_returns
from warehouse.ingest.run import ingest as ingest_year
from warehouse.pipeline import refusals, verdict
from warehouse.pipeline.lock import duckdb_holder
from warehouse.pipeline.run import Run
from warehouse.pipeline.state import RefreshReport, Returns
from warehouse.pipeline.workers import WarmProcess, load_beside
from warehouse.publish import disclosure, postgres
from warehouse.publish.swap import PublishError, _out_of_space, publish
from warehouse.site.build import build_site
from warehouse.site.data import NothingToDraw
from warehouse.transform.dbt import BuildReport, build, plan_build, preparse, write_lookups

#: What analysts get: the star schema, the report tables and the gate's flags.
PUBLISHED_SCHEMAS = ("marts", "report", "provenance", "gate")
#: What a step after the publication that fails raises (a full disk among them): said in one sentence, the
#: publication stands.
AFTER_FAILURES = (OSError, duckdb.Error, PublishError)

#: The worker processes, one per step that runs in one (a process's own: Dagster runs its steps in one process).
WORKERS = {"build": WarmProcess(), "gate": WarmProcess(), "cleaning_log": WarmProcess()}
#: The modules loading beside, in a thread of this process, for a step that runs here (see :func:`warm_site`).
LOADING: dict[str, threading.Thread] = {}


class Stopped(Exception):
    """The run ends here, before publishing; the message is the one sentence both runners show."""


class BuildFailed(Stopped):
    """A dbt model or test failed."""


class HeldBack(Stopped):
    """The gate failed a hard rule in some year: nothing is published; the message says what to do."""

    def __init__(self, verdicts: list[verdict.Verdict], published: Path) -> None:
        super().__init__(verdict.message(verdicts, published))
        self.verdicts = verdicts


class PublishFailed(Stopped):
    """The publication could not be written (disk full among the causes); the previous one stays."""


def one_line(error: BaseException) -> str:
    """An error as one line (DuckDB's messages can span several)."""
    return " ".join(str(error).split()) or type(error).__name__


def reason(error: BaseException) -> str:
    """Why a step failed, in a few words: a full disk said as such, anything else as one line."""
    return _out_of_space(error) or one_line(error)


def release_workers() -> None:
    """End every worker process a run started (after a step that would have ended one failed)."""
    for worker in WORKERS.values():
        worker.release()


# ---------------------------------------------------------------- ingest and lookups


def check_inputs(run: Run) -> None:
    """Refuse what cannot be right: no raw folder, no codebook, no returns for the year (unless forced)."""
    refusals.check_inputs(run.settings.raw, run.year, force=run.settings.force)


def ingest(run: Run, report: RefreshReport) -> None:
    """Read the year's new and changed workbooks; a rebuilt working file reads every year of raw/ first."""
    settings = run.settings
    if report.rebuilt is not None:
        for other in editions():
            if other != run.year and has_returns(settings.raw, other):
                run.events.stage(f"rebuild: ingest {other}")
                ingest_year(settings.db, settings.raw, other, progress=run.events.progress)
    report.ingest = ingest_year(settings.db, settings.raw, run.year, progress=run.events.progress)


def lookups(run: Run, report: RefreshReport) -> None:
    """The codebook and reference tables dbt reads when it compiles."""
    report.lookups = write_lookups(run.settings.db)


# ---------------------------------------------------------------- dbt


def warm_build(run: Run) -> None:
    """Start dbt's process: it imports dbt and parses the project (≈2.5 s) while the returns are read."""
    WORKERS["build"].start(preparse, run.settings.db)


def build_failure(report: BuildReport) -> str:
    """Why a dbt build failed, in one sentence (naming the program that holds the file, if that was it)."""
    failures = "; ".join(report.failures[:5])
    return duckdb_holder(failures) or f"dbt build failed: {failures}"


def build_models(run: Run, report: RefreshReport) -> None:
    """``dbt build`` in the process :func:`warm_build` started, then ended: what it builds is decided here
    (``warehouse.transform.dbt.plan_build``), while that process is still importing dbt."""
    db = run.settings.db
    try:
        plan = plan_build(db, select=run.select)
        report.dbt = WORKERS["build"].submit(
            build, db, plan=plan, label=run.label, runs_kept=run.settings.dbt_runs_kept, progress=True
        )
    finally:
        WORKERS["build"].release()
    if not report.dbt.success:
        raise BuildFailed(build_failure(report.dbt))


# ---------------------------------------------------------------- the gate


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
        rows = con.execute("select distinct fiscal_year from staging.stg_raw__submissions").fetchall()
        present = {int(y) for (y,) in rows} & set(editions())
        if year is None:
            return sorted(present)
        known = _tables_exist(con, ("transform.builds", "gate.runs"))
        stale = con.execute(_STALE_YEARS, [sorted(present)]).fetchall() if known else [(y,) for y in present]
    return sorted({year, *(int(y) for (y,) in stale)} & (present | {year}))


def _tables_exist(con: duckdb.DuckDBPyConnection, names: Iterable[str]) -> bool:
    found = {f"{s}.{t}" for s, t in con.execute("select schema_name, table_name from duckdb_tables()").fetchall()}
    return set(names) <= found


def warm_gate(run: Run) -> None:
    """Start the gate's process: it loads Great Expectations (~3 s of imports) and the codebooks while dbt
    builds."""
    WORKERS["gate"].start(warm_validator, run.year)


def gate(run: Run, report: RefreshReport) -> None:
    """Refuse a year whose current returns fell sharply against the last publication (unless forced), then
    validate every year :func:`gate_years` picks, in the process :func:`warm_gate` started."""
    db, published = run.settings.db, run.settings.published
    if run.min_returns_share is not None:  # which return is current is the staging models' to decide
        with connect(db, read_only=True) as con:
            respondents = refusals.current_respondents(con, run.year)
        refusals.check_drop(respondents, published, run.year, min_share=run.min_returns_share)
    years = gate_years(db, run.year)
    if not years:
        raise refusals.Refused(f"nothing to check: {db} holds no returns of a survey year with a codebook")
    try:
        report.gates = {year: WORKERS["gate"].submit(run_gate, db, year, run.gate_run_id(year)) for year in years}
    finally:
        WORKERS["gate"].release()
    report.gate = report.gates.get(run.year)


def gated_by(run: Run, runs: list[GateRun]) -> list[int]:
    """The years this run gated; every year with a gate run when it gated none (the step run alone)."""
    mine = [r.fiscal_year for r in runs if r.run_id == run.gate_run_id(r.fiscal_year)]
    return mine or [r.fiscal_year for r in runs]


def cleaning_log(run: Run, report: RefreshReport) -> Callable[[], None]:
    """Start writing the 疑義照会 workbooks of the years gated, from each one's latest gate run, in a process
    of its own; the function returned waits for them (the runner calls it once the publication is done)."""
    settings = run.settings
    years = gated_by(run, latest_gate_runs(settings.db))
    worker = WORKERS["cleaning_log"]
    written = worker.start_step(write_latest, settings.db, settings.cleaning_log, years, settings.raw)

    def join() -> None:
        try:
            report.cleaning_log = written.result()
        except (OSError, duckdb.Error) as error:  # a full disk among them
            raise PublishFailed(
                f"the cleaning log of {', '.join(map(str, years))} was not written in {settings.cleaning_log} "
                f"({reason(error)}); the previous workbooks are unchanged"
            ) from None
        finally:
            worker.release()

    return join


def judge(run: Run, report: RefreshReport) -> None:
    """Hold the publication back when some year's latest gate run failed a hard rule: the gate alert of each
    such year goes to the configured sink, and the run stops with the same message."""
    settings = run.settings
    with connect(settings.db, read_only=True) as con:
        failing = verdict.verdicts(con, latest_gate_runs(settings.db), settings.cleaning_log)
    if not failing:
        return
    sink = sink_from_settings(settings.alerts, settings.published.parent)
    for found in failing:
        try:
            send(verdict.alert(found, run.label, settings), sink)
            report.alerted.append(found.fiscal_year)
        except (AlertDeliveryError, ValueError) as error:
            run.events.say(f"the gate alert of {found.fiscal_year} could not be delivered: {error}")
    raise HeldBack(failing, settings.published)


# ---------------------------------------------------------------- publishing


@dataclass(frozen=True)
class Publication:
    """What may be published: every year's latest gate run (all passed) and its current respondents."""

    runs: list[GateRun]
    respondents: dict[int, dict[str, int]]

    def metadata(self, year: int, **extra: str) -> dict[str, str]:
        """``meta.publication``: the gate runs, the soft flags and the respondents per year and form."""
        runs = {run.fiscal_year: run.run_id for run in self.runs}
        flags = sorted({f"{run.fiscal_year}:{rule}" for run in self.runs for rule, _ in run.failed("soft")})
        return {
            "gate_run_id": runs.get(year, self.runs[-1].run_id),
            "gate_run_ids": ",".join(runs.values()),
            "fiscal_years": ",".join(str(y) for y in runs),
            "soft_flags": ",".join(flags),
            **refusals.respondents_metadata(self.respondents),
            **extra,
        }


#: The latest build of the models, when it finished after the latest gate run (its rows are not audited).
_BUILT_AFTER_GATE = """
    select max(b.built_at) from transform.builds as b
    where b.built_at > (select coalesce(max(finished_at), timestamp '1900-01-01') from gate.runs)
"""


def publication(run: Run) -> Publication:
    """Check that the working file may be published: :class:`HeldBack` when some year's latest gate run failed
    a hard rule; :class:`~warehouse.pipeline.refusals.Refused` when the gate never ran, when models were
    rebuilt after it, or on a sharp drop of returns (unless forced)."""
    settings = run.settings
    runs = latest_gate_runs(settings.db)
    with connect(settings.db, read_only=True) as con:
        failed = verdict.verdicts(con, runs, settings.cleaning_log)
        if failed:
            raise HeldBack(failed, settings.published)
        if not runs:
            raise refusals.Refused("the quality gate has not run on the working file")
        built = con.execute(_BUILT_AFTER_GATE).fetchone() if _tables_exist(con, ["transform.builds"]) else None
        if built and built[0] is not None:
            raise refusals.Refused(
                f"the models were rebuilt ({built[0]:%Y-%m-%d %H:%M:%S}) after the latest gate run; "
                "run the gate first (python -m warehouse gate)"
            )
        respondents = {r.fiscal_year: refusals.current_respondents(con, r.fiscal_year) for r in runs}
    if run.min_returns_share is not None:
        refusals.check_years(set(respondents), settings.published)
        for year, current in respondents.items():
            refusals.check_drop(current, settings.published, year, min_share=run.min_returns_share)
    return Publication(runs, respondents)


def publish_working_file(run: Run, report: RefreshReport) -> None:
    """Copy the published schemas into the analysts' file, swapped in atomically, once :func:`publication`
    allows it; ``meta.publication.run_id`` names the run (Dagster's run id, or the command line's label)."""
    settings = run.settings
    metadata = publication(run).metadata(run.year, run_id=run.label)
    try:
        declarations = disclosure.read_working(settings.db)
        report.published = publish(
            settings.db, settings.published, PUBLISHED_SCHEMAS, metadata=metadata, declarations=declarations
        )
    except (PublishError, OSError, duckdb.Error) as error:  # disk full among them
        raise PublishFailed(f"publishing to {settings.published} failed: {one_line(error)}") from None


def publish_postgres(run: Run, report: RefreshReport) -> None:
    """Copy the analysts' file, as it is, to the configured PostgreSQL database."""
    report.postgres = postgres.publish_step(run.settings, run.settings.published)


def site_not_written(site: Path, error: BaseException) -> str:
    return f"the site {site} was not written ({reason(error)}); the previous site is unchanged"


def warm_site(run: Run) -> None:
    """Load Great Expectations, whose site builder renders the Data Docs (~3 s of imports), in this process
    while the gate validates in its own."""
    LOADING["site"] = load_beside("great_expectations")


def write_site(run: Run, report: RefreshReport) -> None:
    """The static site of the published file for the settings' audience (the latest year it draws)."""
    settings = run.settings
    loading = LOADING.pop("site", None)
    if loading is not None:
        loading.join()  # the site forks a process for the profiles: never while a thread of this one imports
    try:
        report.site = build_site(settings.published, settings.site_dir, audience=settings.site_reader)
    except NothingToDraw as nothing:
        report.site_skipped = str(nothing)
    except AFTER_FAILURES as error:
        raise PublishFailed(site_not_written(settings.site_dir, error)) from None


def returns(db: Path, year: int) -> Returns:
    """Who returned in ``year``, as the working file says now."""
    with connect(db, read_only=True) as con:
        forms = con.execute(
            "select form, count(*), count(*) filter (where identity_status <> 'ok') "
            "from staging.stg_raw__submissions where fiscal_year = ? group by form order by form",
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
