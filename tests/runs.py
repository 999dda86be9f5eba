"""The whole refresh of a folder of returns, as the tests run it: the settings built from the paths given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from warehouse.pipeline.refresh import refresh
from warehouse.pipeline.run import Run
from warehouse.pipeline.state import RefreshReport
from warehouse.settings import Settings


def refresh_files(
    raw: Path, db: Path, published: Path, year: int, *, cleaning_log: Path, rebuild: bool = False, **settings: Any
) -> RefreshReport:
    """``python -m warehouse run`` on these paths (other settings as given, else the defaults, never the
    environment's)."""
    chosen = Settings(raw=raw, db=db, published=published, cleaning_log=cleaning_log, **settings)
    return refresh(Run.of(chosen, year, rebuild=rebuild))
