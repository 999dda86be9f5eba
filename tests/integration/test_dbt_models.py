"""dbt's staging and intermediate models on real ingested workbooks.

The skip logic compiled to SQL must mean exactly what the Python reference (``validate``) means,
on returns full of defects; and a handful of returns written by hand give the exact statuses and
report counts a person works out on paper.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import Ingested
from warehouse.codebook import load_edition
from warehouse.codebook.validate import OFF_PATH, REQUIRED, violations
from warehouse.ingest.run import ingest
from warehouse.transform.dbt import build, write_lookups
from warehouse.workbook.cells import answers_to_cells
from warehouse.workbook.template import write_workbook

pytestmark = pytest.mark.slow  # dbt builds of the defective and the hand-written returns

MODELS = ["+rpt_published_charts"]  # with the intermediate models it counts from


def _built(source: Path, target: Path) -> Path:
    shutil.copy(source, target)
    write_lookups(target)
    report = build(target, select=MODELS)
    assert report.success, report.failures
    return target


def _python_value(item_type: str, value: Any) -> Any:
    if value is None:
        return None
    if item_type == "multiple":
        return frozenset(value) or None
    if item_type == "single":
        return int(value)
    return value


@pytest.fixture(scope="module")
def defective_built(defective_year: Ingested, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The defective year's models, built once for the three forms."""
    return _built(defective_year.db, tmp_path_factory.mktemp("defective_built") / "w.duckdb")


@pytest.mark.parametrize("form", ["prefecture", "municipality", "coordinator"])
def test_sql_skip_logic_is_the_python_reference(defective_built: Path, form: str) -> None:
    db = defective_built
    cb = load_edition(2023)[form]
    types = {i.key: i.type for i in cb.items}
    required = {i.key for i in cb.items if i.required}
    with duckdb.connect(str(db), read_only=True) as con:
        wide = con.execute(f"select * from intermediate.int_{form}__respondent_answers").fetchdf()
        sql = {
            (rid, key, status)
            for rid, key, status in con.execute(
                "select respondent_key, item_key, status from intermediate.int_item_status "
                "where form = ? and status in ('off_path', 'missing')",
                [form],
            ).fetchall()
            if status == "off_path" or key in required
        }
    python = set()
    for record in wide.to_dict("records"):
        answers = {k: _python_value(t, record[k]) for k, t in types.items()}
        answers = {k: (None if v != v else v) for k, v in answers.items()}  # NaN from pandas → None
        for v in violations(cb, answers):
            if v.rule in (OFF_PATH, REQUIRED):
                python.add((record["respondent_key"], v.item_key, "off_path" if v.rule == OFF_PATH else "missing"))
    assert sql == python
    if form == "municipality":  # where the defect mode puts off-path and blank answers in the reduced sample
        assert {status for _, _, status in python} == {"off_path", "missing"}


# Three municipalities of 北海道, written by hand.
HAND = {
    "01100": {  # 札幌市: engaged in 日常の療養支援 with a vision, no goal; 問4-7 does not apply
        "q1_implementation_structure": 1,
        "q2_council": 2,
        "q4_daily_care_engaged": 1,
        "q4_1_daily_care_vision": 1,
        "q4_3_daily_care_goal": 2,
        "q4_6_1_daily_care_initiatives": frozenset({1, 5}),
        "q4_6_2_daily_care_challenges": frozenset({5}),
    },
    "01202": {  # 函館市: not engaged, gives reasons, and answers 問4-1 off-path
        "q1_implementation_structure": 2,
        "q2_council": 1,
        "q2_1_council_entrusted": 2,
        "q4_daily_care_engaged": 2,
        "q4_1_daily_care_vision": 1,
        "q4_7_daily_care_reasons": frozenset({1, 6}),
    },
    "01203": {  # 小樽市: 問4 left blank, so nothing under it applies; 問2-1 left blank though it applies
        "q1_implementation_structure": 1,
        "q2_council": 1,
    },
}


@pytest.fixture(scope="module")
def hand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hand")
    cb = load_edition(2023)["municipality"]
    for code, answers in HAND.items():
        cells = answers_to_cells(cb, {"f1_municipality_code": code, **answers})
        write_workbook(cb, root / "raw" / "2023" / "municipality" / f"{code}.xlsx", cells)
    ingest(root / "w.duckdb", root / "raw", 2023)
    write_lookups(root / "w.duckdb")
    report = build(root / "w.duckdb", select=[*MODELS, "+marts"])
    assert report.success, report.failures
    return root / "w.duckdb"


