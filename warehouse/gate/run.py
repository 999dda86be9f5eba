"""The quality gate: validate the staged answers with the generated GX suites, record findings.

A rule *fails* when fewer of the respondents it applies to satisfy it than its tolerance
(``mostly``) allows; a failed hard rule blocks publishing. Every broken answer becomes a finding in
``gate.findings`` whatever the outcome, with who, where (file, sheet, cell) and what was found,
together with what the ingest repaired or refused, so the cleaning log is complete.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from warehouse.codebook import load_edition
from warehouse.gate import frames as fr
from warehouse.gate.cleaning_log import FINDINGS_COLUMNS, FINDINGS_DDL
from warehouse.gate.config import EXPECTATIONS_DIR
from warehouse.gate.suites import load as load_suite
from warehouse.ingest.store import connect

RESULTS_DDL = """
create schema if not exists gate;
create table if not exists gate.rule_results (
    run_id varchar, fiscal_year integer, suite varchar, check_column varchar, form varchar, item_key varchar,
    question varchar, rule varchar, rule_family varchar, severity varchar, mostly double, applicable bigint,
    broken bigint, success boolean, message varchar
);
create table if not exists gate.runs (
    run_id varchar primary key, fiscal_year integer, started_at timestamp, finished_at timestamp,
    passed boolean, rules integer, rules_failed integer, hard_failures integer, findings bigint
);
"""


@dataclass(frozen=True)
class RuleResult:
    suite: str
    column: str
    form: str | None
    item_key: str | None
    question: str | None
    rule: str
    family: str
    severity: str
    mostly: float
    applicable: int
    broken: int
    success: bool
    message: str

    @property
    def name(self) -> str:
        return f"{self.form or 'all'}.{self.column}"


@dataclass
class GateResult:
    run_id: str
    fiscal_year: int
    passed: bool
    rules: list[RuleResult]
    findings: int
    counts: dict[str, int]  # findings by severity
    seconds: float
    hard_failures: list[str] = field(default_factory=list)

    @property
    def failed_rules(self) -> list[RuleResult]:
        return [r for r in self.rules if not r.success]


def warm_validator(edition: int) -> None:
    """Load Great Expectations and the codebooks ahead of the gate, in the process that will run it,
    while the marts are still building (see refresh)."""
    _quiet_gx()
    load_edition(edition)


def _quiet_gx() -> Any:
    import great_expectations as gx

    for name in [n for n in logging.root.manager.loggerDict if n.startswith("great_expectations")]:
        logging.getLogger(name).setLevel(logging.WARNING)  # GX sets some of its loggers to INFO itself
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False, "metric_calculations": False}
    return gx, context


def _validate(gx: Any, source: Any, name: str, frame: pd.DataFrame, suite: dict[str, Any]) -> list[Any]:
    """Validate ``frame`` against ``suite``; GX results in the suite's order."""
    expectations = [
        getattr(gx.expectations, _class_name(e["type"]))(**e["kwargs"], meta=e["meta"]) for e in suite["expectations"]
    ]
    gx_suite = gx.ExpectationSuite(name=name, expectations=expectations)
    batch = (
        source.add_dataframe_asset(name)
        .add_batch_definition_whole_dataframe(name)
        .get_batch(batch_parameters={"dataframe": frame})
    )
    # BOOLEAN_ONLY: GX decides pass or fail; the broken rows are read from the frame itself
    return list(batch.validate(gx_suite, result_format="BOOLEAN_ONLY").results)


def _class_name(snake: str) -> str:
    return "".join(part.capitalize() for part in snake.split("_"))


def _broken(values: pd.Series, kind: str) -> pd.Series:
    """Which rows break the rule: the rows behind a failed GX result, read from the frame itself."""
    if kind == "expect_column_values_to_be_unique":
        return values.notna() & values.duplicated(keep=False)
    return values.notna() & (values != True)  # noqa: E712 - booleans with nulls


