"""The 疑義照会 export: each prefecture gets exactly its own current findings, in Japanese, in a year folder
replaced as a whole and dated by its gate run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from warehouse.cleaning_log import workbooks as cleaning_log
from warehouse.cleaning_log.workbooks import (
    FINDINGS_COLUMNS,
    FINDINGS_DDL,
    LIST_SHEET,
    export_by_prefecture,
    form_labels,
    workbooks_with,
)
from warehouse.codebook.model import codebook_paths, load_file
from warehouse.gate.store import RESULTS_DDL
from warehouse.paths import japanese_fiscal_year

YEAR = 2023
OLD_RUN, RUN = "gate-2023-run1", "gate-2023-run2"
AT = datetime(2024, 1, 15, 9, 30, 0)

HEADINGS = [
    "回答者区分",
    "都道府県",
    "市区町村コード",
    "市区町村名",
    "回答者コード",
    "回答者",
    "設問",
    "項目",
    "ルール",
    "ルール分類",
    "内容",
    "回答値",
    "重要度",
    "ファイル",
    "シート",
    "セル",
    "初回検出日時",
]

PREFECTURES = {"01": "北海道", "13": "東京都", "47": "沖縄県"}
MUNICIPALITIES = {
    "011002": ("01", "札幌市"),
    "012025": ("01", "函館市"),
    "131016": ("13", "千代田区"),
    "472018": ("47", "那覇市"),
}


def _finding(
    run_id: str,
    respondent_code: str,
    question: str,
    rule: str,
    severity: str,
    *,
    form: str = "municipality",
    value: str | None = "1",
    fiscal_year: int = YEAR,
    prefecture_code: str | None = None,
) -> dict[str, Any]:
    """A gate finding as the gate writes it; the prefecture of a prefecture respondent is its code's first 2 digits.

    ``rule`` is a codebook rule id (named ``<form>.<item>__<id>``) or a whole rule name (``cross.…``).
    """
    municipality = MUNICIPALITIES.get(respondent_code)
    pref = prefecture_code if prefecture_code is not None else respondent_code[:2]
    name = municipality[1] if municipality else PREFECTURES.get(pref, "不明")
    key = f"{form}:{respondent_code}"
    item_key = f"q{question.removeprefix('問').replace('-', '_')}"
    return {
        "first_run_id": run_id,
        "finding_key": f"{run_id}:{respondent_code}:{question}:{rule}",
        "fiscal_year": fiscal_year,
        "form": form,
        "respondent_key": key,
        "respondent_code": respondent_code,
        "respondent_name": name if form != "coordinator" else f"{name} コーディネーター",
        "prefecture_code": pref or None,
        "prefecture_name": PREFECTURES.get(pref),
        "municipality_code": respondent_code if municipality else None,
        "municipality_name": municipality[1] if municipality else None,
        "question": question,
        "item_key": item_key,
        "rule": rule if "." in rule else f"{form}.{item_key}__{rule}",
        "rule_family": {"relevant": "skip_logic", "required": "required"}.get(rule, rule.partition(".")[2] or "choice"),
        "message": f"{question}の指摘",
        "value_found": value,
        "severity": severity,
        "file_path": f"raw/{YEAR}/{form}/{respondent_code}_{name}.xlsx",
        "sheet": form_labels()[form],
        "cell": "H20",
        "first_detected_at": AT,
    }


LATEST = [
    _finding(RUN, "011002", "問10", "required", "hard", value=None),
    _finding(RUN, "011002", "問4-1", "relevant", "soft", value="=1+1"),
    _finding(RUN, "012025", "問11-2", "at_most_three", "soft", form="coordinator", value="1,2,3,4"),
    _finding(RUN, "010006", "問2", "required", "hard", form="prefecture", value=None),
    _finding(RUN, "131016", "問3", "relevant", "soft"),
    _finding(RUN, "131016", "F1", "cross.duplicate_return", "hard", value="131016"),
]
EARLIER = [
    _finding(OLD_RUN, "011002", "問1", "required", "hard"),
    _finding(OLD_RUN, "472018", "問5", "required", "hard", value=None),  # cleared by the latest run
]
OTHER_YEAR = [_finding("gate-2022-run1", "131016", "問9", "required", "hard", fiscal_year=2022)]
RUN_TIMES = {OLD_RUN: AT - timedelta(days=7), RUN: AT, "gate-2022-run1": AT - timedelta(days=300)}


def _insert(con: duckdb.DuckDBPyConnection, findings: list[dict[str, Any]]) -> None:
    placeholders = ", ".join("?" for _ in FINDINGS_COLUMNS)
    con.executemany(
        f"insert into gate.findings ({', '.join(FINDINGS_COLUMNS)}) values ({placeholders})",
        [[f[c] for c in FINDINGS_COLUMNS] for f in findings],
    )


def _gate_ran(con: duckdb.DuckDBPyConnection, run_id: str, findings: list[dict[str, Any]], year: int = YEAR) -> None:
    """What a gate run leaves: the year's findings replaced by its own, and its line in gate.runs."""
    at = RUN_TIMES.get(run_id, AT + timedelta(days=1))
    con.execute("delete from gate.findings where fiscal_year = ?", [year])
    if findings:
        _insert(con, findings)
    con.execute(
        "insert into gate.runs (run_id, fiscal_year, started_at, finished_at, passed) values (?, ?, ?, ?, ?)",
        [run_id, year, at - timedelta(seconds=30), at, False],
    )


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    con.execute(FINDINGS_DDL)
    con.execute(RESULTS_DDL)
    _gate_ran(con, "gate-2022-run1", OTHER_YEAR, 2022)
    _gate_ran(con, OLD_RUN, EARLIER)
    yield con
    con.close()


