"""A second modern edition needs codebooks and data, not SQL written by hand (the per-form models are
regenerated from the codebooks, as ``python -m warehouse.codebook.dbt_models`` does).

No later 令和 edition is in the seeds, so the test derives one from 2023 in a temporary copy of the
codebooks (never shipped) and of the dbt project: 問2 is reworded and so gets a new key, 問1 gains an
option, the rest is unchanged. Workbooks of both editions are written from their templates and ingested, and dbt builds
the marts: both years load, the tag-driven facts find the reworded question by its tags, unchanged
questions conform across the two editions and the reworded one does not.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import yaml

from warehouse.codebook import dbt_models
from warehouse.codebook import model as codebook_model
from warehouse.codebook.layout import dump
from warehouse.ingest.run import ingest
from warehouse.report import charts as codebook_charts
from warehouse.transform.dbt import build, write_lookups
from warehouse.workbook.cells import answers_to_cells
from warehouse.workbook.template import write_workbook

pytestmark = pytest.mark.slow  # a dbt build of a second modern edition

BASE, NEXT = 2023, 2024
REWORDED, NEW_KEY = "q2_council", "q2_council_meeting_body"
EXTENDED, NEW_OPTION = "q1_implementation_structure", [4, "whole_programme_outsourced", "事業全体を外部に委託している"]


def _derive(base: Path, target: Path) -> None:
    """The 2023 codebooks as edition 2024, with one question reworded and one option added."""
    target.mkdir()
    shutil.copytree(base / "published", target / "published")
    for path in base.glob("*.yaml"):
        if path.name.startswith("charts_"):
            (target / path.name).write_text("[]\n", encoding="utf-8")  # nothing published for 2024
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc["edition"], doc["edition_label"] = NEXT, "令和6年度"
        doc["title"] = doc["title"].replace("令和5年度", "令和6年度")
        doc["reference_date"] = dt.date(NEXT, 8, 1)
        if doc["form"] == "municipality":
            for item in doc["items"]:
                if item["key"] == REWORDED:
                    item["key"] = NEW_KEY
                    item["text"] = "在宅医療・介護連携推進のための会議体（協議会等）を設けていますか。"
                    item["label"] = "会議体の設置"
                if item["key"] == EXTENDED:
                    item["options"].append(NEW_OPTION)
                if "relevant" in item:
                    item["relevant"] = item["relevant"].replace("${" + REWORDED + "}", "${" + NEW_KEY + "}")
        (target / path.name).write_text(dump(doc), encoding="utf-8")


@pytest.fixture
def editions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary codebook folder holding 2023 and the synthetic 2024, read instead of the real one."""
    copy = tmp_path / "editions"
    shutil.copytree(codebook_model.EDITIONS_DIR, copy)
    _derive(copy / str(BASE), copy / str(NEXT))
    monkeypatch.setattr(codebook_model, "EDITIONS_DIR", copy)
    monkeypatch.setattr(codebook_charts, "EDITIONS_DIR", copy)
    codebook_model.load.cache_clear()
    codebook_charts.load_charts.cache_clear()
    codebook_charts.published.cache_clear()
    yield copy
    codebook_model.load.cache_clear()
    codebook_charts.load_charts.cache_clear()
    codebook_charts.published.cache_clear()


RETURNS = {  # municipality code → (2023 answers, 2024 answers)
    "01100": (
        {EXTENDED: 1, REWORDED: 1, "q2_1_council_entrusted": 1},
        {EXTENDED: 4, NEW_KEY: 1, "q2_1_council_entrusted": 2},
    ),
    "01202": ({EXTENDED: 2, REWORDED: 2}, {EXTENDED: 2, NEW_KEY: 1, "q2_1_council_entrusted": 1}),
}


def test_a_second_modern_edition_loads_beside_2023_and_conforms(editions: Path, project: Path, tmp_path: Path) -> None:
    raw, db = tmp_path / "raw", tmp_path / "warehouse.duckdb"
    written = dbt_models.write(project / dbt_models.FORMS_FOLDER)
    assert written and all(path.suffix in (".sql", ".yml") for path in written)
    for index, edition in enumerate((BASE, NEXT)):
        cb = codebook_model.load(edition, "municipality")
        for code, answers in RETURNS.items():
            cells = answers_to_cells(cb, {"f1_municipality_code": code, **answers[index]})
            write_workbook(cb, raw / str(edition) / "municipality" / f"{code}.xlsx", cells)
        report = ingest(db, raw, edition)
        assert (report.submissions, report.quarantined) == (len(RETURNS), 0)
    write_lookups(db)
    built = build(db, select=["+fct_council", "+dim_question_conformed"], args=("run",))
    assert built.success, built.failures

    with duckdb.connect(str(db), read_only=True) as con:
        council = con.execute(
            "select fiscal_year, municipality_code, is_established, is_entrusted from marts.fct_council order by all"
        ).fetchall()
        conformed = {
            (year, key): (conforms, conformed_key, added)
            for year, key, conforms, conformed_key, added in con.execute(
                "select fiscal_year, item_key, conforms_with_previous, conformed_question_key, options_added "
                "from marts.dim_question_conformed where form = 'municipality'"
            ).fetchall()
        }
        structure = con.execute(
            "select answer_option_key from intermediate.int_item_answers "
            "where fiscal_year = ? and item_key = ? and municipality_code = '011002'",
            [NEXT, EXTENDED],
        ).fetchone()
    # both editions load, and the council fact finds the reworded question by its tags
    assert council == [
        (BASE, "011002", True, True),
        (BASE, "012025", False, None),
        (NEXT, "011002", True, False),
        (NEXT, "012025", True, True),
    ]
    assert structure == ("whole_programme_outsourced",)
    # unchanged questions conform across the two editions; the reworded one does not
    unchanged = [key for (year, key) in conformed if year == NEXT and key not in (NEW_KEY, EXTENDED)]
    assert len(unchanged) > 100
    assert all(conformed[(NEXT, key)] == (True, conformed[(BASE, key)][1], []) for key in unchanged)
    assert conformed[(NEXT, NEW_KEY)] == (False, f"municipality:{NEW_KEY}:{NEXT}", [])
    assert (NEXT, REWORDED) not in conformed
    # an added option keeps the question comparable for the options it had
    assert conformed[(NEXT, EXTENDED)] == (True, conformed[(BASE, EXTENDED)][1], ["whole_programme_outsourced"])
