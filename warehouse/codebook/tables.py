"""The codebooks as tables in the working database (schema ``codebook``), for dbt to build on.

dbt never repeats a question, an option or a label in SQL: the dimensions and facts read these tables.
The rules themselves are compiled into the per-form models (:mod:`warehouse.codebook.dbt_models`); here
they are kept as written, with the Japanese sentence of each check.  Rewritten in full on every run: the
tables are small and derived.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from warehouse.codebook import crosswalk
from warehouse.codebook import expressions as ex
from warehouse.codebook.model import SCENARIOS, Codebook, editions, load_edition
from warehouse.codebook.sql import Compiler
from warehouse.report import presence_tests
from warehouse.report.charts import ANSWERED, MISSING, POPULATIONS, RULE, UNKNOWN, load_charts

#: The four scenes of the programme come first in SCENARIOS; the other three are themes.
SCENES = 4

DDL = """
create schema if not exists codebook;
create or replace table codebook.editions (
    edition integer, edition_label varchar, form varchar, form_label varchar, title varchar,
    reference_date date, code_date date, template_id varchar, sheet varchar, survey varchar, survey_label varchar,
    primary key (edition, form)
);
create or replace table codebook.items (
    edition integer, form varchar, item_key varchar, ordinal integer, question varchar, section varchar,
    label varchar, question_text varchar, item_type varchar, cell varchar, relevant_rule varchar,
    is_required boolean, scenario_key varchar, measure varchar,
    parent_item_key varchar, unit varchar, minimum double, maximum double,
    primary key (edition, form, item_key)
);
create or replace table codebook.item_tags (
    edition integer, form varchar, item_key varchar, tag varchar, tag_value varchar,
    primary key (edition, form, item_key, tag)
);
create or replace table codebook.options (
    edition integer, form varchar, item_key varchar, option_code integer, option_key varchar,
    option_label varchar, cell varchar, is_other boolean, primary key (edition, form, item_key, option_code)
);
create or replace table codebook.constraints (
    edition integer, form varchar, item_key varchar, rule_id varchar, rule varchar, message varchar,
    primary key (edition, form, item_key, rule_id)
);
create or replace table codebook.checks (
    edition integer, form varchar, item_key varchar, rule varchar, check_column varchar, message varchar,
    primary key (edition, form, check_column)
);
create or replace table codebook.scenarios (
    scenario_key varchar primary key, scenario_label varchar, ordinal integer, is_scene boolean
);
create or replace table codebook.program_items (
    program_item varchar primary key, code_label varchar, program_item_label varchar, pdca_phase varchar,
    actor varchar, is_coordinator_related boolean, evidence varchar
);
create or replace table codebook.program_item_initiatives (
    program_item varchar, initiative_key varchar, ordinal integer, primary key (program_item, initiative_key)
);
create or replace table codebook.charts (
    edition integer, form varchar, chart_id integer, question_id varchar, chart_title varchar,
    population varchar, n_printed integer, n_population integer, n_base varchar,
    flag varchar, breakdown varchar, population_band varchar, primary key (edition, form, chart_id)
);
create or replace table codebook.chart_rows (
    edition integer, form varchar, chart_id integer, row_ordinal integer, option_label varchar,
    item_key varchar, value_kind varchar, option_code integer, band_low double, band_high double,
    band_low_closed boolean, band_high_closed boolean, percent_printed varchar, count_printed integer,
    confidence varchar, row_population varchar, rank_printed varchar,
    primary key (edition, form, chart_id, row_ordinal)
);
create or replace table codebook.populations (
    edition integer, form varchar, population varchar, population_band varchar,
    primary key (edition, form, population)
);
create or replace table codebook.presence_tests (
    edition integer, question_id varchar, item_key varchar, scenario_key varchar, option_code integer,
    option_label_printed varchar, p_value_printed varchar, primary key (edition, item_key, option_code)
);
"""


def _parent(cb: Codebook, key: str) -> str | None:
    """The item whose answer opens this one: the single item its ``relevant`` rule refers to."""
    item = cb.item(key)
    refs = ex.references(item.relevant) if item.relevant is not None else set()
    return next(iter(refs)) if len(refs) == 1 else None


def _frames(cb: Codebook) -> dict[str, list[dict[str, object]]]:
    compiler = Compiler(cb)
    rows: dict[str, list[dict[str, object]]] = {
        "items": [],
        "item_tags": [],
        "options": [],
        "constraints": [],
        "checks": [],
    }
    base = {"edition": cb.edition, "form": cb.form}
    for ordinal, item in enumerate(cb.items, start=1):
        rows["items"].append(
            {
                **base,
                "item_key": item.key,
                "ordinal": ordinal,
                "question": item.question,
                "section": item.section,
                "label": item.label,
                "question_text": item.text,
                "item_type": item.type,
                "cell": item.cell,
                "relevant_rule": item.relevant_source,
                "is_required": item.required,
                "scenario_key": item.tags.get("scenario"),
                "measure": item.tags.get("measure"),
                "parent_item_key": _parent(cb, item.key),
                "unit": item.unit,
                "minimum": item.minimum,
                "maximum": item.maximum,
            }
        )
        rows["item_tags"].extend(
            {**base, "item_key": item.key, "tag": tag, "tag_value": value} for tag, value in sorted(item.tags.items())
        )
        for option in item.options:
            rows["options"].append(
                {
                    **base,
                    "item_key": item.key,
                    "option_code": option.code,
                    "option_key": option.key,
                    "option_label": option.label,
                    "cell": option.cell,
                    "is_other": option.key == "other",
                }
            )
        for rule in item.constraints:
            rows["constraints"].append(
                {
                    **base,
                    "item_key": item.key,
                    "rule_id": rule.id,
                    "rule": rule.source,
                    "message": rule.message,
                }
            )
    for check in compiler.checks():
        rows["checks"].append(
            {
                **base,
                "item_key": check.item_key,
                "rule": check.rule,
                "check_column": check.column,
                "message": check.message,
            }
        )
    return rows


def chart_populations(cb: Codebook) -> dict[str, tuple[ex.Node | None, str | None]]:
    """Each population the charts of a codebook count: its rule (None: every return) and 人口規模 band.

    A chart counts its population (its own rule, or the form's rule of that name in ``POPULATIONS``); a
    chart row with a rule of its own counts ``rule:<chart>.<row>``.
    """
    rules = POPULATIONS.get(cb.form, {})
    out: dict[str, tuple[ex.Node | None, str | None]] = {}
    for chart_id, chart in enumerate(load_charts(cb.edition, cb.form), start=1):
        rule = chart.population_rule or rules.get(chart.population)
        out[chart.population] = (ex.parse(rule) if rule else None, chart.population_band)
        for ordinal, row in enumerate(chart.rows, start=1):
            if row.rule:
                out[f"rule:{chart_id}.{ordinal}"] = (ex.parse(row.rule), None)
    return out


def _chart_rows(cb: Codebook) -> dict[str, list[dict[str, object]]]:
    """The charts, their rows, and the populations they count (a chart's, and each rule row's)."""
    edition, form = cb.edition, cb.form
    out: dict[str, list[dict[str, object]]] = {"charts": [], "chart_rows": [], "populations": []}
    for chart_id, chart in enumerate(load_charts(edition, form), start=1):
        key = {"edition": edition, "form": form, "chart_id": chart_id}
        out["charts"].append(
            {
                **key,
                "question_id": chart.question_id,
                "chart_title": chart.chart_title,
                "population": chart.population,
                "n_printed": chart.n_printed,
                "n_population": chart.n,
                "n_base": chart.n_base,
                "flag": chart.flag,
                "breakdown": chart.breakdown,
                "population_band": chart.population_band,
            }
        )
        for ordinal, row in enumerate(chart.rows, start=1):
            band = row.band
            kind = "band" if band else row.value if row.value in (MISSING, UNKNOWN, ANSWERED, RULE) else "code"
            out["chart_rows"].append(
                {
                    **key,
                    "row_ordinal": ordinal,
                    "option_label": row.option_label,
                    "item_key": row.item_key,
                    "value_kind": kind,
                    "option_code": row.value if kind == "code" else None,
                    "band_low": band.low if band else None,
                    "band_high": band.high if band else None,
                    "band_low_closed": band.low_closed if band else None,
                    "band_high_closed": band.high_closed if band else None,
                    "percent_printed": row.percent,
                    "count_printed": int(row.count.replace(",", "")) if row.count else None,
                    "confidence": row.confidence,
                    "row_population": f"rule:{chart_id}.{ordinal}" if row.rule else None,
                    "rank_printed": row.rank,
                }
            )
    out["populations"] = [
        {"edition": edition, "form": form, "population": name, "population_band": band}
        for name, (_, band) in chart_populations(cb).items()
    ]
    return out


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    frame = pd.DataFrame(rows)  # noqa: F841 - read by DuckDB's replacement scan below
    columns = ", ".join(rows[0])
    con.execute(f"insert into codebook.{table} ({columns}) select {columns} from frame")


def write(con: duckdb.DuckDBPyConnection, years: list[int] | None = None) -> dict[str, int]:
    """Replace the ``codebook`` schema with every edition's codebooks and chart maps; row counts."""
    con.execute(DDL)
    tables: dict[str, list[dict[str, object]]] = {
        "editions": [],
        "items": [],
        "item_tags": [],
        "options": [],
        "constraints": [],
        "checks": [],
        "charts": [],
        "chart_rows": [],
        "populations": [],
        "presence_tests": [],
    }
    tables["scenarios"] = [
        {"scenario_key": key, "scenario_label": label, "ordinal": i, "is_scene": i <= SCENES}
        for i, (key, label) in enumerate(SCENARIOS.items(), start=1)
    ]
    tables["program_items"], tables["program_item_initiatives"] = crosswalk.load()
    for edition in years or editions():
        for form, cb in load_edition(edition).items():
            tables["editions"].append(
                {
                    "edition": cb.edition,
                    "edition_label": cb.edition_label,
                    "form": form,
                    "form_label": cb.form_label,
                    "title": cb.title,
                    "reference_date": cb.reference_date,
                    "code_date": cb.code_date,
                    "template_id": cb.template_id,
                    "sheet": cb.sheet,
                    "survey": cb.survey,
                    "survey_label": cb.survey_label,
                }
            )
            for name, rows in _frames(cb).items():
                tables[name].extend(rows)
            for name, rows in _chart_rows(cb).items():
                tables[name].extend(rows)
        tables["presence_tests"].extend(
            {
                "edition": t.edition, "question_id": t.question_id, "item_key": t.item_key,
                "scenario_key": t.scenario_key, "option_code": t.option_code,
                "option_label_printed": t.option_label_printed, "p_value_printed": t.p_printed,
            }
            for t in presence_tests.load(edition)
        )  # fmt: skip
    for name, rows in tables.items():
        _insert(con, name, rows)
    return {name: len(rows) for name, rows in tables.items()}
