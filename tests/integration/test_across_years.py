"""The marts across editions, on returns of 2016, 2017 and 2023 written by hand.

Every expected figure below is worked out on paper from the returns: the transitions of the panel,
委託 and 委託先, the per-prefecture counts and both means, and the year-over-year queries of docs/analysts.md.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from tests.hand_returns import load_hand_returns
from warehouse.db import connect
from warehouse.ingest.store import prepare
from warehouse.transform.dbt import build, write_lookups

DOCS = Path(__file__).resolve().parents[2] / "docs" / "analysts.md"
#: The marts across editions and what the docs' queries join them with.
MARTS = [
    "+path:models/marts/across_years",
    "+fct_legacy_challenge_support",
    "+bridge_program_item_initiative",
    "+fct_coordinator_headcount",
    "+fct_scenario_initiative",
    "dim_prefecture",
    "dim_program_item",
]


def _status(codes: str) -> dict[str, int]:
    """(ア)〜(ク) status codes: 1 実施している, 2 予定, 3 実施していない."""
    return {f"{item}_status": int(code) for item, code in zip("abcdefgh", codes, strict=True)}


RETURNS = {
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


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("across_years") / "warehouse.duckdb"
    with connect(db) as con:
        prepare(con)
    for edition, returns in RETURNS.items():
        load_hand_returns(db, edition, "municipality", returns)
    write_lookups(db)
    report = build(db, select=MARTS, args=("run",))
    assert report.success, report.failures
    return db


def _rows(db: Path, query: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query).fetchall()


def test_the_panel_shows_each_municipality_s_transitions(built: Path) -> None:
    transitions = _rows(
        built,
        "select municipality_code, program_item, previous_fiscal_year, transition from marts.fct_program_item_panel "
        "where fiscal_year = 2017 and municipality_code in ('011002', '012033') order by all",
    )
    sapporo = {item: t for code, item, _, t in transitions if code == "011002"}
    assert sapporo == dict(
        zip("abcdefgh", ["kept", "dropped", "added", "added", "never", "kept", "kept", "never"], strict=True)
    )
    assert {(previous, t) for code, _, previous, t in transitions if code == "012033"} == {(None, "first")}
    assert _rows(
        built,
        "select municipality_code, previous_fiscal_year, items_implemented, items_implemented_or_planned, "
        "items_added, items_dropped from marts.fct_municipality_panel where fiscal_year = 2017 order by all",
    ) == [
        ("011002", 2016, 5, 6, ["c", "d"], ["b"]),
        ("012025", 2016, 8, 8, list("abcdefgh"), []),
        ("012033", None, 0, 0, [], []),
        ("022012", None, 2, 2, [], []),
        ("042161", 2016, 3, 3, ["c"], []),  # one member across the code change
    ]


def test_outsourcing_and_difficulties_follow_the_skip_logic(built: Path) -> None:
    assert _rows(
        built,
        "select program_item, status_key, is_outsourced, outsourced_status, contractor_key, contractor_status "
        "from marts.fct_program_item_status where fiscal_year = 2017 and municipality_code = '011002' "
        "and program_item in ('a', 'b', 'c') order by all",
    ) == [
        ("a", "implemented", True, "answered", "medical_association", "answered"),
        ("b", "not_implemented", None, "skipped", None, "skipped"),
        ("c", "implemented", False, "answered", None, "skipped"),
    ]
    assert _rows(
        built,
        "select fiscal_year, option_list, option_key from marts.fct_legacy_challenge_support "
        "where municipality_code = '011002' and (is_challenge or is_support_wanted or is_support_received) "
        "order by all",
    ) == [(2016, "support", "received"), (2017, "challenges", "budget"), (2017, "challenges", "know_how"),
          (2017, "support", "resource_data")]  # fmt: skip


def test_prefecture_summary_and_both_means(built: Path) -> None:
    assert _rows(
        built,
        "select fiscal_year, prefecture_code, municipalities_implementing, municipalities_implementing_or_planning "
        "from marts.agg_program_items_by_prefecture where program_item = 'e' order by all",
    ) == [(2016, "01", 0, 0), (2016, "04", 0, 0), (2017, "01", 1, 2), (2017, "02", 0, 0), (2017, "04", 0, 0)]
    means = _rows(
        built,
        "select fiscal_year, mean_method, municipalities, items_implemented, round(mean_items, 4) "
        "from marts.agg_program_items_mean where scope = 'national' order by all",
    )
    assert means == [
        (2016, "mean_of_prefecture_means", 3, 6, 2.0),
        (2016, "pooled", 3, 6, 2.0),
        (2017, "mean_of_prefecture_means", 5, 18, round((13 / 3 + 2 + 3) / 3, 4)),
        (2017, "pooled", 5, 18, 3.6),
    ]


def _year_over_year_queries() -> list[str]:
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("## Across the years") :]
    section = section[: section.index("\n## ", 1)]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def test_the_year_over_year_queries_of_the_docs(built: Path) -> None:
    per_prefecture, coordinator, moves, beside, means = _year_over_year_queries()
    assert _rows(built, per_prefecture) == [
        ("北海道", item, before, after)
        for item, before, after in zip("abcdefgh", [1, 1, 0, 0, 0, 1, 1, 0], [2, 1, 2, 2, 1, 2, 2, 1], strict=True)
    ] + [("青森県", item, None, 1 if item in "ab" else 0) for item in "abcdefgh"] + [
        ("宮城県", item, 1 if item in "ab" else 0, 1 if item in "abc" else 0) for item in "abcdefgh"
    ]
    assert _rows(built, coordinator) == [("implemented", "absent", 1), ("planned", "present", 1)]
    assert ("b", "dropped", 1) in _rows(built, moves)
    sapporo = _rows(built, beside)
    assert ("f", "医療・介護関係者の研修", "do", "implemented", "multidisciplinary_network", True) in sapporo
    assert {row[0] for row in sapporo} == set("abcdefgh")
    assert len(_rows(built, means)) == 4