def run_gate(db: Path, edition: int, run_id: str | None = None, *, suites_dir: Path = EXPECTATIONS_DIR) -> GateResult:
    """Validate the working database's staged answers for one survey year and record the findings."""
    started = time.perf_counter()
    started_at = dt.datetime.now()
    run_id = run_id or f"gate-{edition}-{started_at:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    books = load_edition(edition)
    with connect(db, read_only=True) as con:
        data = {form: fr.form_frame(con, form, edition) for form in books}
        data.update({name: fr.cross_frame(con, name, edition) for name in fr.CROSS_SQL})
        answers = fr.answers_frame(con, edition).set_index(["submission_id", "item_key"])
        ingest_findings = _ingest_findings(con, edition)
    gx, context = _quiet_gx()
    source = context.data_sources.add_pandas("gate")
    rules: list[RuleResult] = []
    found: list[pd.DataFrame] = []
    plans: list[tuple[str, str, dict[str, Any]]] = [
        (form, f"{form}.json", load_suite(edition, f"{form}.json", suites_dir)) for form in books
    ]
    cross = load_suite(edition, "cross_respondent.json", suites_dir)
    plans += [(e["meta"]["frame"], "cross_respondent.json", {"expectations": [e]}) for e in cross["expectations"]]
    for frame_name, suite_file, suite in plans:
        frame = data[frame_name]
        columns = [e["kwargs"]["column"] for e in suite["expectations"]]
        # GX slices the whole frame once per expectation: hand it the rule columns only, as one
        # object block (a block per nullable-boolean column made each slice ~4x slower)
        checked = frame[columns].astype(object)
        who = frame.drop(columns=[c for c in columns if c not in fr.RESPONDENT_COLUMNS])
        for expectation, result in zip(
            suite["expectations"], _validate(gx, source, frame_name, checked, suite), strict=True
        ):
            meta, column = expectation["meta"], expectation["kwargs"]["column"]
            broken = who[_broken(frame[column], expectation["type"])]
            form = frame_name if frame_name in books else None
            rules.append(
                RuleResult(
                    suite=suite_file,
                    column=column,
                    form=form,
                    item_key=meta.get("item_key"),
                    question=meta.get("question"),
                    rule=meta["rule"],
                    family=meta["family"],
                    severity=meta["severity"],
                    mostly=expectation["kwargs"]["mostly"],
                    applicable=int(frame[column].notna().sum()),
                    broken=len(broken),
                    success=bool(result.success),
                    message=meta["message"],
                )
            )
            if len(broken):
                found.append(_findings(broken, meta, form, books, answers))
    findings = pd.concat([*found, ingest_findings], ignore_index=True) if found else ingest_findings
    findings["run_id"] = run_id
    findings["fiscal_year"] = edition
    findings["detected_at"] = started_at
    findings = findings.reindex(columns=list(FINDINGS_COLUMNS))
    hard = [r.name for r in rules if not r.success and r.severity == "hard"]
    result = GateResult(
        run_id=run_id,
        fiscal_year=edition,
        passed=not hard,
        rules=rules,
        findings=len(findings),
        counts=dict(Counter(findings["severity"])),
        seconds=time.perf_counter() - started,
        hard_failures=hard,
    )
    _store(db, result, findings, started_at)
    return result


def _findings(
    broken: pd.DataFrame, meta: dict[str, Any], form: str | None, books: dict[str, Any], answers: pd.DataFrame
) -> pd.DataFrame:
    out = broken[[c for c in fr.RESPONDENT_COLUMNS if c in broken.columns]].copy()
    out["form"] = broken["form"] if "form" in broken.columns else form
    out["respondent_name"] = broken["municipality_name"].fillna(broken["prefecture_name"])
    out["question"] = meta.get("question")
    out["item_key"] = meta.get("item_key")
    out["rule"] = meta["rule"]
    out["rule_family"] = meta["family"]
    out["message"] = meta["message"]
    out["severity"] = meta["severity"]
    item_key = meta.get("item_key")
    if item_key and form:
        keys = list(zip(broken["submission_id"], [item_key] * len(broken), strict=True))
        quoted = answers.reindex(keys)
        item = books[form].item(item_key)
        out["value_found"] = quoted["value_found"].to_numpy()
        out["cell"] = quoted["cells"].fillna(",".join(item.cells)).to_numpy()
    elif meta["rule"] == "coordinator_presence":
        out["value_found"] = [
            f"reported {'present' if p else 'absent'}, {n} coordinator returns"
            for p, n in zip(broken["reported_present"], broken["coordinator_returns"], strict=True)
        ]
    elif meta["rule"] == "identity":
        out["value_found"] = broken["respondent_code"]
    return out


