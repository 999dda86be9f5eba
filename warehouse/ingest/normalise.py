"""Turns a cell as typed by a respondent into the canonical value of its item, and says what changed.

Respondents type 全角 digits, 〇 or ✓ for a tick, codes that lost their leading zero, "1.0" pasted
from another sheet; calamine returns every integer as a float.  Each repair is recorded as a note on
the answer row (nothing is repaired silently), and a value that cannot be repaired is kept as text
with a note, so the gate can report it instead of the ingest dropping it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

TICK_MARKS = frozenset({"〇", "○", "◯", "●", "✓", "✔", "☑", "レ", "v", "V", "x", "X", "×"})
_LEADING_CODE = re.compile(r"^(\d+)\s*[.．、:：)）]")
_NUMBER_WITH_UNIT = re.compile(r"^(-?\d+(?:\.\d+)?)\s*(人|日|時間|年|ヶ月|か月|カ月|ケ月)$")


@dataclass(frozen=True)
class Normalised:
    """The canonical text of a value, its number when it has one, and the repairs made."""

    value: str | None
    number: float | None
    notes: tuple[str, ...] = ()


def _number_text(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(float(number))


def _as_text(raw: Any, *, fold: bool) -> tuple[str, list[str]]:
    """Text of a cell; ``fold`` turns 全角 digits and letters into 半角 (not for free text)."""
    notes: list[str] = []
    if isinstance(raw, bool):
        return ("1" if raw else "0"), ["boolean"]
    if isinstance(raw, float):
        if raw.is_integer():
            return str(int(raw)), notes  # calamine's float for an integer cell: not a repair
        return repr(raw), notes
    if isinstance(raw, int):
        return str(raw), notes
    if isinstance(raw, dt.datetime | dt.date | dt.time):
        return raw.isoformat(), ["date_value"]
    text = str(raw)
    folded = unicodedata.normalize("NFKC", text) if fold else text
    if folded != text:
        notes.append("fullwidth")
    stripped = folded.strip()
    if stripped != folded:
        notes.append("trimmed")
    return stripped, notes


def _parse_number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def normalise(raw: Any, item_type: str, *, tick: bool = False, code_digits: int | None = None) -> Normalised:
    """Canonical value of one non-empty cell of an item of ``item_type``."""
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        return Normalised(None, None)
    text, notes = _as_text(raw, fold=item_type != "text")
    if isinstance(raw, str) and _parse_number(text) is not None and item_type in ("single", "number", "multiple"):
        notes.append("number_as_text")
    if tick:
        if text in TICK_MARKS:
            return Normalised("1", 1.0, (*notes, "tick_mark"))
        number = _parse_number(text)
        if number == 1:
            return Normalised("1", 1.0, tuple(notes))
        return Normalised(text, number, (*notes, "invalid_tick"))
    if item_type == "single":
        number = _parse_number(text)
        if number is None and (m := _LEADING_CODE.match(text)):
            number = float(m.group(1))
            notes.append("code_with_label")
        if number is None or not number.is_integer():
            return Normalised(text, number, (*notes, "not_an_option_code"))
        return Normalised(str(int(number)), number, tuple(notes))
    if item_type == "number":
        number = _parse_number(text)
        if number is None and (m := _NUMBER_WITH_UNIT.match(text)):
            number = float(m.group(1))
            notes.append("number_with_unit")
        if number is None:
            return Normalised(text, None, (*notes, "not_a_number"))
        return Normalised(_number_text(number), number, tuple(notes))
    if item_type == "code":
        digits = code_digits or len(text)
        if isinstance(raw, int | float) and text.isdigit() and len(text) < digits:
            return Normalised(text.zfill(digits), float(text), (*notes, "code_zero_padded"))
        if not re.fullmatch(rf"\d{{{digits}}}", text):
            return Normalised(text, None, (*notes, "code_format"))
        return Normalised(text, float(text), tuple(notes))
    return Normalised(text, None, tuple(notes))
