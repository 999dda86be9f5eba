"""What real returns contain, injected at configured rates, each one written to the manifest with
the reason the warehouse is expected to give for it.

Cell defects change what a respondent typed; file defects change the file itself.  ``expect`` in the
manifest is ``quarantine:<reason>`` (the file is refused), ``issue:<code>`` (an ingest note on the
cell or submission), ``rule:<item>.<rule>`` (a codebook rule the gate reports), or ``history`` (an
extra version of a return, kept beside the first).
"""

from __future__ import annotations

import random
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from warehouse.codebook import Codebook, Item
from warehouse.codebook import expressions as ex
from warehouse.sample.population import Respondent

#: Share of returns that get each defect in defect mode.
DEFAULT_RATES: dict[str, float] = {
    "corrupt": 0.001,
    "empty": 0.001,
    "renamed_sheet": 0.002,
    "old_template": 0.002,
    "xls": 0.002,
    "xlsm": 0.002,
    "fullwidth_digits": 0.02,
    "tick_mark": 0.02,
    "float_text": 0.01,
    "blank_required": 0.02,
    "off_path": 0.01,
    "broken_constraint": 0.01,
    "unknown_code": 0.003,
    "mistyped_code": 0.003,
    "resubmission": 0.01,
    "duplicate_coordinator": 0.004,
}
#: Defects after which nothing else on the return can be observed.
TERMINAL = ("corrupt", "empty", "renamed_sheet", "old_template")
CELL_DEFECTS = (
    "fullwidth_digits",
    "tick_mark",
    "float_text",
    "blank_required",
    "off_path",
    "broken_constraint",
    "unknown_code",
    "mistyped_code",
)
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass
class Defect:
    defect: str
    respondent: str
    file: str
    expect: str
    cell: str | None = None
    item_key: str | None = None
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _relevant(item: Item, answers: dict[str, Any]) -> bool:
    return item.relevant is None or ex.evaluate(item.relevant, answers)


def cell_defect(
    kind: str, cb: Codebook, r: Respondent, answers: dict[str, Any], cells: dict[str, Any], rng: random.Random
) -> Defect | None:
    """Apply one cell defect to ``cells`` (in place); None when this return offers no place for it."""
    answered = [i for i in cb.items if i.key in answers and i.type != "code"]
    if kind == "fullwidth_digits":
        pick = [i for i in answered if i.type in ("single", "number")]
        if pick:
            item = rng.choice(pick)
            cells[item.cell] = str(cells[item.cell]).translate(FULLWIDTH)
            return Defect(kind, r.id, "", "issue:fullwidth", item.cell, item.key, f"typed {cells[item.cell]!r}")
    if kind in ("tick_mark", "float_text"):
        pick = [i for i in answered if i.type == "multiple"]
        if pick:
            item = rng.choice(pick)
            code = rng.choice(sorted(answers[item.key]))
            cell = item.option(code).cell
            cells[cell] = rng.choice(("〇", "✓", "○")) if kind == "tick_mark" else "1.0"
            note = "tick_mark"  # '1.0' pasted as text is a tick mark too: ticked, with the note
            return Defect(kind, r.id, "", f"issue:{note}", cell, item.key, f"typed {cells[cell]!r} for a tick")
    if kind == "blank_required":
        pick = [i for i in answered if i.required and i.type in ("single", "number", "text")]
        if pick:
            item = rng.choice(pick)
            cells.pop(item.cell, None)
            return Defect(
                kind, r.id, "", f"rule:{item.key}.required", item.cell, item.key, "required answer left blank"
            )
    if kind == "off_path":
        pick = [i for i in cb.items if i.type == "single" and i.relevant is not None and not _relevant(i, answers)]
        if pick:
            item = rng.choice(pick)
            cells[item.cell] = item.options[0].code
            return Defect(
                kind,
                r.id,
                "",
                f"rule:{item.key}.relevant",
                item.cell,
                item.key,
                "answered where the skip logic says not asked",
            )
    if kind == "broken_constraint":
        for item in rng.sample(answered, len(answered)):
            for rule in item.constraints:
                broken = _break(item, rule.id, rule.expr, answers, cells)
                if broken:
                    return Defect(
                        kind, r.id, "", f"rule:{item.key}.{rule.id}", broken, item.key, f"breaks {rule.source}"
                    )
    if kind in ("unknown_code", "mistyped_code"):
        item = next(i for i in cb.items if i.type == "code" and i.cell in cells)
        if kind == "unknown_code":
            cells[item.cell] = "99" if item.code_kind == "prefecture" else "99999"
            return Defect(kind, r.id, "", "issue:unknown_code", item.cell, item.key, "a code that does not exist")
        cells[item.cell] = r.code6  # the 6-digit code with its check digit, typed into the short field
        return Defect(kind, r.id, "", "issue:unknown_code", item.cell, item.key, f"typed the 6-digit code {r.code6}")
    return None


def _break(item: Item, rule_id: str, expr: ex.Node, answers: dict[str, Any], cells: dict[str, Any]) -> str | None:
    """Tick options until a count rule of a multiple-choice item fails; returns the cell changed."""
    counting = rule_id in ("at_most_three", "only_one") or rule_id.startswith("exclusive_")
    if item.type != "multiple" or not counting:
        return None
    ticked = set(answers[item.key])
    for option in item.options:
        if option.code in ticked:
            continue
        trial = {**answers, item.key: frozenset(ticked | {option.code})}
        ticked.add(option.code)
        cells[option.cell] = 1
        if not ex.evaluate(expr, trial, this=item.key):
            return option.cell
    return None


def corrupt(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def to_xlsm(path: Path) -> Path:
    """Re-save as a macro-enabled workbook (as Excel does when a respondent picks .xlsm)."""
    target = path.with_suffix(".xlsm")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"sheet.main+xml", b"sheet.macroEnabled.main+xml")
            dst.writestr(info, data)
    path.unlink()
    return target


def to_xls(path: Path, sheet: str) -> Path:
    """Re-save the answer sheet as a legacy .xls workbook (values only, as 'Save as Excel 97-2003')."""
    import python_calamine as pc
    import xlwt

    target = path.with_suffix(".xls")
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet(sheet)
    source = pc.CalamineWorkbook.from_path(str(path))
    for r, row in enumerate(source.get_sheet_by_name(sheet).to_python(skip_empty_area=False)):
        for c, value in enumerate(row):
            if value not in (None, ""):
                ws.write(r, c, value)
    source.close()
    book.save(str(target))
    path.unlink()
    return target
