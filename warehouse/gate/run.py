"""The quality gate: validate the staged answers with the generated GX suites, record findings.

A rule *fails* when fewer of the respondents it applies to satisfy it than its tolerance
(``mostly``) allows; a failed hard rule blocks publishing. Every broken answer becomes a finding in
``gate.findings`` whatever the outcome, with who, where (file, sheet, cell), what was found and a
Japanese message, together with what the ingest repaired or refused, so the cleaning log is complete.
Rules are named ``<form>.<check column>``, ``cross.<family>``, ``ingest.<issue code>`` and
``file.<reason code>`` everywhere (gate.yaml, findings, workbooks, checks, alerts).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from warehouse.codebook import load_edition
from warehouse.codebook.model import Codebook, Item
from warehouse.db import connect
from warehouse.gate import frames as fr
from warehouse.gate import memo
from warehouse.gate.config import EXPECTATIONS_DIR
from warehouse.gate.store import FINDINGS_COLUMNS, GateRun, RunRecord, latest_gate_runs, store
from warehouse.gate.suites import load as load_suite
from warehouse.ingest.file_names import indicated_prefecture
from warehouse.ingest.returns import STRAY_SAMPLE
from warehouse.reference.local_governments import load as load_local_governments
from warehouse.wording import findings as wording

__all__ = ["GateResult", "GateRun", "RuleResult", "latest_gate_runs", "run_gate", "warm_validator"]


@dataclass(frozen=True)
class RuleResult:
    suite: str
    column: str
    form: str | None
    item_key: str | None
    question: str | None
    rule: str  # the rule's name: <form>.<check column> or cross.<family>
    family: str
    severity: str
    mostly: float
    applicable: int
    broken: int
    success: bool
    message: str

    @property
    def name(self) -> str:
        return self.rule


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
    validated: int = 0  # suites (or cross-respondent expectations) Great Expectations validated
    recalled: int = 0  # those whose frame was unchanged since the year's last run: verdicts recalled

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
        data.update({name: fr.cross_frame(con, name, edition) for name in fr.CROSS_FRAMES})
        answers = fr.answers_frame(con, edition).set_index(["submission_id", "item_key"])
        ingest_findings = _ingest_findings(con, edition, books)
        known = memo.recall(con, edition)
    gx, context = _quiet_gx()
    source = context.data_sources.add_pandas("gate")
    verdicts: dict[str, list[bool]] = {}
    rules: list[RuleResult] = []
    validated = 0
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
        key = memo.digest(checked, suite, gx.__version__)
        if key not in known:
            known[key] = [bool(r.success) for r in _validate(gx, source, frame_name, checked, suite)]
            validated += 1
        verdicts[key] = known[key]
        for expectation, success in zip(suite["expectations"], known[key], strict=True):
            meta, column = expectation["meta"], expectation["kwargs"]["column"]
            broken = _broken(frame[column], expectation["type"])
            count = int(broken.sum())  # most rules break nowhere: their rows are not taken out of the frame
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
                    broken=count,
                    success=success,
                    message=meta["message"],
                )
            )
            if count:
                found.append(_findings(who[broken], meta, form, books, answers))
    findings = pd.concat([*found, ingest_findings], ignore_index=True) if found else ingest_findings
    findings["fiscal_year"] = edition
    _file_unknown_under_their_prefecture(findings)
    findings = findings.reindex(columns=[c for c in FINDINGS_COLUMNS if c not in _STORE_COLUMNS])
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
        validated=validated,
        recalled=len(plans) - validated,
    )
    record = RunRecord(
        run_id=run_id,
        fiscal_year=edition,
        started_at=started_at,
        finished_at=dt.datetime.now(),
        passed=result.passed,
        rules=len(rules),
        rules_failed=len(result.failed_rules),
        hard_failures=len(hard),
    )
    store(db, record, findings, _rule_frame(edition, rules), verdicts)
    return result


#: Columns the store fills: which finding is which across runs, and when it was first seen.
_STORE_COLUMNS = ("finding_key", "first_run_id", "first_detected_at")


def _file_unknown_under_their_prefecture(findings: pd.DataFrame) -> None:
    """A finding without a prefecture (a refused file, a return whose code is unknown) goes to the
    prefecture its file name indicates (``011002_札幌市.xlsx``), where it does, rather than to 都道府県不明."""
    prefectures = load_local_governments().prefectures
    for i in findings.index[findings["prefecture_code"].isna() & findings["file_path"].notna()]:
        code = indicated_prefecture(Path(str(findings.at[i, "file_path"])))
        if code in prefectures:
            findings.at[i, "prefecture_code"] = code
            findings.at[i, "prefecture_name"] = prefectures[code].name


def _rule_frame(edition: int, rules: list[RuleResult]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "fiscal_year": edition,
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
            for r in rules
        ]
    )


def _findings(
    broken: pd.DataFrame, meta: dict[str, Any], form: str | None, books: dict[str, Codebook], answers: pd.DataFrame
) -> pd.DataFrame:
    out = broken[[c for c in fr.RESPONDENT_COLUMNS if c in broken.columns]].copy()
    out["form"] = broken["form"] if "form" in broken.columns else form
    out["respondent_name"] = broken["municipality_name"].fillna(broken["prefecture_name"])
    out["question"] = meta.get("question")
    out["item_key"] = meta.get("item_key")
    out["rule"] = meta["rule"]
    out["rule_family"] = meta["family"]
    out["severity"] = meta["severity"]
    item_key, family = meta.get("item_key"), meta["family"]
    values: list[str | None] = [None] * len(broken)
    if item_key and form:
        keys = list(zip(broken["submission_id"], [item_key] * len(broken), strict=True))
        quoted = answers.reindex(keys)
        item = books[form].item(item_key)
        values = [
            _quoted_value(item, value, ticked)
            for value, ticked in zip(quoted["value_found"], quoted["ticked_codes"], strict=True)
        ]
        out["cell"] = quoted["cells"].fillna(",".join(item.cells)).to_numpy()
    elif family == "coordinator_presence":
        values = [
            wording.presence_value(bool(p), int(n))
            for p, n in zip(broken["reported_present"], broken["coordinator_returns"], strict=True)
        ]
    elif family == "identity":
        values = [v if isinstance(v, str) else None for v in broken["respondent_code"]]
    out["value_found"] = values
    out["message"] = [wording.with_value(meta["message"], family, v) for v in values]
    return out


def _quoted_value(item: Item, value: Any, ticked: Any) -> str | None:
    """What a finding quotes: the options read as ticked for multiple choice, else what was typed."""
    if item.type == "multiple" and isinstance(ticked, list | np.ndarray) and len(ticked):
        return wording.ticked_value(item, ticked)
    return wording.typed_value(value, item.type) if isinstance(value, str) else None


#: The dbt models (with what they read) the gate reads besides each form's rule checks: what the ingest recorded,
#: joined to the returns (``models/intermediate/quality/``), read per edition.
QUALITY_MODELS = "+path:models/intermediate/quality"
_INGEST_SQL = "select * exclude (fiscal_year) from intermediate.int_quality__ingest_issues where fiscal_year = $year"
_STRAY_SQL = """
    select * exclude (fiscal_year, stray_cells), stray_cells[:$sample] as sample
    from intermediate.int_quality__stray_cells where fiscal_year = $year
