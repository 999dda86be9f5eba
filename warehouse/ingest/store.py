"""The DuckDB schema ``raw`` and the writes into it.

Append-only: a file version read once is never read again, a resubmission adds a submission beside
the one it replaces, and a file removed from raw/ is recorded in ``raw.withdrawals`` (its rows stay)
— so history is kept and re-running the ingest on an unchanged tree adds nothing.  Which version is
current is decided downstream, in one dbt model (``staging.stg_raw__submission_versions``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:  # pandas is imported where frames are made: dbt's process opens the file without it
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
    submission_id varchar not null, issue varchar not null, cell varchar, item_key varchar, run_id varchar,
    details json
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
create table if not exists raw.withdrawals (
    file_path varchar not null, file_sha256 varchar not null, submission_id varchar,
    withdrawn_at timestamp not null, run_id varchar, primary key (file_path, file_sha256)
);
alter table raw.ingest_runs add column if not exists withdrawn integer;
alter table raw.ingest_runs add column if not exists restored integer;
-- which return is current is decided in one place, dbt's staging.stg_raw__submission_versions
drop view if exists raw.latest_answers;
drop view if exists raw.latest_submissions;
"""


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """Create the ``raw`` schema and bring an older one up to date (what the ingest does before it reads or
    writes anything; no other step creates it)."""
    con.execute(DDL)
    _details_for_messages(con)


def _details_for_messages(con: duckdb.DuckDBPyConnection) -> None:
    """An ingest issue is its code and parameters (``details``), worded once, by ``warehouse.wording``.  A file
    whose issues still hold the ingest's own sentence keeps it in ``details.message``; the cleaning log says
    those with the code's general sentence."""
    columns = {
        name
        for (name,) in con.execute(
            "select column_name from duckdb_columns() where schema_name = 'raw' and table_name = 'ingest_issues'"
        ).fetchall()
    }
    if "message" not in columns:
        return
    con.execute("begin transaction")
    try:
        con.execute("alter table raw.ingest_issues add column if not exists details json")
        con.execute("update raw.ingest_issues set details = json_object('message', message)")
        con.execute("alter table raw.ingest_issues drop column message")
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def known_versions(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, Any, str]]:
    """path → (size, mtime, sha256) of the newest version already ingested, for change detection."""
    rows = con.execute(
        "select file_path, file_size, file_mtime, file_sha256 from raw.file_versions "
        "qualify row_number() over (partition by file_path order by first_seen_at desc) = 1"
    ).fetchall()
    return {path: (size, mtime, sha) for path, size, mtime, sha in rows}


