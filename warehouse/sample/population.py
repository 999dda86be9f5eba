"""Who returns a workbook in the sample national year: every prefecture and municipality of the
reference data, and coordinators attached to real municipalities and prefectures in the numbers the
report prints per prefecture (21 prefecture-level in 10 prefectures, 1,676 municipal in all 47)."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from warehouse.codebook.model import EDITIONS_DIR
from warehouse.reference.local_governments import load as load_registry

PREFECTURE_LEVEL = "prefecture_level"
MUNICIPAL = "municipal"


@dataclass(frozen=True)
class Respondent:
    """One return: ``code`` is what the respondent types in F1 (2-digit or 5-digit)."""

    id: str
    form: str
    code: str
    code6: str
    prefecture_code: str
    name: str
    population: str = "all"  # coordinators: prefecture_level | municipal
    sequence: int = 0

    @property
    def file_stem(self) -> str:
        if self.form == "coordinator":
            return f"{self.code6}_{self.name}_{self.sequence:02d}"
        return f"{self.code6}_{self.name}"


def coordinators_per_prefecture(edition: int) -> dict[str, tuple[int, int]]:
    """Prefecture code → (prefecture-level, municipal) coordinator returns, as published."""
    registry = load_registry()
    by_name = {p.prefecture_name: code for code, p in registry.prefectures.items()}
    path = EDITIONS_DIR / str(edition) / "published" / "published_r5_aux_coordinator_respondents_by_pref.csv"
    with Path(path).open(encoding="utf-8") as handle:
        return {
            by_name[row["prefecture"]]: (int(row["pref_coordinator_responses"]), int(row["muni_coordinator_responses"]))
            for row in csv.DictReader(handle)
            if row["prefecture"] in by_name  # the last row is the printed total
        }


def municipalities_with_coordinators(edition: int, total: int, rng: random.Random) -> dict[str, int]:
    """Municipality code → number of coordinator returns, ``total`` municipalities in all.

    Every prefecture with municipal coordinators gets at least one such municipality, the rest are
    spread in proportion to its coordinators, and each chosen municipality has at least one return.
    """
    registry = load_registry()
    per_pref = {p: m for p, (_, m) in coordinators_per_prefecture(edition).items() if m}
    chosen: dict[str, int] = dict.fromkeys(per_pref, 1)
    room = {p: min(m, len(registry.municipalities_in(p))) for p, m in per_pref.items()}
    coordinators = sum(per_pref.values())
    while sum(chosen.values()) < total:
        # the prefecture furthest below its proportional share that still has room
        p = max(
            (p for p in per_pref if chosen[p] < room[p]),
            key=lambda p: (per_pref[p] * total / coordinators - chosen[p], p),
        )
        chosen[p] += 1
    out: dict[str, int] = {}
    for pref, count in sorted(chosen.items()):
        munis = sorted(m.code5 for m in registry.municipalities_in(pref))
        picked = rng.sample(munis, count)
        share = [1] * count
        for _ in range(per_pref[pref] - count):
            share[rng.randrange(count)] += 1
        out.update(zip(picked, share, strict=True))
    return out


def _coordinators(code: str, code6: str, prefecture_code: str, name: str, level: str, count: int) -> list[Respondent]:
    """The ``count`` coordinators of one prefecture or municipality, numbered from 1."""
    return [
        Respondent(f"coordinator:{code}:{seq:02d}", "coordinator", code, code6, prefecture_code, name, level, seq)
        for seq in range(1, count + 1)
    ]


def national(edition: int, rng: random.Random, municipal_with_coordinators: int) -> dict[str, list[Respondent]]:
    """All respondents of the sample national year, by form."""
    registry = load_registry()
    prefs = [
        Respondent(
            f"prefecture:{p.prefecture_code}",
            "prefecture",
            p.prefecture_code,
            p.code6,
            p.prefecture_code,
            p.prefecture_name,
        )
        for p in sorted(registry.prefectures.values(), key=lambda g: g.code6)
    ]
    munis = [
        Respondent(f"municipality:{m.code5}", "municipality", m.code5, m.code6, m.prefecture_code, m.name)
        for m in sorted(registry.municipalities.values(), key=lambda g: g.code6)
    ]
    coordinators: list[Respondent] = []
    for pref_code, (pref_level, _) in sorted(coordinators_per_prefecture(edition).items()):
        p = registry.prefecture(pref_code)
        coordinators += _coordinators(
            p.prefecture_code, p.code6, pref_code, p.prefecture_name, PREFECTURE_LEVEL, pref_level
        )
    for code5, count in sorted(municipalities_with_coordinators(edition, municipal_with_coordinators, rng).items()):
        m = registry.municipality(code5)
        coordinators += _coordinators(code5, m.code6, m.prefecture_code, m.name, MUNICIPAL, count)
    return {"prefecture": prefs, "municipality": munis, "coordinator": coordinators}
