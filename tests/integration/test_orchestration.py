"""The ingest asset materialises a partition on a real DuckDB file and reports what it read; it refuses an
empty year unless forced in the run config, and a working file another process writes; publishing
refuses a sharp drop in returns until forced."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from subprocess import PIPE
from typing import Any

import dagster as dg
import duckdb
import pytest
import yaml

from orchestration.definitions import build_definitions
from orchestration.ingest_assets import raw_answers
from orchestration.resources import WarehouseSettings
from tests.conftest import Ingested
from warehouse.pipeline.refusals import RESPONDENTS_KEY, respondents_metadata
from warehouse.publish.swap import publish, read_publication
from warehouse.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_definitions_load() -> None:
    repo = build_definitions(Settings()).get_repository_def()
    assert repo.get_job("ingest_returns") is not None
    assert dg.AssetKey(["raw", "answers"]) in repo.asset_graph.get_all_asset_keys()


def test_materialise_the_year(clean_year: Ingested, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(clean_year.raw, raw)
    db = tmp_path / "warehouse.duckdb"
    paths = WarehouseSettings(raw=str(raw), db=str(db))
    result = dg.materialize([raw_answers], partition_key="2023", resources={"warehouse": paths})
    assert result.success
    metadata = result.asset_materializations_for_node("raw__answers")[0].metadata
    assert metadata["files_read"].value == len(clean_year.sample.files)
    again = dg.materialize([raw_answers], partition_key="2023", resources={"warehouse": paths})
    assert again.asset_materializations_for_node("raw__answers")[0].metadata["files_read"].value == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from raw.submissions").fetchone() == (len(clean_year.sample.files),)


def _step_failures(result: dg.ExecuteInProcessResult) -> list[str]:
    return [event.step_failure_data.error.message for event in result.all_events if event.is_step_failure]


def _forced(paths: WarehouseSettings) -> dict[str, Any]:
    """Run config forcing the refusals: the launchpad's, whose other fields default to the environment's
    settings, so a test gives them all."""
    config = {name: getattr(paths, name) for name in ("raw", "db", "published", "cleaning_log")}
    return {"resources": {"warehouse": {"config": {**config, "force": True}}}}


def test_an_empty_year_is_refused_and_force_in_the_run_config_lets_it_through(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "2023" / "municipality").mkdir(parents=True)
    paths = WarehouseSettings(raw=str(raw), db=str(tmp_path / "w.duckdb"))
    refused = dg.materialize([raw_answers], partition_key="2023", resources={"warehouse": paths}, raise_on_error=False)
    assert not refused.success
    (message,) = _step_failures(refused)
    assert f"refused: {raw / '2023'} holds no returns" in message and "force: true" in message
    assert not (tmp_path / "w.duckdb").exists()
    forced = dg.materialize(
        [raw_answers], partition_key="2023", resources={"warehouse": paths}, run_config=_forced(paths)
    )
    assert forced.asset_materializations_for_node("raw__answers")[0].metadata["files_seen"].value == 0
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from raw.ingest_runs").fetchone() == (1,)


def test_a_step_refuses_while_the_command_line_holds_the_writer_lock(clean_year: Ingested, tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    code = (
        "import sys; from pathlib import Path; from warehouse.pipeline.lock import writer_lock\n"
        f"with writer_lock(Path({str(db)!r}), 'python -m warehouse run'):\n"
        "    print('holding', flush=True); sys.stdin.read()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    with subprocess.Popen([sys.executable, "-c", code], stdin=PIPE, stdout=PIPE, text=True, env=env) as other:
        assert other.stdout is not None and other.stdout.readline().strip() == "holding"
        paths = WarehouseSettings(raw=str(clean_year.raw), db=str(db), lock_wait=False)
        result = dg.materialize(
            [raw_answers], partition_key="2023", resources={"warehouse": paths}, raise_on_error=False
        )
        assert other.stdin is not None
        other.stdin.close()
    (message,) = _step_failures(result)
    assert f"{db} is being written by pid {other.pid}" in message and "python -m warehouse run" in message
    assert not db.exists()


@pytest.mark.slow
def test_publishing_a_sharp_drop_is_refused_until_forced_in_the_run_config(
    clean_year: Ingested, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last publication counted ten thousand municipalities; the returns now hold a few dozen."""
    monkeypatch.setenv("DBT_TARGET_PATH", str(tmp_path / "dbt_target"))
    monkeypatch.setenv("GX_ANALYTICS_ENABLED", "false")
    monkeypatch.setenv("WAREHOUSE_ALERT_LOG", str(tmp_path / "alerts.jsonl"))
    last = tmp_path / "published.duckdb"
    publish(clean_year.db, last, ["raw"], metadata=respondents_metadata({2023: {"municipality": 10_000}}))
    before = last.read_bytes()
    shutil.copytree(clean_year.raw, tmp_path / "raw")
    chosen = Settings(
        raw=tmp_path / "raw", db=tmp_path / "warehouse.duckdb", published=last, cleaning_log=tmp_path / "cleaning_log"
    )
    paths = WarehouseSettings.from_settings(chosen)
    definitions = build_definitions(chosen)
    settings = yaml.safe_load((ROOT / "orchestration" / "dagster.yaml").read_text(encoding="utf-8"))
    (tmp_path / "dagster_home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "dagster_home"), overrides=settings) as instance:
        refused = definitions.resolve_job_def("full_refresh").execute_in_process(
            instance=instance, partition_key="2023", raise_on_error=False
        )
        assert not refused.success
        (message,) = _step_failures(refused)
        assert "refused: fiscal year 2023 has" in message and "against 10,000" in message
        assert last.read_bytes() == before
        forced = definitions.resolve_job_def("publish").execute_in_process(instance=instance, run_config=_forced(paths))
        assert forced.success
    meta = read_publication(last)
    assert meta is not None and meta["run_id"] == forced.run_id
    written = sum(1 for rid in clean_year.sample.files if clean_year.sample.respondents[rid].form == "municipality")
    assert json.loads(meta[RESPONDENTS_KEY])["2023"]["municipality"] == written
