"""Everything the code location offers: assets, checks, jobs, schedule, sensors and resources.

Runs execute in one process, step after step: the pipeline is a chain on one DuckDB file that allows a
single writer, so parallel steps would only wait for each other (or fail on its lock).  Across runs,
every step that opens the file is in the pool ``duckdb_writer``; ``orchestration/dagster.yaml`` gives
that pool one slot at run granularity, so only one run works on the file at a time; and every step that
writes the file holds its writer lock (``warehouse.pipeline.lock``), shared with the command line.
"""

import dagster as dg

from orchestration.dbt_assets import dbt_models
from orchestration.gate_assets import gate, quality_gate
from orchestration.ingest_assets import lookups, raw_answers
from orchestration.jobs import full_refresh_job, ingest_job, publish_job
from orchestration.postgres_assets import postgres_definitions
from orchestration.publish_assets import published
from orchestration.resources import WarehousePaths
from orchestration.schedules import refresh_schedule
from orchestration.sensors import alert_on_run_failure, raw_files
from orchestration.site_assets import site
from warehouse.settings import Settings


def build_definitions(paths: WarehousePaths | None = None) -> dg.Definitions:
    """The code location, on ``paths`` (default: the settings of the environment, see ``warehouse.settings``)."""
    postgres_assets, postgres_resources = postgres_definitions(Settings.from_env())
    return dg.Definitions(
        # steps that read the publication add their asset (in a file of its own) after `published`
        assets=[raw_answers, lookups, dbt_models, gate, published, site, *postgres_assets],
        asset_checks=[quality_gate],
        jobs=[ingest_job, full_refresh_job, publish_job],
        schedules=[refresh_schedule],
        sensors=[raw_files, alert_on_run_failure],
        resources={"paths": paths or WarehousePaths.from_settings(Settings.from_env()), **postgres_resources},
        executor=dg.in_process_executor,
    )


defs = build_definitions()
