"""The publishing role's password is written nowhere: not by the command line, dbt, the cleaning log, the site or
Dagster (event log, resource configuration shown in the UI), whether the URL comes as an option, from the
environment or malformed. Every file those write is scanned byte by byte for it."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import psycopg
import pytest
from psycopg import conninfo, sql

from tests.conftest import Ingested
from tests.postgres_server import server_url
from warehouse.redact import HIDDEN

pytestmark = pytest.mark.slow  # refreshes and Dagster runs
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def database() -> Iterator[tuple[str, str]]:
    """A database owned by a publishing role whose password is in its URL: (URL, password)."""
    superuser = server_url()
    name, role = f"warehouse_test_{uuid.uuid4().hex[:10]}", f"pub_{uuid.uuid4().hex[:8]}"
    password = secrets.token_hex(16)
    with psycopg.connect(superuser, autocommit=True) as su:
        su.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEROLE PASSWORD {}").format(sql.Identifier(role), password))
        su.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(name), sql.Identifier(role)))
    try:
        parts = conninfo.conninfo_to_dict(superuser)
        yield f"postgresql://{role}:{password}@{parts['host']}:{parts['port']}/{name}", password
    finally:
        with psycopg.connect(superuser, autocommit=True) as su:
            su.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            su.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def _holding(root: Path, password: str) -> list[Path]:
    """Every file under ``root`` whose bytes hold the password."""
    needle = password.encode()
    return [path for path in root.rglob("*") if path.is_file() and needle in path.read_bytes()]


def _warehouse(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WAREHOUSE_")}
    command = [sys.executable, "-m", "warehouse", *args]
    return subprocess.run(command, cwd=cwd, env=clean | env, capture_output=True, text=True, timeout=600)


def test_a_password_in_the_option_reaches_no_file_and_no_message(
    clean_year: Ingested, database: tuple[str, str], tmp_path: Path
) -> None:
    url, password = database
    shutil.copytree(clean_year.raw, tmp_path / "raw")
    data = tmp_path / "data"
    done = _warehouse(
        "run", "--raw", str(tmp_path / "raw"), "--db", str(data / "w.duckdb"), "--published", str(data / "p.duckdb"),
        "--cleaning-log", str(data / "log"), "--year", "2023", "--postgres-url", url,
        env={"WAREHOUSE_ALERT_LOG": str(data / "alerts.log")}, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert password not in done.stdout + done.stderr
    assert "keep it in PGPASSWORD or ~/.pgpass" in done.stderr
    results = list(data.rglob("run_results.json"))
    recorded = f"--postgres-url postgresql://{url.split('//')[1].split(':')[0]}:{HIDDEN}@"
    assert results and all(recorded in p.read_text() for p in results), "dbt recorded the command line, redacted"
    assert list(data.rglob("dbt.log")) and list((data / "log").rglob("*.xlsx")) and (data / "site").is_dir()
    assert _holding(tmp_path, password) == []


def test_a_password_from_the_environment_reaches_no_file_dagster_writes_nor_its_ui(
    database: tuple[str, str], refreshed: tuple[object, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dagster_graphql.test.utils import define_out_of_process_context, execute_dagster_graphql

    from orchestration.postgres_assets import PostgresTarget, published_postgres
    from orchestration.resources import WarehouseSettings

    url, password = database
    _, published = refreshed
    done = _warehouse("pg-publish", "--published", str(published), env={"WAREHOUSE_POSTGRES_URL": url}, cwd=tmp_path)
    assert done.returncode == 0 and password not in done.stdout + done.stderr, done.stdout + done.stderr

    monkeypatch.setenv("WAREHOUSE_POSTGRES_URL", url)
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    (tmp_path / "dagster_home").mkdir()
    with dg.DagsterInstance.get() as instance:
        run = dg.materialize(
            [published_postgres],
            resources={
                "warehouse": WarehouseSettings(published=str(published), db=str(tmp_path / "w.duckdb")),
                "postgres": PostgresTarget(url=dg.EnvVar("WAREHOUSE_POSTGRES_URL")),
            },
            instance=instance,
        )
        assert run.success
        with define_out_of_process_context(str(ROOT / "orchestration" / "definitions.py"), "defs", instance) as context:
            location = next(iter(context.code_location_names))
            selector = {
                "repositoryLocationName": location,
                "repositoryName": "__repository__",
                "resourceName": "postgres",
            }
            answer = execute_dagster_graphql(
                context,
                """query ($selector: ResourceSelector!) {
                    topLevelResourceDetailsOrError(resourceSelector: $selector) {
                        __typename ... on ResourceDetails { configuredValues { key value type } } } }""",
                {"selector": selector},
            )
    details = answer.data["topLevelResourceDetailsOrError"]
    assert details["configuredValues"] == [{"key": "url", "value": "WAREHOUSE_POSTGRES_URL", "type": "ENV_VAR"}]
    assert password not in str(answer.data)
    assert _holding(tmp_path, password) == []


def test_a_malformed_url_is_refused_without_repeating_it(tmp_path: Path) -> None:
    password = secrets.token_hex(16)
    for malformed in (f"postgresql://u:{password}@h:5432/db?x=1 2", f"host=h password={password} port"):
        done = _warehouse("pg-publish", env={"WAREHOUSE_POSTGRES_URL": malformed}, cwd=tmp_path)
        assert done.returncode == 1 and "WAREHOUSE_POSTGRES_URL must be a PostgreSQL URL" in done.stderr
        assert password not in done.stdout + done.stderr
