"""The current returns of a working file, as the one dbt model that decides them says."""

from __future__ import annotations

from pathlib import Path

from warehouse.gate.run import QUALITY_MODELS
from warehouse.transform.dbt import build, write_lookups

#: The staging models of the submissions, and the views the gate reads what the ingest recorded from.
CURRENT_RETURN_MODELS = ["+stg_raw__submissions", QUALITY_MODELS]


def build_current_returns(db: Path) -> None:
    """Build the staging models of the submissions on ``db``: which return is current is decided there
    (``stg_raw__submissions`` is a table, as of its last build)."""
    write_lookups(db)
    report = build(db, select=CURRENT_RETURN_MODELS, args=("run",))
    assert report.success, report.failures
