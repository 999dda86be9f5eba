"""Answers ↔ cell values, both directions driven by the codebook's cell map.

The template writer fills cells from answers (for the sample generator) and the ingest turns cells
back into answers; keeping both here, next to each other, is what makes the round trip exact.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from warehouse.codebook import Codebook

TICK = 1

Answer = int | float | str | frozenset[int]


def answers_to_cells(cb: Codebook, answers: Mapping[str, Answer | None]) -> dict[str, Any]:
    """Cell → value to write for one respondent's answers (missing answers write nothing)."""
    cells: dict[str, Any] = {}
    for item in cb.items:
        value = answers.get(item.key)
        if value is None:
            continue
        if item.type == "multiple":
            for code in sorted(value):  # type: ignore[arg-type]
                cell = item.option(code).cell
                assert cell is not None
                cells[cell] = TICK
        else:
            assert item.cell is not None
            cells[item.cell] = value
    return cells


def cells_to_answers(cb: Codebook, cells: Mapping[str, Any]) -> dict[str, Answer]:
    """Answers from normalised cell values: ticks (1) become option sets, other cells their value."""
    answers: dict[str, Answer] = {}
    ticked: dict[str, set[int]] = {}
    for cell, (item, option) in cb.cell_map().items():
        value = cells.get(cell)
        if value is None or value == "":
            continue
        if option is not None:
            if value == TICK:
                ticked.setdefault(item.key, set()).add(option.code)
        else:
            answers[item.key] = value
    answers.update({k: frozenset(v) for k, v in ticked.items()})
    return answers


def typed_value(item_type: str, tick: bool, value: str | None, number: float | None) -> Any:
    """The Python value of a normalised cell (as stored in ``raw.answers``), for the round trip."""
    if value is None:
        return None
    if tick or item_type == "single":
        return int(number) if number is not None and float(number).is_integer() else value
    if item_type == "number" and number is not None:
        return int(number) if float(number).is_integer() else number
    return value
