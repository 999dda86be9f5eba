"""Cell values as respondents type them, and the canonical values (with notes) they become."""

import pytest

from warehouse.ingest.normalise import normalise, parse_number


@pytest.mark.parametrize(
    ("raw", "kind", "kwargs", "value", "notes"),
    [
        (2.0, "single", {}, "2", ()),  # calamine's float for an integer cell is not a repair
        ("２", "single", {}, "2", ("fullwidth", "number_as_text")),
        ("1. 設置している", "single", {}, "1", ("code_with_label",)),
        ("はい", "single", {}, "はい", ("not_an_option_code",)),
        ("nan", "single", {}, "nan", ("not_an_option_code",)),
        ("1e0", "single", {}, "1e0", ("not_an_option_code",)),
        (4.5, "number", {}, "4.5", ()),
        ("４．５", "number", {}, "4.5", ("fullwidth", "number_as_text")),
        ("1,000", "number", {}, "1000", ("number_as_text",)),
        ("－２", "number", {}, "-2", ("fullwidth", "number_as_text")),
        ("3人", "number", {"unit": "人"}, "3", ("number_with_unit",)),
        ("３名", "number", {"unit": "人"}, "3", ("fullwidth", "number_with_unit")),
        ("2ヵ月", "number", {"unit": "ヶ月"}, "2", ("number_with_unit",)),
        ("3人", "number", {}, "3人", ("not_a_number",)),  # no unit in the codebook: not a number
        ("3日", "number", {"unit": "人"}, "3日", ("not_a_number",)),  # another unit than the item's
        ("不明", "number", {}, "不明", ("not_a_number",)),
        (1100.0, "code", {"code_digits": 5}, "01100", ("code_zero_padded",)),
        ("０１１００", "code", {"code_digits": 5}, "01100", ("fullwidth",)),
        ("011002", "code", {"code_digits": 5}, "011002", ("code_format",)),
        ("٠١١٠٠", "code", {"code_digits": 5}, "٠١١٠٠", ("code_format",)),  # Arabic-Indic digits are not digits here
        ("  医師会と連携  ", "text", {}, "医師会と連携", ("trimmed",)),
        (12.0, "text", {}, "12", ()),
        ("研修会を年２回（ＡＣＰ）", "text", {}, "研修会を年２回（ＡＣＰ）", ()),  # free text is kept as typed
    ],
)
def test_normalise(raw: object, kind: str, kwargs: dict, value: str, notes: tuple) -> None:
    result = normalise(raw, kind, **kwargs)
    assert result.value == value
    assert result.notes == notes


@pytest.mark.parametrize(
    "text", ["nan", "NaN", "inf", "-inf", "Infinity", "1e3", "1E3", "1_000", "0x10", "12,34", "1,0000", ".5", "5.", "+"]
)
def test_what_float_accepts_is_not_a_number(text: str) -> None:
    assert parse_number(text) is None
    result = normalise(text, "number", unit="人")
    assert (result.number, result.notes[-1]) == (None, "not_a_number")


@pytest.mark.parametrize(("raw", "number"), [(float("nan"), None), (float("inf"), None), (1e9, 1e9)])
def test_a_numeric_cell_is_a_number_only_when_finite(raw: float, number: float | None) -> None:
    assert normalise(raw, "number").number == number


@pytest.mark.parametrize(
    ("raw", "value", "number", "notes"),
    [
        (1.0, "1", 1.0, ()),  # a plain 1: no note
        ("1", "1", 1.0, ()),
        ("１", "1", 1.0, ("fullwidth",)),
        ("1.0", "1", 1.0, ("tick_mark",)),
        (True, "1", 1.0, ("boolean",)),
        ("〇", "1", 1.0, ("tick_mark",)),
        ("○", "1", 1.0, ("tick_mark",)),
        ("◯", "1", 1.0, ("tick_mark",)),
        ("✓", "1", 1.0, ("tick_mark",)),
        ("✔", "1", 1.0, ("tick_mark",)),
        ("☑", "1", 1.0, ("tick_mark",)),
        ("レ", "1", 1.0, ("tick_mark",)),
        (" ○ ", "1", 1.0, ("trimmed", "tick_mark")),
        (0.0, "0", 0.0, ("tick_no",)),
        ("0", "0", 0.0, ("tick_no",)),
        (False, "0", 0.0, ("boolean", "tick_no")),
        ("×", "0", 0.0, ("tick_no",)),
        ("✕", "0", 0.0, ("tick_no",)),
        ("無", "0", 0.0, ("tick_no",)),
        ("いいえ", "0", 0.0, ("tick_no",)),
        ("-", "0", 0.0, ("tick_no",)),
        ("－", "0", 0.0, ("fullwidth", "tick_no")),
        (2.0, None, None, ("tick_unreadable",)),
        ("2", None, None, ("tick_unreadable",)),
        ("はい", None, None, ("tick_unreadable",)),
        ("nan", None, None, ("tick_unreadable",)),
        ("1e0", None, None, ("tick_unreadable",)),
        ("?", None, None, ("tick_unreadable",)),
    ],
)
def test_tick_cells_are_three_valued(raw: object, value: str | None, number: float | None, notes: tuple) -> None:
    result = normalise(raw, "multiple", tick=True)
    assert (result.value, result.number, result.notes) == (value, number, notes)


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_blank_is_no_value(raw: object) -> None:
    assert normalise(raw, "text").value is None
