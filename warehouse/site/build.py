"""``python -m warehouse site``: the static site, written from the published file alone, for one audience.

The site shows what its reader may read and nothing more: it is built from that reader's view of the
publication (``warehouse.publish.audience``, from ``meta.disclosure``). The public site (the default, safe to
put on any web server) has the national charts, the shares among each prefecture's municipalities and the
gate's rule counts; a prefecture's site adds its own answers, its municipalities' profiles and its findings;
the ministry's has every prefecture's.

Pages are plain HTML with inline SVG charts (``warehouse.site.svg``), the stylesheet and the IPAexGothic
font copied into ``assets/``: the folder opens from disk or any static web server, and loads nothing
from the network. Only the files whose content changed are rewritten (``warehouse.site.writer``).
"""

from __future__ import annotations

import multiprocessing
import os
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from html import escape
from itertools import groupby
from multiprocessing.connection import Connection
from pathlib import Path

from warehouse.publish.audience import open_for
from warehouse.publish.disclosure import PUBLIC, Reader
from warehouse.site import across, compare, coordinator, finder, maps, municipality, national, page, prefecture, quality
from warehouse.site import data_docs as gx_docs
from warehouse.site.data import Edition, NothingToDraw, SiteData, charts_published, latest_year, load
from warehouse.site.writer import SiteWriter, WriterState

DATA_DOCS = "data_docs"


@dataclass(frozen=True)
class SiteReport:
    root: Path
    fiscal_year: int | None  # of the prefecture and municipality pages (None: only the published charts)
    pages: int
    written: int
    unchanged: int
    removed: int
    seconds: float
    data_docs: Path | None = None  # Great Expectations' Data Docs of the gate run (their index)

    @property
    def index(self) -> Path:
        return self.root / "index.html"

    @property
    def quality(self) -> Path:
        """The quality page (the gate's result, with the link to the Data Docs)."""
        return self.root / "quality" / "index.html"


#: Below this many municipalities the profiles are written in one process: a second costs more than it saves.
SPLIT_FROM = 400
#: The share of the profiles the second process writes: the first also writes the national and prefecture pages.
FORKED_SHARE = 0.6


def build_site(
    published: Path,
    out: Path,
    year: int | None = None,
    data_docs: bool = True,
    *,
    processes: int | None = None,
    audience: Reader | None = None,
) -> SiteReport:
    """Write the site of ``year`` (default: the latest in the file) for ``audience`` (default: the public) under
    ``out``, with Great Expectations' Data Docs of the gate run in ``<out>/data_docs/`` (unless ``data_docs`` is
    false; they hold the rules' counts only).

    The municipality profiles, two thirds of the time, are split over two processes when ``processes`` is 2
    (default: on a machine with two cores or more, for a file of at least ``SPLIT_FROM`` municipalities);
    the pages are the same either way."""
    started = time.perf_counter()
    reader = audience or Reader(PUBLIC)
    with open_for(published, reader) as con:
        year = year if year is not None else latest_year(con)
        if year is None and not charts_published(con):
            raise NothingToDraw("the published file holds no published chart and no municipal returns: nothing to draw")
        data = load(con, year, reader)
        docs_source = gx_docs.outcomes(con, year) if data_docs and year is not None else None
        analysis = coordinator.rows(con, year) if year is not None else None
    if processes is None:
        processes = 2 if (os.cpu_count() or 1) >= 2 and len(data.municipalities) >= SPLIT_FROM else 1
    writer = SiteWriter(out)
    compare.reset()
    split = round(len(data.municipalities) * FORKED_SHARE)
    docs_link = None
    with _profiles_beside(data, writer, slice(0, split)) if processes > 1 else nullcontext() as forked:
        _assets(writer)
        if docs_source and writer.version:
            gx_docs.write(docs_source, writer.version / DATA_DOCS, year, writer.current(DATA_DOCS))
            docs_link = f"../{DATA_DOCS}/index.html"
        mapped = maps.write(data, writer)
        items_across = across.write(data, writer)
        editions = national.write(data, writer, set(mapped))
        if year is not None:
            prefecture.write(data, writer)
            municipality.write(data, writer, slice(split, None) if forked else slice(None))
        if forked:
            writer.merge(forked())
    coordinator_page, found = False, 0
    if year is not None:
        quality.write(data, writer, docs_link)
        coordinator_page = coordinator.write(data, writer, analysis)
        found = finder.write(data, writer)
    writer.write("index.html", _index(data, editions, mapped, coordinator_page, docs_link, found, items_across))
    writer.finish()
    compare.reset()
    pages = writer.pages
    seconds = time.perf_counter() - started
    docs_index = out / DATA_DOCS / "index.html" if docs_link else None  # through the site's link, as readers open it
    return SiteReport(out, year, pages, len(writer.written), writer.unchanged, len(writer.removed), seconds, docs_index)


