"""Who may read each published relation is declared once in the dbt project and travels with the publication:
every relation of the published file has its declaration (listed here, so that a change shows in review), a
build stops on a model without one, the file handed to an audience holds what that audience reads, and what
goes to prefectures names files relative to the raw folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import openpyxl
import pytest

from warehouse.pipeline.state import RefreshReport
from warehouse.publish.audience import export
from warehouse.publish.disclosure import Reader, by_audience, read
from warehouse.publish.swap import PublishError
from warehouse.transform.dbt import PROJECT_DIR

pytestmark = pytest.mark.slow  # the shared refresh and a dbt build

#: Every published relation and who reads it: (audience, the key that scopes a prefecture's rows, through).
DECLARED = {
    "gate.findings": ("prefecture", "prefecture_code", None),
    "gate.rule_results": ("public", None, None),
    "gate.run_rule_counts": ("public", None, None),
    "gate.runs": ("public", None, None),
    "marts.agg_program_items_by_prefecture": ("public", None, None),
    "marts.agg_program_items_mean": ("public", None, None),
    "marts.bridge_hub_municipality": ("prefecture", "submission_id", "provenance.submissions"),
    "marts.bridge_program_item_initiative": ("public", None, None),
    "marts.dim_coordinator": ("prefecture", "prefecture_code", None),
    "marts.dim_hub": ("prefecture", "prefecture_code", None),
    "marts.dim_initiative": ("public", None, None),
    "marts.dim_municipality": ("public", None, None),
    "marts.dim_municipality_code": ("public", None, None),
    "marts.dim_municipality_population": ("public", None, None),
    "marts.dim_option": ("public", None, None),
    "marts.dim_prefecture": ("public", None, None),
    "marts.dim_program_item": ("public", None, None),
    "marts.dim_question": ("public", None, None),
    "marts.dim_question_conformed": ("public", None, None),
    "marts.dim_scenario": ("public", None, None),
    "marts.dim_survey_edition": ("public", None, None),
    "marts.fct_challenge_support": ("prefecture", "prefecture_code", None),
    "marts.fct_coordinator_headcount": ("prefecture", "prefecture_code", None),
    "marts.fct_coordinator_profile": ("prefecture", "prefecture_code", None),
    "marts.fct_council": ("prefecture", "prefecture_code", None),
    "marts.fct_council_member": ("prefecture", "prefecture_code", None),
    "marts.fct_hub_answer": ("prefecture", "prefecture_code", None),
    "marts.fct_hub_linkage": ("prefecture", "prefecture_code", None),
    "marts.fct_hub_option": ("prefecture", "prefecture_code", None),
    "marts.fct_hub_scene_text": ("prefecture", "prefecture_code", None),
    "marts.fct_legacy_challenge_support": ("prefecture", "prefecture_code", None),
    "marts.fct_municipal_vision": ("prefecture", "prefecture_code", None),
    "marts.fct_municipality_panel": ("prefecture", "prefecture_code", None),
    "marts.fct_prefecture_support": ("prefecture", "prefecture_code", None),
    "marts.fct_program_activity": ("prefecture", "prefecture_code", None),
    "marts.fct_program_item_panel": ("prefecture", "prefecture_code", None),
    "marts.fct_program_item_status": ("prefecture", "prefecture_code", None),
    "marts.fct_scenario_initiative": ("prefecture", "prefecture_code", None),
    "marts.fct_scenario_status": ("prefecture", "prefecture_code", None),
    "marts.rpt_hub_municipal_linkage": ("prefecture", "prefecture_code", None),
    "meta.disclosure": ("public", None, None),
    "meta.publication": ("public", None, None),
    "meta.publication_tables": ("public", None, None),
    "provenance.answers": ("prefecture", "submission_id", "provenance.submissions"),
    "provenance.submissions": ("prefecture", "prefecture_code", None),
    "report.rpt_coordinator_initiatives": ("public", None, None),
    "report.rpt_municipal_measure_shares": ("public", None, None),
    "report.rpt_municipal_measures": ("prefecture", "prefecture_code", None),
    "report.rpt_published_charts": ("public", None, None),
}


def test_every_published_relation_is_declared_as_listed(refreshed: tuple[RefreshReport, Path]) -> None:
    _, published = refreshed
    with duckdb.connect() as con:
        con.execute(f"attach '{published}' as publication (read_only)")
        declared = read(con, "publication")
        tables = {
            f"{s}.{t}"
            for s, t in con.execute(
                "select schema_name, table_name from duckdb_tables() where database_name = 'publication'"
            ).fetchall()
        }
    assert tables == set(declared) == set(DECLARED)
    assert {name: (d.audience, d.prefecture_key, d.prefecture_via) for name, d in declared.items()} == DECLARED
    assert all(d.declared_in.startswith("models/") and d.declared_in.endswith(".yml") for d in declared.values())
    audiences = by_audience(declared)
    # no relation is the ministry's alone today: a prefecture reads every relation, its own rows of the restricted
    assert len(audiences["ministry"]) == len(audiences["prefecture"]) == len(DECLARED) > len(audiences["public"]) > 10


def test_a_model_without_a_declaration_stops_the_build(tmp_path: Path) -> None:
    project = tmp_path / "dbt_project"
    shutil.copytree(PROJECT_DIR, project, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    facts = project / "models" / "marts" / "facts" / "_facts.yml"
    text = facts.read_text(encoding="utf-8")
    declaration = "    config:\n      meta:\n        disclosure: prefecture\n        prefecture_key: prefecture_code\n"
    start = text.index("  - name: fct_council\n")
    assert declaration in text[start:]
    facts.write_text(text[:start] + text[start:].replace(declaration, "", 1), encoding="utf-8")
    env = {**os.environ, "WAREHOUSE_DB": str(tmp_path / "w.duckdb"), "DBT_PROFILES_DIR": str(project)}
    done = subprocess.run(
        [str(Path(sys.executable).with_name("dbt")), "build", "--select", "disclosure", "--project-dir", str(project),
         "--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs")],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode != 0
    assert "Who may read these relations is not declared" in done.stdout
    assert "model fct_council (models/marts/facts/_facts.yml): meta.disclosure must be one of" in done.stdout


def test_the_file_handed_to_an_audience_holds_what_it_reads(
    refreshed: tuple[RefreshReport, Path], tmp_path: Path
) -> None:
    _, published = refreshed
    with duckdb.connect(str(published), read_only=True) as con:
        code = con.execute("select min(prefecture_code) from provenance.submissions").fetchone()[0]
        own = con.execute("select count(*) from provenance.answers a join provenance.submissions s "
                          "using (submission_id) where s.prefecture_code = ?", [code]).fetchone()[0]  # fmt: skip
        statuses = con.execute(
            "select count(*) from marts.fct_scenario_status where prefecture_code = ?", [code]
        ).fetchone()[0]
        charts = con.execute("select count(*) from report.rpt_published_charts").fetchone()[0]
    prefecture = export(published, Reader.parse(f"prefecture:{code}"), tmp_path / "pref.duckdb")
    public = export(published, Reader.parse("public"), tmp_path / "public.duckdb")
    assert set(public) == {name for name, (audience, *_) in DECLARED.items() if audience == "public"}
    assert set(prefecture) == {name for name, (audience, *_) in DECLARED.items() if audience != "ministry"}
    assert prefecture["provenance.answers"] == own > 0 and prefecture["marts.fct_scenario_status"] == statuses > 0
    assert public["report.rpt_published_charts"] == prefecture["report.rpt_published_charts"] == charts
    with duckdb.connect(str(tmp_path / "pref.duckdb"), read_only=True) as con:
        assert con.execute("select distinct prefecture_code from marts.fct_scenario_status").fetchall() == [(code,)]
    assert (tmp_path / "public.duckdb").stat().st_mode & 0o777 == 0o444
    with pytest.raises(PublishError, match="is the publication itself"):
        export(published, Reader.parse("public"), published)


def test_what_goes_to_prefectures_names_files_relative_to_the_raw_folder(refreshed: tuple[RefreshReport, Path]) -> None:
    report, published = refreshed
    raw = published.parent / "raw"
    assert report.cleaning_log
    cells = [
        str(cell)
        for path in report.cleaning_log[2023]
        for sheet in openpyxl.load_workbook(path, read_only=True).worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    ]
    assert any("2023/" in cell and cell.endswith(".xlsx") for cell in cells), "the findings name their files"
    assert not [cell for cell in cells if str(raw) in cell or str(raw.resolve()) in cell]
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select source_db from meta.publication").fetchone() == ("w.duckdb",)
