"""The codebook's rule language: a small, parsed (never ``eval``-ed) subset of XLSForm expressions.

Rules are written once in the codebook and compiled to several targets (Python for the sample
generator and tests, SQL and Great Expectations conditions for the gate), so they are parsed into a
tiny AST that every target walks.  Grammar::

    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := operand (("=" | "!=" | "<" | "<=" | ">" | ">=") operand
                        | "in" "(" literal ("," literal)* ")")?
    operand := "${" key "}" | "." | number | 'string' | name "(" args ")" | "(" expr ")"

Functions: ``selected(ref, code)``, ``count_selected(ref)``, ``answered(ref)``,
``regex(ref, 'pattern')``, ``subset(ref, ref)`` (every option ticked in the first is ticked in the
second).  ``.`` is the item the rule belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

VARIADIC = -1  # a function taking one or more arguments
FUNCTIONS: dict[str, int] = {
    "selected": 2,
    "count_selected": 1,
    "answered": 1,
    "regex": 2,
    "subset": 2,
    "count_true": VARIADIC,
}
COMPARATORS = ("=", "!=", "<", "<=", ">", ">=")


class ExpressionError(ValueError):
    """A rule that does not parse; the message points at the offending position."""


@dataclass(frozen=True)
class Ref:
    key: str


@dataclass(frozen=True)
class Self:
    pass


@dataclass(frozen=True)
class Literal:
    value: int | float | str


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Node, ...]


@dataclass(frozen=True)
class Compare:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class In:
    operand: Node
    values: tuple[Literal, ...]


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


Node = Ref | Self | Literal | Call | Compare | In | And | Or | Not

_TOKEN = re.compile(
    r"""\s*(?:
    (?P<ref>\$\{(?P<key>[A-Za-z_][A-Za-z0-9_]*)\})
  | (?P<number>-?\d+(?:\.\d+)?)
  | (?P<string>'(?:[^'\\]|\\.)*')
  | (?P<op><=|>=|!=|=|<|>)
  | (?P<punct>[(),.])
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
)""",
    re.VERBOSE,
)


def _tokens(source: str) -> list[tuple[str, str, int]]:
    out: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(source):
        if source[pos:].strip() == "":
            break
        m = _TOKEN.match(source, pos)
        if not m or m.end() == pos:
            raise ExpressionError(f"unexpected character at {pos}: {source[pos : pos + 10]!r} in {source!r}")
        kind = next(g for g in ("ref", "number", "string", "op", "punct", "name") if m.group(g) is not None)
        value = m.group("key") if kind == "ref" else m.group(kind)
        out.append((kind, value, m.start(kind)))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.toks = _tokens(source)
        self.i = 0

    def _peek(self) -> tuple[str, str, int] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def _fail(self, what: str) -> ExpressionError:
        tok = self._peek()
        where = f"at {tok[2]} ({tok[1]!r})" if tok else "at end"
        return ExpressionError(f"{what} {where} in {self.source!r}")

    def _accept(self, kind: str, value: str | None = None) -> str | None:
        tok = self._peek()
        if tok and tok[0] == kind and (value is None or tok[1] == value):
            self.i += 1
            return tok[1]
        return None

    def _expect(self, kind: str, value: str | None = None) -> str:
        got = self._accept(kind, value)
        if got is None:
            raise self._fail(f"expected {value or kind}")
        return got

    def parse(self) -> Node:
        node = self._or()
        if self._peek() is not None:
            raise self._fail("unexpected token")
        return node

    def _or(self) -> Node:
        items = [self._and()]
        while self._accept("name", "or"):
            items.append(self._and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def _and(self) -> Node:
        items = [self._not()]
        while self._accept("name", "and"):
            items.append(self._not())
        return items[0] if len(items) == 1 else And(tuple(items))

    def _not(self) -> Node:
        if self._accept("name", "not"):
            return Not(self._not())
        return self._compare()

    def _compare(self) -> Node:
        left = self._operand()
        op = self._accept("op")
        if op is not None:
            return Compare(op, left, self._operand())
        if self._accept("name", "in"):
            self._expect("punct", "(")
            values = [self._literal()]
            while self._accept("punct", ","):
                values.append(self._literal())
            self._expect("punct", ")")
            return In(left, tuple(values))
        return left

    def _literal(self) -> Literal:
        node = self._operand()
        if not isinstance(node, Literal):
            raise self._fail("expected a literal")
        return node

    def _operand(self) -> Node:
        tok = self._peek()
        if tok is None:
            raise self._fail("expected an operand")
        kind, value, _ = tok
        if kind == "ref":
            self.i += 1
            return Ref(value)
        if kind == "number":
            self.i += 1
            return Literal(float(value) if "." in value else int(value))
        if kind == "string":
            self.i += 1
            return Literal(value[1:-1].replace("\\'", "'"))
        if kind == "punct" and value == ".":
            self.i += 1
            return Self()
        if kind == "punct" and value == "(":
            self.i += 1
            node = self._or()
            self._expect("punct", ")")
            return node
        if kind == "name" and value not in ("and", "or", "not", "in"):
            self.i += 1
            if value not in FUNCTIONS:
                raise ExpressionError(f"unknown function {value!r} in {self.source!r}")
            self._expect("punct", "(")
            args: list[Node] = []
            if not self._accept("punct", ")"):
                args.append(self._or())
                while self._accept("punct", ","):
                    args.append(self._or())
                self._expect("punct", ")")
            if len(args) != FUNCTIONS[value] and not (FUNCTIONS[value] == VARIADIC and args):
                raise ExpressionError(
                    f"{value}() takes {'one or more' if FUNCTIONS[value] == VARIADIC else FUNCTIONS[value]} "
                    f"argument(s), got {len(args)} in {self.source!r}"
                )
            return Call(value, tuple(args))
        raise self._fail("expected an operand")


def parse(source: str) -> Node:
    """Parse one rule; raises :class:`ExpressionError` naming the position on failure."""
    return _Parser(source).parse()


def walk(node: Node) -> Iterator[Node]:
    """Every node of the tree, depth first (for linting and reference collection)."""
    yield node
    children: tuple[Node, ...] = ()
    if isinstance(node, Call):
        children = node.args
    elif isinstance(node, Compare):
        children = (node.left, node.right)
    elif isinstance(node, In):
        children = (node.operand, *node.values)
    elif isinstance(node, And | Or):
        children = node.items
    elif isinstance(node, Not):
        children = (node.item,)
    for child in children:
        yield from walk(child)


def references(node: Node) -> set[str]:
    """Keys of the items a rule reads."""
    return {n.key for n in walk(node) if isinstance(n, Ref)}


# --- Python evaluation -------------------------------------------------------------------------
# Answers are ``{key: value}`` with single → int code, multiple → frozenset of codes, number →
# int/float, text/code → str, and a missing key or None → not answered.  Comparisons with a
# missing value are false, as in SQL, so an unanswered parent makes its children not relevant.


def _value(node: Node, answers: Mapping[str, Any], this: str | None) -> Any:
    if isinstance(node, Ref):
        return answers.get(node.key)
    if isinstance(node, Self):
        if this is None:
            raise ExpressionError("'.' used outside an item's own rule")
        return answers.get(this)
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, Call):
        return _call(node, answers, this)
    return evaluate(node, answers, this)


def _ticked(value: Any) -> frozenset[int]:
    if value is None:
        return frozenset()
    if isinstance(value, frozenset | set | tuple | list):
        return frozenset(value)
    return frozenset({value})


def _call(node: Call, answers: Mapping[str, Any], this: str | None) -> Any:
    args = [] if node.name == "count_true" else [_value(a, answers, this) for a in node.args]
    if node.name == "selected":
        return args[1] in _ticked(args[0])
    if node.name == "count_selected":
        return len(_ticked(args[0]))
    if node.name == "answered":
        return args[0] is not None and args[0] != frozenset() and args[0] != ""
    if node.name == "regex":
        return args[0] is not None and re.search(str(args[1]), str(args[0])) is not None
    if node.name == "subset":
        return _ticked(args[0]) <= _ticked(args[1])
    if node.name == "count_true":  # how many of its conditions hold, e.g. items implemented
        return sum(evaluate(a, answers, this) for a in node.args)
    raise ExpressionError(f"unknown function {node.name}")


_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "=": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def evaluate(node: Node, answers: Mapping[str, Any], this: str | None = None) -> bool:
    """Truth of a rule for one respondent's answers."""
    if isinstance(node, And):
        return all(evaluate(n, answers, this) for n in node.items)
    if isinstance(node, Or):
        return any(evaluate(n, answers, this) for n in node.items)
    if isinstance(node, Not):
        return not evaluate(node.item, answers, this)
    if isinstance(node, Compare):
        left, right = _value(node.left, answers, this), _value(node.right, answers, this)
        if left is None or right is None:
            return False
        try:
            return _OPS[node.op](left, right)
        except TypeError:
            return False
    if isinstance(node, In):
        value = _value(node.operand, answers, this)
        return value is not None and value in {v.value for v in node.values}
    return bool(_value(node, answers, this))
