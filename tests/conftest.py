"""Shared fixtures: a reduced sample national year, generated and ingested once per session."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.direct_load import load_directly
from tests.runs import refresh_files
from warehouse.gate.run import QUALITY_MODELS
from warehouse.ingest.run import IngestReport, ingest
from warehouse.pipeline.state import RefreshReport
from warehouse.sample.defects import DEFAULT_RATES
from warehouse.sample.generate import Sample, deal, generate
from warehouse.transform.dbt import build, write_lookups

#: The test files that create PostgreSQL roles: roles belong to the server, not to one test's database, so these
#: files run one after the other even when the suite is spread over processes.
ROLE_FILES = {"test_postgres.py", "test_postgres_access.py", "test_secrets.py"}


#: The shared fixtures that build dbt models or run a whole refresh: a test that uses one is ``slow``, left out of
#: the inner loop (``pytest -m "not slow"``) wherever it is written.  Tests that build or refresh by themselves,
#: or through a fixture of their own module, carry the mark in their module.
BUILDING_FIXTURES = frozenset({"refreshed", "national", "every_edition", "across_years", "project"})
INTEGRATION = Path(__file__).parent / "integration"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks from where a test is and what it uses: ``integration`` for every test under ``tests/integration``,
    ``slow`` for those that use a :data:`BUILDING_FIXTURES`.  Spread over processes (``-n 2 --dist loadgroup``),
    a test file stays in one process, so that its module fixtures are built once, and the files that create
    roles share one."""
    for item in items:
        if item.path.is_relative_to(INTEGRATION):
            item.add_marker(pytest.mark.integration)
        if BUILDING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
        item.add_marker(pytest.mark.xdist_group("postgres_roles" if item.path.name in ROLE_FILES else item.path.name))


REDUCED = 0.07  # about 3 prefectures: the prefecture, its municipalities and their coordinators


@dataclass
class Ingested:
    raw: Path
    db: Path
    sample: Sample
    report: IngestReport


@pytest.fixture(scope="session")
def clean_year(tmp_path_factory: pytest.TempPathFactory) -> Ingested:
    root = tmp_path_factory.mktemp("clean")
    sample = generate(root / "raw", 2023, seed=11, scale=REDUCED)
    report = ingest(root / "warehouse.duckdb", root / "raw", 2023)
    return Ingested(root / "raw", root / "warehouse.duckdb", sample, report)


@pytest.fixture(scope="session")
def defective_year(tmp_path_factory: pytest.TempPathFactory) -> Ingested:
    root = tmp_path_factory.mktemp("defective")
    rates = {kind: min(1.0, rate * 15) for kind, rate in DEFAULT_RATES.items()}
    sample = generate(root / "raw", 2023, seed=12, scale=REDUCED, defect_rates=rates)
    report = ingest(root / "warehouse.duckdb", root / "raw", 2023)
    return Ingested(root / "raw", root / "warehouse.duckdb", sample, report)


#: The dbt models the report and gate tests read (and everything upstream of them).
GATE_AND_REPORT = [
    "+rpt_published_charts",
    "+int_prefecture__rule_checks",
    "+int_municipality__rule_checks",
    "+int_coordinator__rule_checks",
    QUALITY_MODELS,
]


@pytest.fixture(scope="session")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The calibrated national year (seed 5, as published), loaded directly and built by dbt."""
    db = tmp_path_factory.mktemp("national") / "warehouse.duckdb"
    load_directly(db, deal(2023, seed=5))
    write_lookups(db)
    report = build(db, select=GATE_AND_REPORT)
    assert report.success, report.failures
    # the coordinator analysis reads facts whose tests need every dimension: run it without the tests
    report = build(db, select=["+rpt_coordinator_initiatives"], args=("run",))
    assert report.success, report.failures
    return db


@pytest.fixture(scope="session")
def refreshed(clean_year: Ingested, tmp_path_factory: pytest.TempPathFactory) -> tuple[RefreshReport, Path]:
    """The whole refresh of the reduced sample: published file, cleaning log and the ministry's site beside it
    (``<published>.parent / "site"``, every page), shared by the refresh and site tests."""
    root = tmp_path_factory.mktemp("refresh")
    shutil.copytree(clean_year.raw, root / "raw")
    published = root / "published.duckdb"
    report = refresh_files(
        root / "raw", root / "w.duckdb", published, 2023, cleaning_log=root / "cleaning_log", site_audience="ministry"
    )
    return report, published


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the browser tests write their screenshots: ``WAREHOUSE_SCREENSHOTS`` to keep them (and look at them),
    else a temporary folder, so that a test run writes nothing into the repository."""
    kept = os.environ.get("WAREHOUSE_SCREENSHOTS")
    folder = Path(kept) if kept else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
