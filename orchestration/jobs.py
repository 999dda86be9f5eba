"""The three jobs: ingest only, the whole pipeline for one survey year, and gate + publish."""

import dagster as dg

from orchestration.gate_assets import CLEANING_LOG, GATE_FINDINGS, quality_gate
from orchestration.ingest_assets import RAW_ANSWERS, survey_years
from orchestration.publish_assets import PUBLISHED

ingest_job = dg.define_asset_job(
    "ingest_returns",
    selection=dg.AssetSelection.assets(RAW_ANSWERS),
    description="Read new and changed workbooks of one survey year into the raw schema.",
)

#: The survey year a run launched by hand refreshes unless another partition is picked: the latest edition.
LATEST_YEAR = survey_years.get_partition_keys()[-1]

#: The job page with the launch dialog set on the latest survey year: Dagster's "Materialize all…" dialog
#: reads its partition from the page's ``partition`` parameter and opens empty without it.  Relative to
#: the job's own page, where Dagster shows the job's description.
LAUNCH_LATEST = f"full_refresh?partition={LATEST_YEAR}"

full_refresh_job = dg.define_asset_job(
    "full_refresh",
    selection=dg.AssetSelection.all(),
    tags={"dagster/partition": LATEST_YEAR},
    description="Ingest one survey year, write the lookups, dbt build (models and tests), run the quality gate, "
    "write the cleaning log and, when no hard rule failed, publish the analysts' file.\n\n"
    f'[Launch it for the latest survey year, {LATEST_YEAR}]({LAUNCH_LATEST}): "Materialize all…" then opens on '
    f"{LATEST_YEAR}. A run launched without a partition refreshes {LATEST_YEAR} too.",
)

publish_job = dg.define_asset_job(
    "publish",
    selection=dg.AssetSelection.assets(GATE_FINDINGS, CLEANING_LOG, PUBLISHED).downstream()
    | dg.AssetSelection.checks(*quality_gate.check_keys),
    description="Run the quality gate on every survey year of the working file as it is, write the cleaning log "
    "and publish if it passed (after corrections, without rebuilding), then what reads the publication.",
)
