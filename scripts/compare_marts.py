"""Build the marts with an earlier commit's dbt project and with this one, from the same returns,
and compare every mart table of the earlier build row by row (EXCEPT ALL both ways).

A refactoring of the models (e.g. facts driven by codebook tags instead of key patterns) must leave
the marts' content unchanged. Columns added since the baseline are not compared; a baseline table
or column that is gone is a difference.

    python scripts/compare_marts.py WAREHOUSE.duckdb [--baseline COMMIT]
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import duckdb

from warehouse.codebook import tables as codebook_tables
from warehouse.db import connect
from warehouse.reference import tables as reference_tables
from warehouse.transform.dbt import PROJECT_DIR, build, invoke, write_lookups

ROOT = PROJECT_DIR.parent
#: The last commit whose facts found their items by key patterns and lists of names.
BASELINE = "16ebc34b174e9ae959dc2557eae873ce6e51dba0"
#: The editions the baseline knew: the baseline is built from their codebooks alone (it cannot read
#: later forms), the current project from every codebook; the rows of these editions are compared.
EDITIONS = (2023,)
SCHEMA = "marts"
#: The marts and everything upstream of them.
SELECT = "+path:models/marts"


def baseline_project(commit: str, folder: Path) -> Path:
    """The dbt project as it was at ``commit``, extracted under ``folder``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit, PROJECT_DIR.name],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / PROJECT_DIR.name


def _run(db: Path, project: Path) -> None:
    result = invoke(db, ["run", "--project-dir", str(project), "--quiet", "--full-refresh", "--select", SELECT])
    if not result.success:
        raise RuntimeError(f"dbt run of {project} failed: {result.exception or result.result}")


def differences(baseline_db: Path, current_db: Path) -> dict[str, str]:
    """Per baseline mart table, what differs in the current build (empty when nothing does)."""
    found: dict[str, str] = {}
    with duckdb.connect() as con:
        con.execute(f"attach '{baseline_db}' as base (read_only)")
        con.execute(f"attach '{current_db}' as cur (read_only)")
        columns = con.execute(
            "select database_name, table_name, list(column_name order by column_index) from duckdb_columns() "
            "where schema_name = ? and database_name in ('base', 'cur') group by all",
            [SCHEMA],
        ).fetchall()
        tables = {(db, table): cols for db, table, cols in columns}
        for (db, table), cols in sorted(tables.items()):
            if db != "base":
                continue
            current = tables.get(("cur", table))
            if current is None:
                found[table] = "table missing"
                continue
            missing = [c for c in cols if c not in current]
            if missing:
                found[table] = f"columns missing: {missing}"
                continue
            select = ", ".join(f'"{c}"' for c in cols)
            years = ", ".join(str(year) for year in EDITIONS)
            where = f"where fiscal_year in ({years})" if "fiscal_year" in cols else ""
            only = [
                con.execute(
                    f"select count(*) from (select {select} from {a}.{SCHEMA}.{table} {where} "
                    f"except all select {select} from {b}.{SCHEMA}.{table} {where})"
                ).fetchone()[0]
                for a, b in (("base", "cur"), ("cur", "base"))
            ]
            rows = con.execute(f"select count(*) from base.{SCHEMA}.{table}").fetchone()[0]
            if any(only):
                found[table] = f"{only[0]} rows only in the baseline, {only[1]} only in the current build ({rows} rows)"
    return found


def _write_baseline_lookups(db: Path) -> None:
    with connect(db) as con:
        codebook_tables.write(con, list(EDITIONS))
        reference_tables.write(con)


def compare(db: Path, baseline: str = BASELINE, work: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """Copies of ``db`` (ingested returns of the baseline's editions) built by both projects, from the
    same lookups; the differences and the tables compared."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(work or tmp)
        dbs = {name: folder / name / "warehouse.duckdb" for name in ("baseline", "current")}
        for target in dbs.values():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(db, target)
        _write_baseline_lookups(dbs["baseline"])
        write_lookups(dbs["current"])
        _run(dbs["baseline"], baseline_project(baseline, folder / "project"))
        report = build(dbs["current"], select=[SELECT], args=("run",), full_refresh=True)
        if not report.success:
            raise RuntimeError(f"dbt run failed: {report.failures}")
        with duckdb.connect(str(dbs["baseline"]), read_only=True) as con:
            tables = [t for (t,) in con.execute(
                "select table_name from duckdb_tables() where schema_name = ? order by 1", [SCHEMA]
            ).fetchall()]  # fmt: skip
        return differences(dbs["baseline"], dbs["current"]), tables


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="a working DuckDB file holding ingested returns")
    parser.add_argument("--baseline", default=BASELINE, help="the commit whose dbt project is the reference")
    args = parser.parse_args()
    found, tables = compare(args.db, args.baseline)
    for table in tables:
        print(f"{table}: {found.get(table, 'same')}")
    raise SystemExit(1 if found else 0)


if __name__ == "__main__":
    main()
