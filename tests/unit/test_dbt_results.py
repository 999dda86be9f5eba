"""What a run of dbt leaves to inspect is bounded: each run's results in a folder named by the run, the newest
``kept`` of them and no more (``WAREHOUSE_DBT_RUNS_KEPT``)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from warehouse.transform.dbt import artifacts_dir, keep_results


def test_the_newest_runs_results_are_kept_and_no_more(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    folder = artifacts_dir(db.resolve())
    (folder / "target").mkdir(parents=True)
    results = folder / "target" / "run_results.json"
    assert keep_results(db, "before any build", kept=3) is None  # no results yet: nothing kept
    for run in range(10):
        results.write_text(json.dumps({"run": run}), encoding="utf-8")
        kept = keep_results(db, f"dagster/run {run}", kept=3)
        assert kept is not None and kept.name == f"dagster_run_{run}"  # a label made a folder name
        os.utime(kept, (1_000 + run, 1_000 + run))  # runs end seconds apart
    names = sorted(p.name for p in (folder / "runs").iterdir())
    assert names == ["dagster_run_7", "dagster_run_8", "dagster_run_9"]
    for name in names:
        saved = json.loads((folder / "runs" / name / "run_results.json").read_text(encoding="utf-8"))
        assert saved == {"run": int(name[-1])}
    assert sorted(p.name for p in folder.iterdir()) == ["runs", "target"]
