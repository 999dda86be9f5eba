"""The DuckDB schema ``raw`` and the writes into it.

Append-only: a file version read once is never read again, a resubmission adds a submission beside
the one it replaces, and views pick the latest per respondent — so history is kept and re-running
the ingest on an unchanged tree adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from warehouse.ingest.returns import Outcome

DDL = """
create schema if not exists raw;
create table if not exists raw.file_versions (
    file_path varchar not null, file_sha256 varchar not null, file_size bigint, file_mtime timestamp,
    fiscal_year integer, form varchar, outcome varchar not null, first_seen_at timestamp, run_id varchar,
    primary key (file_path, file_sha256)
);
create table if not exists raw.submissions (
    submission_id varchar primary key, fiscal_year integer not null, form varchar not null,
    respondent_key varchar not null, file_family varchar not null, respondent_code varchar, respondent_kind varchar,
    prefecture_code varchar, municipality_code varchar, identity_status varchar not null,
    file_path varchar not null, file_sha256 varchar not null, file_size bigint, file_mtime timestamp,
    file_format varchar, sheet varchar, template_id varchar, reader_engine varchar,
    ingested_at timestamp not null, answer_cells integer, run_id varchar
);
create table if not exists raw.answers (
    submission_id varchar not null, fiscal_year integer not null, form varchar not null,
    respondent_key varchar not null, item_key varchar not null, option_code integer,
    sheet varchar not null, cell varchar not null, raw_value varchar, value varchar,
    value_number double, notes varchar[], file_path varchar not null, file_sha256 varchar not null,
    reader_engine varchar not null, file_mtime timestamp, ingested_at timestamp not null
);
create table if not exists raw.ingest_issues (
    submission_id varchar not null, issue varchar not null, cell varchar, item_key varchar,
    message varchar not null, run_id varchar
);
create table if not exists raw.stray_cells (
    submission_id varchar not null, cell varchar not null, raw_value varchar,
    overwrote_template_text boolean
);
create table if not exists raw.quarantine (
    file_path varchar not null, file_sha256 varchar, fiscal_year integer, form varchar,
    file_size bigint, file_mtime timestamp, reason_code varchar not null, reason varchar not null,
    sheet varchar, cell varchar, detected_at timestamp not null, run_id varchar
);
create table if not exists raw.ingest_runs (
    run_id varchar primary key, fiscal_year integer, started_at timestamp, finished_at timestamp,
    files_seen integer, files_read integer, submissions integer, quarantined integer, answers bigint
);
create or replace view raw.latest_submissions as
-- a newer file of the same family (same name, or name__suffix) supersedes the older one even when
-- the older one's code was wrong; then the newest return per respondent wins
with family_latest as (
    select * from raw.submissions
    qualify row_number() over (
        partition by fiscal_year, form, file_family order by file_mtime desc, ingested_at desc, file_path desc
    ) = 1
)
select * from family_latest
qualify row_number() over (
    partition by fiscal_year, form, respondent_key order by file_mtime desc, ingested_at desc, file_path desc
) = 1;
create or replace view raw.latest_answers as
select a.* from raw.answers as a
join raw.latest_submissions as s using (submission_id);
"""


def connect(db_path: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_path), read_only=read_only)
    if not read_only:
        con.execute(DDL)
    return con


def known_versions(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, Any, str]]:
    """path → (size, mtime, sha256) of the newest version already ingested, for change detection."""
    rows = con.execute(
        "select file_path, file_size, file_mtime, file_sha256 from raw.file_versions "
        "qualify row_number() over (partition by file_path order by first_seen_at desc) = 1"
    ).fetchall()
    return {path: (size, mtime, sha) for path, size, mtime, sha in rows}


def seen_hashes(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    return {(p, s) for p, s in con.execute("select file_path, file_sha256 from raw.file_versions").fetchall()}


def _frame(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    columns = [c[0] for c in con.execute(f"select * from raw.{table} limit 0").description]
    return pd.DataFrame.from_records(rows, columns=columns)


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, *, by_name: bool = False) -> None:
    con.register("incoming", frame)
    try:
        con.execute(f"insert into raw.{table} {'by name ' if by_name else ''}select * from incoming")
    finally:
        con.unregister("incoming")


def write(con: duckdb.DuckDBPyConnection, outcomes: Iterable[Outcome], run_id: str, detected_at: Any) -> dict[str, int]:
    """Append the outcomes of one run in one transaction; returns counts for the run record."""
    subs, answers, issues, strays, quarantine, versions = [], [], [], [], [], []
    for o in outcomes:
        f = o.file
        if o.submission is not None:
            s = o.submission
            subs.append({**s, "run_id": run_id})
            prov = (s["fiscal_year"], s["form"], s["respondent_key"])
            tail = (s["file_path"], s["file_sha256"], s["reader_engine"], s["file_mtime"], s["ingested_at"])
            for sid, key, code, cell, raw, value, number, notes in o.answers:
                answers.append((sid, *prov, key, code, s["sheet"], cell, raw, value, number, notes, *tail))
            issues += [(*i, run_id) for i in o.issues]
            strays += o.stray_cells
        if o.quarantine is not None:
            code, reason, sheet, cell = o.quarantine
            quarantine.append(
                (
                    f.path,
                    f.sha256 or None,
                    f.fiscal_year,
                    f.form,
                    f.size,
                    f.mtime,
                    code,
                    reason,
                    sheet,
                    cell,
                    detected_at,
                    run_id,
                )
            )
        outcome = "submission" if o.submission is not None else "quarantined"
        versions.append((f.path, f.sha256, f.size, f.mtime, f.fiscal_year, f.form, outcome, detected_at, run_id))
    con.execute("begin transaction")
    try:
        if subs:
            _insert(con, "submissions", pd.DataFrame(subs), by_name=True)
        if answers:
            _insert(con, "answers", _frame(con, "answers", answers))
        for table, rows in (
            ("ingest_issues", issues),
            ("stray_cells", strays),
            ("quarantine", quarantine),
            ("file_versions", versions),
        ):
            if rows:
                _insert(con, table, _frame(con, table, rows))
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return {"submissions": len(subs), "quarantined": len(quarantine), "answers": len(answers)}
