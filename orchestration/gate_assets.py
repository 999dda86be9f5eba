"""The quality gate in the asset graph: audit, report back, then allow publishing or hold it back.

    staging/intermediate ─▶ gate (gate/findings + gate/cleaning_log) ─▶ quality_gate (check; fails the run)
    marts/report ──────────────────────────────────────────────────────▶ published (held back, not failed)

- the ``gate`` step validates the staged answers of the years ``warehouse.pipeline.refresh.gate_years`` picks (the
  run's survey year, and any year not gated since the models were last rebuilt whole; every year in a run
  without a partition), records the findings and writes the 疑義照会 workbooks of those years, whatever the
  outcome; its ``hard_rules`` check fails when a hard rule failed, its ``soft_rules`` check warns;
- ``quality_gate`` (a check on ``gate/findings``, in a step of its own) fails the run with one message naming
  the failed hard rules with their counts, the respondents and files concerned and the workbooks to send, and
  sends the gate alert saying the same (``warehouse.pipeline.verdict``);
- ``published`` (``orchestration/publish_assets.py``) then publishes nothing and records why.

Rules are named as in ``expectations/gate.yaml`` and ``gate.findings.rule``: ``<form>.<check column>``,
``cross.<family>``, ``ingest.<issue code>``, ``file.<reason code>``.
"""

from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.dbt_assets import STAGED_KEYS, run_year
from orchestration.ingest_assets import RAW_ANSWERS, WRITER_POOL
from orchestration.resources import WarehousePaths
from warehouse.alerts.sinks import AlertDeliveryError, send
from warehouse.cleaning_log.workbooks import write_latest, year_folder
from warehouse.gate.run import GateResult, latest_gate_runs
from warehouse.pipeline import refresh, verdict

GATE_FINDINGS = dg.AssetKey(["gate", "findings"])
CLEANING_LOG = dg.AssetKey(["gate", "cleaning_log"])
CHECK_NAME = "quality_gate"
HARD_RULES = "hard_rules"
SOFT_RULES = "soft_rules"
#: Run tag set once the gate alert of a run has been delivered, so the run-failure alert is not sent twice.
ALERTED_TAG = "warehouse/alerted"
MAX_RULES_SHOWN = 15


def _rules_markdown(rules: list[tuple[str, str, int]]) -> str:
    if not rules:
        return "_no failed rule_"
    lines = ["| severity | rule | broken |", "|---|---|---|"]
    lines += [f"| {severity} | {rule} | {broken:,} |" for severity, rule, broken in rules[:MAX_RULES_SHOWN]]
    if len(rules) > MAX_RULES_SHOWN:
        lines.append(f"| … | {len(rules) - MAX_RULES_SHOWN} more | |")
    return "\n".join(lines)


