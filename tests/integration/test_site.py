"""The static site, written by the refresh from a published reduced sample for the ministry: its tables hold
the numbers of the marts and of the report (printed values included), an unchanged rebuild writes nothing, and
a real headless Chromium draws the index, a national chart, a prefecture page and a municipality profile
with the embedded Japanese font (screenshots ``site_*.png`` in ``WAREHOUSE_SCREENSHOTS`` if set). The public site and a
prefecture's show the same counts and no answer their reader may not read."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.browser import chromium, needs_chromium, screenshot
from warehouse.gate.config import family_label
from warehouse.pipeline.run import Run
from warehouse.pipeline.state import RefreshReport
from warehouse.pipeline.steps import write_site
from warehouse.publish.disclosure import Reader
from warehouse.settings import Settings
from warehouse.site import svg
from warehouse.site.build import build_site

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # the shared refresh and Chromium


@pytest.fixture(scope="module")
def site(refreshed: tuple[RefreshReport, Path]) -> tuple[Path, Path]:
    """The published file of the reduced sample and the site the refresh wrote beside it."""
    report, published = refreshed
    assert report.ok and report.site is not None, report.blocked
    assert report.site.root == published.parent / "site"
    return published, report.site.root


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def test_national_tables_hold_the_report_and_the_printed_values(site: tuple[Path, Path]) -> None:
    published, root = site
    with duckdb.connect(str(published), read_only=True) as con:
        charts = con.execute(
            "select form, chart_id, list(respondents order by row_ordinal), list(n order by row_ordinal), "
            "list(percent order by row_ordinal), list(percent_printed order by row_ordinal) "
            "from report.rpt_published_charts where fiscal_year = 2023 group by all order by form, chart_id"
        ).fetchall()
    assert len(charts) > 100
    for form, chart_id, respondents, ns, percents, printed in charts[::7]:
        rows = _csv(root / "national" / "2023" / "csv" / f"{form}-{chart_id}.csv")
        assert [r["回答数"] for r in rows] == ["" if k is None else str(k) for k in respondents]
        assert [int(r["n"]) for r in rows] == ns
        assert [r["再集計（%）"] for r in rows] == ["" if p is None or p != p else f"{p:.1f}" for p in percents]
        assert [r["印刷値（%）"] for r in rows] == ["" if p is None else f"{float(p):.1f}" for p in printed]
        page = (root / "national" / "2023" / f"{form}.html").read_text(encoding="utf-8")
        assert f'id="chart-{chart_id}"' in page and f'href="csv/{form}-{chart_id}.csv"' in page
        alone = (root / "national" / "2023" / f"{form}-{chart_id}.html").read_text(encoding="utf-8")
        assert f'href="csv/{form}-{chart_id}.csv"' in alone


def test_the_maps_colour_each_prefecture_by_the_share_of_its_municipalities(site: tuple[Path, Path]) -> None:
    published, root = site
    with duckdb.connect(str(published), read_only=True) as con:
        shares = {
            (f"{scope}-{measure}", code): (yes, n)
            for scope, measure, code, yes, n in con.execute(
                "select scope, measure, group_code, municipalities_yes, municipalities_asked "
                "from report.rpt_municipal_measure_shares where fiscal_year = 2023 and group_kind = 'prefecture' "
                "and measure in ('engaged', 'established', 'present')"
            ).fetchall()
        }
    page = (root / "maps" / "2023.html").read_text(encoding="utf-8")
    blocks = dict(re.findall(r'<figure class="chart" id="([^"]+)">(.*?)</figure>', page))
    assert len(blocks) == len({anchor for anchor, _ in shares}) >= 9  # every scene, councils, coordinators
    for anchor, block in blocks.items():
        fills = dict(re.findall(r'<use href="#map-(\d\d)" fill="([^"]+)">', block))
        assert len(fills) == 47
        for code, fill in fills.items():
            yes, n = shares.get((anchor, code), (0, 0))
            assert fill == svg.map_class(round(100 * yes / n, 1) if n else None), (anchor, code)


def test_prefecture_and_municipality_tables_hold_the_marts(site: tuple[Path, Path]) -> None:
    published, root = site
    with duckdb.connect(str(published), read_only=True) as con:
        shares = con.execute(
            """
            select prefecture_code, scenario_key, round(100 * count(*) filter (where is_engaged) / count(*), 1)
            from marts.fct_scenario_status where engaged_status in ('answered', 'missing') group by all
            """
        ).fetchall()
        own = con.execute(
            """
            select municipality_code, scenario_key, is_engaged from marts.fct_scenario_status
            where municipality_code in (
                select min(municipality_code) from marts.fct_scenario_status group by prefecture_code
            )
            """
        ).fetchall()
        labels = dict(con.execute("select scenario_key, scenario_label from marts.dim_scenario").fetchall())
        bands = dict(
            con.execute(
                "select municipality_code, population_band from marts.dim_municipality_population "
                "where fiscal_year = 2023 and form = 'municipality'"
            ).fetchall()
        )
        band_shares = {
            (band, scenario): share
            for band, scenario, share in con.execute(
                """
                select p.population_band, f.scenario_key,
                    round(100 * count(*) filter (where f.is_engaged) / count(*), 1)
                from marts.fct_scenario_status as f
                join marts.dim_municipality_population as p
                    on p.fiscal_year = f.fiscal_year and p.form = 'municipality'
                    and p.municipality_code = f.municipality_code
                where f.engaged_status in ('answered', 'missing') group by all
                """
            ).fetchall()
        }
    assert len({p for p, _, _ in shares}) > 1  # every prefecture its own numbers, not the first one's
    for prefecture, scenario, share in shares:
        rows = {r["項目"]: r for r in _csv(root / "prefecture" / "csv" / f"{prefecture}-scenes.csv")}
        assert float(rows[f"{labels[scenario]}：取り組んでいる"]["都道府県内の市町村（%）"]) == share
    for municipality, scenario, engaged in own:
        profile = {r["項目"]: r for r in _csv(root / "municipality" / "csv" / f"{municipality}-scenes.csv")}
        assert profile[f"{labels[scenario]}：取り組んでいる"]["当該市町村"] == ("はい" if engaged else "いいえ")
        band = bands[municipality]  # the 2020 census covers every municipality of 2023
        column = f"{labels[scenario]}：取り組んでいる"
        assert float(profile[column][f"同規模（{band}）（%）"]) == band_shares[(band, scenario)]


def test_quality_coordinator_pages_and_data_docs(site: tuple[Path, Path]) -> None:
    published, root = site
    with duckdb.connect(str(published), read_only=True) as con:
        run_id, rules = con.execute("select run_id, rules from gate.runs order by finished_at desc limit 1").fetchone()
        tests = con.execute("select count(*) from report.rpt_coordinator_initiatives where p_value_printed is not null")
        printed = tests.fetchone()[0]
    quality = (root / "quality" / "index.html").read_text(encoding="utf-8")
    assert run_id in quality and len(_csv(root / "quality" / "rules.csv")) == rules
    cells = set(
        re.findall(r"<td>([^<]*)</td>", quality)
    )  # severities, families and forms in words, as gate.yaml names them
    assert {"重大", "軽微", "市町村調査票", family_label("skip_logic")} <= cells
    assert not cells & {"hard", "soft", "skip_logic", "required", "municipality"}
    assert 'href="../data_docs/index.html"' in quality
    docs = list((root / "data_docs" / "validations").rglob("*.html"))
    assert docs and all(run_id in str(path) for path in docs)  # GX's own pages, of the published gate run
    index = (root / "data_docs" / "index.html").read_text(encoding="utf-8")
    offline = index[index.index('id="offline-list"') : index.index("</ul>", index.index('id="offline-list"'))]
    # the list reads from disk, without GX's CDN script
    assert set(re.findall(r'href="([^"]+)"', offline)) == {p.relative_to(root / "data_docs").as_posix() for p in docs}
    assert (root / "coordinator" / "index.html").exists()
    rows = [row for path in sorted((root / "coordinator" / "csv").glob("*.csv")) for row in _csv(path)]
    assert sum(1 for row in rows if row["印刷 p値"]) == printed == 101


MINISTRY = Reader.parse("ministry")


def test_an_unchanged_rebuild_writes_nothing(site: tuple[Path, Path]) -> None:
    published, root = site
    report = build_site(published, root, audience=MINISTRY)
    assert report.written == 0 and report.removed == 0 and report.unchanged > 100


def test_a_new_publication_of_the_same_figures_rewrites_the_top_page_alone(
    site: tuple[Path, Path], tmp_path: Path
) -> None:
    """Each page names its edition and the file it comes from; the publication's time is on the top page only, so
    that a refresh rewrites the pages whose figures moved and no other."""
    published, _ = site
    again = tmp_path / "published.duckdb"
    shutil.copy(published, again)
    again.chmod(0o644)
    out = tmp_path / "site"
    first = build_site(again, out, data_docs=False, audience=MINISTRY)
    with duckdb.connect(str(again)) as con:
        con.execute("update meta.publication set published_at = published_at + interval 1 day")
    second = build_site(again, out, data_docs=False, audience=MINISTRY)
    assert second.written == 1 and second.unchanged == first.written - 1  # index.html


def test_profiles_split_over_two_processes_are_the_same_pages(site: tuple[Path, Path], tmp_path: Path) -> None:
    """The national file's profiles are written by two processes; the pages and the manifest are those one
    process writes, and a rebuild in the other way writes nothing."""
    published, _ = site
    one = build_site(published, tmp_path / "one", data_docs=False, processes=1, audience=MINISTRY)
    two = build_site(published, tmp_path / "two", data_docs=False, processes=2, audience=MINISTRY)
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*") if p.is_file())
    assert sum(1 for f in files if f.parts[0] == "municipality" and f.suffix == ".html") > 10
    assert all((tmp_path / "one" / f).read_bytes() == (tmp_path / "two" / f).read_bytes() for f in files)
    assert (one.pages, one.written) == (two.pages, two.written)
    again = build_site(published, tmp_path / "one", data_docs=False, processes=2, audience=MINISTRY)
    assert (again.written, again.removed, again.unchanged) == (0, 0, one.written)


def test_a_publication_with_nothing_to_draw_writes_no_site(site: tuple[Path, Path], tmp_path: Path) -> None:
    """A file holding no published chart and no municipal return of the scenes: the refresh's last step writes
    nothing and says why, instead of failing after the publication."""
    published = tmp_path / "published.duckdb"
    tables = (("report", "rpt_municipal_measure_shares"), ("report", "rpt_published_charts"), ("meta", "disclosure"))
    with duckdb.connect(str(published)) as con:
        con.execute(f"attach '{site[0]}' as whole (read_only)")
        for schema, table in tables:
            con.execute(f"create schema if not exists {schema}")
            con.execute(f"create table {schema}.{table} as from whole.{schema}.{table} limit 0")
        con.execute("insert into meta.disclosure from whole.meta.disclosure where table_name in ('disclosure', ?, ?)",
                    ["rpt_municipal_measure_shares", "rpt_published_charts"])  # fmt: skip
    settings = Settings.from_env({}).override(published=published, site=tmp_path / "site")
    done = RefreshReport(2023)
    write_site(Run.of(settings, 2023, steps=["site"]), done)
    assert done.site is None
    assert done.site_skipped is not None and "nothing to draw" in done.site_skipped
    assert not (tmp_path / "site" / "index.html").exists()


def _texts(root: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*") if p.suffix in (".html", ".csv"))


def test_the_public_site_shows_the_counts_and_no_answer(site: tuple[Path, Path], tmp_path: Path) -> None:
    """Built from the public's view of the publication: the same national and prefecture counts as the ministry's
    site, and no municipality's answer, no prefecture's free text, no finding."""
    published, ministry = site
    public = build_site(published, tmp_path / "public", audience=Reader.parse("public")).root
    with duckdb.connect(str(published), read_only=True) as con:
        texts = [t for (t,) in con.execute(
            "select distinct value from provenance.answers where form = 'prefecture' and length(value) >= 12"
        ).fetchall()]  # fmt: skip
        messages = [
            m
            for (m,) in con.execute(
                "select distinct value_found from gate.findings where length(value_found) >= 8"
            ).fetchall()
        ]
    assert texts and messages
    written = _texts(public)
    assert not [t for t in texts if t in written] and not [m for m in messages if m in written]
    assert not (public / "municipality").exists()
    assert sorted(p.name for p in (public / "prefecture" / "csv").glob("*.csv")) == sorted(
        p.name for p in (ministry / "prefecture" / "csv").glob("*.csv")
    )
    for path in (public / "prefecture" / "csv").glob("*-scenes.csv"):
        assert path.read_bytes() == (ministry / "prefecture" / "csv" / path.name).read_bytes()
    index = (public / "index.html").read_text(encoding="utf-8")
    assert "公開用（集計のみ）" in index
    assert texts[0] in _texts(ministry)  # the ministry's site has them: the test can tell


def test_a_prefectures_site_shows_its_own_answers_only(site: tuple[Path, Path], tmp_path: Path) -> None:
    published, _ = site
    with duckdb.connect(str(published), read_only=True) as con:
        codes = [c for (c,) in con.execute(
            "select distinct prefecture_code from marts.fct_scenario_status order by 1"
        ).fetchall()]  # fmt: skip
        own = {m for (m,) in con.execute(
            "select distinct municipality_code from marts.fct_scenario_status where prefecture_code = ?", [codes[0]]
        ).fetchall()}  # fmt: skip
    assert len(codes) >= 2
    root = build_site(published, tmp_path / "pref", audience=Reader.parse(f"prefecture:{codes[0]}")).root
    profiles = {p.stem for p in (root / "municipality").glob("*.html")} - {"index"}  # and 市町村をさがす
    assert profiles == own
    for code in codes:
        page = (root / "prefecture" / f"{code}.html").read_text(encoding="utf-8")
        assert ("../municipality/" in page) == (code == codes[0]), code
    for name in profiles:
        assert (root / "municipality" / f"{name}.html").read_bytes() != b""
    quality = (root / "quality" / "index.html").read_text(encoding="utf-8")
    assert "都道府県用" in quality


@needs_chromium
def test_chromium_draws_the_pages_with_the_embedded_font(site: tuple[Path, Path], screenshots: Path) -> None:
    published, root = site
    with duckdb.connect(str(published), read_only=True) as con:  # a municipality that returned its form
        prefecture_code, municipality_code = con.execute(
            "select min(prefecture_code), min(municipality_code) from marts.fct_scenario_status"
        ).fetchone()
    municipality = root / "municipality" / f"{municipality_code}.html"
    prefecture = root / "prefecture" / f"{prefecture_code}.html"
    pages = {
        "index": root / "index.html",
        "national_chart": root / "national" / "2023" / "municipality-35.html",
        "prefecture": prefecture,
        "municipality": municipality,
    }
    for name, page in pages.items():
        screenshot(page, screenshots / f"site_{name}.png")
    # the font the pages declare is the one shipped in assets/, loaded from disk: no system font stands in
    probe = root / "font_probe.html"
    probe.write_text(
        '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="assets/site.css"></head>'
        "<body><p>在宅医療・介護連携</p><script>document.fonts.ready.then(() => { document.title = "
        "[...document.fonts].map(f => f.family + ':' + f.status).join(',') + '|' + "
        "document.fonts.check('16px IPAexGothic', '在宅医療'); });</script></body></html>",
        encoding="utf-8",
    )
    try:
        dom = chromium("--virtual-time-budget=5000", "--dump-dom", probe.as_uri())
    finally:
        probe.unlink()
    title = re.search(r"<title>(.*)</title>", dom)
    assert title is not None, dom[:500]
    assert title.group(1) == '"IPAexGothic":loaded|true' or title.group(1) == "IPAexGothic:loaded|true", title.group(1)


def test_a_build_that_fails_leaves_the_previous_site_whole(site: tuple[Path, Path], tmp_path: Path) -> None:
    """A disk that fills up half-way through a build: the site still reads the last complete build, and the next
    build removes the half-written version."""
    import errno

    from warehouse.site import prefecture
    from warehouse.site.writer import versions

    published, _ = site
    out = tmp_path / "site"
    build_site(published, out, data_docs=False, audience=MINISTRY)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    target = out.resolve()

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(prefecture, "write", full)
        with pytest.raises(OSError, match="No space left"):
            build_site(published, out, data_docs=False, audience=Reader.parse("public"))
    assert out.resolve() == target and len(versions(out)) == 2
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    again = build_site(published, out, data_docs=False, audience=MINISTRY)
    assert again.written == 0 and versions(out) == [out.resolve()]
