"""The quality gate in the asset graph: audit, report back, then allow publishing or hold it back.

    staging/intermediate ─▶ gate/findings + gate/cleaning_log
                                │
                                └─▶ quality_gate (blocking check; fails the run, alerts) ─▶ published

Each runs one step of the plan (``warehouse.pipeline.plan``), as the command line does:

- ``gate/findings`` (step ``gate``) refuses a sharp drop in returns, then validates the staged answers of the
  run's survey year (and of any year not gated since the models were last rebuilt whole) and records the
  findings; its ``hard_rules`` check fails when a hard rule failed, its ``soft_rules`` check warns;
- ``gate/cleaning_log`` (step ``cleaning_log``, in the same Dagster step) writes the 疑義照会 workbooks of the
  years gated;
- ``quality_gate`` (step ``verdict``, a blocking check) fails the run with the one message naming the failed hard
  rules with their counts, the respondents and files concerned and the workbooks to send, and sends the gate
  alert saying the same (``warehouse.pipeline.verdict``); ``published`` then does not run.

Rules are named as in ``expectations/gate.yaml`` and ``gate.findings.rule``: ``<form>.<check column>``,
``cross.<family>``, ``ingest.<issue code>``, ``file.<reason code>``.
"""

from collections.abc import Iterator

import dagster as dg

from orchestration.constants import (
    ALERTED_TAG,
    CLEANING_LOG,
    GATE_FINDINGS,
    QUALITY_GATE,
    RAW_ANSWERS,
    WRITER_POOL,
)
from orchestration.resources import WarehouseSettings, run_of, run_step
from warehouse.cleaning_log.workbooks import year_folder
from warehouse.gate.run import GateResult, latest_gate_runs
from warehouse.pipeline.state import RefreshReport

HARD_RULES = "hard_rules"
SOFT_RULES = "soft_rules"
MAX_RULES_SHOWN = 15


def _rules_markdown(rules: list[tuple[str, str, int]]) -> str:
    if not rules:
        return "_no failed rule_"
    lines = ["| severity | rule | broken |", "|---|---|---|"]
    lines += [f"| {severity} | {rule} | {broken:,} |" for severity, rule, broken in rules[:MAX_RULES_SHOWN]]
    if len(rules) > MAX_RULES_SHOWN:
        lines.append(f"| … | {len(rules) - MAX_RULES_SHOWN} more | |")
    return "\n".join(lines)


def build_gate(staged: tuple[dg.AssetKey, ...]) -> dg.AssetsDefinition:
    """The gate's assets (findings and cleaning log), downstream of the staged models ``staged``."""

    @dg.multi_asset(
        name="gate",
        specs=[
            dg.AssetSpec(
                GATE_FINDINGS,
                group_name="gate",
                deps=[
                    *staged,
                    RAW_ANSWERS,
                    dg.AssetKey(["codebook", "items"]),
                    dg.AssetKey(["reference", "local_governments"]),
                ],
                kinds={"great_expectations", "duckdb"},
                description="The quality gate: a sharp drop in returns refused, then every staged answer of the survey "
                "years refreshed checked against the codebook's rules (GX suites under expectations/); each broken "
                "answer becomes a row of gate.findings, each rule a row of gate.rule_results. Records, never fails: "
                "quality_gate holds the publication back.",
            ),
            dg.AssetSpec(
                CLEANING_LOG,
                group_name="gate",
                deps=[GATE_FINDINGS],
                kinds={"excel"},
                description="The cleaning log as 疑義照会 workbooks: one per prefecture with its own findings, and a "
                "national summary, per survey year gated, from that year's latest gate run. Written whether or not "
                "the gate passed.",
            ),
        ],
        check_specs=[
            dg.AssetCheckSpec(
                HARD_RULES,
                asset=GATE_FINDINGS,
                description="Fails when a hard rule of the quality gate failed: the publication is held back.",
            ),
            dg.AssetCheckSpec(
                SOFT_RULES,
                asset=GATE_FINDINGS,
                description="Warns when a soft rule failed: the marts are still published, with the rule as a flag.",
            ),
        ],
        pool=WRITER_POOL,
    )
    def gate(
        context: dg.AssetExecutionContext, warehouse: WarehouseSettings
    ) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
        run = run_of(context, warehouse)
        report = run_step(context, "gate", run)
        yield from _gate_events(context, report.gates)
        written = run_step(context, "cleaning_log", run, report).cleaning_log
        for year, files in written.items():
            context.log.info(f"{year}: {len(files)} workbooks in {year_folder(run.settings.cleaning_log, year)}")
        yield dg.MaterializeResult(
            asset_key=CLEANING_LOG,
            metadata={
                "folder": dg.MetadataValue.path(str(run.settings.cleaning_log)),
                "workbooks": sum(len(files) for files in written.values()),
                "files": dg.MetadataValue.json({str(y): [p.name for p in files] for y, files in written.items()}),
            },
        )

    return gate


