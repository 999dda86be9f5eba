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
from warehouse.report.charts import MISSING, UNKNOWN, Band, Chart, counts_for, finer_part, parse_band
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
            t.percents[r.value] = r.percent
        return t
    return None


def exact_counts(t: ItemTargets, implied: dict[int, int], *, complete: bool = True) -> dict[int | str, int]:
    """Counts of a single-choice item that print as published, add up to n (when every answer is
    published, ``complete``), and agree with the n of the charts the item opens (``implied``)
    wherever that n prints as the item's percentage."""
    options = {v: counts_for(t.percents[v], t.n) or [t.counts[v]] for v in t.counts if v in t.percents}
    counts = {v: (implied[v] if v in implied and implied[v] in fits else fits[0]) for v, fits in options.items()}
    locked = {v for v in counts if v in implied and implied[v] == counts[v]}
    gap = t.n - sum(counts.values()) if complete else min(0, t.n - sum(counts.values()))
    for v, fits in sorted(options.items(), key=lambda kv: str(kv[0])):
        if gap == 0:
            break
        if v in locked:
            continue
        better = min(fits, key=lambda k: abs(gap - (k - counts[v])))
        gap -= better - counts[v]
        counts[v] = better
    if gap and counts:  # no combination prints as published: keep the total right, say so in the note
        biggest = max((v for v in counts if v not in locked), key=lambda v: counts[v], default=next(iter(counts)))
        counts[biggest] += gap
    return counts


def assign_one_each(candidates: dict[str, set[int]], capacity: dict[int, int], order: list[str]) -> dict[str, int]:
    """One option per respondent, from the options it may take, with at most ``capacity`` per option.

    Augmenting paths (bipartite matching) make this exact where a greedy pass strands respondents
    whose only allowed options were taken first; used for the single top priority among ticked items.
    """
    assigned: dict[str, int] = {}
    holders: dict[int, list[str]] = defaultdict(list)

    def place(rid: str, seen: set[int]) -> bool:
        for code in sorted(candidates[rid], key=lambda c: capacity.get(c, 0) - len(holders[c]), reverse=True):
            if code in seen or capacity.get(code, 0) <= 0:
                continue
            seen.add(code)
            if len(holders[code]) < capacity[code]:
                holders[code].append(rid)
                assigned[rid] = code
                return True
            for other in list(holders[code]):
                if place_elsewhere(other, code, seen):
                    holders[code].remove(other)
                    holders[code].append(rid)
                    assigned[rid] = code
                    return True
        return False

    def place_elsewhere(rid: str, current: int, seen: set[int]) -> bool:
        saved = candidates[rid]
        candidates[rid] = saved - {current}
        try:
            return place(rid, seen)
        finally:
            candidates[rid] = saved

    for rid in order:
        place(rid, set())
    return assigned


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


def _outside(named: list[Band], item: Item, rng: random.Random) -> float | int:
    """A value in none of the bands a chart names: a segment the report shows without its band
    (always above the named ones: the hidden bands are the higher head counts)."""
    top = max((b.high for b in named if math.isfinite(b.high)), default=0.0)
    step = 1 if item.integer else 0.5
    candidates = [top + step * i for i in range(1, 21)]
    fits = [v for v in candidates if not any(b.contains(v) for b in named)]
    value = rng.choice(fits[:6] or candidates)
    return int(value) if float(value).is_integer() else value


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


def _bands_dealt(t: ItemTargets, respondents: int) -> tuple[list[Any], list[Any]]:
    """The printed bands of a number (without 未回答 and 不明) and one band per respondent, in the order dealt."""
    counts = exact_counts(t, {}) if t.n == respondents else _scaled(t, respondents, exclusive_sum=True)
    named = [parse_band(str(b)) for b in counts if b not in (MISSING, UNKNOWN)]
    return named, [b for b, k in counts.items() for _ in range(k)]


