"""The plan of a refresh, written once as data: the steps in order, what each does, which worker process it
runs in and which it starts ahead (so that the next step finds its modules loaded), what stops the run there
and what it alerts.  ``python -m warehouse run`` iterates it (``warehouse.pipeline.refresh``), the stage
commands run single steps of it, and each Dagster asset (``orchestration/``) calls one step through
:func:`execute`; ``python -m warehouse plan`` prints it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from warehouse.pipeline import steps
from warehouse.pipeline.run import Run
from warehouse.pipeline.state import RefreshReport
from warehouse.publish.swap import PublishError

#: A step's function: it records what it found in the report; a step that works in the background returns
#: the function that waits for it.
StepFunction = Callable[[Run, RefreshReport], Callable[[], None] | None]


@dataclass(frozen=True)
class Step:
    name: str
    does: str
    func: StepFunction
    worker: bool = False  # runs in a worker process of its own (``steps.WORKERS[name]``)
    warm: Callable[[Run], None] | None = None  # loads ahead what the step needs (in its worker, if it has one)
    warms: str = ""  # the later step this one warms before it works
    background: bool = False  # works beside the steps after it; the run waits for it at its end
    stops: str = ""  # what ends the run at this step (nothing after it runs)
    alerts: str = ""  # what it sends to the alert sink
    holds_back: bool = True  # a failure holds the publication back (else: said, and the publication stands)
    when: Callable[[Run], bool] | None = None  # runs only when this holds (None: always)
    check: Callable[[Run], None] | None = None  # refuses before the writer lock is taken: inputs that cannot be right

    def runs_in(self, run: Run) -> bool:
        return self.name in run.steps and (self.when is None or self.when(run))


PLAN: dict[str, Step] = {
    step.name: step
    for step in (
        Step(
            "ingest",
            "read the year's new and changed workbooks into the raw schema; a removed file withdraws its return",
            steps.ingest,
            check=steps.check_inputs,
            warms="build",
        ),
        Step("lookups", "write the codebook and reference tables dbt reads", steps.lookups),
        Step(
            "build",
            "dbt build: the models the changed returns feed (all when the project or lookups changed), with tests",
            steps.build_models,
            worker=True,
            warm=steps.warm_build,
            warms="gate",
            stops="a model or a dbt test failed",
        ),
        Step(
            "gate",
            "refuse a sharp drop in returns, then check the staged answers of the year (and of any year not "
            "checked since the models were rebuilt whole) against the codebook's rules",
            steps.gate,
            worker=True,
            warm=steps.warm_gate,
            warms="site",
            stops="a form's returns fell below the share of the last publication's (unless forced)",
        ),
        Step(
            "cleaning_log",
            "write the 疑義照会 workbooks of the years gated, one per prefecture and a national summary",
            steps.cleaning_log,
            worker=True,
            background=True,
            holds_back=False,
        ),
        Step(
            "verdict",
            "hold the publication back when some year's latest gate run failed a hard rule",
            steps.judge,
            stops="a hard rule failed",
            alerts="gate_failed, one per year that failed, to the configured sink",
        ),
        Step(
            "publish",
            "copy the marts, report, provenance and gate schemas of every year into the analysts' file, atomically",
            steps.publish_working_file,
            stops="the gate has not passed since the models were built, a sharp drop, or the copy failed",
        ),
        Step(
            "postgres",
            "copy the analysts' file into the PostgreSQL database, with its readers' grants and policies",
            steps.publish_postgres,
            holds_back=False,
            when=lambda run: bool(run.settings.postgres_url),
        ),
        Step(
            "site",
            "write the static site of the publication for the settings' audience",
            steps.write_site,
            warm=steps.warm_site,
            holds_back=False,
        ),
    )
}


def check(run: Run) -> None:
    """What the run's steps refuse before any work (and before the writer lock is waited for)."""
    for step in PLAN.values():
        if step.check is not None and step.runs_in(run):
            step.check(run)


def execute(step: Step, run: Run, report: RefreshReport) -> Callable[[], None] | None:
    """Run one step: start the process of the later step it warms (when the run executes that step), time it
    and say so; what it raises goes to the runner.  A background step's waiting function is returned."""
    following = PLAN.get(step.warms)
    if following is not None and following.warm is not None and following.runs_in(run):
        following.warm(run)
    run.events.stage(step.name)
    started = time.perf_counter()
    try:
        join = step.func(run, report)
    finally:
        report.stages[step.name] = time.perf_counter() - started
    if join is None:
        return None

    def timed_join() -> None:
        try:
            join()
        finally:
            report.stages[step.name] = time.perf_counter() - started

    return timed_join


#: What a step that does not hold the publication back may raise: said in one sentence, the run goes on.
STANDS = (steps.Stopped, PublishError, *steps.AFTER_FAILURES)


def describe() -> str:
    """The plan as ``python -m warehouse plan`` prints it."""
    lines = [
        "before the writer lock: what the run's steps refuse first",
        "then, under the lock: nothing to do when nothing changed since the last complete refresh of the year",
    ]
    for number, step in enumerate(PLAN.values(), start=1):
        lines.append(f"{number}. {step.name}: {step.does}")
        notes = []
        if step.worker:
            notes.append("in a worker process" + (", beside the steps after it" if step.background else ""))
        if step.warms:
            ahead = "the worker of" if PLAN[step.warms].worker else "what it loads for"
            notes.append(f"starts {ahead} {step.warms} ahead")
        if step.when is not None:
            notes.append("only when a PostgreSQL database is configured")
        if step.check is not None:
            notes.append("refuses first: no raw folder, no codebook, or no returns for the year (unless forced)")
        if step.stops:
            notes.append(f"stops the run: {step.stops}")
        if step.alerts:
            notes.append(f"alerts: {step.alerts}")
        if not step.holds_back:
            notes.append("a failure is said; the publication stands")
        lines += [f"     {note}" for note in notes]
    return "\n".join(lines)
