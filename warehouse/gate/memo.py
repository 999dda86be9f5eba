"""Great Expectations' verdicts remembered per frame and suite, so a refresh validates only what changed.

A suite's verdicts (one pass/fail per expectation) depend on nothing but the suite and the columns it
checks: when a form has no new return, its frame is the same as at the last gate run of the year and so are
the verdicts. They are kept in the working file (``transform.gate_validations``, never published) under a
digest of the suite, the checked frame and the Great Expectations version, one set per survey year (the
latest run's); anything else is validated by Great Expectations again.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import duckdb
import numpy as np
import pandas as pd

DDL = """
create schema if not exists transform;
create table if not exists transform.gate_validations (
    fiscal_year integer not null, digest varchar not null, successes boolean[] not null,
    primary key (fiscal_year, digest)
);
"""


def digest(frame: pd.DataFrame, suite: dict[str, Any], gx_version: str) -> str:
    """What a validation's verdicts depend on: the suite, the checked columns and their values, and GX."""
    hashed = hashlib.sha256()
    hashed.update(json.dumps([gx_version, suite, list(frame.columns), len(frame)], sort_keys=True).encode())
    rows = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    hashed.update(np.sort(rows).tobytes())  # the rows as a set: the frames are read in no particular order
    return hashed.hexdigest()


def recall(con: duckdb.DuckDBPyConnection, fiscal_year: int) -> dict[str, list[bool]]:
    """The verdicts of the year's latest gate run, by digest (none before the first run)."""
    known = con.execute(
        "select count(*) from duckdb_tables() where schema_name = 'transform' and table_name = 'gate_validations'"
    ).fetchone()
    if not known or not known[0]:
        return {}
    rows = con.execute(
        "select digest, successes from transform.gate_validations where fiscal_year = ?", [fiscal_year]
    ).fetchall()
    return {key: list(successes) for key, successes in rows}


def remember(con: duckdb.DuckDBPyConnection, fiscal_year: int, verdicts: dict[str, list[bool]]) -> None:
    """Replace the year's verdicts with this run's (inside the caller's transaction)."""
    con.execute(DDL)
    con.execute("delete from transform.gate_validations where fiscal_year = ?", [fiscal_year])
    if verdicts:
        con.executemany(
            "insert into transform.gate_validations values (?, ?, ?)",
            [(fiscal_year, key, successes) for key, successes in verdicts.items()],
        )
