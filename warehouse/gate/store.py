"""Where the gate keeps what it found: the current findings of each year and a compact run history.

``gate.findings`` and ``gate.rule_results`` hold the *current* state of each survey year, replaced as a
whole by every gate run, so re-running on unchanged returns changes neither (a finding keeps the run
and time it was first detected).  What each run saw is kept small: one row in ``gate.runs`` and, in
``gate.run_rule_counts``, one row per rule with findings or outside its tolerance.  A run's record and
its findings are written in one transaction: a crash leaves the previous run's state whole.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from warehouse.db import connect
from warehouse.gate import memo

FINDINGS_DDL = """
create schema if not exists gate;
create table if not exists gate.findings (
    fiscal_year integer not null,
    finding_key varchar not null,
    form varchar,
    respondent_key varchar,
    respondent_code varchar,
    respondent_name varchar,
    prefecture_code varchar,
    prefecture_name varchar,
    municipality_code varchar,
    municipality_name varchar,
    question varchar,
    item_key varchar,
    rule varchar not null,
    rule_family varchar not null,
    message varchar,
    value_found varchar,
    severity varchar not null,
    file_path varchar,
    sheet varchar,
    cell varchar,
    first_run_id varchar not null,
    first_detected_at timestamp not null
);
"""
"""The contract between the gate, which fills ``gate.findings``, and the cleaning log, which reads it.

One row per current finding of a year.  ``rule`` is the rule's name (``<form>.<check column>``,
``cross.<family>``, ``ingest.<issue code>``, ``file.<reason code>``); ``message`` is Japanese;
``form`` is 'prefecture' | 'municipality' | 'coordinator'; ``severity`` is 'hard' | 'soft';
``prefecture_code`` has 2 digits ('01'); ``municipality_code`` has 6 digits with the check digit and is
null for prefecture-level respondents; ``finding_key`` identifies the same finding across runs.
"""

FINDINGS_COLUMNS = (
    "fiscal_year",
    "finding_key",
    "form",
    "respondent_key",
    "respondent_code",
    "respondent_name",
    "prefecture_code",
    "prefecture_name",
    "municipality_code",
    "municipality_name",
    "question",
    "item_key",
    "rule",
    "rule_family",
    "message",
    "value_found",
    "severity",
    "file_path",
    "sheet",
    "cell",
    "first_run_id",
    "first_detected_at",
)

#: What identifies a finding from one run to the next (its wording may change with the codebook).
KEY_COLUMNS = ("rule", "respondent_key", "file_path", "item_key", "cell", "value_found")

RESULTS_DDL = """
create schema if not exists gate;
create table if not exists gate.rule_results (
    fiscal_year integer not null, suite varchar, check_column varchar, form varchar, item_key varchar,
    question varchar, rule varchar not null, rule_family varchar, severity varchar, mostly double,
    applicable bigint, broken bigint, success boolean, message varchar
);
create table if not exists gate.runs (
    run_id varchar primary key, fiscal_year integer, started_at timestamp, finished_at timestamp,
    passed boolean, rules integer, rules_failed integer, hard_failures integer, findings bigint
);
alter table gate.runs add column if not exists findings_new bigint;
alter table gate.runs add column if not exists findings_cleared bigint;
create table if not exists gate.run_rule_counts (
    run_id varchar not null, fiscal_year integer not null, rule varchar not null, rule_family varchar,
    severity varchar, findings bigint not null, success boolean
);
"""


@dataclass(frozen=True)
class RunRecord:
    run_id: str
    fiscal_year: int
    started_at: dt.datetime
    finished_at: dt.datetime
    passed: bool
    rules: int
    rules_failed: int
    hard_failures: int


def _migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Findings kept per run (before they were kept per year) cannot be carried over: start them afresh."""
    legacy = con.execute(
        """
        select count(*) from duckdb_columns()
        where schema_name = 'gate' and table_name = 'findings' and column_name = 'run_id'
        """
    ).fetchone()
    if legacy and legacy[0]:
        con.execute("drop table gate.findings")
        con.execute("drop table if exists gate.rule_results")


def store(
    db: Path, run: RunRecord, findings: pd.DataFrame, rules: pd.DataFrame, verdicts: dict[str, list[bool]]
) -> tuple[int, int]:
    """Replace the year's findings, rule results and remembered verdicts (``warehouse.gate.memo``) and record
    the run, in one transaction.

    Returns (new findings, cleared findings) against the previous state of the year.
    """
    key = " || '|' || ".join(f"coalesce(cast({c} as varchar), '')" for c in KEY_COLUMNS)
    data = findings.drop(columns=["first_run_id", "first_detected_at", "finding_key"], errors="ignore")
    with connect(db) as con:
        con.execute("begin")
        try:
            _migrate(con)
            con.execute(FINDINGS_DDL)
            con.execute(RESULTS_DDL)
            con.register("found", data)
            con.register("rules", rules)
            con.execute(
                f"""
                create or replace temp table carried as
                with found_keyed as (select *, md5({key}) as finding_key from found),
                previous as (
                    select finding_key, min(first_detected_at) as first_detected_at,
                           arg_min(first_run_id, first_detected_at) as first_run_id
                    from gate.findings where fiscal_year = $year group by all
                )
                select n.*, coalesce(p.first_run_id, $run) as first_run_id,
                       coalesce(p.first_detected_at, $at) as first_detected_at, p.finding_key is null as is_new
                from found_keyed as n
                left join previous as p using (finding_key)
                """,
                {"year": run.fiscal_year, "run": run.run_id, "at": run.started_at},
            )
            new, cleared = con.execute(
                """
                select (select count(*) from carried where is_new),
                       (select count(*) from gate.findings where fiscal_year = $year
                        and finding_key not in (select finding_key from carried))
                """,
                {"year": run.fiscal_year},
            ).fetchone() or (0, 0)
            con.execute("delete from gate.findings where fiscal_year = ?", [run.fiscal_year])
            con.execute("insert into gate.findings by name select * exclude (is_new) from carried")
            con.execute("delete from gate.rule_results where fiscal_year = ?", [run.fiscal_year])
            con.execute("insert into gate.rule_results by name select * from rules")
            _record_run(con, run, int(new), int(cleared))
            memo.remember(con, run.fiscal_year, verdicts)
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
    return int(new), int(cleared)


