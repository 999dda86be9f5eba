"""The calibrated hub sample: 871 hubs spread over the 47 prefectures, answers that follow the skip
chain, and every municipality in some hub's area (without dbt; the report test counts them)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from warehouse.codebook import expressions as ex
from warehouse.codebook import load
from warehouse.reference.local_governments import load as load_registry
from warehouse.sample import hub


@pytest.fixture(scope="module")
def dealt() -> tuple[dict, list]:
    return hub.deal(2025, random.Random(5))


def test_hubs_are_spread_over_every_prefecture_by_its_municipalities() -> None:
    spread = hub.hubs_per_prefecture(871)
    registry = load_registry()
    assert sum(spread.values()) == 871 and len(spread) == 47 and min(spread.values()) >= 1
    sizes = {p: len(registry.municipalities_in(p)) for p in spread}
    assert max(spread, key=spread.get) == max(sizes, key=sizes.get) == "01"  # 北海道
    per_municipality = [spread[p] / sizes[p] for p in spread]
    assert max(per_municipality) - min(per_municipality) < 0.6  # proportional up to the floor of one


def test_answers_follow_the_skip_chain(dealt: tuple[dict, list]) -> None:
    answers, hubs = dealt
    cb = load(2025, "hub")
    assert len(hubs) == len(answers) == 871
    broken = []
    for h in hubs:
        given = answers[h.id]
        for item in cb.items:
            asked = item.relevant is None or ex.evaluate(item.relevant, given)
            if item.key in given and not asked:
                broken.append(f"{h.code} {item.key}: answered off the chain")
            if asked and item.required and item.key not in given:
                broken.append(f"{h.code} {item.key}: asked and required, not answered")
    assert broken == []


def test_every_municipality_is_served_and_some_by_two_hubs(dealt: tuple[dict, list]) -> None:
    answers, _ = dealt
    cells = [i.key for i in load(2025, "hub").items if i.tags.get("fact") == "hub_area"]
    served = Counter(a[k] for a in answers.values() for k in cells if k in a)
    assert set(served) == set(load_registry().municipalities)
    assert max(served.values()) == 2
