"""The code location's shape, snapshotted so that a change to the asset graph shows up in review:
asset keys with their groups, dependencies and pools, the checks the orchestration adds (dbt's tests,
also checks, belong to the dbt project and are left out), the jobs with their selections, the schedule
and the sensors.

After an intended change: ``python -m pytest tests/integration/test_dagster_graph.py --snapshot-update``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import dagster as dg
import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.json import JSONSnapshotExtension

from orchestration.constants import GATE_FINDINGS, WRITER_POOL
from orchestration.definitions import build_definitions
from orchestration.resources import steps_selected
from warehouse.codebook import FORMS
from warehouse.pipeline.plan import PLAN
from warehouse.settings import Settings

pytestmark = pytest.mark.slow  # the code location, which parses the dbt project

DBT_TEST = "dbt_test"


@pytest.fixture(scope="module")
def defs() -> dg.Definitions:
    """The code location on the repository's default settings."""
    return build_definitions(Settings())


@pytest.fixture
def snapshot_json(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(JSONSnapshotExtension)


def _key(key: dg.AssetKey) -> str:
    return key.to_user_string()


def _check_kind(graph: Any, check_key: dg.AssetCheckKey) -> str:
    """The gate's own checks by name; dbt's tests (named after dbt's test nodes) as one kind."""
    node = graph.get(check_key)
    return DBT_TEST if "dagster_dbt/unique_id" in node.metadata else check_key.name


def describe(definitions: dg.Definitions) -> dict[str, Any]:
    graph = definitions.resolve_asset_graph()
    assets = {}
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.path):
        node = graph.get(key)
        kinds = Counter(kind for kind in (_check_kind(graph, check) for check in node.check_keys) if kind != DBT_TEST)
        assets[_key(key)] = {
            "group": node.group_name,
            "partitions": node.partitions_def.get_partition_keys() if node.partitions_def else None,
            "deps": sorted(_key(parent) for parent in node.parent_keys),
            "pools": sorted(node.pools or []),
            "checks": {
                kind: {
                    "count": count,
                    "blocking": sorted(
                        {graph.get(c).blocking for c in node.check_keys if _check_kind(graph, c) == kind}
                    ),
                }
                for kind, count in sorted(kinds.items())
            },
        }
    jobs = {}
    for job in sorted(definitions.resolve_all_job_defs(), key=lambda j: j.name):
        if job.name.startswith("__"):
            continue
        checks = Counter(_check_kind(graph, c) for c in job.asset_layer.asset_graph.asset_check_keys)
        jobs[job.name] = {
            "assets": sorted(_key(k) for k in job.asset_layer.executable_asset_keys),
            "checks": {kind: count for kind, count in sorted(checks.items()) if kind != DBT_TEST},
            "dbt_tests": checks[DBT_TEST] > 0,
            "partitioned": job.partitions_def is not None,
        }
    schedules = {
        s.name: {
            "cron": s.cron_schedule,
            "timezone": s.execution_timezone,
            "job": s.job_name,
            "default": s.default_status.value,
        }
        for s in definitions.schedules or []
    }
    sensors = {
        s.name: {
            "type": type(s).__name__,
            "jobs": sorted(t.job_name for t in s.targets) if s.targets else [],
            "default": s.default_status.value,
            "minimum_interval_seconds": s.minimum_interval_seconds,
        }
        for s in definitions.sensors or []
    }
    return {"assets": assets, "jobs": jobs, "schedules": schedules, "sensors": sensors}


def test_code_location_shape(defs: dg.Definitions, snapshot_json: SnapshotAssertion) -> None:
    assert describe(defs) == snapshot_json


def test_every_step_is_in_the_writer_pool(defs: dg.Definitions) -> None:
    """Every step opens the working DuckDB file (read-write, or read-only, which also conflicts with a
    writer in another process), so every step holds the pool's one slot."""
    graph = defs.resolve_asset_graph()
    pools = {key: graph.get(key).pools for key in graph.executable_asset_keys}
    assert pools and all(p == {WRITER_POOL} for p in pools.values()), pools
    check_pools = {checks_def.node_def.name: checks_def.node_def.pool for checks_def in defs.asset_checks or []}
    assert check_pools and set(check_pools.values()) == {WRITER_POOL}, check_pools


def test_publishing_waits_for_the_gate_which_checks_its_findings(defs: dg.Definitions) -> None:
    graph = defs.resolve_asset_graph()
    published = {key for key in graph.get_all_asset_keys() if key.path[0] in ("marts", "report", "provenance")}
    findings = dg.AssetKey(["gate", "findings"])
    gate_checks = {c.name for c in graph.asset_check_keys if c.asset_key == findings}
    assert {"quality_gate", "hard_rules", "soft_rules"} <= gate_checks
    parents = set(graph.get(dg.AssetKey("published")).parent_keys)
    assert published and published | {findings, dg.AssetKey(["gate", "cleaning_log"])} <= parents


def test_a_rule_change_is_a_new_code_version_of_the_models_of_its_form(defs: dg.Definitions) -> None:
    """The per-form models carry the rules in their SQL (generated from the codebook, a unit test holds them to
    it), so the code version Dagster shows is their code's (dagster-dbt's: SHA-1 of the SQL as dbt read it): a
    rule change shows as changed code upstream."""
    import hashlib

    from warehouse.codebook.dbt_models import files

    graph = defs.resolve_asset_graph()
    generated = {path.stem: path for path in files() if path.suffix == ".sql"}
    for name, path in generated.items():
        node = graph.get(dg.AssetKey(["intermediate", name]))
        code = path.read_text(encoding="utf-8").strip()
        assert node.code_version == hashlib.sha1(code.encode()).hexdigest(), name
    assert {f"int_{form}__rule_checks" for form in FORMS} <= set(generated)


def test_a_run_of_a_whole_job_executes_the_steps_of_its_assets(defs: dg.Definitions) -> None:
    """A step warms the next step's worker only when the run executes it: a whole job's run, whose selection
    Dagster leaves unset or empty, executes every step of its assets and checks (a subset, its own)."""
    everything = set(PLAN) - {"postgres"}  # the default settings name no PostgreSQL database: no such asset
    full_refresh, publish = defs.resolve_job_def("full_refresh"), defs.resolve_job_def("publish")
    for whole in (None, frozenset()):
        assert steps_selected(full_refresh, whole, None) == everything
        assert steps_selected(publish, whole, None) == {"gate", "cleaning_log", "verdict", "publish", "site"}
    assert steps_selected(full_refresh, frozenset({dg.AssetKey(["marts", "fct_scenario_status"])}), None) == {"build"}
    gate = {GATE_FINDINGS}
    check = dg.AssetCheckKey(GATE_FINDINGS, "quality_gate")
    assert steps_selected(full_refresh, frozenset(gate), frozenset({check})) == {"gate", "verdict"}