def _gate_events(
    context: dg.AssetExecutionContext, results: dict[int, GateResult]
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    for year, r in results.items():
        context.log.info(
            f"{year}: {'passed' if r.passed else 'FAILED'}, {len(r.rules)} rules, {len(r.failed_rules)} failed "
            f"({len(r.hard_failures)} hard), {r.findings:,} findings in {r.seconds:.1f} s "
            f"({r.validated} suites validated, {r.recalled} unchanged since the last run)"
        )
    hard = [(year, rule) for year, r in results.items() for rule in r.hard_failures]
    soft = [f"{year}: {rule.name}" for year, r in results.items() for rule in r.failed_rules if rule.severity != "hard"]
    yield dg.MaterializeResult(
        asset_key=GATE_FINDINGS,
        metadata={
            "passed": not hard,
            "years": dg.MetadataValue.json(sorted(results)),
            "gate_runs": dg.MetadataValue.json({str(y): r.run_id for y, r in results.items()}),
            "findings": sum(r.findings for r in results.values()),
            "findings_by_severity": dg.MetadataValue.json(
                {str(y): dict(sorted(r.counts.items())) for y, r in results.items()}
            ),
            "rules_checked": sum(len(r.rules) for r in results.values()),
            "hard_rules_failed": dg.MetadataValue.json([f"{year}: {rule}" for year, rule in hard]),
            "soft_rules_failed": len(soft),
        },
    )
    yield dg.AssetCheckResult(
        asset_key=GATE_FINDINGS,
        check_name=HARD_RULES,
        passed=not hard,
        severity=dg.AssetCheckSeverity.ERROR,
        description=None if not hard else "hard rules failed: " + ", ".join(f"{y} {rule}" for y, rule in hard),
        metadata={"failed": dg.MetadataValue.md(_failed_markdown(results, "hard")), "count": len(hard)},
    )
    yield dg.AssetCheckResult(
        asset_key=GATE_FINDINGS,
        check_name=SOFT_RULES,
        passed=not soft,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"failed": dg.MetadataValue.json(soft[:MAX_RULES_SHOWN]), "count": len(soft)},
    )


def _failed_markdown(results: dict[int, GateResult], severity: str) -> str:
    parts = []
    for year, r in results.items():
        rules = [(x.severity, x.name, x.broken) for x in r.failed_rules if x.severity == severity]
        parts.append(f"**{year}**\n\n{_rules_markdown(rules)}")
    return "\n\n".join(parts)


@dg.multi_asset_check(
    name=QUALITY_GATE,
    specs=[
        dg.AssetCheckSpec(
            QUALITY_GATE,
            asset=GATE_FINDINGS,
            blocking=True,
            description="Passes when every survey year's latest gate run failed no hard rule. Otherwise it fails the "
            "run with one message (the hard rules with their counts, the respondents and files concerned, the "
            "workbooks to send) and sends the gate alert; published does not run.",
        )
    ],
    pool=WRITER_POOL,
)
def quality_gate(context: dg.AssetCheckExecutionContext, warehouse: WarehouseSettings) -> Iterator[dg.AssetCheckResult]:
    run = run_of(context, warehouse)
    report = RefreshReport(run.year)
    try:
        run_step(context, "verdict", run, report)
        failure = None
    except dg.Failure as failed:
        failure = failed
        if report.alerted:
            context.instance.add_run_tags(context.run.run_id, {ALERTED_TAG: "gate_failed"})
    runs = latest_gate_runs(run.settings.db)
    yield dg.AssetCheckResult(
        asset_key=GATE_FINDINGS,
        check_name=QUALITY_GATE,
        passed=bool(runs) and failure is None,
        severity=dg.AssetCheckSeverity.ERROR,
        description=None if failure is None else (failure.description or "").splitlines()[0],
        metadata={
            "gate_runs": dg.MetadataValue.json({str(r.fiscal_year): r.run_id for r in runs}),
            "findings_by_severity": dg.MetadataValue.json({str(r.fiscal_year): r.counts for r in runs}),
            "failed_rules": dg.MetadataValue.md(
                "\n\n".join(f"**{r.fiscal_year}**\n\n{_rules_markdown(r.failed_rules)}" for r in runs)
                or "_the gate has not run_"
            ),
            "cleaning_log": dg.MetadataValue.path(str(run.settings.cleaning_log)),
        },
    )
    if failure is not None:  # the run's one error: the verdict's message, as the command line prints it
        raise failure
