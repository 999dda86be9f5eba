"""A coordinator's experience (コーディネーター調査票 問4, 「〇年 〇ヶ月」) has one definition: the mart's
``experience_years`` and the report's chart of 問4 read the same number, years + months / 12, so that every
coordinator falls in the same printed band in both (a blank cell counts as 0 when the other is given).

Coordinators written by hand, one per municipality of 北海道, loaded straight into the raw schema.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import duckdb
import pytest

from tests.hand_returns import load_hand_returns
from warehouse.db import connect
from warehouse.ingest.store import prepare
from warehouse.report.charts import load_charts
from warehouse.transform.dbt import build, write_lookups

pytestmark = pytest.mark.slow  # a dbt build

#: municipality code → (年, ヶ月) as written (None: blank), the experience in years, and the band of the
#: report's chart 「市町村コーディネーターとしての経験年数」 it falls in.
HAND = {
    "01100": ((0, 6), 0.5, "0年より長く2年以下"),  # 6 months: more than 0 years, not 「0年」
    "01202": ((None, 8), 8 / 12, "0年より長く2年以下"),  # years left blank, 8 months: not 未回答
    "01203": ((2, 11), 2 + 11 / 12, "2年より長く4年以下"),  # more than 2 years
    "01204": ((2, 0), 2.0, "0年より長く2年以下"),  # exactly 2 years: at most 2
    "01205": ((0, 0), 0.0, "0年"),
    "01206": ((None, None), None, "未回答"),
    "01207": ((10, 1), 10 + 1 / 12, "10年より長い"),
}
CHART = "■ 市町村コーディネーターとしての経験年数（※前職でも実施の場合は通算年数）（n=1,676）"


def _answers(years: int | None, months: int | None) -> dict[str, object]:
    given = {"q4_experience_years": years, "q4_experience_months": months}
    return {key: value for key, value in given.items() if value is not None}


@pytest.fixture(scope="module")
def experience(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("experience") / "w.duckdb"
    with connect(db) as con:
        prepare(con)
    returns = {code: _answers(*cells) for code, (cells, _, _) in HAND.items()}
    load_hand_returns(db, 2023, "coordinator", returns)
    write_lookups(db)
    report = build(
        db,
        select=["+rpt_published_charts", "+fct_coordinator_profile"],
        args=("build", "--indirect-selection", "cautious"),
    )
    assert report.success, report.failures
    return db


def _band(value: float | None) -> str:
    """The printed band of the chart a number falls in, by the chart map's bands."""
    if value is None:
        return "未回答"
    chart = next(c for c in load_charts(2023, "coordinator") if c.chart_title == CHART)
    return next(r.option_label for r in chart.rows if r.band is not None and r.band.contains(value))


def test_the_mart_and_the_report_band_experience_alike(experience: Path) -> None:
    with duckdb.connect(str(experience), read_only=True) as con:
        mart = dict(
            con.execute(
                "select left(municipality_code, 5), experience_years from marts.fct_coordinator_profile "
                "where fiscal_year = 2023"
            ).fetchall()
        )
        charted = con.execute(
            "select option_label, n, respondents from report.rpt_published_charts "
            "where fiscal_year = 2023 and form = 'coordinator' and chart_title = ?",
            [CHART],
        ).fetchall()
    assert set(mart) == set(HAND)
    for code, (_, years, band) in HAND.items():
        assert mart[code] == (pytest.approx(years) if years is not None else None), code
        assert _band(mart[code]) == band, code
    assert {n for _, n, _ in charted} == {len(HAND)}
    report = {label: k for label, _, k in charted if k}
    assert report == Counter(_band(value) for value in mart.values())
    assert report == Counter(band for _, _, band in HAND.values())
