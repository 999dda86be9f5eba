"""The marts across editions, on returns of 2016, 2017 and 2023 written by hand (``HAND_RETURNS`` of
tests/integration/conftest.py, built once per session by its ``across_years`` fixture).

Every expected figure below is worked out on paper from the returns: the transitions of the panel,
委託 and 委託先, the per-prefecture counts and both means, and the year-over-year queries of docs/analysts.md.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from warehouse.gate.frames import cross_frame
from warehouse.gate.run import QUALITY_MODELS
from warehouse.transform.dbt import build

pytestmark = pytest.mark.slow  # the marts across editions, built by dbt

DOCS = Path(__file__).resolve().parents[2] / "docs" / "analysts.md"


def _rows(db: Path, query: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query).fetchall()


def test_the_panel_shows_each_municipality_s_transitions(across_years: Path) -> None:
    transitions = _rows(
        across_years,
        "select municipality_code, program_item, previous_fiscal_year, transition from marts.fct_program_item_panel "
        "where fiscal_year = 2017 and municipality_code in ('011002', '012033') order by all",
    )
    sapporo = {item: t for code, item, _, t in transitions if code == "011002"}
    assert sapporo == dict(
        zip("abcdefgh", ["kept", "dropped", "added", "added", "never", "kept", "kept", "never"], strict=True)
    )
    assert {(previous, t) for code, _, previous, t in transitions if code == "012033"} == {(None, "first")}
    assert _rows(
        across_years,
        "select municipality_code, previous_fiscal_year, items_implemented, items_implemented_or_planned, "
        "items_added, items_dropped from marts.fct_municipality_panel where fiscal_year = 2017 order by all",
    ) == [
        ("011002", 2016, 5, 6, ["c", "d"], ["b"]),
        ("012025", 2016, 8, 8, list("abcdefgh"), []),
        ("012033", None, 0, 0, [], []),
        ("022012", None, 2, 2, [], []),
        ("042161", 2016, 3, 3, ["c"], []),  # one member across the code change
    ]


def test_outsourcing_and_difficulties_follow_the_skip_logic(across_years: Path) -> None:
    assert _rows(
        across_years,
        "select program_item, status_key, is_outsourced, outsourced_status, contractor_key, contractor_status "
        "from marts.fct_program_item_status where fiscal_year = 2017 and municipality_code = '011002' "
        "and program_item in ('a', 'b', 'c') order by all",
    ) == [
        ("a", "implemented", True, "answered", "medical_association", "answered"),
        ("b", "not_implemented", None, "skipped", None, "skipped"),
        ("c", "implemented", False, "answered", None, "skipped"),
    ]
    assert _rows(
        across_years,
        "select fiscal_year, option_list, option_key from marts.fct_legacy_challenge_support "
        "where municipality_code = '011002' and (is_challenge or is_support_wanted or is_support_received) "
        "order by all",
    ) == [(2016, "support", "received"), (2017, "challenges", "budget"), (2017, "challenges", "know_how"),
          (2017, "support", "resource_data")]  # fmt: skip


def test_prefecture_summary_and_both_means(across_years: Path) -> None:
    assert _rows(
        across_years,
        "select fiscal_year, prefecture_code, municipalities_implementing, municipalities_implementing_or_planning "
        "from marts.agg_program_items_by_prefecture where program_item = 'e' order by all",
    ) == [(2016, "01", 0, 0), (2016, "04", 0, 0), (2017, "01", 1, 2), (2017, "02", 0, 0), (2017, "04", 0, 0)]
    means = _rows(
        across_years,
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


def test_the_year_over_year_queries_of_the_docs(across_years: Path) -> None:
    per_prefecture, coordinator, moves, beside, means = _year_over_year_queries()
    assert _rows(across_years, per_prefecture) == [
        ("北海道", item, before, after)
        for item, before, after in zip("abcdefgh", [1, 1, 0, 0, 0, 1, 1, 0], [2, 1, 2, 2, 1, 2, 2, 1], strict=True)
    ] + [("青森県", item, None, 1 if item in "ab" else 0) for item in "abcdefgh"] + [
        ("宮城県", item, 1 if item in "ab" else 0, 1 if item in "abc" else 0) for item in "abcdefgh"
    ]
    assert _rows(across_years, coordinator) == [("implemented", "absent", 1), ("planned", "present", 1)]
    assert ("b", "dropped", 1) in _rows(across_years, moves)
    sapporo = _rows(across_years, beside)
    assert ("f", "医療・介護関係者の研修", "do", "implemented", "multidisciplinary_network", True) in sapporo
    assert {row[0] for row in sapporo} == set("abcdefgh")
    assert len(_rows(across_years, means)) == 4


def test_the_gate_frames_of_an_edition_hold_its_returns_only(across_years: Path, tmp_path: Path) -> None:
    """A working file holds several editions, and a municipality answers each: the 2023 frame of coordinator
    presence holds the two 2023 returns, not 札幌市's and 函館市's 2016 and 2017 returns joined to their 2023
    answers (a frame once read every edition's returns of a respondent key, and flagged legacy returns)."""
    db = tmp_path / "w.duckdb"
    shutil.copy(across_years, db)
    assert build(db, select=[QUALITY_MODELS], args=("run",)).success
    with duckdb.connect(str(db), read_only=True) as con:
        presence = cross_frame(con, "coordinator_presence", 2023)
        years = dict(con.execute("select submission_id, fiscal_year from staging.stg_raw__submissions").fetchall())
    assert sorted(years[s] for s in presence["submission_id"]) == [2023, 2023]
    assert sorted(presence["respondent_code"]) == ["01100", "01202"]
    assert sorted(presence["reported_present"]) == [False, True]
    assert sorted(years.values()).count(2016) == 3, "the legacy returns are there to be left out"
