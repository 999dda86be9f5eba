"""A municipality followed through a code change: the durable member, and a return typed with an old code.

那珂川町 (40305) became 那珂川市 (40231) on 2018-10-01.  A 2023 return typed with the town's code is
accepted, filed under the city, reported with a finding that names the code valid on 2023-08-01, and
carries the code as answered beside the durable municipality_id in the facts.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.integration.test_raw_files import BOOKS, _answers, hand_made
from warehouse.codebook import load_edition
from warehouse.gate.frames import cross_frame
from warehouse.gate.run import QUALITY_MODELS, _ingest_findings
from warehouse.ingest.run import ingest
from warehouse.transform.dbt import build, write_lookups

pytestmark = pytest.mark.slow  # a dbt build

YEAR = 2023
MODELS = ["+fct_council", "dim_municipality", "dim_municipality_code", "+dim_municipality_population", QUALITY_MODELS]
CAUTIOUS = ("build", "--indirect-selection", "cautious")  # the tests of what is built, not of other facts


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("identity")
    raw = root / "raw"
    for form in BOOKS:
        (raw / str(YEAR) / form).mkdir(parents=True)
    folder = raw / str(YEAR) / "municipality"
    answers = _answers(BOOKS["municipality"])
    hand_made(folder / "naka_old_code.xlsx", "municipality", {"municipality": "40305"}, answers)
    hand_made(folder / "kasuga.xlsx", "municipality", {"municipality": "40218"}, answers)
    db = root / "warehouse.duckdb"
    ingest(db, raw, YEAR)
    write_lookups(db)
    report = build(db, select=MODELS, args=CAUTIOUS)
    assert report.success, report.failures
    return db


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_an_old_code_is_one_member_with_the_new_one(built: Path) -> None:
    codes = _rows(
        built,
        "select municipality_code, municipality_name, valid_from, valid_to, municipality_id, successor_code "
        "from marts.dim_municipality_code where municipality_id = '402311' order by municipality_code",
    )
    assert [(c, n, str(f), str(t), m, s) for c, n, f, t, m, s in codes] == [
        ("402311", "那珂川市", "2018-10-01", "None", "402311", None),
        ("403059", "那珂川町", "None", "2018-10-01", "402311", "402311"),
    ]
    member = _rows(
        built,
        "select municipality_name, former_codes, former_names from marts.dim_municipality "
        "where municipality_id = '402311'",
    )
    assert member == [("那珂川市", ["403059"], ["那珂川町"])]
    (count,) = _rows(built, "select count(*) from marts.dim_municipality")[0]
    assert count == 1741


def test_the_return_keeps_the_code_as_answered_and_joins_the_member(built: Path) -> None:
    staged = _rows(
        built,
        "select respondent_code, identity_status, prefecture_code, municipality_code, municipality_name, "
        "municipality_id from staging.stg_raw__submissions order by respondent_code",
    )
    assert staged == [
        ("40218", "ok", "40", "402184", "春日市", "402184"),
        ("40305", "ok", "40", "403059", "那珂川町", "402311"),
    ]
    facts = _rows(built, "select distinct municipality_code, municipality_id from marts.fct_council order by 1")
    assert facts == [("402184", "402184"), ("403059", "402311")]


def test_the_old_code_gets_its_finding_naming_the_valid_code(built: Path) -> None:
    with duckdb.connect(str(built), read_only=True) as con:
        findings = _ingest_findings(con, YEAR, load_edition(YEAR))
    outdated = findings[findings["rule"] == "ingest.code_not_valid_on_date"]
    assert list(outdated["respondent_code"]) == ["40305"]
    assert list(outdated["message"]) == [
        "F1の市区町村コード 40305（那珂川町）は調査時点（2023年8月1日）のコードではありません。"
        "調査時点のコードは 40231（那珂川市）です"
    ]
    assert set(findings["rule"]) == {"ingest.code_not_valid_on_date"}


def test_a_correction_typed_with_the_valid_code_replaces_the_old_code_return(built: Path, tmp_path: Path) -> None:
    """Sent again under another file name with the right code, the town's return is one respondent whose
    current return is the correction, not two municipalities."""
    raw, db = tmp_path / "raw", tmp_path / "warehouse.duckdb"
    shutil.copytree(built.parent / "raw", raw)
    shutil.copy(built, db)
    corrected = raw / str(YEAR) / "municipality" / "nakagawa_city.xlsx"
    hand_made(corrected, "municipality", {"municipality": "40231"}, _answers(BOOKS["municipality"]))
    later = time.time() + 60
    os.utime(corrected, (later, later))
    ingest(db, raw, YEAR)
    assert build(db, select=["+stg_raw__submissions"], args=("run",)).success
    keys = _rows(db, "select distinct respondent_code, respondent_key from raw.submissions order by 1")
    assert keys == [("40218", "municipality:40218"), ("40231", "municipality:40231"), ("40305", "municipality:40231")]
    current = _rows(db, "select respondent_code, municipality_id from staging.stg_raw__submissions order by 1")
    assert current == [("40218", "402184"), ("40231", "402311")]


def test_each_member_has_the_band_of_the_census_before_the_reference_date(built: Path) -> None:
    bands = _rows(
        built,
        "select population_band, population_as_of, count(*) from marts.dim_municipality_population "
        "where fiscal_year = 2023 and form = 'municipality' group by all order by min(population_band_order)",
    )
    # 国勢調査 2020 (1,741 municipalities): the counts data/SOURCE.md states for it
    assert [(b, str(d), n) for b, d, n in bands] == [
        ("5万人未満", "2020-10-01", 1216),
        ("5万人以上10万人未満", "2020-10-01", 242),
        ("10万人以上20万人未満", "2020-10-01", 153),
        ("20万人以上50万人未満", "2020-10-01", 95),
        ("50万人以上", "2020-10-01", 35),
    ]
    naka = _rows(
        built,
        "select municipality_code, population, population_band from marts.dim_municipality_population "
        "where fiscal_year = 2023 and form = 'municipality' and municipality_id = '402311'",
    )
    assert naka == [("402311", 50112, "5万人以上10万人未満")]


def test_coverage_counts_the_member_whatever_code_was_typed(built: Path) -> None:
    with duckdb.connect(str(built), read_only=True) as con:
        coverage = cross_frame(con, "coverage", YEAR)
    returned = coverage[coverage["has_returned"]]
    assert sorted(returned["municipality_code"]) == ["402184", "402311"]
    assert len(coverage[coverage["form"] == "municipality"]) == 1741
    assert len(coverage[coverage["form"] == "prefecture"]) == 47
