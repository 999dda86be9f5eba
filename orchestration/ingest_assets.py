"""The ingest, one partition per survey year, and the lookup tables (codebook, reference) dbt reads: the plan's
steps ``ingest`` and ``lookups``."""

from collections.abc import Iterator

import dagster as dg

from orchestration.constants import DESCRIPTION_TAG, LOOKUP_KEYS, RAW_ANSWERS, WRITER_POOL, survey_years
from orchestration.resources import WarehouseSettings, run_of, run_step
from warehouse.db import connect


@dg.asset(
    key=RAW_ANSWERS,
    group_name="ingest",
    partitions_def=survey_years,
    kinds={"excel", "duckdb"},
    pool=WRITER_POOL,
    description="Every answered cell of the returned workbooks of one survey year, with provenance; "
    "unusable files go to raw.quarantine with their reason. Reads only new or changed files; a file removed "
    "from raw/ is withdrawn. Writes all of the raw schema (answers, submissions, quarantine, ingest issues, "
    "stray cells, file versions, withdrawals).",
)
def raw_answers(context: dg.AssetExecutionContext, warehouse: WarehouseSettings) -> dg.MaterializeResult:
    if DESCRIPTION_TAG in context.run.tags:
        context.log.info(f"started for {context.run.tags[DESCRIPTION_TAG]}")
    run = run_of(context, warehouse)
    report = run_step(context, "ingest", run).ingest
    assert report is not None
    with connect(run.settings.db, read_only=True) as con:
        # versions on file (not withdrawn); which one is current per respondent is dbt's to decide
        per_form = con.execute(
            "select form, count(*) from raw.submissions where fiscal_year = ? and submission_id not in "
            "(select submission_id from raw.withdrawals where submission_id is not null) "
            "group by form order by form",
            [run.year],
        ).fetchall()
        quarantined = con.execute(
            "select reason_code, count(*) from raw.quarantine where fiscal_year = ? group by all", [run.year]
        ).fetchall()
    return dg.MaterializeResult(
        metadata={
            "run_id": report.run_id,
            "files_seen": report.files_seen,
            "files_read": report.files_read,
            "new_submissions": report.submissions,
            "new_answer_cells": report.answers,
            "quarantined_in_run": report.quarantined,
            "submissions_by_form": dict(per_form),
            "withdrawn_in_run": report.withdrawn,
            "quarantine_by_reason": dict(quarantined),
            "seconds": report.seconds,
        }
    )


@dg.multi_asset(
    name="lookups",
    specs=[
        dg.AssetSpec(
            key,
            group_name="lookups",
            kinds={"duckdb"},
            description=f"{'.'.join(key.path)}, written from the "
            + ("YAML codebooks of every edition." if key.path[0] == "codebook" else "packaged 総務省 code list."),
        )
        for key in LOOKUP_KEYS
    ],
    pool=WRITER_POOL,
)
def lookups(context: dg.AssetExecutionContext, warehouse: WarehouseSettings) -> Iterator[dg.MaterializeResult]:
    """The codebook and reference schemas: the dimensions and facts read them, so they are written before
    any dbt model is built."""
    counts = run_step(context, "lookups", run_of(context, warehouse)).lookups
    written = {dg.AssetKey(name.split(".", 1)) for name in counts}
    unknown = sorted(".".join(key.path) for key in written - set(LOOKUP_KEYS))
    if unknown:
        context.log.warning(f"tables written but not declared as assets: {', '.join(unknown)}")
    for key in LOOKUP_KEYS:
        yield dg.MaterializeResult(
            asset_key=key, metadata={"dagster/row_count": dg.MetadataValue.int(counts.get(".".join(key.path), 0))}
        )
