"""The site's pages for every edition in the published file: the 8-item surveys of 平成27〜29年度 with their
population bands, Tokyo's table across its two years, and the hub survey with its flagged n and its rankings,
drawn from the report table of the calibrated editions (``every_edition``: legacy and hubs, no scene returns, so
no prefecture page). Every figure is checked against the report rows; Chromium draws the pages
(``editions_*.png`` in ``WAREHOUSE_SCREENSHOTS`` if set)."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

import duckdb
import pytest

from tests.browser import chromium, needs_chromium, screenshot
from tests.runs import publish_working
from warehouse.publish.disclosure import Reader
from warehouse.report.charts import FLAG_BAND_SOURCE, FLAG_PRINTED_N, rank_holds
from warehouse.site import geo, national, svg
from warehouse.site.build import SiteReport, build_site

pytestmark = pytest.mark.slow  # the shared build of every edition and Chromium
MINISTRY = Reader.parse("ministry")


@pytest.fixture(scope="module")
def editions_site(every_edition: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SiteReport]:
    """The public site of the file holding every calibrated edition, as published."""
    folder = tmp_path_factory.mktemp("editions_site")
    published = publish_working(every_edition, folder, "site-editions")
    return published, build_site(published, folder / "site", data_docs=False)


@pytest.fixture(scope="module")
def report_rows(editions_site: tuple[Path, SiteReport]) -> dict[tuple[int, str], list[dict[str, Any]]]:
    """The report table's rows by edition and form, as the publication holds them."""
    with duckdb.connect(str(editions_site[0]), read_only=True) as con:
        cursor = con.execute("from report.rpt_published_charts order by fiscal_year, form, chart_id, row_ordinal")
        names = [d[0] for d in cursor.description]
        rows: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            rows[(row["fiscal_year"], row["form"])].append(row)
    return rows


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def _share(value: object) -> str:
    return "" if value is None or value != value else f"{float(value):.1f}"  # type: ignore[arg-type]


def test_every_edition_in_the_file_has_its_pages(
    editions_site: tuple[Path, SiteReport], report_rows: dict[tuple[int, str], list[dict[str, Any]]]
) -> None:
    _, site = editions_site
    assert site.fiscal_year is None  # no municipal return of the scenes: no prefecture or municipality page
    assert not (site.root / "prefecture").exists() and not (site.root / "quality").exists()
    index = site.index.read_text(encoding="utf-8")
    assert {(y, f) for y, f in report_rows} >= {(2015, "tokyo_municipality"), (2017, "municipality"), (2025, "hub")}
    for year, form in report_rows:
        path = f"national/{year}/{form}.html"
        assert f'href="{path}"' in index, path
        page = (site.root / path).read_text(encoding="utf-8")
        label = "令和7年度" if year == 2025 else {2015: "平成27年度", 2016: "平成28年度", 2017: "平成29年度"}.get(year)
        if label:
            assert label in page, path  # every page says which edition it shows
        assert "公表ファイルから生成" in page and 'href="../../index.html">トップ' in page  # and which publication


def test_each_chart_holds_the_report_rows(
    editions_site: tuple[Path, SiteReport], report_rows: dict[tuple[int, str], list[dict[str, Any]]]
) -> None:
    """Every chart of the legacy and hub editions: respondents, n, rebuilt and printed shares, printed n, and the
    printed rank beside the rebuilt one with whether the report's statement holds."""
    _, site = editions_site
    checked = 0
    for (year, form), rows in report_rows.items():
        if year == 2023 or form == "tokyo_municipality":
            continue
        by_chart: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_chart[row["chart_id"]].append(row)
        for chart_id, chart in by_chart.items():
            table = _csv(site.root / "national" / str(year) / "csv" / f"{form}-{chart_id}.csv")
            assert [r["n"] for r in table] == [str(r["n"]) for r in chart]
            assert [r["回答数"] for r in table] == [str(r["respondents"]) for r in chart]
            assert [r["再集計（%）"] for r in table] == [_share(r["percent"]) for r in chart]
            assert [r["印刷値（%）"] for r in table] == [_share(r["percent_printed"]) for r in chart]
            assert [r["印刷n"] for r in table] == ["" if r["n_printed"] is None else str(r["n_printed"]) for r in chart]
            if any(r["rank_printed"] for r in chart):
                assert [r["再集計順位"] for r in table] == [str(r["rank_from_top"]) for r in chart]
                holds = ["" if r["rank_printed"] is None else "○" if rank_holds(r, chart) else "×" for r in chart]
                assert [r["順位一致"] for r in table] == holds
            checked += 1
    assert checked == 64 + 2 + 1 + 59


