"""Dagster as a service: ``dagster-daemon`` and ``dagster-webserver`` as separate processes that outlive the terminal
that started them, stopped with one command.

    bash scripts/serve.sh start [--home .dagster_home] [--port 3000] [--read-only-port 3001]
    bash scripts/serve.sh status
    bash scripts/serve.sh stop

``start`` writes ``<home>/dagster.yaml`` (:func:`instance_yaml`: ``orchestration/dagster.yaml`` plus run monitoring
and run retries), starts each process in a session of its own (so a closed terminal does not stop it) bound to
loopback, its output in ``<home>/logs/<name>.log`` and its process id in ``<home>/run/<name>.pid``, and returns when
the webserver serves and the daemon has sent a heartbeat. A second webserver started with ``--read-only`` (on
``--read-only-port``) lets viewers browse runs and assets without launching anything. ``stop`` ends every process
group it started (the webserver's and the daemon's code servers and run workers with them), politely, then by force
after a grace period, and removes the process ids. ``deploy/`` holds the same two processes as systemd units and as
a Procfile.

The instance's storage (runs, events, schedules, the sensor's cursor: what survives a restart of either process)
is in ``<home>`` (SQLite), or on PostgreSQL when ``WAREHOUSE_DAGSTER_POSTGRES_URL`` is set: ``dagster.yaml`` then
names a variable the services get, never the URL or its password.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warehouse.transform.dbt import environment

ROOT = Path(__file__).resolve().parents[1]
BASE_YAML = ROOT / "orchestration" / "dagster.yaml"
WORKSPACE = ROOT / "workspace.yaml"
HOST = "127.0.0.1"
#: What the service adds to the instance settings ``dagster dev`` uses.
SERVICE_YAML = """
# Added by orchestration/service.py for the services (webserver and daemon as separate processes).
# A run whose worker is gone is marked failed (its code server sees the worker die; a run that never starts, or
# runs past the limit, is failed by the daemon), and a run that ended unexpectedly is retried once: a worker
# killed mid-step, not a failed gate (retry_on_asset_or_op_failure is off).
run_monitoring:
  enabled: true
  start_timeout_seconds: 180
  cancel_timeout_seconds: 180
  max_resume_run_attempts: 0
  poll_interval_seconds: 30
  max_runtime_seconds: 7200

run_retries:
  enabled: true
  max_retries: 1
  retry_on_asset_or_op_failure: false
"""
GRACE_SECONDS = 20.0
#: Where the instance's storage goes when set: a PostgreSQL URL (``postgresql://…``; the password in it, in
#: ``PGPASSWORD`` or in ``~/.pgpass``). It is never written to a file: ``dagster.yaml`` names a variable.
POSTGRES_VARIABLE = "WAREHOUSE_DAGSTER_POSTGRES_URL"
#: The variable ``dagster.yaml`` reads, set for the services from :data:`POSTGRES_VARIABLE`: the same URL for the
#: psycopg2 driver, which dagster-postgres needs (SQLAlchemy 2.1 would pick psycopg 3 for ``postgresql://``).
STORAGE_VARIABLE = "WAREHOUSE_DAGSTER_STORAGE_URL"
STORAGE_YAML = f"""
# The instance's runs, events, schedules and sensor cursors on PostgreSQL ({POSTGRES_VARIABLE}).
storage:
  postgres:
    postgres_url:
      env: {STORAGE_VARIABLE}
