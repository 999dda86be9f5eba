"""Build the same ingested returns with an earlier commit and with this checkout, and compare every table
row by row (EXCEPT ALL both ways).

A refactoring of the models (generated per-form models, staging per source) must leave what they build
unchanged. The earlier commit runs its own code (its codebook tables, its dbt project) from a temporary
git worktree; the columns of the earlier build are compared, and a table or column that is gone is
reported (the ``transform`` schema, dbt's bookkeeping, is left out). Floating-point columns are compared to
nine decimals: a sum over a parallel scan may add in another order from one build to the next.

    python scripts/compare_builds.py WORKING.duckdb --baseline COMMIT
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
SKIPPED_SCHEMAS = ("transform",)


def _transform(checkout: Path, db: Path) -> None:
    """``python -m warehouse transform`` on ``db`` with the code of ``checkout``."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run(
        [sys.executable, "-m", "warehouse", "transform", "--db", str(db)], cwd=checkout, env=env, text=True,
        capture_output=True,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"transform with {checkout} failed:\n{done.stderr[-2000:]}")


def differences(baseline: Path, current: Path) -> dict[str, str]:
    """Per table of the baseline build, what differs in the current one (tables that are the same: absent)."""
    found: dict[str, str] = {}
    with duckdb.connect() as con:
        con.execute(f"attach '{baseline}' as base (read_only)")
        con.execute(f"attach '{current}' as cur (read_only)")
        rows = con.execute(
            "select database_name, schema_name || '.' || table_name, "
            "list((column_name, data_type in ('DOUBLE', 'FLOAT')) order by column_index) "
            "from duckdb_columns() where database_name in ('base', 'cur') and not list_contains(?, schema_name) "
            "and (schema_name, table_name) in (select (schema_name, table_name) from duckdb_tables()) group by all",
            [list(SKIPPED_SCHEMAS)],
        ).fetchall()
        tables = {(db, name): dict(columns) for db, name, columns in rows}
        for (db, name), columns in sorted(tables.items()):
            if db != "base":
                continue
            now = tables.get(("cur", name))
            if now is None:
                found[name] = "table gone"
                continue
            gone = [c for c in columns if c not in now]
            kept = ", ".join(f'round("{c}", 9)' if real else f'"{c}"' for c, real in columns.items() if c in now)
            schema, table = name.split(".", 1)
            only = [
                con.execute(
                    f'select count(*) from (select {kept} from {a}."{schema}"."{table}" '
                    f'except all select {kept} from {b}."{schema}"."{table}")'
                ).fetchone()[0]
                for a, b in (("base", "cur"), ("cur", "base"))
            ]
            said = [f"{only[0]} rows only in the baseline, {only[1]} only in the current build"] if any(only) else []
            said += [f"columns gone: {', '.join(gone)}"] if gone else []
            if said:
                found[name] = "; ".join(said)
    return found


def compare(db: Path, baseline: str, work: Path) -> tuple[dict[str, str], int]:
    """Copies of ``db`` built by ``baseline`` and by this checkout; the differences and the tables compared."""
    checkout = work / "baseline"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(checkout), baseline], check=True)
    try:
        builds = {name: work / f"{name}.duckdb" for name in ("baseline", "current")}
        for target in builds.values():
            shutil.copy(db, target)
        _transform(checkout, builds["baseline"])
        _transform(ROOT, builds["current"])
        found = differences(builds["baseline"], builds["current"])
        with duckdb.connect(str(builds["baseline"]), read_only=True) as con:
            count = con.execute(
                "select count(*) from duckdb_tables() where not list_contains(?, schema_name)", [list(SKIPPED_SCHEMAS)]
            ).fetchone()[0]
        return found, count
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(checkout)], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="a working DuckDB file holding ingested returns")
    parser.add_argument("--baseline", required=True, help="the commit whose build is the reference")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        found, count = compare(args.db.resolve(), args.baseline, Path(tmp))
    for name, said in sorted(found.items()):
        print(f"{name}: {said}")
    print(f"{count} tables compared, {len(found)} differ")
    raise SystemExit(1 if found else 0)


if __name__ == "__main__":
    main()
