"""The national results of every edition in the file, as ``report.rpt_published_charts`` rebuilds the report's
charts: one page per form and edition (``national/<year>/<form>.html``) and one per chart, the printed value
beside the rebuilt one, the printed n beside the warehouse's with the report's inconsistencies said in words,
and, where the report ranks the options, the printed rank beside the rebuilt one. An edition whose returns
are not in the file shows the printed values alone, and says so."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from itertools import groupby

from warehouse.report.charts import FLAG_BAND_SOURCE, FLAG_INFERRED, FLAG_PRINTED_N, rank_holds
from warehouse.site import maps, page, svg
from warehouse.site.data import Edition, SiteData
from warehouse.site.writer import SiteWriter

HEADERS = ("項目", "選択肢", "回答数", "n", "再集計（%）", "印刷値（%）", "印刷n", "確度", "一致")
RANK_HEADERS = ("印刷順位", "再集計順位", "順位一致")
MATCH, CONFIDENT, RANKS = HEADERS.index("一致"), HEADERS.index("確度"), len(HEADERS)
POPULATION = {
    "municipal": "市町村のコーディネーター",
    "prefecture_level": "都道府県のコーディネーター",
    "lowest_five_prefectures": "実施率の低い5県の市町村",
    "highest_five_prefectures": "実施率の高い5県の市町村",
}
#: What the report table's flags mean, as the pages say it (a flag that is not one of these is a note in words).
FLAGS = {
    FLAG_PRINTED_N: (
        "報告書の印刷 n は、この設問の対象（前の設問で該当した数）ではない。再集計の n は対象となった回答者の数。"
    ),
    FLAG_INFERRED: "報告書は対象の絞り込みを示していない。対象は報告書自身の数値から推定したもの。",
    FLAG_BAND_SOURCE: (
        "人口規模の区分の印刷 n は、このウェアハウスの人口の出典（国勢調査）がその区分に入れる市町村の数と異なる。"
        "報告書が区分に用いた人口は公表されていない。"
    ),
}
PRINTED_RANK = {"1": "1位", "2": "2位", "3": "3位", "least": "最少"}
#: How surely the printed label was paired with its value when the figures were taken from the report.
CONFIDENCE = {"high": "高", "medium": "中", "low": "低"}


def folder(edition: Edition) -> str:
    return f"national/{edition.year}"


def page_path(edition: Edition, chart_id: int | None = None) -> str:
    """Where an edition's form page (or one of its charts) is, from the site's root."""
    name = edition.form if chart_id is None else f"{edition.form}-{chart_id}"
    return f"{folder(edition)}/{name}.html"


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
        return "（区分未特定）" if row["n"] else "（回答なし）"
    return "○" if abs(rebuilt - printed) < 0.05 else "×"


def ranked(rows: list[dict]) -> bool:
    return any(row["rank_printed"] is not None for row in rows)


def chart_rows(rows: list[dict]) -> list[tuple[object, ...]]:
    """The table (and CSV) of one chart: its rows as the report prints them, rebuilt and printed, and the ranks
    where the report ranks the options."""
    with_ranks = ranked(rows)
    out = []
    for row in rows:
        item, _, option = row["option_label"].rpartition("｜")
        values: tuple[object, ...] = (
            item,
            option,
            row["respondents"],
            row["n"],
            _number(row["percent"]),
            _number(row["percent_printed"]),
            row["n_printed"],
            CONFIDENCE.get(row["confidence"], row["confidence"]),
            _matches(row),
        )
        if with_ranks:
            printed = row["rank_printed"]
            holds = "" if printed is None or not row["n"] else ("○" if rank_holds(row, rows) else "×")
            values += (PRINTED_RANK.get(printed, printed) if printed else None, row["rank_from_top"], holds)
        out.append(values)
    return out


def draw(title: str, rows: list[dict]) -> str:
    """Stacked bars when the chart shows head-count bands, bars otherwise; the printed values as the bars where
    the file holds no return of the edition (the black tick otherwise)."""
    rebuilt = any(row["n"] for row in rows)
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
    printed = [_number(r["percent_printed"]) for r in rows]
    values = [_number(r["percent"]) for r in rows] if rebuilt else printed
    ticks = printed if rebuilt else [None] * len(rows)
    return svg.bars(
        title,
        [
            (r["option_label"], value, tick, r["value_kind"] == "missing")
            for r, value, tick in zip(rows, values, ticks, strict=True)
        ],
    )


def charts(edition: Edition) -> Iterator[tuple[int, list[dict]]]:
    for chart_id, rows in groupby(edition.charts, key=lambda r: r["chart_id"]):
        yield chart_id, list(rows)


def caption(rows: list[dict]) -> str:
    """The chart's question and title as printed, with the group a split chart shows (a population band, …)."""
    first = rows[0]
    split = f"【{first['breakdown']}】" if first["breakdown"] else ""
    return f"{first['question_id']}　{first['chart_title']}{split}"


