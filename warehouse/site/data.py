"""What the site reads from the publication as its reader may read it (``warehouse.publish.audience``), in a
few queries: the rebuilt report charts, the shares of the municipal measures among the nation, each prefecture
and each population band (``report.rpt_municipal_measure_shares``, public), the labels and the gate's record;
and, for a reader who may read them, each municipality's own answers (``report.rpt_municipal_measures``), the
prefectures' answers and the findings. Which of these a reader gets is the publication's ``meta.disclosure``.

A measure's share counts, like the report, the municipalities to whom the question applied (answered or
未回答) as its n; 未回答 counts in n and not among the yes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import duckdb

from warehouse.publish import disclosure
from warehouse.publish.disclosure import Disclosure, Reader

#: The measures of a scene and how the pages name them.
SCENE_MEASURES = {"engaged": "取り組んでいる", "vision": "めざすべき姿", "goal": "目標", "indicator": "評価指標"}
OTHER_MEASURES = {"council:established": "協議会を設置", "coordinator:present": "コーディネーターがいる"}
ASKED = ("answered", "missing")


@dataclass
class Shares:
    """yes / n per (scope, measure), for the nation, each prefecture and each population band."""

    nation: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    prefecture: dict[str, dict[tuple[str, str], tuple[int, int]]] = field(default_factory=lambda: defaultdict(dict))
    band: dict[str, dict[tuple[str, str], tuple[int, int]]] = field(default_factory=lambda: defaultdict(dict))


@dataclass
class Edition:
    """One form of one edition with the charts the report printed for it, as rebuilt from the file."""

    year: int
    form: str
    form_label: str
    edition_label: str  # 令和5年度 …
    survey_label: str | None  # the survey's name where an edition has more than one (実施状況調査, 東京都's)
    charts: list[dict]  # rows of report.rpt_published_charts, with the question's label

    @property
    def title(self) -> str:
        return f"{self.survey_label}：{self.form_label}" if self.survey_label else self.form_label

    @property
    def has_returns(self) -> bool:
        """Whether the file holds returns of this form and edition (else the pages show the printed values)."""
        return any(row["n"] for row in self.charts)


@dataclass
class SiteData:
    """What the pages draw: every edition's published charts, and the year's records for the prefecture and
    municipality pages (empty when no year has municipal returns of the scenes)."""

    year: int | None  # of the prefecture and municipality pages
    edition_label: str
    editions: list[Edition]  # every form of every edition with published charts, by year and form
    publication: dict | None
    prefectures: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    municipalities: list[dict] = field(default_factory=list)  # dim_municipality rows, population band of the year
    band_column: str | None = None  # the column of the municipality records holding the population band
    scenarios: dict[str, tuple[str, int, bool]] = field(default_factory=dict)  # key → (label, order, is_scene)
    initiatives: dict[str, tuple[str, int]] = field(default_factory=dict)  # key → (label, order)
    # municipality → (scope, measure) → value, status
    own: dict[str, dict[tuple[str, str], tuple[bool | None, str]]] = field(default_factory=dict)
    shares: Shares = field(default_factory=Shares)
    # municipality → (year, scenario, engaged)
    history: dict[str, list[tuple[int, str, bool | None]]] = field(default_factory=dict)
    years: list[int] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)  # gate.findings of the year
    rule_results: list[dict] = field(default_factory=list)
    gate_run: dict | None = None
    # prefecture → (question no., label, answer)
    prefecture_answers: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    # municipality id → (edition, 事業項目, status as answered, transition since its previous edition)
    item_timeline: dict[str, list[tuple[int, str, str, str]]] = field(default_factory=dict)
    # municipality id → its codes: (code, name, valid from, valid to, change)
    code_history: dict[str, list[tuple[str, str, object, object, str | None]]] = field(default_factory=dict)
    hub_links: dict[str, list[dict]] = field(default_factory=dict)  # municipality code → hubs serving it
    panel: dict[str, list[dict]] = field(default_factory=dict)  # prefecture → its municipalities' 8-item panel
    # edition → 事業項目 → prefecture → (municipalities implementing, answering): the 8-item surveys' maps
    item_shares: dict[int, dict[str, dict[str, tuple[int, int]]]] = field(default_factory=dict)
    program_items: dict[str, tuple[str, str]] = field(default_factory=dict)  # 事業項目 → (（ア）, label)
    # 事業項目 → the 令和5年度 initiatives the crosswalk relates it to: (key, label)
    crosswalk: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def about(self, edition: str | None = None) -> str:
        """The foot of a page: which edition it shows (default: the year's), from which file, for whom."""
        shown = edition if edition is not None else self.edition_label
        return f"{shown}の調査結果。公表ファイルから生成、読者：{self.reader.describe()}。" if shown else ""

    def form_label(self, form: str | None) -> str:
        """The form of the pages' year as its questionnaire names it (市町村調査票 …)."""
        return next((e.form_label for e in self.editions if e.year == self.year and e.form == form), form or "")

    def label_of(self, year: int) -> str:
        """The edition's name (平成28年度 …), as the pages head a column of that year."""
        return next((e.edition_label for e in self.editions if e.year == year), f"{year}年度")

    def item_label(self, item: str) -> str:
        code, label = self.program_items.get(item, (item, ""))
        return f"{code}{label}"

    reader: Reader = field(default_factory=lambda: Reader(disclosure.PUBLIC))
    declared: dict[str, Disclosure] = field(default_factory=dict)

    def shows(self, relation: str, prefecture_code: str | None = None) -> bool:
        """Whether the pages' reader may read ``relation`` (about ``prefecture_code``, when given)."""
        declared = self.declared.get(relation)
        if declared is None:
            return False
        if prefecture_code is None:
            return self.reader.reads(declared)
        return self.reader.sees_rows_of(declared, prefecture_code)


def _records(con: duckdb.DuckDBPyConnection, sql: str, params: object = None) -> list[dict]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


class NothingToDraw(Exception):
    """The published file holds no published chart and no municipal returns of the scenes: no site is written."""


#: Where the pages find each municipality's answers, and their shares (read by every reader).
OWN = "report.rpt_municipal_measures"
SHARES = "report.rpt_municipal_measure_shares"
#: The report's charts of every edition, rebuilt (public).
CHARTS = "report.rpt_published_charts"


def relations(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The relations (``schema.name``) ``con`` holds: a file published without the gate, or before the report
    tables existed, has its pages drawn from what it holds."""
    return {
        f"{schema}.{name}"
        for schema, name in con.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = current_database() "
            "union all select schema_name, view_name from duckdb_views() where database_name = current_database()"
        ).fetchall()
    }


def latest_year(con: duckdb.DuckDBPyConnection) -> int | None:
    """The latest edition with municipal returns of the scenes, whose prefecture and municipality pages the site
    draws (None: the file holds none, e.g. only hubs; the pages of the published charts are drawn anyway)."""
    if SHARES not in relations(con):
        return None
    row = con.execute(f"select max(fiscal_year) from {SHARES} where measure = 'engaged'").fetchone()
    return None if not row or row[0] is None else int(row[0])


#: The order of the forms within an edition on the pages (the report's order for 令和5年度).
FORM_ORDER = {"municipality": 0, "prefecture": 1, "coordinator": 2}


def charts_published(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the file holds the report's charts of any edition."""
    return CHARTS in relations(con) and bool((con.execute(f"select count(*) from {CHARTS}").fetchone() or (0,))[0])


def load_editions(con: duckdb.DuckDBPyConnection) -> list[Edition]:
    """Every form and edition whose charts the report table rebuilds (a public table), oldest first."""
    if not charts_published(con):
        return []
    rows = _records(
        con,
        f"""
        select c.*, e.edition_label, e.form_label, e.survey_label,
            q.question_label
        from {CHARTS} as c
        join marts.dim_survey_edition as e on e.fiscal_year = c.fiscal_year and e.form = c.form
        left join marts.dim_question as q
            on q.fiscal_year = c.fiscal_year and q.form = c.form and q.item_key = c.item_key
        order by c.fiscal_year, c.form, c.chart_id, c.row_ordinal
        """,
    )
    editions: list[Edition] = []
    for row in rows:
        if not editions or (editions[-1].year, editions[-1].form) != (row["fiscal_year"], row["form"]):
            year, form = row["fiscal_year"], row["form"]
            editions.append(Edition(year, form, row["form_label"], row["edition_label"], row["survey_label"], []))
        editions[-1].charts.append(row)
    return sorted(editions, key=lambda e: (e.year, FORM_ORDER.get(e.form, 9), e.form))


def _prefectures(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    query = "select prefecture_code, prefecture_name from marts.dim_prefecture order by prefecture_code"
    return [(code, name) for code, name in con.execute(query).fetchall()]


#: The 8-item surveys' 事業項目 by prefecture (public).
ITEMS_BY_PREFECTURE = "marts.agg_program_items_by_prefecture"


def load_item_shares(
    con: duckdb.DuckDBPyConnection,
) -> tuple[dict[int, dict[str, dict[str, tuple[int, int]]]], dict[str, tuple[str, str]]]:
    """The municipalities implementing each 事業項目 among those answering, by edition and prefecture, and the
    items' labels (empty when the file holds no 8-item survey)."""
    if ITEMS_BY_PREFECTURE not in relations(con):
        return {}, {}
    shares: dict[int, dict[str, dict[str, tuple[int, int]]]] = defaultdict(lambda: defaultdict(dict))
    for year, item, code, implementing, answered in con.execute(
        f"select fiscal_year, program_item, prefecture_code, municipalities_implementing, municipalities_answered "
        f"from {ITEMS_BY_PREFECTURE} where form = 'municipality' and municipalities_answered > 0"
    ).fetchall():
        shares[year][item][code] = (implementing, answered)
    labels = {
        item: (code_label, label)
        for item, code_label, label in con.execute(
            "select program_item, code_label, program_item_label from marts.dim_program_item order by program_item"
        ).fetchall()
    }
    return {year: dict(items) for year, items in shares.items()}, labels


def crosswalk(con: duckdb.DuckDBPyConnection, year: int) -> dict[str, list[tuple[str, str]]]:
    related: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for item, key, label in con.execute(
        "select program_item, initiative_key, initiative_label from marts.bridge_program_item_initiative "
        "where fiscal_year = ? order by program_item, initiative_order",
        [year],
    ).fetchall():
        related[item].append((key, label))
    return dict(related)


def across_years(con: duckdb.DuckDBPyConnection, readable: Callable[[str], bool]) -> dict[str, Any]:
    """Each municipality across the editions, for the readers who may read its rows: its 事業項目 by edition with
    what changed, its codes (public), the hubs serving it beside its own 問14 answer, and each prefecture's
    panel of its municipalities' items added and dropped."""
    timeline: dict[str, list[tuple[int, str, str, str]]] = defaultdict(list)
    if readable("marts.fct_program_item_panel") and readable("marts.fct_program_item_status"):
        for municipality, *row in con.execute(
            """
            select p.municipality_id, p.fiscal_year, p.program_item, s.status_label, p.transition
            from marts.fct_program_item_panel as p
            left join marts.fct_program_item_status as s
                on s.fiscal_year = p.fiscal_year and s.form = p.form and s.municipality_id = p.municipality_id
                and s.program_item = p.program_item
            where p.form = 'municipality'
            order by p.municipality_id, p.fiscal_year, p.program_item
            """
        ).fetchall():
            timeline[municipality].append(tuple(row))  # type: ignore[arg-type]
    codes: dict[str, list[tuple[str, str, object, object, str | None]]] = defaultdict(list)
    if readable("marts.dim_municipality_code"):
        for municipality, *row in con.execute(
            "select municipality_id, municipality_code5, municipality_name, valid_from, valid_to, change "
            "from marts.dim_municipality_code order by municipality_id, valid_from nulls first"
        ).fetchall():
            codes[municipality].append(tuple(row))  # type: ignore[arg-type]
    hubs: dict[str, list[dict]] = defaultdict(list)
    if readable("marts.rpt_hub_municipal_linkage"):
        for row in _records(con, "from marts.rpt_hub_municipal_linkage order by municipality_code, hub_code"):
            hubs[row["municipality_code"]].append(row)
    panel: dict[str, list[dict]] = defaultdict(list)
    if readable("marts.fct_municipality_panel"):
        for row in _records(
            con,
            "select p.*, m.municipality_name from marts.fct_municipality_panel as p "
            "left join marts.dim_municipality as m on m.municipality_code = p.municipality_id "
            "where p.form = 'municipality' order by p.prefecture_code, p.municipality_id, p.fiscal_year",
        ):
            panel[row["prefecture_code"]].append(row)
    return {"item_timeline": dict(timeline), "code_history": dict(codes), "hub_links": dict(hubs), "panel": dict(panel)}


def load(con: duckdb.DuckDBPyConnection, year: int | None, reader: Reader | None = None) -> SiteData:
    """What the pages of ``year`` (None: no year has municipal returns of the scenes) draw, as ``reader``
    (default: the public) may read it through ``con``."""
    reader = reader or Reader(disclosure.PUBLIC)
    (database,) = con.execute("select current_database()").fetchone() or ("",)
    declared = disclosure.read(con, database)

    present = relations(con)

    def readable(relation: str) -> bool:
        """In the file (one published without the gate has no gate schema) and readable by ``reader``."""
        return relation in present and relation in declared and reader.reads(declared[relation])

    publication = _records(con, "select * from meta.publication")
    item_shares, program_items = load_item_shares(con)
    if year is None:
        return SiteData(
            None,
            "",
            load_editions(con),
            publication[0] if publication else None,
            reader=reader,
            declared=declared,
            prefectures=_prefectures(con),
            item_shares=item_shares,
            program_items=program_items,
        )

    band_column = "population_band"
    editions = _records(con, "select * from marts.dim_survey_edition where fiscal_year = ? order by form", [year])
    municipalities = _records(
        con,
        "select m.*, p.population_band from marts.dim_municipality as m "
        "left join marts.dim_municipality_population as p "
        "on p.fiscal_year = ? and p.form = 'municipality' and p.municipality_code = m.municipality_code "
        "order by m.municipality_code",
        [year],
    )
    prefectures = _prefectures(con)
    scenarios = {
        r[0]: (r[1], r[2], r[3])
        for r in con.execute(
            "select scenario_key, scenario_label, scenario_order, is_scene from marts.dim_scenario"
        ).fetchall()
    }
    initiatives = {
        r[0]: (r[1], r[2])
        for r in con.execute(
            "select initiative_key, initiative_label, sort_order from marts.dim_initiative where fiscal_year = ?",
            [year],
        ).fetchall()
    }
    own: dict[str, dict[tuple[str, str], tuple[bool | None, str]]] = defaultdict(dict)
    if readable(OWN):
        for code, scope, measure, value, status in con.execute(
            f"select municipality_code, scope, measure, is_yes, answer_status from {OWN} where fiscal_year = ?", [year]
        ).fetchall():
            own[code][(scope, measure)] = (value, status)
    shares = Shares()
    for kind, group, scope, measure, yes, n in (
        con.execute(
            f"select group_kind, group_code, scope, measure, municipalities_yes, municipalities_asked from {SHARES} "
            "where fiscal_year = ?",
            [year],
        ).fetchall()
        if readable(SHARES)
        else []
    ):
        key = (scope, measure)
        if kind == "nation":
            shares.nation[key] = (yes, n)
        elif kind == "prefecture":
            shares.prefecture[group][key] = (yes, n)
        else:
            shares.band[group][key] = (yes, n)
    history: dict[str, list[tuple[int, str, bool | None]]] = defaultdict(list)
    for code, fiscal_year, scenario, engaged in (
        con.execute(
            f"select municipality_code, fiscal_year, scope, is_yes from {OWN} where measure = 'engaged' "
            "order by municipality_code, fiscal_year, scope"
        ).fetchall()
        if readable(OWN)
        else []
    ):
        history[code].append((fiscal_year, scenario, engaged))
    years = [
        r[0]
        for r in (
            con.execute(f"select distinct fiscal_year from {SHARES} where measure = 'engaged' order by 1").fetchall()
            if readable(SHARES)
            else []
        )
    ]
    findings = (
        _records(con, "select * from gate.findings where fiscal_year = ?", [year]) if readable("gate.findings") else []
    )
    rule_results = (
        _records(con, "select * from gate.rule_results where fiscal_year = ? order by rule", [year])
        if readable("gate.rule_results")
        else []
    )
    gate_runs = (
        _records(con, "select * from gate.runs where fiscal_year = ? order by finished_at desc limit 1", [year])
        if readable("gate.runs")
        else []
    )
    answers: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    readable_answers = readable("provenance.answers") and readable("provenance.submissions")
    for prefecture, number, label, answer in (
        con.execute(
            """
        select s.prefecture_code, q.question_number, q.question_label,
            string_agg(coalesce(o.option_label, a.value), '、' order by a.option_code nulls first)
        from provenance.answers as a
        join provenance.submissions as s using (submission_id)
        join marts.dim_question as q
            on q.fiscal_year = a.fiscal_year and q.form = a.form and q.item_key = a.item_key
        left join marts.dim_option as o
            on o.fiscal_year = a.fiscal_year and o.form = a.form and o.item_key = a.item_key
            and o.option_code = coalesce(a.option_code, try_cast(a.value as integer))
            and q.item_type in ('single', 'multiple')
        where a.fiscal_year = ? and a.form = 'prefecture' and a.value is not null
        group by s.prefecture_code, q.item_order, q.question_number, q.question_label
        order by s.prefecture_code, q.item_order
        """,
            [year],
        ).fetchall()
        if readable_answers
        else []
    ):
        answers[prefecture].append((number, label, answer))
    return SiteData(
        year=year,
        edition_label=editions[0]["edition_label"] if editions else f"{year}年度",
        editions=load_editions(con),
        prefectures=prefectures,
        municipalities=municipalities,
        band_column=band_column,
        scenarios=scenarios,
        initiatives=initiatives,
        own=own,
        shares=shares,
        history=history,
        years=years,
        findings=findings,
        rule_results=rule_results,
        gate_run=gate_runs[0] if gate_runs else None,
        publication=publication[0] if publication else None,
        prefecture_answers=answers,
        **across_years(con, readable),
        item_shares=item_shares,
        program_items=program_items,
        crosswalk=crosswalk(con, year) if readable("marts.bridge_program_item_initiative") else {},
        reader=reader,
        declared=declared,
    )