class Dealer:
    """Deals the answers of one form's respondents, item by item."""

    def __init__(self, cb: Codebook, charts: tuple[Chart, ...], rng: random.Random, text: TextMaker) -> None:
        self.cb = cb
        self.charts = charts
        self.rng = rng
        self.text = text
        self.prefer: dict[tuple[str, int], set[str]] = {}
        self.implied = implied_counts(cb, charts)
        #: cells dealt with the item they are the finer part of (the ヶ月 of 〇年〇ヶ月)
        self.parts = {finer[0].key for i in cb.items if (finer := finer_part(cb, i)) is not None}

    def answer(self, respondents: list[Respondent]) -> dict[str, Answers]:
        answers: dict[str, Answers] = {r.id: {} for r in respondents}
        groups: dict[str, list[Respondent]] = defaultdict(list)
        for r in respondents:
            groups[r.population].append(r)
        for item in self.cb.items:
            if item.type == "code" or item.key in self.parts:
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
        complete = t is not None and item.option_codes <= set(t.counts)
        if t is not None and t.n == len(order):
            population = order[0].population
            implied = self.implied.get((item.key, population), {})
            t = ItemTargets(t.n, exact_counts(t, implied, complete=complete), t.percents)
        if t is None:
            weights = [1.0 / (i + 1) for i in range(len(item.options))]
            for r in order:
                answers[r.id][item.key] = self.rng.choices([o.code for o in item.options], weights)[0]
            return
        counts = _scaled(t, len(order), exclusive_sum=complete)
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
        unpublished = [o.code for o in item.options if o.code not in counts] or [item.options[0].code]
        for r in order:
            value = assigned.get(r.id) or self.rng.choice(unpublished)
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
        if cap == 1 and sum(t.counts.values()) > t.n + len(t.counts):
            cap = None  # the report's own shares break "one only" (prefecture 問6-2 adds up to 153%)
        if cap == 1:  # one tick at most: the published shares add up to n like a single choice
            counts = exact_counts(t, {}) if t.n == len(order) else counts
            capacity = {c: k for c, k in counts.items() if isinstance(c, int)}
            chosen = assign_one_each({r.id: allowed[r.id] for r in order}, capacity, [r.id for r in order])
            if parent:
                self._swap_parent_ticks(parent, order, answers, chosen, capacity, counts.get(MISSING, 0))
            for rid, code in chosen.items():
                answers[rid][item.key] = frozenset({code})
            return
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

    def _swap_parent_ticks(
        self,
        parent: str,
        order: list[Respondent],
        answers: dict[str, Answers],
        chosen: dict[str, int],
        capacity: dict[int, int],
        missing: int,
    ) -> None:
        """Place respondents the matching stranded by moving a parent tick between two respondents.

        A stranded respondent takes over the parent tick of an option that still has room from a
        respondent who ticked it but chose another top priority and keeps another tick: the parent's
        counts stay exactly as published, and the child's come out exact too.
        """
        used = defaultdict(int)
        for code in chosen.values():
            used[code] += 1
        stranded = [r.id for r in order if r.id not in chosen and answers[r.id].get(parent)]
        for rid in stranded[: max(0, len(stranded) - missing)]:
            for code in (c for c in capacity if used[c] < capacity[c]):
                donor = next(
                    (
                        r.id
                        for r in order
                        if code in answers[r.id].get(parent, frozenset())
                        and chosen.get(r.id) not in (None, code)
                        and len(answers[r.id][parent]) > 1
                    ),
                    None,
                )
                if donor is None:
                    continue
                answers[donor][parent] = answers[donor][parent] - {code}
                answers[rid][parent] = answers[rid][parent] | {code}
                chosen[rid] = code
                used[code] += 1
                break

    def _number(self, item: Item, order: list[Respondent], answers: dict[str, Answers], t: ItemTargets | None) -> None:
        finer = finer_part(self.cb, item)
        if finer is not None:
            self._split_number(item, *finer, order, answers, t)
            return
        if t is None:
            for r in order:
                answers[r.id][item.key] = _default_number(item, self.rng)
            return
        named, queue = _bands_dealt(t, len(order))
        for r, band in zip(order, queue, strict=False):
            if band == MISSING:
                continue
            if band == UNKNOWN:
                answers[r.id][item.key] = _outside(named, item, self.rng)
            else:
                answers[r.id][item.key] = _value_in(parse_band(str(band)), item, self.rng)

    def _split_number(
        self,
        item: Item,
        part: Item,
        per: int,
        order: list[Respondent],
        answers: dict[str, Answers],
        t: ItemTargets | None,
    ) -> None:
        """A number asked in two cells (〇年 〇ヶ月): the total is dealt in the finer unit and split, so that the
        number the charts count (``charts.charted_number``) is in the band dealt; 未回答 leaves both cells blank."""
        if t is None:
            for r in order:
                answers[r.id][item.key] = _default_number(item, self.rng)
                answers[r.id][part.key] = _default_number(part, self.rng)
            return
        named, queue = _bands_dealt(t, len(order))
        for r, band in zip(order, queue, strict=False):
            if band == MISSING:
                continue
            if band == UNKNOWN:
                whole, rest = _outside(named, item, self.rng), 0
            else:
                b = parse_band(str(band))
                high = b.high if math.isfinite(b.high) else b.low + 5
                finer = Band(b.text, b.low * per, high * per, b.low_closed, b.high_closed or not math.isfinite(b.high))
                whole, rest = divmod(int(_value_in(finer, part, self.rng)), per)
            answers[r.id][item.key] = whole
            answers[r.id][part.key] = rest