@pytest.fixture
def exported(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> tuple[Path, list[Path]]:
    """The earlier run exported first (so 沖縄県 has a workbook), then the latest over it."""
    out = tmp_path / "cleaning_log"
    export_by_prefecture(con, out, OLD_RUN, YEAR)
    assert (out / "2023" / "2023_47_沖縄県_疑義照会.xlsx").exists()
    out.joinpath("2022").mkdir()
    out.joinpath("2022", "2022_01_北海道_疑義照会.xlsx").write_bytes(b"another year")
    out.joinpath("notes.txt").write_text("kept", encoding="utf-8")
    _gate_ran(con, RUN, LATEST)
    return out / "2023", export_by_prefecture(con, out, RUN, YEAR)


def _sheets(path: Path) -> dict[str, list[list[Any]]]:
    wb = load_workbook(path)
    return {name: _rows(wb[name]) for name in wb.sheetnames}


def _rows(ws: Worksheet) -> list[list[Any]]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def _label_value(ws: Worksheet, label: str) -> Any:
    return next(row[1] for row in ws.iter_rows(values_only=True) if row[0] == label)


def test_ddl_is_idempotent_and_has_the_contract_columns(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(FINDINGS_DDL)
    columns = con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = 'gate' and table_name = 'findings' order by ordinal_position"
    ).fetchall()
    assert [name for name, _ in columns] == list(FINDINGS_COLUMNS)
    assert dict(columns)["first_detected_at"] == "TIMESTAMP"
    assert dict(columns)["fiscal_year"] == "INTEGER"


def test_one_workbook_per_prefecture_with_findings_and_stale_ones_removed(exported: tuple[Path, list[Path]]) -> None:
    out, written = exported
    assert [p.name for p in written] == [
        "2023_01_北海道_疑義照会.xlsx",
        "2023_13_東京都_疑義照会.xlsx",
        "2023_全国_概要.xlsx",
    ]
    assert all(p.parent == out for p in written)
    assert sorted(p.name for p in out.iterdir()) == [p.name for p in written]  # 沖縄県 is cleared
    root = out.parent
    # another year and other files are left alone; of earlier sets and staging folders nothing remains
    assert sorted(p.name for p in root.iterdir() if not p.name.startswith(".")) == ["2022", "2023", "notes.txt"]
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == [os.readlink(out)]
    assert out.stat().st_mode & 0o777 == 0o755, "the year's folder is readable by the prefectures' staff"


def test_each_workbook_lists_exactly_its_prefecture_findings(exported: tuple[Path, list[Path]]) -> None:
    out, _ = exported
    wb = load_workbook(out / "2023_01_北海道_疑義照会.xlsx")
    assert wb.sheetnames == ["概要", LIST_SHEET]
    ws = wb["指摘一覧"]
    rows = _rows(ws)
    assert rows[0] == HEADINGS
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:Q5"
    assert all(ws.column_dimensions[letter].width >= 6 for letter in "ABCDEFGHIJKLMNOPQ")

    def pick(row: list[Any]) -> tuple[Any, ...]:
        return row[0], row[1], row[2], row[4], row[6], row[8], row[11], row[12]

    # the prefecture's own return first, then municipalities by code, questions in number order (問4-1 < 問10)
    assert [pick(r) for r in rows[1:]] == [
        ("都道府県調査票", "北海道", None, "010006", "問2", "prefecture.q2__required", None, "重大"),
        ("市町村調査票", "北海道", "011002", "011002", "問4-1", "municipality.q4_1__relevant", "=1+1", "軽微"),
        ("市町村調査票", "北海道", "011002", "011002", "問10", "municipality.q10__required", None, "重大"),
        (
            "コーディネーター調査票",
            "北海道",
            "012025",
            "012025",
            "問11-2",
            "coordinator.q11_2__at_most_three",
            "1,2,3,4",
            "軽微",
        ),
    ]
    assert ws["L3"].data_type == "s"  # an answer starting with '=' stays text, never a formula
    sapporo = rows[2]
    assert sapporo[3] == "札幌市"
    assert sapporo[5] == "札幌市"
    assert sapporo[10] == "問4-1の指摘"
    assert sapporo[13:] == ["raw/2023/municipality/011002_札幌市.xlsx", "市町村調査票", "H20", AT]

    tokyo = _rows(load_workbook(out / "2023_13_東京都_疑義照会.xlsx")["指摘一覧"])
    assert [(r[1], r[2], r[6], r[8], r[12]) for r in tokyo[1:]] == [
        ("東京都", "131016", "F1", "cross.duplicate_return", "重大"),
        ("東京都", "131016", "問3", "municipality.q3__relevant", "軽微"),
    ]  # the 2022 finding of the same respondent is not listed


def test_prefecture_summary_counts(exported: tuple[Path, list[Path]]) -> None:
    out, _ = exported
    ws = load_workbook(out / "2023_01_北海道_疑義照会.xlsx")["概要"]
    assert "令和5年度" in ws["A1"].value
    assert "北海道" in ws["A1"].value
    assert _label_value(ws, "実行ID") == RUN
    assert _label_value(ws, "指摘件数") == 4
    assert _label_value(ws, "対象回答者数") == 3
    assert _label_value(ws, "重大") == 2
    assert _label_value(ws, "軽微") == 2
    rows = _rows(ws)
    header = rows.index(["ルール", "ルール分類", "重大", "軽微", "合計"])
    rules = {r[0]: r[1:] for r in rows[header + 1 : header + 5]}
    assert rules == {
        "prefecture.q2__required": ["未回答", 1, 0, 1],
        "municipality.q10__required": ["未回答", 1, 0, 1],
        "municipality.q4_1__relevant": ["対象外の設問への回答", 0, 1, 1],
        "coordinator.q11_2__at_most_three": ["choice", 0, 1, 1],
    }
    assert rows[header + 5][0] is None  # nothing else counted


def test_national_summary(exported: tuple[Path, list[Path]]) -> None:
    out, _ = exported
    wb = load_workbook(out / "2023_全国_概要.xlsx")
    assert wb.sheetnames == ["都道府県別", "ルール別", "実行情報"]
    rows = _rows(wb["都道府県別"])
    assert rows[0] == ["都道府県コード", "都道府県", "重大", "軽微", "合計", "対象回答者数", "ファイル"]
    by_code = {r[0]: r for r in rows[1:-1]}
    assert len(by_code) == 47
    assert by_code["01"] == ["01", "北海道", 2, 2, 4, 3, "2023_01_北海道_疑義照会.xlsx"]
    assert by_code["13"] == ["13", "東京都", 1, 1, 2, 1, "2023_13_東京都_疑義照会.xlsx"]
    assert by_code["47"] == ["47", "沖縄県", 0, 0, 0, 0, None]
    assert rows[-1] == ["全国", None, 3, 3, 6, 4, None]
    rules = {r[0]: r[2:] for r in _rows(wb["ルール別"])[1:]}
    assert rules == {
        "prefecture.q2__required": [1, 0, 1],
        "municipality.q10__required": [1, 0, 1],
        "municipality.q4_1__relevant": [0, 1, 1],
        "municipality.q3__relevant": [0, 1, 1],
        "coordinator.q11_2__at_most_three": [0, 1, 1],
        "cross.duplicate_return": [1, 0, 1],
    }
    assert _label_value(wb["実行情報"], "指摘件数") == 6


def test_all_findings_cleared_leaves_only_the_national_summary(
    con: duckdb.DuckDBPyConnection, exported: tuple[Path, list[Path]]
) -> None:
    out, _ = exported
    _gate_ran(con, "gate-2023-run3", [])
    written = export_by_prefecture(con, out.parent, "gate-2023-run3", YEAR)
    assert [p.name for p in written] == ["2023_全国_概要.xlsx"]
    assert not list(out.glob("2023_*_疑義照会.xlsx"))
    assert load_workbook(written[0])["都道府県別"]["E49"].value == 0


def test_findings_without_a_prefecture_are_not_dropped(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    unknown = _finding("run-x", "999999", "F1", "cross.identity", "hard", form="prefecture", prefecture_code="")
    _gate_ran(con, "run-x", [unknown])
    written = export_by_prefecture(con, tmp_path, "run-x", YEAR)
    assert [p.name for p in written] == ["2023_00_都道府県不明_疑義照会.xlsx", "2023_全国_概要.xlsx"]
    rows = _rows(load_workbook(written[0])[LIST_SHEET])
    assert [(r[4], r[8], r[12]) for r in rows[1:]] == [("999999", "cross.identity", "重大")]
    assert workbooks_with(con, tmp_path, YEAR, "hard") == [written[0]]


def test_worker_processes_write_the_same_workbooks(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _gate_ran(con, RUN, LATEST)
    in_process = export_by_prefecture(con, tmp_path / "one", RUN, YEAR, workers=1)
    monkeypatch.setattr(cleaning_log, "_POOL_THRESHOLD", 0)
    pooled = export_by_prefecture(con, tmp_path / "two", RUN, YEAR, workers=2)
    assert [p.name for p in pooled] == [p.name for p in in_process]
    for a, b in zip(in_process, pooled, strict=True):
        assert _sheets(a) == _sheets(b)


def test_two_exports_of_one_run_are_the_same_and_dated_by_the_run(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    _gate_ran(con, RUN, LATEST)
    first = [_sheets(p) for p in export_by_prefecture(con, tmp_path / "a", RUN, YEAR)]
    second = [_sheets(p) for p in export_by_prefecture(con, tmp_path / "a", RUN, YEAR)]
    assert first == second  # every cell, 作成日時 included
    summary = first[0]["概要"]
    assert next(row[1] for row in summary if row[0] == "作成日時") == AT  # the gate run's time, not the clock
    with pytest.raises(ValueError, match="no gate run 'gate-unknown'"):
        export_by_prefecture(con, tmp_path / "b", "gate-unknown", YEAR)
    with pytest.raises(ValueError, match=f"'{OLD_RUN}' is not the latest of 2023 \\('{RUN}' is\\)"):
        export_by_prefecture(con, tmp_path / "b", OLD_RUN, YEAR)  # its findings were replaced by the latest run's


class Crash(Exception):
    pass


def test_a_crash_mid_export_leaves_the_previous_set_and_the_next_export_tidies(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "cleaning_log"
    before = {p.name: _sheets(p) for p in export_by_prefecture(con, out, OLD_RUN, YEAR)}
    _gate_ran(con, RUN, LATEST)

    written: list[Path] = []
    real = cleaning_log._write_prefecture

    def crash_after_one(job: Any) -> Path:
        if written:
            raise Crash("disk full")
        written.append(real(job))
        return written[-1]

    # a killed process does not clean up after itself: neither does this one
    monkeypatch.setattr(cleaning_log, "_write_prefecture", crash_after_one)
    monkeypatch.setattr(cleaning_log, "_discard", lambda staging: None)
    with pytest.raises(Crash):
        export_by_prefecture(con, out, RUN, YEAR)
    assert {p.name: _sheets(p) for p in (out / "2023").iterdir()} == before  # the previous set, whole
    leftovers = [p for p in out.iterdir() if p.name.startswith(".") and p.name != os.readlink(out / "2023")]
    assert len(leftovers) == 1 and (leftovers[0] / written[0].name).exists()

    monkeypatch.undo()
    after = export_by_prefecture(con, out, RUN, YEAR)
    assert sorted(p.name for p in (out / "2023").iterdir()) == sorted(p.name for p in after)
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [os.readlink(out / "2023")]


def test_a_crash_between_the_link_and_the_switch_is_tidied(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "cleaning_log"
    before = sorted(p.name for p in export_by_prefecture(con, out, OLD_RUN, YEAR))
    _gate_ran(con, RUN, LATEST)

    def no_rename(src: Any, dst: Any) -> None:
        raise Crash("killed")

    monkeypatch.setattr(cleaning_log.os, "replace", no_rename)
    monkeypatch.setattr(cleaning_log, "_discard", lambda staging: None)
    with pytest.raises(Crash):
        export_by_prefecture(con, out, RUN, YEAR)
    monkeypatch.undo()
    assert sorted(p.name for p in (out / "2023").iterdir()) == before
    assert (out / ".2023.link").is_symlink()  # made, never switched

    export_by_prefecture(con, out, RUN, YEAR)
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [os.readlink(out / "2023")]


def test_an_earlier_export_outside_the_year_folder_is_replaced(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    out = tmp_path / "cleaning_log"
    (out / "2023").mkdir(parents=True)  # a folder made by hand
    (out / "2023" / "old.xlsx").write_bytes(b"x")
    (out / "2023_47_沖縄県_疑義照会.xlsx").write_bytes(b"x")  # an export from before years had folders
    written = export_by_prefecture(con, out, OLD_RUN, YEAR)
    assert (out / "2023").is_symlink()
    assert sorted(p.name for p in (out / "2023").iterdir()) == sorted(p.name for p in written)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["2023"]


def test_text_longer_than_a_cell_holds_says_so(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    long = _finding(RUN, "011002", "問4-1", "relevant", "soft", value="あ" * 40_000)
    _gate_ran(con, RUN, [long])
    (path, _) = export_by_prefecture(con, tmp_path, RUN, YEAR)
    cell = _rows(load_workbook(path)[LIST_SHEET])[1][11]
    assert len(cell) == 32_767
    assert cell.startswith("ああ") and cell.endswith("40,000文字のうち先頭のみ表示。全文は提出ファイルを参照）")


@pytest.mark.parametrize("path", codebook_paths(), ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_form_labels_are_the_codebook_titles(path: Path) -> None:
    cb = load_file(path)
    assert form_labels()[cb.form] == cb.form_label


@pytest.mark.parametrize(
    ("year", "label"), [(2023, "令和5年度"), (2019, "令和元年度"), (2018, "平成30年度"), (1989, "平成元年度")]
)
def test_japanese_fiscal_year(year: int, label: str) -> None:
    assert japanese_fiscal_year(year) == label
