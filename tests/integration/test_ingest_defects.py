"""Every defect the generator injects is quarantined or recorded with its reason."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import duckdb

from tests.conftest import Ingested
from tests.current_returns import build_current_returns
from tests.integration.test_ingest_sample import ingested_answers
from warehouse.codebook import load_edition
from warehouse.codebook.validate import violations
from warehouse.sample.defects import DEFAULT_RATES


def test_every_kind_of_defect_was_injected(defective_year: Ingested) -> None:
    manifest = json.loads((defective_year.raw / "2023.sample-manifest.json").read_text(encoding="utf-8"))
    kinds = Counter(d["defect"] for d in manifest["defects"])
    assert set(kinds) == set(DEFAULT_RATES), kinds


def test_each_defect_is_caught_by_its_reason(defective_year: Ingested, tmp_path: Path) -> None:
    books = load_edition(2023)
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(defective_year.db, db)
    build_current_returns(db)
    con = duckdb.connect(str(db), read_only=True)
    quarantined = {(p, c) for p, c in con.execute("select file_path, reason_code from raw.quarantine").fetchall()}
    issues = {
        (p, i, c)
        for p, i, c in con.execute(
            "select s.file_path, i.issue, i.cell from raw.ingest_issues i join raw.submissions s using (submission_id)"
        ).fetchall()
    }
    submissions = dict(con.execute("select file_path, form from raw.submissions").fetchall())
    families = Counter(k for (k,) in con.execute("select file_family from raw.submissions").fetchall())
    answers = ingested_answers(defective_year.db)
    missed = []
    for d in defective_year.sample.defects:
        kind, _, what = d.expect.partition(":")
        path = d.file
        if kind == "quarantine":
            ok = (path, what) in quarantined
        elif kind == "issue":
            ok = any(
                p == path and i == what and (d.cell is None or c is None or c == d.cell or d.cell in c)
                for p, i, c in issues
            )
        elif kind == "history":
            family = con.execute("select file_family from raw.submissions where file_path = ?", [path]).fetchone()
            latest = con.execute(
                "select count(*) from staging.stg_raw__submissions where file_path = ?", [path]
            ).fetchone()
            ok = family is not None and families[family[0]] == 2 and latest == (1,)
        elif what == "duplicate_coordinator":
            original = defective_year.sample.files[d.respondent]
            ok = path in submissions and answers[path] == answers[original] | {
                k: v for k, v in answers[path].items() if k.startswith("f1")
            }
        else:
            item_key, _, rule = what.partition(".")
            cb = books[submissions[path]]
            found = {(v.item_key, v.rule) for v in violations(cb, answers.get(path, {}))}
            ok = (item_key, rule) in found
        if not ok:
            missed.append(d)
    con.close()
    assert missed == []


def test_no_file_is_lost(defective_year: Ingested) -> None:
    from warehouse.ingest.folder import discover

    files = {f.path for f in discover(defective_year.raw, 2023)}
    with duckdb.connect(str(defective_year.db), read_only=True) as con:
        placed = {
            p
            for (p,) in con.execute(
                "select file_path from raw.submissions union select file_path from raw.quarantine"
            ).fetchall()
        }
    assert files == placed
