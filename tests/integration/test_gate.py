"""The quality gate on real data: quiet on the calibrated year, loud on every injected defect, and
the only way to the analysts' file."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import GATE_AND_REPORT, Ingested
from warehouse.codebook import load_edition
from warehouse.gate.run import run_gate
from warehouse.ingest.run import ingest
from warehouse.publish.swap import read_publication
from warehouse.refresh import refresh
from warehouse.transform.dbt import build, write_lookups
from warehouse.workbook.cells import answers_to_cells
from warehouse.workbook.template import write_workbook

#: Findings the calibrated year has by design: blanks where the report prints 未回答, the 問3
#: cross-question rule the published figures break, and prefecture 問6-2 (「一つだけ」, 153%).
BY_DESIGN = {"required", "consistency", "choice_count"}


def _findings(db: Path, run_id: str) -> list[dict[str, Any]]:
    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute("select * from gate.findings where run_id = ?", [run_id])
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def test_the_calibrated_year_passes_with_no_rule_outside_tolerance(national: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    shutil.copy(national, db)
    result = run_gate(db, 2023)
    assert result.passed
    assert result.failed_rules == []
    assert len(result.rules) == 149 + 226 + 35 + 5 + 12  # + plausible_max of 12 number items
    families = {f["rule_family"] for f in _findings(db, result.run_id)}
    assert families == BY_DESIGN  # the consistency rules do catch the published 問3 contradiction
    only_one = {f["item_key"] for f in _findings(db, result.run_id) if f["rule_family"] == "choice_count"}
    assert only_one == {"q6_2_needs_assessment"}


@pytest.fixture(scope="module")
def defective_gate(defective_year: Ingested, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    db = tmp_path_factory.mktemp("gate") / "w.duckdb"
    shutil.copy(defective_year.db, db)
    write_lookups(db)
    report = build(db, select=GATE_AND_REPORT)
    assert report.success, report.failures
    return db, run_gate(db, 2023)


def test_every_injected_defect_is_found_by_its_rule(defective_year: Ingested, defective_gate: tuple[Path, Any]) -> None:
    db, result = defective_gate
    findings = _findings(db, result.run_id)
    by_file: dict[str, set[tuple[str | None, str]]] = {}
    for f in findings:
        by_file.setdefault(f["file_path"], set()).add((f["item_key"], f["rule"]))
    with duckdb.connect(str(db), read_only=True) as con:
        current = {p for (p,) in con.execute("select file_path from staging.stg_survey__submissions").fetchall()}
    checked, missed = 0, []
    for d in defective_year.sample.defects:
        kind, _, what = d.expect.partition(":")
        if kind not in ("rule", "issue") or d.file not in current:
            continue  # refused files and superseded versions are not current returns
        found = by_file.get(d.file, set())
        if what == "duplicate_coordinator":
            ok = (None, "duplicate_coordinator") in found
        elif kind == "rule":
            item_key, _, rule = what.partition(".")
            ok = (item_key, rule) in found
        elif what == "unknown_code":
            ok = (None, "identity") in found
            if d.defect == "mistyped_code":  # six digits in the five-digit field
                ok = ok and (d.item_key, "format") in found
        else:
            ok = any(rule == what for _, rule in found)
        checked += 1
        if not ok:
            missed.append(d)
    assert checked > 20
    assert missed == []


def test_unknown_codes_are_a_hard_failure(defective_gate: tuple[Path, Any]) -> None:
    _, result = defective_gate
    assert not result.passed
    assert "all.code_is_known" in result.hard_failures


def _write(raw: Path, form: str, name: str, answers: Mapping[str, Any]) -> Path:
    cb = load_edition(2023)[form]
    path = raw / "2023" / form / f"{name}.xlsx"
    write_workbook(cb, path, answers_to_cells(cb, answers))
    return path


# 札幌市's top priority is not among its ticked challenges; its coordinator works 9 days a week.
SAPPORO = {
    "f1_municipality_code": "01100",
    "q13_coordinator": 1,
    "q11_1_1_challenges": frozenset({1, 2}),
    "q11_1_2_top_priority_challenge": frozenset({5}),
}
SAPPORO_COORDINATOR = {"f1_1_municipality_code": "01100", "q1_employment_status": 3, "q1_1_days_per_week": 9}
# 函館市 says it has coordinators but none returned a form; 小樽市 sent two different files.
HAKODATE = {"f1_municipality_code": "01202", "q13_coordinator": 1}
OTARU = {"f1_municipality_code": "01203", "q13_coordinator": 2}


def test_rules_across_returns_and_rules_the_sample_does_not_inject(tmp_path: Path) -> None:
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    _write(raw, "municipality", "011002_札幌市", SAPPORO)
    _write(raw, "coordinator", "011002_札幌市_01", SAPPORO_COORDINATOR)
    _write(raw, "municipality", "012025_函館市", HAKODATE)
    _write(raw, "municipality", "012033_小樽市", OTARU)
    _write(raw, "municipality", "012033_小樽市_提出用", OTARU)
    ingest(db, raw, 2023)
    write_lookups(db)
    assert build(db, select=GATE_AND_REPORT).success
    result = run_gate(db, 2023)
    found = {(f["respondent_code"], f["item_key"], f["rule"]) for f in _findings(db, result.run_id)}
    assert ("01100", "q11_1_2_top_priority_challenge", "within_ticked") in found
    assert ("01100", "q1_1_days_per_week", "range") in found
    assert ("01202", None, "coordinator_presence") in found
    assert ("01100", None, "coordinator_presence") not in found
    assert ("01203", None, "duplicate_return") in found
    assert ("01204", None, "coverage") in found  # 室蘭市 has not returned
    assert not result.passed
    assert set(result.hard_failures) == {"coordinator.q1_1_days_per_week__range", "all.respondent_key"}


def test_a_hard_failure_keeps_the_last_publication_until_a_fix_arrives(tmp_path: Path) -> None:
    raw, db, published = tmp_path / "raw", tmp_path / "w.duckdb", tmp_path / "published.duckdb"
    log = tmp_path / "cleaning_log"
    _write(raw, "municipality", "012025_函館市", {**HAKODATE, "q13_coordinator": 2})
    first = refresh(raw, db, published, 2023, cleaning_log_dir=log)
    assert first.ok, first.blocked
    before = read_publication(published)
    assert before is not None and before["gate_run_id"] == first.gate.run_id

    bad = _write(raw, "municipality", "012033_小樽市", {**OTARU, "f1_municipality_code": "99999"})
    second = refresh(raw, db, published, 2023, cleaning_log_dir=log)
    assert not second.ok and "code_is_known" in (second.blocked or "")
    assert second.published is None
    assert read_publication(published) == before
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select count(*) from marts.dim_municipality").fetchone() == (1741,)
        assert con.execute("select count(*) from marts.fct_municipal_vision").fetchone() == (1,)
    workbooks = {p.name for p in second.cleaning_log}
    assert any("疑義照会" in name for name in workbooks)

    _write(raw, "municipality", f"{bad.stem}__corrected", OTARU)  # the same file family, resubmitted
    third = refresh(raw, db, published, 2023, cleaning_log_dir=log)
    assert third.ok, third.blocked
    after = read_publication(published)
    assert after is not None and after["gate_run_id"] == third.gate.run_id
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_municipal_vision").fetchone() == (2,)
