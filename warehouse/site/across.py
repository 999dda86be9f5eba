"""The eight 事業項目 across the editions (``national/across.html``): the national share of municipalities
implementing each in 平成27〜29年度, and beside them the initiatives of the pages' year (令和5年度) that the
crosswalk relates each item to, with their national shares by scene. 令和5年度 does not ask the items: the
crosswalk (``warehouse/codebook/editions/crosswalk_program_items.yaml``) is a judgement, shown as one, never as a
fifth point of the same series."""

from __future__ import annotations

from html import escape

from warehouse.site import maps, page, svg
from warehouse.site.data import SiteData
from warehouse.site.writer import SiteWriter

PATH = "national/across.html"
NOTE = (
    "全国の、回答した市町村のうち「実施している」と答えた市町村の割合（marts.agg_program_items_by_prefecture の合計）。"
)


def title(data: SiteData) -> str:
    paired = f"と{data.edition_label}との対応" if data.year is not None and data.crosswalk else ""
    return f"事業項目の推移（実施状況調査）{paired}"


def write(data: SiteData, writer: SiteWriter) -> bool:
    """The page, when the file holds an 8-item edition; whether it was written."""
    years = sorted(data.item_shares)
    if not years:
        return False
    items = sorted({item for year in years for item in data.item_shares[year]})
    totals = {(year, item): maps.total(counts) for year in years for item, counts in data.item_shares[year].items()}
    labels = [data.label_of(year) for year in years]
    headers = ["事業項目"] + [f"{label} {what}" for label in labels for what in ("実施（%）", "実施／回答")]
    rows = []
    for item in items:
        cells: list[object] = [data.item_label(item)]
        for year in years:
            yes, n = totals.get((year, item), (0, 0))
            cells += [page.pct(yes, n), f"{yes:,}／{n:,}" if n else None]
        rows.append(tuple(cells))
    values = [[page.pct(*totals[(year, item)]) if (year, item) in totals else None for year in years] for item in items]
    chart = svg.grouped("事業項目の実施", [data.item_label(item) for item in items], labels, values)
    writer.write("national/csv/across.csv", page.csv_text(headers, rows))
    parts = [
        page.figure(
            "items",
            f"事業項目を実施している市町村の割合（{'・'.join(labels)}）",
            chart,
            headers,
            rows,
            "csv/across.csv",
            NOTE,
        )
    ]
    if data.year is not None and data.crosswalk:
        parts.append(_crosswalk(data, items))
    writer.write(PATH, page.frame(title(data), "".join(parts), 1, [("事業項目の推移", PATH)], data.about("各年度")))
    return True


def _crosswalk(data: SiteData, items: list[str]) -> str:
    scenes = sorted(data.scenarios.items(), key=lambda s: s[1][1])
    rows = []
    for item in items:
        for key, label in data.crosswalk.get(item, []):
            done = {scene: data.shares.nation.get((scene, f"done:{key}"), (0, 0)) for scene in data.scenarios}
            shares = [
                f"{scene_label} {page.pct(*done[scene])}%" for scene, (scene_label, _, _) in scenes if done[scene][1]
            ]
            rows.append((data.item_label(item), label, "、".join(shares) or "（この取り組みを問う場面に回答なし）"))
    note = (
        f"{data.edition_label}の調査票は事業項目を問わない。下の表は、crosswalk（warehouse/codebook/editions/"
        "crosswalk_program_items.yaml、根拠の行つき）が各事業項目に対応づけた取り組みと、その場面ごとの全国の実施割合"
        "（report.rpt_municipal_measure_shares）。対応づけは判断であり、同じ問いの続きではない。"
    )
    return (
        f"<h2>{escape(data.edition_label)}の取り組みとの対応（crosswalk による判断）</h2>"
        f'<p class="note">{escape(note)}</p>'
        + page.table(("事業項目", f"対応づけた取り組み（{data.edition_label}）", "場面ごとの実施割合（全国）"), rows)
    )