def seen_hashes(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    return {(p, s) for p, s in con.execute("select file_path, file_sha256 from raw.file_versions").fetchall()}


def withdrawn_files(con: duckdb.DuckDBPyConnection, fiscal_year: int) -> set[tuple[str, str]]:
    """(path, sha256) of the year's file versions withdrawn so far (their file left raw/)."""
    rows = con.execute(
        "select w.file_path, w.file_sha256 from raw.withdrawals as w join raw.file_versions as v "
        "using (file_path, file_sha256) where v.fiscal_year = ?",
        [fiscal_year],
    ).fetchall()
    return {(p, s) for p, s in rows}


@dataclass(frozen=True)
class Run:
    """What the ``raw.ingest_runs`` record says besides the counts of what was written."""

    run_id: str
    fiscal_year: int
    started_at: dt.datetime
    files_seen: int
    files_read: int


def _frame(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    import pandas as pd

    columns = [c[0] for c in con.execute(f"select * from raw.{table} limit 0").description]
    return pd.DataFrame.from_records(rows, columns=columns)


#: How a list travels through a frame: its items joined by a separator the ingest never lets through (C0 controls
#: are removed from every text it reads), so that DuckDB reads a text column and the insert makes it a list again.
LIST_SEPARATOR = "\x1f"


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Insert ``frame`` into ``raw.<table>`` with every column cast to the type the schema declares for it.

    DuckDB would otherwise type a frame's column from its first rows: a list column whose first rows are empty
    reads as a list of NULL, and the first list with an item in it fails the whole batch."""
    declared = dict(
        con.execute(
            "select column_name, data_type from duckdb_columns() where schema_name = 'raw' and table_name = ?", [table]
        ).fetchall()
    )
    frame = frame.copy(deep=False)
    expressions = []
    for column in frame.columns:
        kind = declared[column]
        name = '"' + column.replace('"', '""') + '"'
        if kind.endswith("[]"):
            frame[column] = [None if v is None else LIST_SEPARATOR.join(v) for v in frame[column]]
            split = f"string_split({name}, chr({ord(LIST_SEPARATOR)}))"
            expressions.append(f"cast(case when {name} = '' then [] else {split} end as {kind}) as {name}")
        else:
            expressions.append(f"cast({name} as {kind}) as {name}")
    con.register("incoming", frame)
    try:
        columns = ", ".join('"' + c.replace('"', '""') + '"' for c in frame.columns)
        con.execute(f"insert into raw.{table} ({columns}) select {', '.join(expressions)} from incoming")
    finally:
        con.unregister("incoming")


def _withdraw(con: duckdb.DuckDBPyConnection, run: Run, present: set[str], restored: list[tuple[str, str]]) -> int:
    """Retire the year's file versions whose file is no longer under raw/; bring back those whose
    file returned with the same content.  Returns how many were withdrawn."""
    import pandas as pd

    con.register("present_files", pd.DataFrame({"file_path": sorted(present)}, dtype="object"))
    con.register("restored_files", pd.DataFrame(restored, columns=["file_path", "file_sha256"], dtype="object"))
    try:
        con.execute(
            "delete from raw.withdrawals as w using restored_files as r "
            "where w.file_path = r.file_path and w.file_sha256 = r.file_sha256"
        )
        [(before,)] = con.execute("select count(*) from raw.withdrawals").fetchall()
        con.execute(
            """
            insert into raw.withdrawals
            select v.file_path, v.file_sha256, s.submission_id, ?, ?
            from raw.file_versions as v
            left join raw.submissions as s using (file_path, file_sha256)
            where v.fiscal_year = ?
              and v.file_path not in (select file_path from present_files)
              and not exists (
                  select 1 from raw.withdrawals as w where w.file_path = v.file_path and w.file_sha256 = v.file_sha256
              )
            """,
            [run.started_at, run.run_id, run.fiscal_year],
        )
        [(after,)] = con.execute("select count(*) from raw.withdrawals").fetchall()
    finally:
        con.unregister("present_files")
        con.unregister("restored_files")
    return int(after) - int(before)


def write(
    con: duckdb.DuckDBPyConnection,
    outcomes: Iterable[Outcome],
    run: Run,
    *,
    present: set[str],
    restored: list[tuple[str, str]],
) -> dict[str, Any]:
    """Write one run in one transaction: the outcomes, the withdrawals and returns of files, and the
    run's record in ``raw.ingest_runs`` (a crash leaves either all of it or none).

    Returns the counts of the run record and its ``finished_at``."""
    import pandas as pd

    run_id, detected_at = run.run_id, run.started_at
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
            issues += [(*i[:4], run_id, json.dumps(i[4], ensure_ascii=False)) for i in o.issues]
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
        if o.retried:  # no version recorded: the next run reads the file again
            continue
        outcome = "submission" if o.submission is not None else "quarantined"
        versions.append((f.path, f.sha256, f.size, f.mtime, f.fiscal_year, f.form, outcome, detected_at, run_id))
    con.execute("begin transaction")
    try:
        if subs:
            _insert(con, "submissions", pd.DataFrame(subs))
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
        withdrawn = _withdraw(con, run, present, restored)
        finished_at = dt.datetime.now()
        counts = {
            "submissions": len(subs),
            "quarantined": len(quarantine),
            "answers": len(answers),
            "withdrawn": withdrawn,
            "restored": len(restored),
        }
        con.execute(
            "insert into raw.ingest_runs by name select ? as run_id, ? as fiscal_year, ? as started_at, "
            "? as finished_at, ? as files_seen, ? as files_read, ? as submissions, ? as quarantined, "
            "? as answers, ? as withdrawn, ? as restored",
            [
                *(run.run_id, run.fiscal_year, run.started_at, finished_at),
                run.files_seen,
                run.files_read,
                *counts.values(),
            ],
        )
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return {**counts, "finished_at": finished_at}