@contextmanager
def _profiles_beside(data: SiteData, writer: SiteWriter, municipalities: slice) -> Iterator[Callable[[], WriterState]]:
    """The profiles of ``municipalities`` written by a forked process (it has ``data`` without reading the
    file or passing it through a pipe) while the caller writes the rest; yields how to wait for that
    process's writer state."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_write_profiles, args=(data, writer, municipalities, send), daemon=True)
    child.start()
    send.close()

    def result() -> WriterState:
        try:
            outcome, value = receive.recv()
        except EOFError:
            child.join()
            raise RuntimeError(f"the process writing part of the profiles died (exit code {child.exitcode})") from None
        if outcome != "ok":
            raise RuntimeError(f"the process writing part of the profiles failed: {value}")
        return value

    try:
        yield result
    finally:
        receive.close()
        child.join(timeout=10)
        if child.is_alive():
            child.kill()


def _write_profiles(data: SiteData, parent: SiteWriter, municipalities: slice, send: Connection) -> None:
    try:
        writer = SiteWriter(parent.root, version=parent.version)
        municipality.write(data, writer, municipalities)
        send.send(("ok", writer.state()))
    except BaseException as error:  # the parent raises it, with the traceback's text
        send.send(("error", "".join(traceback.format_exception(error))))
    finally:
        send.close()


def _assets(writer: SiteWriter) -> None:
    fonts = page.font_source()
    writer.write("assets/site.css", page.STYLE)
    for name in (page.FONT_FILE, page.FONT_LICENSE):
        writer.write(f"assets/{name}", (fonts / name).read_bytes())


PRINTED_ONLY = "、回答なし：印刷値のみ"


def _index(
    data: SiteData,
    editions: list[tuple[Edition, int]],
    mapped: dict[int, int],
    coordinator_page: bool,
    docs: str | None,
    found: int,
    items_across: bool,
) -> str:
    publication = data.publication or {}
    by_year = []
    for year, group in groupby(editions, key=lambda e: e[0].year):
        group = list(group)
        items = "".join(
            f'<li><a href="{national.page_path(edition)}">{escape(edition.title)}</a>'
            f"（{charts}図{'' if edition.has_returns else PRINTED_ONLY}）</li>"
            for edition, charts in group
        )
        extra = (
            f'<li><a href="{maps.page_path(year)}">都道府県別の地図</a>（{mapped[year]}図）</li>'
            if year in mapped
            else ""
        )
        if coordinator_page and year == data.year:
            extra += (
                '<li><a href="coordinator/index.html">コーディネーターの有無と取り組み（参考資料の χ² 検定）</a></li>'
            )

        by_year.append(f"<h3>{escape(group[0][0].edition_label)}（{year}年度）</h3><ul>{items}{extra}</ul>")
    parts = [
        f'<p class="note">公表ファイル（{escape(str(publication.get("published_at", ""))[:19])} 公開'
        + (f"、ゲート実行 {escape(str(publication['gate_run_id']))}" if publication.get("gate_run_id") else "")
        + "）から生成。"
        f"このサイトの読者：{escape(data.reader.describe())}。</p>",
        f"<h2>全国集計（報告書の図の再集計）</h2>{''.join(reversed(by_year))}",
    ]
    if items_across:
        link = f'<a href="{across.PATH}">{escape(across.title(data))}</a>'
        parts.append(f"<h2>年度をまたいで</h2><ul><li>{link}</li></ul>")
    if data.year is not None:
        municipalities = (
            f'市町村のページは各都道府県のページから、または<a href="{finder.PATH}">市町村をさがす</a>（{found:,}）。'
            if found
            else "このサイトには市町村ごとのページはありません。"
        )
        docs_item = f'<li><a href="{escape(docs[3:])}">Great Expectations Data Docs</a></li>' if docs else ""
        prefectures = "".join(
            f'<li><a href="prefecture/{code}.html">{escape(name)}</a></li>' for code, name in data.prefectures
        )
        parts += [
            f"<h2>品質（{escape(data.edition_label)}）</h2>"
            f'<ul><li><a href="quality/index.html">品質ゲートの結果</a></li>{docs_item}</ul>',
            f'<h2>都道府県（{escape(data.edition_label)}）</h2><p class="note">{municipalities}</p>'
            f'<ul class="columns">{prefectures}</ul>',
        ]
    return page.frame("在宅医療・介護連携推進事業 調査結果", "".join(parts), 0)
