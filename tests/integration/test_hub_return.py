"""Hand-written hub returns through the whole path: template → workbook → ingest → dbt → marts and the
gate, with a skipped, a missing and an off-path answer; and the cross-survey view beside hand-written
2023 municipal returns on hub linkage (市町村 問14)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from warehouse.codebook import load
from warehouse.gate.run import QUALITY_MODELS, run_gate
from warehouse.ingest.run import ingest
from warehouse.reference.local_governments import load as load_registry
from warehouse.transform.dbt import build, write_lookups
from warehouse.workbook.cells import answers_to_cells
from warehouse.workbook.template import write_workbook

pytestmark = pytest.mark.slow  # a dbt build of the hub returns

#: What every hub answers unless a return below says otherwise: "no" to every top-level yes/no
#: question and one tick in every top-level multiple choice, so that nothing below them is asked.
BASE: dict[str, Any] = {
    "s01_q02_knows_area": 1,
    "s01_q04_area_relation": 2,
    "s02_q01_multiprofession": 2,
    "s03_q01_resource_list": 2,
    "s04_q01_function_analysis": 2,
    "s04_q04_needs_survey": 2,
    "s05_q01_patient_locations": 2,
    "s05_q03_rules": 2,
    "s06_q02_discharge_consultation": 2,
    "s07_q01_pending_work": frozenset({8}),
    "s08_q01_system_needs": frozenset({1}),
    "s09_q01_workforce": 2,
    "s10_q01_workforce_needs": frozenset({1}),
    "s10_q02_awareness": 2,
    "s11_q01_disaster_support": 2,
    "s11_q03_disaster_readiness": 2,
    "s12_q01_disaster_needs": frozenset({1}),
    "s12_q02_hub_issues": frozenset({1}),
    "s13_q01_central_staff": 2,
}
HUBS: dict[str, dict[str, Any]] = {
    # run by the municipality, its programme's own operator, serving 千代田区 and 中央区
    "H130001": {
        "f3_hub_name": "千代田区在宅医療連携拠点",
        "f4_area_name": "区中央部圏域",
        "f5_area_municipality_01": "13101",
        "f5_area_municipality_02": "13102",
        "s01_q01_operator": 1,
        "s01_q03_same_body": 1,
        "s02_q01_multiprofession": 1,
        "s02_q02_meeting": 1,
        "s02_q03_meeting_participants": frozenset({1, 5}),
        "s02_q04_joint_meeting": frozenset({1}),
        "s02_q05_meeting_agenda": frozenset({1, 8}),
        # s02_q06_meeting_issues asked and left blank: missing (未回答)
        "s03_q02_sources": frozenset({1}),  # s03_q01 = 2: answered off the skip chain
        "s04_q04_needs_survey": 1,
        "s04_q05_needs_admission_discharge": "退院後の療養場所の希望を把握した",
    },
    # run by the medical association, sharing 中央区 and serving 港区
    "H130002": {
        "f3_hub_name": "港区医師会在宅医療連携拠点",
        "f4_area_name": "区中央部圏域",
        "f5_area_municipality_01": "13102",
        "f5_area_municipality_02": "13103",
        "s01_q01_operator": 2,
        "s01_q03_same_body": 2,
        "s13_q02_central_profession": 1,  # s13_q01 = 2: answered off the skip chain
    },
    "H010001": {
        "f3_hub_name": "札幌市在宅医療連携拠点",
        "f4_area_name": "札幌圏域",
        "f5_area_municipality_01": "01100",
        "s01_q01_operator": 1,
        "s01_q03_same_body": 1,
        "s01_q04_area_relation": 1,
    },
}
#: 2023 municipal answers on hub linkage (問14): 千代田区 says not linked, 中央区 all linked with the
#: municipality running the hub, 新宿区 does not know (and no hub lists it).
MUNICIPALITIES: dict[str, dict[str, Any]] = {
    "13101": {"q14_base_linkage": 3},
    "13102": {"q14_base_linkage": 1, "q14_1_operator_relation": 1, "q14_1_1_operator": 2},
    "13104": {"q14_base_linkage": 4},
}
MODELS = ["+path:models/marts/hub", "+int_hub__rule_checks", QUALITY_MODELS, "+dim_scenario"]
CAUTIOUS = ("build", "--indirect-selection", "cautious")


@pytest.fixture(scope="module")
def returned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hub_returns")
    raw, db = root / "raw", root / "warehouse.duckdb"
    registry = load_registry()
    hub_cb = load(2025, "hub")
    for code, answers in HUBS.items():
        full = {**BASE, **answers, "f1_hub_code": code, "f2_prefecture_code": code[1:3]}
        write_workbook(
            hub_cb, raw / "2025" / "hub" / f"{code}_{answers['f3_hub_name']}.xlsx", answers_to_cells(hub_cb, full)
        )
    muni_cb = load(2023, "municipality")
    for code5, answers in MUNICIPALITIES.items():
        m = registry.municipality(code5)
        assert m is not None
        full = {muni_cb.code_item.key: code5, **answers}
        write_workbook(
            muni_cb, raw / "2023" / "municipality" / f"{m.code6}_{m.name}.xlsx", answers_to_cells(muni_cb, full)
        )
    for year in (2023, 2025):
        ingest(db, raw, year)
    write_lookups(db)
    report = build(db, select=MODELS, args=CAUTIOUS)
    assert report.success, report.failures
    return db


def _rows(db: Path, sql: str, *params: Any) -> list[dict[str, Any]]:
    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute(sql, list(params))
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def test_the_hub_facts_are_exactly_what_was_written(returned: Path) -> None:
    hubs = {r["hub_code"]: r for r in _rows(returned, "select * from marts.dim_hub")}
    assert set(hubs) == set(HUBS)
    a = hubs["H130001"]
    assert (a["operator_key"], a["is_programme_operator"], a["knows_area"], a["prefecture_name"]) == (
        "municipality",
        True,
        True,
        "東京都",
    )
    assert (hubs["H130002"]["operator_key"], hubs["H130002"]["is_programme_operator"]) == ("medical_association", False)
    answers = {
        (r["respondent_key"], r["item_key"]): r
        for r in _rows(returned, "select * from marts.fct_hub_answer where fiscal_year = 2025")
    }
    participants = answers[("hub:H130001", "s02_q03_meeting_participants")]
    assert (participants["fact_name"], participants["fact_role"]) == ("hub_meetings", "participants")
    assert participants["ticked_option_keys"] == ["doctor", "care_manager"]
    assert answers[("hub:H130001", "s02_q06_meeting_issues")]["answer_status"] == "missing"
    off_path = answers[("hub:H130001", "s03_q02_sources")]
    assert (off_path["answer_status"], off_path["is_off_path"], off_path["ticked_option_keys"]) == (
        "skipped",
        True,
        None,
    )
    skipped = answers[("hub:H130002", "s02_q02_meeting")]
    assert (skipped["answer_status"], skipped["is_off_path"]) == ("skipped", False)
    assert answers[("hub:H130002", "s13_q02_central_profession")]["is_off_path"] is True
    ticked = _rows(
        returned,
        "select option_key from marts.fct_hub_option where respondent_key = 'hub:H130001' "
        "and item_key = 's02_q05_meeting_agenda' and is_selected order by option_code",
    )
    assert [r["option_key"] for r in ticked] == ["discharge_resources", "medicine_24h"]
    texts = _rows(returned, "select respondent_key, scenario_key, answer_text from marts.fct_hub_scene_text")
    assert texts == [
        {
            "respondent_key": "hub:H130001",
            "scenario_key": "admission_discharge",
            "answer_text": "退院後の療養場所の希望を把握した",
        }
    ]
    bridge = _rows(
        returned, "select respondent_key, municipality_code5 from marts.bridge_hub_municipality order by all"
    )
    assert [(r["respondent_key"], r["municipality_code5"]) for r in bridge] == [
        ("hub:H010001", "01100"),
        ("hub:H130001", "13101"),
        ("hub:H130001", "13102"),
        ("hub:H130002", "13102"),
        ("hub:H130002", "13103"),
    ]


def test_the_cross_survey_view_puts_each_municipality_beside_its_hubs(returned: Path) -> None:
    registry = load_registry()
    rows = _rows(
        returned,
        "select municipality_code, linkage_key, hub_code, hub_operator_key, is_unlinked_despite_municipal_hub "
        "from marts.rpt_hub_municipal_linkage order by municipality_code, hub_code",
    )
    code6 = {c: registry.municipality(c).code6 for c in ("01100", "13101", "13102", "13103", "13104")}  # type: ignore[union-attr]
    assert [tuple(r.values()) for r in rows] == [
        (code6["01100"], None, "H010001", "municipality", False),
        (code6["13101"], "not_linked", "H130001", "municipality", True),  # says no linkage; its own hub serves it
        (code6["13102"], "all_linked", "H130001", "municipality", False),
        (code6["13102"], "all_linked", "H130002", "medical_association", False),
        (code6["13103"], None, "H130002", "medical_association", False),
        (code6["13104"], "unknown", None, None, False),
    ]


def test_the_gate_catches_each_skip_chain_violation(returned: Path, tmp_path: Path) -> None:
    result = run_gate(returned, 2025)
    with duckdb.connect(str(returned), read_only=True) as con:
        found = con.execute(
            "select rule, respondent_key, message from gate.findings where fiscal_year = 2025 order by rule"
        ).fetchall()
    rules = {(rule, key) for rule, key, _ in found}
    assert ("hub.s03_q02_sources__relevant", "hub:H130001") in rules
    assert ("hub.s13_q02_central_profession__relevant", "hub:H130002") in rules
    assert ("hub.s02_q06_meeting_issues__required", "hub:H130001") in rules
    messages = {rule: message for rule, _, message in found}
    assert "問3-1" in messages["hub.s03_q02_sources__relevant"]  # in Japanese, by question number
    assert {r.rule for r in result.rules if not r.success} >= {"hub.s03_q02_sources__relevant"}
