"""Japan's local governments on the survey's reference date, 2023-08-01 (令和5年8月1日).

The survey is answered by municipalities and collated by prefectures, so every respondent code must be
checked against the official 全国地方公共団体コード.  The list ships as ``data/local_governments.csv``
(47 prefectures and 1,741 municipalities; provenance in ``data/SOURCE.md``) and is read with the csv
module so that importing this has no heavy dependencies.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "local_governments.csv"

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
