"""The facts found by codebook tags hold exactly what the facts found by key patterns held.

The marts are built from the same returns (the defective sample: off-path answers, blanks and
resubmissions included) by the dbt project of the last commit before the tags and by this one,
and every mart table is compared row by row both ways (scripts/compare_marts.py).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.compare_marts import BASELINE, ROOT, compare
from tests.conftest import Ingested


def _has_baseline() -> bool:
    found = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{BASELINE}^{{commit}}"], capture_output=True)
    return found.returncode == 0


@pytest.mark.skipif(shutil.which("git") is None or not _has_baseline(), reason="needs the repository's history")
def test_tagged_facts_leave_every_mart_unchanged(defective_year: Ingested, tmp_path: Path) -> None:
    found, tables = compare(defective_year.db, work=tmp_path)
    assert {"fct_council", "fct_hub_linkage", "fct_coordinator_headcount", "fct_challenge_support"} <= set(tables)
    assert found == {}
