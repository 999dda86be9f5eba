"""The ingest asset materialises a partition on a real DuckDB file and reports what it read; it refuses an
empty year unless forced in the run config, and a working file another process writes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from subprocess import PIPE

import dagster as dg
import duckdb

from orchestration.definitions import defs, ingest_job
from orchestration.ingest_assets import raw_answers
from orchestration.resources import WarehousePaths
from tests.conftest import Ingested


def test_definitions_load() -> None:
    repo = defs.get_repository_def()
    assert repo.get_job(ingest_job.name) is not None
    assert dg.AssetKey(["raw", "answers"]) in repo.asset_graph.get_all_asset_keys()


def test_materialise_the_year(clean_year: Ingested, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(clean_year.raw, raw)
    db = tmp_path / "warehouse.duckdb"
    paths = WarehousePaths(raw_root=str(raw), working_db=str(db))
    result = dg.materialize([raw_answers], partition_key="2023", resources={"paths": paths})
    assert result.success
    metadata = result.asset_materializations_for_node("raw__answers")[0].metadata
    assert metadata["files_read"].value == len(clean_year.sample.files)
    again = dg.materialize([raw_answers], partition_key="2023", resources={"paths": paths})
    assert again.asset_materializations_for_node("raw__answers")[0].metadata["files_read"].value == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from raw.latest_submissions").fetchone() == (len(clean_year.sample.files),)


def _step_failures(result: dg.ExecuteInProcessResult) -> list[str]:
    return [event.step_failure_data.error.message for event in result.all_events if event.is_step_failure]


def test_an_empty_year_is_refused_and_force_in_the_run_config_lets_it_through(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "2023" / "municipality").mkdir(parents=True)
    paths = WarehousePaths(raw_root=str(raw), working_db=str(tmp_path / "w.duckdb"))
    refused = dg.materialize([raw_answers], partition_key="2023", resources={"paths": paths}, raise_on_error=False)
    assert not refused.success
    (message,) = _step_failures(refused)
    assert f"refused: {raw / '2023'} holds no returns" in message and "force: true" in message
    assert not (tmp_path / "w.duckdb").exists()
    forced = dg.materialize(
        [raw_answers],
        partition_key="2023",
        resources={"paths": paths},
        run_config={"resources": {"paths": {"config": {"force": True}}}},
    )
    assert forced.asset_materializations_for_node("raw__answers")[0].metadata["files_seen"].value == 0


def test_a_step_refuses_while_the_command_line_holds_the_writer_lock(clean_year: Ingested, tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    code = (
        "import sys; from pathlib import Path; from warehouse.lock import writer_lock\n"
        f"with writer_lock(Path({str(db)!r}), 'python -m warehouse run'):\n"
        "    print('holding', flush=True); sys.stdin.read()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    with subprocess.Popen([sys.executable, "-c", code], stdin=PIPE, stdout=PIPE, text=True, env=env) as other:
        assert other.stdout is not None and other.stdout.readline().strip() == "holding"
        paths = WarehousePaths(raw_root=str(clean_year.raw), working_db=str(db), lock_wait=False)
        result = dg.materialize([raw_answers], partition_key="2023", resources={"paths": paths}, raise_on_error=False)
        assert other.stdin is not None
        other.stdin.close()
    (message,) = _step_failures(result)
    assert f"{db} is being written by pid {other.pid}" in message and "python -m warehouse run" in message
    assert not db.exists()
