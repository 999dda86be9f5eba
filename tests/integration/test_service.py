"""Dagster as a service (``bash scripts/serve.sh``): the daemon and two webservers (one read-only) started as
separate processes on loopback from the repository's own command, the instance's settings with run monitoring and
retries, a read-only webserver that refuses a launch, one command that stops everything and leaves no process
behind, a second start refused while the first runs, and the instance's storage on the throwaway PostgreSQL
server with no password in a file."""

from __future__ import annotations

import os
import subprocess
from contextlib import suppress
from pathlib import Path

import psycopg
import pytest
from dagster import DagsterInstance
from psycopg import conninfo

from orchestration.service import (
    POSTGRES_VARIABLE,
    ROOT,
    STORAGE_VARIABLE,
    free_port,
    graphql,
    group_alive,
    running,
    start,
    stop,
)
from tests.postgres_server import fresh_database, server_url

pytestmark = pytest.mark.slow  # a Dagster daemon and two webservers

PERMISSIONS = "{ permissions { permission value } }"
LAUNCH = """
mutation {
  launchRun(executionParams: {
    selector: {repositoryLocationName: "warehouse", repositoryName: "__repository__", jobName: "publish"}
  }) { __typename }
}
"""


def test_the_service_starts_serves_read_only_and_stops_with_one_command(tmp_path: Path) -> None:
    home = tmp_path / "dagster_home"
    port, read_only = free_port(), free_port()
    where = start(home, port, read_only)
    try:
        assert set(running(home)) == {"daemon", "webserver", "webserver-read-only"}
        assert where["webserver"] == f"http://127.0.0.1:{port}"
        with DagsterInstance.from_config(str(home)) as instance:
            assert instance.run_monitoring_enabled and instance.run_retries_enabled
            assert instance.run_retries_max_retries == 1 and not instance.run_retries_retry_on_asset_or_op_failure
            assert instance.get_daemon_heartbeats()  # the daemon is up
        granted = {p["permission"]: p["value"] for p in graphql(where["webserver"], PERMISSIONS)["permissions"]}
        viewer = {
            p["permission"]: p["value"] for p in graphql(where["webserver-read-only"], PERMISSIONS)["permissions"]
        }
        assert granted["launch_pipeline_execution"] and not viewer["launch_pipeline_execution"]
        refused = graphql(where["webserver-read-only"], LAUNCH)["launchRun"]["__typename"]
        assert refused == "UnauthorizedError"
        again = subprocess.run(
            ["bash", "scripts/serve.sh", "start", "--home", str(home), "--port", str(free_port())],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert again.returncode == 1 and "already running" in again.stderr, again.stderr
    finally:
        groups = running(home)
        done = subprocess.run(
            ["bash", "scripts/serve.sh", "stop", "--home", str(home)],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        stop(home)  # whatever the command left, so that no test leaves a process behind
        for group in groups.values():  # this test started them: it reaps them
            with suppress(ChildProcessError):
                os.waitpid(group, 0)
    assert done.returncode == 0 and done.stdout.startswith("stopped:"), done.stdout + done.stderr
    assert groups and not any(group_alive(group) for group in groups.values())
    assert running(home) == {} and not list((home / "run").glob("*.pid"))
    status = subprocess.run(["bash", "scripts/serve.sh", "status", "--home", str(home)], cwd=ROOT, capture_output=True)
    assert status.returncode == 3


def test_the_instance_storage_on_postgresql_holds_no_password_in_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With WAREHOUSE_DAGSTER_POSTGRES_URL set, runs, events and the daemon's heartbeats are in PostgreSQL, and
    dagster.yaml names a variable, not the URL."""
    with fresh_database(server_url()) as url:
        monkeypatch.setenv(POSTGRES_VARIABLE, url)
        home = tmp_path / "dagster_home"
        try:
            start(home, free_port())
            written = (home / "dagster.yaml").read_text(encoding="utf-8")
            assert STORAGE_VARIABLE in written and url not in written
            password = conninfo.conninfo_to_dict(url).get("password")
            assert password and not any(
                str(password) in path.read_text(errors="replace") for path in home.rglob("*") if path.is_file()
            )
            with psycopg.connect(url) as con:
                tables = {name for (name,) in con.execute("select tablename from pg_tables").fetchall()}
                assert {"runs", "event_logs", "daemon_heartbeats", "instigators"} <= tables
                assert con.execute("select count(*) from daemon_heartbeats").fetchone()[0] > 0
            assert not (home / "history").exists()  # no SQLite run storage beside it
        finally:
            groups = running(home)
            stop(home)
            for group in groups.values():
                with suppress(ChildProcessError):
                    os.waitpid(group, 0)
