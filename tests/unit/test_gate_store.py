"""How the gate keeps findings: the current ones per year, each with when it was first seen, and a small history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from warehouse.gate.store import FINDINGS_COLUMNS, RunRecord, latest_gate_runs, store

T0 = dt.datetime(2024, 1, 15, 9, 0)


def _run(n: int, year: int = 2023, passed: bool = True) -> RunRecord:
    at = T0 + dt.timedelta(hours=n)
    return RunRecord(f"gate-{year}-{n}", year, at, at + dt.timedelta(seconds=20), passed, 3, 0 if passed else 1, 0)


def _finding(respondent: str, rule: str, value: str | None = "1", severity: str = "soft") -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(FINDINGS_COLUMNS)
    row.update(
        fiscal_year=2023,
        form="municipality",
        respondent_key=f"municipality:{respondent}",
        respondent_code=respondent,
        rule=rule,
        rule_family=rule.rsplit("__", 1)[-1],
        message="問2で「1.設置している」以外を選んだ場合、問2-1（協議会の委託）は回答不要です",
        value_found=value,
        severity=severity,
        file_path=f"raw/2023/municipality/{respondent}.xlsx",
    )
    for column in ("finding_key", "first_run_id", "first_detected_at"):
        row.pop(column)
    return row


RULES = pd.DataFrame(
    [
        {"fiscal_year": 2023, "rule": "municipality.q2_1_council_entrusted__relevant", "severity": "soft"},
        {"fiscal_year": 2023, "rule": "municipality.q13_1_part_time_count__range", "severity": "hard"},
    ]
).assign(success=True, broken=0)

SKIP, RANGE = "municipality.q2_1_council_entrusted__relevant", "municipality.q13_1_part_time_count__range"


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return sorted(con.execute(sql).fetchall(), key=repr)


def test_findings_are_replaced_per_year_and_keep_when_they_were_first_seen(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = pd.DataFrame([_finding("011002", SKIP), _finding("012025", SKIP)])
    assert store(db, _run(1), first, RULES, {}) == (2, 0)
    snapshot = _rows(db, "select * from gate.findings")
    assert store(db, _run(2), first, RULES, {}) == (0, 0)  # unchanged: nothing new, nothing cleared
    assert _rows(db, "select * from gate.findings") == snapshot

    # 函館市 corrected its return; 札幌市 typed a count out of range
    second = pd.DataFrame([_finding("011002", SKIP), _finding("011002", RANGE, "1000000", "hard")])
    assert store(db, _run(3), second, RULES, {}) == (1, 1)
    seen = _rows(db, "select respondent_code, rule, first_run_id, first_detected_at from gate.findings")
    assert seen == [
        ("011002", RANGE, "gate-2023-3", _run(3).started_at),
        ("011002", SKIP, "gate-2023-1", _run(1).started_at),
    ]
    assert _rows(db, "select run_id, findings, findings_new, findings_cleared from gate.runs") == [
        ("gate-2023-1", 2, 2, 0),
        ("gate-2023-2", 2, 0, 0),
        ("gate-2023-3", 2, 1, 1),
    ]
    assert _rows(db, "select run_id, rule, findings from gate.run_rule_counts where run_id = 'gate-2023-3'") == [
        ("gate-2023-3", RANGE, 1),
        ("gate-2023-3", SKIP, 1),
    ]

    # another year is its own state
    other = pd.DataFrame([_finding("131016", SKIP)]).assign(fiscal_year=2022)
    store(db, _run(4, year=2022), other, RULES.assign(fiscal_year=2022), {})
    assert _rows(db, "select fiscal_year, count(*) from gate.findings group by all") == [(2022, 1), (2023, 2)]
    runs = latest_gate_runs(db)
    assert [(r.fiscal_year, r.run_id, r.findings, r.counts) for r in runs] == [
        (2022, "gate-2022-4", 1, {"soft": 1}),
        (2023, "gate-2023-3", 2, {"hard": 1, "soft": 1}),
    ]


def test_findings_kept_per_run_by_an_earlier_version_are_started_afresh(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(
            """
            create schema gate;
            create table gate.findings (run_id varchar, fiscal_year integer, rule varchar, detected_at timestamp);
            insert into gate.findings values ('old', 2023, 'required', now()), ('old', 2023, 'required', now());
            create table gate.rule_results (run_id varchar, fiscal_year integer, rule varchar);
            create table gate.runs (
                run_id varchar primary key, fiscal_year integer, started_at timestamp, finished_at timestamp,
                passed boolean, rules integer, rules_failed integer, hard_failures integer, findings bigint
            );
            insert into gate.runs values ('old', 2023, '2023-01-01', '2023-01-01', true, 1, 0, 0, 2);
            """
        )
    store(db, _run(1), pd.DataFrame([_finding("011002", SKIP)]), RULES, {})
    assert _rows(db, "select rule, first_run_id from gate.findings") == [(SKIP, "gate-2023-1")]
    assert _rows(db, "select run_id, findings_new from gate.runs") == [("gate-2023-1", 1), ("old", None)]
