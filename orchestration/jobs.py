"""The three jobs: ingest only, the whole plan for one survey year, and gate + publish."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from orchestration.constants import CLEANING_LOG, GATE_FINDINGS, PUBLISHED, RAW_ANSWERS
from warehouse.pipeline.run import default_year


def build_jobs(raw: Path) -> list[dg.UnresolvedAssetJobDefinition]:
    """The jobs; a job of one survey year launched without a partition refreshes the plan's default year (the
    latest edition with returns under ``raw``), as the command line does."""
    year = str(default_year(raw))

    def year_job(name: str, selection: dg.AssetSelection, description: str) -> dg.UnresolvedAssetJobDefinition:
        """Dagster's "Materialize all…" dialog opens empty unless the page's address names a partition, so the
        description links to the job's own page with the default year in the address."""
        link = f"[Launch it for the latest survey year with returns, {year}]({name}?partition={year})"
        return dg.define_asset_job(
            name,
            selection=selection,
            tags={"dagster/partition": year},
            description=f'{description}\n\n{link} (under {raw}): "Materialize all…" then opens on {year}. A run '
            f"launched without a partition refreshes {year} too.",
        )

    return [
        year_job(
            "ingest_returns",
            dg.AssetSelection.assets(RAW_ANSWERS),
            "Read new and changed workbooks of one survey year into the raw schema.",
        ),
        year_job(
            "full_refresh",
            dg.AssetSelection.all(),
            "Every step of the plan (python -m warehouse plan) for one survey year: ingest, lookups, dbt build, "
            "gate, cleaning log, verdict and, when no hard rule failed, publish and what reads the publication.",
        ),
        dg.define_asset_job(
            "publish",
            selection=dg.AssetSelection.assets(GATE_FINDINGS, CLEANING_LOG, PUBLISHED).downstream()
            | dg.AssetSelection.checks_for_assets(GATE_FINDINGS),
            description="Run the quality gate on the working file as it is, write the cleaning log and publish if it "
            "passed (after corrections, without rebuilding), then what reads the publication.",
        ),
    ]
