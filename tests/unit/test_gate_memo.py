"""The gate's remembered verdicts: recalled only for the same suite over the same rows (in any order)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from warehouse.gate import memo

SUITE = {"expectations": [{"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "a", "mostly": 1.0}}]}


def _frame(values: list[object]) -> pd.DataFrame:
    return pd.DataFrame({"a": values}).astype(object)


def test_the_digest_is_the_rows_as_a_set_under_one_suite_and_version() -> None:
    base = memo.digest(_frame([True, None, False]), SUITE, "1.0")
    assert memo.digest(_frame([False, True, None]), SUITE, "1.0") == base  # another order
    assert memo.digest(_frame([True, None, True]), SUITE, "1.0") != base  # a value changed
    assert memo.digest(_frame([True, None, False, False]), SUITE, "1.0") != base  # a row more
    assert memo.digest(_frame([True, False, None]).rename(columns={"a": "b"}), SUITE, "1.0") != base
    other = {"expectations": [{**SUITE["expectations"][0], "kwargs": {"column": "a", "mostly": 0.9}}]}
    assert memo.digest(_frame([True, None, False]), other, "1.0") != base  # a tolerance changed
    assert memo.digest(_frame([True, None, False]), SUITE, "1.1") != base  # another GX


def test_a_year_keeps_the_verdicts_of_its_latest_run_only(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        assert memo.recall(con, 2023) == {}
        memo.remember(con, 2023, {"x": [True, False]})
        memo.remember(con, 2017, {"y": [True]})
        memo.remember(con, 2023, {"z": [False]})
        assert memo.recall(con, 2023) == {"z": [False]}
        assert memo.recall(con, 2017) == {"y": [True]}
