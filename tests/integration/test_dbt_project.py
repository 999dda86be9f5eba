"""The dbt project parses against the raw schema the ingest writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Ingested

pytestmark = pytest.mark.slow  # dbt runs of the whole project

DBT_DIR = Path(__file__).resolve().parents[2] / "dbt_project"


def test_dbt_sources_match_the_raw_schema(clean_year: Ingested, tmp_path: Path) -> None:
    env = {**os.environ, "WAREHOUSE_DB": str(clean_year.db), "DBT_PROFILES_DIR": str(DBT_DIR)}
    dbt = Path(sys.executable).with_name("dbt")
    target = tmp_path / "target"
    subprocess.run(
        [str(dbt), "parse", "--project-dir", str(DBT_DIR), "--target-path", str(target)],
        check=True, env=env, capture_output=True, text=True,
    )  # fmt: skip
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    documented = {s["name"]: set(s["columns"]) for s in manifest["sources"].values() if s["source_name"] == "raw"}
    import duckdb

    with duckdb.connect(str(clean_year.db), read_only=True) as con:
        tables = {
            t
            for (t,) in con.execute(
                "select table_name from information_schema.tables where table_schema='raw'"
            ).fetchall()
        }
        columns = {
            c
            for (c,) in con.execute(
                "select column_name from information_schema.columns where table_schema='raw' and table_name='answers'"
            ).fetchall()
        }
    assert set(documented) <= tables
    assert documented["answers"] == columns


def test_the_working_file_is_free_as_soon_as_an_in_process_build_returns(clean_year: Ingested, tmp_path: Path) -> None:
    """dbt-duckdb keeps the file open for the invocation (``keep_open: true``) and ``build`` closes it: another
    process can open it read-write right after ``build``, as the gate and the publication do."""
    import shutil

    import duckdb

    from warehouse.transform.dbt import build, write_lookups

    db = tmp_path / "warehouse.duckdb"
    shutil.copy(clean_year.db, db)
    write_lookups(db)
    assert build(db, args=("run",), select=["+submissions"]).success
    writer = f"import duckdb; duckdb.connect({str(db)!r}).execute('create table released (x int)')"
    done = subprocess.run([sys.executable, "-c", writer], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from released").fetchone() == (0,)


def test_a_fact_reading_tagged_items_it_does_not_declare_fails_to_compile(clean_year: Ingested, tmp_path: Path) -> None:
    """An incremental build runs a fact only for the forms whose codebooks tag the facts it declares, so
    ``fact_items`` refuses a fact the model has not declared, naming the model, the fact and the fix."""
    import shutil

    from warehouse.transform.dbt import invoke, write_lookups

    project = tmp_path / "dbt_project"
    shutil.copytree(DBT_DIR, project, ignore=shutil.ignore_patterns("target", "logs"))
    model = project / "models" / "marts" / "facts" / "fct_council.sql"
    declaration = "{{ config(meta={'facts': ['council']}) }}\n"
    assert declaration in model.read_text(encoding="utf-8")
    model.write_text(model.read_text(encoding="utf-8").replace(declaration, ""), encoding="utf-8")
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(clean_year.db, db)
    write_lookups(db)

    result = invoke(db, ["compile", "--project-dir", str(project), "--quiet", "--select", "fct_council"])
    assert not result.success
    said = " ".join(str(result.exception).split())
    assert "fct_council reads the items tagged {fact: council} without declaring it" in said
    assert "config(meta={'facts': ['council']})" in said


def test_the_unit_tests_of_the_models_pass_and_refresh_builds_leave_them_out(tmp_path: Path) -> None:
    """dbt's unit tests (the panels, the national means) run on fixtures over an empty build of the project; a
    refresh's build leaves them out (``--exclude-resource-type unit_test``): they test code, not returns."""
    from warehouse.db import connect
    from warehouse.ingest.store import prepare
    from warehouse.transform.dbt import build, plan_build, write_lookups

    db = tmp_path / "warehouse.duckdb"
    with connect(db) as con:
        prepare(con)
    write_lookups(db)
    assert build(db, args=("run", "--empty")).success
    tested = build(db, select=["test_type:unit"], args=("test",))
    assert tested.success, tested.failures
    unit = sorted(uid.rsplit(".", 1)[1] for uid in tested.results if uid.startswith("unit_test."))
    assert {
        "agg_program_items_mean_keeps_both_national_methods",
        "rpt_coordinator_initiatives_computes_pearsons_chi_square",
    } <= set(unit)
    cli = plan_build(db, full_refresh=True).cli
    assert cli[cli.index("--exclude-resource-type") + 1] == "unit_test"
