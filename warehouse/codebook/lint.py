"""Checks a codebook before anything is derived from it: a broken rule caught here never reaches a
template sent to 3,500 respondents.  ``python -m warehouse.codebook.lint`` lints every edition."""

from __future__ import annotations

import re
import sys

from warehouse.codebook import expressions as ex
from warehouse.codebook import layout
from warehouse.codebook.model import SCENARIOS, Codebook, CodebookError, Item, codebook_paths, load_file

CHOICE_TYPES = ("single", "multiple")
#: An item key: a plain SQL name without a double underscore, which the generated models keep for their columns.
KEY = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def _rule_problems(cb: Codebook, item: Item, node: ex.Node, what: str, earlier: set[str]) -> list[str]:
    where = f"{cb.path.name}: {item.key}: {what}"
    by_key = {i.key: i for i in cb.items}
    problems: list[str] = []

    def target(n: ex.Node) -> Item | None:
        if isinstance(n, ex.Ref):
            return by_key.get(n.key)
        if isinstance(n, ex.Self):
            return item
        return None

    for n in ex.walk(node):
        if isinstance(n, ex.Ref):
            if n.key not in by_key:
                problems.append(f"{where}: unknown item ${{{n.key}}}")
            elif what == "relevant" and n.key not in earlier:
                problems.append(f"{where}: refers to ${{{n.key}}}, which does not come before it")
        if isinstance(n, ex.Self) and what == "relevant":
            problems.append(f"{where}: '.' cannot be used in relevant")
        if isinstance(n, ex.Call) and n.name != "count_true":
            ref = target(n.args[0])
            if n.name in ("selected", "count_selected", "subset"):
                if ref is None or ref.type not in CHOICE_TYPES:
                    problems.append(f"{where}: {n.name}() needs a choice item as first argument")
                elif n.name == "selected":
                    code = n.args[1]
                    if not isinstance(code, ex.Literal) or code.value not in ref.option_codes:
                        problems.append(f"{where}: {ref.key} has no option {getattr(code, 'value', code)!r}")
            if n.name == "subset":
                other = target(n.args[1])
                if other is None or other.type != "multiple":
                    problems.append(f"{where}: subset() needs a multiple-choice item as second argument")
        if isinstance(n, ex.Compare | ex.In):
            left = n.left if isinstance(n, ex.Compare) else n.operand
            literals = [n.right] if isinstance(n, ex.Compare) else list(n.values)
            ref = target(left)
            if ref is not None and ref.type == "single":
                for lit in literals:
                    if isinstance(lit, ex.Literal) and lit.value not in ref.option_codes:
                        problems.append(f"{where}: {ref.key} has no option {lit.value!r}")
            if ref is not None and ref.type == "multiple":
                problems.append(
                    f"{where}: compare {ref.key} with selected()/count_selected(), not '{getattr(n, 'op', 'in')}'"
                )
    return problems


def lint(cb: Codebook) -> list[str]:
    """Every problem of one codebook, as readable lines; empty when it is sound."""
    name = cb.path.name
    problems: list[str] = []
    seen: set[str] = set()
    cells: dict[str, str] = {}
    for item in cb.items:
        where = f"{name}: {item.key}"
        if item.key in seen:
            problems.append(f"{where}: duplicate key")
        if not KEY.match(item.key):
            problems.append(
                f"{where}: a key is lower-case letters, digits and single underscores (the generated "
                "models name their own columns <key>__is_given, <key>__is_relevant, <key>__effective)"
            )
        if item.type in CHOICE_TYPES and not item.options:
            problems.append(f"{where}: {item.type} item without options")
        if item.type not in CHOICE_TYPES and item.options:
            problems.append(f"{where}: {item.type} item cannot have options")
        codes = [o.code for o in item.options]
        if len(codes) != len(set(codes)):
            problems.append(f"{where}: duplicate option code")
        if len({o.key for o in item.options}) != len(item.options):
            problems.append(f"{where}: duplicate option key")
        if not item.cells:
            problems.append(f"{where}: no answer cell (run python -m warehouse.codebook.layout)")
        if item.type == "multiple" and any(o.cell is None for o in item.options):
            problems.append(f"{where}: every option of a multiple-choice item needs its tick cell")
        for c in item.cells:
            if c in cells:
                problems.append(f"{where}: cell {c} already used by {cells[c]}")
            cells[c] = item.key
        if item.layout_with:
            partner = next((i for i in cb.items if i.key == item.layout_with), None)
            if partner is None or partner.key not in seen or partner.type != "multiple" or item.type != "multiple":
                problems.append(f"{where}: layout_with must name an earlier multiple-choice item")
            elif partner.option_codes != item.option_codes:
                problems.append(f"{where}: layout_with {partner.key} needs the same option codes")
        if item.plausible_max is not None:
            if item.type != "number":
                problems.append(f"{where}: plausible_max is for number items")
            elif not item.plausible_why:
                problems.append(f"{where}: plausible_max needs plausible_why (where the limit comes from)")
            elif item.maximum is not None and item.plausible_max >= item.maximum:
                problems.append(f"{where}: plausible_max must be below max {item.maximum}")
            elif item.minimum is not None and item.plausible_max <= item.minimum:
                problems.append(f"{where}: plausible_max must be above min {item.minimum}")
        if "scenario" in item.tags and item.tags["scenario"] not in SCENARIOS:
            problems.append(f"{where}: unknown scenario {item.tags['scenario']!r}")
        if item.relevant is not None:
            problems += _rule_problems(cb, item, item.relevant, "relevant", seen)
        rule_ids = [r.id for r in item.constraints]
        if len(rule_ids) != len(set(rule_ids)):
            problems.append(f"{where}: duplicate constraint id")
        for rule in item.constraints:
            problems += _rule_problems(cb, item, rule.expr, f"constraint {rule.id}", seen)
        seen.add(item.key)
    if not any(i.type == "code" for i in cb.items):
        problems.append(f"{name}: no respondent code item")
    problems += _layout_problems(cb)
    return problems


def _layout_problems(cb: Codebook) -> list[str]:
    planned = layout.plan_codebook(cb)
    problems = []
    for item in cb.items:
        p = planned[item.key]
        expected = tuple(p.option_cells[o.code] for o in item.options) if item.type == "multiple" else (p.cell,)
        if item.cells != expected:
            problems.append(f"{cb.path.name}: {item.key}: cells {item.cells} differ from the layout {expected}")
    return problems


def main() -> int:
    problems: list[str] = []
    for path in codebook_paths():
        try:
            cb = load_file(path)
        except CodebookError as err:
            problems.append(str(err))
            continue
        found = lint(cb)
        problems += found
        print(f"{path.parent.name}/{path.name}: {len(cb.items)} items, {len(found)} problems")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
