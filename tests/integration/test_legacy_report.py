"""The report table rebuilds the published figures of the legacy surveys from the calibrated sample.

The three editions of the 8-item 実施状況調査 and both years of Tokyo's survey are dealt in full (the
forms are small), loaded straight into the raw schema and built by dbt into one warehouse.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from tests.direct_load import load_directly
from warehouse.codebook.charts import matches, published_csv
from warehouse.sample.generate import deal
from warehouse.transform.dbt import build, write_lookups

EDITIONS = (2015, 2016, 2017)
#: Rows of the published file the report does not rebuild, and why.
NOT_REBUILT = {
    "status_by_item_popband": (
        "medium confidence, and no sourced population gives the report's band sizes 1,185/269/155/97/35 (the "
        "2015 census gives 1,197/262/153/94/35; warehouse/reference/data/SOURCE.md), so n cannot match"
    ),
}
COLUMNS = (
    "fiscal_year, form, question_id, option_label, item_key, n, n_printed, respondents, percent, "
    "percent_printed, count_printed, confidence, flag"
)


@pytest.fixture(scope="module")
def legacy_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("legacy") / "warehouse.duckdb"
    for edition in EDITIONS:
        load_directly(db, deal(edition, seed=5))
    write_lookups(db)
    report = build(db, select=["+rpt_published_charts"])
    assert report.success, report.failures
    return db


def _rows(db: Path, where: str) -> list[dict]:
    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute(f"select {COLUMNS} from report.rpt_published_charts where {where}")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _mismatch(row: dict) -> str | None:
    """Why a rebuilt row differs from the printed one (n, share at printed precision, count), if it does."""
    if row["n_printed"] is not None and row["n"] != row["n_printed"]:
        return f"n {row['n']} vs {row['n_printed']}"
    if not matches(row["respondents"], row["n"], row["percent_printed"]):
        return f"{row['respondents']}/{row['n']} vs {row['percent_printed']}%"
    if row["count_printed"] is not None and row["respondents"] != row["count_printed"]:
        return f"count {row['respondents']} vs printed {row['count_printed']}"
    return None


def test_every_high_confidence_legacy_row_is_rebuilt(legacy_warehouse: Path) -> None:
    rows = _rows(legacy_warehouse, "fiscal_year < 2023 and form = 'municipality'")
    with published_csv(2017, "published_legacy_results.csv").open(encoding="utf-8") as handle:
        printed = [r for r in csv.DictReader(handle) if r["source"] == "000"]
    rebuilt = [r for r in printed if r["table"] not in NOT_REBUILT]
    assert len(rows) == len(rebuilt) == 173  # 258 printed shares of seed 000, less 85 population-band rows
    high = [r for r in rows if r["confidence"] == "high"]
    assert len(high) == sum(1 for r in printed if r["confidence"] == "high") == 158
    failures = {f"{r['fiscal_year']} {r['question_id']} {r['option_label']}": _mismatch(r) for r in rows}
    failures = {k: v for k, v in failures.items() if v}
    # the one printed figure no sample can give: H27 704 + 690 = 1,394 respondents for n = 1,393
    assert failures == {"2015 問2 支援無し": "count 689 vs printed 690"}
    flagged = [r for r in rows if r["flag"]]
    assert sorted((r["fiscal_year"], r["option_label"]) for r in flagged) == [(2015, "支援あり"), (2015, "支援無し")]


def test_tokyo_table_is_rebuilt_exactly(legacy_warehouse: Path) -> None:
    rows = _rows(legacy_warehouse, "form = 'tokyo_municipality'")
    assert len(rows) == 29
    assert [r for r in rows if _mismatch(r) or r["n"] != 53 or r["respondents"] != r["count_printed"]] == []
    assert all(f"{r['percent']:.1f}" == r["percent_printed"] for r in rows)
    flagged = {(r["fiscal_year"], r["item_key"]) for r in rows if r["flag"]}
    assert flagged == {(y, k) for y in (2015, 2016) for k in ("d_info_tool", "e_consultation_desk")}


#: How each published mean number of items is computed (the reports do not say): 平成28年度's 4.2 is the
#: pooled mean; 平成29年度's 「平均5.7個」 is not (9,665 / 1,741 = 5.55) but the mean of the prefecture means.
MEAN_METHODS = {2016: "pooled", 2017: "mean_of_prefecture_means"}


def test_the_published_mean_number_of_items_and_its_method(legacy_warehouse: Path) -> None:
    report = build(
        legacy_warehouse,
        select=["+agg_program_items_mean"],
        args=("run",),
    )
    assert report.success, report.failures
    path = published_csv(2017, "published_legacy_other_figures.csv")
    with path.open(encoding="utf-8") as handle:
        printed = {(int(r["edition"]), r["value"]) for r in csv.DictReader(handle) if r["measure"] == "mean_items"}
    assert {edition for edition, _ in printed} == set(MEAN_METHODS)
    with duckdb.connect(str(legacy_warehouse), read_only=True) as con:
        means = dict(
            ((year, method), mean)
            for year, method, mean in con.execute(
                "select fiscal_year, mean_method, mean_items from marts.agg_program_items_mean "
                "where scope = 'national' and form = 'municipality'"
            ).fetchall()
        )
    for edition, value in printed:
        assert f"{means[(edition, MEAN_METHODS[edition])]:.1f}" == value, (edition, value)
    assert f"{means[(2017, 'pooled')]:.2f}" == "5.55"  # the national mean does not give the printed 5.7
