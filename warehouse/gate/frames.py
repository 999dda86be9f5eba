"""The frames the gate validates, read from the working database over a read-only connection.

GX's SQL data source does not work on DuckDB, so each frame is read into pandas first: one per
form from ``int_<form>__rule_checks`` (generated from the codebook), and the cross-respondent frames,
which no single return can show, each a dbt model of ``models/intermediate/quality/``.  Which return is
current (and which file of a family is the latest) comes from dbt's staging, never decided here.
"""

from __future__ import annotations

import duckdb
import pandas as pd

#: Who a finding is about: joined onto every frame that has a submission.
RESPONDENT_COLUMNS = (
    "respondent_key",
    "respondent_code",
    "form",
    "prefecture_code",
    "prefecture_name",
    "municipality_code",
    "municipality_name",
    "file_path",
    "sheet",
)

#: The frames no single return can show, one dbt model each (``intermediate.int_quality__<frame>``).
CROSS_FRAMES = ("returns", "identity", "coordinators", "coordinator_presence", "coverage")


def form_frame(con: duckdb.DuckDBPyConnection, form: str, year: int) -> pd.DataFrame:
    """The rule checks of one form, with who each row is about (the check table has key and form)."""
    who = ", ".join(f"s.{c}" for c in RESPONDENT_COLUMNS if c not in ("respondent_key", "form"))
    return con.execute(
        f"""
        select c.*, {who}
        from intermediate.int_{form}__rule_checks as c
        join staging.stg_raw__submissions as s using (submission_id)
        where c.fiscal_year = ?
        """,
        [year],
    ).fetchdf()


def cross_frame(con: duckdb.DuckDBPyConnection, name: str, year: int) -> pd.DataFrame:
    if name not in CROSS_FRAMES:
        raise KeyError(f"no frame {name!r}: the frames are {', '.join(CROSS_FRAMES)}")
    return con.execute(
        f"select * exclude (fiscal_year) from intermediate.int_quality__{name} where fiscal_year = ?", [year]
    ).fetchdf()


def answers_frame(con: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """The answer each finding quotes (``intermediate.int_quality__quoted_answers``)."""
    return con.execute(
        "select * exclude (fiscal_year) from intermediate.int_quality__quoted_answers where fiscal_year = ?", [year]
    ).fetchdf()
