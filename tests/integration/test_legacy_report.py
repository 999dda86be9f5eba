"""The report table rebuilds the published figures of the legacy surveys from the calibrated sample.

The three editions of the 8-item 実施状況調査 and both years of Tokyo's survey are dealt in full (the
forms are small), loaded straight into the raw schema and built by dbt, beside the hub year
(``every_edition`` in ``tests/integration/conftest.py``).
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from warehouse.report.charts import FLAG_BAND_SOURCE, counts_for, matches, published_csv

#: The report's band sizes (implied, published_other_notes.md §3.3) and the 2015 census bands the warehouse
#: cuts 平成29年度 by (reference data SOURCE.md: no sourced population gives the report's).
PRINTED_BANDS = {
    "5万人未満": 1185,
    "5万人以上10万人未満": 269,
    "10万人以上20万人未満": 155,
    "20万人以上50万人未満": 97,
    "50万人以上": 35,
}
CENSUS_BANDS = {
    "5万人未満": 1197,
    "5万人以上10万人未満": 262,
    "10万人以上20万人未満": 153,
    "20万人以上50万人未満": 94,
    "50万人以上": 35,
}
#: Band rows a count over the warehouse's band n could print but the sample does not give (row → the sample's
#: count, the counts that would print). Each band's counts must add up to the item's national counts, which
#: the census bands do not split as the report's bands do: (カ) 不実施 is 77 nationally, but 73 of 1,197,
#: 3 of 262 and 2 of 153 are what print as its band shares, so one of them cannot be had; the others are
#: where the sample's fit (legacy._fit_bands) settles.
BAND_ROWS_OFF = {
    "問1（ウ）人口規模別 50万人以上 実施していない": (1, [2]),
    "問1（オ）人口規模別 5万人以上10万人未満 実施している": (159, [156]),
    "問1（カ）人口規模別 5万人未満 実施している": (913, [912]),
    "問1（カ）人口規模別 5万人未満 実施していない": (72, [73]),
    "問1（キ）人口規模別 5万人未満 実施している": (713, [711]),
}
COLUMNS = (
    "fiscal_year, form, question_id, option_label, item_key, n, n_printed, respondents, percent, "
    "percent_printed, count_printed, confidence, flag, breakdown"
)


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


def test_every_high_confidence_legacy_row_is_rebuilt(every_edition: Path) -> None:
    rows = _rows(every_edition, "fiscal_year < 2023 and form = 'municipality' and breakdown is null")
    with published_csv(2017, "published_legacy_results.csv").open(encoding="utf-8") as handle:
        printed = [r for r in csv.DictReader(handle) if r["source"] == "000"]
    assert len(rows) == len(printed) - 85 == 173  # 258 printed shares of seed 000; the 85 band rows below
    high = [r for r in rows if r["confidence"] == "high"]
    assert len(high) == sum(1 for r in printed if r["confidence"] == "high") == 158
    failures = {f"{r['fiscal_year']} {r['question_id']} {r['option_label']}": _mismatch(r) for r in rows}
    failures = {k: v for k, v in failures.items() if v}
    # the one printed figure no sample can give: H27 704 + 690 = 1,394 respondents for n = 1,393
    assert failures == {"2015 問2 支援無し": "count 689 vs printed 690"}
    flagged = [r for r in rows if r["flag"]]
    assert sorted((r["fiscal_year"], r["option_label"]) for r in flagged) == [(2015, "支援あり"), (2015, "支援無し")]


def test_population_band_rows_by_the_warehouse_bands(every_edition: Path) -> None:
    """Every printed band share is in the report table with the printed n beside the census band's n and
    flagged; each one a count over the census band's n prints as matches, except those listed, and the
    rest no count over that n prints (listed with the nearest share)."""
    rows = _rows(every_edition, "fiscal_year = 2017 and form = 'municipality' and breakdown is not null")
    assert len(rows) == 85
    assert {(r["breakdown"], r["n_printed"], r["n"]) for r in rows} == {
        (band, PRINTED_BANDS[band], CENSUS_BANDS[band]) for band in PRINTED_BANDS
    }
    assert {r["flag"] for r in rows if r["breakdown"] != "50万人以上"} == {FLAG_BAND_SOURCE}
    assert {r["flag"] for r in rows if r["breakdown"] == "50万人以上"} == {None}  # same n both ways
    matched, off, unreachable = [], {}, {}
    for r in rows:
        key = f"{r['question_id']} {r['breakdown']} {r['option_label']}"
        fits = counts_for(r["percent_printed"], r["n"])
        if matches(r["respondents"], r["n"], r["percent_printed"]):
            matched.append(key)
        elif fits:
            off[key] = (r["respondents"], fits)
        else:  # no count over the census band's n prints the share: the nearest share that one does
            nearest = min(range(r["n"] + 1), key=lambda k: abs(100 * k / r["n"] - float(r["percent_printed"])))
            unreachable[key] = (r["percent_printed"], round(100 * nearest / r["n"], 1), r["percent"])
    assert off == BAND_ROWS_OFF
    assert len(matched) == 39 and len(unreachable) == 41
    # the sample stays near those shares (the worst: (ウ) 10万–20万 予定 19.6 % for a printed 21.3 %)
    worst = max(abs(sample - float(printed)) for printed, _, sample in unreachable.values())
    assert worst < 2, sorted(unreachable.items(), key=lambda kv: -abs(kv[1][2] - float(kv[1][0])))[:5]


def test_tokyo_table_is_rebuilt_exactly(every_edition: Path) -> None:
    rows = _rows(every_edition, "form = 'tokyo_municipality'")
    assert len(rows) == 29
    assert [r for r in rows if _mismatch(r) or r["n"] != 53 or r["respondents"] != r["count_printed"]] == []
    assert all(f"{r['percent']:.1f}" == r["percent_printed"] for r in rows)
    flagged = {(r["fiscal_year"], r["item_key"]) for r in rows if r["flag"]}
    assert flagged == {(y, k) for y in (2015, 2016) for k in ("d_info_tool", "e_consultation_desk")}


#: How each published mean number of items is computed (the reports do not say): 平成28年度's 4.2 is the
#: pooled mean; 平成29年度's 「平均5.7個」 is not (9,665 / 1,741 = 5.55) but the mean of the prefecture means.
MEAN_METHODS = {2016: "pooled", 2017: "mean_of_prefecture_means"}


def test_the_published_mean_number_of_items_and_its_method(every_edition: Path) -> None:
    path = published_csv(2017, "published_legacy_other_figures.csv")
    with path.open(encoding="utf-8") as handle:
        printed = {(int(r["edition"]), r["value"]) for r in csv.DictReader(handle) if r["measure"] == "mean_items"}
    assert {edition for edition, _ in printed} == set(MEAN_METHODS)
    with duckdb.connect(str(every_edition), read_only=True) as con:
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
