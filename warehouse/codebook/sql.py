"""The codebook's rules compiled to DuckDB SQL over one row per respondent.

The row has one column per item, named by the item key: an integer for single choice, a double
for numbers, text for text and codes, and a list of the ticked codes (NULL when none) for multiple
choice.  Every reference to another item reads its *effective* value, i.e. NULL where that item was
not relevant, so an off-path answer never opens the questions that depend on it; this is the same
meaning as :func:`warehouse.codebook.validate.violations` gives in Python, and a test holds the two
to each other on the sample year.

Each item gets named columns beside its answer (:meth:`Compiler.skip_logic`): ``<item>__is_given`` and,
with a skip rule, ``<item>__is_relevant`` and ``<item>__effective``; every other rule reads those names, so
each is written once, short enough to read, in the generated models (:mod:`warehouse.codebook.dbt_models`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warehouse.codebook import expressions as ex
from warehouse.codebook.model import Codebook, Item
from warehouse.wording import findings as wording

_SQL_OPS = {"=": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
TEXT_TYPES = ("text", "code")


_PLAIN = re.compile(r"^[a-z_][a-z0-9_]*$")
#: Words DuckDB reserves that a plain name could collide with (item keys and rule ids never do today).
_RESERVED = frozenset({"all", "and", "as", "case", "end", "from", "in", "is", "not", "or", "select", "when", "where"})


def column(key: str) -> str:
    """The column of an item in the per-respondent row, quoted only where DuckDB needs it."""
    if _PLAIN.match(key) and key not in _RESERVED:
        return key
    return '"' + key.replace('"', '""') + '"'


def given_column(key: str) -> str:
    """Whether the return holds an answer for the item."""
    return column(f"{key}__is_given")


def relevant_column(key: str) -> str:
    """Whether the item applies, by its skip rule (items with one only)."""
    return column(f"{key}__is_relevant")


def effective_column(key: str) -> str:
    """The answer as it counts: NULL where the item did not apply (items with a skip rule only)."""
    return column(f"{key}__effective")


def _literal(value: int | float | str, *, as_text: bool = False) -> str:
    if isinstance(value, str) or as_text:
        return "'" + str(value).replace("'", "''") + "'"
    return repr(value)


def _item_type(node: ex.Node, cb: Codebook, this: str | None) -> str | None:
    """The type of the item a reference (or ``.``) points at; None for anything else."""
    key = node.key if isinstance(node, ex.Ref) else this if isinstance(node, ex.Self) else None
    return cb.item(key).type if key is not None else None


def _is_list(node: ex.Node, cb: Codebook, this: str | None) -> bool:
    return _item_type(node, cb, this) == "multiple"


def _is_text(node: ex.Node, cb: Codebook, this: str | None) -> bool:
    return _item_type(node, cb, this) in TEXT_TYPES


def _when(conditions: list[str], value: str) -> str:
    """``value`` where every condition holds, NULL elsewhere; ``true`` (an item without a skip rule) is left out."""
    held = [condition for condition in conditions if condition != "true"]
    return f"(case when {' and '.join(held)} then {value} end)" if held else value


def _answered(value: str, item_type: str | None) -> str:
    """``value`` holds an answer: a tick for multiple choice, non-empty text, or any value."""
    if item_type == "multiple":
        return f"(len(coalesce({value}, cast([] as integer[]))) > 0)"
    if item_type in TEXT_TYPES:
        return f"({value} is not null and {value} <> '')"
    return f"({value} is not null)"


@dataclass(frozen=True)
class Check:
    """One rule of one item as a column of the per-respondent check table.

    The column is TRUE where the rule holds, FALSE where it is broken and NULL where it does not
    apply, so a tolerance counts only the respondents the rule applies to.
    """

    item_key: str
    rule: str  # "relevant", "required", or a constraint id
    column: str
    sql: str
    message: str  # Japanese, for the cleaning log (see wording)


class Compiler:
    """Compiles the rules of one codebook over the row of answers and its :meth:`skip_logic` columns."""

    def __init__(self, cb: Codebook) -> None:
        self.cb = cb

    def relevant(self, key: str) -> str:
        return "true" if self.cb.item(key).relevant is None else relevant_column(key)

    def effective(self, key: str) -> str:
        return column(key) if self.cb.item(key).relevant is None else effective_column(key)

    def skip_logic(self) -> list[tuple[str, str]]:
        """(column, SQL) of whether each item is answered, then of each skip rule and effective answer, each
        after the columns it reads."""
        out = [(given_column(item.key), _answered(column(item.key), item.type)) for item in self.cb.items]
        done: set[str] = set()

        def define(item: Item, path: tuple[str, ...] = ()) -> None:
            if item.key in done or item.relevant is None:
                return
            if item.key in path:
                raise ex.ExpressionError(f"{self.cb.path.name}: skip rules refer to each other: {path}")
            for key in sorted(ex.references(item.relevant)):
                define(self.cb.item(key), (*path, item.key))
            done.add(item.key)
            out.append((relevant_column(item.key), self.condition(item.relevant)))
            out.append(
                (effective_column(item.key), f"case when {relevant_column(item.key)} then {column(item.key)} end")
            )

        for item in self.cb.items:
            define(item)
        return out

    def condition(self, node: ex.Node, this: str | None = None) -> str:
        """A boolean SQL expression that is never NULL (a blank compares false, as in Python)."""
        if isinstance(node, ex.And):
            return "(" + " and ".join(self.condition(n, this) for n in node.items) + ")"
        if isinstance(node, ex.Or):
            return "(" + " or ".join(self.condition(n, this) for n in node.items) + ")"
        if isinstance(node, ex.Not):
            return f"(not {self.condition(node.item, this)})"
        if isinstance(node, ex.Compare):
            as_text = _is_text(node.left, self.cb, this) or _is_text(node.right, self.cb, this)
            left = self.value(node.left, this, as_text=as_text)
            right = self.value(node.right, this, as_text=as_text)
            return f"coalesce({left} {_SQL_OPS[node.op]} {right}, false)"
        if isinstance(node, ex.In):
            as_text = _is_text(node.operand, self.cb, this)
            values = ", ".join(_literal(v.value, as_text=as_text) for v in node.values)
            return f"coalesce({self.value(node.operand, this)} in ({values}), false)"
        if isinstance(node, ex.Call) and node.name in ("selected", "answered", "regex", "subset"):
            return f"coalesce({self.value(node, this)}, false)"
        raise ex.ExpressionError(f"{node!r} is not a condition")

    def value(self, node: ex.Node, this: str | None = None, *, as_text: bool = False) -> str:
        if isinstance(node, ex.Ref):
            return self.effective(node.key)
        if isinstance(node, ex.Self):
            if this is None:
                raise ex.ExpressionError("'.' outside a constraint")
            return self.effective(this)
        if isinstance(node, ex.Literal):
            return _literal(node.value, as_text=as_text)
        if isinstance(node, ex.Call):
            return self._call(node, this)
        return self.condition(node, this)

    def _ticked(self, node: ex.Node, this: str | None) -> str:
        value = self.value(node, this)
        return f"coalesce({value}, cast([] as integer[]))" if _is_list(node, self.cb, this) else f"[{value}]"

    def _call(self, node: ex.Call, this: str | None) -> str:
        args = node.args
        if node.name == "selected":
            return f"list_contains({self._ticked(args[0], this)}, {self.value(args[1], this)})"
        if node.name == "count_selected":
            return f"len(list_filter({self._ticked(args[0], this)}, lambda c: c is not null))"
        if node.name == "answered":
            return _answered(self.value(args[0], this), _item_type(args[0], self.cb, this))
        if node.name == "regex":
            return f"regexp_matches(cast({self.value(args[0], this)} as varchar), {self.value(args[1], this)})"
        if node.name == "subset":
            return f"list_has_all({self._ticked(args[1], this)}, {self._ticked(args[0], this)})"
        if node.name == "count_true":
            return "(" + " + ".join(f"cast({self.condition(a, this)} as integer)" for a in args) + ")"
        raise ex.ExpressionError(f"unknown function {node.name}")

    def given(self, item: Item) -> str:
        """Whether the return holds an answer for the item, whether it applies or not (a :meth:`skip_logic` column)."""
        return given_column(item.key)

    def constraint(self, item: Item, rule: ex.Node) -> str:
        """The rule holds, judged only where the item is relevant and answered (NULL elsewhere)."""
        return _when([self.relevant(item.key), self.given(item)], self.condition(rule, item.key))

    def checks(self) -> list[Check]:
        """Every rule of the codebook: skip logic, required answers and constraints, in item order."""
        out: list[Check] = []
        for item in self.cb.items:
            relevant, given = self.relevant(item.key), self.given(item)
            if item.relevant is not None:
                out.append(
                    Check(
                        item.key,
                        "relevant",
                        f"{item.key}__relevant",
                        f"(case when not {relevant} then not {given} end)",
                        wording.skip_message(self.cb, item),
                    )
                )
            if item.required:
                out.append(
                    Check(
                        item.key,
                        "required",
                        f"{item.key}__required",
                        _when([relevant], given),
                        wording.required_message(self.cb, item),
                    )
                )
            for rule in item.constraints:
                out.append(
                    Check(
                        item.key,
                        rule.id,
                        f"{item.key}__{rule.id}",
                        self.constraint(item, rule.expr),
                        wording.constraint_message(self.cb, item, rule),
                    )
                )
        return out
