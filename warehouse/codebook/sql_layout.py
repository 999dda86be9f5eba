"""Compiled rules laid out on lines a reader (and sqlfluff) can follow.

The compiler writes each rule as one expression; the generated models break an expression that does
not fit in :data:`WIDTH` at its outermost ``and``/``or``, its ``case`` branches, or its function's
arguments, indenting as sqlfluff's layout rules expect.  Only whitespace outside quotes changes.
"""

from __future__ import annotations

from collections.abc import Iterator

WIDTH = 120
INDENT = 4
_OPEN, _CLOSE = "([{", ")]}"
COMPARISONS = ("=", "<>", "<=", ">=", "<", ">")


def _depths(text: str) -> Iterator[tuple[int, int, str]]:
    """(index, bracket depth, character) of each character outside quotes."""
    depth, quote = 0, ""
    for i, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
            continue
        if char in "'\"":
            quote = char
            continue
        if char in _CLOSE:
            depth -= 1
        yield i, depth, char
        if char in _OPEN:
            depth += 1


def _enclosed(text: str) -> bool:
    """``text`` is one bracketed group: ``( … )``."""
    if not text.startswith("(") or not text.endswith(")"):
        return False
    return all(depth > 0 or i in (0, len(text) - 1) for i, depth, _ in _depths(text))


def _split(text: str, words: tuple[str, ...]) -> list[tuple[str, str]]:
    """(word, part) at the top level of ``text``: the first part's word is empty."""
    cuts: list[tuple[int, str]] = []
    lowered = text.lower()
    for i, depth, char in _depths(text):
        if depth or char != " ":
            continue
        for word in words:
            if lowered.startswith(f" {word} ", i):
                cuts.append((i, word))
                break
    parts, start, word = [], 0, ""
    for i, next_word in cuts:
        parts.append((word, text[start:i].strip()))
        start, word = i + len(next_word) + 2, next_word
    parts.append((word, text[start:].strip()))
    return parts


def _arguments(text: str) -> list[str]:
    """The arguments of a call ``name(a, b)`` at the top level, or [] when ``text`` is not one call."""
    start = text.find("(")
    if start <= 0 or not text.endswith(")") or not _enclosed(text[start:]):
        return []
    inner = text[start + 1 : -1]
    args, last = [], 0
    for i, depth, char in _depths(inner):
        if char == "," and depth == 0:
            args.append(inner[last:i].strip())
            last = i + 1
    return [*args, inner[last:].strip()]


def lines(text: str, indent: int = 0, width: int = WIDTH) -> list[str]:
    """``text`` on one line if it fits, else broken at its outermost structure."""
    pad = " " * indent
    if indent + len(text) <= width:
        return [pad + text]
    if _enclosed(text):
        return [pad + "(", *lines(text[1:-1].strip(), indent + INDENT, width), pad + ")"]
    lowered = text.lower()
    if lowered.startswith("case when ") and lowered.endswith(" end"):
        return [pad + "case", *_branches(text[5:-4].strip(), indent + INDENT, width), pad + "end"]
    for words in (("or",), ("and",), ("+",), COMPARISONS):
        parts = _split(text, words)
        if len(parts) > 1:
            out: list[str] = []
            for word, part in parts:
                out += _prefixed(word, part, indent, width) if word else lines(part, indent, width)
            return out
    if lowered.startswith("not "):
        return _prefixed("not", text[4:].strip(), indent, width)
    args = _arguments(text)
    if args:
        name = text[: text.find("(")]
        out = [f"{pad}{name}("]
        for i, arg in enumerate(args):
            broken = lines(arg, indent + INDENT, width)
            if i < len(args) - 1:
                broken[-1] += ","
            out += broken
        return [*out, pad + ")"]
    return [pad + text]


def _prefixed(word: str, text: str, indent: int, width: int) -> list[str]:
    """``text`` laid out with ``word`` before its first line (an operator, ``when``, ``then``)."""
    first, *rest = lines(text, indent, width - len(word) - 1)
    return [f"{' ' * indent}{word} {first.lstrip()}", *rest]


def _branches(text: str, indent: int, width: int) -> list[str]:
    """The ``when … then …`` branches of a ``case`` (``else`` included)."""
    pad = " " * indent
    out: list[str] = []
    for word, part in _split(text, ("when", "else")):
        if not word:  # the first branch: its "when" is still on it
            word, part = "when", part.removeprefix("when ").strip()
        if word == "else":
            out += _prefixed("else", part, indent, width)
            continue
        [(_, condition), *rest] = _split(part, ("then",))
        result = rest[0][1] if rest else ""
        one = f"{pad}when {condition} then {result}"
        if len(one) <= width:
            out.append(one)
            continue
        if len(pad) + 5 + len(condition) <= width:
            out.append(f"{pad}when {condition}")
        else:  # sqlfluff's layout: a condition on lines of its own, under a bare "when"
            out += [f"{pad}when", *lines(condition, indent + INDENT, width)]
        out += _prefixed("then", result, indent + INDENT, width)
    return out
