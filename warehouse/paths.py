"""Where the warehouse reads and writes by default: the repository's own ``raw/`` and ``data/``.

These are the defaults of ``warehouse.settings``, which the command line, the Dagster code location
and the alerts read; environment variables and options override them there.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
DATA = ROOT / "data"
WORKING_DB = DATA / "warehouse.duckdb"
PUBLISHED_DB = DATA / "published.duckdb"
CLEANING_LOG = DATA / "cleaning_log"
ALERT_LOG = DATA / "alerts.jsonl"


def japanese_fiscal_year(fiscal_year: int) -> str:
    """The 年度 as the survey and its readers name it (2023 → 令和5年度, 2019 → 令和元年度)."""
    for start, era in ((2019, "令和"), (1989, "平成")):
        if fiscal_year >= start:
            n = fiscal_year - start + 1
            return f"{era}{'元' if n == 1 else n}年度"
    return f"{fiscal_year}年度"
