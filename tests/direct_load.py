"""Loading a dealt sample straight into the raw schema, as the ingest would store it.

Writing 3,485 workbooks takes minutes; the calibrated national year goes into DuckDB directly so the
dbt models and the gate can be tested on it in seconds. The Excel round trip is proven elsewhere.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from warehouse.codebook import load_edition
from warehouse.db import connect
from warehouse.ingest.store import prepare
from warehouse.sample.generate import Sample


def load_directly(db: Path, sample: Sample) -> None:
    """Write the sample's answers as the ingest would store them, one row per answered cell."""
    now = dt.datetime(2023, 9, 1)
    submissions, answers = [], []
    codebooks = load_edition(sample.edition)
    for rid, r in sample.respondents.items():
        cb = codebooks[r.form]
        sid = f"direct:{sample.edition}:{rid}"
        key = f"{r.form}:{r.code}:{r.file_stem}"
        kind = {2: "prefecture", 5: "municipality"}.get(len(r.code), cb.identity_items[0].code_kind)
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
        prepare(con)
        for table, rows in (("submissions", submissions), ("answers", answers)):
            frame = pd.DataFrame(rows)
            columns = ", ".join(frame.columns)
            con.execute(f"insert into raw.{table} ({columns}) select {columns} from frame")
