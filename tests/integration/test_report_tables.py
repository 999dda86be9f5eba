"""The report tables rebuild the published national figures from the answers, through dbt.

The calibrated national year is loaded into the ``raw`` schema straight from the generator (the
Excel round trip is proven by the ingest tests), so dbt counts exactly what the generator dealt.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from warehouse.codebook import load_edition
from warehouse.codebook.charts import MISPRINTED_N, matches
from warehouse.ingest.store import connect
from warehouse.sample.generate import Sample, deal
from warehouse.transform.dbt import build, write_lookups

EDITION = 2023


def load_directly(db: Path, sample: Sample) -> None:
    """Write the sample's answers as the ingest would store them, one row per answered cell."""
    now = dt.datetime(2023, 9, 1)
    submissions, answers = [], []
    codebooks = load_edition(sample.edition)
    for rid, r in sample.respondents.items():
        cb = codebooks[r.form]
        sid = f"direct:{rid}"
        key = f"{r.form}:{r.code}:{r.file_stem}"
        kind = "prefecture" if len(r.code) == 2 else "municipality"
        submissions.append(
            {
                "submission_id": sid, "fiscal_year": sample.edition, "form": r.form, "respondent_key": key,
                "file_family": r.file_stem, "respondent_code": r.code, "respondent_kind": kind,
                "prefecture_code": r.prefecture_code, "municipality_code": r.code if kind == "municipality" else None,
                "identity_status": "ok", "file_path": f"direct/{r.file_stem}.xlsx", "file_sha256": sid,
                "file_mtime": now, "sheet": cb.sheet, "template_id": cb.template_id, "ingested_at": now,
            }
        )  # fmt: skip
        for item in cb.items:
            value = sample.answers[rid].get(item.key)
            if value is None or value == "" or value == frozenset():
                continue
            base = {"submission_id": sid, "fiscal_year": sample.edition, "form": r.form, "respondent_key": key,
                    "item_key": item.key, "sheet": cb.sheet, "file_path": f"direct/{r.file_stem}.xlsx",
                    "file_sha256": sid, "reader_engine": "direct", "ingested_at": now}  # fmt: skip
            if item.type == "multiple":
                for code in sorted(value):
                    cell = item.option(code).cell
                    answers.append({**base, "option_code": code, "cell": cell, "value": "1", "value_number": 1.0})
            else:
                number = float(value) if item.type in ("single", "number") else None
                answers.append({**base, "cell": item.cell, "value": str(value), "value_number": number})
    with connect(db) as con:
        for table, rows in (("submissions", submissions), ("answers", answers)):
            frame = pd.DataFrame(rows)
            columns = ", ".join(frame.columns)
            con.execute(f"insert into raw.{table} ({columns}) select {columns} from frame")


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("national") / "warehouse.duckdb"
    load_directly(db, deal(EDITION, seed=5))
    write_lookups(db)
    report = build(db, select=["+rpt_published_charts"])
    assert report.success, report.failures
    return db


def test_every_high_confidence_row_is_rebuilt(national: Path) -> None:
    with duckdb.connect(str(national), read_only=True) as con:
        rows = con.execute(
            """
            select form, question_id, chart_title, option_label, n, n_printed, respondents, percent_printed
            from report.rpt_published_charts
            where confidence = 'high' and value_kind <> 'unknown' and population not in ('core', 'field')
            """
        ).fetchall()
    assert len(rows) > 1000
    failures = []
    for form, question, title, label, n, n_printed, k, printed in rows:
        expected_n = MISPRINTED_N.get((EDITION, form, question), n_printed)
        if n != expected_n or not matches(k, n_printed if n == n_printed else n, printed):
            failures.append(f"{form} {question} {title} {label}: {k}/{n} vs {printed}% of {n_printed}")
    assert failures == []
