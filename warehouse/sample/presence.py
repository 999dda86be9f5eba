"""Calibrates the joint distribution of coordinator presence (問13) and the scenes' 関連づけた取り組み
so that the report's printed χ² p-values (参考資料) come out of the sample at their printed precision.

The dealer fixes each initiative's count and who has a coordinator; here ticks of one initiative move
between a municipality with a coordinator and one without (both asked, both keeping at least one tick,
「その他」 left alone since its text goes with it), which changes the number done with a coordinator and
nothing the report prints. For each test the target is the count nearest to the dealt one whose
p-value prints as published, preferring a higher share with a coordinator (the report's reading);
where no count prints so, the nearest p-value is taken and listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from warehouse.codebook import Codebook
from warehouse.codebook import expressions as ex
from warehouse.report.presence_tests import (
    ABSENT,
    PRESENCE_QUESTION,
    PRESENT,
    PresenceTest,
    chi_square,
    prints_as,
)
from warehouse.report.presence_tests import p_value as p_of
from warehouse.sample.answers import Answers, _rules


@dataclass(frozen=True)
class Outcome:
    test: PresenceTest
    with_done: int
    with_n: int
    without_done: int
    without_n: int
    p: float

    @property
    def reproduced(self) -> bool:
        return prints_as(self.p, self.test.p_printed)


def p_for(a: int, n1: int, k: int, n0: int) -> float:
    return p_of(chi_square(a, n1, k - a, n0))


def target(a: int, n1: int, k: int, n0: int, ks: range, printed: str) -> tuple[int, int]:
    """(done with a coordinator, done in all) to aim for, ``k`` within ``ks`` (see the module's docstring):
    the fewest moves to a count that prints as published, searched outward from the dealt ``k``."""

    def cost(x: int, kk: int) -> tuple[bool, int]:
        return x * n0 < (kk - x) * n1, abs(x - a) + abs(kk - k)

    best: tuple[tuple[bool, int], int, int] | None = None
    for kk in sorted(ks, key=lambda kk: abs(kk - k)):
        if best is not None and not best[0][0] and abs(kk - k) > best[0][1]:
            break  # every count further out costs more than the best found
        for x in range(max(0, kk - n0), min(kk, n1) + 1):
            if prints_as(p_for(x, n1, kk, n0), printed) and (best is None or cost(x, kk) < best[0]):
                best = (cost(x, kk), x, kk)
    if best is not None:
        return best[1], best[2]
    want = 0.0005 if printed.startswith("<") else float(printed)
    grid = [(x, kk) for kk in ks for x in range(max(0, kk - n0), min(kk, n1) + 1)]
    return min(grid, key=lambda xk: (abs(p_for(xk[0], n1, xk[1], n0) - want), cost(*xk)))


@dataclass
class _Ticks:
    """The ticks of one option of one item, moved between groups of respondents."""

    answers: dict[str, Answers]
    item_key: str
    code: int
    cap: int | None
    exclusive: set[int]

    def done(self, rid: str) -> bool:
        return self.code in self.answers[rid].get(self.item_key, frozenset())

    def giver(self, group: list[str]) -> str | None:
        """One who ticked the option and keeps another tick without it."""
        return next((r for r in group if self.done(r) and len(self.answers[r][self.item_key]) > 1), None)

    def taker(self, group: list[str]) -> str | None:
        """One who answered without the option and may take one more tick."""
        for r in group:
            ticks = self.answers[r].get(self.item_key)
            if (
                ticks
                and not self.done(r)
                and not (ticks & self.exclusive)
                and (self.cap is None or len(ticks) < self.cap)
            ):
                return r
        return None

    def move(self, source: list[str], destination: list[str]) -> bool:
        giver, taker = self.giver(source), self.taker(destination)
        if giver is None or taker is None:
            return False
        self.answers[giver][self.item_key] = self.answers[giver][self.item_key] - {self.code}
        self.answers[taker][self.item_key] = self.answers[taker][self.item_key] | {self.code}
        return True


def calibrate(cb: Codebook, answers: dict[str, Answers], tests: list[PresenceTest]) -> list[Outcome]:
    """Move ticks so that each test's p-value prints as published; what each test reached."""
    presence = next(i.key for i in cb.items if i.question == PRESENCE_QUESTION and i.type == "single")
    outcomes = []
    for test in tests:
        item = cb.item(test.item_key)
        cap, exclusive, _ = _rules(item)
        ticks = _Ticks(answers, item.key, test.option_code, cap, exclusive)
        asked = sorted(rid for rid, a in answers.items() if item.relevant is None or ex.evaluate(item.relevant, a))
        present = [rid for rid in asked if answers[rid].get(presence) == PRESENT]
        absent = [rid for rid in asked if answers[rid].get(presence) == ABSENT]
        unknown = [rid for rid in asked if answers[rid].get(presence) not in (PRESENT, ABSENT)]  # わからない, 未回答
        n1, n0 = len(present), len(absent)
        a = sum(map(ticks.done, present))
        k = a + sum(map(ticks.done, absent))
        movable = test.option_code not in exclusive and not any(
            o.code == test.option_code and o.key == "other" for o in item.options
        )
        spare_in = sum(1 for r in unknown if ticks.done(r) and len(answers[r][item.key]) > 1)
        spare_out = sum(1 for r in unknown if not ticks.done(r) and answers[r].get(item.key))
        ks = range(k - spare_out, k + spare_in + 1) if movable else range(k, k + 1)
        goal_a, goal_k = target(a, n1, k, n0, ks, test.p_printed)
        while movable and (a, k) != (goal_a, goal_k):
            if k != goal_k:  # one more (or one fewer) done among the known presence, against the unknown
                side = present if (a < goal_a) == (k < goal_k) else absent
                ok = ticks.move(unknown, side) if k < goal_k else ticks.move(side, unknown)
                step = 1 if k < goal_k else -1
                if ok:
                    a, k = a + (step if side is present else 0), k + step
            else:
                ok = ticks.move(absent, present) if a < goal_a else ticks.move(present, absent)
                a += (1 if a < goal_a else -1) if ok else 0
            if not ok:
                break
        outcomes.append(Outcome(test, a, n1, k - a, n0, p_for(a, n1, k, n0)))
    return outcomes