def flag_notes(rows: list[dict]) -> list[str]:
    """The report's inconsistencies the rows are flagged with, each said once, in words."""
    return [f"【注】{FLAGS.get(flag, flag)}" for flag in sorted({row["flag"] for row in rows if row["flag"]})]


def notes(rows: list[dict]) -> str:
    """Under the chart: both n, whom it counts, and the report's inconsistencies as the report table flags them."""
    first = rows[0]
    printed = f"（印刷 n={first['n_printed']:,}）" if first["n_printed"] is not None else "（印刷 n なし）"
    who = POPULATION.get(first["population"], "")
    parts = [f"n={first['n']:,}{printed}" + (f"　対象：{who}" if who else "")]
    parts += flag_notes(rows)
    parts.append("未回答は n に含め、報告書と同じく一つの区分として示す。黒い縦線は報告書の印刷値。")
    if ranked(rows):
        parts.append("順位は報告書の本文が挙げる順位（最少：最も少ない）と、再集計での順位（1 = 最も多い）。")
    return "　".join(escape(p) for p in parts)


def headers(rows: list[dict]) -> tuple[str, ...]:
    return HEADERS + RANK_HEADERS if ranked(rows) else HEADERS


def _about(edition: Edition, data: SiteData, mapped: bool) -> str:
    source = (
        "公表ファイルの marts から再集計したもの"
        if edition.has_returns
        else "この公表ファイルにはこの調査票の回答がないため、報告書の印刷値のみ"
    )
    return (
        f'<p class="note">{escape(edition.edition_label)} {escape(edition.title)}。'
        f"報告書の図を{source}（report.rpt_published_charts）。"
        + (f' <a href="../../{maps.page_path(edition.year)}">都道府県別の地図</a>' if mapped else "")
        + "</p>"
    )


def _differs(row: tuple[object, ...]) -> bool:
    """A row shown red: a surely paired printed share the rebuilt one does not match, or a rank statement that
    does not hold."""
    return (row[MATCH] == "×" and row[CONFIDENT] == CONFIDENCE["high"]) or row[RANKS + 2 : RANKS + 3] == ("×",)


def single_rows(edition: Edition) -> bool:
    """Whether every chart of the form is one share (東京都's 取組状況: one per item): the report prints them as one
    table across its years, and so do the pages."""
    return len(edition.charts) > 1 and len({row["chart_id"] for row in edition.charts}) == len(edition.charts)


