"""Comparison blocks shared by the prefecture pages and the municipality profiles: a municipality (or a
prefecture's municipalities) against the shares among other groups, per scene and per initiative."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from warehouse.site import page, svg
from warehouse.site.data import OTHER_MEASURES, SCENE_MEASURES, SiteData
from warehouse.site.writer import SiteWriter

Key = tuple[str, str]
Series = tuple[str, dict[Key, tuple[int, int]]]  # (name, (scope, measure) → (yes, n))


def scene_keys(data: SiteData) -> list[tuple[Key, str]]:
    """Every scenario's engagement; for the four scenes also めざすべき姿, 目標 and 評価指標."""
    keys = []
    for scenario, (label, _, is_scene) in sorted(data.scenarios.items(), key=lambda s: s[1][1]):
        for measure, measure_label in SCENE_MEASURES.items():
            if measure == "engaged" or is_scene:
                keys.append(((scenario, measure), f"{label}：{measure_label}"))
    return keys


def other_keys() -> list[tuple[Key, str]]:
    return [(tuple(key.split(":")), label) for key, label in OTHER_MEASURES.items()]  # type: ignore[misc]


def initiative_scopes(data: SiteData) -> list[tuple[str, str, list[str]]]:
    """(scenario, label, its initiative keys in the questionnaire's order) for each scenario with initiatives."""
    present: dict[str, set[str]] = {}
    for scope, measure in data.shares.nation:
        if measure.startswith("done:"):
            present.setdefault(scope, set()).add(measure.removeprefix("done:"))
    out = []
    for scenario, (label, _, _) in sorted(data.scenarios.items(), key=lambda s: s[1][1]):
        if scenario in present:
            ordered = sorted(present[scenario], key=lambda k: (data.initiatives.get(k, ("", 999))[1], k))
            out.append((scenario, label, ordered))
    return out


def answer(value: bool | None, status: str | None, yes: str = "はい") -> str:
    """The municipality's own answer as the page shows it."""
    if status is None:
        return "—"
    if status == "answered":
        return "わからない" if value is None else (yes if value else "いいえ")
    return "未回答" if status == "missing" else "対象外"


_Pieces = tuple[list[str], list[str], list[str]]  # svg, table and CSV, split around the marks
_cache: dict[tuple[object, ...], _Pieces] = {}
_MARK = re.compile(r"@@(\d+)@@")


def reset() -> None:
    """Forget the drawn blocks: a new build reads new data."""
    _cache.clear()


def _fill(pieces: list[str], marks: Sequence[str]) -> str:
    """The cached text with the marks put back (``re.split`` alternates text and mark indices)."""
    out = pieces[:]
    for i in range(1, len(pieces), 2):
        out[i] = marks[int(pieces[i])]
    return "".join(out)


def block(
    writer: SiteWriter,
    csv_path: str,
    csv_href: str,
    anchor: str,
    caption: str,
    keys: Sequence[tuple[Key, str]],
    series: Sequence[Series],
    own: dict[Key, tuple[bool | None, str]] | None = None,
    extra: Sequence[tuple[str, Sequence[tuple[Key, str]]]] = (),
) -> str:
    """A grouped-bar chart (one bar per series) with its table and CSV; ``extra`` adds table columns of
    other measures of the same rows (e.g. named as a challenge beside done); ``own`` adds the answers of
    one municipality. The chart and table of a group of series are drawn once and cached with the
    municipality's answers as placeholders: the 1,741 profiles share a few hundred of them."""
    # the series' own dicts (alive for the whole build) tell the groups apart, their names the headers
    cache_key = (anchor, caption, own is not None, *((name, id(by_key)) for name, by_key in series))
    pieces = _cache.get(cache_key)
    if pieces is None:
        pieces = _cache[cache_key] = _draw(caption, keys, series, own is not None, extra)
    marks: list[str] = []
    if own is not None:
        for key_list in ([k for k, _ in keys], *[[k for k, _ in extra_keys] for _, extra_keys in extra]):
            marks += [answer(*own.get(key, (None, None))) for key in key_list]
    quoted = [escape(mark) for mark in marks]  # a municipality's answers, as HTML (the SVG and the table)
    chart, table, csv = (_fill(p, m) for p, m in zip(pieces, (quoted, quoted, marks), strict=True))
    writer.write(csv_path, csv)
    return page.figure_html(anchor, caption, chart, table, csv_href, NOTE)


NOTE = "割合は質問の対象となった市町村（未回答を含む）に占める「はい」の割合。"


def _draw(
    caption: str,
    keys: Sequence[tuple[Key, str]],
    series: Sequence[Series],
    has_own: bool,
    extra: Sequence[tuple[str, Sequence[tuple[Key, str]]]],
) -> _Pieces:
    headers = ["項目"] + (["当該市町村"] if has_own else [])
    for name, _ in series:
        headers += [f"{name}（%）", f"{name} n"]
    for name, _ in extra:
        if has_own:
            headers.append(f"{name}：当該市町村")
        headers += [f"{name}：{series_name}（%）" for series_name, _ in series]
    rows, values = [], []
    for i, (key, label) in enumerate(keys):
        row: list[object] = [label] + ([f"@@{i}@@"] if has_own else [])
        shares = []
        for _, by_key in series:
            yes, n = by_key.get(key, (0, 0))
            shares.append(page.pct(yes, n))
            row += [shares[-1], n]
        values.append(shares)
        for e, (_, extra_keys) in enumerate(extra):
            if has_own:
                row.append(f"@@{(e + 1) * len(keys) + i}@@")
            row += [page.pct(*by_key.get(extra_keys[i][0], (0, 0))) for _, by_key in series]
        rows.append(row)
    marks = [f"@@{i}@@" for i in range(len(keys))] if has_own else None
    chart = svg.grouped(caption, [label for _, label in keys], [name for name, _ in series], values, marks)
    return (
        _MARK.split(chart),
        _MARK.split(page.table(headers, rows)),
        _MARK.split(page.csv_text(headers, rows)),
    )
