"""An incremental build after resubmissions gives exactly what a rebuild from scratch gives.

The per-return models compute only the returns not yet built and drop superseded ones first; a
change to the lookups (or the dbt project, such as a rule regenerated into the per-form models) rebuilds
everything, through the pipeline's fingerprint and through dbt alone (a plain ``dbt build``). Compared table
by table, row by row, against a full rebuild of the same file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.conftest import Ingested
from warehouse.codebook import dbt_models, load_edition
from warehouse.codebook import model as codebook_model
from warehouse.ingest.reader import read_sheet
from warehouse.ingest.run import ingest
from warehouse.reference.local_governments import load as load_local_governments
from warehouse.report import charts as codebook_charts
from warehouse.transform.dbt import (
    PROJECT_DIR,
    artifacts_dir,
    build,
    codebook_units,
    dbt_env,
    forms_read,
    needs_full_refresh,
    write_lookups,
)
from warehouse.workbook.cells import answers_to_cells
from warehouse.workbook.template import write_workbook

BUILT_SCHEMAS = ("intermediate", "marts", "report", "provenance")

pytestmark = pytest.mark.slow  # a whole refresh or more: left out of the inner loop


def _resubmit(source: Path, changes: dict[str, object]) -> Path:
    """A new version of ``source`` in the same file family, with some answers changed."""
    cb = load_edition(2023)["municipality"]
    cells = {k: v for k, v in read_sheet(source, cb.sheet).cells.items() if k in cb.cell_map()}
    cells.update(answers_to_cells(cb, changes))
    target = source.with_name(f"{source.stem}__resubmitted.xlsx")
    write_workbook(cb, target, cells)
    return target


def _differences(a: Path, b: Path) -> dict[str, tuple[int, int]]:
    """Per built table, rows only in ``a`` and rows only in ``b`` (as multisets)."""
    out = {}
    with duckdb.connect() as con:
        con.execute(f"attach '{a}' as a (read_only)")
        con.execute(f"attach '{b}' as b (read_only)")
        tables = con.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = 'a' "
            "and list_contains(?, schema_name) order by all",
            [list(BUILT_SCHEMAS)],
        ).fetchall()
        assert len(tables) > 30
        for schema, table in tables:
            only_a, only_b = (
                con.execute(
                    f"select count(*) from (from {x}.{schema}.{table} except all from {y}.{schema}.{table})"
                ).fetchone()[0]
                for x, y in (("a", "b"), ("b", "a"))
            )
            out[f"{schema}.{table}"] = (only_a, only_b)
    return out


@pytest.fixture(scope="module")
def resubmitted(clean_year: Ingested, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The reduced year built once, then two resubmissions ingested and built incrementally."""
    root = tmp_path_factory.mktemp("incremental")
    raw, db = root / "raw", root / "w.duckdb"
    shutil.copytree(clean_year.raw, raw)
    ingest(db, raw, 2023)
    write_lookups(db)
    first = build(db)
    assert first.success and first.full_refresh, first.failures
    again = build(db)
    assert again.success and not again.full_refresh
    assert len(again.results) < len(first.results)  # the dimensions of the lookups are current

    returns = sorted((raw / "2023" / "municipality").glob("*.xlsx"))
    returned = {path.name[:5] for path in returns}
    absent = next(code for code in load_local_governments().municipalities if code not in returned)
    _resubmit(returns[0], {"q1_implementation_structure": 2})  # one answer corrected
    _resubmit(returns[1], {"f1_municipality_code": absent})  # sent under the wrong code before
    assert ingest(db, raw, 2023).files_read == 2
    incremental = build(db)
    assert incremental.success and not incremental.full_refresh, incremental.failures

    rebuilt = root / "rebuilt.duckdb"
    shutil.copy(db, rebuilt)
    assert build(rebuilt, full_refresh=True).success
    return db, rebuilt


def test_incremental_build_equals_a_rebuild(resubmitted: tuple[Path, Path]) -> None:
    incremental, rebuilt = resubmitted
    assert {t: d for t, d in _differences(incremental, rebuilt).items() if d != (0, 0)} == {}


def test_every_model_holds_only_returns_of_the_forms_it_is_said_to_read(resubmitted: tuple[Path, Path]) -> None:
    """An incremental build leaves out a model when no form and edition it reads (its ``meta`` declaration,
    its name, or its parents) has a new return: each declaration is checked against the rows built."""
    incremental, _ = resubmitted
    manifest = json.loads((artifacts_dir(incremental) / "target" / "manifest.json").read_text(encoding="utf-8"))
    reads = forms_read(manifest, *codebook_units())
    checked = []
    with duckdb.connect(str(incremental), read_only=True) as con:
        tables = con.execute(
            "select schema_name, table_name from duckdb_columns() where column_name = 'submission_id' "
            "and list_contains(?, schema_name) order by all",
            [list(BUILT_SCHEMAS)],
        ).fetchall()
        for schema, table in tables:
            held = set(
                con.execute(
                    f"select distinct s.form, s.fiscal_year from {schema}.{table} as t "
                    "inner join raw.submissions as s on t.submission_id = s.submission_id"
                ).fetchall()
            )
            assert held <= reads[table], f"{table} holds returns of {held - reads[table]} it does not declare"
            checked.append(table)
    assert {"fct_council", "dim_coordinator", "fct_scenario_status", "fct_prefecture_support"} <= set(checked)


