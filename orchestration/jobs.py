"""The three jobs: ingest only, the whole pipeline for one survey year, and gate + publish."""

from __future__ import annotations

from typing import TYPE_CHECKING

import dagster as dg

from orchestration.gate_assets import CLEANING_LOG, GATE_FINDINGS, quality_gate
from orchestration.ingest_assets import RAW_ANSWERS, survey_years
from orchestration.publish_assets import PUBLISHED

if TYPE_CHECKING:
    from dagster._core.definitions.unresolved_asset_job_definition import UnresolvedAssetJobDefinition

#: The survey year a run launched by hand refreshes unless another partition is picked: the latest edition.
LATEST_YEAR = survey_years.get_partition_keys()[-1]


def year_job(name: str, selection: dg.AssetSelection, description: str) -> UnresolvedAssetJobDefinition:
    """A job of one survey year.  Launched without a partition it refreshes the latest year (its default
    ``dagster/partition`` tag).  Dagster's "Materialize all…" dialog opens empty unless the page's address
    names a partition, so the description links to the job's own page (where Dagster shows it) with the
    latest year in the address: the dialog then opens on that year."""
    link = f"[Launch it for the latest survey year, {LATEST_YEAR}]({name}?partition={LATEST_YEAR})"
    return dg.define_asset_job(
        name,
        selection=selection,
        tags={"dagster/partition": LATEST_YEAR},
        description=f'{description}\n\n{link}: "Materialize all…" then opens on {LATEST_YEAR}. A run launched '
        f"without a partition refreshes {LATEST_YEAR} too.",
    )


ingest_job = year_job(
    "ingest_returns",
    dg.AssetSelection.assets(RAW_ANSWERS),
    "Read new and changed workbooks of one survey year into the raw schema.",
)

full_refresh_job = year_job(
    "full_refresh",
    dg.AssetSelection.all(),
    "Ingest one survey year, write the lookups, dbt build (models and tests), run the quality gate, write the "
    "cleaning log and, when no hard rule failed, publish the analysts' file.",
)

publish_job = dg.define_asset_job(
    "publish",
    selection=dg.AssetSelection.assets(GATE_FINDINGS, CLEANING_LOG, PUBLISHED).downstream()
    | dg.AssetSelection.checks(*quality_gate.check_keys),
    description="Run the quality gate on every survey year of the working file as it is, write the cleaning log "
    "and publish if it passed (after corrections, without rebuilding), then what reads the publication.",
)
