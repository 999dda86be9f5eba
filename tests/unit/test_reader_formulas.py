"""The formula cells of a sheet, found in its XML part beside what calamine reads."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from warehouse.ingest.reader import Unreadable, read_sheet, sheet_formulas


def _book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "表紙"
    ws = wb.create_sheet("回答")
    ws["A1"] = 2
    ws["B1"] = '=IF(A1="",0,A1*2)'
    ws["B3"] = '=A1&"人"'
    ws["C1"] = "typed"
    first["A1"] = "=1+1"  # another sheet's formula is not this sheet's
    wb.save(path)
    return path


def _rewrite(path: Path, old: bytes, new: bytes, member: str = "xl/worksheets/sheet2.xml") -> None:
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    assert old in parts[member]
    parts[member] = parts[member].replace(old, new, 1)
    with zipfile.ZipFile(path, "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)


def test_formula_cells_of_the_sheet_only(tmp_path: Path) -> None:
    path = _book(tmp_path / "b.xlsx")
    assert sheet_formulas(path, "回答") == {"B1": '=IF(A1="",0,A1*2)', "B3": '=A1&"人"'}
    sheet = read_sheet(path, "回答")
    assert sheet.formulas == sheet_formulas(path, "回答")
    assert "B1" not in sheet.cells  # openpyxl stores no cached value: calamine skips the cell


def test_shared_formula_cells_name_their_master(tmp_path: Path) -> None:
    path = _book(tmp_path / "b.xlsx")
    _rewrite(path, b'<c r="B1"><f>', b'<c r="B1"><f t="shared" ref="B1:B2" si="0">')
    _rewrite(path, b"</row>", b'</row><row r="2"><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>')
    formulas = sheet_formulas(path, "回答")
    assert formulas["B2"] == '=IF(A1="",0,A1*2) (shared)'
    assert read_sheet(path, "回答").cells["B2"] == 4


def test_namespace_prefixed_parts(tmp_path: Path) -> None:
    path = _book(tmp_path / "b.xlsx")
    with zipfile.ZipFile(path) as src:
        xml = src.read("xl/worksheets/sheet2.xml")
    prefixed = (
        xml.replace(b"<c ", b"<x:c ").replace(b"</c>", b"</x:c>").replace(b"<f>", b"<x:f>").replace(b"</f>", b"</x:f>")
    )
    _rewrite(path, xml, prefixed)  # the whole part at once
    assert set(sheet_formulas(path, "回答")) == {"B1", "B3"}


def test_a_sheet_part_that_is_missing_is_named(tmp_path: Path) -> None:
    path = _book(tmp_path / "b.xlsx")
    _rewrite(path, b"worksheets/sheet2.xml", b"worksheets/sheet9.xml", member="xl/_rels/workbook.xml.rels")
    with pytest.raises(Unreadable, match="sheet 「回答」") as err:
        sheet_formulas(path, "回答")
    assert err.value.code == "corrupt"
