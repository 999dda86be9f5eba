"""The legacy sample: one valid return per municipality, the skip logic kept, plausible across years."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from statistics import mean

import pytest

from warehouse.codebook import load
from warehouse.codebook.validate import violations
from warehouse.reference.local_governments import codes_on, load_on
from warehouse.sample import legacy
from warehouse.sample.generate import Sample, deal

NATIONAL = (2015, 2016, 2017)
TOKYO = (2015, 2016)


@cache
def sample(edition: int) -> Sample:
    return deal(edition, seed=5)


def _returns(edition: int, form: str, *, by_member: bool = False) -> dict[str, dict]:
    """Returns by the code typed, or by the durable member (one key across code changes)."""
    s = sample(edition)
    codes = codes_on(load(edition, form).code_date)
    return {
        codes[s.respondents[rid].code].municipality_id if by_member else s.respondents[rid].code: a
        for rid, a in s.answers.items()
        if s.respondents[rid].form == form
    }


def _implemented(answers: dict) -> set[str]:
    return {key[0] for key, v in answers.items() if key.endswith("_status") and v == legacy.IMPLEMENTED}


@pytest.mark.parametrize(
    ("edition", "form"), [(e, "municipality") for e in NATIONAL] + [(e, "tokyo_municipality") for e in TOKYO]
)
def test_one_clean_return_per_municipality(edition: int, form: str) -> None:
    cb = load(edition, form)
    returns = _returns(edition, form)
    registry = load_on(cb.code_date)
    assert all(registry.municipality(code) for code in returns)
    assert all(a[cb.code_item.key] == code for code, a in returns.items())
    if form == "municipality":
        assert len(returns) == 1741
    else:  # Tokyo without its nine island municipalities
        assert len(returns) == 53 and not set(returns) & set(legacy.ISLANDS)
        assert {registry.municipality(c).prefecture_code for c in returns} == {"13"}
    broken = [(code, v) for code, a in returns.items() for v in violations(cb, a)]
    assert broken == []


def test_a_municipality_types_the_code_of_the_edition_date() -> None:
    """富谷町 04423 became 富谷市 04216 on 2016-10-10: one member, the code of each reference date."""
    assert {e: "04423" in _returns(e, "municipality") for e in NATIONAL} == {2015: True, 2016: True, 2017: False}
    assert "04216" in _returns(2017, "municipality")
    members = [_returns(e, "municipality", by_member=True) for e in NATIONAL]
    assert set(members[0]) == set(members[1]) == set(members[2])


def test_municipalities_mostly_move_forward_but_not_all() -> None:
    years = {e: _returns(e, "municipality", by_member=True) for e in NATIONAL}
    for before, after in ((2015, 2016), (2016, 2017)):
        pairs = [(_implemented(years[before][c]), _implemented(years[after][c])) for c in years[after]]
        kept = sum(1 for b, a in pairs if b <= a)
        fell_back = sum(1 for b, a in pairs if len(a) < len(b))
        assert kept > 0.6 * len(pairs), (before, after, kept)
        assert 0 < fell_back < 0.2 * len(pairs), (before, after, fell_back)
    tokyo = {e: _returns(e, "tokyo_municipality") for e in TOKYO}
    stayed = sum(1 for c, a in tokyo[2015].items() for k, v in a.items() if v == 1 and tokyo[2016][c].get(k) == 1)
    started = sum(1 for c, a in tokyo[2015].items() for k, v in a.items() if v == 1)
    assert 0.8 * started < stayed < started


def test_prefecture_groups_are_the_lowest_and_highest_by_mean_items_implemented() -> None:
    returns = _returns(2017, "municipality")
    registry = load_on(load(2017, "municipality").code_date)
    per_pref: dict[str, list[int]] = defaultdict(list)
    for code, a in returns.items():
        per_pref[registry.municipality(code).prefecture_code].append(len(_implemented(a)))
    ranked = sorted(per_pref, key=lambda p: mean(per_pref[p]))
    groups = legacy._group_of([load(2017, "municipality")])
    assert set(ranked[:5]) == {p for p, g in groups.items() if g == "lowest_five_prefectures"}
    assert set(ranked[-5:]) == {p for p, g in groups.items() if g == "highest_five_prefectures"}


def test_the_sample_is_reproducible() -> None:
    legacy._national.cache_clear()
    again = deal(2017, seed=5)
    assert again.answers == sample(2017).answers
    assert deal(2017, seed=6).answers != again.answers