def _record_run(con: duckdb.DuckDBPyConnection, run: RunRecord, new: int, cleared: int) -> None:
    """The run's line in the history, and its count per rule (only rules with findings or failing)."""
    con.execute(
        """
        insert into gate.runs by name
        select $run_id as run_id, $year as fiscal_year, $started as started_at, $finished as finished_at,
               $passed as passed, $rules as rules, $failed as rules_failed, $hard as hard_failures,
               (select count(*) from gate.findings where fiscal_year = $year) as findings,
               $new as findings_new, $cleared as findings_cleared
        """,
        {
            "run_id": run.run_id,
            "year": run.fiscal_year,
            "started": run.started_at,
            "finished": run.finished_at,
            "passed": run.passed,
            "rules": run.rules,
            "failed": run.rules_failed,
            "hard": run.hard_failures,
            "new": new,
            "cleared": cleared,
        },
    )
    con.execute(
        """
        insert into gate.run_rule_counts by name
        with counted as (
            select rule, any_value(rule_family) as rule_family, any_value(severity) as severity, count(*) as findings
            from gate.findings where fiscal_year = $year group by rule
        )
        select $run_id as run_id, $year as fiscal_year, coalesce(c.rule, r.rule) as rule,
               coalesce(r.rule_family, c.rule_family) as rule_family, coalesce(r.severity, c.severity) as severity,
               coalesce(c.findings, 0) as findings, r.success
        from counted as c
        full join (select * from gate.rule_results where fiscal_year = $year) as r using (rule)
        where c.findings > 0 or not r.success
        """,
        {"run_id": run.run_id, "year": run.fiscal_year},
    )


@dataclass(frozen=True)
class GateRun:
    """One year's latest gate run, as recorded in ``gate.runs``, with the year's current results."""

    run_id: str
    fiscal_year: int
    passed: bool
    findings: int
    counts: dict[str, int]  # findings by severity
    failed_rules: list[tuple[str, str, int]]  # (severity, rule, broken), hard first, most broken first
    finished_at: dt.datetime | None = None

    def failed(self, severity: str) -> list[tuple[str, int]]:
        return [(rule, broken) for s, rule, broken in self.failed_rules if s == severity]


def _has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    found = con.execute(
        "select count(*) from duckdb_tables() where schema_name = 'gate' and table_name = ?", [table]
    ).fetchone()
    return bool(found and found[0])


def latest_gate_runs(db: Path) -> list[GateRun]:
    """Each year's most recent gate run (what the cleaning log, the check and publish act on)."""
    with connect(db, read_only=True) as con:
        return latest_runs(con)


def latest_runs(con: duckdb.DuckDBPyConnection) -> list[GateRun]:
    if not (_has_table(con, "runs") and _has_table(con, "findings") and _has_table(con, "rule_results")):
        return []
    runs = con.execute(
        """
        select run_id, fiscal_year, passed, finished_at from gate.runs
        qualify row_number() over (partition by fiscal_year order by finished_at desc, started_at desc) = 1
        order by fiscal_year
        """
    ).fetchall()
    out = []
    for run_id, year, passed, finished_at in runs:
        counts: dict[str, int] = dict(
            con.execute(
                "select severity, count(*) from gate.findings where fiscal_year = ? group by all order by 1", [year]
            ).fetchall()
        )
        failed = con.execute(
            """
            select severity, rule, broken from gate.rule_results
            where fiscal_year = ? and not success
            order by severity = 'hard' desc, broken desc, rule
            """,
            [year],
        ).fetchall()
        out.append(GateRun(run_id, int(year), bool(passed), sum(counts.values()), counts, list(failed), finished_at))
    return out


def run_time(con: duckdb.DuckDBPyConnection, run_id: str, fiscal_year: int) -> dt.datetime:
    """When a gate run finished: the time its cleaning log is dated by, the same on every export.

    The run must be the year's latest: ``gate.findings`` holds only the latest run's findings.
    """
    runs = (
        con.execute(
            "select run_id, finished_at from gate.runs where fiscal_year = ? "
            "order by finished_at desc, started_at desc",
            [fiscal_year],
        ).fetchall()
        if _has_table(con, "runs")
        else []
    )
    finished = dict(runs)
    if run_id not in finished:
        raise ValueError(f"no gate run {run_id!r} of {fiscal_year} in gate.runs: run the gate before exporting")
    if runs[0][0] != run_id:
        raise ValueError(
            f"gate run {run_id!r} is not the latest of {fiscal_year} ({runs[0][0]!r} is): "
            "gate.findings holds the latest run's findings only"
        )
    return finished[run_id]
