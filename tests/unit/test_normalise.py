"""Cell values as respondents type them, and the canonical values (with notes) they become."""

import pytest

from warehouse.ingest.normalise import normalise


@pytest.mark.parametrize(
    ("raw", "kind", "kwargs", "value", "notes"),
    [
        (2.0, "single", {}, "2", ()),  # calamine's float for an integer cell is not a repair
        ("２", "single", {}, "2", ("fullwidth", "number_as_text")),
        ("1. 設置している", "single", {}, "1", ("code_with_label",)),
        ("はい", "single", {}, "はい", ("not_an_option_code",)),
        (1.0, "multiple", {"tick": True}, "1", ()),
        ("〇", "multiple", {"tick": True}, "1", ("tick_mark",)),
        ("✓", "multiple", {"tick": True}, "1", ("tick_mark",)),
        ("1.0", "multiple", {"tick": True}, "1", ("number_as_text",)),
        ("2", "multiple", {"tick": True}, "2", ("number_as_text", "invalid_tick")),
        (4.5, "number", {}, "4.5", ()),
        ("４．５", "number", {}, "4.5", ("fullwidth", "number_as_text")),
        ("3人", "number", {}, "3", ("number_with_unit",)),
        ("不明", "number", {}, "不明", ("not_a_number",)),
        (1100.0, "code", {"code_digits": 5}, "01100", ("code_zero_padded",)),
        ("０１１００", "code", {"code_digits": 5}, "01100", ("fullwidth",)),
        ("011002", "code", {"code_digits": 5}, "011002", ("code_format",)),
        ("  医師会と連携  ", "text", {}, "医師会と連携", ("trimmed",)),
        (12.0, "text", {}, "12", ()),
        ("研修会を年２回（ＡＣＰ）", "text", {}, "研修会を年２回（ＡＣＰ）", ()),  # free text is kept as typed
    ],
)
def test_normalise(raw: object, kind: str, kwargs: dict, value: str, notes: tuple) -> None:
    result = normalise(raw, kind, **kwargs)
    assert result.value == value
    assert result.notes == notes


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_blank_is_no_value(raw: object) -> None:
    assert normalise(raw, "text").value is None
