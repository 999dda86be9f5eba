"""The coordinator analysis of the report's 参考資料: ``report.rpt_coordinator_initiatives`` rebuilds,
on the calibrated national year, every printed χ² p-value the sample's counts can give, at printed
precision, and the calibration's own list of those it could not reach is exactly the rest."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse.report.presence_tests import chi_square, formatted, p_value, prints_as
from warehouse.sample.generate import deal

pytestmark = pytest.mark.slow  # the calibrated national year, built by dbt


def test_printed_p_values_are_reproduced(national: Path) -> None:
    with duckdb.connect(str(national), read_only=True) as con:
        rows = con.execute(
            """
            select scenario_key, option_code, with_done, with_n, without_done, without_n, p_value,
                p_value_formatted, p_value_printed, p_value_matches
            from report.rpt_coordinator_initiatives where fiscal_year = 2023 and p_value_printed is not null
            """
        ).fetchall()
    assert len(rows) == 101
    for scenario, code, a, n1, c, n0, p, shown, printed, matches in rows:
        exact = p_value(chi_square(a, n1, c, n0))
        assert abs(p - exact) < 1e-6, (scenario, code)  # the SQL's erfc against Python's
        assert shown == formatted(exact)
        assert matches == prints_as(exact, printed), (scenario, code, shown, printed)
    reproduced = {(s, code) for s, code, *_, matches in rows if matches}
    outcomes = deal(2023, seed=5).presence
    expected = {(o.test.scenario_key, o.test.option_code) for o in outcomes if o.reproduced}
    assert reproduced == expected
    assert len(reproduced) >= 91, sorted(set((o.test.scenario_key, o.test.option_code) for o in outcomes) - reproduced)