"""
_REFUSED_SQL = "select * exclude (fiscal_year) from intermediate.int_quality__refused_files where fiscal_year = $year"


def _ingest_findings(con: Any, edition: int, books: dict[str, Codebook]) -> pd.DataFrame:
    """What the ingest repaired or refused, as soft findings in Japanese, so the cleaning log has everything.

    Cells written outside the answer cells become one finding per file with their count and a sample.
    """
    issues = con.execute(_INGEST_SQL, {"year": edition}).fetchdf()
    items = [
        books[form].item(key) if isinstance(key, str) and form in books else None
        for form, key in zip(issues["form"], issues["item_key"], strict=True)
    ]
    issues["rule"] = "ingest." + issues["code"]
    issues["rule_family"] = "ingest"
    issues["value_found"] = [
        wording.typed_value(v, item.type if item else None) if isinstance(v, str) else None
        for v, item in zip(issues["value_found"], items, strict=True)
    ]
    issues["message"] = [
        wording.ingest_message(code, item, cell if isinstance(cell, str) else None, json.loads(details or "{}"))
        for code, item, cell, details in zip(issues["code"], items, issues["cell"], issues["details"], strict=True)
    ]

    strays = con.execute(_STRAY_SQL, {"year": edition, "sample": STRAY_SAMPLE}).fetchdf()
    strays["rule"] = "ingest.stray_cells"
    strays["rule_family"] = "ingest"
    strays["message"] = [
        wording.stray_cells_message(int(n), [(str(c), str(v)) for c, v in sample])
        for n, sample in zip(strays["stray_count"], strays["sample"], strict=True)
    ]
    strays["value_found"] = [f"{int(n):,}セル" for n in strays["stray_count"]]
    strays["cell"] = [",".join(str(c) for c, _ in sample) for sample in strays["sample"]]

    refused = con.execute(_REFUSED_SQL, {"year": edition}).fetchdf()
    refused["rule"] = "file." + refused["code"]
    refused["rule_family"] = "file_refused"
    refused["message"] = [
        wording.file_message(code, earlier_counts=bool(earlier))
        for code, earlier in zip(refused["code"], refused["earlier_counts"], strict=True)
    ]

    out = pd.concat(
        [
            frame.drop(columns=["code", "stray_count", "sample", "earlier_counts", "details"], errors="ignore")
            for frame in (issues, strays, refused)
        ],
        ignore_index=True,
    )
    out["severity"] = "soft"
    return out
