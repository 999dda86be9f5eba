"""The published charts of an edition, joined to the codebook items they count.

``editions/<year>/charts_<form>.yaml`` says which item and value each printed percentage of the
report counts; ``editions/<year>/published/`` holds the printed figures.  The sample generator is
calibrated from this join and the report tables are checked against it.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

import yaml

from warehouse.codebook.model import EDITIONS_DIR

#: Who a chart counts, as a rule on the respondent's answers; charts without one count everybody.
#: Coordinators are prefecture-level when they gave no municipal code; 基幹的/現場的 follow 問5-4-1.
POPULATIONS: dict[str, dict[str, str]] = {
    "coordinator": {
        "prefecture_level": "not answered(${f1_1_municipality_code})",
        "municipal": "answered(${f1_1_municipality_code})",
        "core": "${q5_4_1_respondent_is_core} = 1",
        "field": "${q5_4_1_respondent_is_core} = 2",
    }
}
#: Published n that the report itself misprints, with the n its own figures imply (see the notes).
MISPRINTED_N: dict[tuple[int, str, str], int] = {(2023, "municipality", "問6-7"): 785}
MISSING = "missing"
UNKNOWN = "unknown"
_BAND = re.compile(
    r"^(?:=(?P<eq>-?[\d.]+)|>(?P<gt>-?[\d.]+)|(?P<lo_b>[\[(])(?P<lo>-?[\d.]+),(?P<hi>-?[\d.]+)(?P<hi_b>[\])]))$"
)


@dataclass(frozen=True)
class Band:
    """A numeric band of a published chart, e.g. ``(0,2]`` = more than 0 and at most 2."""

    text: str
    low: float
    high: float
    low_closed: bool
    high_closed: bool

    def contains(self, value: float) -> bool:
        above = value >= self.low if self.low_closed else value > self.low
        below = value <= self.high if self.high_closed else value < self.high
        return above and below


def parse_band(text: str) -> Band:
    m = _BAND.match(text.replace(" ", ""))
    if not m:
        raise ValueError(f"not a band: {text!r}")
    if m["eq"] is not None:
        v = float(m["eq"])
        return Band(text, v, v, True, True)
    if m["gt"] is not None:
        return Band(text, float(m["gt"]), math.inf, False, False)
    return Band(text, float(m["lo"]), float(m["hi"]), m["lo_b"] == "[", m["hi_b"] == "]")


@dataclass(frozen=True)
class ChartRow:
    option_label: str
    item_key: str
    value: int | str  # option code, MISSING, UNKNOWN, or a band text
    percent: str  # as printed
    confidence: str

    @property
    def band(self) -> Band | None:
        if isinstance(self.value, str) and self.value not in (MISSING, UNKNOWN):
            return parse_band(self.value)
        return None


@dataclass(frozen=True)
class Chart:
    form: str
    question_id: str
    chart_title: str
    population: str
    n: int
    rows: tuple[ChartRow, ...]

    @property
    def item_keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.item_key for r in self.rows))


def published_csv(edition: int) -> Path:
    return EDITIONS_DIR / str(edition) / "published" / "published_r5_results.csv"


@cache
def published(edition: int) -> tuple[dict[str, str], ...]:
    with published_csv(edition).open(encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


@cache
def load_charts(edition: int, form: str) -> tuple[Chart, ...]:
    """Every published chart of a form, with its printed figures; raises if the map and CSV disagree."""
    path = EDITIONS_DIR / str(edition) / f"charts_{form}.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    printed: dict[tuple[str, str, str], dict[str, str]] = {}
    for row in published(edition):
        if row["form"] == form:
            printed[(row["question_id"], row["chart_title"], row["option_label"])] = row
    charts = []
    for entry in entries:
        rows = []
        n = None
        for label, key, value in entry["rows"]:
            found = printed.get((entry["question_id"], entry["chart_title"], label))
            if found is None:
                raise ValueError(
                    f"{path.name}: {entry['question_id']} {entry['chart_title']!r} {label!r} is not a published row"
                )
            n = int(found["n"]) if n is None else n
            rows.append(ChartRow(label, key, value, found["percent"], found["confidence"]))
        if n is None:
            raise ValueError(f"{path.name}: chart {entry['chart_title']!r} has no rows")
        charts.append(
            Chart(form, entry["question_id"], entry["chart_title"], entry.get("population", "all"), n, tuple(rows))
        )
    return tuple(charts)


def matches(count: int, n: int, percent: str) -> bool:
    """Whether ``count`` of ``n`` prints as ``percent`` at its printed precision (half up, as Excel)."""
    if n == 0:
        return False
    places = len(percent.split(".")[1]) if "." in percent else 0
    exact = Decimal(count) * 100 / Decimal(n)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) == Decimal(percent)


def counts_for(percent: str, n: int) -> list[int]:
    """Every count of ``n`` that prints as ``percent``, nearest first."""
    centre = float(percent) * n / 100
    fits = [k for k in range(max(0, int(centre) - 3), min(n, int(centre) + 4) + 1) if matches(k, n, percent)]
    return sorted(fits, key=lambda k: abs(k - centre))
