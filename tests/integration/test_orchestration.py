"""The ingest asset materialises a partition on a real DuckDB file and reports what it read."""

from __future__ import annotations

import shutil
from pathlib import Path

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
        assert con.execute("select count(*) from raw.submissions").fetchone() == (len(clean_year.sample.files),)
