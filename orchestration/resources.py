"""Where the pipeline reads and writes, configurable per deployment (environment variables or the
launchpad), defaulting to the repository's own ``raw/`` and ``data/`` folders.

| variable | what | default |
|---|---|---|
| ``WAREHOUSE_RAW`` | returned workbooks, ``<raw>/<fiscal_year>/<form>/`` | ``raw/`` |
| ``WAREHOUSE_DB`` | the pipeline's working DuckDB file (one writer at a time) | ``data/warehouse.duckdb`` |
| ``WAREHOUSE_PUBLISHED`` | the analysts' read-only file, replaced whole by ``published`` | ``data/published.duckdb`` |
| ``WAREHOUSE_CLEANING_LOG`` | 疑義照会 workbooks (named by fiscal year and prefecture) | ``data/cleaning_log/`` |
"""

import os
from contextlib import AbstractContextManager
from pathlib import Path

import dagster as dg

from warehouse import paths
from warehouse.transform.dbt import environment


class WarehousePaths(dg.ConfigurableResource):
    """The folder of returned workbooks, the working DuckDB file, the published file and the cleaning log."""

    raw_root: str = os.environ.get("WAREHOUSE_RAW", str(paths.RAW))
    working_db: str = os.environ.get("WAREHOUSE_DB", str(paths.WORKING_DB))
    published_db: str = os.environ.get("WAREHOUSE_PUBLISHED", str(paths.PUBLISHED_DB))
    cleaning_log_root: str = os.environ.get("WAREHOUSE_CLEANING_LOG", str(paths.CLEANING_LOG))

    @property
    def raw(self) -> Path:
        return Path(self.raw_root)

    @property
    def db(self) -> Path:
        return Path(self.working_db)

    @property
    def published(self) -> Path:
        return Path(self.published_db)

    @property
    def cleaning_log(self) -> Path:
        """The folder of the 疑義照会 workbooks (what the gate alert points to)."""
        return Path(self.cleaning_log_root)


def working_db_env(db: Path) -> AbstractContextManager[None]:
    """``WAREHOUSE_DB`` set to ``db`` for a dbt subprocess (its profile reads it), restored afterwards:
    dagster-dbt passes the process environment to dbt and takes no per-call environment."""
    return environment({"WAREHOUSE_DB": str(db)})
