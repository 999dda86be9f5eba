"""Shared fixtures: a reduced sample national year, generated and ingested once per session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from warehouse.ingest.run import IngestReport, ingest
from warehouse.sample.defects import DEFAULT_RATES
from warehouse.sample.generate import Sample, generate

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
