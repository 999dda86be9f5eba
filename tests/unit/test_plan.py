"""The plan as data: its order, which steps warm which, what runs when, and the Dagster assets that call its steps."""

from __future__ import annotations

import sys
from pathlib import Path

import dagster as dg

from orchestration import constants
from warehouse.pipeline import steps
from warehouse.pipeline.plan import PLAN, describe
from warehouse.pipeline.run import Run
from warehouse.pipeline.workers import load_beside
from warehouse.settings import Settings

ORDER = ["ingest", "lookups", "build", "gate", "cleaning_log", "verdict", "publish", "postgres", "site"]


def _run(tmp_path: Path, *, postgres_url: str = "", names: list[str] | None = None) -> Run:
    settings = Settings(raw=tmp_path / "raw", db=tmp_path / "w.duckdb", published=tmp_path / "p.duckdb")
    return Run.of(settings.override(postgres_url=postgres_url), 2023, steps=names, label="test")


def test_the_steps_run_in_the_documented_order() -> None:
    assert list(PLAN) == ORDER
    assert describe().count("\n1. ingest:") == 1
    for number, name in enumerate(ORDER, start=1):
        assert f"\n{number}. {name}: {PLAN[name].does}" in describe()


def test_a_step_warms_a_later_step_that_has_something_to_warm() -> None:
    for step in PLAN.values():
        if step.warms:
            later = PLAN[step.warms]
            assert ORDER.index(later.name) > ORDER.index(step.name), step.name
            assert later.warm is not None, step.name
    assert {name for name, step in PLAN.items() if step.worker} == set(steps.WORKERS)
    assert "starts the worker of build ahead" in describe()
    assert "starts what it loads for site ahead" in describe()  # the site runs in the runner's process


def test_a_module_loaded_beside_is_loaded_when_the_thread_ends() -> None:
    assert "this_module_does_not_exist" not in sys.modules
    load_beside("this_module_does_not_exist").join()  # a failure is left to the step: nothing raised here
    thread = load_beside("colorsys")
    thread.join()
    assert "colorsys" in sys.modules and not thread.daemon


def test_what_runs_in_the_background_never_holds_the_publication_back() -> None:
    for step in PLAN.values():
        if step.background:
            assert step.worker and not step.holds_back and not step.stops, step.name
    assert [name for name, step in PLAN.items() if step.holds_back] == [
        "ingest", "lookups", "build", "gate", "verdict", "publish"
    ]  # fmt: skip


def test_the_postgres_step_runs_only_with_a_database(tmp_path: Path) -> None:
    assert not PLAN["postgres"].runs_in(_run(tmp_path))
    assert PLAN["postgres"].runs_in(_run(tmp_path, postgres_url="postgresql://reader@127.0.0.1/warehouse"))
    single = _run(tmp_path, names=["site"])
    assert [name for name, step in PLAN.items() if step.runs_in(single)] == ["site"]


def test_every_dagster_asset_and_check_calls_a_step_of_the_plan() -> None:
    assert set(constants.STEP_OF.values()) <= set(PLAN)
    assert constants.step_of(dg.AssetKey(["marts", "fct_scenario_status"])) == "build"
    assert constants.step_of(constants.PUBLISHED) == "publish"
    assert constants.step_of_check(dg.AssetCheckKey(constants.GATE_FINDINGS, "quality_gate")) == "verdict"
    assets = {constants.step_of(key) for key in constants.STEP_OF if isinstance(key, dg.AssetKey)}
    assert assets | {"build", "verdict"} == set(ORDER), "each step is some asset's (or the gate check's)"
