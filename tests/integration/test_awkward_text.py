"""Text that breaks a consumer is made safe once, at the ingest, with a finding naming the cell: a NUL or another
C0 control character (``_x0000_`` in the xlsx) is removed from the value and kept escaped as typed; a text longer
than an Excel cell holds is kept whole and flagged. Written by xlsxwriter as a respondent's spreadsheet would
save them, read back by the real ingest."""

from __future__ import annotations

import zipfile
from pathlib import Path

import duckdb

from warehouse.codebook import load
from warehouse.ingest.normalise import CELL_LIMIT, CONTROL
from warehouse.ingest.run import ingest
from warehouse.workbook.template import write_workbook

CB = load(2023, "municipality")
PRACTICES = CB.item("q2_5_council_practices")  # 問2-5, free text asked when 問2 = 1
COUNCIL = CB.item("q2_council")
LONG = "在宅医療" * (CELL_LIMIT // 4 + 100)  # 400 characters over the cell's limit


def _replace(path: Path, old: bytes, new: bytes) -> None:
    """Rewrite the part of the xlsx that holds ``old``, as a tool that writes the XML itself would."""
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    assert any(old in data for data in parts.values())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data.replace(old, new))


def test_control_characters_and_over_long_text_are_safe_and_named(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    path = raw / "2023" / "municipality" / "011002_札幌市.xlsx"
    path.parent.mkdir(parents=True)
    typed = "協議会\x00で検討\x01し\x1fた\t内容\n二行目"
    write_workbook(CB, path, {CB.code_item.cell: "01100", COUNCIL.cell: 1, PRACTICES.cell: typed})
    with zipfile.ZipFile(path) as book:
        assert any(b"_x0000_" in book.read(name) for name in book.namelist()), "saved as Excel saves a NUL"
    other = raw / "2023" / "municipality" / "012025_函館市.xlsx"
    write_workbook(CB, other, {CB.code_item.cell: "01202", COUNCIL.cell: 1, PRACTICES.cell: "PLACEHOLDER"})
    _replace(other, b"PLACEHOLDER", LONG.encode())  # Excel's writers cut at the limit; other tools do not
    db = tmp_path / "w.duckdb"
    report = ingest(db, raw, 2023)
    assert report.submissions == 2 and report.quarantined == 0
    with duckdb.connect(str(db), read_only=True) as con:
        rows = dict(
            con.execute(
                "select s.respondent_code, (a.value, a.raw_value, a.notes) from raw.answers a "
                "join raw.submissions s using (submission_id) where a.item_key = ?",
                [PRACTICES.key],
            ).fetchall()
        )
        issues = con.execute(
            "select s.respondent_code, i.issue, i.cell, i.item_key from raw.ingest_issues i "
            "join raw.submissions s using (submission_id) "
            "where i.issue in ('control_characters', 'text_over_cell_limit')"
        ).fetchall()
        every_text = con.execute(
            "select string_agg(coalesce(value, '') || coalesce(raw_value, ''), '') from raw.answers"
        ).fetchone()[0]
    value, as_typed, notes = rows["01100"]
    assert value == "協議会で検討した\t内容\n二行目" and "control_characters" in notes
    assert as_typed == "協議会\\x00で検討\\x01し\\x1fた\t内容\n二行目"
    assert rows["01202"][0] == LONG and len(LONG) > CELL_LIMIT and "text_over_cell_limit" in rows["01202"][2]
    assert sorted(issues) == [
        ("01100", "control_characters", PRACTICES.cell, PRACTICES.key),
        ("01202", "text_over_cell_limit", PRACTICES.cell, PRACTICES.key),
    ]
    assert not CONTROL.search(every_text), "no control character left for PostgreSQL, HTML or a workbook"
