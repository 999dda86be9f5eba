"""Which local government a return's file name names, as evidence beside the code typed in F1.

The sample generator names files ``<6-digit code>_<name>.xlsx``; respondents and prefectures name
them with a 5- or 6-digit code, the municipality's name, the prefecture's name, or several of these.
A file name is not what identifies a return (F1 is), but it says who the sender meant: a file named
after another municipality than its F1 code is worth a question back, and a return whose code is
unknown can still be filed under the prefecture its name points to.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from warehouse.reference.local_governments import LocalGovernment, Registry, codes_on, load_on
from warehouse.reference.local_governments import load as load_registry

VERSION_SEPARATOR = "__"
_CODE = re.compile(r"(?<!\d)(\d{6}|\d{5})(?!\d)")


@dataclass(frozen=True)
class Mention:
    """One code or name found in a file name, and the governments it may stand for."""

    text: str
    candidates: tuple[LocalGovernment, ...]
    by_code: bool
    bodies: frozenset[str] = frozenset()  # the durable bodies of the candidates (see body)


def body(government: LocalGovernment, day: dt.date | None = None) -> str:
    """What stays the same when a municipality is renamed or given a new code: its code in the 2023 list (the
    durable member of the code history), for a government of the list in force on ``day`` (None: the 2023 list)."""
    if government.is_prefecture:
        return f"prefecture:{government.prefecture_code}"
    period = codes_on(day).get(government.code5) if day is not None else None
    return period.municipality_id[:5] if period is not None else government.code5


def _mention(text: str, candidates: tuple[tuple[LocalGovernment, str], ...], by_code: bool) -> Mention:
    return Mention(text, tuple(g for g, _ in candidates), by_code, frozenset(b for _, b in candidates))


def file_family(path: Path) -> str:
    """The name shared by a return and its resubmissions saved beside it (``name__anything``)."""
    return path.stem.split(VERSION_SEPARATOR)[0]


@cache
def _names(day: dt.date | None) -> tuple[re.Pattern[str], dict[str, tuple[tuple[LocalGovernment, str], ...]]]:
    """Every prefecture and municipality name of the list in force on ``day`` and of the 2023 list (a renamed
    municipality answers to either name), longest first (東村山市 before 村山市), with its body."""
    lists = [(load_registry(), None), *([(load_on(day), day)] if day is not None else [])]
    by_name: dict[str, dict[tuple[str, str], tuple[LocalGovernment, str]]] = {}
    for registry, on in lists:
        for government in (*registry.prefectures.values(), *registry.municipalities.values()):
            found = body(government, on)
            by_name.setdefault(government.name, {})[(government.code5, found)] = (government, found)
    pattern = re.compile("|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True)))
    return pattern, {name: tuple(found.values()) for name, found in by_name.items()}


def _by_code(registry: Registry, code: str) -> LocalGovernment | None:
    if len(code) == 6:
        return registry.by_code6(code)
    if code.endswith("000"):
        return registry.prefectures.get(code[:2])
    return registry.municipalities.get(code)


def mentions(path: Path, day: dt.date | None = None) -> list[Mention]:
    """The codes and names of local governments in ``path``'s name (its family part), read with the list in force
    on ``day`` (an edition's reference date) and the 2023 list."""
    lists = [*([(load_on(day), day)] if day is not None else []), (load_registry(), None)]
    stem = file_family(path)
    found = []
    for m in _CODE.finditer(unicodedata.normalize("NFKC", stem)):
        for registry, on in lists:  # a code as it was on the day first, else as the 2023 list has it
            if (government := _by_code(registry, m.group())) is not None:
                found.append(_mention(m.group(), ((government, body(government, on)),), True))
                break
    pattern, by_name = _names(day)
    named = [(m.group(), by_name[m.group()]) for m in pattern.finditer(stem)]
    prefectures = {g.prefecture_code for _, candidates in named for g, _ in candidates if g.is_prefecture}
    for text, candidates in named:
        # a municipality name shared by several (府中市) is narrowed by a prefecture named beside it
        narrowed = tuple(c for c in candidates if c[0].prefecture_code in prefectures)
        found.append(_mention(text, narrowed or candidates, False))
    return found


def mismatches(path: Path, government: LocalGovernment, day: dt.date | None = None) -> list[Mention]:
    """The mentions in the file name that cannot stand for ``government`` (the one F1 names, from the list in
    force on ``day``): a code or name of the same body, renamed or given a new code since, stands for it.

    A prefecture's name beside a municipality's is consistent when the municipality is in it."""
    out = []
    for mention in mentions(path, day):
        if body(government, day) in mention.bodies:
            continue
        if (
            not government.is_prefecture
            and all(c.is_prefecture for c in mention.candidates)
            and any(c.prefecture_code == government.prefecture_code for c in mention.candidates)
        ):
            continue
        out.append(mention)
    return out


def indicated_prefecture(path: Path, day: dt.date | None = None) -> str | None:
    """The one prefecture the file name points to, if it points to exactly one (codes first)."""
    found = mentions(path, day)
    for subset in ([m for m in found if m.by_code], found):
        prefectures = {c.prefecture_code for m in subset for c in m.candidates}
        if len(prefectures) == 1:
            return prefectures.pop()
    return None


def describe(government: LocalGovernment) -> str:
    """``北海道札幌市（012025）``: a name a reader recognises, with the 6-digit code."""
    name = government.name if government.is_prefecture else government.prefecture_name + government.name
    return f"{name}（{government.code6}）"
