"""Counting the generated answers reproduces every high-confidence published percentage."""

from __future__ import annotations

from functools import cache

import pytest

from warehouse.codebook import expressions as ex
from warehouse.codebook import load_edition
from warehouse.codebook.validate import violations
from warehouse.report.charts import (
    MISPRINTED_N,
    MISSING,
    UNKNOWN,
    Chart,
    ChartRow,
    charted_number,
    finer_part,
    load_charts,
    matches,
)
from warehouse.sample.generate import Sample, deal


@cache
def sample() -> Sample:
    return deal(2023, seed=5)


def _members(s: Sample, form: str, population: str) -> list[str]:
    return [rid for rid, r in s.respondents.items() if r.form == form and population in ("all", r.population)]


def count(s: Sample, chart: Chart, row: ChartRow) -> tuple[int, int]:
    """(count, n) of one published row, counted from the generated answers as the report counts (a number
    asked in two cells, 〇年〇ヶ月, as the one number the report bands)."""
    cb = load_edition(2023)[chart.form]
    item = cb.item(row.item_key)
    applies = [
        s.answers[rid]
        for rid in _members(s, chart.form, chart.population)
        if item.relevant is None or ex.evaluate(item.relevant, s.answers[rid])
    ]
    values = [charted_number(cb, item, a) if item.type == "number" else a.get(item.key) for a in applies]
    if row.value == MISSING:
        k = sum(1 for v in values if v in (None, frozenset(), ""))
    elif row.band is not None:
        k = sum(1 for v in values if v is not None and row.band.contains(float(v)))
    elif item.type == "multiple":
        k = sum(1 for v in values if v and row.value in v)
    else:
        k = sum(1 for v in values if v == row.value)
    return k, len(applies)


def _rows(form: str) -> list[tuple[Chart, ChartRow]]:
    return [(c, r) for c in load_charts(2023, form) for r in c.rows if c.population not in ("core", "field")]


@pytest.mark.parametrize("form", ["prefecture", "municipality", "coordinator"])
def test_high_confidence_rows_reproduced(form: str) -> None:
    s = sample()
    failures = []
    checked = 0
    for chart, row in _rows(form):
        if row.confidence != "high" or row.value == UNKNOWN:
            continue
        k, n = count(s, chart, row)
        expected_n = MISPRINTED_N.get((2023, form, chart.question_id), chart.n)
        checked += 1
        if n != expected_n or not matches(k, chart.n if n == chart.n else n, row.percent):
            failures.append(f"{chart.question_id} {row.option_label}: {k}/{n} vs {row.percent}% of {chart.n}")
    assert checked > 0
    assert failures == []


@pytest.mark.parametrize("form", ["prefecture", "municipality", "coordinator"])
def test_clean_answers_follow_the_skip_logic(form: str) -> None:
    """No off-path answer; a required item is blank only where the report prints a 未回答 share."""
    s = sample()
    cb = load_edition(2023)[form]
    with_missing = {r.item_key for c in load_charts(2023, form) for r in c.rows if r.value == MISSING}
    with_missing |= {finer[0].key for key in with_missing if (finer := finer_part(cb, cb.item(key))) is not None}
    off_path, unexpected_blank = [], []
    for rid, r in s.respondents.items():
        if r.form != form:
            continue
        for v in violations(cb, s.answers[rid]):
            if v.rule == "relevant":
                off_path.append((rid, v.item_key))
            if v.rule == "required" and v.item_key not in with_missing:
                unexpected_blank.append((rid, v.item_key))
    assert off_path == []
    assert unexpected_blank == []


def test_population_counts() -> None:
    s = sample()
    forms = [r.form for r in s.respondents.values()]
    assert forms.count("prefecture") == 47
    assert forms.count("municipality") == 1741
    levels = [r.population for r in s.respondents.values() if r.form == "coordinator"]
    assert (levels.count("prefecture_level"), levels.count("municipal")) == (21, 1676)
