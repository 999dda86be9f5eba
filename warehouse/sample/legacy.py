"""Calibrated sample returns of the legacy surveys: the 8-item 実施状況調査 (form ``municipality``,
平成27〜29年度) and Tokyo's own survey (form ``tokyo_municipality``, 27年度末 / 28年度末).

The three national editions are dealt together, so that one municipality's answers are plausible from
one year to the next: every municipality has a lasting progress score (plus a prefecture effect) and
each edition ranks municipalities by it with some noise, so most move forward and a few fall back.
Every target comes from the charts files and their published CSV (``codebook.charts``): the printed
counts where the report prints them, else the counts that print as the published percentages and add
up to the printed n.  What the report leaves open (per-item status of 平成27・28年度, who is in which
prefecture group) is drawn here and said so in the charts files.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import product
from typing import Any

from warehouse.codebook import Codebook, load, load_edition
from warehouse.codebook import expressions as ex
from warehouse.reference.local_governments import LocalGovernment, codes_on, load_on
from warehouse.reference.local_governments import load as load_registry
from warehouse.reference.populations import band_of_members
from warehouse.report.charts import RULE, Chart, counts_for, load_charts
from warehouse.sample.population import Respondent

#: The surveys this module deals (the ``survey`` field of their codebooks).
NATIONAL, TOKYO = "jisshi_jokyo", "tokyo_torikumi"
SURVEYS = (NATIONAL, TOKYO)
STATUS, OUTSOURCED, CONTRACTOR = "status", "outsourced", "contractor"
IMPLEMENTED, PLANNED, NOT_IMPLEMENTED = 1, 2, 3
YES, NO = 1, 2
OTHER_TEXTS = ("先進事例の視察への同行", "郡市区医師会との協議への同席", "県単位の統計データの分析支援")
#: Prefecture effect on the progress score: the 下位５県 / 上位５県 of the charts file fall back / lead.
GROUP_EFFECT = {"lowest_five_prefectures": -2.5, "highest_five_prefectures": 2.5}
#: Swaps tried when fitting the 人口規模 bands (``_fit_bands``): enough for the fit to settle.
SWAPS = 200_000

Answers = dict[str, Any]


@dataclass
class Dealt:
    answers: dict[str, Answers]
    respondents: dict[str, Respondent]


def municipalities_on(cb: Codebook) -> dict[str, LocalGovernment]:
    """Durable municipality id → the municipality with the code and name in force on the edition's code
    date (富谷町 04423 until 2016-10-10, then 富谷市 04216; 那珂川町 40305 until 2018-10-01)."""
    day = cb.code_date
    codes = codes_on(day)
    return {
        codes[m.code5].municipality_id: m for m in sorted(load_on(day).municipalities.values(), key=lambda m: m.code6)
    }


def _respondent(form: str, m: LocalGovernment) -> Respondent:
    return Respondent(f"{form}:{m.code5}", form, m.code5, m.code6, m.prefecture_code, m.name)


def _tagged(cb: Codebook, role: str) -> dict[str, str]:
    """Program item code → key of the per-item question with this role (``tags``, never labels)."""
    return {i.tags["program_item"]: i.key for i in cb.items if i.tags.get("role") == role and "program_item" in i.tags}


def _role_item(cb: Codebook, role: str) -> str:
    return next(i.key for i in cb.items if i.tags.get("role") == role)


# --- targets -------------------------------------------------------------------------------------


def exact(percents: dict[Any, str], n: int, printed: dict[Any, int] | None = None) -> dict[Any, int]:
    """Counts that print as ``percents`` of ``n`` and add up to ``n`` (values absent from the chart get 0);
    printed counts are kept as printed.  Raises if no combination exists."""
    printed = printed or {}
    choices = [[printed[v]] if v in printed else counts_for(p, n) for v, p in percents.items()]
    for combo in product(*choices):
        if sum(combo) == n:
            return dict(zip(percents, combo, strict=True))
    raise ValueError(f"no counts of n={n} print as {percents}")


def _chart_counts(chart: Chart, n: int | None = None, opens: dict[int, int] | None = None) -> dict[int, int]:
    """Option code → count of a single-choice chart whose rows cover every answer; ``opens`` holds the
    printed n of the charts an option opens (委託 有り → the 委託先 chart), which that count must be."""
    n = n or chart.n
    assert n is not None
    printed = {r.value: int(r.count) for r in chart.rows if r.count and int(r.count) <= n}
    percents = {r.value: r.percent for r in chart.rows}
    try:
        return exact(percents, n, {**printed, **(opens or {})})
    except ValueError:
        if not chart.flag:
            raise
    # a published inconsistency (counts that do not add up to n): keep n and the shares, and as many
    # printed counts as fit, the first ones first
    for dropped in reversed(list(printed)):
        kept = {v: k for v, k in printed.items() if v != dropped}
        try:
            return exact(percents, n, {**kept, **(opens or {})})
        except ValueError:
            continue
    return exact(percents, n, opens)


def _charts_of(cb: Codebook) -> list[Chart]:
    return list(load_charts(cb.edition, cb.form))


def _chart_for(cb: Codebook, key: str, population: str = "all") -> Chart | None:
    return next((c for c in _charts_of(cb) if key in c.item_keys and c.population == population), None)


def distribution(cb: Codebook) -> dict[tuple[int, bool], int] | None:
    """(items implemented, any planned) → municipalities, from the chart of rule rows.

    Each rule row is identified by the profile it counts: a profile with k items implemented and the
    rest planned (or none planned) is evaluated by every row's rule, so nothing here reads the labels.
    """
    chart = next((c for c in _charts_of(cb) if any(r.value == RULE for r in c.rows)), None)
    if chart is None:
        return None
    status = _tagged(cb, STATUS)
    out: dict[tuple[int, bool], int] = {}
    for k, planned in [(k, True) for k in range(len(status) + 1)] + [(0, False)]:
        profile = {key: IMPLEMENTED if i < k else (PLANNED if planned else NOT_IMPLEMENTED) for i, key in
                   enumerate(status.values())}  # fmt: skip
        rows = [r for r in chart.rows if r.rule and ex.evaluate(ex.parse(r.rule), profile)]
        if len(rows) != 1:
            raise ValueError(f"{cb.path.name}: profile {k} implemented matches {len(rows)} rows of {chart.question_id}")
        out[(k, planned)] = int(rows[0].count)
    return out


# --- the national survey ---------------------------------------------------------------------------


@dataclass
class Municipality:
    code: str
    prefecture_code: str
    progress: float
    outsourcing: float
    support: float


def _group_of(codebooks: Iterable[Codebook]) -> dict[str, str]:
    """Prefecture code → the prefecture group whose chart counts its municipalities (the chart's
    population rule, evaluated on each municipality's code as a return would carry it)."""
    out: dict[str, str] = {}
    for cb in codebooks:
        for chart in _charts_of(cb):
            if chart.population in GROUP_EFFECT and chart.population_rule:
                rule = ex.parse(chart.population_rule)
                for m in municipalities_on(cb).values():
                    if ex.evaluate(rule, {cb.code_item.key: m.code5}):
                        out[m.prefecture_code] = chart.population
    return out


def _by_rank(members: list[Municipality], score: dict[str, float], sizes: list[tuple[Any, int]]) -> dict[str, Any]:
    """Deal classes in order (best first) to municipalities ranked by score, highest first."""
    ranked = sorted(members, key=lambda m: -score[m.code])
    out: dict[str, Any] = {}
    start = 0
    for value, size in sizes:
        for m in ranked[start : start + size]:
            out[m.code] = value
        start += size
    return out


def _realise(degrees: dict[str, int], capacity: dict[str, int], rng: random.Random) -> dict[str, set[str]]:
    """Items implemented per municipality with exact row sums (degrees) and column sums (capacity):
    rows in decreasing degree each take the items with most room left (Gale–Ryser), ties at random."""
    room = dict(capacity)
    out: dict[str, set[str]] = {}
    for code in sorted(degrees, key=lambda c: (-degrees[c], rng.random())):
        chosen = sorted(room, key=lambda i: (-room[i], rng.random()))[: degrees[code]]
        if any(room[i] <= 0 for i in chosen):
            raise ValueError("the item counts and the distribution cannot be realised together")
        for i in chosen:
            room[i] -= 1
        out[code] = set(chosen)
    if any(room.values()):
        raise ValueError(f"item counts left over: {room}")
    return out


def _classes(dist: dict[tuple[int, bool], int]) -> list[tuple[tuple[int, bool], int]]:
    """Distribution classes, most advanced first (k implemented; with 0, planned before nothing)."""
    return sorted(dist.items(), key=lambda kv: (-kv[0][0], not kv[0][1]))


def _deal_statuses(
    cb: Codebook,
    members: list[Municipality],
    noise: float,
    rng: random.Random,
    later: dict[str, set[str]] | None,
    none_count: int | None,
) -> dict[str, dict[str, int]]:
    """Status per municipality and item code for one edition."""
    items = list(_tagged(cb, STATUS))
    score = {m.code: m.progress + rng.gauss(0, noise) for m in members}
    dist = distribution(cb)
    item_counts = _item_status_counts(cb, len(members))
    if dist is None:  # no printed distribution: a little behind the later edition, a few ahead
        assert later is not None and none_count is not None
        behind = {
            m.code: min(len(items), max(0, len(later[m.code]) - rng.choice((-1, 0, 0, 1, 1, 2, 3)))) for m in members
        }
        nothing = _by_rank(members, {c: -s for c, s in score.items()}, [(True, none_count)])
        degree = {c: (0 if c in nothing else behind[c]) for c in score}
        dist_planned = {c: c not in nothing for c in score}
    else:
        cls = _by_rank(members, score, _classes(dist))
        degree = {c: k for c, (k, _) in cls.items()}
        dist_planned = {c: planned for c, (_, planned) in cls.items()}
    if item_counts:
        implemented = _realise(degree, {i: item_counts[i][IMPLEMENTED] for i in items}, rng)
    else:
        implemented = {}
        for code, k in degree.items():
            pool = list(later[code]) if later else []
            rng.shuffle(pool)
            rest = [i for i in items if i not in pool]
            rng.shuffle(rest)
            implemented[code] = set((pool + rest)[:k])
    out = {c: {i: IMPLEMENTED if i in implemented[c] else PLANNED for i in items} for c in score}
    nothing = [c for c in score if degree[c] == 0 and not dist_planned[c]]
    for c in nothing:
        out[c] = dict.fromkeys(items, NOT_IMPLEMENTED)
    planned_only = [c for c in score if degree[c] == 0 and dist_planned[c]]
    if item_counts:  # exact 不実施 per item, the planned-only keeping one 予定 each
        keep = {c: max(items, key=lambda i: (item_counts[i][PLANNED], rng.random())) for c in planned_only}
        for i in items:
            want = item_counts[i][NOT_IMPLEMENTED] - len(nothing)
            pool = [c for c in score if out[c][i] == PLANNED and keep.get(c) != i]
            pool.sort(key=lambda c: score[c] + rng.gauss(0, 1))
            for c in pool[:want]:
                out[c][i] = NOT_IMPLEMENTED
    else:  # free: what is implemented later is likelier planned now
        for c in score:
            if c in nothing:
                continue
            for i in items:
                if out[c][i] == PLANNED:
                    chance = 0.55 if later and i in later[c] else 0.2
                    out[c][i] = PLANNED if rng.random() < chance else NOT_IMPLEMENTED
            if degree[c] == 0 and all(s == NOT_IMPLEMENTED for s in out[c].values()):
                out[c][rng.choice(items)] = PLANNED
    return out


def _item_status_counts(cb: Codebook, n: int) -> dict[str, dict[int, int]]:
    """Item code → status → count, where the edition prints each item's status (and its 委託 n, which
    fixes 実施していない); the items' 実施 counts add up to the distribution's total of items implemented."""
    status, outsourced = _tagged(cb, STATUS), _tagged(cb, OUTSOURCED)
    charts = {code: _chart_for(cb, key) for code, key in status.items()}
    if not all(charts.values()):
        return {}
    options: dict[str, list[dict[int, int]]] = {}
    for code, chart in charts.items():
        assert chart is not None
        asked = _chart_for(cb, outsourced[code]) if code in outsourced else None
        pct = {r.value: r.percent for r in chart.rows}
        absent = [n - asked.n] if asked and asked.n else counts_for(pct[NOT_IMPLEMENTED], n)
        options[code] = [
            {IMPLEMENTED: k, PLANNED: n - k - z, NOT_IMPLEMENTED: z}
            for z in absent
            for k in counts_for(pct[IMPLEMENTED], n)
            if n - k - z in counts_for(pct[PLANNED], n)
        ]
    dist = distribution(cb)
    for combo in product(*options.values()):
        if dist is None or sum(c[IMPLEMENTED] for c in combo) == sum(k * v for (k, _), v in dist.items()):
            return dict(zip(options, combo, strict=True))
    raise ValueError(f"{cb.path.name}: no per-item counts print as published and add up to the distribution")


def _fit_bands(
    cb: Codebook, status: dict[str, dict[str, int]], members: dict[str, Municipality], rng: random.Random
) -> None:
    """Move the dealt status profiles between municipalities of different 人口規模 bands until each band's
    per-item status counts print as the band charts do (or come as near as the warehouse's band n allows:
    its bands need not be the report's).

    Two moves, each kept unless the fit gets worse: two municipalities trade their whole profiles (within a
    prefecture, or with as many items implemented), or trade one item implemented for another (a gives up
    i and takes j, b the reverse). Both keep every national count, the distribution and each
    municipality's or prefecture's number of items implemented (so the prefecture means and groups).
    """
    charts = [c for c in _charts_of(cb) if c.population_band]
    if not charts:
        return
    band = band_of_members(cb.code_date)
    item_of = {key: code for code, key in _tagged(cb, STATUS).items()}
    size = {b: sum(1 for c in status if band.get(c) == b) for b in sorted({c.population_band or "" for c in charts})}
    # (band, item, status) → the counts that print as published, and the printed share as a count
    target: dict[tuple[str, str, int], tuple[list[int], float]] = {}
    for chart in charts:
        assert chart.population_band is not None
        n = size[chart.population_band]
        for r in chart.rows:
            fits = counts_for(r.percent or "0", n)
            target[(chart.population_band, item_of[r.item_key], int(r.value))] = (fits, float(r.percent or 0) * n / 100)
    count = {k: sum(1 for c in status if band.get(c) == k[0] and status[c][k[1]] == k[2]) for k in target}

    def cost(key: tuple[str, str, int]) -> float:
        """Distance to the counts that print as published (weighted: a row that can match comes first),
        or, where none of this band's n does, to the printed share."""
        fits, goal = target[key]
        return min((100 * abs(count[key] - k) for k in fits), default=abs(count[key] - goal))

    def degree(code: str) -> int:
        return sum(v == IMPLEMENTED for v in status[code].values())

    def apply(changes: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
        """Set (municipality, item, status) and return what undoes it."""
        undo = []
        for code, item, value in changes:
            old = status[code][item]
            undo.append((code, item, old))
            for key, step in (((band[code], item, old), -1), ((band[code], item, value), 1)):
                if key in count:
                    count[key] += step
            status[code][item] = value
        return undo

    # who may trade profiles: municipalities of one prefecture, or of any two with as many items implemented
    # (each prefecture keeps its numbers of items, so its mean and its group stay as dealt)
    pools: dict[object, list[str]] = {}
    for c in sorted(status):
        if band.get(c):
            pools.setdefault(members[c].prefecture_code, []).append(c)
            pools.setdefault(degree(c), []).append(c)
    mixed = [codes for codes in pools.values() if len({band[c] for c in codes}) > 1]
    banded = [c for c in sorted(status) if band.get(c)]
    items = list(item_of.values())
    for step in range(SWAPS):
        if step % 2:
            a, b = rng.sample(rng.choice(mixed), 2)
            if members[a].prefecture_code != members[b].prefecture_code and degree(a) != degree(b):
                continue  # (the pools are by the numbers dealt; a trade within a prefecture changes them)
            changes = [(c, i, status[o][i]) for c, o in ((a, b), (b, a)) for i in items if status[a][i] != status[b][i]]
        else:
            a, b = rng.sample(banded, 2)
            gives = [i for i in items if status[a][i] == IMPLEMENTED and status[b][i] != IMPLEMENTED]
            takes = [j for j in items if status[b][j] == IMPLEMENTED and status[a][j] != IMPLEMENTED]
            if not gives or not takes:
                continue
            i, j = rng.choice(gives), rng.choice(takes)
            changes = [(a, i, status[b][i]), (a, j, IMPLEMENTED), (b, i, IMPLEMENTED), (b, j, status[a][j])]
        if band[a] == band[b] or not changes:
            continue
        keys = {(band[c], i, v) for c, i, _ in changes for v in (IMPLEMENTED, PLANNED, NOT_IMPLEMENTED)} & target.keys()
        before = sum(cost(k) for k in sorted(keys))
        undo = apply(changes)
        if sum(cost(k) for k in sorted(keys)) > before + 1e-9:  # (shares as counts are not exact in binary)
            apply(undo)


def _deal_single(codes: list[str], counts: dict[int, int], order: dict[str, float]) -> dict[str, int]:
    """Deal exact counts of a single-choice item: values in chart order to respondents by ``order``."""
    ranked = sorted(codes, key=lambda c: -order[c])
    if len(ranked) != sum(counts.values()):
        raise ValueError(f"{len(ranked)} respondents for counts adding up to {sum(counts.values())}")
    out, start = {}, 0
    for value, size in counts.items():
        for c in ranked[start : start + size]:
            out[c] = value
        start += size
    return out


def _deal_ticks(
    codes: list[str], counts: dict[int, int], exclusive: set[int], rng: random.Random
) -> dict[str, frozenset[int]]:
    """Exact ticks per option; an exclusive option is the respondent's only tick, everyone ticks one."""
    ticks: dict[str, set[int]] = {c: set() for c in codes}
    pool = list(codes)
    rng.shuffle(pool)
    for option in sorted(exclusive):
        for c in pool[: counts.get(option, 0)]:
            ticks[c].add(option)
        pool = pool[counts.get(option, 0) :]
    for option, k in sorted(counts.items(), key=lambda kv: -kv[1]):
        if option in exclusive:
            continue
        if k > len(pool):
            raise ValueError(f"option {option}: {k} ticks for {len(pool)} respondents")
        chosen = sorted(pool, key=lambda c: (len(ticks[c]), rng.random()))[:k]
        for c in chosen:
            ticks[c].add(option)
    if any(not t for t in ticks.values()):
        raise ValueError("some respondents would tick nothing")
    return {c: frozenset(t) for c, t in ticks.items()}


def _exclusive(cb: Codebook, key: str) -> set[int]:
    item = cb.item(key)
    return {int(n.args[1].value) for r in item.constraints for n in ex.walk(r.expr)
            if isinstance(n, ex.Call) and n.name == "selected" and isinstance(n.args[1], ex.Literal)}  # fmt: skip


def _support_received(
    cb: Codebook, status: dict[str, dict[str, int]], members: dict[str, Municipality], rng: random.Random
) -> dict[str, int]:
    key = _role_item(cb, "support_received")
    relevant = [c for c, s in status.items() if any(v in (IMPLEMENTED, PLANNED) for v in s.values())]
    chart = _chart_for(cb, key)
    if chart is None:
        return {}
    counts = _chart_counts(chart, len(relevant))
    return _deal_single(relevant, counts, {c: members[c].support + rng.gauss(0, 0.7) for c in relevant})


def _deal_2017_extras(
    cb: Codebook,
    answers: dict[str, Answers],
    members: dict[str, Municipality],
    groups: dict[str, str],
    rng: random.Random,
) -> None:
    """委託, 委託先, 課題 and 支援希望: whatever the edition's codebook and charts hold."""
    status, outsourced, contractor = _tagged(cb, STATUS), _tagged(cb, OUTSOURCED), _tagged(cb, CONTRACTOR)
    for code, key in outsourced.items():
        asked = [c for c, a in answers.items() if a[status[code]] in (IMPLEMENTED, PLANNED)]
        chart = _chart_for(cb, key)
        assert chart is not None
        opened = _chart_for(cb, contractor[code]) if code in contractor else None
        counts = _chart_counts(chart, len(asked), {1: opened.n} if opened and opened.n else None)
        order = {c: members[c].outsourcing + rng.gauss(0, 0.5) - (answers[c][status[code]] == PLANNED) for c in asked}
        for c, v in _deal_single(asked, counts, order).items():
            answers[c][key] = v
        if code in contractor:
            chosen = [c for c in asked if answers[c][key] == 1]
            chart = _chart_for(cb, contractor[code])
            assert chart is not None
            counts = _chart_counts(chart, len(chosen))
            for c, v in _deal_single(chosen, counts, {c: rng.random() for c in chosen}).items():
                answers[c][contractor[code]] = v
    for item in cb.items:
        if item.type != "multiple":
            continue
        remaining = list(answers)
        group_charts = [c for c in _charts_of(cb) if item.key in c.item_keys and c.population in GROUP_EFFECT]
        everyone = _chart_for(cb, item.key)
        if everyone is None:
            continue
        total = _multi_counts(everyone, len(answers))
        for chart in group_charts:
            codes = [c for c in remaining if groups.get(members[c].prefecture_code) == chart.population]
            counts = _multi_counts(chart, len(codes))
            for c, v in _deal_ticks(codes, counts, _exclusive(cb, item.key), rng).items():
                answers[c][item.key] = v
            total = {o: total[o] - counts.get(o, 0) for o in total}
            remaining = [c for c in remaining if c not in codes]
        for c, v in _deal_ticks(remaining, total, _exclusive(cb, item.key), rng).items():
            answers[c][item.key] = v
    for item in cb.items:
        if item.type == "text" and item.relevant is not None:
            for a in answers.values():
                if ex.evaluate(item.relevant, a):
                    a[item.key] = rng.choice(OTHER_TEXTS)


def _multi_counts(chart: Chart, n: int) -> dict[int, int]:
    out = {}
    for r in chart.rows:
        fits = counts_for(r.percent, n)
        out[int(r.value)] = fits[0] if fits else round(float(r.percent) * n / 100)
    return out


@cache
def _national(seed: int) -> dict[int, Dealt]:
    """Every edition of the 実施状況調査, dealt latest first so earlier years can follow the later."""
    rng = random.Random(seed * 7919 + 2017)
    books = sorted((cb for e in _editions_of(NATIONAL) for cb in [load(e, "municipality")]), key=lambda cb: -cb.edition)
    groups = _group_of(books)
    effects = {p: GROUP_EFFECT.get(groups.get(p, ""), rng.gauss(0, 0.25)) for p in load_registry().prefectures}
    members: dict[str, Municipality] = {}  # by durable id: one member across code changes
    for mid, m in municipalities_on(books[0]).items():
        members[mid] = Municipality(
            mid, m.prefecture_code, rng.gauss(0, 1) + effects[m.prefecture_code], rng.gauss(0, 1), rng.gauss(0, 1)
        )
    out: dict[int, Dealt] = {}
    later: dict[str, set[str]] | None = None
    for cb in books:
        lgs = municipalities_on(cb)
        people = [members[mid] for mid in lgs]
        status = _deal_statuses(cb, people, 0.35, rng, later, _none_before(cb, len(people)))
        _fit_bands(cb, status, members, rng)
        keys = _tagged(cb, STATUS)
        answers: dict[str, Answers] = {c: {keys[i]: v for i, v in s.items()} for c, s in status.items()}
        for c, v in _support_received(cb, status, members, rng).items():
            answers[c][_role_item(cb, "support_received")] = v
        _deal_2017_extras(cb, answers, members, groups, rng)
        respondents = {}
        final: dict[str, Answers] = {}
        for mid, m in lgs.items():
            r = _respondent(cb.form, m)
            respondents[r.id] = r
            final[r.id] = {cb.code_item.key: m.code5, **answers[mid]}
        out[cb.edition] = Dealt(final, respondents)
        later = {c: {i for i, v in s.items() if v == IMPLEMENTED} for c, s in status.items()}
    return out


def _none_before(cb: Codebook, n: int) -> int | None:
    """Municipalities with no item implemented or planned, from the support-received n (asked of the rest)."""
    chart = _chart_for(cb, _role_item(cb, "support_received"))
    return n - chart.n if chart is not None and chart.n else None


def _editions_of(survey: str) -> list[int]:
    from warehouse.codebook import editions

    return [e for e in editions() for cb in load_edition(e).values() if cb.survey == survey]


# --- Tokyo -------------------------------------------------------------------------------------------


#: Tokyo's survey counts its 区市町村 without the islands (島しょは除く, 002 L62): 62 − 9 = 53.
TOKYO_PREFECTURE = "13"
ISLANDS = {
    "13361": "大島町", "13362": "利島村", "13363": "新島村", "13364": "神津島村", "13381": "三宅村",
    "13382": "御蔵島村", "13401": "八丈町", "13402": "青ヶ島村", "13421": "小笠原村",
}  # fmt: skip


def _tokyo_municipalities(cb: Codebook) -> dict[str, LocalGovernment]:
    return {
        mid: m
        for mid, m in municipalities_on(cb).items()
        if m.prefecture_code == TOKYO_PREFECTURE and m.code5 not in ISLANDS
    }


@cache
def _tokyo(seed: int) -> dict[int, Dealt]:
    """Both years of Tokyo's survey, earliest first: each activity's implementers persist mostly."""
    rng = random.Random(seed * 104729 + 13)
    out: dict[int, Dealt] = {}
    before: dict[str, Answers] = {}
    for edition in sorted(_editions_of(TOKYO)):
        cb = load(edition, "tokyo_municipality")
        lgs = _tokyo_municipalities(cb)
        codes = list(lgs)
        if any(c.n != len(codes) for c in _charts_of(cb)):
            raise ValueError(f"{cb.path.name}: {len(codes)} 区市町村 without the islands, the table counts another n")
        targets = {c.rows[0].item_key: int(c.rows[0].count) for c in _charts_of(cb)}
        answers: dict[str, Answers] = {c: {} for c in codes}
        parents = {i.key for i in cb.items if i.tags.get("any_of") == "true"}
        for item in cb.items:
            if item.type != "single":
                continue
            asked = [c for c in codes if item.relevant is None or ex.evaluate(item.relevant, answers[c])]
            kids_of_parent = item.relevant_source is not None
            covered = {c for c in asked if any(answers[c].get(k) == YES for k in _siblings(cb, item.key))}
            k = targets[item.key]
            # the uncovered children of a 「いずれかを実施」 parent first, then last year's implementers
            order = {
                c: (kids_of_parent and c not in covered) * 5
                + (before.get(c, {}).get(item.key) == YES) * 2
                + rng.random()
                for c in asked
            }
            for c, v in _deal_single(asked, {YES: k, NO: len(asked) - k}, order).items():
                answers[c][item.key] = v
        for p in parents:
            for c in codes:
                if answers[c][p] == YES and not any(answers[c].get(k) == YES for k in _children(cb, p)):
                    raise ValueError(f"{cb.path.name}: {c} has {p} without an activity")
        respondents, final = {}, {}
        for mid, m in lgs.items():
            r = _respondent(cb.form, m)
            respondents[r.id] = r
            final[r.id] = {cb.code_item.key: m.code5, **answers[mid]}
        out[edition] = Dealt(final, respondents)
        before = answers
    return out


def _children(cb: Codebook, parent: str) -> list[str]:
    return [i.key for i in cb.items if i.relevant is not None and ex.references(i.relevant) == {parent}]


def _siblings(cb: Codebook, key: str) -> list[str]:
    item = cb.item(key)
    if item.relevant is None:
        return []
    (parent,) = ex.references(item.relevant)
    return [k for k in _children(cb, parent) if k != key]


# --- entry point ----------------------------------------------------------------------------------


def deal(edition: int, forms: Iterable[str], seed: int) -> Dealt:
    """The calibrated returns of the legacy forms of one edition."""
    answers: dict[str, Answers] = {}
    respondents: dict[str, Respondent] = {}
    books = load_edition(edition)
    for form in forms:
        dealt = (_national if books[form].survey == NATIONAL else _tokyo)(seed)[edition]
        answers.update(dealt.answers)
        respondents.update(dealt.respondents)
    return Dealt(answers, respondents)
