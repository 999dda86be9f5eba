"""What the code location's files share: the asset keys, the pool, the run tags and the partitions, each named
once.  Which step of the plan (``warehouse.pipeline.plan``) each asset runs is written here too."""

import re

import dagster as dg

from warehouse.codebook import editions
from warehouse.codebook import tables as codebook_tables
from warehouse.reference import tables as reference_tables

#: One partition per survey year (fiscal year of the edition).
survey_years = dg.StaticPartitionsDefinition([str(year) for year in editions()])

#: Every asset that opens the working DuckDB file runs in this pool (limit 1 in ``dagster.yaml``: one writer).
WRITER_POOL = "duckdb_writer"
#: The run tag saying, in a sentence, why the run was started (shown in the runs table).
DESCRIPTION_TAG = "warehouse/description"
#: Run tag set once the gate alert of a run has been delivered, so the run-failure alert is not sent twice.
ALERTED_TAG = "warehouse/alerted"

RAW_ANSWERS = dg.AssetKey(["raw", "answers"])
#: The lookup tables, as ``[schema, table]`` keys: dbt's sources ``codebook.*`` and ``reference.*``.
LOOKUP_KEYS: tuple[dg.AssetKey, ...] = (
    *(
        dg.AssetKey(["codebook", table])
        for table in re.findall(r"create or replace table codebook\.(\w+)", codebook_tables.DDL)
    ),
    *(dg.AssetKey(["reference", table]) for table in reference_tables.TABLES),
)
GATE_FINDINGS = dg.AssetKey(["gate", "findings"])
CLEANING_LOG = dg.AssetKey(["gate", "cleaning_log"])
QUALITY_GATE = "quality_gate"  # the check on gate/findings that runs the plan's verdict step
PUBLISHED = dg.AssetKey(["published"])
PUBLISHED_POSTGRES = dg.AssetKey(["published_postgres"])
SITE = dg.AssetKey(["site"])
#: The layers dbt builds, in order; each is a dbt folder, a DuckDB schema, the first part of a key and a group.
DBT_LAYERS = ("staging", "intermediate", "marts", "report", "provenance", "publication")

#: The step of the plan each asset (or check) runs; dbt's models all run ``build``.
STEP_OF: dict[dg.AssetKey | str, str] = {
    RAW_ANSWERS: "ingest",
    **{key: "lookups" for key in LOOKUP_KEYS},
    GATE_FINDINGS: "gate",
    CLEANING_LOG: "cleaning_log",
    QUALITY_GATE: "verdict",
    PUBLISHED: "publish",
    PUBLISHED_POSTGRES: "postgres",
    SITE: "site",
}


def step_of(key: dg.AssetKey) -> str | None:
    """The plan's step that materialises ``key``."""
    return "build" if key.path[0] in DBT_LAYERS else STEP_OF.get(key)


def step_of_check(key: dg.AssetCheckKey) -> str | None:
    """The plan's step that a check of the code location runs (``quality_gate``: the verdict)."""
    return STEP_OF.get(key.name)
