"""The ingest as a Dagster asset, one partition per survey year (fiscal year of the edition)."""

import dagster as dg

from orchestration.resources import WarehousePaths
from warehouse.codebook import editions
from warehouse.ingest.run import ingest
from warehouse.ingest.store import connect

survey_years = dg.StaticPartitionsDefinition([str(year) for year in editions()])

#: Every asset that writes the working DuckDB file runs in this pool (limit 1: one writer).
WRITER_POOL = "duckdb_writer"


@dg.asset(
    key=dg.AssetKey(["raw", "answers"]),
    group_name="ingest",
    partitions_def=survey_years,
    kinds={"excel", "duckdb"},
    pool=WRITER_POOL,
    description="Every answered cell of the returned workbooks of one survey year, with provenance; "
    "unusable files go to raw.quarantine with their reason. Reads only new or changed files.",
)
def raw_answers(context: dg.AssetExecutionContext, paths: WarehousePaths) -> dg.MaterializeResult:
    year = int(context.partition_key)
    report = ingest(
        paths.db,
        paths.raw,
        year,
        progress=lambda done, total: context.log.info(f"read {done:,}/{total:,} workbooks") if done == total else None,
    )
    with connect(paths.db, read_only=True) as con:
        per_form = con.execute(
            "select form, count(*) from raw.latest_submissions where fiscal_year = ? group by form order by form",
            [year],
        ).fetchall()
        quarantined = con.execute(
            "select reason_code, count(*) from raw.quarantine where fiscal_year = ? group by all", [year]
        ).fetchall()
    return dg.MaterializeResult(
        metadata={
            "run_id": report.run_id,
            "files_seen": report.files_seen,
            "files_read": report.files_read,
            "new_submissions": report.submissions,
            "new_answer_cells": report.answers,
            "quarantined_in_run": report.quarantined,
            "respondents_by_form": dict(per_form),
            "quarantine_by_reason": dict(quarantined),
            "seconds": report.seconds,
        }
    )
