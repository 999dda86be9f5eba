"""The command line's runner: the steps of the plan (``warehouse.pipeline.plan``) that a run executes, in
order, under the writer lock of the working file.

Write-audit-publish: the marts are built and checked in the working file; only when every survey year's
latest gate run failed no hard rule is the analysts' file replaced (it holds every edition), and a held-back
refresh leaves the last publication as it was and says why (``warehouse.pipeline.verdict``).  A whole refresh
with nothing to do (``warehouse.pipeline.inputs``) says so and changes nothing.  Dagster runs the same steps,
one per asset, through :func:`warehouse.pipeline.plan.execute` and :func:`writing`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from warehouse.pipeline import inputs, steps, working_file
from warehouse.pipeline.lock import exclusive
from warehouse.pipeline.plan import PLAN, STANDS, check, execute
from warehouse.pipeline.run import Run
from warehouse.pipeline.state import RefreshReport


@contextmanager
def writing(run: Run, command: str | None = None, heals: Callable[[str], None] | None = None) -> Iterator[list[Path]]:
    """The writer lock of the working file, shared by every runner, with what crashed runs left removed (and
    said); a busy or damaged file raises with one sentence (``warehouse.pipeline.lock``)."""
    settings = run.settings
    with exclusive(
        settings.db,
        published=settings.published,
        cleaning_log=settings.cleaning_log,
        command=command,
        wait=settings.lock_wait,
        timeout=settings.lock_timeout,
        on_wait=run.events.say,
        heals=heals,
    ) as removed:
        for path in removed:
            run.events.say(f"removed {path}, left by a run that did not finish")
        yield removed


def refresh(run: Run) -> RefreshReport:
    """Run the steps of ``run`` (every step of the plan: the whole refresh); the report says what happened and
    how long each step took.

    Raises :class:`~warehouse.pipeline.refusals.Refused` (nothing published; ``force`` lets the refusals on the
    returns through), :class:`~warehouse.pipeline.lock.WriterBusy` (another refresh writes and the settings say
    not to wait) or :class:`~warehouse.pipeline.lock.WorkingFileBusy` (another program holds the working file).
    A step that stops the run sets ``report.blocked``; one that does not hold the publication back adds to
    ``report.after_failures``.  A working file that cannot be read (or any, with ``run.rebuild``) is moved
    aside and rebuilt from ``raw/``, every year there (``report.rebuilt`` says why and where the old file went).
    """
    settings = run.settings
    whole = run.steps == frozenset(PLAN)
    check(run)
    report = RefreshReport(run.year)
    started = time.perf_counter()

    def rebuilt(reason: str) -> None:
        report.rebuilt = (reason, working_file.move_aside(settings.db))

    try:
        with writing(run, heals=rebuilt if whole else None) as report.leftovers:
            if whole and run.rebuild and report.rebuilt is None and settings.db.exists():
                rebuilt("asked for with --rebuild")
            if whole and report.rebuilt is None:
                report.nothing_to_do = inputs.unchanged(settings, run.year)
                if report.nothing_to_do:
                    return report
            inputs.forget(settings)
            try:
                _steps(run, report)
            finally:
                steps.release_workers()  # when a step before the one that ends a worker failed
            if whole:  # read before the lock is released: a refresh waiting for it could not open the file
                report.returns = steps.returns(settings.db, run.year)
                if report.ok and report.published is not None:
                    inputs.record(settings, run.year, report.published.published_at)
    finally:
        report.seconds = time.perf_counter() - started
    return report


def _steps(run: Run, report: RefreshReport) -> None:
    pending: list[Callable[[], None]] = []
    try:
        for step in PLAN.values():
            if not step.runs_in(run):
                continue
            try:
                join = execute(step, run, report)
                if join is not None:
                    pending.append(join)
            except steps.Stopped as stopped:
                if not step.holds_back:
                    report.after_failures.append(str(stopped))
                    continue
                report.blocked = str(stopped)
                return
            except STANDS as error:
                if step.holds_back:
                    raise
                report.after_failures.append(str(error))
    finally:
        for join in pending:
            try:
                join()
            except STANDS as error:
                report.after_failures.append(str(error))