def write(data: SiteData, writer: SiteWriter, mapped: set[int] = frozenset()) -> list[tuple[Edition, int]]:
    """One page per form and edition with all its charts, and one per chart (a form of single shares: one table
    across its editions instead; a link to the edition's prefecture maps where ``mapped`` has them); returns
    (edition, charts) for the index."""
    written = []
    for edition in data.editions:
        blocks, contents, rank_rows = [], [], []
        body = [_about(edition, data, edition.year in mapped)]
        single = single_rows(edition)
        if single:
            body.append(_across_editions(edition, [e for e in data.editions if e.form == edition.form], writer))
        for chart_id, rows in [] if single else charts(edition):
            table_rows = chart_rows(rows)
            csv_name = f"csv/{edition.form}-{chart_id}.csv"
            chart_headers = headers(rows)
            writer.write(f"{folder(edition)}/{csv_name}", page.csv_text(chart_headers, table_rows))
            classes = ["diff" if _differs(r) else "" for r in table_rows]
            anchor = f"chart-{chart_id}"
            title = caption(rows)
            alone = f"{edition.form}-{chart_id}.html"
            contents.append(f'<li><a href="#{anchor}">{escape(title)}</a> <a href="{alone}">（単独ページ）</a></li>')
            figure = page.figure(
                anchor, title, draw(title, rows), chart_headers, table_rows, csv_name, notes(rows), classes
            )
            blocks.append(figure)
            ranked_rows = [r for r in table_rows if len(r) > RANKS and r[RANKS] is not None]  # the report ranks
            rank_rows += [(rows[0]["question_id"], r[1], *r[RANKS:]) for r in ranked_rows]
            crumbs = [*_crumbs(edition), (rows[0]["question_id"], page_path(edition, chart_id))]
            heading = f"{edition.edition_label} {edition.form_label} {title}"
            writer.write(
                page_path(edition, chart_id), page.frame(heading, figure, 2, crumbs, data.about(edition.edition_label))
            )
        if rank_rows:
            body.append(
                f'<h2 id="ranks">報告書が挙げた順位（{len(rank_rows):,}）</h2>'
                + page.table(("設問", "選択肢", "印刷順位", "再集計順位", "一致"), rank_rows)
            )
        if blocks:
            body.append(f'<h2>図（{len(blocks):,}）</h2><ul class="columns">{"".join(contents)}</ul>')
        body += blocks
        title = f"{edition.edition_label} 全国集計：{edition.form_label}"
        writer.write(
            page_path(edition), page.frame(title, "".join(body), 2, _crumbs(edition), data.about(edition.edition_label))
        )
        written.append((edition, len(blocks) or len(edition.charts)))
    return written


def _across_editions(edition: Edition, editions: list[Edition], writer: SiteWriter) -> str:
    """The shares of a form of single shares, one row per item and one column per edition, printed (and rebuilt
    where the file holds returns), as one table and one chart with a bar per edition."""
    years = [e for e in editions if single_rows(e)]
    items: dict[str, str] = {}
    for e in reversed(years):  # in the latest edition's order, then what only earlier ones asked
        for row in e.charts:
            items.setdefault(row["item_key"], row["question_label"] or row["question_id"])
    by_year = {e.year: {row["item_key"]: row for row in e.charts} for e in years}
    headers = ["項目"]
    for e in years:
        headers += [f"{e.edition_label} 印刷値（%）", f"{e.edition_label} 印刷数／n", f"{e.edition_label} 再集計（%）"]
    rows, values = [], []
    for key, label in items.items():
        cells: list[object] = [label]
        shares: list[float | None] = []
        for e in years:
            row = by_year[e.year].get(key)
            printed = _number(row["percent_printed"]) if row else None
            printed_count = row is not None and row["count_printed"] is not None
            counted = f"{row['count_printed']}／{row['n_printed']}" if printed_count else None
            rebuilt = _number(row["percent"]) if row and row["n"] else None
            cells += [printed, counted, rebuilt]
            shares.append(rebuilt if rebuilt is not None else printed)
        rows.append(tuple(cells))
        values.append(shares)
    csv_name = f"csv/{edition.form}-{edition.year}-across.csv"
    writer.write(f"{folder(edition)}/{csv_name}", page.csv_text(headers, rows))
    chart = svg.grouped(edition.form_label, list(items.values()), [e.edition_label for e in years], values)
    title = f"{edition.title}：{'・'.join(e.edition_label for e in years)}の比較"
    note = "　".join(
        [
            "印刷数／n は報告書の印刷した数。再集計は公表ファイルに回答がある年度のみ（なければ棒は印刷値）。",
            *flag_notes([row for e in years for row in e.charts]),
        ]
    )
    return page.figure("across", title, chart, headers, rows, csv_name, escape(note))


def _crumbs(edition: Edition) -> list[tuple[str, str]]:
    return [(f"{edition.edition_label} {edition.form_label}", page_path(edition))]
