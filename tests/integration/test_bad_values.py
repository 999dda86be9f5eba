"""Hand-made bad returns: every answer read as the respondent meant it, through the ingest, dbt and the gate.

Each return starts from the project's blank template and is edited with openpyxl as a respondent
edits it (xlwt for the legacy .xls); none comes from the sample generator.  For each case the test
names the exact note or issue, its file, sheet and cell, checks that every answer cell written is a
row of ``raw.answers`` (nothing lost), and how dbt counts the value (ticked or not, number or NULL,
answered or 未回答).
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import openpyxl
import pytest
import xlwt

from tests.conftest import GATE_AND_REPORT
from warehouse.codebook import load
from warehouse.gate.run import run_gate
from warehouse.ingest.run import ingest
from warehouse.transform.dbt import build, write_lookups
from warehouse.workbook.template import lookup_cells, write_workbook

pytestmark = pytest.mark.slow  # a dbt build of the odd returns

CB = load(2023, "municipality")
SHEET = CB.sheet
TOPICS = CB.item("q2_3_council_topics")  # 問2-3 (複数回答), asked when 問2 = 1
ASSESSMENT = CB.item("q4_2_daily_care_assessment")  # 問4-2 (複数回答), asked when 問4 = 1
COUNTS = [CB.item(f"q13_1_{kind}_count") for kind in ("full_time_dedicated", "full_time_concurrent", "part_time")]
COUNTS.append(CB.item("q13_1_unknown_type_count"))
#: What every hand-made return answers besides its defect: 問2 and 問4 and 問13 open the items tested.
BASE = {
    CB.item("q1_implementation_structure").cell: 1,
    CB.item("q2_council").cell: 1,
    CB.item("q4_daily_care_engaged").cell: 1,
    CB.item("q13_coordinator").cell: 1,
}


def tick(item: Any, code: int) -> str:
    return item.option(code).cell


@dataclass
class Return:
    """One hand-made return: the cells typed (values or '=formulas'), the cached formula values."""

    code: str
    cells: dict[str, Any]
    cached: dict[str, str] = field(default_factory=dict)
    xls: bool = False

    @property
    def name(self) -> str:
        return f"{self.code}.xls" if self.xls else f"{self.code}.xlsx"

    def answer_cells(self) -> set[str]:
        """The answer cells the respondent filled in (the code cell is an answer cell too)."""
        answers = CB.cell_map()
        return {c for c, v in self.all_cells().items() if c in answers and str(v).strip() != ""}

    def all_cells(self) -> dict[str, Any]:
        return {CB.code_item.cell: self.code, **BASE, **self.cells}


RETURNS = {
    "tick_marks": Return(
        "01100",
        {
            tick(TOPICS, 1): "○",
            tick(TOPICS, 2): "✓",
            tick(TOPICS, 3): "1.0",
            tick(TOPICS, 4): "☑",
            tick(TOPICS, 5): 1,
            tick(ASSESSMENT, 1): "〇",
        },
    ),
    "explicit_no": Return(
        "01202",
        {
            tick(TOPICS, 1): 1,
            tick(TOPICS, 2): "×",
            tick(TOPICS, 3): "いいえ",
            tick(TOPICS, 4): "-",
            tick(TOPICS, 5): 0,
            tick(ASSESSMENT, 1): "×",  # 問4-2 holds only explicit noes
            tick(ASSESSMENT, 2): "無",
            tick(ASSESSMENT, 3): "✕",
        },
    ),
    "unreadable_tick": Return(
        "01203",
        {
            tick(TOPICS, 1): "はい",  # 問2-3 holds only marks that are neither a tick nor a no
            tick(TOPICS, 2): 2,
            tick(ASSESSMENT, 1): "?",
            tick(ASSESSMENT, 2): 1,
        },
    ),
    "not_a_number": Return(
        "01204",
        {
            COUNTS[0].cell: "nan",
            COUNTS[1].cell: "1e3",
            COUNTS[2].cell: "Infinity",
            COUNTS[3].cell: "1_000",
            CB.item("q2_council").cell: "inf",  # a single-choice code by the same strict grammar
        },
    ),
    "units": Return(
        "01205",
        {
            COUNTS[0].cell: "3人",
            COUNTS[1].cell: "２名",
            COUNTS[2].cell: "3日",  # a unit, but not the item's (人)
            COUNTS[3].cell: "1,2",
        },
    ),
    "implausible": Return(
        "01206",
        {COUNTS[0].cell: 1_000_000_000, COUNTS[1].cell: "1,000,000,000", COUNTS[2].cell: 12},
    ),
    "formulas": Return(
        "01207",
        {
            COUNTS[0].cell: "=2+3",
            COUNTS[1].cell: "=SUM(A1:A2)",
            tick(TOPICS, 1): "=1",
            tick(TOPICS, 2): '=IF(A1="",0,1)',
        },
        cached={COUNTS[0].cell: "5", tick(TOPICS, 1): "1"},
    ),
    "xls": Return(
        "01208",
        {tick(TOPICS, 1): "○", tick(TOPICS, 2): "×", tick(TOPICS, 3): "はい", COUNTS[0].cell: "1e3"},
        xls=True,
    ),
}


def _cache_values(path: Path, cached: dict[str, str]) -> None:
    """Give formulas a cached value, as Excel stores one when it saves (openpyxl writes none)."""
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    for cell, value in cached.items():
        sheet, n = re.subn(
            rf'(<c r="{cell}"[^>]*><f>[^<]*</f>)<v ?/>'.encode(), rb"\1<v>" + value.encode() + b"</v>", sheet
        )
        assert n == 1, cell
    parts["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)


def _write(ret: Return, folder: Path, blank: Path) -> Path:
    path = folder / ret.name
    if ret.xls:  # 'Save as Excel 97-2003': the template id and the typed values
        book = xlwt.Workbook(encoding="utf-8")
        ws = book.add_sheet(SHEET)
        ws.write(1, 1, CB.template_id)
        for cell, value in ret.all_cells().items():
            row, col = openpyxl.utils.cell.coordinate_to_tuple(cell)
            ws.write(row - 1, col - 1, value)
        book.save(str(path))
        return path
    wb = openpyxl.load_workbook(blank)
    for cell, value in ret.all_cells().items():
        wb[SHEET][cell] = value
    wb.save(path)
    if ret.cached:
        _cache_values(path, ret.cached)
    return path


@dataclass
class Built:
    root: Path
    db: Path
    paths: dict[str, str]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("bad_values")
    blank = write_workbook(CB, root / "blank.xlsx")
    folder = root / "raw" / "2023" / "municipality"
    folder.mkdir(parents=True)
    paths = {case: str(_write(ret, folder, blank)) for case, ret in RETURNS.items()}
    db = root / "w.duckdb"
    ingest(db, root / "raw", 2023)
    write_lookups(db)
    report = build(db, select=GATE_AND_REPORT)
    assert report.success, report.failures
    return Built(root, db, paths)


def _query(db: Path, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def _issues(b: Built, case: str) -> set[tuple[str, str, str]]:
    """(issue, cell, details) of one return, with the file and sheet checked on the way."""
    rows = _query(
        b.db,
        "select s.file_path, s.sheet, i.issue, i.cell, i.details from raw.ingest_issues i "
        "join raw.submissions s using (submission_id) where s.file_path = ?",
        [b.paths[case]],
    )
    assert rows, case
    assert {(p, s) for p, s, *_ in rows} == {(b.paths[case], SHEET)}
    return {(issue, cell, details) for _, _, issue, cell, details in rows}


def _notes(b: Built, case: str) -> dict[str, tuple[str, list[str]]]:
    """Cell → (raw_value, notes) of every row raw.answers keeps for one return."""
    rows = _query(b.db, "select cell, raw_value, notes from raw.answers where file_path = ?", [b.paths[case]])
    return {cell: (raw, list(notes)) for cell, raw, notes in rows}


def _staged(b: Built, case: str) -> dict[str, tuple[bool, float | None, int | None]]:
    """Cell → (is_ticked, answer_number, answer_code) as the staging model types it."""
    rows = _query(
        b.db,
        "select cell, is_ticked, answer_number, answer_code from staging.stg_raw__answers where file_path = ?",
        [b.paths[case]],
    )
    return {cell: (ticked, number, code) for cell, ticked, number, code in rows}


def _item(b: Built, case: str, key: str) -> tuple[str, list[int] | None, float | None]:
    """(status, ticked codes, number) of one item of one return after int_item_status / int_item_values."""
    rows = _query(
        b.db,
        "select st.status, v.ticked_codes, v.answer_number from intermediate.int_item_status st "
        "join staging.stg_raw__submissions s using (submission_id) "
        "left join intermediate.int_item_values v using (submission_id, item_key) "
        "where s.file_path = ? and st.item_key = ?",
        [b.paths[case], key],
    )
    assert len(rows) == 1, (case, key, rows)
    status, ticked, number = rows[0]
    return status, (list(ticked) if ticked is not None else None), number


def _nothing_lost(b: Built, case: str) -> None:
    assert set(_notes(b, case)) == RETURNS[case].answer_cells()


def _recorded(details: str, key: str, typed: object) -> None:
    """The issue's parameters hold what was typed (or the formula), which the cleaning log quotes; a number
    typed in a number cell is read back as a float (``0`` as ``0.0``)."""
    found = json.loads(details)[key]
    assert found == str(typed) or (isinstance(typed, int | float) and float(found) == typed), details


def test_tick_marks_are_ticks_with_a_note(built: Built) -> None:
    _nothing_lost(built, "tick_marks")
    notes = _notes(built, "tick_marks")
    marks = {tick(TOPICS, c) for c in (1, 2, 3, 4)} | {tick(ASSESSMENT, 1)}
    assert {c for c, (_, n) in notes.items() if "tick_mark" in n} == marks
    assert notes[tick(TOPICS, 5)][1] == []  # a plain 1 needs no note
    assert {(i, c) for i, c, _ in _issues(built, "tick_marks")} == {("tick_mark", c) for c in marks}
    staged = _staged(built, "tick_marks")
    assert all(staged[tick(TOPICS, c)][0] for c in (1, 2, 3, 4, 5))
    assert _item(built, "tick_marks", TOPICS.key) == ("answered", [1, 2, 3, 4, 5], None)
    assert _item(built, "tick_marks", ASSESSMENT.key) == ("answered", [1], None)


def test_an_explicit_no_is_not_a_tick(built: Built) -> None:
    _nothing_lost(built, "explicit_no")
    noes = {tick(TOPICS, c) for c in (2, 3, 4, 5)} | {tick(ASSESSMENT, c) for c in (1, 2, 3)}
    issues = _issues(built, "explicit_no")
    assert {(i, c) for i, c, _ in issues} == {("tick_no", c) for c in noes}
    for _, cell, details in issues:
        _recorded(details, "typed", RETURNS["explicit_no"].cells[cell])
    staged = _staged(built, "explicit_no")
    assert {c for c in noes if staged[c][0]} == set()
    assert staged[tick(TOPICS, 1)][0] is True
    assert _item(built, "explicit_no", TOPICS.key) == ("answered", [1], None)
    # explicit noes alone tick nothing: the item applied and was not answered (未回答), not "answered"
    assert _item(built, "explicit_no", ASSESSMENT.key) == ("missing", None, None)


def test_an_unreadable_tick_is_kept_flagged_and_not_counted(built: Built) -> None:
    _nothing_lost(built, "unreadable_tick")
    unreadable = {tick(TOPICS, 1): "はい", tick(TOPICS, 2): "2.0", tick(ASSESSMENT, 1): "?"}  # 2 as a number cell
    issues = _issues(built, "unreadable_tick")
    assert {(i, c) for i, c, _ in issues} == {("tick_unreadable", c) for c in unreadable}
    for _, cell, details in issues:
        _recorded(details, "typed", unreadable[cell])
    notes = _notes(built, "unreadable_tick")
    assert {c: notes[c][0] for c in unreadable} == unreadable  # the text as typed stays in raw
    values = dict(
        _query(built.db, "select cell, value from raw.answers where file_path = ?", [built.paths["unreadable_tick"]])
    )
    assert {values[c] for c in unreadable} == {None}
    staged = _staged(built, "unreadable_tick")
    assert {c for c in unreadable if staged[c][0]} == set()
    assert _item(built, "unreadable_tick", TOPICS.key) == ("missing", None, None)
    assert _item(built, "unreadable_tick", ASSESSMENT.key) == ("answered", [2], None)


def test_what_float_would_accept_is_not_a_number(built: Built) -> None:
    _nothing_lost(built, "not_a_number")
    typed = {c.cell: RETURNS["not_a_number"].cells[c.cell] for c in COUNTS}
    council = CB.item("q2_council").cell
    issues = _issues(built, "not_a_number")
    assert {(i, c) for i, c, _ in issues} == {("not_a_number", c) for c in typed} | {("not_an_option_code", council)}
    for _, cell, details in issues:
        _recorded(details, "typed", typed.get(cell, "inf"))
    staged = _staged(built, "not_a_number")
    assert {staged[c][1] for c in typed} == {None}
    assert staged[council][2] is None
    for item in COUNTS:
        assert _item(built, "not_a_number", item.key) == ("missing", None, None)
    # 問2 unreadable: 問2-3 no longer applies, so the ticks of the base return are not asked
    assert _item(built, "not_a_number", "q2_council")[0] == "missing"


def test_units_only_where_the_codebook_gives_one(built: Built) -> None:
    _nothing_lost(built, "units")
    issues = {(i, c) for i, c, _ in _issues(built, "units")}
    assert issues == {
        ("number_with_unit", COUNTS[0].cell),
        ("fullwidth", COUNTS[1].cell),
        ("number_with_unit", COUNTS[1].cell),
        ("not_a_number", COUNTS[2].cell),
        ("not_a_number", COUNTS[3].cell),  # '1,2' is no thousands grouping
    }
    staged = _staged(built, "units")
    assert [staged[c.cell][1] for c in COUNTS] == [3.0, 2.0, None, None]
    assert _item(built, "units", COUNTS[0].key) == ("answered", None, 3.0)
    assert _item(built, "units", COUNTS[2].key) == ("missing", None, None)


def test_an_implausible_head_count_is_a_soft_finding(built: Built, tmp_path: Path) -> None:
    _nothing_lost(built, "implausible")
    staged = _staged(built, "implausible")
    assert [staged[c.cell][1] for c in COUNTS[:3]] == [1e9, 1e9, 12.0]
    checks = _query(
        built.db,
        f"select {', '.join(f'r.{c.key}__plausible' for c in COUNTS[:3])} "
        "from intermediate.int_municipality__rule_checks r "
        "join staging.stg_raw__submissions s using (submission_id) where s.file_path = ?",
        [built.paths["implausible"]],
    )
    assert checks == [(False, False, True)]
    db = tmp_path / "w.duckdb"  # not gate.duckdb: the catalog would shadow the gate schema
    shutil.copy(built.db, db)
    result = run_gate(db, 2023)
    found = _query(
        db,
        "select f.item_key, f.rule, f.rule_family, f.severity, f.cell, f.file_path from gate.findings f "
        "where f.rule_family = 'plausibility'",
        [],
    )
    assert {(k, fam, sev, cell, path) for k, _, fam, sev, cell, path in found} == {
        (c.key, "plausibility", "soft", c.cell, built.paths["implausible"]) for c in COUNTS[:2]
    }
    assert all(rule.endswith("plausible") for _, rule, *_ in found)
    plausible = [r for r in result.rules if r.family == "plausibility" and not r.success]
    assert plausible and {r.severity for r in plausible} == {"soft"}
    assert result.passed  # soft: published with its flag, not blocked


def test_formulas_are_visible(built: Built) -> None:
    ret = RETURNS["formulas"]
    _nothing_lost(built, "formulas")
    notes = _notes(built, "formulas")
    cached, uncached = COUNTS[0].cell, COUNTS[1].cell
    assert notes[cached][1] == ["formula"]
    assert notes[tick(TOPICS, 1)][1] == ["formula"]
    for cell in (uncached, tick(TOPICS, 2)):
        assert notes[cell] == (ret.cells[cell], ["formula_without_value"])  # the formula text kept in raw
    issues = _issues(built, "formulas")
    assert {(i, c) for i, c, _ in issues} == {
        ("formula", cached),
        ("formula", tick(TOPICS, 1)),
        ("formula_without_value", uncached),
        ("formula_without_value", tick(TOPICS, 2)),
    }
    for _, cell, details in issues:
        _recorded(details, "formula", ret.cells[cell])
    # the template's own name lookup is a formula too, but no answer
    assert not {c for _, c, _ in issues} & set(lookup_cells(CB))
    assert _query(built.db, "select count(*) from raw.stray_cells s join raw.submissions using (submission_id) "
                  "where file_path = ?", [built.paths["formulas"]]) == [(0,)]  # fmt: skip
    staged = _staged(built, "formulas")
    assert staged[cached][1] == 5.0 and staged[uncached][1] is None
    assert staged[tick(TOPICS, 1)][0] is True and staged[tick(TOPICS, 2)][0] is False
    assert _item(built, "formulas", COUNTS[0].key) == ("answered", None, 5.0)
    assert _item(built, "formulas", COUNTS[1].key) == ("missing", None, None)
    assert _item(built, "formulas", TOPICS.key) == ("answered", [1], None)


def test_xls_ticks_and_numbers_follow_the_same_rules(built: Built) -> None:
    """A legacy .xls is read by the same rules; its formulas are not detected (see the reader)."""
    _nothing_lost(built, "xls")
    issues = {(i, c) for i, c, _ in _issues(built, "xls")}
    assert issues == {
        ("tick_mark", tick(TOPICS, 1)),
        ("tick_no", tick(TOPICS, 2)),
        ("tick_unreadable", tick(TOPICS, 3)),
        ("not_a_number", COUNTS[0].cell),
        ("format_xls", None),
    }
    assert _item(built, "xls", TOPICS.key) == ("answered", [1], None)
    assert _item(built, "xls", COUNTS[0].key) == ("missing", None, None)
