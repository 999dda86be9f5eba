"""Japan's local governments: the list of 2023-08-01 (令和5年8月1日) and the municipal codes of every date.

The survey is answered by municipalities and collated by prefectures, so every respondent code must be
checked against the official 全国地方公共団体コード.  The 2023 list ships as ``data/local_governments.csv``
(47 prefectures and 1,741 municipalities); ``data/municipal_codes.csv`` keeps every municipal code in force
from 2014-04-05 on with its validity, predecessor, successor and durable ``municipality_id`` (provenance of
both in ``data/SOURCE.md``).  Both are read with the csv module so that importing this has no heavy
dependencies.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "local_governments.csv"
CODES = Path(__file__).with_name("data") / "municipal_codes.csv"

_WEIGHTS = (6, 5, 4, 3, 2)


@dataclass(frozen=True)
class LocalGovernment:
    """One prefecture or municipality; codes stay text because their leading zeros matter."""

    code6: str
    code5: str
    kind: str  # "prefecture" | "municipality"
    prefecture_code: str
    prefecture_name: str
    name: str
    name_kana: str
    is_special_ward: bool
    is_designated_city: bool

    @property
    def is_prefecture(self) -> bool:
        return self.kind == "prefecture"


def check_digit(code5: str) -> str:
    """The 6th digit of a 全国地方公共団体コード (1968 自治省告示): 11 - (Σ weight·digit mod 11), last digit.

    Respondents often type the 5-digit JIS code; this turns it into the 6-digit one, and catches typos.
    """
    if len(code5) != 5 or not code5.isascii() or not code5.isdigit():
        raise ValueError(f"not a 5-digit code: {code5!r}")
    total = sum(int(d) * w for d, w in zip(code5, _WEIGHTS, strict=True))
    return str((11 - total % 11) % 10)


def is_valid_code6(code6: str) -> bool:
    """Whether ``code6`` is six ASCII digits whose last one is the check digit of the first five."""
    if len(code6) != 6 or not code6.isascii() or not code6.isdigit():
        return False
    return check_digit(code6[:5]) == code6[5]


@dataclass(frozen=True)
class Registry:
    """Lookups over the reference list, keyed the way survey files carry codes."""

    prefectures: dict[str, LocalGovernment]  # by 2-digit prefecture code
    municipalities: dict[str, LocalGovernment]  # by 5-digit code

    def municipality(self, code5: str) -> LocalGovernment | None:
        return self.municipalities.get(code5)

    def prefecture(self, code2: str) -> LocalGovernment | None:
        return self.prefectures.get(code2)

    def by_code6(self, code6: str) -> LocalGovernment | None:
        """The prefecture or municipality with this 6-digit code; None for unknown or bad check digit."""
        if not is_valid_code6(code6):
            return None
        if code6[2:5] == "000":
            return self.prefectures.get(code6[:2])
        return self.municipalities.get(code6[:5])

    def municipalities_in(self, prefecture_code: str) -> list[LocalGovernment]:
        """Municipalities of one prefecture in code order (the order the ministry lists them)."""
        return [m for m in self.municipalities.values() if m.prefecture_code == prefecture_code]


def _flag(value: str) -> bool:
    if value not in ("true", "false"):
        raise ValueError(f"not a boolean: {value!r}")
    return value == "true"


@cache
def load() -> Registry:
    """Read the CSV once per process; the list is fixed for the survey year, so caching is safe."""
    prefectures: dict[str, LocalGovernment] = {}
    municipalities: dict[str, LocalGovernment] = {}
    with DATA.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lg = LocalGovernment(
                code6=row["code6"],
                code5=row["code5"],
                kind=row["kind"],
                prefecture_code=row["prefecture_code"],
                prefecture_name=row["prefecture_name"],
                name=row["name"],
                name_kana=row["name_kana"],
                is_special_ward=_flag(row["is_special_ward"]),
                is_designated_city=_flag(row["is_designated_city"]),
            )
            if lg.kind == "prefecture":
                prefectures[lg.prefecture_code] = lg
            elif lg.kind == "municipality":
                municipalities[lg.code5] = lg
            else:
                raise ValueError(f"unknown kind {lg.kind!r} for {lg.code6}")
    return Registry(prefectures=prefectures, municipalities=municipalities)


@dataclass(frozen=True)
class MunicipalCode:
    """One municipal code with one name over one period, ``[valid_from, valid_to)``.

    ``valid_from`` is None for a code already in force on 2014-04-05 (the earliest list kept);
    ``valid_to`` is None while it is still in force.  ``municipality_id`` is the durable member: the
    code the municipality carries in the 2023 list, shared by every code and name it had before.
    """

    code6: str
    code5: str
    prefecture_code: str
    name: str
    name_kana: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    municipality_id: str
    predecessor_code6: str
    successor_code6: str
    change: str

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day < self.valid_to)


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@cache
def code_history() -> tuple[MunicipalCode, ...]:
    """Every municipal code and name period, in code order (read once per process)."""
    with CODES.open(encoding="utf-8", newline="") as f:
        return tuple(
            MunicipalCode(
                **{k: v for k, v in row.items() if k not in ("valid_from", "valid_to")},
                valid_from=_date(row["valid_from"]),
                valid_to=_date(row["valid_to"]),
            )
            for row in csv.DictReader(f)
        )


@cache
def codes_on(day: dt.date) -> dict[str, MunicipalCode]:
    """The municipal codes in force on ``day``, by 5-digit code (what a respondent should type then)."""
    return {c.code5: c for c in code_history() if c.valid_on(day)}


def code_as_of(code5: str, day: dt.date) -> MunicipalCode | None:
    """What a typed code means: the period in force on ``day``, else the latest period the code had."""
    periods = [c for c in code_history() if c.code5 == code5]
    on_day = [c for c in periods if c.valid_on(day)]
    return (on_day or periods[-1:] or [None])[0]


def code_in_force(code5: str, day: dt.date) -> str:
    """The code a municipality had on ``day``, for a code typed out of date (40305 → 40231 on 2023-08-01);
    a code in force then, or one the history does not know, is itself."""
    if code5 in load_on(day).municipalities:
        return code5
    typed = code_as_of(code5, day)
    member = member_on(typed.municipality_id, day) if typed is not None else None
    return member.code5 if member is not None else code5


def member_on(municipality_id: str, day: dt.date) -> MunicipalCode | None:
    """The code and name a durable municipality had on ``day`` (None if it did not exist then)."""
    return next((c for c in code_history() if c.municipality_id == municipality_id and c.valid_on(day)), None)


@cache
def load_on(day: dt.date) -> Registry:
    """The list as it stood on ``day``: the 2023 prefectures with the municipal codes and names then in force.

    A municipality keeps the 特別区 / 政令指定都市 flags of its durable member in the 2023 list.
    """
    today = load()
    municipalities = {}
    for code in codes_on(day).values():
        member = today.municipalities[code.municipality_id[:5]]
        municipalities[code.code5] = LocalGovernment(
            code6=code.code6,
            code5=code.code5,
            kind="municipality",
            prefecture_code=code.prefecture_code,
            prefecture_name=member.prefecture_name,
            name=code.name,
            name_kana=code.name_kana,
            is_special_ward=member.is_special_ward,
            is_designated_city=member.is_designated_city,
        )
    return Registry(prefectures=today.prefectures, municipalities=municipalities)
