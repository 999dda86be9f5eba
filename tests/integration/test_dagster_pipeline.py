"""The whole pipeline as Dagster runs it, on a real instance, real dbt and real DuckDB files.

One instance and one analysts' file are shared by the tests of this module, like a deployment over a season:
the clean year is published (fixture ``clean_run``); then a defective year stops before publishing, alerts a
webhook on loopback and leaves that publication as it was (``failed_run``); publishing alone after the failed gate
is refused and the run-failure alert goes out; once the gate passes, the ``publish`` job publishes again.  The two
runs are fixtures, so each test runs alone or in any order; each test compares the file with what it was before
its own runs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
import pytest
import yaml

from orchestration.constants import (
    ALERTED_TAG,
    CLEANING_LOG,
    DESCRIPTION_TAG,
    GATE_FINDINGS,
    PUBLISHED,
    RAW_ANSWERS,
    SITE,
)
from orchestration.dbt_assets import PUBLISHED_LAYERS, build_dbt_models, keys_in, prepare_manifest
from orchestration.definitions import build_definitions
from orchestration.publish_assets import build_published
from orchestration.resources import WarehouseSettings
from orchestration.sensors import build_alert_on_run_failure
from tests.conftest import Ingested
from warehouse.publish import read_publication
from warehouse.settings import Settings
from warehouse.transform.dbt import artifacts_dir

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
GATE_CHECKS = {"quality_gate", "hard_rules", "soft_rules"}


class Receiver(ThreadingHTTPServer):
    alerts: list[dict[str, Any]]


class Handler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.alerts.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def published_keys() -> tuple[dg.AssetKey, ...]:
    return keys_in(build_dbt_models(), PUBLISHED_LAYERS)


@dataclass
class Season:
    """What the tests of this module share: the instance, the webhook receiver and the analysts' file."""

    root: Path
    home: Path
    instance: dg.DagsterInstance
    receiver: Receiver
    published: Path

    def paths(self, name: str, year: Ingested, *, with_db: bool = False) -> Settings:
        """A working area of its own for ``year`` (its returns copied; its ingested file too if asked)."""
        area = self.root / name
        if not area.exists():
            shutil.copytree(year.raw, area / "raw")
            if with_db:
                shutil.copy(year.db, area / "warehouse.duckdb")
        return Settings.from_env().override(
            raw=area / "raw", db=area / "warehouse.duckdb", published=self.published, cleaning_log=area / "cleaning_log"
        )

    def run(
        self, job: str, paths: Settings, partition: str | None = None, *, dbt_tests: bool = True
    ) -> dg.ExecuteInProcessResult:
        """``job`` on ``paths``; without ``dbt_tests`` its checks are the gate's alone (dbt builds the models
        and skips its own tests), to see what the gate does by itself, faster."""
        definitions = build_definitions(paths)
        definition = definitions.resolve_job_def(job)
        if not dbt_tests:
            graph = definitions.get_repository_def().asset_graph
            definition = definition.get_subset(
                asset_selection=set(graph.get_all_asset_keys()),
                asset_check_selection={key for key in graph.asset_check_keys if key.name in GATE_CHECKS},
            )
        return definition.execute_in_process(instance=self.instance, partition_key=partition, raise_on_error=False)

    def failure_sensor(self, result: dg.ExecuteInProcessResult) -> Any:
        alert_on_run_failure = build_alert_on_run_failure(Settings.from_env().override(published=self.published))
        context = dg.build_run_status_sensor_context(
            sensor_name=alert_on_run_failure.name,
            dagster_event=result.get_run_failure_event(),
            dagster_instance=self.instance,
            dagster_run=result.dagster_run,
        ).for_run_failure()
        return alert_on_run_failure(context)


@pytest.fixture(scope="module")
def season(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Season]:
    root = tmp_path_factory.mktemp("season")
    receiver = Receiver(("127.0.0.1", 0), Handler)
    receiver.alerts = []
    thread = threading.Thread(target=receiver.serve_forever, daemon=True)
    thread.start()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("WAREHOUSE_ALERT_SINK", "webhook")
        env.setenv("WAREHOUSE_ALERT_WEBHOOK_URL", f"http://127.0.0.1:{receiver.server_address[1]}/alerts")
        env.setenv("DBT_TARGET_PATH", str(root / "dbt_target"))  # dbt's per-run artifacts, out of the repository
        env.setenv("GX_ANALYTICS_ENABLED", "false")
        home = root / "dagster_home"
        home.mkdir()
        settings = yaml.safe_load((ROOT / "orchestration" / "dagster.yaml").read_text(encoding="utf-8"))
        with dg.instance_for_test(temp_dir=str(home), overrides=settings) as instance:
            yield Season(root, home, instance, receiver, root / "published.duckdb")
    receiver.shutdown()
    receiver.server_close()
    thread.join(timeout=10)


