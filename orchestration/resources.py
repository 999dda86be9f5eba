"""Where the pipeline reads and writes, configurable per deployment (environment variables or the
launchpad), defaulting to the repository's own ``raw/`` and ``data/warehouse.duckdb``."""

import os
from pathlib import Path

import dagster as dg

ROOT = Path(__file__).resolve().parent.parent


class WarehousePaths(dg.ConfigurableResource):
    """The folder of returned workbooks and the working DuckDB file (one writer at a time)."""

    raw_root: str = os.environ.get("WAREHOUSE_RAW", str(ROOT / "raw"))
    working_db: str = os.environ.get("WAREHOUSE_DB", str(ROOT / "data" / "warehouse.duckdb"))

    @property
    def raw(self) -> Path:
        return Path(self.raw_root)

    @property
    def db(self) -> Path:
        return Path(self.working_db)
