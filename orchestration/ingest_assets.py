"""The ingest, one partition per survey year (fiscal year of the edition), and the lookup tables
(codebook, reference) dbt reads.

Every asset that opens the working DuckDB file runs in the pool ``duckdb_writer``: DuckDB allows one
read-write process per file, and a read-only open fails while another process writes, so the instance
gives that pool one slot (see ``orchestration/dagster.yaml``).  Across Dagster and the command line,
each step that writes the file holds its writer lock (``warehouse.pipeline.lock``) while it works.
"""

import re
from collections.abc import Iterator

import dagster as dg

from orchestration.resources import WarehousePaths
from warehouse.codebook import editions
from warehouse.codebook import tables as codebook_tables
from warehouse.db import connect
from warehouse.ingest.run import ingest
from warehouse.pipeline.refresh import release_workers, warm_build
from warehouse.pipeline.refusals import Refused, check_inputs
from warehouse.reference import tables as reference_tables
from warehouse.transform.dbt import write_lookups

#: The run tag saying, in a sentence, why the run was started (Dagster's runs have no description field;
#: user tags show in the runs table).
DESCRIPTION_TAG = "warehouse/description"

survey_years = dg.StaticPartitionsDefinition([str(year) for year in editions()])

#: Every asset that opens the working DuckDB file runs in this pool (limit 1: one writer).
WRITER_POOL = "duckdb_writer"
RAW_ANSWERS = dg.AssetKey(["raw", "answers"])

#: The lookup tables, as ``[schema, table]`` keys: dbt's sources ``codebook.*`` and ``reference.*``.
LOOKUP_KEYS: tuple[dg.AssetKey, ...] = (
    *(
        dg.AssetKey(["codebook", table])
        for table in re.findall(r"create or replace table codebook\.(\w+)", codebook_tables.DDL)
    ),
    *(dg.AssetKey(["reference", table]) for table in reference_tables.TABLES),
)


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
def raw_answers(context: dg.AssetExecutionContext, paths: WarehousePaths) -> dg.MaterializeResult:
    year = int(context.partition_key)
    if DESCRIPTION_TAG in context.run.tags:
        context.log.info(f"started for {context.run.tags[DESCRIPTION_TAG]}")
    try:
        check_inputs(paths.raw, year, force=paths.force)
    except Refused as refused:
        raise dg.Failure(f"refused: {refused}") from None
    with paths.writing(context, "raw/answers"):
        selection = context.run.asset_selection
        if selection is None or any(key != RAW_ANSWERS and key not in LOOKUP_KEYS for key in selection):
            warm_build(paths.db)  # the dbt step after this one finds dbt imported and the project parsed
        try:
            report = ingest(
                paths.db,
                paths.raw,
                year,
                progress=lambda done, total: (
                    context.log.info(f"read {done:,}/{total:,} workbooks") if done == total else None
                ),
            )
        except BaseException:
            release_workers()  # no build follows
            raise
        with connect(paths.db, read_only=True) as con:
            # versions on file (not withdrawn); which one is current per respondent is dbt's to decide
            per_form = con.execute(
                "select form, count(*) from raw.submissions where fiscal_year = ? and submission_id not in "
                "(select submission_id from raw.withdrawals where submission_id is not null) "
                "group by form order by form",
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
def lookups(context: dg.AssetExecutionContext, paths: WarehousePaths) -> Iterator[dg.MaterializeResult]:
    """The codebook and reference schemas: dbt's macros read them when they compile, so they are
    written before any dbt model is built."""
    with paths.writing(context, "lookups"):
        counts = write_lookups(paths.db)
    written = {dg.AssetKey(name.split(".", 1)) for name in counts}
    unknown = sorted(".".join(key.path) for key in written - set(LOOKUP_KEYS))
    if unknown:
        context.log.warning(f"tables written but not declared as assets: {', '.join(unknown)}")
    for key in LOOKUP_KEYS:
        yield dg.MaterializeResult(
            asset_key=key, metadata={"dagster/row_count": dg.MetadataValue.int(counts.get(".".join(key.path), 0))}
        )