def _materialized(result: dg.ExecuteInProcessResult) -> list[dg.AssetKey]:
    return [event.asset_key for event in result.get_asset_materialization_events() if event.asset_key]


def _metadata(result: dg.ExecuteInProcessResult, key: dg.AssetKey) -> dict[str, Any]:
    for event in result.get_asset_materialization_events():
        if event.asset_key == key:
            return {name: value.value for name, value in event.materialization.metadata.items()}
    raise AssertionError(f"{key.to_user_string()} was not materialised")


def _published_tables(path: Path) -> set[str]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            f"{s}.{t}" for s, t in con.execute("select schema_name, table_name from meta.publication_tables").fetchall()
        }


@dataclass(frozen=True)
class SeasonRun:
    """A run of the season, with the analysts' file and its publication just before and just after it, and the
    alerts it sent (later tests may publish again)."""

    result: dg.ExecuteInProcessResult
    paths: Settings
    published: tuple[bytes | None, bytes | None]
    publication: tuple[dict[str, Any] | None, dict[str, Any] | None]
    alerts: list[dict[str, Any]]


def _published(season: Season) -> tuple[bytes | None, dict[str, Any] | None]:
    if not season.published.exists():
        return None, None
    return season.published.read_bytes(), read_publication(season.published)


def _season_run(season: Season, paths: Settings, **options: Any) -> SeasonRun:
    before, alerts = _published(season), len(season.receiver.alerts)
    result = season.run("full_refresh", paths, partition="2023", **options)
    after = _published(season)
    return SeasonRun(result, paths, (before[0], after[0]), (before[1], after[1]), list(season.receiver.alerts[alerts:]))


@pytest.fixture(scope="module")
def clean_run(season: Season, clean_year: Ingested) -> SeasonRun:
    """The clean year refreshed in full: the season's first publication."""
    return _season_run(season, season.paths("clean", clean_year))


@pytest.fixture(scope="module")
def failed_run(season: Season, clean_run: SeasonRun, defective_year: Ingested) -> SeasonRun:
    """A defective year refreshed after the clean year's publication: its gate fails."""
    return _season_run(season, season.paths("defective", defective_year, with_db=True), dbt_tests=False)


def test_full_refresh_publishes_the_clean_year(season: Season, clean_run: SeasonRun, clean_year: Ingested) -> None:
    result, paths = clean_run.result, clean_run.paths
    assert result.success

    everything = build_definitions(paths).get_repository_def().asset_graph.get_all_asset_keys()
    order = _materialized(result)
    assert set(order) == set(everything)
    first = {key: order.index(key) for key in reversed(order)}
    dbt_keys = [
        key for key in everything if key.path[0] in ("staging", "intermediate", "marts", "report", "provenance")
    ]
    lookup_keys = [key for key in everything if key.path[0] in ("codebook", "reference")]
    assert max(first[k] for k in [RAW_ANSWERS, *lookup_keys]) < min(first[k] for k in dbt_keys)
    assert max(first[k] for k in dbt_keys) < first[GATE_FINDINGS] < first[CLEANING_LOG] < first[PUBLISHED]

    checks = result.get_asset_check_evaluations()
    gate_checks = [c for c in checks if c.check_name in ("quality_gate", "hard_rules")]
    assert {c.asset_key for c in gate_checks} == {GATE_FINDINGS}
    assert len(gate_checks) == 2 and all(c.passed for c in gate_checks)
    assert all(c.passed for c in checks if c.severity == dg.AssetCheckSeverity.ERROR)
    manifest = json.loads(prepare_manifest().read_text(encoding="utf-8"))
    dbt_tests = [node for node in manifest["nodes"].values() if node["resource_type"] == "test"]
    assert {c.check_name for c in checks} >= {test["name"] for test in dbt_tests}  # every dbt test, as a check

    ingest = _metadata(result, RAW_ANSWERS)
    assert ingest["files_read"] == len(clean_year.sample.files)
    mart = _metadata(result, dg.AssetKey(["marts", "fct_scenario_status"]))  # a mart the 2023 sample fills
    assert mart["dagster/row_count"] > 0
    assert mart["preview"].startswith("| ")
    gate = _metadata(result, GATE_FINDINGS)
    assert gate["passed"] is True
    assert gate["hard_rules_failed"] == []

    publication = clean_run.publication[1]  # as this run left it (a later test may publish again)
    assert publication is not None
    assert publication["run_id"] == result.run_id
    assert publication["gate_run_id"] == f"{result.run_id}-2023"
    tables = _published_tables(season.published)
    assert {".".join(key.path) for key in published_keys()} <= tables
    assert {table.split(".")[0] for table in tables} == {"marts", "report", "provenance", "gate"}, (
        "the gate's flags travel along"
    )
    assert _metadata(result, PUBLISHED)["tables"] == len(tables)

    workbooks = sorted((paths.cleaning_log / "2023").glob("2023_*.xlsx"))
    assert workbooks, "the cleaning log is written on every run"
    assert clean_run.alerts == []


