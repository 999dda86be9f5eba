"""The municipal populations and the report's bands: the counts data/SOURCE.md states are what the files give."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from collections import Counter

from warehouse.reference.local_governments import code_history, codes_on
from warehouse.reference.tables import BANDS, POPULATIONS

SOURCE = POPULATIONS.with_name("SOURCE.md")


def _section() -> str:
    return SOURCE.read_text(encoding="utf-8").split("# municipal_populations.csv", 1)[1]


def _row(label: str) -> list[str]:
    match = re.search(rf"^\| {re.escape(label)} \|(.+)\|$", _section(), re.MULTILINE)
    assert match, label
    return [cell.strip() for cell in match.group(1).split("|")]


def _populations(as_of: str) -> dict[str, int]:
    with POPULATIONS.open(encoding="utf-8", newline="") as f:
        return {r["code6"]: int(r["population"]) for r in csv.DictReader(f) if r["as_of"] == as_of}


def _band_counts(populations: dict[str, int]) -> list[int]:
    with BANDS.open(encoding="utf-8", newline="") as f:
        bands = [(int(b["min_population"]), int(b["max_population"] or 10**9)) for b in csv.DictReader(f)]
    counts = Counter(next(i for i, (lo, hi) in enumerate(bands) if lo <= p < hi) for p in populations.values())
    return [counts[i] for i in range(len(bands))]


def _numbers(cells: list[str]) -> list[int]:
    return [int(c.replace(",", "")) for c in cells]


def test_census_2020_covers_the_1741_members_and_gives_the_stated_bands() -> None:
    census = _populations("2020-10-01")
    members = {c.municipality_id for c in codes_on(dt.date(2023, 8, 1)).values()}
    assert set(census) == members
    stated = _numbers(_row("国勢調査 2020, 1,741 municipalities"))
    assert [*_band_counts(census), len(census)] == stated
    assert f"{sum(census.values()):,}" == _row("total of 2020-10-01")[0]


def test_census_2015_covers_the_members_of_2017_and_gives_the_stated_bands() -> None:
    census = _populations("2015-10-01")
    by_code = {c.code6: c.municipality_id for c in code_history()}
    members = {c.municipality_id for c in codes_on(dt.date(2017, 6, 1)).values()}
    assert {by_code[code] for code in census} == members and len(census) == 1741
    stated = _numbers(_row("国勢調査 2015, 1,741 municipalities"))
    assert [*_band_counts(census), len(census)] == stated
    assert (census["042161"], census["403059"]) == (51591, 50004)  # 富谷町 and 那珂川町 in 2015
    assert f"{sum(census.values()):,}" == _row("total of 2015-10-01")[0]
    published = _numbers(_row("published (implied, `published_other_notes.md` §3.3)"))
    assert published != stated  # the finding SOURCE.md reports: the 2015 census does not give the bands


def test_source_md_states_the_files() -> None:
    with POPULATIONS.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert _row("population rows")[0] == f"{len(rows):,}"
    by_date = Counter(r["as_of"] for r in rows)
    assert _row("rows of 2020-10-01 / of 2015-10-01")[0] == f"{by_date['2020-10-01']:,} / {by_date['2015-10-01']:,}"
    assert f"CSV sha256 at creation: `{hashlib.sha256(POPULATIONS.read_bytes()).hexdigest()}`" in _section()
    assert hashlib.sha256(BANDS.read_bytes()).hexdigest() in _section()