"""


class ServiceError(Exception):
    """The service cannot do what was asked: said in one sentence."""


@dataclass(frozen=True)
class Process:
    name: str  # daemon, webserver, webserver-read-only
    command: tuple[str, ...]
    url: str | None = None  # what a webserver serves


def instance_yaml(postgres: bool = False) -> str:
    """The instance settings of the services: those of ``dagster dev``, monitoring and retries, and the storage on
    PostgreSQL when ``postgres``."""
    return BASE_YAML.read_text(encoding="utf-8").rstrip("\n") + "\n" + SERVICE_YAML + (STORAGE_YAML if postgres else "")


def storage_env(environ: Mapping[str, str]) -> dict[str, str]:
    """The variable the instance's storage is read from, when :data:`POSTGRES_VARIABLE` is set."""
    from psycopg import conninfo
    from sqlalchemy.engine import URL

    given = environ.get(POSTGRES_VARIABLE, "")
    if not given:
        return {}
    try:
        parts = conninfo.conninfo_to_dict(given)  # a URL or key=value pairs, as libpq reads them
    except Exception:
        raise ServiceError(f"{POSTGRES_VARIABLE} is not a PostgreSQL connection string (postgresql://…)") from None
    url = URL.create(
        "postgresql+psycopg2",
        username=parts.get("user"),
        password=parts.get("password"),
        host=parts.get("host"),
        port=int(parts["port"]) if parts.get("port") else None,
        database=parts.get("dbname"),
    )
    return {STORAGE_VARIABLE: url.render_as_string(hide_password=False)}


def processes(port: int, read_only_port: int | None) -> list[Process]:
    """The processes of the service, each a command of the installed Dagster."""
    bin_dir = Path(sys.executable).parent
    workspace = ("-w", str(WORKSPACE))
    found = [Process("daemon", (str(bin_dir / "dagster-daemon"), "run", *workspace))]
    found.append(
        Process(
            "webserver",
            (str(bin_dir / "dagster-webserver"), *workspace, "-h", HOST, "-p", str(port)),
            f"http://{HOST}:{port}",
        )
    )
    if read_only_port is not None:
        found.append(
            Process(
                "webserver-read-only",
                (str(bin_dir / "dagster-webserver"), *workspace, "-h", HOST, "-p", str(read_only_port), "--read-only"),
                f"http://{HOST}:{read_only_port}",
            )
        )
    return found


def _pid_file(home: Path, name: str) -> Path:
    return home / "run" / f"{name}.pid"


def _log(home: Path, name: str) -> Path:
    return home / "logs" / f"{name}.log"


def _started(home: Path) -> dict[str, int]:
    """The process groups the service recorded under ``home``, alive or not: name → group id."""
    run = home / "run"
    files = sorted(run.glob("*.pid")) if run.exists() else []
    return {path.stem: int(path.read_text(encoding="utf-8").split()[0]) for path in files}


def group_alive(group: int) -> bool:
    """Whether a process of the group still runs (one that exited but was not yet reaped by its parent does not)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # it exited while the list was read
        if int(fields[2]) == group and fields[0] != "Z":
            return True
    return False


def running(home: Path) -> dict[str, int]:
    """The processes this service started under ``home`` that are still alive: name → process group id."""
    return {name: group for name, group in _started(home).items() if group_alive(group)}


def start(home: Path, port: int = 3000, read_only_port: int | None = None, timeout: float = 180.0) -> dict[str, str]:
    """Start the service under ``home``; returns each process's address (or its log, for the daemon)."""
    home = home.resolve()
    busy = running(home)
    if busy:
        raise ServiceError(f"the service under {home} is already running ({', '.join(busy)}): stop it first")
    for wanted in [port, read_only_port]:
        if wanted is not None and not _port_free(wanted):
            raise ServiceError(f"port {wanted} on {HOST} is taken: choose another with --port/--read-only-port")
    (home / "run").mkdir(parents=True, exist_ok=True)
    (home / "logs").mkdir(exist_ok=True)
    storage = storage_env(os.environ)
    (home / "dagster.yaml").write_text(instance_yaml(bool(storage)), encoding="utf-8")
    with environment(storage):  # this process looks at the instance as the services will read it
        _create_storage(home)
    env = {**os.environ, **storage, "DAGSTER_HOME": str(home)}
    chosen = processes(port, read_only_port)
    started: dict[str, subprocess.Popen[bytes]] = {}
    try:
        for process in chosen:
            with _log(home, process.name).open("ab") as output:
                child = subprocess.Popen(
                    process.command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
                )
            started[process.name] = child
            _pid_file(home, process.name).write_text(f"{child.pid}\n", encoding="utf-8")
        for process in chosen:
            if process.url is not None:
                wait_served(process.url, started[process.name], _log(home, process.name), timeout)
        with environment(storage):
            _wait_heartbeat(home, started["daemon"], timeout)
    except BaseException:
        stop(home)
        raise
    return {p.name: p.url or str(_log(home, p.name)) for p in chosen}


