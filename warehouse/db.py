"""The one way the warehouse opens a DuckDB file, with no side effect: each step that owns a schema creates it
itself (the ingest ``raw``, the gate ``gate``, the lookups ``codebook`` and ``reference``), so reading a file never
changes it and the DDL of a schema lives beside the code that writes it."""

from __future__ import annotations

from pathlib import Path

import duckdb


def connect(path: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the DuckDB file ``path`` (its folder made first when it is opened for writing)."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    quiet(con)
    return con


def quiet(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """No progress bar: DuckDB draws one, unlabelled, on the terminal of any query that runs for seconds."""
    con.execute("set enable_progress_bar = false")
    return con
