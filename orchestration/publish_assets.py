"""Publish: copy the audited marts, the report tables and the gate's findings (the flags analysts see)
into the analysts' file, replaced whole; it holds every survey year of the working file.

The step is the command line's (``warehouse.pipeline.refresh.publication`` then ``publish_step``).  When some year's
latest gate run failed a hard rule, the asset is held back: nothing is written, nothing materialised, the step
succeeds and records why as an observation (the run fails in ``quality_gate`` with the gate's message).
Across runs (a run that selects ``published`` alone, or marts rebuilt after the last gate) the asset checks
for itself before it writes anything: the latest ``gate/findings`` materialisation must have passed and be
newer than the latest materialisation of every published model.  It also refuses a year whose current returns
of some form fell below ``min_returns_share`` of the last publication's (``force: true`` in the ``paths``
resource's run config publishes anyway), and holds the working file's writer lock while it copies.

Steps that read the publication (``warehouse.pipeline.refresh.after_publication``) are assets downstream of this one,
each in a file of its own under ``orchestration/``.
"""

from collections.abc import Iterator

import dagster as dg

from orchestration.dbt_assets import DISCLOSURE, PUBLISHED_KEYS, run_year
from orchestration.gate_assets import CLEANING_LOG, GATE_FINDINGS
from orchestration.ingest_assets import WRITER_POOL
from orchestration.resources import WarehousePaths
from warehouse.pipeline import refresh, refusals
from warehouse.publish.swap import read_publication

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
    deps=[*PUBLISHED_KEYS, DISCLOSURE, GATE_FINDINGS, CLEANING_LOG],
    kinds={"duckdb"},
    pool=WRITER_POOL,
    output_required=False,
    description="The analysts' DuckDB file: the marts, report and gate schemas of every survey year copied from the "
    "working file once the quality gate passed, swapped in atomically; meta.publication says which runs and which "
    "soft flags. Held back (not materialised) when a hard rule failed.",
)
def published(context: dg.AssetExecutionContext, paths: WarehousePaths) -> Iterator[dg.Output | dg.AssetObservation]:
    reason = unaudited(context.instance)
    gate = context.instance.get_latest_materialization_event(GATE_FINDINGS)
    gated_here = gate is not None and gate.run_id == context.run.run_id
    if reason and not gated_here:  # published alone, after a failed or outdated gate
        raise dg.Failure(f"not publishing: {reason}; {paths.published} is unchanged")
    with paths.writing(context, "published"):
        try:
            allowed = refresh.publication(
                paths.db,
                paths.published,
                paths.cleaning_log,
                min_returns_share=None if paths.force else paths.min_returns_share,
            )
        except refresh.HeldBack as held:  # the gate of this run failed: quality_gate says why, once
            context.log.warning(f"held back: {held.verdicts[0].summary}; {paths.published} is unchanged")
            yield dg.AssetObservation(
                asset_key=PUBLISHED,
                description="held back by the quality gate",
                metadata={
                    "held_back": dg.MetadataValue.md("\n\n".join(v.summary for v in held.verdicts)),
                    "path": dg.MetadataValue.path(str(paths.published)),
                },
            )
            return
        except refusals.Refused as refused:
            raise dg.Failure(f"not publishing: {refused}; {paths.published} is unchanged") from None
        year = run_year(context)
        metadata = allowed.metadata(year, dagster_run_id=context.run.run_id)
        try:
            result = refresh.publish_step(paths.db, paths.published, metadata)
        except refresh.PublishFailed as error:
            raise dg.Failure(str(error)) from None
    publication = read_publication(result.path) or {}
    yield dg.Output(
        None,
        metadata={
            "path": dg.MetadataValue.path(str(result.path)),
            "published_at": str(publication.get("published_at", result.published_at)),
            "fiscal_years": metadata["fiscal_years"],
            "tables": len(result.tables),
            "rows": sum(result.tables.values()),
            "row_counts": dg.MetadataValue.json(result.tables),
            "bytes": result.bytes,
            "seconds": round(result.seconds, 2),
            "soft_flags": len([f for f in metadata["soft_flags"].split(",") if f]),
        },
    )
