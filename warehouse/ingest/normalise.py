"""Turns a cell as typed by a respondent into the canonical value of its item, and says what changed.

Respondents type 全角 digits, 〇 or ✓ for a tick, × for "no", codes that lost their leading zero,
"1.0" pasted from another sheet; calamine returns every integer as a float.  Each repair is recorded
as a note on the answer row (nothing is repaired silently), and a value that cannot be read is kept
as text with a note, so the gate can report it instead of the ingest dropping it.

Numbers are read by one strict grammar (digits, an optional sign, a decimal point, thousands
separators, after 全角→半角): ``float()`` would also take 'nan', 'inf', '1e3' and '1_000', which no
respondent means as a head count.  A tick cell is three-valued: a mark that means yes (ticked), an
explicit no (not ticked), or something that is not an answer at all (kept, flagged, not ticked).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

#: Marks that mean "this option applies" (after 全角→半角; a plain 1 needs no note).
TICK_MARKS = frozenset({"〇", "○", "◯", "●", "✓", "✔", "☑", "レ", "v", "V"})
#: Marks that mean "this option does not apply": read as not ticked, with a note.
TICK_NO = frozenset({"0", "×", "✕", "✖", "✗", "✘", "x", "X", "無", "無し", "なし", "いいえ", "-", "‐", "−", "ー", "―"})
#: Units a number item may carry in the codebook, with the spellings respondents type for them.
UNIT_SPELLINGS: dict[str, tuple[str, ...]] = {
    "人": ("人", "名"),
    "日": ("日",),
    "時間": ("時間", "h"),
    "年": ("年",),
    "ヶ月": ("ヶ月", "か月", "カ月", "ケ月", "箇月", "ヵ月"),
}
#: C0 control characters but tab and line feed: a NUL breaks PostgreSQL's text and the others break HTML and XML.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
#: The most characters an Excel cell holds: a longer text is kept whole, and flagged.
CELL_LIMIT = 32_767
_NUMBER = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_LEADING_CODE = re.compile(r"^([0-9]+)\s*[.．、:：)）]")


@dataclass(frozen=True)
class Normalised:
    """The canonical text of a value, its number when it has one, and the repairs made."""

    value: str | None
    number: float | None
    notes: tuple[str, ...] = ()


def escaped(text: str) -> str:
    """``text`` with its control characters written as ``\\xNN``: the value as typed, safe to store anywhere."""
    return CONTROL.sub(lambda match: f"\\x{ord(match[0]):02x}", text)


def parse_number(text: str) -> float | None:
    """The number ``text`` spells by the strict grammar, or None ('nan', '1e3', '1_000' are not numbers)."""
    if not _NUMBER.fullmatch(text):
        return None
    return float(text.replace(",", ""))


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
    if CONTROL.search(text):
        text = CONTROL.sub("", text)
        notes.append("control_characters")
    if len(text) > CELL_LIMIT:
        notes.append("text_over_cell_limit")
    folded = unicodedata.normalize("NFKC", text) if fold else text
    if folded != text:
        notes.append("fullwidth")
    stripped = folded.strip()
    if stripped != folded:
        notes.append("trimmed")
    return stripped, notes


def _cell_number(raw: Any, text: str) -> float | None:
    """The number of a numeric cell (finite only) or of text by the strict grammar."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw) if math.isfinite(raw) else None
    return parse_number(text)


def _tick(raw: Any, text: str, notes: list[str]) -> Normalised:
    """A tick cell: ticked (1), an explicit no (0), or unreadable (no value)."""
    number = _cell_number(raw, text)
    if number == 1:
        plain = text == "1" or isinstance(raw, bool)
        return Normalised("1", 1.0, tuple(notes) if plain else (*notes, "tick_mark"))
    if text in TICK_MARKS:
        return Normalised("1", 1.0, (*notes, "tick_mark"))
    if number == 0 or text in TICK_NO:
        return Normalised("0", 0.0, (*notes, "tick_no"))
    return Normalised(None, None, (*notes, "tick_unreadable"))


def _with_unit(text: str, unit: str | None) -> float | None:
    """The number of '3人'-style text, only in the unit the codebook gives the item."""
    for spelling in UNIT_SPELLINGS.get(unit or "", (unit,) if unit else ()):
        if text.endswith(spelling):
            return parse_number(text[: -len(spelling)].rstrip())
    return None


def normalise(
    raw: Any,
    item_type: str,
    *,
    tick: bool = False,
    code_digits: int | None = None,
    unit: str | None = None,
    code_pattern: str | None = None,
) -> Normalised:
    """Canonical value of one non-empty cell of an item of ``item_type`` (``unit`` from the codebook)."""
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        return Normalised(None, None)
    text, notes = _as_text(raw, fold=item_type != "text")
    if tick:
        return _tick(raw, text, notes)
    number = _cell_number(raw, text)
    if isinstance(raw, str) and number is not None and item_type in ("single", "number"):
        notes.append("number_as_text")
    if item_type == "single":
        if number is None and (m := _LEADING_CODE.match(text)):
            number = float(m.group(1))
            notes.append("code_with_label")
        if number is None or not number.is_integer():
            return Normalised(text, None, (*notes, "not_an_option_code"))
        return Normalised(str(int(number)), number, tuple(notes))
    if item_type == "number":
        if number is None and (number := _with_unit(text, unit)) is not None:
            notes.append("number_with_unit")
        if number is None:
            return Normalised(text, None, (*notes, "not_a_number"))
        return Normalised(_number_text(number), number, tuple(notes))
    if item_type == "code" and code_pattern is not None:  # a code that is not all digits (a hub's)
        upper = text.upper()
        return Normalised(upper, None, tuple(notes) if re.fullmatch(code_pattern, upper) else (*notes, "code_format"))
    if item_type == "code":
        digits = code_digits or len(text)
        if isinstance(raw, int | float) and text.isdigit() and len(text) < digits:
            return Normalised(text.zfill(digits), float(text), (*notes, "code_zero_padded"))
        if not re.fullmatch(rf"[0-9]{{{digits}}}", text) or number is None:
            return Normalised(text, None, (*notes, "code_format"))
        return Normalised(text, number, tuple(notes))
    return Normalised(text, None, tuple(notes))
