"""What a failed quality gate says, once: the hard rules that failed with their counts, the respondents and
files concerned, and the cleaning-log workbooks to send.

The command line's refusal, the Dagster run's failure and the alert are all written from a :class:`Verdict`,
so the three say the same thing, with rules named and graded as in ``expectations/gate.yaml``
(``<form>.<check column>``, ``cross.<family>``, ``ingest.<issue code>``, ``file.<reason code>``; severity
``hard`` or ``soft``; the rule's family).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.alerts.sinks import Alert
from warehouse.cleaning_log.workbooks import workbooks_with, year_folder
from warehouse.gate.store import GateRun
from warehouse.publish.postgres import left_unchanged
from warehouse.settings import Settings

#: How many respondents a message names before it gives the count of the others.
NAMED = 5


@dataclass(frozen=True)
class FailedRule:
    rule: str  # as in gate.yaml and gate.findings.rule
    family: str  # the gate.yaml family (identity, number_range, …)
    severity: str  # hard | soft
    broken: int  # respondents that break it
    applicable: int  # respondents it applies to


@dataclass(frozen=True)
class Verdict:
    """One survey year whose latest gate run failed a hard rule."""

    fiscal_year: int
    gate_run_id: str
    hard: list[FailedRule]
    soft: list[FailedRule]
    respondents: list[tuple[str, str]]  # (respondent, file) with hard findings, the first NAMED
    respondent_count: int  # all respondents with hard findings
    workbooks: list[Path]  # the cleaning-log workbooks listing hard findings
    counts: dict[str, int]  # the year's findings by severity
    cleaning_log: Path  # the year's folder of workbooks

    @property
    def summary(self) -> str:
        """One line: the year and its failed hard rules with their counts."""
        rules = ", ".join(f"{r.rule} ({r.broken:,})" for r in self.hard)
        return f"{self.fiscal_year}: {len(self.hard)} hard rule{'s' if len(self.hard) != 1 else ''} failed: {rules}"

    @property
    def concerned(self) -> str:
        """The respondents with hard findings and their files: a few named, then how many more."""
        named = [f"{who} ({Path(file).name})" if file else who for who, file in self.respondents]
        more = self.respondent_count - len(named)
        return (
            f"respondents concerned ({self.respondent_count:,}): "
            + ", ".join(named)
            + (f" and {more:,} more" if more > 0 else "")
        )

    def lines(self) -> list[str]:
        """The year's part of the message: rules, respondents and files, workbooks."""
        out = [f"{self.fiscal_year} (gate run {self.gate_run_id}):"]
        out += [f"  {_rule_line(rule)}" for rule in self.hard]
        out.append(f"  {self.concerned}")
        out.append(f"  cleaning-log workbooks to send ({len(self.workbooks)}):")
        out += [f"    {path}" for path in self.workbooks]
        if self.soft:
            out.append(f"  also {len(self.soft)} soft rule(s) outside tolerance (flags once the hard ones pass)")
        return out


def _rule_line(rule: FailedRule) -> str:
    return f"{rule.severity} {rule.rule} [{rule.family}]: {rule.broken:,} of {rule.applicable:,}"


def verdicts(con: duckdb.DuckDBPyConnection, runs: Sequence[GateRun], cleaning_log: Path) -> list[Verdict]:
    """A verdict for each failed run of ``runs`` (each a year's latest gate run)."""
    out = []
    for run in runs:
        if run.passed:
            continue
        rules = [
            FailedRule(rule, family, severity, int(broken), int(applicable))
            for rule, family, severity, broken, applicable in con.execute(
                """
                select rule, rule_family, severity, broken, applicable from gate.rule_results
                where fiscal_year = ? and not success order by severity = 'hard' desc, broken desc, rule
                """,
                [run.fiscal_year],
            ).fetchall()
        ]
        concerned = con.execute(
            """
            select coalesce(respondent_name, respondent_code, '(unknown respondent)'), any_value(file_path)
            from gate.findings where fiscal_year = ? and severity = 'hard'
            group by all order by 1
            """,
            [run.fiscal_year],
        ).fetchall()
        out.append(
            Verdict(
                fiscal_year=run.fiscal_year,
                gate_run_id=run.run_id,
                hard=[r for r in rules if r.severity == "hard"],
                soft=[r for r in rules if r.severity != "hard"],
                respondents=[(str(who), str(file or "")) for who, file in concerned[:NAMED]],
                respondent_count=len(concerned),
                workbooks=workbooks_with(con, cleaning_log, run.fiscal_year, "hard"),
                counts=dict(run.counts),
                cleaning_log=year_folder(cleaning_log, run.fiscal_year),
            )
        )
    return out


def message(found: Sequence[Verdict], published: Path) -> str:
    """The one failure message: every failed year's rules, respondents and workbooks, and what was kept."""
    years = ", ".join(str(v.fiscal_year) for v in found)
    hard = sum(len(v.hard) for v in found)
    lines = [f"quality gate: {hard} hard rule{'s' if hard != 1 else ''} failed in {years}; publication held back"]
    for verdict in found:
        lines += verdict.lines()
    lines.append(f"{published} was left as it was; corrected returns go into raw/ and trigger a new run.")
    return "\n".join(lines)


def alert(found: Verdict, run_id: str, settings: Settings) -> Alert:
    """The gate alert of one year: the same rules (hard, then soft, each with its severity), respondents and
    workbooks as the failure message."""
    return Alert(
        kind="gate_failed",
        title=found.summary.split(": ", 1)[1] + "; publication held back",
        run_id=run_id,
        fiscal_year=found.fiscal_year,
        summary=[
            f"Gate run {found.gate_run_id}.",
            found.concerned[0].upper() + found.concerned[1:] + ".",
            f"The analysts' file {settings.published} was left as it was.",
            *left_unchanged(settings),
            "Send each prefecture its workbook; corrected returns go into raw/ and trigger a new run.",
        ],
        counts=found.counts,
        failed_rules=[(r.severity, r.rule, r.broken) for r in [*found.hard, *found.soft]],
        cleaning_log=str(found.cleaning_log),
        workbooks=[str(path) for path in found.workbooks],
    )
