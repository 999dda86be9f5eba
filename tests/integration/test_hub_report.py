"""The 令和7年度 hub report rebuilt from the calibrated sample of 871 hubs, through dbt: every printed
percentage, every printed and implied n (with the report's misprinted n flagged, not fixed) and every
ranking the text states.

The sample is loaded into the ``raw`` schema straight from the generator (the Excel round trip of a hub
return is proven in ``test_hub_return.py``), so dbt counts exactly what the generator dealt; the ``every_edition``
fixture of tests/integration/conftest.py builds it once per session beside the legacy editions, shared with the
legacy report's, the docs' query and the site's tests.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb
import pytest

from warehouse.codebook.model import EDITIONS_DIR
from warehouse.report.charts import FLAG_PRINTED_N, matches, rank_holds

pytestmark = pytest.mark.slow  # the calibrated hub year, built by dbt

EDITION = 2025
PUBLISHED = EDITIONS_DIR / str(EDITION) / "published"


def _csv(name: str) -> list[dict[str, str]]:
    with (PUBLISHED / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def charts(every_edition: Path) -> list[dict[str, Any]]:
    with duckdb.connect(str(every_edition), read_only=True) as con:
        cursor = con.execute(
            "select * from report.rpt_published_charts where fiscal_year = ? order by chart_id, row_ordinal", [EDITION]
        )
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def test_every_printed_percentage_is_rebuilt(charts: list[dict[str, Any]]) -> None:
    results = _csv("published_r7_hub_results.csv")
    assert len(results) == 18
    failures = []
    for printed in results:
        found = [
            r
            for r in charts
            if r["question_id"] == printed["question_id"]
            and r["option_label"] == printed["option_label"]
            and r["population"] == "all"
        ]
        assert len(found) == 1, printed
        row = found[0]
        if row["n"] != int(printed["n_best"]) or not matches(row["respondents"], row["n"], printed["percent"]):
            failures.append(f"{printed['question_id']}: {row['respondents']}/{row['n']} vs {printed['percent']}%")
        assert row["percent_printed"] == printed["percent"]
    assert failures == []


def test_every_printed_and_implied_n_is_rebuilt_and_the_misprints_are_flagged(charts: list[dict[str, Any]]) -> None:
    questions = _csv("published_r7_hub_questions.csv")
    assert len(questions) == 57
    n_by_chart: dict[tuple[str, str], int] = {}
    for r in charts:
        n_by_chart[(r["question_id"], r["population"])] = r["n"]
    failures = []
    for q in questions:
        qid = q["question_id"]
        ns = {pop: n for (question, pop), n in n_by_chart.items() if question == qid}
        assert ns, qid
        flags = {r["flag"] for r in charts if r["question_id"] == qid}
        n = sum(ns.values()) if "all" not in ns else ns["all"]  # §14 splits the hubs in two
        printed = int(q["n_printed"]) if q["n_printed"] else None
        bounds = [int(x) for x in q["n_implied_range"].split("-")] if q["n_implied_range"] else [None]
        low, high = bounds[0], bounds[-1]
        if "does not match the filter" in q["note"]:
            # printed over the parent's base: the report table keeps both and flags the row
            if flags != {FLAG_PRINTED_N} or n == printed:
                failures.append(f"{qid}: misprinted n {printed} not flagged apart from the skip-logic n {n}")
            if low is not None and not low <= n <= high:
                failures.append(f"{qid}: skip-logic n {n} outside the implied {low}-{high}")
            continue
        if printed is not None and n != printed:
            failures.append(f"{qid}: n {n} vs printed {printed}")
        if low is not None and not low <= n <= high:
            failures.append(f"{qid}: n {n} outside the implied {low}-{high}")
    assert failures == []
    flagged = {r["question_id"]: (r["n"], r["n_printed"]) for r in charts if r["flag"] == FLAG_PRINTED_N}
    assert flagged["s02_q03"] == (559, 691)  # §C4 item 1: 691 printed, 559 hubs hold a meeting
    assert flagged["s03_q13"][1] == 526 and flagged["s03_q13"][0] < 526  # 「その他」: all list keepers printed


def test_every_printed_ranking_holds(charts: list[dict[str, Any]]) -> None:
    rankings = _csv("published_r7_hub_rankings.csv")
    assert len(rankings) == 53
    ranked = [r for r in charts if r["rank_printed"] is not None]
    by_chart: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in charts:
        by_chart[r["chart_id"]].append(r)
    failures = []
    for r in ranked:
        if not rank_holds(r, by_chart[r["chart_id"]]):
            failures.append(f"{r['question_id']} {r['option_label']}: printed {r['rank_printed']}, rebuilt {r}")
    assert failures == []
    # every statement is on a row: a joint statement (病院・診療所) on both charts
    statements = sum(len(r["question_id"].split("|")) for r in rankings)
    assert len(ranked) == statements


DOCS = Path(__file__).resolve().parents[2] / "docs" / "analysts.md"


def _hub_queries() -> list[str]:
    text = DOCS.read_text(encoding="utf-8")
    start = text.index("## The hubs (拠点調査, 令和7年度)")
    section = text[start : text.index("\n## ", start)]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def test_the_docs_questions_about_hubs_are_answered(every_edition: Path) -> None:
    queries = _hub_queries()
    assert len(queries) == 5
    with duckdb.connect(str(every_edition), read_only=True) as con:
        results = [con.execute(q).fetchall() for q in queries]
    by_operator, by_prefecture, needs, unlinked, linkage = results
    assert sum(row[1] for row in by_operator) == 871
    assert by_operator[0][:2] == ("市町村", 357)  # 41%, the largest group
    assert len(by_prefecture) == 47 and sum(row[2] for row in by_prefecture) == 559
    assert needs and all(text for *_, text in needs)
    # of the two 2023 municipal returns beside the hubs, 旭川市 reports no linkage although its own hub serves it
    assert unlinked == [("01", "旭川市", "連携していない", "H010002", "旭川市在宅医療連携拠点")]
    assert linkage[0][0] == "（市町村の回答なし）" and linkage[0][1] == 1741 - 2
    assert {row[:3] for row in linkage[1:]} == {("連携していない", 1, 1), ("全て連携している", 1, 1)}
