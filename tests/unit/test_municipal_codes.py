"""The municipal codes of every date: check digits, 1,741 on every reference date, the known changes,
and the facts data/SOURCE.md states about the file."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re

import pytest

from warehouse.reference.local_governments import (
    CODES,
    code_as_of,
    code_history,
    codes_on,
    is_valid_code6,
    load,
    load_on,
    member_on,
)

SOURCE = CODES.with_name("SOURCE.md")
#: Reference dates of the editions (the 2015 national survey prints none: any day of 2015 gives the same list).
DATES = ["2015-04-01", "2016-03-31", "2016-08-01", "2017-03-31", "2017-06-01", "2023-08-01", "2025-07-25"]


def _source_section() -> str:
    return SOURCE.read_text(encoding="utf-8").split("# municipal_codes.csv", 1)[1]


def _stated(label: str) -> str:
    match = re.search(rf"^\| {re.escape(label)} \| ([^|]+) \|$", _source_section(), re.MULTILINE)
    assert match, label
    return match.group(1).strip()


def test_every_code_has_its_check_digit() -> None:
    assert [c.code6 for c in code_history() if not is_valid_code6(c.code6) or c.code6[:5] != c.code5] == []


@pytest.mark.parametrize("day", DATES)
def test_1741_municipalities_on_every_reference_date(day: str) -> None:
    on = codes_on(dt.date.fromisoformat(day))
    assert len(on) == 1741
    assert len({c.municipality_id for c in on.values()}) == 1741
    assert len(load_on(dt.date.fromisoformat(day)).municipalities) == 1741


def test_the_2023_list_is_the_list_of_2023() -> None:
    today = load().municipalities
    on = codes_on(dt.date(2023, 8, 1))
    assert {k: (c.code6, c.name) for k, c in on.items()} == {k: (m.code6, m.name) for k, m in today.items()}
    assert all(c.municipality_id == c.code6 for c in on.values())


@pytest.mark.parametrize(
    ("day", "member", "code", "name"),
    [
        ("2016-10-09", "042161", "04423", "富谷町"),
        ("2016-10-10", "042161", "04216", "富谷市"),
        ("2018-09-30", "402311", "40305", "那珂川町"),
        ("2018-10-01", "402311", "40231", "那珂川市"),
        ("2019-04-30", "282219", "28221", "篠山市"),
        ("2019-05-01", "282219", "28221", "丹波篠山市"),
    ],
)
def test_a_member_across_its_change(day: str, member: str, code: str, name: str) -> None:
    then = member_on(member, dt.date.fromisoformat(day))
    assert then is not None
    assert (then.code5, then.name) == (code, name)


def test_an_old_code_is_read_as_its_member() -> None:
    old = code_as_of("04423", dt.date(2017, 6, 1))
    assert old is not None and (old.name, old.successor_code6, old.municipality_id) == ("富谷町", "042161", "042161")
    assert code_as_of("04423", dt.date(2016, 8, 1)).valid_on(dt.date(2016, 8, 1))  # type: ignore[union-attr]
    assert code_as_of("99999", dt.date(2017, 6, 1)) is None


def test_predecessors_and_successors_point_at_each_other() -> None:
    rows = code_history()
    for r in rows:
        if r.successor_code6:
            after = [n for n in rows if n.code6 == r.successor_code6 and n.valid_from == r.valid_to]
            assert len(after) == 1 and after[0].predecessor_code6 == r.code6, r
            assert after[0].municipality_id == r.municipality_id


def test_source_md_states_the_file() -> None:
    with CODES.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert _stated("rows") == f"{len(rows):,}"
    assert _stated("codes (distinct `code6`)") == f"{len({r['code6'] for r in rows}):,}"
    assert _stated("durable members (`municipality_id`)") == f"{len({r['municipality_id'] for r in rows}):,}"
    starts, ends = sum(bool(r["valid_from"]) for r in rows), sum(bool(r["valid_to"]) for r in rows)
    assert _stated("rows with a `valid_from` / with a `valid_to`") == f"{starts} / {ends}"
    sha = hashlib.sha256(CODES.read_bytes()).hexdigest()
    assert f"CSV sha256 at creation: `{sha}`" in _source_section()
    assert [(r["code6"], r["valid_from"]) for r in rows] == sorted((r["code6"], r["valid_from"]) for r in rows)