@dg.multi_asset(
    name="gate",
    specs=[
        dg.AssetSpec(
            GATE_FINDINGS,
            group_name="gate",
            deps=[
                *STAGED_KEYS,
                RAW_ANSWERS,
                dg.AssetKey(["codebook", "items"]),
                dg.AssetKey(["reference", "local_governments"]),
            ],
            kinds={"great_expectations", "duckdb"},
            description="The quality gate: every staged answer of the survey years refreshed checked against the "
            "codebook's rules (GX suites under expectations/); each broken answer becomes a row of gate.findings, "
            "each rule a row of gate.rule_results. Records, never fails: quality_gate holds the publication back.",
        ),
        dg.AssetSpec(
            CLEANING_LOG,
            group_name="gate",
            deps=[GATE_FINDINGS],
            kinds={"excel"},
            description="The cleaning log as 疑義照会 workbooks: one per prefecture with its own findings, and a "
            "national summary, per survey year gated, from that year's latest gate run. Written whether or not the "
            "gate passed.",
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
    context: dg.AssetExecutionContext, paths: WarehousePaths
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    with paths.writing(context, "gate"):
        years = refresh.gate_years(paths.db, run_year(context))
        if not years:
            raise dg.Failure(f"nothing to check: {paths.db} holds no returns of a survey year with a codebook")
        results = refresh.gate(paths.db, years, run_id=lambda year: f"{context.run.run_id}-{year}")
        written = write_latest(paths.db, paths.cleaning_log, years, paths.raw)
    for year, r in results.items():
        context.log.info(
            f"{year}: {'passed' if r.passed else 'FAILED'}, {len(r.rules)} rules, {len(r.failed_rules)} failed "
            f"({len(r.hard_failures)} hard), {r.findings:,} findings in {r.seconds:.1f} s "
            f"({r.validated} suites validated, {r.recalled} unchanged since the last run); "
            f"{len(written.get(year, []))} workbooks in {year_folder(paths.cleaning_log, year)}"
        )
    hard = [(year, rule) for year, r in results.items() for rule in r.hard_failures]
    soft = [f"{year}: {rule.name}" for year, r in results.items() for rule in r.failed_rules if rule.severity != "hard"]
    yield dg.MaterializeResult(
        asset_key=GATE_FINDINGS,
        metadata={
            "passed": not hard,
            "years": dg.MetadataValue.json(years),
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
    yield dg.MaterializeResult(
        asset_key=CLEANING_LOG,
        metadata={
            "folder": dg.MetadataValue.path(str(paths.cleaning_log)),
            "workbooks": sum(len(files) for files in written.values()),
            "files": dg.MetadataValue.json({str(y): [p.name for p in files] for y, files in written.items()}),
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
    name=CHECK_NAME,
    specs=[
        dg.AssetCheckSpec(
            CHECK_NAME,
            asset=GATE_FINDINGS,
            additional_deps=[CLEANING_LOG],
            description="Passes when every survey year's latest gate run failed no hard rule. Otherwise it fails the "
            "run with one message (the hard rules with their counts, the respondents and files concerned, the "
            "workbooks to send) and sends the gate alert; published is held back.",
        )
    ],
    pool=WRITER_POOL,
)
def quality_gate(context: dg.AssetCheckExecutionContext, paths: WarehousePaths) -> Iterator[dg.AssetCheckResult]:
    with paths.writing(context, CHECK_NAME):  # a read-only open fails while another process writes
        runs = latest_gate_runs(paths.db)
        with duckdb.connect(str(paths.db), read_only=True) as con:
            failing = verdict.verdicts(con, runs, paths.cleaning_log)
    metadata = {
        "gate_runs": dg.MetadataValue.json({str(run.fiscal_year): run.run_id for run in runs}),
        "findings_by_severity": dg.MetadataValue.json({str(run.fiscal_year): run.counts for run in runs}),
        "failed_rules": dg.MetadataValue.md(
            "\n\n".join(f"**{run.fiscal_year}**\n\n{_rules_markdown(run.failed_rules)}" for run in runs)
            or "_the gate has not run_"
        ),
        "cleaning_log": dg.MetadataValue.path(str(paths.cleaning_log)),
    }
    if not failing:
        yield dg.AssetCheckResult(asset_key=GATE_FINDINGS, check_name=CHECK_NAME, passed=bool(runs), metadata=metadata)
        return
    _send_gate_alerts(context, failing, paths.published)
    text = verdict.message(failing, paths.published)
    workbooks = [str(path) for v in failing for path in v.workbooks]
    yield dg.AssetCheckResult(
        asset_key=GATE_FINDINGS,
        check_name=CHECK_NAME,
        passed=False,
        severity=dg.AssetCheckSeverity.ERROR,
        description="; ".join(v.summary for v in failing),
        metadata={**metadata, "workbooks": dg.MetadataValue.json(workbooks)},
    )
    raise dg.Failure(
        description=text,
        metadata={
            "hard_rules": dg.MetadataValue.json(
                [
                    {"year": v.fiscal_year, "rule": r.rule, "family": r.family, "broken": r.broken}
                    for v in failing
                    for r in v.hard
                ]
            ),
            "workbooks": dg.MetadataValue.json(workbooks),
        },
        allow_retries=False,
    )


def _send_gate_alerts(context: dg.AssetCheckExecutionContext, failing: list[verdict.Verdict], published: Path) -> None:
    run_id = context.run.run_id
    delivered = 0
    for found in failing:
        try:
            send(verdict.alert(found, run_id, published))
            delivered += 1
        except (AlertDeliveryError, ValueError) as error:
            context.log.error(f"the gate alert of {found.fiscal_year} could not be delivered: {error}")
    if delivered == len(failing):
        context.instance.add_run_tags(run_id, {ALERTED_TAG: "gate_failed"})
