"""Publish: the plan's ``publish`` step, which copies the audited marts, the report tables and the gate's
findings (the flags analysts see) into the analysts' file, replaced whole; it holds every survey year of the
working file.

The step decides for itself, from the working file, whether it may publish (``warehouse.pipeline.steps.
publication``): every year's latest gate run passed, no model was rebuilt after it, and no year's returns fell
below ``min_returns_share`` of the last publication's (``force: true`` in the ``warehouse`` resource's run
config publishes anyway).  In a run whose ``quality_gate`` failed, this asset does not run (the check blocks
it); run alone after a failed gate, it fails with the gate's message.

Steps that read the publication are assets downstream of this one, each in a file of its own.
"""

import dagster as dg

from orchestration.constants import CLEANING_LOG, GATE_FINDINGS, PUBLISHED, WRITER_POOL
from orchestration.dbt_assets import DISCLOSURE
from orchestration.resources import WarehouseSettings, run_of, run_step
from warehouse.publish.swap import read_publication


def build_published(published_models: tuple[dg.AssetKey, ...]) -> dg.AssetsDefinition:
    """The asset, downstream of the published models ``published_models``."""

    @dg.asset(
        key=PUBLISHED,
        group_name="publish",
        deps=[*published_models, DISCLOSURE, GATE_FINDINGS, CLEANING_LOG],
        kinds={"duckdb"},
        pool=WRITER_POOL,
        description="The analysts' DuckDB file: the marts, report and gate schemas of every survey year copied from "
        "the working file once the quality gate passed, swapped in atomically; meta.publication says which runs and "
        "which soft flags.",
    )
    def published(context: dg.AssetExecutionContext, warehouse: WarehouseSettings) -> dg.MaterializeResult:
        run = run_of(context, warehouse)
        result = run_step(context, "publish", run).published
        assert result is not None
        publication = read_publication(result.path) or {}
        return dg.MaterializeResult(
            metadata={
                "path": dg.MetadataValue.path(str(result.path)),
                "published_at": str(publication.get("published_at", result.published_at)),
                "fiscal_years": str(publication.get("fiscal_years", "")),
                "tables": len(result.tables),
                "rows": sum(result.tables.values()),
                "row_counts": dg.MetadataValue.json(result.tables),
                "bytes": result.bytes,
                "seconds": round(result.seconds, 2),
                "soft_flags": len([f for f in str(publication.get("soft_flags") or "").split(",") if f]),
            },
        )

    return published
