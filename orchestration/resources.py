"""The settings of a Dagster run, and how an asset runs its step of the plan with them.

The resource ``warehouse`` holds the same settings as the command line (``warehouse.settings``), under the
same names: a field left empty takes the environment's value (``WAREHOUSE_*``) when the run starts, never
when the code location is imported.  Run config given for the resource (``resources: warehouse: config:``,
e.g. ``force: true``) replaces its configuration.  Each asset builds one :class:`~warehouse.pipeline.run.Run`
from them and calls :func:`run_step`, which runs one step of the plan under the working file's writer lock,
exactly as the command line does; a step that stops the run fails the Dagster step with the command line's
sentence, and nothing else.
"""

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from pathlib import Path

import dagster as dg

from orchestration.constants import step_of, step_of_check
from warehouse.pipeline.lock import WorkingFileBusy, WriterBusy
from warehouse.pipeline.plan import PLAN, execute
from warehouse.pipeline.refresh import writing
from warehouse.pipeline.refusals import Refused
from warehouse.pipeline.run import Events, Run, default_year
from warehouse.pipeline.state import RefreshReport
from warehouse.pipeline.steps import Stopped, release_workers
from warehouse.pipeline.working_file import WorkingFileDamaged
from warehouse.publish.swap import PublishError
from warehouse.settings import Settings, SettingsError

#: What a step raises that ends the run with one sentence (as the command line says it).
SAID = (Stopped, Refused, WriterBusy, WorkingFileBusy, WorkingFileDamaged, SettingsError, PublishError)
Context = dg.AssetExecutionContext | dg.AssetCheckExecutionContext


class WarehouseSettings(dg.ConfigurableResource):
    """``warehouse.settings.Settings`` as Dagster configures it: the fields given override the environment's."""

    raw: str | None = None
    db: str | None = None
    published: str | None = None
    cleaning_log: str | None = None
    site: str | None = None
    site_audience: str | None = None
    lock_wait: bool | None = None
    lock_timeout: float | None = None
    min_returns_share: float | None = None
    force: bool | None = None
    dbt_runs_kept: int | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> "WarehouseSettings":
        """Every field set from ``settings`` (the tests' and a deployment's explicit configuration)."""
        fields = {name: getattr(settings, name) for name in cls.model_fields}
        return cls(**{name: str(v) if isinstance(v, Path) else v for name, v in fields.items()})

    def settings(self) -> Settings:
        """The environment's settings with the fields given, read once per step when it starts."""
        given = {name: getattr(self, name) for name in type(self).model_fields}
        paths = ("raw", "db", "published", "cleaning_log", "site")
        return Settings.from_env().override(
            **{name: Path(v) if name in paths and v is not None else v for name, v in given.items()}
        )


def run_year(context: Context) -> int | None:
    """The survey year the run refreshes (its partition), or None for a run without one."""
    key = context.run.tags.get("dagster/partition", "")
    return int(key) if key.isdigit() else None


def steps_of_run(context: Context) -> set[str]:
    """The plan's steps this Dagster run executes (a step warms the next one's worker only if it runs)."""
    return steps_selected(context.job_def, context.run.asset_selection, context.run.asset_check_selection)


def steps_selected(
    job: dg.JobDefinition,
    assets: AbstractSet[dg.AssetKey] | None,
    checks: AbstractSet[dg.AssetCheckKey] | None,
) -> set[str]:
    """The plan's steps of the assets and checks a run of ``job`` selected, or of the job's own when it runs
    whole: Dagster then leaves the run's selection unset, or empty (``execute_in_process``)."""
    layer = job.asset_layer
    selected: Iterable[dg.AssetKey] = assets if assets else layer.selected_asset_keys
    checked: Iterable[dg.AssetCheckKey] = (checks or ()) if assets else layer.asset_graph.asset_check_keys
    found = {step_of(key) for key in selected} | {step_of_check(key) for key in checked}
    return {step for step in found if step is not None}


def run_of(context: Context, warehouse: WarehouseSettings, *, select: tuple[str, ...] = ()) -> Run:
    """The run of the plan this Dagster run is: its settings, its year (the partition, else the default), its
    label (Dagster's run id) and the steps it selected."""
    try:
        settings = warehouse.settings()
    except SettingsError as error:
        raise dg.Failure(description=f"refused: {error}", allow_retries=False) from None
    year = run_year(context)
    return Run(
        settings,
        default_year(settings.raw) if year is None else year,
        context.run.run_id,
        frozenset(steps_of_run(context)),
        select=select,
        events=Events(
            stage=lambda name: context.log.info(f"step {name} of the plan"),
            progress=lambda done, total: (
                context.log.info(f"read {done:,}/{total:,} workbooks") if done == total else None
            ),
            say=context.log.info,
        ),
    )


def run_step(context: Context, name: str, run: Run, report: RefreshReport | None = None) -> RefreshReport:
    """Step ``name`` of the plan, under the writer lock, waited for if it works in the background.  What stops
    the run fails this Dagster step with the sentence the command line prints (and is not retried)."""
    report = report or RefreshReport(run.year)
    step = PLAN[name]
    try:
        if step.check is not None:
            step.check(run)
        with writing(run, f"dagster run {context.run.run_id}, step {name}"):
            join = execute(step, run, report)
            if join is not None:
                join()
    except SAID as error:
        release_workers()
        raise dg.Failure(description=said(error), allow_retries=False) from None
    except BaseException:
        release_workers()
        raise
    return report


def said(error: BaseException) -> str:
    """The command line's sentence for what stopped a step."""
    return f"refused: {error}" if isinstance(error, Refused | SettingsError) else str(error)
