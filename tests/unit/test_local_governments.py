"""The reference list of local governments on 2023-08-01: counts, codes and known rows."""

import csv
from collections import Counter

import pytest

from warehouse.reference.local_governments import DATA, check_digit, is_valid_code6, load


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_counts() -> None:
    reg = load()
    assert len(reg.prefectures) == 47
    assert len(reg.municipalities) == 1741
    assert sum(m.is_special_ward for m in reg.municipalities.values()) == 23
    assert sum(m.is_designated_city for m in reg.municipalities.values()) == 20


def test_csv_is_sorted_unique_and_complete(rows: list[dict[str, str]]) -> None:
    codes = [r["code6"] for r in rows]
    assert len(rows) == 1788
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    assert Counter(r["kind"] for r in rows) == {"prefecture": 47, "municipality": 1741}


def test_every_code_has_its_check_digit(rows: list[dict[str, str]]) -> None:
    bad = [r["code6"] for r in rows if not is_valid_code6(r["code6"])]
    assert bad == []


def test_codes_are_consistent(rows: list[dict[str, str]]) -> None:
    for r in rows:
        assert r["code6"][:5] == r["code5"]
        assert r["code6"][:2] == r["prefecture_code"]
        assert check_digit(r["code5"]) == r["code6"][5]
        assert (r["code5"][2:] == "000") == (r["kind"] == "prefecture")


def test_every_municipality_has_its_prefecture() -> None:
    reg = load()
    for m in reg.municipalities.values():
        pref = reg.prefecture(m.prefecture_code)
        assert pref is not None, m
        assert pref.name == m.prefecture_name


def test_code5_maps_to_code6() -> None:
    reg = load()
    for code5, m in reg.municipalities.items():
        assert m.code6 == code5 + check_digit(code5)
        assert reg.by_code6(m.code6) is m


@pytest.mark.parametrize(
    ("code6", "name", "prefecture", "special_ward", "designated"),
    [
        ("010006", "北海道", "北海道", False, False),
        ("011002", "札幌市", "北海道", False, True),
        ("131016", "千代田区", "東京都", True, False),
        ("141003", "横浜市", "神奈川県", False, True),
        ("402311", "那珂川市", "福岡県", False, False),
        ("472018", "那覇市", "沖縄県", False, False),
    ],
)
def test_known_rows(code6: str, name: str, prefecture: str, special_ward: bool, designated: bool) -> None:
    lg = load().by_code6(code6)
    assert lg is not None
    assert (lg.name, lg.prefecture_name) == (name, prefecture)
    assert (lg.is_special_ward, lg.is_designated_city) == (special_ward, designated)


def test_lookups_by_short_codes() -> None:
    reg = load()
    sapporo = reg.municipality("01100")
    assert sapporo is not None and sapporo.name_kana == "サッポロシ"
    hokkaido = reg.prefecture("01")
    assert hokkaido is not None and hokkaido.code6 == "010006" and hokkaido.is_prefecture
    assert reg.municipality("01101") is None  # 札幌市中央区 is an administrative ward, not a municipality
    assert reg.municipality("01695") is None  # 色丹村 (北方領土) is not counted among the 1,741


@pytest.mark.parametrize(("code2", "count"), [("01", 179), ("13", 62), ("20", 77), ("47", 41)])
def test_municipalities_per_prefecture(code2: str, count: int) -> None:
    assert len(load().municipalities_in(code2)) == count


def test_special_wards_are_tokyos_23() -> None:
    wards = [m for m in load().municipalities.values() if m.is_special_ward]
    assert {m.prefecture_code for m in wards} == {"13"}
    assert all(m.name.endswith("区") for m in wards)


@pytest.mark.parametrize(("code5", "digit"), [("01100", "2"), ("13101", "6"), ("47201", "8"), ("01000", "6")])
def test_check_digit(code5: str, digit: str) -> None:
    assert check_digit(code5) == digit


def test_invalid_codes_are_rejected() -> None:
    assert is_valid_code6("011002")
    assert not is_valid_code6("011003")  # wrong check digit
    assert not is_valid_code6("13101")  # too short
    assert not is_valid_code6("０１１００２")  # full-width digits
    assert load().by_code6("131017") is None
    with pytest.raises(ValueError):
        check_digit("0110")
