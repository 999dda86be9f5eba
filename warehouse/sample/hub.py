"""The calibrated sample of the 令和7年度 hub survey: 871 hubs over the 47 prefectures, each serving the
municipalities of its area, with answers that follow the skip chain and deal exactly the counts of
``editions/<year>/calibration_hub.yaml`` (the report's printed figures where it prints any, free shares
elsewhere).

Hubs per prefecture are proportional to the prefecture's municipalities in the reference data (largest
remainder, at least one each): a hub serves a municipality or a few (the report's 41% run by a
municipality, 72% the programme's own operator).  Each prefecture's municipalities, in code order, are
cut into as many consecutive areas as it has hubs; a hub that answers that it shares its 圏域 with other
hubs also serves the next hub's area, so the hub ↔ municipality bridge is many-to-many.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from warehouse.codebook import Codebook, Item, load
from warehouse.codebook import expressions as ex
from warehouse.codebook.model import EDITIONS_DIR
from warehouse.reference.local_governments import load as load_registry
from warehouse.sample.population import Respondent
from warehouse.sample.texts import free_text
from warehouse.yaml_files import read_yaml

FORM = "hub"
AREA_TAG = ("hub_area", "municipality")
IDENTITY_FACT = "hub_identity"  # (fact, role) of the code cells listing the municipalities served
OPTIONAL_TEXT_SHARE = 0.35  # share of hubs asked that write an optional (自由記載) text


@dataclass(frozen=True)
class Calibration:
    hubs: int
    shared_item: str
    shared_code: int
    items: dict[str, dict[str, Any]]


def calibration(edition: int) -> Calibration:
    raw = read_yaml(EDITIONS_DIR / str(edition) / f"calibration_{FORM}.yaml")
    spread = raw["spread"]
    shared = spread["shared_area_option"]
    return Calibration(int(spread["hubs"]), shared["item"], int(shared["code"]), raw["items"])


def hubs_per_prefecture(total: int) -> dict[str, int]:
    """Prefecture code → hubs, proportional to its municipalities (largest remainder, at least 1)."""
    registry = load_registry()
    sizes = {p: len(registry.municipalities_in(p)) for p in sorted(registry.prefectures)}
    spare = total - len(sizes)
    whole = sum(sizes.values())
    quotas = {p: spare * n / whole for p, n in sizes.items()}
    counts = {p: 1 + int(q) for p, q in quotas.items()}
    for p in sorted(quotas, key=lambda p: (-(quotas[p] - int(quotas[p])), p))[: total - sum(counts.values())]:
        counts[p] += 1
    return counts


def _areas(prefecture_code: str, hubs: int) -> list[list[str]]:
    """The prefecture's municipalities (5-digit codes, code order) cut into ``hubs`` consecutive areas."""
    munis = [m.code5 for m in sorted(load_registry().municipalities_in(prefecture_code), key=lambda m: m.code6)]
    size, extra = divmod(len(munis), hubs)
    out, start = [], 0
    for i in range(hubs):
        end = start + size + (1 if i < extra else 0)
        out.append(munis[start:end])
        start = end
    return out


def respondents(edition: int) -> tuple[list[Respondent], dict[str, list[str]]]:
    """The hubs, and each hub's own area (municipality codes), before it says whether it shares it."""
    registry = load_registry()
    cal = calibration(edition)
    hubs: list[Respondent] = []
    areas: dict[str, list[str]] = {}
    for pref, count in hubs_per_prefecture(cal.hubs).items():
        for seq, area in enumerate(_areas(pref, count), start=1):
            code = f"H{pref}{seq:04d}"
            first = registry.municipality(area[0])
            name = f"{first.name if first else registry.prefectures[pref].prefecture_name}在宅医療連携拠点"
            hubs.append(Respondent(f"{FORM}:{code}", FORM, code, code, pref, name, "all", seq))
            areas[code] = area
    return hubs, areas


