"""Everything the code location offers: assets, resources and jobs."""

import dagster as dg

from orchestration.ingest_assets import raw_answers
from orchestration.resources import WarehousePaths

ingest_job = dg.define_asset_job(
    "ingest_returns",
    selection=[raw_answers],
    description="Read new and changed workbooks of one survey year into the raw schema.",
)

defs = dg.Definitions(assets=[raw_answers], jobs=[ingest_job], resources={"paths": WarehousePaths()})
