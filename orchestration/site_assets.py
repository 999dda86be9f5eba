"""The static site of the published results, written after each publication from the published file
alone (``warehouse.site``): the same step the command line's refresh runs after publishing."""

import dagster as dg

from orchestration.ingest_assets import WRITER_POOL
from orchestration.publish_assets import PUBLISHED
from orchestration.resources import WarehousePaths
from warehouse.pipeline.refresh import SITE_FAILURES, site_not_written
from warehouse.site.build import build_site
from warehouse.site.data import NothingToDraw

SITE = dg.AssetKey(["site"])


@dg.asset(
    key=SITE,
    group_name="publish",
    deps=[PUBLISHED],
    kinds={"html"},
    pool=WRITER_POOL,  # one run at a time: the site reads the publication the publisher replaces
    description="The static site for the audience of the paths resource's site_audience (public by default: counts "
    "only): the national charts rebuilt beside the printed figures, a page per prefecture, a profile per municipality "
    "for a reader who may read its answers, the coordinator analysis and the quality gate's result; only changed "
    "pages are rewritten.",
)
def site(context: dg.AssetExecutionContext, paths: WarehousePaths) -> dg.MaterializeResult:
    try:
        report = build_site(paths.published, paths.site, audience=paths.site_reader)
    except NothingToDraw as nothing:
        context.log.warning(f"site: not written, {nothing}")
        return dg.MaterializeResult(metadata={"pages": 0, "not_written": str(nothing)})
    except SITE_FAILURES as error:
        raise dg.Failure(f"the publication stands, but {site_not_written(paths.site, error)}") from None
    context.log.info(f"site: {report.written:,} files written, {report.unchanged:,} unchanged → {report.index}")
    return dg.MaterializeResult(
        metadata={
            "index": dg.MetadataValue.path(str(report.index)),
            "quality": dg.MetadataValue.path(str(report.quality)),
            "data_docs": dg.MetadataValue.path(str(report.data_docs or "")),
            "fiscal_year": report.fiscal_year,
            "pages": report.pages,
            "files_written": report.written,
            "files_unchanged": report.unchanged,
            "seconds": round(report.seconds, 2),
        }
    )