def stop(home: Path, grace: float = GRACE_SECONDS) -> list[str]:
    """Stop every process the service started under ``home``; returns the names of those that were running."""
    home = home.resolve()
    stopped = []
    for name, group in _started(home).items():
        if stop_group(group, grace):
            stopped.append(name)
        _pid_file(home, name).unlink(missing_ok=True)
    return stopped


def stop_group(group: int, grace: float = GRACE_SECONDS) -> bool:
    """End a process group (a service and the code servers and workers it started): SIGTERM, then SIGKILL after
    ``grace`` seconds. Whether it was running."""
    try:
        os.killpg(group, signal.SIGTERM)
    except ProcessLookupError:
        return False
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        with suppress(ChildProcessError):
            os.waitpid(group, os.WNOHANG)  # reap it when this process started it
        if not group_alive(group):
            return True
        time.sleep(0.2)
    with suppress(ProcessLookupError):
        os.killpg(group, signal.SIGKILL)
    with suppress(ChildProcessError):
        os.waitpid(group, 0)
    return True


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def graphql(base: str, query: str, timeout: float = 30.0, variables: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The ``data`` of a GraphQL query to the webserver at ``base``; raises on GraphQL errors."""
    request = urllib.request.Request(
        f"{base}/graphql",
        data=json.dumps({"query": query, "variables": dict(variables or {})}).encode("utf-8"),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = json.loads(response.read())
    if body.get("errors"):
        raise RuntimeError(f"GraphQL errors: {body['errors']}")
    return body["data"]


def wait_served(base: str, process: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    """Return once the webserver at ``base`` answers ``/server_info``; raise with its log's end if it exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"dagster-webserver exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{base}/server_info", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    raise TimeoutError(f"dagster-webserver did not serve {base} within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


def _create_storage(home: Path) -> None:
    """Create the instance's stores before the processes start: each would create them at once, and SQLite's
    schema migrations race (``table alembic_version already exists``)."""
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(home)) as instance:
        instance.get_runs(limit=1)
        instance.all_instigator_state()
        instance.get_daemon_heartbeats()


def _wait_heartbeat(home: Path, daemon: subprocess.Popen[bytes], timeout: float) -> None:
    from dagster import DagsterInstance

    deadline = time.monotonic() + timeout
    with DagsterInstance.from_config(str(home)) as instance:
        while time.monotonic() < deadline:
            if daemon.poll() is not None:
                log = _log(home, "daemon").read_text()[-3000:]
                raise RuntimeError(f"dagster-daemon exited with {daemon.returncode}:\n{log}")
            if instance.get_daemon_heartbeats():
                return
            time.sleep(0.5)
    raise TimeoutError(f"dagster-daemon sent no heartbeat within {timeout:.0f} s (see {_log(home, 'daemon')})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bash scripts/serve.sh", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("start", "stop", "status"))
    parser.add_argument(
        "--home",
        type=Path,
        default=Path(os.environ.get("DAGSTER_HOME") or ROOT / ".dagster_home"),
        help="the instance's folder (DAGSTER_HOME; default .dagster_home)",
    )
    parser.add_argument("--port", type=int, default=3000, help="the webserver's port on 127.0.0.1 (default 3000)")
    parser.add_argument("--read-only-port", type=int, default=None, help="also a read-only webserver on this port")
    args = parser.parse_args(argv)
    try:
        if args.action == "start":
            for name, where in start(args.home, args.port, args.read_only_port).items():
                print(f"{name}: {where}")
        elif args.action == "stop":
            stopped = stop(args.home)
            print(f"stopped: {', '.join(stopped)}" if stopped else f"nothing was running under {args.home}")
        else:
            alive = running(args.home)
            print("\n".join(f"{name}: running (process group {pid})" for name, pid in alive.items()) or "not running")
            return 0 if alive else 3
    except (ServiceError, RuntimeError, TimeoutError) as error:
        print(f"serve {args.action}: {str(error).splitlines()[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