def test_the_legacy_population_bands_show_both_n_and_why_they_differ(
    editions_site: tuple[Path, SiteReport], report_rows: dict[tuple[int, str], list[dict[str, Any]]]
) -> None:
    _, site = editions_site
    bands = [r for r in report_rows[(2017, "municipality")] if r["flag"] == FLAG_BAND_SOURCE]
    assert bands
    for row in bands:
        page = (site.root / "national" / "2017" / f"municipality-{row['chart_id']}.html").read_text(encoding="utf-8")
        assert f"【{row['breakdown']}】" in page
        assert f"n={row['n']:,}（印刷 n={row['n_printed']:,}）" in page
        assert national.FLAGS[FLAG_BAND_SOURCE] in page


def test_the_hub_question_with_a_misprinted_n_is_flagged(
    editions_site: tuple[Path, SiteReport], report_rows: dict[tuple[int, str], list[dict[str, Any]]]
) -> None:
    _, site = editions_site
    (chart_id,) = {r["chart_id"] for r in report_rows[(2025, "hub")] if r["question_id"] == "s02_q03"}
    page = (site.root / "national" / "2025" / f"hub-{chart_id}.html").read_text(encoding="utf-8")
    assert "n=559（印刷 n=691）" in page  # §C4 item 1: 691 printed, 559 hubs hold a meeting
    assert national.FLAGS[FLAG_PRINTED_N] in page


def test_the_hub_rankings_are_listed_with_the_rebuilt_rank(
    editions_site: tuple[Path, SiteReport], report_rows: dict[tuple[int, str], list[dict[str, Any]]]
) -> None:
    _, site = editions_site
    hub = report_rows[(2025, "hub")]
    page = (site.root / "national" / "2025" / "hub.html").read_text(encoding="utf-8")
    ranks = page[page.index('id="ranks"') : page.index("<h2>図")]
    listed = re.findall(r"<tr><td>(s\d+_q\d+)</td><td>([^<]*)</td><td>([^<]*)</td>", ranks)
    expected = [(r["question_id"], r["option_label"].rpartition("｜")[2]) for r in hub if r["rank_printed"]]
    assert [(q, o) for q, o, _ in listed] == expected
    assert len(expected) == 55  # the 53 statements of the report, two of them on two charts
    assert "○" in ranks and ranks.count("×") == 0  # the calibrated sample bears out every statement


def test_tokyos_table_reads_across_its_two_years(
    editions_site: tuple[Path, SiteReport], report_rows: dict[tuple[int, str], list[dict[str, Any]]]
) -> None:
    _, site = editions_site
    table = _csv(site.root / "national" / "2016" / "csv" / "tokyo_municipality-2016-across.csv")
    by_label = {r["項目"]: r for r in table}
    with duckdb.connect(str(editions_site[0]), read_only=True) as con:
        labels = dict(
            con.execute(
                "select item_key, question_label from marts.dim_question where form = 'tokyo_municipality' "
                "and fiscal_year = 2016"
            ).fetchall()
        )
    for year, label in ((2015, "平成27年度"), (2016, "平成28年度")):
        for row in report_rows[(year, "tokyo_municipality")]:
            line = by_label[labels[row["item_key"]]]
            assert line[f"{label} 印刷値（%）"] == _share(row["percent_printed"])
            assert line[f"{label} 印刷数／n"] == f"{row['count_printed']}／{row['n_printed']}"
            assert line[f"{label} 再集計（%）"] == _share(row["percent"])
    assert len(table) == 15  # (カ) 介護関係者に対する研修 was asked from 平成28年度 only
    page = (site.root / "national" / "2016" / "tokyo_municipality.html").read_text(encoding="utf-8")
    assert "（エ）と（オ）は両年度とも同一の値" in page  # the report's likely copy error, said


FILL = re.compile(r'<use href="#map-(\d\d)" fill="([^"]+)"><title>([^<]*)</title></use>')


