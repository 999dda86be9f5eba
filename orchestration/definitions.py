"""Everything the code location offers: assets, checks, jobs, schedule, sensors and resources, built from one
settings object when Dagster loads the location (``defs``), never when a module is imported.

Each asset runs one step of the plan (``warehouse.pipeline.plan``), the same steps the command line runs.  Runs
execute in one process, step after step: the pipeline is a chain on one DuckDB file that allows a single
writer, so parallel steps would only wait for each other (or fail on its lock).  Across runs, every step that
opens the file is in the pool ``duckdb_writer``; ``orchestration/dagster.yaml`` gives that pool one slot at
run granularity, so only one run works on the file at a time; and every step holds the working file's writer
lock (``warehouse.pipeline.lock``), shared with the command line.
"""

import dagster as dg

from orchestration.dbt_assets import PUBLISHED_LAYERS, build_dbt_models, keys_in
from orchestration.gate_assets import build_gate, quality_gate
from orchestration.ingest_assets import lookups, raw_answers
from orchestration.jobs import build_jobs
from orchestration.postgres_assets import postgres_definitions
from orchestration.publish_assets import build_published
from orchestration.resources import WarehouseSettings
from orchestration.schedules import build_refresh_schedule
from orchestration.sensors import build_alert_on_run_failure, build_raw_files
from orchestration.site_assets import site
from warehouse.settings import Settings


def build_definitions(settings: Settings | None = None) -> dg.Definitions:
    """The code location on ``settings`` (default: the environment's, see ``warehouse.settings``)."""
    settings = settings or Settings.from_env()
    dbt_models = build_dbt_models()
    gate = build_gate(keys_in(dbt_models, ("staging", "intermediate")))
    published = build_published(keys_in(dbt_models, PUBLISHED_LAYERS))
    postgres_assets, postgres_resources = postgres_definitions(settings)
    return dg.Definitions(
        # steps that read the publication add their asset (in a file of its own) after `published`
        assets=[raw_answers, lookups, dbt_models, gate, published, site, *postgres_assets],
        asset_checks=[quality_gate],
        jobs=build_jobs(settings.raw),
        schedules=[build_refresh_schedule(settings)],
        sensors=[build_raw_files(settings), build_alert_on_run_failure(settings)],
        resources={"warehouse": WarehouseSettings.from_settings(settings), **postgres_resources},
        executor=dg.in_process_executor,
    )


@dg.definitions
def defs() -> dg.Definitions:
    """What ``dagster dev``, the webserver and the daemon load (``workspace.yaml``)."""
    return build_definitions()