class HubDealer:
    """Deals the calibrated counts item by item, in codebook order, to the hubs each item is asked of."""

    def __init__(self, cb: Codebook, cal: Calibration, rng: random.Random) -> None:
        self.cb, self.cal, self.rng = cb, cal, rng

    def answer(self, hubs: list[Respondent]) -> dict[str, dict[str, Any]]:
        answers: dict[str, dict[str, Any]] = {h.id: {} for h in hubs}
        pending: list[Item] = []
        dealt: set[str] = set()
        for item in self.cb.items:
            if item.type == "code":
                continue
            by = self.cal.items.get(item.key, {}).get("by")
            if by and by not in dealt:
                pending.append(item)
                continue
            self._deal(item, hubs, answers)
            dealt.add(item.key)
            for waiting in [w for w in pending if self.cal.items[w.key]["by"] in dealt]:
                pending.remove(waiting)
                self._deal(waiting, hubs, answers)
                dealt.add(waiting.key)
        return answers

    def _deal(self, item: Item, hubs: list[Respondent], answers: dict[str, dict[str, Any]]) -> None:
        asked = [h for h in hubs if item.relevant is None or ex.evaluate(item.relevant, answers[h.id])]
        order = asked[:]
        self.rng.shuffle(order)
        spec = self.cal.items.get(item.key, {})
        if item.type == "single":
            self._single(item, order, answers, spec)
        elif item.type == "multiple":
            self._multiple(item, order, answers, spec)
        elif item.type == "text":
            for h in order:
                if item.required or self.rng.random() < OPTIONAL_TEXT_SHARE:
                    answers[h.id][item.key] = free_text(item, h, self.rng)

    def _single(self, item: Item, order: list[Respondent], answers: dict[str, dict[str, Any]], spec: dict) -> None:
        if "by" in spec:
            groups: dict[int, list[Respondent]] = {}
            for h in order:
                groups.setdefault(answers[h.id][spec["by"]], []).append(h)
            for parent, members in groups.items():
                self._exact(item, members, answers, spec["counts"][parent])
            return
        if "counts" in spec:
            self._exact(item, order, answers, spec["counts"])
            return
        for h in order:  # no calibration: a plausible spread, first options likelier
            weights = [1.0 / (i + 1) for i in range(len(item.options))]
            answers[h.id][item.key] = self.rng.choices([o.code for o in item.options], weights)[0]

    def _exact(self, item: Item, order: list[Respondent], answers: dict[str, dict[str, Any]], counts: dict) -> None:
        queue = [int(code) for code, k in sorted(counts.items()) for _ in range(int(k))]
        if len(queue) != len(order):
            raise ValueError(f"calibration of {item.key}: {len(queue)} answers for {len(order)} hubs asked")
        for h, code in zip(order, queue, strict=True):
            answers[h.id][item.key] = code

    def _multiple(self, item: Item, order: list[Respondent], answers: dict[str, dict[str, Any]], spec: dict) -> None:
        exclusive = {o.code for o in item.options if any(r.id == f"exclusive_{o.key}" for r in item.constraints)}
        if "counts" in spec:
            wanted = {int(c): int(k) for c, k in spec["counts"].items()}
        else:
            shares = spec.get("shares") or {o.code: 1 / (i + 2) for i, o in enumerate(item.options)}
            wanted = {int(c): round(float(s) * len(order)) for c, s in shares.items()}
        ticks: dict[str, set[int]] = {h.id: set() for h in order}
        alone = [h.id for h in order]
        for code in sorted(exclusive):  # hubs with nothing to report tick the exclusive option only
            chosen, alone = alone[: wanted.get(code, 0)], alone[wanted.get(code, 0) :]
            for rid in chosen:
                ticks[rid].add(code)
        for code in sorted((c for c in wanted if c not in exclusive), key=lambda c: wanted[c]):
            candidates = sorted(alone, key=lambda rid: len(ticks[rid]))
            for rid in candidates[: wanted[code]]:
                ticks[rid].add(code)
        for rid, codes in ticks.items():
            if not codes:  # the shares left someone asked without a tick: the most chosen option
                codes.add(max((c for c in wanted if c not in exclusive), key=lambda c: wanted[c]))
            answers[rid][item.key] = frozenset(codes)


def _area_items(cb: Codebook) -> list[Item]:
    return [i for i in cb.items if (i.tags.get("fact"), i.tags.get("role")) == AREA_TAG]


def _identity_keys(cb: Codebook) -> dict[str, str]:
    """Role → item key of the hub's identity cells (code, prefecture, name, area name)."""
    return {i.tags["role"]: i.key for i in cb.items if i.tags.get("fact") == IDENTITY_FACT}


def deal(edition: int, rng: random.Random) -> tuple[dict[str, dict[str, Any]], list[Respondent]]:
    """Every hub's clean answers (identity and served municipalities included)."""
    cb = load(edition, FORM)
    cal = calibration(edition)
    hubs, areas = respondents(edition)
    answers = HubDealer(cb, cal, rng).answer(hubs)
    cells = _area_items(cb)
    keys = _identity_keys(cb)
    registry = load_registry()
    by_code = {h.code: h for h in hubs}
    codes = list(areas)
    for index, code in enumerate(codes):
        h = by_code[code]
        served = list(areas[code])
        following = codes[index + 1] if index + 1 < len(codes) else None
        shares = answers[h.id].get(cal.shared_item) == cal.shared_code
        if shares and following and by_code[following].prefecture_code == h.prefecture_code:
            served += [m for m in areas[following] if m not in served]
        answer = answers[h.id]
        first = registry.municipality(served[0])
        identity = {
            "hub_code": h.code,
            "prefecture_code": h.prefecture_code,
            "hub_name": h.name,
            "area_name": f"{first.name if first else ''}圏域",
        }
        answer.update({keys[role]: value for role, value in identity.items()})
        for item, muni in zip(cells, served[: len(cells)], strict=False):
            answer[item.key] = muni
    return answers, hubs
