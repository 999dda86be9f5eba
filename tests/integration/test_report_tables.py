"""The report tables rebuild the published national figures from the answers, through dbt.

The calibrated national year is loaded into the ``raw`` schema straight from the generator (the
Excel round trip is proven by the ingest tests), so dbt counts exactly what the generator dealt.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse.report.charts import MISPRINTED_N, matches

pytestmark = pytest.mark.slow  # the calibrated national year, built by dbt

EDITION = 2023


def test_every_high_confidence_row_is_rebuilt(national: Path) -> None:
    with duckdb.connect(str(national), read_only=True) as con:
        rows = con.execute(
            """
            select form, question_id, chart_title, option_label, n, n_printed, respondents, percent_printed
            from report.rpt_published_charts
            where fiscal_year = ? and confidence = 'high' and value_kind <> 'unknown'
                and population not in ('core', 'field')
            """,
            [EDITION],
        ).fetchall()
    assert len(rows) > 1000
    failures = []
    for form, question, title, label, n, n_printed, k, printed in rows:
        expected_n = MISPRINTED_N.get((EDITION, form, question), n_printed)
        if n != expected_n or not matches(k, n_printed if n == n_printed else n, printed):
            failures.append(f"{form} {question} {title} {label}: {k}/{n} vs {printed}% of {n_printed}")
    assert failures == []