def _status(db: Path) -> dict[tuple[str, str], str]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select s.respondent_code, i.item_key, i.status from intermediate.int_item_status as i "
            "join staging.stg_raw__submissions as s using (respondent_key)"
        ).fetchall()
    return {(code, key): status for code, key, status in rows}


def test_hand_written_returns_have_the_expected_statuses(hand: Path) -> None:
    status = _status(hand)
    assert status[("01100", "q4_1_daily_care_vision")] == "answered"
    assert status[("01100", "q4_4_daily_care_indicator")] == "missing"
    assert status[("01100", "q4_7_daily_care_reasons")] == "skipped"
    assert status[("01100", "q2_1_council_entrusted")] == "skipped"
    assert status[("01202", "q4_1_daily_care_vision")] == "off_path"
    assert status[("01202", "q4_7_daily_care_reasons")] == "answered"
    assert status[("01202", "q2_1_council_entrusted")] == "answered"
    assert status[("01203", "q4_daily_care_engaged")] == "missing"
    assert status[("01203", "q4_1_daily_care_vision")] == "skipped"
    assert status[("01203", "q4_7_daily_care_reasons")] == "skipped"
    assert status[("01203", "q2_1_council_entrusted")] == "missing"


def test_hand_written_returns_give_the_expected_report_counts(hand: Path) -> None:
    with duckdb.connect(str(hand), read_only=True) as con:
        rows = con.execute(
            "select question_id, option_label, n, respondents from report.rpt_published_charts "
            "where form = 'municipality' and question_id in ('問2', '問2-1', '問4', '問4-1', '問4-7', '問4-6-1')"
        ).fetchall()
    got = {(q, label): (n, k) for q, label, n, k in rows}
    assert got[("問2", "設置している")] == (3, 2)
    assert got[("問2-1", "委託していない")] == (2, 1)  # 小樽市 is in n as 未回答
    assert got[("問4", "取り組んでいる")] == (3, 1)
    assert got[("問4", "未回答")] == (3, 1)
    assert got[("問4-1", "設定している")] == (1, 1)  # 函館市's off-path answer is not counted
    assert got[("問4-7", "現状把握ができていない")] == (1, 1)
    initiatives = {label: nk for (q, label), nk in got.items() if q == "問4-6-1"}
    assert initiatives["多職種間の連携やネットワーク構築の推進"] == (1, 1)


def _rows(db: Path, sql: str) -> dict[tuple[Any, ...], dict[str, Any]]:
    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute(sql)
        columns = [c[0] for c in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return {(r["municipality_code"], r.get("scenario_key"), r.get("initiative_key")): r for r in rows}


def test_hand_written_returns_give_the_expected_facts(hand: Path) -> None:
    status = _rows(hand, "select * from marts.fct_scenario_status where scenario_key = 'daily_care'")
    sapporo, hakodate, otaru = (status[(code, "daily_care", None)] for code in ("011002", "012025", "012033"))
    assert (sapporo["is_engaged"], sapporo["is_vision_set"], sapporo["is_goal_set"]) == (True, True, False)
    assert (sapporo["is_indicator_set"], sapporo["indicator_status"]) == (None, "missing")
    assert sapporo["reasons_status"] == "skipped"
    assert (hakodate["is_engaged"], hakodate["is_vision_set"], hakodate["vision_status"]) == (False, None, "skipped")
    assert sorted(hakodate["reason_keys"]) == ["need_unclear", "no_situation_assessment"]
    assert (otaru["is_engaged"], otaru["engaged_status"], otaru["vision_status"]) == (None, "missing", "skipped")

    initiatives = _rows(hand, "select * from marts.fct_scenario_initiative where scenario_key = 'daily_care'")
    done = {k[2] for k, r in initiatives.items() if r["is_done"]}
    challenges = {k[2] for k, r in initiatives.items() if r["is_challenge"]}
    assert done == {"situation_assessment", "multidisciplinary_network"}
    assert challenges == {"multidisciplinary_network"}
    assert {k[0] for k in initiatives} == {"011002"}  # only engaged municipalities have initiative rows

    council = _rows(hand, "select * from marts.fct_council where form = 'municipality'")
    assert council[("012025", None, None)]["is_established"] is True
    assert council[("012025", None, None)]["is_entrusted"] is False
    assert (council[("012033", None, None)]["is_entrusted"], council[("012033", None, None)]["entrusted_status"]) == (
        None,
        "missing",
    )
    assert council[("011002", None, None)]["entrusted_status"] == "skipped"
