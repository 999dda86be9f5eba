"""Municipal populations and the report's 人口規模 bands, read in Python for the sample generator.

The rule is the one ``marts.dim_municipality_population`` applies (the latest population on or before
the edition's code date), so that a sample calibrated band by band counts the same municipalities as the
report table does.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import cache

from warehouse.reference.local_governments import code_history
from warehouse.reference.tables import BANDS, POPULATIONS


@dataclass(frozen=True)
class PopulationBand:
    order: int
    label: str
    low: int
    high: int | None  # None: open above

    def contains(self, population: int) -> bool:
        return population >= self.low and (self.high is None or population < self.high)


@cache
def bands() -> tuple[PopulationBand, ...]:
    with BANDS.open(encoding="utf-8", newline="") as f:
        return tuple(
            PopulationBand(
                int(r["band_order"]),
                r["band_label"],
                int(r["min_population"]),
                int(r["max_population"]) if r["max_population"] else None,
            )
            for r in csv.DictReader(f)
        )


@cache
def _rows() -> tuple[dict[str, str], ...]:
    with POPULATIONS.open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


@cache
def band_of_members(day: dt.date) -> dict[str, str]:
    """Durable municipality id → band label, by the latest population on or before ``day``; a member the
    source does not cover has no band (as in the mart, nothing is filled in)."""
    dates = sorted({r["as_of"] for r in _rows() if dt.date.fromisoformat(r["as_of"]) <= day})
    if not dates:
        return {}
    member = {c.code6: c.municipality_id for c in code_history()}
    out = {}
    for r in _rows():
        if r["as_of"] == dates[-1]:
            population = int(r["population"])
            out[member[r["code6"]]] = next(b.label for b in bands() if b.contains(population))
    return out
