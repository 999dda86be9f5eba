"""The static site of the published results: the plan's ``site`` step, written after each publication from the
published file alone (``warehouse.site``)."""

import dagster as dg

from orchestration.constants import PUBLISHED, SITE, WRITER_POOL
from orchestration.resources import WarehouseSettings, run_of, run_step


@dg.asset(
    key=SITE,
    group_name="publish",
    deps=[PUBLISHED],
    kinds={"html"},
    pool=WRITER_POOL,  # one run at a time: the site reads the publication the publisher replaces
    description="The static site for the audience of the warehouse resource's site_audience (public by default: "
    "counts only): the national charts rebuilt beside the printed figures, a page per prefecture, a profile per "
    "municipality for a reader who may read its answers, the coordinator analysis and the quality gate's result; "
    "only changed pages are rewritten.",
)
def site(context: dg.AssetExecutionContext, warehouse: WarehouseSettings) -> dg.MaterializeResult:
    report = run_step(context, "site", run_of(context, warehouse))
    if report.site is None:
        context.log.warning(f"site: not written, {report.site_skipped}")
        return dg.MaterializeResult(metadata={"pages": 0, "not_written": str(report.site_skipped)})
    done = report.site
    context.log.info(f"site: {done.written:,} files written, {done.unchanged:,} unchanged → {done.index}")
    return dg.MaterializeResult(
        metadata={
            "index": dg.MetadataValue.path(str(done.index)),
            "quality": dg.MetadataValue.path(str(done.quality)),
            "data_docs": dg.MetadataValue.path(str(done.data_docs or "")),
            "fiscal_year": done.fiscal_year,
            "pages": done.pages,
            "files_written": done.written,
            "files_unchanged": done.unchanged,
            "seconds": round(done.seconds, 2),
        }
    )
