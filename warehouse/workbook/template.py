"""Writes the survey workbook of a form from its codebook: blank (the template respondents get) or
filled (the sample generator's returns).  Same function, same layout, so they cannot differ.

The answer sheet holds the questions with blue answer cells (drop-downs for choices), the template
identifier in B2 (checked by the reader), and lookup formulas that show the name of the code typed
in F1; the 自治体コード sheet lists every prefecture and municipality code respondents may type.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from warehouse.codebook import Codebook, Item
from warehouse.codebook.layout import ANSWER_COLUMN, Placement, column_letter, plan_codebook
from warehouse.codebook.model import CODE_HINTS, CODE_LENGTHS
from warehouse.reference.local_governments import load as load_registry

CODE_SHEET = "自治体コード"
TEMPLATE_ID_CELL = "B2"
ANSWER_FILL = "#DDEBF7"


def _code_sheet(wb: Workbook, fmt: dict[str, Any]) -> None:
    ws = wb.add_worksheet(CODE_SHEET)
    ws.write_row(0, 0, ["コード", "都道府県名", "市町村名", "区分"], fmt["bold"])
    registry = load_registry()
    row = 1
    for pref in sorted(registry.prefectures.values(), key=lambda g: g.code6):
        ws.write_string(row, 0, pref.prefecture_code)
        ws.write_row(row, 1, [pref.prefecture_name, "", "都道府県"])
        row += 1
    for muni in sorted(registry.municipalities.values(), key=lambda g: g.code6):
        ws.write_string(row, 0, muni.code5)
        ws.write_row(row, 1, [muni.prefecture_name, muni.name, "市区町村"])
        row += 1
    ws.set_column(0, 0, 10)
    ws.set_column(1, 2, 16)


def _validation(ws: Worksheet, cell: str, item: Item) -> None:
    if item.type == "single":
        ws.data_validation(cell, {"validate": "list", "source": [str(o.code) for o in item.options]})
    elif item.type == "multiple":
        ws.data_validation(cell, {"validate": "list", "source": ["1"]})
    elif item.type == "number":
        rule: dict[str, Any] = {"validate": "integer" if item.integer else "decimal"}
        if item.maximum is not None:
            rule |= {"criteria": "between", "minimum": item.minimum or 0, "maximum": item.maximum}
        else:
            rule |= {"criteria": ">=", "value": item.minimum or 0}
        ws.data_validation(cell, rule)
    elif item.type == "code":
        length = CODE_LENGTHS[item.code_kind or "municipality"]
        ws.data_validation(cell, {"validate": "length", "criteria": "==", "value": length})


def _hint(item: Item) -> str:
    if item.type == "single":
        return "　".join(f"{o.code}. {o.label}" for o in item.options)
    if item.type == "multiple":
        return "あてはまる場合「１」を選択"
    if item.type == "text":
        return "（記述）" if item.required else "（自由記載）"
    if item.type == "number":
        return f"数値（{item.unit}）" if item.unit else "数値"
    return f"{CODE_HINTS[item.code_kind or 'municipality']}（全角数字は不可）"


_LOOKUP_CELLS: dict[tuple[int, str, str], dict[str, Item]] = {}


def lookup_cells(cb: Codebook) -> dict[str, Item]:
    """Cells holding the name lookup of a code item (formulas: what Excel shows, not an answer).

    Kept per codebook: the reader asks for every workbook it opens.
    """
    key = (cb.edition, cb.form, cb.template_id)
    if key not in _LOOKUP_CELLS:
        placements = plan_codebook(cb)
        _LOOKUP_CELLS[key] = {
            f"{column_letter(placements[i.key].column + 1)}{placements[i.key].label_row}": i
            for i in cb.items
            if i.type == "code"
        }
    return _LOOKUP_CELLS[key]


def _lookup_formula(cell: str, item: Item) -> str:
    if item.code_kind == "hub":  # the hub's prefecture, from the 2 digits after H
        return f'=IFERROR(VLOOKUP(MID({cell},2,2),{CODE_SHEET}!$A:$C,2,FALSE),"")'
    column = 2 if item.code_kind == "prefecture" else 3
    return f'=IFERROR(VLOOKUP({cell},{CODE_SHEET}!$A:$C,{column},FALSE),"")'


def registry_name(item: Item, code: Any) -> str:
    """The cached value Excel would store for the name lookup, so readers see what respondents saw."""
    registry = load_registry()
    if item.code_kind == "hub":
        found = registry.prefectures.get(str(code)[1:3]) if code is not None else None
        return found.prefecture_name if found is not None else ""
    table = registry.prefectures if item.code_kind == "prefecture" else registry.municipalities
    found = table.get(str(code)) if code is not None else None
    if found is None:
        return ""
    return found.prefecture_name if item.code_kind == "prefecture" else found.name


def _write_value(ws: Worksheet, cell: str, value: Any, fmt: Any) -> None:
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int | float):
        ws.write_number(cell, value, fmt)
    else:
        ws.write_string(cell, str(value), fmt)


def _answer_sheet(wb: Workbook, cb: Codebook, fmt: dict[str, Any], cells: Mapping[str, Any], sheet: str) -> None:
    ws = wb.add_worksheet(sheet)
    ws.set_column(0, 0, 12)
    ws.set_column(1, 1, 72, fmt["wrap"])
    ws.set_column(ANSWER_COLUMN - 1, ANSWER_COLUMN + 4, 11)
    ws.write("A1", cb.title, fmt["title"])
    ws.write("A2", "様式ID")
    ws.write_string(TEMPLATE_ID_CELL, cb.template_id)
    ws.write(
        "A3",
        "回答欄は青いセルです。「記述」は必須回答、「自由記載」は任意回答です。"
        + (f"調査時点は{cb.reference_date:%Y年%m月%d日}。" if cb.reference_date else ""),
    )
    placements: dict[str, Placement] = plan_codebook(cb)
    lookups = {item.key: cell for cell, item in lookup_cells(cb).items()}
    for item in cb.items:
        p = placements[item.key]
        if p.section_row:
            ws.write(f"A{p.section_row}", item.section, fmt["bold"])
        if p.question_row:
            ws.write(f"A{p.question_row}", item.question, fmt["bold"])
            ws.write(f"B{p.question_row}", item.text or item.label, fmt["wrap"])
        hint_column = column_letter(p.column + 1)
        if item.type == "multiple":
            ws.write(f"{column_letter(p.column)}{p.label_row}", item.label, fmt["small"])
            if not item.layout_with:
                ws.write(f"A{p.label_row}", item.question)
                ws.write(f"B{p.label_row}", item.label)
            for option in item.options:
                assert option.cell is not None
                if not item.layout_with:
                    ws.write(f"B{p.option_rows[option.code]}", f"{option.code}. {option.label}")
                _write_value(ws, option.cell, cells.get(option.cell, ""), fmt["answer"])
                _validation(ws, option.cell, item)
            continue
        assert item.cell is not None
        ws.write(f"A{p.label_row}", item.question)
        ws.write(f"B{p.label_row}", item.label + (f"（{item.unit}）" if item.unit else ""))
        _write_value(ws, item.cell, cells.get(item.cell, ""), fmt["answer"])
        _validation(ws, item.cell, item)
        if item.type == "code":
            name = registry_name(item, cells.get(item.cell))
            ws.write_formula(lookups[item.key], _lookup_formula(item.cell, item), None, name)
            ws.write(f"{column_letter(p.column + 2)}{p.label_row}", "←名称が正しいか御確認ください")
        else:
            ws.write(f"{hint_column}{p.label_row}", _hint(item), fmt["small"])
    for cell in set(cells) - set(cb.cell_map()):  # anything else typed on the sheet, as typed
        _write_value(ws, cell, cells[cell], None)


def write_workbook(
    cb: Codebook, path: Path, cells: Mapping[str, Any] | None = None, *, sheet: str | None = None
) -> Path:
    """Write the workbook of ``cb`` to ``path``.

    ``cells`` are raw values as a respondent typed them, in answer cells or anywhere else on the
    answer sheet; ``sheet`` renames the answer sheet (as respondents sometimes do).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    fmt = {
        "title": wb.add_format({"bold": True, "font_size": 14}),
        "bold": wb.add_format({"bold": True}),
        "wrap": wb.add_format({"text_wrap": True, "valign": "top"}),
        "small": wb.add_format({"font_size": 9, "font_color": "#595959"}),
        "answer": wb.add_format({"bg_color": ANSWER_FILL, "border": 1, "locked": False}),
    }
    wb.set_custom_property("template_id", cb.template_id)
    wb.set_properties({"title": cb.title, "subject": cb.template_id})
    _answer_sheet(wb, cb, fmt, cells or {}, sheet or cb.sheet)
    _code_sheet(wb, fmt)
    wb.close()
    return path
