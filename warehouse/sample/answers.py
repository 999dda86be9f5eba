"""Calibrated answers: every respondent follows the skip logic, and counting the answers gives back
each published percentage at its printed precision.

Items are answered in codebook order.  For each item the respondents it applies to are those whose
earlier answers make it relevant; if the report prints a chart for it, the exact counts that print
as the published percentages are dealt out (single choice: one value each; multiple choice: ticks
dealt to whoever has fewest so far, so nobody required to answer is left blank); otherwise answers
are drawn at random within the item's rules.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from warehouse.codebook import Codebook, Item
from warehouse.codebook import expressions as ex
from warehouse.codebook.charts import MISSING, UNKNOWN, Band, Chart, counts_for, matches, parse_band
from warehouse.sample.population import Respondent

Answers = dict[str, Any]
TextMaker = Callable[[Item, Respondent, random.Random], str]


@dataclass
class ItemTargets:
    """Counts to deal for one item in one population."""

    n: int
    counts: dict[int | str, int] = field(default_factory=dict)  # code | MISSING | band text | UNKNOWN
    percents: dict[int | str, str] = field(default_factory=dict)


def _rules(item: Item) -> tuple[int | None, set[int], str | None]:
    """(most ticks allowed, exclusive option codes, parent item of a subset rule) of an item."""
    cap: int | None = None
    exclusive: set[int] = set()
    parent: str | None = None
    for rule in item.constraints:
        for node in ex.walk(rule.expr):
            if (
                isinstance(node, ex.Compare)
                and node.op in ("<=", "<")
                and isinstance(node.left, ex.Call)
                and node.left.name == "count_selected"
                and isinstance(node.left.args[0], ex.Self)
                and isinstance(node.right, ex.Literal)
            ):
                limit = int(node.right.value) - (1 if node.op == "<" else 0)
                cap = limit if cap is None else min(cap, limit)
            if isinstance(node, ex.Call) and node.name == "subset" and isinstance(node.args[1], ex.Ref):
                parent = node.args[1].key
        if isinstance(rule.expr, ex.Not) and isinstance(rule.expr.item, ex.And):
            first = rule.expr.item.items[0]
            if isinstance(first, ex.Call) and first.name == "selected" and isinstance(first.args[1], ex.Literal):
                exclusive.add(int(first.args[1].value))
    return cap, exclusive, parent


def targets(charts: Iterable[Chart], item: Item, population: str) -> ItemTargets | None:
    """The counts that reproduce every published row of ``item`` for ``population``."""
    for chart in charts:
        if chart.population != population:
            continue
        rows = [r for r in chart.rows if r.item_key == item.key]
        if not rows:
            continue
        t = ItemTargets(chart.n)
        for r in rows:
            fits = counts_for(r.percent, chart.n)
            t.counts[r.value] = t.counts.get(r.value, 0) + (
                fits[0] if fits else round(float(r.percent) * chart.n / 100)
            )
        return t
    return None


def _scaled(t: ItemTargets, size: int, exclusive_sum: bool) -> dict[int | str, int]:
    """Counts for ``size`` respondents (the chart's n, unless a parent's count was misprinted)."""
    counts = dict(t.counts)
    if t.n != size:
        counts = {k: round(v * size / t.n) for k, v in counts.items()}
    if exclusive_sum and counts:
        gap = size - sum(counts.values())
        if gap:
            biggest = max(counts, key=lambda k: counts[k])
            counts[biggest] = max(0, counts[biggest] + gap)
    return counts


def _value_in(band: Band, item: Item, rng: random.Random) -> float | int:
    low = band.low
    high = band.high if math.isfinite(band.high) else low + 5
    if band.low == band.high:
        return int(low) if item.integer or float(low).is_integer() else low
    if item.integer:
        start = int(low) if band.low_closed else math.floor(low) + 1
        stop = int(high) if band.high_closed else math.ceil(high) - 1
        return rng.randint(start, max(start, stop))
    step = 0.5
    choices = [low + step * i for i in range(1, int((high - low) / step) + 1)]
    choices = [c for c in choices if band.contains(c)] or [high]
    return rng.choice(choices)


def _default_number(item: Item, rng: random.Random) -> float | int:
    high = item.maximum if item.maximum is not None else 10
    low = item.minimum or 0
    if item.integer:
        return rng.randint(int(low), int(high))
    return round(rng.uniform(low, min(high, low + 10)) * 2) / 2


def implied_counts(cb: Codebook, charts: tuple[Chart, ...]) -> dict[tuple[str, str], dict[int, int]]:
    """(item, population) → {code: count} that the n of a child chart implies.

    A parent's percentage often fits two counts (1,110 or 1,111 of 1,741 both print 63.8%); the n
    printed under the charts of the questions it opens says which one the report counted.
    """
    out: dict[tuple[str, str], dict[int, int]] = {}
    by_key = {i.key: i for i in cb.items}
    for chart in charts:
        for key in chart.item_keys:
            rule = by_key[key].relevant if key in by_key else None
            if (
                isinstance(rule, ex.Compare)
                and rule.op == "="
                and isinstance(rule.left, ex.Ref)
                and isinstance(rule.right, ex.Literal)
            ):
                out.setdefault((rule.left.key, chart.population), {})[int(rule.right.value)] = chart.n
    return out


class Dealer:
    """Deals the answers of one form's respondents, item by item."""

    def __init__(self, cb: Codebook, charts: tuple[Chart, ...], rng: random.Random, text: TextMaker) -> None:
        self.cb = cb
        self.charts = charts
        self.rng = rng
        self.text = text
        self.prefer: dict[tuple[str, int], set[str]] = {}
        self.implied = implied_counts(cb, charts)

    def answer(self, respondents: list[Respondent]) -> dict[str, Answers]:
        answers: dict[str, Answers] = {r.id: {} for r in respondents}
        groups: dict[str, list[Respondent]] = defaultdict(list)
        for r in respondents:
            groups[r.population].append(r)
        for item in self.cb.items:
            if item.type == "code":
                continue
            for population, members in groups.items():
                eligible = [r for r in members if item.relevant is None or ex.evaluate(item.relevant, answers[r.id])]
                if eligible:
                    self._deal(item, population, eligible, answers)
        return answers

    def _deal(self, item: Item, population: str, eligible: list[Respondent], answers: dict[str, Answers]) -> None:
        t = targets(self.charts, item, population)
        rng = self.rng
        order = eligible[:]
        rng.shuffle(order)
        if item.type == "single":
            self._single(item, order, answers, t)
        elif item.type == "multiple":
            self._multiple(item, order, answers, t)
        elif item.type == "number":
            self._number(item, order, answers, t)
        elif item.type == "text":
            for r in order:
                if item.required or rng.random() < 0.35:
                    answers[r.id][item.key] = self.text(item, r, rng)

    def _single(self, item: Item, order: list[Respondent], answers: dict[str, Answers], t: ItemTargets | None) -> None:
        if t is not None:
            population = order[0].population if order else "all"
            for code, n in self.implied.get((item.key, population), {}).items():
                if t.n == len(order) and code in t.counts and matches(n, t.n, t.percents[code]):
                    t = ItemTargets(t.n, {**t.counts, code: n}, t.percents)
        if t is None:
            weights = [1.0 / (i + 1) for i in range(len(item.options))]
            for r in order:
                answers[r.id][item.key] = self.rng.choices([o.code for o in item.options], weights)[0]
            return
        counts = _scaled(t, len(order), exclusive_sum=True)
        queue: list[int | str] = [v for v, k in sorted(counts.items(), key=lambda kv: str(kv[0])) for _ in range(k)]
        assigned: dict[str, int | str] = {}
        for (key, code), ids in self.prefer.items():
            if key != item.key:
                continue
            for r in order:
                if r.id in ids and code in queue and r.id not in assigned:
                    queue.remove(code)
                    assigned[r.id] = code
        rest = [r for r in order if r.id not in assigned]
        assigned.update({r.id: v for r, v in zip(rest, queue, strict=False)})
        for r in order:
            value = assigned.get(r.id, item.options[0].code)
            if value != MISSING:
                answers[r.id][item.key] = value

    def _multiple(
        self, item: Item, order: list[Respondent], answers: dict[str, Answers], t: ItemTargets | None
    ) -> None:
        cap, exclusive, parent = _rules(item)
        allowed = {
            r.id: (set(answers[r.id].get(parent, frozenset())) if parent else set(item.option_codes)) for r in order
        }
        if t is None:
            for r in order:
                choices = sorted(allowed[r.id] - exclusive) or sorted(allowed[r.id])
                if choices:
                    k = min(len(choices), cap or 3, self.rng.randint(1, 3))
                    answers[r.id][item.key] = frozenset(self.rng.sample(choices, k))
            return
        counts = _scaled(t, len(order), exclusive_sum=False)
        missing = {r.id for r in order if not allowed[r.id]}
        for r in order:
            if len(missing) >= counts.get(MISSING, 0):
                break
            missing.add(r.id)
        ticks: dict[str, set[int]] = {r.id: set() for r in order if r.id not in missing}
        codes = sorted((c for c in counts if isinstance(c, int)), key=lambda c: (c not in exclusive, counts[c], c))
        for code in codes:
            full = cap if cap is not None else len(item.options)
            candidates = [
                rid
                for rid in ticks
                if code in allowed[rid]
                and len(ticks[rid]) < full
                and not (ticks[rid] & exclusive)
                and (code not in exclusive or not ticks[rid])
            ]
            candidates.sort(key=lambda rid: len(ticks[rid]))
            for rid in candidates[: counts[code]]:
                ticks[rid].add(code)
        for rid, codes_ticked in ticks.items():
            if codes_ticked:
                answers[rid][item.key] = frozenset(codes_ticked)

    def _number(self, item: Item, order: list[Respondent], answers: dict[str, Answers], t: ItemTargets | None) -> None:
        if t is None:
            for r in order:
                answers[r.id][item.key] = _default_number(item, self.rng)
            return
        counts = _scaled(t, len(order), exclusive_sum=True)
        named = [parse_band(str(b)) for b in counts if b not in (MISSING, UNKNOWN)]
        queue: list[Any] = [b for b, k in counts.items() for _ in range(k)]
        for r, band in zip(order, queue, strict=False):
            if band == MISSING:
                continue
            chosen = parse_band(str(band)) if band != UNKNOWN else (self.rng.choice(named) if named else None)
            answers[r.id][item.key] = _value_in(chosen, item, self.rng) if chosen else _default_number(item, self.rng)
