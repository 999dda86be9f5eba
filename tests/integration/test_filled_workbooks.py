"""The sample's returns written from the form's template (``warehouse.workbook.filled``) read back exactly as the
whole workbooks ``write_workbook`` writes: the same reduced sample, clean and with every defect, written both ways
gives the same files (names, times, manifest) and the same submissions, answers, issues, stray cells and
quarantines; the files are valid workbooks for openpyxl too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from warehouse.codebook import Codebook, editions, load_edition
from warehouse.ingest.folder import discover
from warehouse.ingest.reader import read_sheet
from warehouse.ingest.returns import read_return
from warehouse.sample import generate as generating
from warehouse.sample.defects import DEFAULT_RATES
from warehouse.workbook.filled import write_filled
from warehouse.workbook.template import write_workbook

YEAR = 2023
AT = dt.datetime(2024, 1, 1)
#: What differs between two writings of the same return: the bytes (so the hash and the id made of it) and the path.
FILE_FIELDS = ("submission_id", "file_path", "file_sha256", "file_size")


def _whole_workbook(cb: Codebook, path: Path, cells: dict[str, Any]) -> Path:
    return write_workbook(cb, path, cells)


def _read(raw: Path) -> dict[str, Any]:
    """What the ingest reads of each file, by its path under ``raw``, without what the bytes alone decide."""
    out: dict[str, Any] = {}
    for file in discover(raw, YEAR):
        outcome = read_return(file, AT)
        sid = outcome.submission["submission_id"] if outcome.submission else None

        def rows(found: list[tuple[Any, ...]], sid: str | None = sid) -> list[tuple[Any, ...]]:
            return [tuple("<id>" if v == sid else v for v in row) for row in found]

        submission = {k: v for k, v in (outcome.submission or {}).items() if k not in FILE_FIELDS}
        quarantine = outcome.quarantine and (outcome.quarantine[0], outcome.quarantine[1].replace(str(raw), "<raw>"))
        out[str(Path(file.path).relative_to(raw))] = {
            "mtime": Path(file.path).stat().st_mtime_ns,
            "submission": submission,
            "answers": rows(outcome.answers),
            "issues": rows(outcome.issues),
            "stray_cells": rows(outcome.stray_cells),
            "quarantine": quarantine,
        }
    return out


def _manifest(raw: Path) -> Any:
    return json.loads((raw / f"{YEAR}.sample-manifest.json").read_text(encoding="utf-8").replace(str(raw), "<raw>"))


@pytest.mark.slow  # each sample is also written by the whole-workbook writer, ~0.1 s a file
@pytest.mark.parametrize(
    ("seed", "scale", "rates"),
    [(11, 0.03, None), (12, 0.05, {kind: min(1.0, rate * 15) for kind, rate in DEFAULT_RATES.items()})],
    ids=["clean", "defective"],
)
def test_a_sample_reads_the_same_written_either_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int, scale: float, rates: dict[str, float] | None
) -> None:
    fast, whole = tmp_path / "fast", tmp_path / "whole"
    sample = generating.generate(fast, YEAR, seed=seed, scale=scale, defect_rates=rates, workers=1)
    monkeypatch.setattr(generating, "write_filled", _whole_workbook)
    generating.generate(whole, YEAR, seed=seed, scale=scale, defect_rates=rates, workers=1)
    assert _manifest(fast) == _manifest(whole)
    read_fast, read_whole = _read(fast), _read(whole)
    assert read_fast.keys() == read_whole.keys()
    for path, found in read_fast.items():
        assert found == read_whole[path], path
    assert sum(bool(found["answers"]) for found in read_fast.values()) > 20
    if rates:
        assert {d.defect for d in sample.defects} == {kind for kind, rate in rates.items() if rate > 0}
        assert any(found["quarantine"] for found in read_fast.values())
    else:
        assert not any(found["quarantine"] or found["stray_cells"] for found in read_fast.values())
    for form in load_edition(YEAR):  # a few files of each form: valid packages openpyxl reads the same
        for name in sorted(p.name for p in (fast / str(YEAR) / form).glob("*.xlsx"))[:2]:
            _same_for_openpyxl(fast / str(YEAR) / form / name, whole / str(YEAR) / form / name)


def _same_for_openpyxl(fast: Path, whole: Path) -> None:
    with zipfile.ZipFile(fast) as archive:
        assert archive.testzip() is None
    books = openpyxl.load_workbook(fast), openpyxl.load_workbook(whole)
    assert books[0].sheetnames == books[1].sheetnames
    for name in books[0].sheetnames:
        a, b = books[0][name], books[1][name]
        assert a.dimensions == b.dimensions
        cells = [
            {c.coordinate: (c.value, c.data_type, c.style_id) for row in ws.iter_rows() for c in row}
            for ws in (a, b)  # the same style ids: both files carry the template's styles part
        ]
        assert cells[0] == cells[1], (fast, name)
        assert len(a.data_validations.dataValidation) == len(b.data_validations.dataValidation)


def _typed(cb: Codebook) -> dict[str, Any]:
    """Every answer cell of ``cb`` holding something, code cells a real code, and stray cells of every kind."""
    codes = {"prefecture": "13", "municipality": "13101", "hub": "H130001"}
    values = (1, "記述　テキスト", 2.5, " 前後に空白 ", True, "a_x0041_b\x02<&>\"'")
    cells: dict[str, Any] = {}
    for n, cell in enumerate(cb.cell_map()):
        cells[cell] = values[n % len(values)]
    for item in cb.items:
        if item.type == "code":
            cells[item.cell] = codes[item.code_kind or "municipality"]
    return cells | {"B2": "v0", "A1": 7, "H3": "新しい列", "B999": "新しい行", "Z2000": 1e-7, "E8": "", "D8": "上書き"}


def _rows(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    return re.findall(r"<row [^>]*>|<dimension [^>]*>|<c r=\"[A-Z]+[0-9]+\"", xml)


@pytest.mark.parametrize(("edition", "form"), [(e, f) for e in editions() for f in load_edition(e)])
def test_every_template_writes_what_the_workbook_writer_writes(tmp_path: Path, edition: int, form: str) -> None:
    """Answer cells, code lookups and cells typed anywhere (new rows and columns, odd texts) of every form."""
    cb = load_edition(edition)[form]
    for n, cells in enumerate(({}, _typed(cb))):
        fast = write_filled(cb, tmp_path / f"fast{n}.xlsx", cells)
        whole = write_workbook(cb, tmp_path / f"whole{n}.xlsx", cells)
        a, b = read_sheet(fast, cb.sheet), read_sheet(whole, cb.sheet)
        assert (a.sheet_names, a.cells, a.formulas) == (b.sheet_names, b.cells, b.formulas)
        assert _rows(fast) == _rows(whole)  # the same cells, rows, spans and used range