def _ingest_findings(con: Any, edition: int) -> pd.DataFrame:
    """What the ingest repaired or refused, as soft findings, so the cleaning log has everything."""
    return con.execute(
        """
        select s.respondent_key, s.respondent_code, s.form, s.prefecture_code, s.prefecture_name,
               s.municipality_code, s.municipality_name, coalesce(s.municipality_name, s.prefecture_name)
               as respondent_name, i.item_key, it.question, i.issue as rule, 'ingest' as rule_family,
               i.message, a.raw_value as value_found, 'soft' as severity, s.file_path, s.sheet, i.cell
        from raw.ingest_issues as i
        join staging.stg_survey__submissions as s using (submission_id)
        left join codebook.items as it on it.edition = s.fiscal_year and it.form = s.form and it.item_key = i.item_key
        left join raw.answers as a on a.submission_id = i.submission_id and a.cell = i.cell
        where s.fiscal_year = $year
        union all by name
        select q.form, q.reason_code as rule, 'file_refused' as rule_family, q.reason as message,
               'soft' as severity, q.file_path, q.sheet, q.cell
        from raw.quarantine as q
        where q.fiscal_year = $year and q.file_path not in (select file_path from raw.submissions)
        qualify row_number() over (partition by q.file_path order by q.detected_at desc) = 1
        """,
        {"year": edition},
    ).fetchdf()


def _store(db: Path, result: GateResult, findings: pd.DataFrame, started_at: dt.datetime) -> None:
    rules = pd.DataFrame(
        [
            {
                "run_id": result.run_id,
                "fiscal_year": result.fiscal_year,
                "suite": r.suite,
                "check_column": r.column,
                "form": r.form,
                "item_key": r.item_key,
                "question": r.question,
                "rule": r.rule,
                "rule_family": r.family,
                "severity": r.severity,
                "mostly": r.mostly,
                "applicable": r.applicable,
                "broken": r.broken,
                "success": r.success,
                "message": r.message,
            }
            for r in result.rules
        ]
    )
    with connect(db) as con:
        con.execute(FINDINGS_DDL)
        con.execute(RESULTS_DDL)
        con.register("new_findings", findings)
        con.register("new_rules", rules)
        con.execute("insert into gate.findings by name select * from new_findings")
        con.execute("insert into gate.rule_results by name select * from new_rules")
        con.execute(
            "insert into gate.runs values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                result.run_id,
                result.fiscal_year,
                started_at,
                dt.datetime.now(),
                result.passed,
                len(result.rules),
                len(result.failed_rules),
                len(result.hard_failures),
                result.findings,
            ],
        )


@dataclass(frozen=True)
class GateRun:
    """One year's latest gate run, as recorded in ``gate.runs`` and ``gate.rule_results``."""

    run_id: str
    fiscal_year: int
    passed: bool
    findings: int
    counts: dict[str, int]  # findings by severity
    failed_rules: list[tuple[str, str, int]]  # (severity, rule, broken), hard first, most broken first

    def failed(self, severity: str) -> list[tuple[str, int]]:
        return [(rule, broken) for s, rule, broken in self.failed_rules if s == severity]


def latest_gate_runs(db: Path) -> list[GateRun]:
    """Each year's most recent gate run (what the cleaning log, the check and publish act on)."""
    with connect(db, read_only=True) as con:
        has_runs = con.execute(
            "select count(*) from duckdb_tables() where schema_name = 'gate' and table_name = 'runs'"
        ).fetchone()
        if not has_runs or not has_runs[0]:
            return []
        runs = con.execute(
            """
            select run_id, fiscal_year, passed, findings from gate.runs
            qualify row_number() over (partition by fiscal_year order by finished_at desc) = 1
            order by fiscal_year
            """
        ).fetchall()
        out = []
        for run_id, year, passed, findings in runs:
            counts = dict(
                con.execute(
                    "select severity, count(*) from gate.findings where run_id = ? group by all order by 1", [run_id]
                ).fetchall()
            )
            failed = con.execute(
                """
                select severity, coalesce(form, 'all') || '.' || check_column, broken from gate.rule_results
                where run_id = ? and not success
                order by severity = 'hard' desc, broken desc, 2
                """,
                [run_id],
            ).fetchall()
            out.append(GateRun(run_id, int(year), bool(passed), int(findings or 0), counts, failed))
    return out
