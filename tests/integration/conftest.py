"""Working files shared by several integration test files, built once per session: the calibrated legacy
editions and hub year beside a few 2023 municipal returns, and the returns of 2016, 2017 and 2023 written by
hand."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.direct_load import load_directly
from tests.hand_returns import load_hand_returns
from warehouse.db import connect
from warehouse.gate.run import QUALITY_MODELS
from warehouse.ingest.store import prepare
from warehouse.sample.generate import deal
from warehouse.transform import dbt as transform_dbt
from warehouse.transform.dbt import build, write_lookups

HUB_EDITION = 2025
#: The 8-item surveys of 平成27〜29年度 and Tokyo's, dealt in full (the forms are small).
LEGACY_EDITIONS = (2015, 2016, 2017)
EVERY_EDITION_MODELS = [
    "+rpt_published_charts",
    "+path:models/marts/across_years",  # the 8-item panels and summaries
    # what the site names the editions, questions, 事業項目 and prefectures by
    "+dim_survey_edition",
    "+dim_question",
    "+dim_program_item",
    "+dim_prefecture",
    "+dim_municipality",
    "+dim_municipality_population",
    "+dim_municipality_code",
    "+dim_initiative",
    "+path:models/marts/hub",
    "+int_hub__rule_checks",
    QUALITY_MODELS,
    "+dim_scenario",
    "+submissions",  # provenance, which the hubs' rows of a prefecture reader go through
    "disclosure",  # who may read each relation, for publishing the file
]
#: Tests run only where every model they read is built (the 2023 facts' relationships are not).
CAUTIOUS = ("build", "--indirect-selection", "cautious")
#: 2023 municipal answers to 問14 beside the hubs: 旭川市 reports no linkage although its own hub, run by the
#: city as the programme's operator, serves it; 札幌市 reports full linkage.
HUB_LINKAGE_2023 = {
    "01204": {"q14_base_linkage": 3},
    "01100": {"q14_base_linkage": 1},
}


@pytest.fixture(scope="session")
def every_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The calibrated legacy editions and hub year (seed 5), loaded directly and built by dbt, with two 2023
    municipal returns so that the municipalities' answers meet the hubs that serve them: every edition's report
    table, the hubs' marts and the legacy means, in one build."""
    db = tmp_path_factory.mktemp("every_edition") / "warehouse.duckdb"
    for edition in (*LEGACY_EDITIONS, HUB_EDITION):
        load_directly(db, deal(edition, seed=5))
    load_hand_returns(db, 2023, "municipality", HUB_LINKAGE_2023)
    write_lookups(db)
    report = build(db, select=EVERY_EDITION_MODELS, args=CAUTIOUS)
    assert report.success, report.failures
    return db


def _status(codes: str) -> dict[str, int]:
    """(ア)〜(ク) status codes: 1 実施している, 2 予定, 3 実施していない."""
    return {f"{item}_status": int(code) for item, code in zip("abcdefgh", codes, strict=True)}


#: The marts across editions and what the docs' queries join them with.
ACROSS_YEARS_MARTS = [
    "+path:models/marts/across_years",
    "+fct_legacy_challenge_support",
    "+bridge_program_item_initiative",
    "+fct_coordinator_headcount",
    "+fct_scenario_initiative",
    "+dim_prefecture",
    "+dim_program_item",
    "+dim_municipality_population",
    "+dim_municipality",
    "disclosure",
]

HAND_RETURNS = {
    2016: {
        "01100": {**_status("11323113"), "support_received": 1},  # 札幌市: a b f g
        "01202": _status("33333333"),  # 函館市: none
        "04423": _status("11333333"),  # 富谷町 (富谷市 04216 from 2016-10-10): a b
    },
    2017: {
        "01100": {  # a c d f g; b dropped, c and d added, e planned
            **_status("13112113"),
            "a_outsourced": 1,
            "a_contractor": 1,
            "c_outsourced": 2,
            "challenges": frozenset({1, 2}),
            "support_wanted": frozenset({1}),
        },
        "01202": _status("11111111"),  # every item added
        "01203": _status("33333333"),  # 小樽市: first return
        "02201": _status("11333333"),  # 青森市: first return, a b
        "04216": _status("11133333"),  # 富谷市, the same member as 富谷町: c added
    },
    2023: {
        "01100": {"q13_coordinator": 1, "q4_daily_care_engaged": 1, "q4_6_1_daily_care_initiatives": frozenset({5})},
        "01202": {"q13_coordinator": 2},
    },
}


@pytest.fixture(scope="session")
def across_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-written returns of 2016, 2017 and 2023, built into the marts across editions."""
    db = tmp_path_factory.mktemp("across_years") / "warehouse.duckdb"
    with connect(db) as con:
        prepare(con)
    for edition, returns in HAND_RETURNS.items():
        load_hand_returns(db, edition, "municipality", returns)
    write_lookups(db)
    report = build(db, select=ACROSS_YEARS_MARTS, args=("run",))
    assert report.success, report.failures
    return db


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the dbt project that builds use for the test, to regenerate the per-form models of a changed
    codebook into (``dbt_models.write(project / dbt_models.FORMS_FOLDER)``)."""
    copy = tmp_path / "dbt_project"
    shutil.copytree(transform_dbt.PROJECT_DIR, copy, ignore=shutil.ignore_patterns("target", "logs"))
    monkeypatch.setattr(transform_dbt, "PROJECT_DIR", copy)
    return copy
