"""Publish: copy the audited marts, the report tables and the gate's findings (the flags analysts see)
into the analysts' file, replaced whole.

Within a run the blocking ``quality_gate`` checks keep this asset from running when a hard rule failed.
Across runs (a run that selects ``published`` alone, or marts rebuilt after the last gate) the asset
checks for itself before it writes anything: the latest ``gate/findings`` materialisation must have
passed and be newer than the latest materialisation of every published model.  Otherwise it fails and
the previous publication stays as it was.  It also refuses a year whose current returns of some form
fell below ``min_returns_share`` of the last publication's (``force: true`` in the ``paths`` resource's
run config publishes anyway), and holds the working file's writer lock while it copies.
"""

import dagster as dg
import duckdb

from orchestration.dbt_assets import PUBLISHED_KEYS
from orchestration.gate_assets import CLEANING_LOG, GATE_FINDINGS
from orchestration.ingest_assets import WRITER_POOL
from orchestration.resources import WarehousePaths
from warehouse import refusals
from warehouse.gate.run import latest_gate_runs
from warehouse.ingest.store import connect
from warehouse.publish.swap import PublishError, PublishResult, publish, read_publication
from warehouse.refresh import PUBLISHED_SCHEMAS, one_line

PUBLISHED = dg.AssetKey(["published"])


def unaudited(instance: dg.DagsterInstance) -> str | None:
    """Why publishing now would publish something the gate has not passed, or None."""
    gate = instance.get_latest_materialization_event(GATE_FINDINGS)
    if gate is None or gate.asset_materialization is None:
        return "the quality gate has never run"
    passed = gate.asset_materialization.metadata.get("passed")
    if passed is None or not passed.value:
        return f"the latest quality gate (run {gate.run_id}) failed"
    newer = []
    for key in PUBLISHED_KEYS:
        built = instance.get_latest_materialization_event(key)
        if built is not None and built.timestamp > gate.timestamp:
            newer.append(key.to_user_string())
    if newer:
        return f"{len(newer)} published model(s) were rebuilt after the latest gate, e.g. {newer[0]}"
    return None


@dg.asset(
    key=PUBLISHED,
    group_name="publish",
    deps=[*PUBLISHED_KEYS, GATE_FINDINGS, CLEANING_LOG],
    kinds={"duckdb"},
    pool=WRITER_POOL,
    description="The analysts' DuckDB file: the marts, report and gate schemas copied from the working file once "
    "the quality gate passed, swapped in atomically; meta.publication says which runs and which soft flags.",
)
def published(context: dg.AssetExecutionContext, paths: WarehousePaths) -> dg.MaterializeResult:
    reason = unaudited(context.instance)
    if reason:
        raise dg.Failure(f"not publishing: {reason}; {paths.published} is unchanged")
    with paths.writing(context, "published"):
        result, flags = _publish(context, paths)
    publication = read_publication(result.path) or {}
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(result.path)),
            "published_at": str(publication.get("published_at", result.published_at)),
            "tables": len(result.tables),
            "rows": sum(result.tables.values()),
            "row_counts": dg.MetadataValue.json(result.tables),
            "bytes": result.bytes,
            "seconds": round(result.seconds, 2),
            "soft_flags": len(flags),
        }
    )


def _publish(context: dg.AssetExecutionContext, paths: WarehousePaths) -> tuple[PublishResult, list[str]]:
    runs = latest_gate_runs(paths.db)
    if not runs or not all(run.passed for run in runs):
        raise dg.Failure(
            f"not publishing: the working file's latest gate runs did not all pass; {paths.published} is unchanged"
        )
    with connect(paths.db, read_only=True) as con:
        respondents = {run.fiscal_year: refusals.current_respondents(con, run.fiscal_year) for run in runs}
    try:
        for year, current in respondents.items():
            if not paths.force:
                refusals.check_drop(current, paths.published, year, min_share=paths.min_returns_share)
    except refusals.Refused as refused:
        raise dg.Failure(f"not publishing: {refused}; {paths.published} is unchanged") from None
    flags = sorted({f"{run.fiscal_year}:{rule}" for run in runs for rule, _ in run.failed("soft")})
    try:
        result = publish(
            paths.db,
            paths.published,
            PUBLISHED_SCHEMAS,
            metadata={
                "gate_run_id": runs[-1].run_id,  # the latest survey year's, as the command line publishes it
                "gate_run_ids": ",".join(run.run_id for run in runs),
                "dagster_run_id": context.run.run_id,
                "fiscal_years": ",".join(str(run.fiscal_year) for run in runs),
                "soft_flags": ",".join(flags),
                **refusals.respondents_metadata(respondents),
            },
        )
    except (PublishError, OSError, duckdb.Error) as error:  # disk full among them
        raise dg.Failure(f"publishing to {paths.published} failed: {one_line(error)}") from None
    return result, flags
