"""The bands the sample calibrates against are the ones the report table counts by."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from warehouse.codebook import load
from warehouse.reference.populations import band_of_members, bands
from warehouse.report.charts import load_charts


def test_the_2017_members_fall_in_the_2015_census_bands() -> None:
    cb = load(2017, "municipality")
    counts = Counter(band_of_members(cb.code_date).values())
    assert [counts[b.label] for b in bands()] == [1197, 262, 153, 94, 35]
    assert sum(counts.values()) == 1741


def test_every_band_chart_names_a_band_of_the_reference_list() -> None:
    labels = {b.label for b in bands()}
    charts = [c for c in load_charts(2017, "municipality") if c.population_band]
    assert len(charts) == 34 and sum(len(c.rows) for c in charts) == 85
    assert {c.population_band for c in charts} == labels
    assert all(
        c.population == f"popband_{next(b.order for b in bands() if b.label == c.population_band)}" for c in charts
    )


def test_a_day_before_any_population_has_no_bands() -> None:
    assert band_of_members(dt.date(2015, 1, 1)) == {}
