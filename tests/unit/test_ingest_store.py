"""What the ingest writes is typed by the raw schema's declared columns, never by what the first rows of a batch
happen to hold: one noted answer among thousands of clean ones, first or last, is written like any other."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from warehouse.db import connect
from warehouse.ingest import store
from warehouse.ingest.folder import FileVersion
from warehouse.ingest.returns import Outcome

AT = dt.datetime(2023, 9, 1, 10, 0)


def _outcome(n: int, answers: int, noted: set[int]) -> Outcome:
    path = f"/raw/2023/municipality/{n:06d}_x.xlsx"
    file = FileVersion(path, 2023, "municipality", 1000, AT, sha256=f"{n:064x}")
    sid = f"{n:016x}:00000000"
    rows = [
        (sid, f"q{i}", None, f"B{i}", "1", "1", 1.0, ["formula_without_value"] if i in noted else [])
        for i in range(answers)
    ]
    submission = {
        "submission_id": sid, "fiscal_year": 2023, "form": "municipality", "respondent_key": f"municipality:{n}",
        "file_family": str(n), "respondent_code": str(n), "identity_status": "ok", "file_path": path,
        "file_sha256": file.sha256, "file_size": 1000, "file_mtime": AT, "file_format": "xlsx", "sheet": "s",
        "template_id": "t", "reader_engine": "calamine", "ingested_at": AT, "answer_cells": answers,
    }  # fmt: skip
    return Outcome(file, submission=submission, answers=rows)


@pytest.mark.parametrize("where", ["first", "last", "none"])
def test_one_noted_answer_among_thousands_is_written_with_its_note(tmp_path: Path, where: str) -> None:
    clean = [_outcome(n, 600, set()) for n in range(1, 6)]  # 3,000 answers without a note
    noted = _outcome(99, 3, {1})
    outcomes = {"first": [noted, *clean], "last": [*clean, noted], "none": clean}[where]
    with connect(tmp_path / "w.duckdb") as con:
        store.prepare(con)
        counts = store.write(con, outcomes, store.Run("r", 2023, AT, 6, 6), present=set(), restored=[])
        assert counts["answers"] == sum(len(o.answers) for o in outcomes)
        notes = con.execute("select notes, count(*) from raw.answers group by all order by 2").fetchall()
        types = dict(con.execute(
            "select column_name, data_type from duckdb_columns() where schema_name = 'raw' and table_name = 'answers'"
        ).fetchall())  # fmt: skip
    assert types["notes"] == "VARCHAR[]"
    expected = [([], 3000)] if where == "none" else [(["formula_without_value"], 1), ([], 3002)]
    assert notes == expected


def test_an_older_working_file_keeps_its_ingest_sentences_as_details(tmp_path: Path) -> None:
    """The ingest's own sentences of a file written before issues carried their parameters move into
    ``details.message``, once; the column that held them goes."""
    with connect(tmp_path / "w.duckdb") as con:
        con.execute("create schema raw")
        con.execute(
            "create table raw.ingest_issues (submission_id varchar not null, issue varchar not null, cell varchar, "
            "item_key varchar, message varchar not null, run_id varchar)"
        )
        con.execute("insert into raw.ingest_issues values ('s1', 'fullwidth', 'C5', 'q1', 'Sheet!C5: fullwidth', 'r1')")
        store.prepare(con)
        store.prepare(con)
        rows = con.execute("select submission_id, issue, cell, item_key, run_id, details from raw.ingest_issues")
        assert rows.fetchall() == [("s1", "fullwidth", "C5", "q1", "r1", '{"message":"Sheet!C5: fullwidth"}')]
