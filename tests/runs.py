"""The whole refresh of a folder of returns as the tests run it (the settings built from the paths given), a
working file published as the refresh publishes it, and a return typed into its template."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb

from warehouse.codebook import load_edition
from warehouse.pipeline.refresh import refresh
from warehouse.pipeline.run import Run
from warehouse.pipeline.state import RefreshReport
from warehouse.pipeline.steps import PUBLISHED_SCHEMAS
from warehouse.publish import disclosure
from warehouse.publish.swap import publish
from warehouse.settings import Settings
from warehouse.workbook.cells import answers_to_cells
from warehouse.workbook.template import write_workbook


def refresh_files(
    raw: Path, db: Path, published: Path, year: int, *, cleaning_log: Path, rebuild: bool = False, **settings: Any
) -> RefreshReport:
    """``python -m warehouse run`` on these paths (other settings as given, else the defaults, never the
    environment's)."""
    chosen = Settings(raw=raw, db=db, published=published, cleaning_log=cleaning_log, **settings)
    return refresh(Run.of(chosen, year, rebuild=rebuild))


def publish_working(working: Path, folder: Path, run_id: str) -> Path:
    """``working`` published into ``folder`` as the refresh publishes it (the schemas it holds, their
    declarations), without the gate: for a file built by dbt alone."""
    with duckdb.connect(str(working), read_only=True) as con:
        present = {s for (s,) in con.execute("select schema_name from duckdb_schemas()").fetchall()}
    path = folder / "published.duckdb"
    schemas = [s for s in PUBLISHED_SCHEMAS if s in present]
    publish(working, path, schemas, metadata={"run_id": run_id}, declarations=disclosure.read_working(working))
    return path


def write_return(raw: Path, form: str, name: str, answers: Mapping[str, Any], year: int = 2023) -> Path:
    """A return of ``form`` typed into its template, as a respondent would send it, under ``raw/<year>/<form>/``."""
    cb = load_edition(year)[form]
    path = raw / str(year) / form / f"{name}.xlsx"
    write_workbook(cb, path, answers_to_cells(cb, answers))
    return path