def test_the_8_item_maps_colour_each_prefecture_by_its_share(editions_site: tuple[Path, SiteReport]) -> None:
    """Every map of every 8-item edition: each prefecture filled by the class of its share of municipalities
    implementing the item, the numbers in the table's CSV, the source credited."""
    published, site = editions_site
    with duckdb.connect(str(published), read_only=True) as con:
        rows = con.execute(
            "select fiscal_year, program_item, prefecture_code, municipalities_implementing, municipalities_answered "
            "from marts.agg_program_items_by_prefecture where form = 'municipality'"
        ).fetchall()
    shares: dict[tuple[int, str], dict[str, tuple[int, int]]] = defaultdict(dict)
    for year, item, code, implementing, answered in rows:
        shares[(year, item)][code] = (implementing, answered)
    index = site.index.read_text(encoding="utf-8")
    for year in (2015, 2016, 2017):
        assert f'href="maps/{year}.html"' in index
        page = (site.root / "maps" / f"{year}.html").read_text(encoding="utf-8")
        assert geo.CREDIT in page and geo.OMITTED in page
        blocks = page.split('<figure class="chart" id="item-')[1:]
        assert len(blocks) == 8
        for block in blocks:
            item = block[0]
            counts = shares[(year, item)]
            fills = {code: (fill, title) for code, fill, title in FILL.findall(block)}
            assert len(fills) == 47
            for code, (fill, title) in fills.items():
                yes, n = counts.get(code, (0, 0))
                percent = round(100 * yes / n, 1) if n else None
                assert fill == svg.map_class(percent), (year, item, code)
                assert title.endswith("対象なし" if percent is None else f"{percent:.1f}%（{yes:,}／{n:,}）")
            table = _csv(site.root / "maps" / "csv" / f"{year}-item-{item}.csv")
            assert {r["都道府県コード"]: (int(r["該当"]), int(r["n"])) for r in table if r["n"]} == {
                code: c for code, c in counts.items() if c[1]
            }
            yes, n = sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())
            assert f"（全国 {100 * yes / n:.1f}%、{yes:,}／{n:,}）" in block


