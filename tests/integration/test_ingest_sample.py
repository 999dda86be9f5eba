"""The reduced sample year through the ingest: exact round trip, idempotence, change detection."""

from __future__ import annotations

import os
import re
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import Ingested
from tests.current_returns import build_current_returns
from warehouse.codebook import load_edition
from warehouse.ingest.run import ingest
from warehouse.workbook.cells import answers_to_cells, typed_value
from warehouse.workbook.template import write_workbook


def ingested_answers(db: Path, file_path: str | None = None) -> dict[str, dict[str, Any]]:
    """Answers per file path, rebuilt from raw.answers with the codebook's item types."""
    books = load_edition(2023)
    query = "select form, file_path, item_key, option_code, value, value_number from raw.answers"
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            query + (" where file_path = ?" if file_path else ""), [file_path] if file_path else []
        ).fetchall()
    out: dict[str, dict[str, Any]] = defaultdict(dict)
    for form, path, key, option, value, number in rows:
        item = books[form].item(key)
        typed = typed_value(item.type, option is not None, value, number)
        if option is not None:
            if typed == 1:
                out[path][key] = out[path].get(key, frozenset()) | {option}
        else:
            out[path][key] = typed
    return out


def test_every_return_round_trips_exactly(clean_year: Ingested) -> None:
    got = ingested_answers(clean_year.db)
    forms = {clean_year.sample.respondents[rid].form for rid in clean_year.sample.files}
    assert forms == {"prefecture", "municipality", "coordinator"}
    assert len(got) == len(clean_year.sample.files)
    for rid, path in clean_year.sample.files.items():
        assert got[path] == clean_year.sample.answers[rid], rid


def test_clean_sample_has_no_quarantine_and_no_issues(clean_year: Ingested) -> None:
    with duckdb.connect(str(clean_year.db), read_only=True) as con:
        assert con.execute("select count(*) from raw.quarantine").fetchone() == (0,)
        issues = con.execute("select issue, count(*) from raw.ingest_issues group by all").fetchall()
        assert issues == []
        statuses = con.execute("select distinct identity_status from raw.submissions").fetchall()
        assert statuses == [("ok",)]


def test_provenance_on_every_answer_row(clean_year: Ingested) -> None:
    with duckdb.connect(str(clean_year.db), read_only=True) as con:
        row = con.execute(
            "select count(*), count(file_path), count(file_sha256), count(sheet), count(cell), "
            "count(reader_engine), count(file_mtime), count(ingested_at) from raw.answers"
        ).fetchone()
    assert row is not None and row[0] > 1000
    assert set(row[1:]) == {row[0]}


def test_reingest_adds_nothing(clean_year: Ingested, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    shutil.copy(clean_year.db, db)
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute(
            "select (select count(*) from raw.answers), (select count(*) from raw.submissions)"
        ).fetchone()
    again = ingest(db, clean_year.raw, 2023)
    assert (again.files_read, again.submissions, again.answers) == (0, 0, 0)
    with duckdb.connect(str(db), read_only=True) as con:
        after = con.execute(
            "select (select count(*) from raw.answers), (select count(*) from raw.submissions)"
        ).fetchone()
    assert before == after


def test_a_changed_file_is_the_only_one_read_and_history_is_kept(clean_year: Ingested, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(clean_year.raw, raw, copy_function=shutil.copy2)
    db = tmp_path / "w.duckdb"
    ingest(db, raw, 2023)
    books = load_edition(2023)
    rid, path = next((r, p) for r, p in clean_year.sample.files.items() if r.startswith("municipality:"))
    answers = dict(clean_year.sample.answers[rid])
    first = next(i for i in books["municipality"].items if i.type == "single" and i.key in answers)
    answers[first.key] = next(o.code for o in first.options if o.code != answers[first.key])
    target = Path(path.replace(str(clean_year.raw), str(raw)))
    write_workbook(books["municipality"], target, answers_to_cells(books["municipality"], answers))
    stat = target.stat()
    os.utime(target, (stat.st_atime, stat.st_mtime + 86400))
    report = ingest(db, raw, 2023)
    assert (report.files_read, report.submissions) == (1, 1)
    build_current_returns(db)
    with duckdb.connect(str(db), read_only=True) as con:
        versions = con.execute("select count(*) from raw.submissions where file_path = ?", [str(target)]).fetchone()
        latest = con.execute(
            "select value from raw.answers where file_path = ? and item_key = ? "
            "and submission_id in (select submission_id from staging.stg_raw__submissions)",
            [str(target), first.key],
        ).fetchall()
    assert versions == (2,)
    assert latest == [(str(answers[first.key]),)]


@pytest.mark.parametrize("form", ["prefecture", "municipality", "coordinator"])
def test_every_item_is_in_its_template_at_its_cell(form: str, tmp_path: Path) -> None:
    import openpyxl

    cb = load_edition(2023)[form]
    path = write_workbook(cb, tmp_path / f"{form}.xlsx")
    ws = openpyxl.load_workbook(path)[cb.sheet]
    validated = {
        str(cell) for dv in ws.data_validations.dataValidation for rng in dv.sqref.ranges for cell in [rng.coord]
    }
    assert ws["B2"].value == cb.template_id
    for item in cb.items:
        for cell in item.cells:
            if item.type != "text":  # free text is the only answer without a drop-down or input rule
                assert cell in validated, f"{item.key}: {cell} has no drop-down or input rule"
            assert ws[cell].fill.fgColor.rgb.endswith("DDEBF7"), f"{item.key}: {cell} is not an answer cell"
        if item.type == "multiple":
            if not item.layout_with:
                for option in item.options:
                    assert ws[f"B{_row(option.cell)}"].value == f"{option.code}. {option.label}"
        else:
            assert str(ws[f"B{_row(item.cell)}"].value).startswith(item.label)


def _row(cell: str | None) -> int:
    assert cell is not None
    return int(re.sub(r"\D", "", cell))
