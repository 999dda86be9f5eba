"""Where each item sits on the answer sheet, computed once from the codebook's item order.

The answer cells are stamped into the codebook file (``python -m warehouse.codebook.layout FILE``)
so they are part of the contract and never move once a template is sent out; the template writer
re-runs :func:`plan` only to place labels around those cells and refuses a codebook whose cells
disagree with the plan (a hand-edited cell would otherwise make template and reader drift).

Columns: A question number, B wording or option label, C the answer (D, E… for items laid out
beside an earlier multiple-choice item with ``layout_with``), then a hint column for choices.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from warehouse.yaml_files import read_yaml

if TYPE_CHECKING:
    from warehouse.codebook.model import Codebook

FIRST_ROW = 5
ANSWER_COLUMN = 3  # C
HINT_COLUMN_OFFSET = 1


@cache
def column_letter(index: int) -> str:
    """1 → A, 27 → AA (cached: the reader names every non-empty cell of every workbook)."""
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    return f"{column_letter(column)}{row}"


@dataclass
class Placement:
    """Rows of the labels around one item, and its answer cells."""

    key: str
    section_row: int | None = None
    question_row: int | None = None
    label_row: int | None = None
    cell: str | None = None
    option_cells: dict[int, str] = field(default_factory=dict)
    option_rows: dict[int, int] = field(default_factory=dict)
    column: int = ANSWER_COLUMN


def plan(items: list[dict[str, Any]]) -> dict[str, Placement]:
    """Lay items out top to bottom; multiple-choice items get a label row then one row per option."""
    out: dict[str, Placement] = {}
    row = FIRST_ROW
    section = None
    question = None
    for raw in items:
        p = Placement(key=raw["key"])
        if raw.get("section") and raw["section"] != section:
            section = raw["section"]
            row += 1
            p.section_row = row
            row += 1
        partner = out.get(raw.get("layout_with") or "")
        if partner is not None:
            p.column = partner.column + 1
            p.option_rows = dict(partner.option_rows)
            p.option_cells = {code: cell_name(r, p.column) for code, r in p.option_rows.items()}
            p.label_row = partner.label_row
            out[p.key] = p
            continue
        if raw.get("question") != question:
            question = raw.get("question")
            p.question_row = row
            row += 1
        if raw["type"] == "multiple":
            p.label_row = row
            row += 1
            for option in raw.get("options") or []:
                p.option_rows[int(option[0])] = row
                p.option_cells[int(option[0])] = cell_name(row, p.column)
                row += 1
        else:
            p.label_row = row
            p.cell = cell_name(row, p.column)
            row += 1
        out[p.key] = p
    return out


def plan_codebook(cb: Codebook) -> dict[str, Placement]:
    """The plan of a loaded codebook (the same algorithm that stamped its cells)."""
    return plan(
        [
            {
                "key": i.key,
                "type": i.type,
                "question": i.question,
                "section": i.section,
                "layout_with": i.layout_with,
                "options": [[o.code] for o in i.options],
            }
            for i in cb.items
        ]
    )


# --- canonical file form -----------------------------------------------------------------------

HEADER_FIELDS = (
    "edition", "edition_label", "form", "form_label", "survey", "survey_label", "title",
    "reference_date", "reference_date_note", "codes_as_of", "template_version", "sheet", "notes", "evidence",
)  # fmt: skip
ITEM_FIELDS = (
    "key", "question", "section", "text", "label", "type", "code_kind", "cell", "unit",
    "min", "max", "plausible_max", "plausible_why", "integer", "relevant", "required", "layout_with",
    "identity", "tags", "evidence", "constraints", "options",
)  # fmt: skip


def _scalar(value: Any) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000, sort_keys=False)
    return text.removesuffix("\n...\n").rstrip("\n")


def dump(doc: dict[str, Any]) -> str:
    """The one canonical text of a codebook, so machine edits produce reviewable diffs."""
    lines = []
    for k in HEADER_FIELDS:
        if k in doc and isinstance(doc[k], list):  # notes: one line each
            lines.append(f"{k}:")
            lines.extend(f"  - {_scalar(v)}" for v in doc[k])
        elif k in doc:
            lines.append(f"{k}: {_scalar(doc[k])}")
    lines.append("items:")
    for item in doc["items"]:
        first = True
        for k in ITEM_FIELDS:
            if k not in item or item[k] is None:
                continue
            prefix = "  - " if first else "    "
            first = False
            value = item[k]
            if k == "options":
                lines.append(f"{prefix}options:")
                lines.extend(f"      - {_scalar(list(o))}" for o in value)
            elif k == "constraints":
                lines.append(f"{prefix}constraints:")
                lines.extend(f"      - {_scalar(dict(c))}" for c in value)
            else:
                lines.append(f"{prefix}{k}: {_scalar(value)}")
        unknown = set(item) - set(ITEM_FIELDS)
        if unknown:
            raise ValueError(f"{item.get('key')}: unknown fields {sorted(unknown)}")
    return "\n".join(lines) + "\n"


def stamp(doc: dict[str, Any]) -> dict[str, Any]:
    """Write the planned answer cells into the codebook document (options get a 4th element)."""
    placements = plan(doc["items"])
    for item in doc["items"]:
        p = placements[item["key"]]
        if item["type"] == "multiple":
            item.pop("cell", None)
            item["options"] = [[*o[:3], p.option_cells[int(o[0])]] for o in item["options"]]
        else:
            item["cell"] = p.cell
    return doc


def main(argv: list[str]) -> int:
    for name in argv:
        path = Path(name)
        doc = read_yaml(path)
        path.write_text(dump(stamp(doc)), encoding="utf-8")
        print(f"{path}: {len(doc['items'])} items laid out")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
