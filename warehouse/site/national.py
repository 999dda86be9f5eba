"""The national results: every chart of 図４－１〜４－３ as ``report.rpt_published_charts`` rebuilds it,
one page per form, with the printed value beside the rebuilt one."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from itertools import groupby

from warehouse.site import page, svg
from warehouse.site.data import SiteData
from warehouse.site.writer import SiteWriter

HEADERS = ("項目", "選択肢", "回答数", "n", "再集計（%）", "印刷値（%）", "印刷n", "確度", "一致")
POPULATION = {
    "all": "",
    "municipal": "市町村のコーディネーター",
    "prefecture_level": "都道府県のコーディネーター",
    "core": "",
    "field": "",
}


def _number(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if number != number else number  # NaN: not rebuilt


def _matches(row: dict) -> str:
    rebuilt, printed = _number(row["percent"]), _number(row["percent_printed"])
    if printed is None:
        return "（印刷値なし）"
    if rebuilt is None:
        return "（区分未特定）"
    return "○" if abs(rebuilt - printed) < 0.05 else "×"


def chart_rows(rows: list[dict]) -> list[tuple[object, ...]]:
    """The table (and CSV) of one chart: its rows as the report prints them, rebuilt and printed."""
    out = []
    for row in rows:
        item, _, option = row["option_label"].rpartition("｜")
        out.append(
            (
                item,
                option,
                row["respondents"],
                row["n"],
                _number(row["percent"]),
                _number(row["percent_printed"]),
                row["n_printed"],
                row["confidence"],
                _matches(row),
            )
        )
    return out


def draw(title: str, rows: list[dict]) -> str:
    """Stacked bars when the chart shows head-count bands, bars otherwise."""
    if any(row["value_kind"] == "band" for row in rows):
        items = []
        for item, parts in groupby(rows, key=lambda r: r["option_label"].rpartition("｜")[0]):
            segments = [
                (
                    r["option_label"].rpartition("｜")[2],
                    _number(r["percent"]) if _number(r["percent"]) is not None else _number(r["percent_printed"]),
                    r["value_kind"] == "missing",
                )
                for r in parts
            ]
            items.append((item, segments))
        return svg.stacked(title, items)
    return svg.bars(
        title,
        [
            (r["option_label"], _number(r["percent"]), _number(r["percent_printed"]), r["value_kind"] == "missing")
            for r in rows
        ],
    )


def charts(data: SiteData, form: str) -> Iterator[tuple[int, str, list[dict]]]:
    for chart_id, rows in groupby((r for r in data.charts if r["form"] == form), key=lambda r: r["chart_id"]):
        rows = list(rows)
        yield chart_id, rows[0]["chart_title"], rows


def write(data: SiteData, writer: SiteWriter) -> list[tuple[str, str, int]]:
    """One page per form with all its charts, and one per chart; returns (form, label, charts) for the index."""
    written = []
    for form, label in data.forms:
        blocks, contents = [], []
        for chart_id, title, rows in charts(data, form):
            first = rows[0]
            table_rows = chart_rows(rows)
            csv_name = f"csv/{form}-{chart_id}.csv"
            writer.write(f"national/{csv_name}", page.csv_text(HEADERS, table_rows))
            who = POPULATION.get(first["population"], "")
            note = (
                f"{first['question_id']}　n={first['n']:,}（印刷 n={first['n_printed']:,}）"
                + (f"　対象：{who}" if who else "")
                + "。未回答は n に含め、報告書と同じく一つの区分として示す。黒い縦線は報告書の印刷値。"
            )
            classes = ["diff" if r[-1] == "×" and r[7] == "high" else "" for r in table_rows]
            anchor = f"chart-{chart_id}"
            contents.append(
                f'<li><a href="#{anchor}">{first["question_id"]} {escape(title)}</a> '
                f'<a href="{form}-{chart_id}.html">（単独ページ）</a></li>'
            )
            figure = page.figure(
                anchor,
                f"{first['question_id']}　{title}",
                draw(title, rows),
                HEADERS,
                table_rows,
                csv_name,
                note,
                classes,
            )
            blocks.append(figure)
            # each chart also on a page of its own, to link to or print
            chart_title = f"{data.edition_label} {label} {first['question_id']}"
            crumbs = [(label, f"national/{form}.html"), (first["question_id"], f"national/{form}-{chart_id}.html")]
            writer.write(f"national/{form}-{chart_id}.html", page.frame(chart_title, figure, 1, crumbs))
        if not blocks:
            continue
        body = (
            f'<p class="note">{escape(data.edition_label)}の報告書の図４を、公表ファイルの marts から'
            "再集計したもの（report.rpt_published_charts）。</p>"
            f'<ul class="columns">{"".join(contents)}</ul>' + "".join(blocks)
        )
        title = f"{data.edition_label} 全国集計：{label}"
        writer.write(f"national/{form}.html", page.frame(title, body, 1, [("全国集計", f"national/{form}.html")]))
        written.append((form, label, len(blocks)))
    return written
