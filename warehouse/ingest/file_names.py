"""Which local government a return's file name names, as evidence beside the code typed in F1.

The sample generator names files ``<6-digit code>_<name>.xlsx``; respondents and prefectures name
them with a 5- or 6-digit code, the municipality's name, the prefecture's name, or several of these.
A file name is not what identifies a return (F1 is), but it says who the sender meant: a file named
after another municipality than its F1 code is worth a question back, and a return whose code is
unknown can still be filed under the prefecture its name points to.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from warehouse.reference.local_governments import LocalGovernment, Registry
from warehouse.reference.local_governments import load as load_registry

VERSION_SEPARATOR = "__"
_CODE = re.compile(r"(?<!\d)(\d{6}|\d{5})(?!\d)")


@dataclass(frozen=True)
class Mention:
    """One code or name found in a file name, and the governments it may stand for."""

    text: str
    candidates: tuple[LocalGovernment, ...]
    by_code: bool


def file_family(path: Path) -> str:
    """The name shared by a return and its resubmissions saved beside it (``name__anything``)."""
    return path.stem.split(VERSION_SEPARATOR)[0]


@cache
def _names() -> tuple[re.Pattern[str], dict[str, tuple[LocalGovernment, ...]]]:
    """Every prefecture and municipality name, longest first (東村山市 before 村山市)."""
    registry = load_registry()
    by_name: dict[str, list[LocalGovernment]] = {}
    for government in (*registry.prefectures.values(), *registry.municipalities.values()):
        by_name.setdefault(government.name, []).append(government)
    pattern = re.compile("|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True)))
    return pattern, {name: tuple(found) for name, found in by_name.items()}


def _by_code(registry: Registry, code: str) -> LocalGovernment | None:
    if len(code) == 6:
        return registry.by_code6(code)
    if code.endswith("000"):
        return registry.prefectures.get(code[:2])
    return registry.municipalities.get(code)


def mentions(path: Path) -> list[Mention]:
    """The codes and names of local governments in ``path``'s name (its family part)."""
    registry = load_registry()
    stem = file_family(path)
    found = [
        Mention(m.group(), (government,), True)
        for m in _CODE.finditer(unicodedata.normalize("NFKC", stem))
        if (government := _by_code(registry, m.group())) is not None
    ]
    pattern, by_name = _names()
    named = [Mention(m.group(), by_name[m.group()], False) for m in pattern.finditer(stem)]
    prefectures = {c.prefecture_code for m in named for c in m.candidates if c.is_prefecture}
    for mention in named:
        # a municipality name shared by several (府中市) is narrowed by a prefecture named beside it
        narrowed = tuple(c for c in mention.candidates if c.prefecture_code in prefectures)
        found.append(Mention(mention.text, narrowed or mention.candidates, False))
    return found


def mismatches(path: Path, government: LocalGovernment) -> list[Mention]:
    """The mentions in the file name that cannot stand for ``government`` (the one F1 names).

    A prefecture's name beside a municipality's is consistent when the municipality is in it."""
    out = []
    for mention in mentions(path):
        if government in mention.candidates:
            continue
        if (
            not government.is_prefecture
            and all(c.is_prefecture for c in mention.candidates)
            and any(c.prefecture_code == government.prefecture_code for c in mention.candidates)
        ):
            continue
        out.append(mention)
    return out


def indicated_prefecture(path: Path) -> str | None:
    """The one prefecture the file name points to, if it points to exactly one (codes first)."""
    found = mentions(path)
    for subset in ([m for m in found if m.by_code], found):
        prefectures = {c.prefecture_code for m in subset for c in m.candidates}
        if len(prefectures) == 1:
            return prefectures.pop()
    return None


def describe(government: LocalGovernment) -> str:
    """``北海道札幌市（012025）``: a name a reader recognises, with the 6-digit code."""
    name = government.name if government.is_prefecture else government.prefecture_name + government.name
    return f"{name}（{government.code6}）"
