"""The published charts of an edition, joined to the codebook items they count.

``editions/<year>/charts_<form>.yaml`` says which item and value each printed percentage of the
report counts; ``editions/<year>/published/`` holds the printed figures.  The sample generator is
calibrated from this join and the report tables are checked against it.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

from warehouse.codebook.model import EDITIONS_DIR, Codebook, Item
from warehouse.yaml_files import read_yaml

#: Who a chart counts, as a rule on the respondent's answers; charts without one count everybody.
#: Coordinators are prefecture-level when they gave no municipal code; 基幹的/現場的 follow 問5-4-1.
#: Hubs: the cross-tabulations of §14 split them by whether they are the programme's own operator.
POPULATIONS: dict[str, dict[str, str]] = {
    "coordinator": {
        "prefecture_level": "not answered(${f1_1_municipality_code})",
        "municipal": "answered(${f1_1_municipality_code})",
        "core": "${q5_4_1_respondent_is_core} = 1",
        "field": "${q5_4_1_respondent_is_core} = 2",
    },
    "hub": {
        "same_body": "${s01_q03_same_body} = 1",
        "other_body": "${s01_q03_same_body} = 2",
    },
}
#: Published n that the report itself misprints, with the n its own figures imply (see the notes).
MISPRINTED_N: dict[tuple[int, str, str], int] = {(2023, "municipality", "問6-7"): 785}
MISSING = "missing"
UNKNOWN = "unknown"
ANSWERED = "answered"  # a free-text item: the row counts the respondents who wrote something
ANSWERED_LABEL = "回答あり"
#: A question whose printed n is not the population its skip chain asks (the questions file says so).
FLAG_PRINTED_N = "printed_n_not_population"
FLAG_INFERRED = "population_inferred"
#: A chart of one population band whose printed n is not the number of municipalities the warehouse's
#: population source puts in that band (set by the report table, where the two n differ).
FLAG_BAND_SOURCE = "band_source_differs"
#: A number the questionnaire asks in two cells and the report counts as one: the item playing the first role
#: (by its codebook tag) plus the cell playing the second role in the same question, that many of which make one
#: unit of the item.  コーディネーター 問4 「〇年 〇ヶ月」 is years + months / 12; dbt's int_coordinator_experience
#: is the warehouse's definition, which the mart and the report tables read; this is how the sample deals the two
#: cells and how its calibration is checked against the printed bands.
SPLIT_NUMBERS: dict[str, tuple[str, int]] = {"experience_years": ("experience_months", 12)}
_BAND = re.compile(
    r"^(?:=(?P<eq>-?[\d.]+)|>(?P<gt>-?[\d.]+)|(?P<lo_b>[\[(])(?P<lo>-?[\d.]+),(?P<hi>-?[\d.]+)(?P<hi_b>[\])]))$"
)


@dataclass(frozen=True)
class Band:
    """A numeric band of a published chart, e.g. ``(0,2]`` = more than 0 and at most 2."""

    text: str
    low: float
    high: float
    low_closed: bool
    high_closed: bool

    def contains(self, value: float) -> bool:
        above = value >= self.low if self.low_closed else value > self.low
        below = value <= self.high if self.high_closed else value < self.high
        return above and below


def parse_band(text: str) -> Band:
    m = _BAND.match(text.replace(" ", ""))
    if not m:
        raise ValueError(f"not a band: {text!r}")
    if m["eq"] is not None:
        v = float(m["eq"])
        return Band(text, v, v, True, True)
    if m["gt"] is not None:
        return Band(text, float(m["gt"]), math.inf, False, False)
    return Band(text, float(m["lo"]), float(m["hi"]), m["lo_b"] == "[", m["hi_b"] == "]")


def finer_part(cb: Codebook, item: Item) -> tuple[Item, int] | None:
    """The cell counted with ``item`` as one number (the ヶ月 of its 年) and how many of it make one unit of
    ``item``; None for an item answered in one cell."""
    pair = SPLIT_NUMBERS.get(item.tags.get("role", ""))
    if pair is None:
        return None
    role, per = pair
    part = next((i for i in cb.items if i.question == item.question and i.tags.get("role") == role), None)
    return (part, per) if part is not None else None


def charted_number(cb: Codebook, item: Item, answers: dict[str, object]) -> float | None:
    """The number a chart's band counts for ``item`` in one return: the cell, plus its finer part where the
    question has one (a blank part counting as 0 when the other is given); None (未回答) when all are blank."""
    value = answers.get(item.key)
    finer = finer_part(cb, item)
    if finer is None:
        return None if value in (None, "") else float(value)  # type: ignore[arg-type]
    part, per = finer
    rest = answers.get(part.key)
    if value in (None, "") and rest in (None, ""):
        return None
    return float(value or 0) + float(rest or 0) / per  # type: ignore[arg-type]


@dataclass(frozen=True)
class ChartRow:
    option_label: str
    item_key: str
    value: int | str  # option code, MISSING, UNKNOWN, ANSWERED, a band text, or RULE (``rule`` holds the condition)
    percent: str | None  # as printed; None where the report prints no figure for the row
    confidence: str | None
    count: str = ""  # the count as printed beside the percentage, where the report prints one
    rule: str | None = None  # a condition on the respondent's answers, for rows no single answer gives
    rank: str | None = None  # as the text ranks the option: '1', '2', '3' or 'least'

    @property
    def band(self) -> Band | None:
        if isinstance(self.value, str) and self.value not in (MISSING, UNKNOWN, ANSWERED, RULE):
            return parse_band(self.value)
        return None


@dataclass(frozen=True)
class Chart:
    """One published chart (a question of the report).

    ``n`` is the population the figures are of: the printed n where it is that population, else the n
    the report's own figures imply (``n_printed`` keeps what was printed, ``flag`` says why they differ).
    """

    form: str
    question_id: str
    chart_title: str
    population: str
    n: int | None  # None where the report prints no n
    rows: tuple[ChartRow, ...]
    population_rule: str | None = None  # who the chart counts, where POPULATIONS has no rule for it
    flag: str | None = None  # a published inconsistency the report keeps as printed (not corrected)
    n_base: str = "asked"  # asked: n counts those the item applied to; population: everyone counted (全体の%)
    n_printed: int | None = None  # the n as printed, where it is not the population ``n`` (see ``flag``)
    breakdown: str | None = None
    #: the 人口規模 band (label of reference ``population_bands``) whose municipalities the chart counts,
    #: by the population the warehouse cuts the edition by (``marts.dim_municipality_population``)
    population_band: str | None = None

    @property
    def item_keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.item_key for r in self.rows))


#: The published figures of an edition unless a chart names its own ``source`` file.
DEFAULT_SOURCE = "published_r5_results.csv"
RULE = "rule"


def published_csv(edition: int, source: str = DEFAULT_SOURCE) -> Path:
    return EDITIONS_DIR / str(edition) / "published" / source


@cache
def published(edition: int, source: str = DEFAULT_SOURCE) -> tuple[dict[str, str], ...]:
    """The printed rows of an edition; a file holding several editions is read for this one only."""
    with published_csv(edition, source).open(encoding="utf-8") as handle:
        return tuple(r for r in csv.DictReader(handle) if r.get("edition", str(edition)) == str(edition))


def _row_value(raw: object) -> tuple[int | str, str | None]:
    """(value, rule) of a row: ``{rule: <condition>}`` counts the respondents for whom it holds."""
    if isinstance(raw, dict):
        return RULE, str(raw["rule"])
    return raw, None  # type: ignore[return-value]


@cache
def load_charts(edition: int, form: str) -> tuple[Chart, ...]:
    """Every published chart of a form, with its printed figures; raises if the map and CSV disagree.

    A chart is found in its published file by ``question_id`` and ``chart_title``, or, where the
    file has no question ids (the 実施状況調査, 東京都), by the columns named in ``match``; its title
    is then the printed one.
    """
    path = EDITIONS_DIR / str(edition) / f"charts_{form}.yaml"
    if not path.exists():
        return ()
    entries = read_yaml(path) or []
    if isinstance(entries, dict):
        return _question_charts(edition, form, path, entries)
    charts = []
    for entry in entries:
        source = entry.get("source", DEFAULT_SOURCE)
        match = entry.get("match") or {"question_id": entry["question_id"], "chart_title": entry["chart_title"]}
        candidates = [
            r
            for r in published(edition, source)
            if r.get("form", form) == form and all(r.get(k, "") == str(v) for k, v in match.items())
        ]
        by_label = {r["option_label"]: r for r in candidates}
        rows = []
        first: dict[str, str] | None = None
        for label, key, raw in entry["rows"]:
            found = by_label.get(label)
            if found is None:
                raise ValueError(f"{path.name}: {match} {label!r} is not a published row of {source}")
            first = first or found
            value, rule = _row_value(raw)
            rows.append(
                ChartRow(label, key, value, found["percent"], found["confidence"], found.get("count", ""), rule)
            )
        if first is None:
            raise ValueError(f"{path.name}: chart {match} has no rows")
        n = int(first["n"]) if first.get("n") else None
        charts.append(
            Chart(
                form,
                entry["question_id"],
                entry.get("chart_title", first["chart_title"]),
                entry.get("population", "all"),
                n,
                tuple(rows),
                entry.get("population_rule"),
                entry.get("flag"),
                entry.get("n_base", "asked"),
                n_printed=n,
                breakdown=entry.get("population_band"),
                population_band=entry.get("population_band"),
            )
        )
    return tuple(charts)


def rank_holds(row: Mapping[str, Any], chart: Sequence[Mapping[str, Any]]) -> bool:
    """Whether the rebuilt ranks of a chart's options bear out the rank the report's text gives ``row``: the k
    options it names least are the k lowest; the option it names n-th is n-th from the top, tied with no other."""
    if row["rank_printed"] == "least":
        named_least = sum(other["rank_printed"] == "least" for other in chart)
        return row["rank_from_bottom"] is not None and row["rank_from_bottom"] <= named_least
    same = [other for other in chart if other["rank_from_top"] == row["rank_from_top"]]
    return row["rank_from_top"] == int(row["rank_printed"]) and len(same) == 1


def matches(count: int, n: int, percent: str) -> bool:
    """Whether ``count`` of ``n`` prints as ``percent`` at its printed precision (half up, as Excel)."""
    if n == 0:
        return False
    places = len(percent.split(".")[1]) if "." in percent else 0
    exact = Decimal(count) * 100 / Decimal(n)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) == Decimal(percent)


def counts_for(percent: str, n: int) -> list[int]:
    """Every count of ``n`` that prints as ``percent``, nearest first."""
    centre = float(percent) * n / 100
    fits = [k for k in range(max(0, int(centre) - 3), min(n, int(centre) + 4) + 1) if matches(k, n, percent)]
    return sorted(fits, key=lambda k: abs(k - centre))


def _csv(edition: int, name: str) -> list[dict[str, str]]:
    with (EDITIONS_DIR / str(edition) / "published" / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _int(text: str | None) -> int | None:
    return int(text) if text not in (None, "") else None


def _labels(item: object) -> set[str]:
    return {o.label for o in getattr(item, "options", ())}


def _question_charts(edition: int, form: str, path: Path, doc: dict) -> tuple[Chart, ...]:
    """Charts of a report that prints one chart per question with every option, a few of their
    percentages and which options rank first, next and last (the 拠点 survey's form of map).

    ``published`` names the questions, results and rankings files; each chart names its item(s), and
    every option of those items becomes a row, matched to the printed figures by its label (a ranking
    may quote a shorter form of the label, found inside it).  The population n comes from the
    questions file (``n_best``); its note flags a printed n that is not the population asked.
    """
    from warehouse.codebook.model import load

    cb = load(edition, form)
    files = doc["published"]
    questions = {q["question_id"]: q for q in _csv(edition, files["questions"])}
    results = {(r["question_id"], r["option_label"]): r for r in _csv(edition, files["results"])}
    rankings: dict[tuple[str, str], list[dict[str, str]]] = {}
    for r in _csv(edition, files["rankings"]):
        joint = "|" in r["question_id"]  # one statement about several charts holds for each of them
        for qid in r["question_id"].split("|"):
            rankings.setdefault((qid, "" if joint else r["breakdown"]), []).append(r)
    used_results: set[tuple[str, str]] = set()
    used_rankings: set[int] = set()
    charts = []
    for entry in doc["charts"]:
        qid = entry["question_id"]
        question = questions.get(qid)
        if question is None:
            raise ValueError(f"{path.name}: {qid} is not a question of {files['questions']}")
        breakdown = entry.get("breakdown", "")
        ranks = rankings.get((qid, breakdown), [])
        rows = []
        for key in entry["items"]:
            item = cb.item(key)
            if item.type in ("text", "code"):
                rows.append(ChartRow(ANSWERED_LABEL, key, ANSWERED, None, None))
                continue
            for option in item.options:
                printed = results.get((qid, option.label)) if not breakdown else None
                if printed is not None:
                    used_results.add((qid, option.label))
                rank = [r for r in ranks if r["option_label"] == option.label]
                if not rank and not any(r["option_label"] in labels for r in ranks for labels in [_labels(item)]):
                    rank = [r for r in ranks if r["option_label"] in option.label]
                used_rankings.update(id(r) for r in rank)
                rows.append(
                    ChartRow(
                        option.label,
                        key,
                        option.code,
                        printed["percent"] if printed else None,
                        printed["confidence"] if printed else None,
                        rank=rank[0]["rank"] if rank else None,
                    )
                )
        note = question["note"]
        flag = FLAG_PRINTED_N if "printed n does not match" in note else None
        flag = flag or (FLAG_INFERRED if question["parent_basis"] == "inferred" else None)

        charts.append(
            Chart(
                form,
                qid,
                question["question_text"],
                entry.get("population", "all"),
                None if breakdown else _int(question["n_best"]),
                tuple(rows),
                n_printed=_int(question["n_printed"]),
                flag=flag,
                breakdown=breakdown or None,
            )
        )
    missed = [k for k in results if k not in used_results]
    missed_ranks = [r for rs in rankings.values() for r in rs if id(r) not in used_rankings]
    if missed or missed_ranks:
        labels = [r["option_label"] for r in missed_ranks]
        raise ValueError(f"{path.name}: published rows not mapped to an option: {missed} {labels}")
    return tuple(charts)
