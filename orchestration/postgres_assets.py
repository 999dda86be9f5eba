"""The PostgreSQL publication as a Dagster asset: after ``published`` has replaced the analysts' DuckDB file,
``published_postgres`` copies it into the configured database (``WAREHOUSE_POSTGRES_URL``, see
``warehouse.publish.postgres``), the same step the command line's refresh runs.

The asset exists only when a database is configured, so a deployment on the DuckDB file alone keeps the
graph it had. A failed gate fails or skips ``published`` and therefore never reaches this asset; a failed
copy fails it with the reason and leaves the database's previous publication as it was, and the run
failure alert names the database.
"""

import dataclasses

import dagster as dg

from orchestration.constants import PUBLISHED, PUBLISHED_POSTGRES, WRITER_POOL
from orchestration.resources import WarehouseSettings, run_of, run_step
from warehouse.settings import Settings

POSTGRES_URL_VARIABLE = "WAREHOUSE_POSTGRES_URL"


class PostgresTarget(dg.ConfigurableResource):
    """The database the publication is copied to (``WAREHOUSE_POSTGRES_URL``; empty: none), configured with
    ``dg.EnvVar`` so that the configuration Dagster shows names the variable, not the URL."""

    url: str = ""


@dg.asset(
    key=PUBLISHED_POSTGRES,
    group_name="publish",
    deps=[PUBLISHED],
    kinds={"postgres"},
    pool=WRITER_POOL,
    description="The analysts' publication in PostgreSQL: every table of the published DuckDB file loaded by COPY "
    "into new schemas and swapped in one transaction, readable by the ministry, prefecture and public roles.",
)
def published_postgres(
    context: dg.AssetExecutionContext, warehouse: WarehouseSettings, postgres: PostgresTarget
) -> dg.MaterializeResult:
    run = run_of(context, warehouse)
    if not postgres.url:
        raise dg.Failure(f"no PostgreSQL database configured ({POSTGRES_URL_VARIABLE})")
    run = dataclasses.replace(run, settings=run.settings.override(postgres_url=postgres.url))
    result = run_step(context, "postgres", run).postgres
    assert result is not None
    context.log.info(f"published {len(result.tables)} tables to {result.target} in {result.seconds:.1f} s")
    return dg.MaterializeResult(
        metadata={
            "target": result.target,
            "published_at": str(result.published_at),
            "tables": len(result.tables),
            "rows": sum(result.tables.values()),
            "row_counts": dg.MetadataValue.json(result.tables),
            "seconds": round(result.seconds, 2),
            "roles": result.access,
        }
    )


def postgres_definitions(settings: Settings) -> tuple[list[dg.AssetsDefinition], dict[str, PostgresTarget]]:
    """The asset and its resource when a database is configured; nothing otherwise."""
    if not settings.postgres_url:
        return [], {}
    # the resource's value is shown in the UI (and its GraphQL API): the variable's name, never the URL itself
    return [published_postgres], {"postgres": PostgresTarget(url=dg.EnvVar(POSTGRES_URL_VARIABLE))}