def test_superseded_returns_leave_the_facts(resubmitted: tuple[Path, Path]) -> None:
    incremental, _ = resubmitted
    with duckdb.connect(str(incremental), read_only=True) as con:
        current = con.execute(
            "select count(*) from staging.stg_raw__submissions where form = 'municipality'"
        ).fetchone()
        stale = con.execute(
            "select count(*) from marts.fct_scenario_status "
            "where submission_id not in (select submission_id from staging.stg_raw__submissions)"
        ).fetchone()
        scenario_rows = con.execute("select count(distinct respondent_key) from marts.fct_scenario_status").fetchone()
    assert stale == (0,)
    assert scenario_rows == current


def test_a_changed_lookup_rebuilds_everything(resubmitted: tuple[Path, Path], tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    shutil.copy(resubmitted[0], db)
    assert not needs_full_refresh(db)
    with duckdb.connect(str(db)) as con:
        con.execute("update codebook.items set label = label || '（改）' where item_key = 'q2_council'")
    assert needs_full_refresh(db)


def _plain_dbt_build(db: Path, project: Path = PROJECT_DIR) -> None:
    """``dbt build`` from the command line, as a data engineer runs it: no wrapper, no --full-refresh."""
    dbt = Path(sys.executable).with_name("dbt")
    done = subprocess.run(
        [str(dbt), "build", "--project-dir", str(project), "--quiet"],
        env={**os.environ, **dbt_env(db)}, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def _table_ids(db: Path) -> dict[str, int]:
    """The DuckDB object id of every built table: an incremental run keeps it, a rebuild replaces it."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select schema_name || '.' || table_name, table_oid from duckdb_tables() "
            "where list_contains(?, schema_name)",
            [list(BUILT_SCHEMAS)],
        ).fetchall()
    return dict(rows)


@pytest.fixture
def editions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the codebook editions the codebook is read from for the test, to change a rule in."""
    copy = tmp_path / "editions"
    shutil.copytree(codebook_model.EDITIONS_DIR, copy)
    monkeypatch.setattr(codebook_model, "EDITIONS_DIR", copy)
    monkeypatch.setattr(codebook_charts, "EDITIONS_DIR", copy)
    codebook_model.load.cache_clear()
    yield copy
    codebook_model.load.cache_clear()


def test_plain_dbt_build_after_a_rule_change_equals_a_rebuild(
    resubmitted: tuple[Path, Path], editions: Path, project: Path, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    shutil.copy(resubmitted[0], db)
    unchanged = _table_ids(db)
    _plain_dbt_build(db, project)
    assert _table_ids(db) == unchanged  # nothing changed since the pipeline's build: appended to, not rebuilt

    codebook = editions / "2023" / "municipality.yaml"
    text = codebook.read_text(encoding="utf-8")
    changed = text.replace(
        "    cell: C16\n    relevant: ${q2_council} = 1\n",  # 問2-1 asked when the council is NOT established
        "    cell: C16\n    relevant: ${q2_council} = 2\n"
        "    constraints:\n      - {id: entrusted_only, expr: '. = 1', message: 委託している場合のみ}\n",
    )
    assert changed != text
    codebook.write_text(changed, encoding="utf-8")
    codebook_model.load.cache_clear()
    generated = project / dbt_models.FORMS_FOLDER
    assert generated / "municipality" / "int_municipality__skip_logic.sql" in dbt_models.write(generated)
    write_lookups(db)
    _plain_dbt_build(db, project)

    rebuilt = tmp_path / "rebuilt.duckdb"
    shutil.copy(db, rebuilt)
    assert build(rebuilt, full_refresh=True).success
    assert {t: d for t, d in _differences(db, rebuilt).items() if d != (0, 0)} == {}
    status = (
        "select status, count(*) from intermediate.int_municipality__item_status "
        "where item_key = 'q2_1_council_entrusted' group by all order by all"
    )
    assert _rows(db, status) != _rows(resubmitted[0], status)  # the rule change reached the models
    columns = {row[0] for row in _rows(db, "describe intermediate.int_municipality__rule_checks")}
    assert "q2_1_council_entrusted__entrusted_only" in columns


def _rows(db: Path, query: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query).fetchall()