def test_defective_year_stops_before_publish_and_alerts(season: Season, failed_run: SeasonRun) -> None:
    result, paths = failed_run.result, failed_run.paths
    assert not result.success

    materialized = set(_materialized(result))
    assert {GATE_FINDINGS, CLEANING_LOG, *published_keys()} <= materialized
    assert PUBLISHED not in materialized
    # the blocking quality_gate kept published from running at all
    steps = {event.step_key: event.event_type_value for event in result.all_events if event.is_step_event}
    assert steps.get("published") in (None, "STEP_SKIPPED"), steps.get("published")

    checks = {c.check_name: c for c in result.get_asset_check_evaluations()}
    assert not checks["hard_rules"].passed and checks["hard_rules"].severity == dg.AssetCheckSeverity.ERROR
    assert checks["hard_rules"].asset_key == GATE_FINDINGS, "the findings asset's own check fails"
    assert not checks["quality_gate"].passed

    # one failure, in quality_gate, whose message names the hard rules with their counts, files and workbooks
    [failure] = result.get_step_failure_events()
    message = failure.step_failure_data.user_failure_data.description
    hard_rules = _metadata(result, GATE_FINDINGS)["hard_rules_failed"]
    assert hard_rules, "unknown respondent codes are hard failures"
    with duckdb.connect(str(paths.db), read_only=True) as con:
        broken = dict(
            con.execute("select rule, broken from gate.rule_results where severity = 'hard' and not success").fetchall()
        )
        files = {
            Path(f).name
            for (f,) in con.execute("select distinct file_path from gate.findings where severity = 'hard'").fetchall()
        }
    assert {rule.split(": ", 1)[1] for rule in hard_rules} == set(broken)
    for rule, count in broken.items():
        assert f"hard {rule} [" in message and f"]: {count:,} of " in message, rule
    assert "soft " not in message.split("respondents concerned")[0], "soft rules are not listed among the hard"
    assert any(name in message for name in files), "the files concerned are named"
    workbooks = [line.strip() for line in message.splitlines() if line.strip().endswith("_疑義照会.xlsx")]
    assert workbooks and all(Path(w).is_file() and Path(w).parent == paths.cleaning_log / "2023" for w in workbooks)
    run_failure = result.get_run_failure_event().message or ""
    assert run_failure.count("quality_gate") == 1, run_failure

    assert failed_run.published[0] is not None and failed_run.published[1] == failed_run.published[0]
    assert failed_run.publication[1] == failed_run.publication[0]

    [alert] = failed_run.alerts
    assert alert["kind"] == "gate_failed"
    assert alert["run_id"] == result.run_id
    assert alert["fiscal_year"] == 2023
    assert alert["counts"]["hard"] > 0
    hard_in_alert = [r for r in alert["failed_rules"] if r["severity"] == "hard"]
    assert {r["rule"]: r["count"] for r in hard_in_alert} == broken
    assert alert["failed_rules"][: len(broken)] == hard_in_alert, "hard rules first, each with its severity"
    assert {r["severity"] for r in alert["failed_rules"]} <= {"hard", "soft"}, "the severities of gate.yaml"
    assert alert["workbooks"] == workbooks, "the same workbooks as the failure message"
    assert alert["cleaning_log"] == str(paths.cleaning_log / "2023")
    assert any(line.startswith("Respondents concerned (") for line in alert["summary"])
    for rule in broken:
        assert f"  - {rule}: " in alert["text"]

    run = season.instance.get_run_by_id(result.run_id)
    assert run is not None
    assert run.tags[ALERTED_TAG] == "gate_failed"
    alerts = len(season.receiver.alerts)
    skipped = season.failure_sensor(result)
    assert isinstance(skipped, dg.SkipReason)
    assert len(season.receiver.alerts) == alerts, "one alert per failed gate, not a second for the failed run"


@pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("WAREHOUSE_REQUIRE_CHROMIUM"),
    reason="/usr/bin/chromium is not installed",
)
def test_the_failed_run_and_the_sensor_read_well_in_the_ui(
    season: Season, failed_run: SeasonRun, defective_year: Ingested, screenshots: Path
) -> None:
    """``dagster dev`` on the season's instance: the sensor's first tick requests a run for a corrected return
    (left queued), its cursor is short and the run's tags name the file and say what happened to it; the
    launch dialog opened from the job's description is set on the latest year; Chromium draws the pages."""
    raw = season.root / "dropped" / "raw"
    source = sorted((defective_year.raw / "2023" / "municipality").glob("*.xlsx"))[0]
    dropped = raw / "2023" / "municipality" / f"{source.stem}__corrected.xlsx"
    dropped.parent.mkdir(parents=True)
    shutil.copy(source, dropped)
    report = season.root / "ui.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshot_runs.py"), "--home", str(season.home), "--raw", str(raw),
         "--run", failed_run.result.run_id, "--out", str(screenshots), "--report", str(report)],
        cwd=ROOT, capture_output=True, text=True, timeout=400,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    served = json.loads(report.read_text(encoding="utf-8"))
    cursor = served["sensor"]["sensorState"]["typeSpecificData"]["lastCursor"]
    assert cursor.startswith("1 file; state ") and len(cursor) < 40, cursor
    [run] = served["requested_runs"]
    tags = {tag["key"]: tag["value"] for tag in run["tags"]}
    assert tags["warehouse/changed_files"] == dropped.name
    assert (tags["warehouse/changed_count"], tags["dagster/partition"]) == ("1", "2023")
    assert tags[DESCRIPTION_TAG] == f"raw/2023: 1 new ({dropped.name})"
    dialog = served["launch_dialog"]  # opened from the link in full_refresh's description, as a person would
    assert dialog["link"].endswith("/locations/warehouse/jobs/full_refresh?partition=2023"), "the year with returns"
    assert (dialog["selected"], dialog["launch"]) == (["2023"], ["Launch 1 run"])
    for name in ("failed_run", "sensor", "runs", "launch_link", "launch_dialog"):
        shot = screenshots / f"{name}.png"
        assert served["screenshots"][name] == str(shot)
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000, name


def test_publishing_alone_after_a_failed_gate_is_refused(season: Season, failed_run: SeasonRun) -> None:
    paths = failed_run.paths
    before, published_before = len(season.receiver.alerts), season.published.read_bytes()
    published = build_published(published_keys())
    resources = {"warehouse": WarehouseSettings.from_settings(paths)}
    result = dg.materialize([published], instance=season.instance, resources=resources, raise_on_error=False)
    assert not result.success
    [failure] = result.get_step_failure_events()
    assert "publication held back" in failure.step_failure_data.error.message
    assert season.published.read_bytes() == published_before

    assert season.failure_sensor(result) is None
    [alert] = season.receiver.alerts[before:]
    assert alert["kind"] == "run_failed"
    assert alert["run_id"] == result.run_id
    assert any("publication held back" in line for line in alert["summary"])


def test_publish_job_blocks_then_publishes_once_the_gate_passes(
    season: Season, clean_run: SeasonRun, failed_run: SeasonRun
) -> None:
    published_before, publication_before = _published(season)
    blocked = season.run("publish", failed_run.paths)
    assert not blocked.success
    assert PUBLISHED not in set(_materialized(blocked))
    assert season.published.read_bytes() == published_before

    result = season.run("publish", clean_run.paths)
    assert result.success
    assert set(_materialized(result)) == {GATE_FINDINGS, CLEANING_LOG, PUBLISHED, SITE}  # and what reads it
    publication = read_publication(season.published)
    assert publication is not None
    assert publication["run_id"] == result.run_id
    assert publication_before is not None
    assert publication["published_at"] > publication_before["published_at"]


def test_the_dbt_results_of_the_last_runs_are_kept_and_no_more(season: Season, clean_run: SeasonRun) -> None:
    """Runs that build a model through Dagster: the working file's dbt folder keeps the results of the last ones
    (as configured in the warehouse resource), one folder per run named by its id, and one target folder whatever the
    number of runs (which folders are kept, the pure part, is tested on its own in tests/unit/test_dbt_results)."""
    paths = clean_run.paths.override(dbt_runs_kept=1)
    model = dg.AssetKey(["intermediate", "int_prefecture__populations"])  # no dbt tests: the cheapest to run
    definitions = build_definitions(paths)
    job = definitions.resolve_implicit_global_asset_job_def().get_subset(asset_selection={model})
    runs = [job.execute_in_process(instance=season.instance).run_id for _ in range(2)]
    folder = artifacts_dir(paths.db.resolve())
    kept = sorted(p.name for p in (folder / "runs").iterdir())
    assert kept == runs[-1:]
    assert all((folder / "runs" / run / "run_results.json").is_file() for run in kept)
    assert sorted(p.name for p in folder.iterdir()) == ["logs", "runs", "target"]