def test_the_items_across_the_editions_are_the_national_sums(editions_site: tuple[Path, SiteReport]) -> None:
    published, site = editions_site
    with duckdb.connect(str(published), read_only=True) as con:
        totals = con.execute(
            "select program_item, fiscal_year, sum(municipalities_implementing), sum(municipalities_answered) "
            "from marts.agg_program_items_by_prefecture where form = 'municipality' group by all"
        ).fetchall()
    rows = _csv(site.root / "national" / "csv" / "across.csv")
    assert len(rows) == 8
    labels = {2015: "平成27年度", 2016: "平成28年度", 2017: "平成29年度"}
    by_item = {r["事業項目"][:3]: r for r in rows}  # （ア）…
    codes = dict(zip("abcdefgh", "アイウエオカキク", strict=True))
    for item, year, yes, n in totals:
        row = by_item[f"（{codes[item]}）"]
        assert row[f"{labels[year]} 実施（%）"] == f"{100 * yes / n:.1f}"
        assert row[f"{labels[year]} 実施／回答"] == f"{yes:,}／{n:,}"
    assert 'href="national/across.html"' in site.index.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ministry_site(editions_site: tuple[Path, SiteReport], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ministry's site of the same file with 令和5年度's pages: a profile for every municipality with a return
    in any edition, a page for every prefecture."""
    out = tmp_path_factory.mktemp("editions_ministry") / "site"
    return build_site(editions_site[0], out, year=2023, data_docs=False, audience=MINISTRY).root


def _table(html: str, heading: str) -> list[list[str]]:
    """The rows of the first table after ``heading`` on a page, as text."""
    section = html[html.index(heading) :]
    table = section[: section.index("</table>")]
    return [re.findall(r"<td[^>]*>([^<]*)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table)[1:]]


def test_a_profile_follows_the_municipality_through_its_code_change(
    editions_site: tuple[Path, SiteReport], ministry_site: Path
) -> None:
    """那珂川町 (40305) became 那珂川市 (40231) on 2018-10-01: its profile holds both codes and the 8-item answers
    the town gave in 平成27〜29年度, as the panel of the same member holds them."""
    page = (ministry_site / "municipality" / "402311.html").read_text(encoding="utf-8")
    assert _table(page, "コードと名称の履歴") == [
        ["40305", "那珂川町", "—", "2018-10-01", "市制施行"],
        ["40231", "那珂川市", "2018-10-01", "（現行）", "市制施行"],
    ]
    with duckdb.connect(str(editions_site[0]), read_only=True) as con:
        answers = con.execute(
            "select p.fiscal_year, p.program_item, s.status_label, p.transition "
            "from marts.fct_program_item_panel as p join marts.fct_program_item_status as s "
            "on s.fiscal_year = p.fiscal_year and s.municipality_id = p.municipality_id "
            "and s.program_item = p.program_item and s.form = p.form "
            "where p.municipality_id = '402311' and p.form = 'municipality' order by 2, 1"
        ).fetchall()
    assert {year for year, *_ in answers} == {2015, 2016, 2017}
    marks = {"added": "（新たに実施）", "dropped": "（実施をやめた）"}
    rows = _table(page, "事業項目の推移")
    assert [row[1:] for row in rows] == [
        [f"{status}{marks.get(change, '')}" for year, item, status, change in answers if item == i]
        for i in sorted({item for _, item, _, _ in answers})
    ]


def test_a_profile_shows_the_hubs_serving_it_beside_its_own_answer(ministry_site: Path) -> None:
    """札幌市 answered 問14 全て連携している; 旭川市 answered no linkage although its own hub serves it."""
    sapporo = _table((ministry_site / "municipality" / "011002.html").read_text(encoding="utf-8"), "担当する拠点")
    assert sapporo and all(row[3] == "全て連携している" and row[4] == "" for row in sapporo)
    asahikawa = _table((ministry_site / "municipality" / "012041.html").read_text(encoding="utf-8"), "担当する拠点")
    assert any(row[4] == "市町村の拠点があるのに連携なしと回答" for row in asahikawa)


def test_a_prefecture_page_shows_its_municipalities_items_added_and_dropped(
    editions_site: tuple[Path, SiteReport], ministry_site: Path
) -> None:
    with duckdb.connect(str(editions_site[0]), read_only=True) as con:
        panel = con.execute(
            "select m.municipality_name, p.fiscal_year, p.items_implemented, len(p.items_added), len(p.items_dropped) "
            "from marts.fct_municipality_panel as p join marts.dim_municipality as m "
            "on m.municipality_code = p.municipality_id where p.prefecture_code = '40' and p.form = 'municipality'"
        ).fetchall()
    rows = {row[0]: row[1:] for row in _table((ministry_site / "prefecture" / "40.html").read_text(encoding="utf-8"),
                                                "市町村の事業項目の推移")}  # fmt: skip
    assert len(rows) == len({name for name, *_ in panel}) > 50
    column = {2015: 0, 2016: 1, 2017: 2}
    for name, year, implemented, added, dropped in panel:
        cell = rows[name][column[year]]
        assert cell.startswith(f"{implemented}項目"), (name, year, cell)
        assert cell.count("（") == added + dropped, (name, year, cell)
    public = (editions_site[1].root / "prefecture").exists()
    assert not public  # the public site of a file without 令和5年度's scenes has no prefecture page


def test_the_finder_lists_every_profile_by_its_names_and_codes(ministry_site: Path) -> None:
    page = (ministry_site / "municipality" / "index.html").read_text(encoding="utf-8")
    listed = set(re.findall(r'<a href="(\d{6})\.html">', page))
    profiles = {p.stem for p in (ministry_site / "municipality").glob("*.html")} - {"index"}
    assert listed == profiles and len(profiles) > 1700
    key = re.search(r'<li data-key="([^"]*)"><a href="402311.html">', page)
    assert key is not None and {"40231", "那珂川市", "ナカガワシ", "那珂川町", "403059"} <= set(key.group(1).split())
    assert 'href="municipality/index.html"' in (ministry_site / "index.html").read_text(encoding="utf-8")


@needs_chromium
def test_the_finder_narrows_the_list_as_one_types(ministry_site: Path) -> None:
    """Typed in hiragana (through the link's #q=), the list keeps the municipalities whose reading holds it."""
    url = (ministry_site / "municipality" / "index.html").as_uri() + "#q=" + quote("なかがわ")
    dom = chromium("--virtual-time-budget=5000", "--dump-dom", url)
    shown = re.findall(r'<li data-key="([^"]*)"><a', dom)
    hidden = re.findall(r'<li data-key="([^"]*)" hidden=""><a', dom)
    assert shown and all("ナカガワ" in key for key in shown)
    assert {"那珂川市", "那珂川町"} <= {word for key in shown for word in key.split()}
    assert len(shown) + len(hidden) > 1700


@needs_chromium
def test_chromium_draws_the_pages_of_every_edition(
    editions_site: tuple[Path, SiteReport],
    report_rows: dict[tuple[int, str], list[dict[str, Any]]],
    ministry_site: Path,
    screenshots: Path,
) -> None:
    _, site = editions_site
    band = next(r for r in report_rows[(2017, "municipality")] if r["flag"] == FLAG_BAND_SOURCE)
    flagged = next(r for r in report_rows[(2025, "hub")] if r["flag"] == FLAG_PRINTED_N)
    pages = {
        "legacy_band": (site.root / "national" / "2017" / f"municipality-{band['chart_id']}.html", 700),
        "tokyo": (site.root / "national" / "2016" / "tokyo_municipality.html", 1100),
        "hub_flagged_n": (site.root / "national" / "2025" / f"hub-{flagged['chart_id']}.html", 1000),
        "hub_rankings": (site.root / "national" / "2025" / "hub.html", 1200),
        "prefecture_map": (site.root / "maps" / "2017.html", 900),
        "municipality_timeline": (ministry_site / "municipality" / "402311.html", 900),
        "finder": (ministry_site / "municipality" / "index.html", 700),
        "index": (site.index, 800),
    }
    for name, (page, height) in pages.items():
        screenshot(page, screenshots / f"editions_{name}.png", height)
