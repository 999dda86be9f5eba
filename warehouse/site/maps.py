"""Prefecture maps: for each edition with shares by prefecture, one page (``maps/<year>.html``) with a
choropleth of each share among each prefecture's municipalities, the national share in its caption and the
numbers in a table beside it (and as CSV).

令和5年度's shares are those of ``report.rpt_municipal_measure_shares`` (each scene's engagement, councils,
coordinators); the 8-item surveys' those of ``marts.agg_program_items_by_prefecture`` (each 事業項目 implemented).
Both are public. The hub survey has no public table by prefecture, so it has no map.
"""

from __future__ import annotations

from html import escape

from warehouse.site import compare, geo, page, svg
from warehouse.site.data import SiteData
from warehouse.site.writer import SiteWriter

HEADERS = ("都道府県コード", "都道府県", "該当", "n", "割合（%）")
Counts = dict[str, tuple[int, int]]  # prefecture → (yes, n)


def page_path(year: int) -> str:
    return f"maps/{year}.html"


def measures(data: SiteData) -> dict[int, list[tuple[str, str, Counts]]]:
    """Every edition's maps: (anchor, what the share counts, counts by prefecture), in the pages' order."""
    out: dict[int, list[tuple[str, str, Counts]]] = {}
    if data.year is not None:
        keys = [(key, label) for key, label in compare.scene_keys(data) if key[1] == "engaged"]
        out[data.year] = [
            (
                "-".join(key).replace(":", "-"),
                label,
                {code: shares[key] for code, shares in data.shares.prefecture.items() if key in shares},
            )
            for key, label in keys + compare.other_keys()
        ]
    for year, items in sorted(data.item_shares.items()):
        labels = {item: f"{data.item_label(item)}：実施している" for item in items}
        out[year] = [(f"item-{item}", labels[item], items[item]) for item in sorted(items)]
    return {year: maps for year, maps in out.items() if any(counts for _, _, counts in maps)}


def write(data: SiteData, writer: SiteWriter) -> dict[int, int]:
    """The maps' pages; returns the number of maps by edition, for the index."""
    outlines = geo.outlines()
    written = {}
    for year, maps in measures(data).items():
        edition = data.label_of(year)
        blocks, contents = [], []
        for anchor, label, counts in maps:
            yes, n = total(counts)
            rows = [
                (code, name, *counts.get(code, (None, None)), _percent(counts.get(code)))
                for code, name in data.prefectures
            ]
            areas = [
                (code, f"{name} {_said(counts.get(code))}", _percent(counts.get(code)))
                for code, name in data.prefectures
            ]
            title = f"{label}（全国 {page.pct(yes, n) or 0:.1f}%、{yes:,}／{n:,}）"
            chart = svg.choropleth(title, areas, (outlines.width, outlines.height), outlines.inset)
            csv_name = f"csv/{year}-{anchor}.csv"
            writer.write(f"maps/{csv_name}", page.csv_text(HEADERS, rows))
            note = f"割合は都道府県内で回答した市町村のうち該当する市町村の割合。{geo.OMITTED}{geo.CREDIT}"
            blocks.append(page.figure(anchor, title, chart, HEADERS, rows, csv_name, escape(note)))
            contents.append(f'<li><a href="#{anchor}">{escape(label)}</a></li>')
        source = "report.rpt_municipal_measure_shares" if year == data.year else "marts.agg_program_items_by_prefecture"
        body = (
            svg.map_defs(outlines.paths)
            + f'<p class="note">{escape(edition)}：都道府県ごとの市町村の割合（{source}）。'
            "色は20%ごとの5段階（濃いほど高い）。斜線は回答した市町村のない都道府県。</p>"
            f'<ul class="columns">{"".join(contents)}</ul>' + "".join(blocks)
        )
        title = f"{edition} 都道府県別の地図"
        writer.write(
            page_path(year), page.frame(title, body, 1, [("都道府県別の地図", page_path(year))], data.about(edition))
        )
        written[year] = len(blocks)
    return written


def total(counts: Counts) -> tuple[int, int]:
    """The nation's (yes, n): the sum over the prefectures."""
    return sum(yes for yes, _ in counts.values()), sum(n for _, n in counts.values())


def _said(counts: tuple[int, int] | None) -> str:
    percent = _percent(counts)
    return "対象なし" if counts is None or percent is None else f"{percent:.1f}%（{counts[0]:,}／{counts[1]:,}）"


def _percent(counts: tuple[int, int] | None) -> float | None:
    return page.pct(*counts) if counts and counts[1] else None
