"""The site's charts as inline SVG: horizontal bars, grouped bars and stacked bars.

The report's charts are of two kinds only (bars of percentages, stacked bars of head-count bands), and
the site writes a few thousand of them on every refresh: drawn here as plain SVG text they cost
microseconds each (a renderer such as vl-convert or matplotlib takes ~50 ms a chart, minutes for the
site), need no script to display, print and scale, and use the page's embedded Japanese font.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

#: Colours of the series (the nation, the prefecture, the population band …) and of the printed marker.
PALETTE = ("#4c78a8", "#f58518", "#54a24b", "#b279a2", "#e45756", "#72b7b2", "#eeca3b", "#9d755d", "#bab0ac")
MISSING = "#bbbbbb"
PRINTED = "#222222"
ROW = 22
LABEL_CHARS = 26
CHAR = 12.5  # width of one full-width character at the label's size
PLOT = 320


def _label(text: str) -> str:
    short = text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"
    return f"<title>{escape(text)}</title>{escape(short)}"


def _frame(width: float, height: float, body: list[str], title: str) -> str:
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="{escape(title)}">' + "".join(body) + "</svg>"
    )


def _label_width(labels: Sequence[str]) -> float:
    return min(max((len(label) for label in labels), default=4), LABEL_CHARS) * CHAR + 8


def _axis(left: float, top: float, height: float) -> list[str]:
    parts = []
    for tick in (0, 25, 50, 75, 100):
        x = left + PLOT * tick / 100
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + height}" stroke="#e4e4e4"/>')
        parts.append(f'<text x="{x:.1f}" y="{top + height + 14}" font-size="10" text-anchor="middle">{tick}%</text>')
    return parts


def bars(title: str, rows: Sequence[tuple[str, float | None, float | None, bool]]) -> str:
    """One bar per row: (label, percent, printed percent or None, is 未回答); the printed value is a tick."""
    left = _label_width([r[0] for r in rows])
    top, height = 4, ROW * len(rows)
    body = _axis(left, top, height)
    for i, (label, percent, printed, missing) in enumerate(rows):
        y = top + i * ROW
        body.append(f'<text x="{left - 6:.1f}" y="{y + 15}" font-size="12" text-anchor="end">{_label(label)}</text>')
        if percent is not None:
            colour = MISSING if missing else PALETTE[0]
            body.append(
                f'<rect x="{left:.1f}" y="{y + 4}" width="{PLOT * percent / 100:.1f}" height="{ROW - 8}" '
                f'fill="{colour}"/>'
            )
            body.append(
                f'<text x="{left + PLOT * percent / 100 + 4:.1f}" y="{y + 15}" font-size="11">{percent:.1f}</text>'
            )
        if printed is not None:
            x = left + PLOT * printed / 100
            body.append(
                f'<line class="printed" x1="{x:.1f}" y1="{y + 1}" x2="{x:.1f}" y2="{y + ROW - 1}" '
                f'stroke="{PRINTED}" stroke-width="2"><title>印刷値 {printed:.1f}%</title></line>'
            )
    return _frame(left + PLOT + 44, top + height + 20, body, title)


def grouped(
    title: str,
    categories: Sequence[str],
    series: Sequence[str],
    values: Sequence[Sequence[float | None]],
    marks: Sequence[str] | None = None,
) -> str:
    """For each category one thin bar per series (values[category][series], percent); ``marks`` is a
    short text written after the category's bars (the municipality's own answer)."""
    left = _label_width(categories)
    per = 8 * len(series) + 8
    top = 18
    height = per * len(categories)
    starts = [left]  # each legend entry as wide as its name (11 px a character) and a gap
    for name in series:
        starts.append(starts[-1] + 14 + 11 * len(name) + 14)
    body = [
        f'<rect x="{starts[k]:.1f}" y="2" width="10" height="10" fill="{PALETTE[k]}"/>'
        f'<text x="{starts[k] + 14:.1f}" y="11" font-size="11">{escape(name)}</text>'
        for k, name in enumerate(series)
    ]
    body += _axis(left, top, height)
    for i, category in enumerate(categories):
        y = top + i * per
        body.append(
            f'<text x="{left - 6:.1f}" y="{y + per / 2 + 4:.1f}" font-size="12" text-anchor="end">'
            f"{_label(category)}</text>"
        )
        for k, value in enumerate(values[i]):
            if value is not None:
                body.append(
                    f'<rect x="{left:.1f}" y="{y + 4 + 8 * k}" width="{PLOT * value / 100:.1f}" height="7" '
                    f'fill="{PALETTE[k]}"/>'
                )
        if marks:
            body.append(
                f'<text x="{left + PLOT + 6:.1f}" y="{y + per / 2 + 4:.1f}" font-size="11">{escape(marks[i])}</text>'
            )
    return _frame(max(left + PLOT + 70, starts[-1]), top + height + 20, body, title)


def stacked(title: str, items: Sequence[tuple[str, Sequence[tuple[str, float | None, bool]]]]) -> str:
    """One stacked bar per item: (label, [(segment label, percent, is 未回答)]), segments in order."""
    left = _label_width([item[0] for item in items])
    segments: list[str] = []
    for _, parts in items:
        for name, _, _ in parts:
            if name not in segments:
                segments.append(name)
    legend_rows = (len(segments) + 2) // 3
    top = 6 + 16 * legend_rows
    height = ROW * len(items)
    colour = {name: PALETTE[k % len(PALETTE)] for k, name in enumerate(s for s in segments)}
    body = []
    for k, name in enumerate(segments):
        x, y = 4 + 180 * (k % 3), 4 + 16 * (k // 3)
        fill = MISSING if any(miss for _, parts in items for n, _, miss in parts if n == name) else colour[name]
        colour[name] = fill
        body.append(f'<rect x="{x:.1f}" y="{y}" width="10" height="10" fill="{fill}"/>')
        body.append(f'<text x="{x + 14:.1f}" y="{y + 9}" font-size="10">{_label(name)}</text>')
    body += _axis(left, top, height)
    for i, (label, parts) in enumerate(items):
        y = top + i * ROW
        body.append(f'<text x="{left - 6:.1f}" y="{y + 15}" font-size="12" text-anchor="end">{_label(label)}</text>')
        x = left
        for name, percent, _ in parts:
            if percent:
                w = PLOT * percent / 100
                body.append(
                    f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{ROW - 8}" fill="{colour[name]}" '
                    f'stroke="#fff" stroke-width="0.5"><title>{escape(name)} {percent:.1f}%</title></rect>'
                )
                x += w
    return _frame(max(left + PLOT + 20, 560), top + height + 20, body, title)


#: The classes of a share on the maps (0–20 %, …, 80–100 %): a sequential single-hue scale (ColorBrewer Blues),
#: its lightness falling class by class, so that it reads in grey and by readers who do not tell hues apart.
MAP_CLASSES = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
NO_DATA = "url(#map-no-data)"


def map_class(percent: float | None) -> str:
    """The fill of a share: one of five classes of 20 points each, or the hatching of no municipality asked."""
    if percent is None:
        return NO_DATA
    return MAP_CLASSES[min(int(percent // 20), len(MAP_CLASSES) - 1)]


def map_defs(paths: dict[str, str]) -> str:
    """The outlines (``paths``: id → path data) and the no-data hatching, once per page for all its maps."""
    shapes = "".join(f'<path id="map-{key}" d="{d}"/>' for key, d in paths.items())
    return (
        '<svg width="0" height="0" aria-hidden="true" style="position:absolute"><defs>'
        '<pattern id="map-no-data" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="5" height="5" fill="#fff"/><line x1="0" y1="0" x2="0" y2="5" stroke="#888" stroke-width="1.2"/>'
        f"</pattern>{shapes}</defs></svg>"
    )


def choropleth(
    title: str,
    areas: Sequence[tuple[str, str, float | None]],
    size: tuple[int, int],
    inset: tuple[float, float, float, float],
) -> str:
    """A map of ``areas`` (outline id from :func:`map_defs`, hover text, percent or None), the box of the inset and
    the legend of the classes."""
    width, height = size
    body = ['<g stroke="#555" stroke-width="0.4" stroke-linejoin="round">']
    for key, text, percent in areas:
        body.append(f'<use href="#map-{key}" fill="{map_class(percent)}"><title>{escape(text)}</title></use>')
    body.append("</g>")
    x, y, w, h = inset
    body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="none" stroke="#999"/>')
    legend = [*(f"{20 * k}–{20 * (k + 1)}%" for k in range(len(MAP_CLASSES))), "対象なし"]
    fills = [*MAP_CLASSES, NO_DATA]
    top = height - 16 * len(legend) - 4
    for k, (label, fill) in enumerate(zip(legend, fills, strict=True)):
        body.append(
            f'<rect x="{width - 110}" y="{top + 16 * k}" width="14" height="12" fill="{fill}" stroke="#555" '
            f'stroke-width="0.4"/><text x="{width - 90}" y="{top + 16 * k + 10}" font-size="11">{label}</text>'
        )
    return _frame(width, height, body, title)
