"""The quality gate in the asset graph: audit, report back, then block or allow publishing.

    staging/intermediate ─▶ gate/findings ─▶ gate/cleaning_log ─▶ quality_gate (blocking check
                                                                     on every marts/report asset)
    marts/report ─────────────────────────────────────────────────▶ published

- ``gate/findings`` validates the staged answers of every survey year in the working file with the
  generated GX suites (``warehouse.gate.run``) and records the findings; it never fails on bad data,
  so the cleaning log is written exactly when it is needed most;
- ``gate/cleaning_log`` writes the 疑義照会 workbooks, one per prefecture, for each year's latest gate run,
  into ``<cleaning_log>/<year>/`` (replaced as a whole);
- ``quality_gate`` is a blocking ERROR check on each published asset: when a hard rule failed, the
  check fails, ``published`` does not run and the gate alert goes out naming the failed rules (hard
  first, then soft) and the workbooks listing hard findings.

Rules are named as in ``expectations/gate.yaml`` and ``gate.findings.rule``: ``<form>.<check column>``,
``cross.<family>``, ``ingest.<issue code>``, ``file.<reason code>``.

Soft rules never block: they are summarised by the ``soft_rules`` WARN check of ``gate/findings`` and
recorded in the publication's metadata as its flags.
"""

from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.dbt_assets import PUBLISHED_KEYS, STAGED_KEYS
from orchestration.ingest_assets import RAW_ANSWERS, WRITER_POOL
from orchestration.resources import WarehousePaths
from warehouse.alerts.sinks import Alert, AlertDeliveryError, send
from warehouse.codebook import editions
from warehouse.gate.cleaning_log import export_by_prefecture, workbooks_with, year_folder
from warehouse.gate.run import GateRun, latest_gate_runs, run_gate
from warehouse.publish.postgres import left_unchanged
from warehouse.settings import Settings

GATE_FINDINGS = dg.AssetKey(["gate", "findings"])
CLEANING_LOG = dg.AssetKey(["gate", "cleaning_log"])
CHECK_NAME = "quality_gate"
#: Run tag set once the gate alert of a run has been delivered, so the run-failure alert is not sent twice.
ALERTED_TAG = "warehouse/alerted"
MAX_RULES_SHOWN = 15


def gated_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    """The survey years with returns in the working file and a codebook edition to check them by."""
    rows = con.execute("select distinct fiscal_year from staging.stg_survey__submissions").fetchall()
    present = {year for (year,) in rows}
    return sorted(present & set(editions()))


def _rules_markdown(rules: list[tuple[str, str, int]]) -> str:
    if not rules:
        return "_no failed rule_"
    lines = ["| severity | rule | broken |", "|---|---|---|"]
    lines += [f"| {severity} | {rule} | {broken:,} |" for severity, rule, broken in rules[:MAX_RULES_SHOWN]]
    if len(rules) > MAX_RULES_SHOWN:
        lines.append(f"| … | {len(rules) - MAX_RULES_SHOWN} more | |")
    return "\n".join(lines)


@dg.asset(
    key=GATE_FINDINGS,
    group_name="gate",
    deps=[
        *STAGED_KEYS,
        RAW_ANSWERS,
        dg.AssetKey(["codebook", "items"]),
        dg.AssetKey(["reference", "local_governments"]),
        dg.AssetKey(["reference", "municipal_codes"]),
    ],
    kinds={"great_expectations", "duckdb"},
    pool=WRITER_POOL,
    check_specs=[
        dg.AssetCheckSpec(
            "soft_rules",
            asset=GATE_FINDINGS,
            description="Warns when a soft rule failed: the marts are still published, with the rule as a flag.",
        )
    ],
    description="The quality gate: every staged answer of every survey year checked against the codebook's "
    "rules (GX suites under expectations/); each broken answer becomes a row of gate.findings, each rule a "
    "row of gate.rule_results. Records, never blocks: the quality_gate checks on the marts do that.",
)
def gate_findings(context: dg.AssetExecutionContext, paths: WarehousePaths) -> dg.MaterializeResult:
    with paths.writing(context, "gate/findings"):
        with duckdb.connect(str(paths.db), read_only=True) as con:
            years = gated_years(con)
        if not years:
            raise dg.Failure(f"nothing to check: {paths.db} holds no returns of a survey year with a codebook")
        results = {year: run_gate(paths.db, year, f"{context.run.run_id}-{year}") for year in years}
    hard_rules = [f"{year}: {rule}" for year, r in results.items() for rule in r.hard_failures]
    soft_rules = [
        f"{year}: {rule.name}" for year, r in results.items() for rule in r.failed_rules if rule.severity != "hard"
    ]
    passed = all(r.passed for r in results.values())
    for year, r in results.items():
        context.log.info(
            f"{year}: {'passed' if r.passed else 'FAILED'}, {len(r.rules)} rules, {len(r.failed_rules)} failed "
            f"({len(r.hard_failures)} hard), {r.findings:,} findings in {r.seconds:.1f} s"
        )
    return dg.MaterializeResult(
        metadata={
            "passed": passed,
            "gate_runs": dg.MetadataValue.json({str(y): r.run_id for y, r in results.items()}),
            "findings": sum(r.findings for r in results.values()),
            "findings_by_severity": dg.MetadataValue.json(
                {str(y): dict(sorted(r.counts.items())) for y, r in results.items()}
            ),
            "rules_checked": sum(len(r.rules) for r in results.values()),
            "hard_rules_failed": dg.MetadataValue.json(hard_rules),
            "soft_rules_failed": len(soft_rules),
        },
        check_results=[
            dg.AssetCheckResult(
                check_name="soft_rules",
                passed=not soft_rules,
                severity=dg.AssetCheckSeverity.WARN,
                metadata={"failed": dg.MetadataValue.json(soft_rules[:MAX_RULES_SHOWN]), "count": len(soft_rules)},
            )
        ],
    )


@dg.asset(
    key=CLEANING_LOG,
    group_name="gate",
    deps=[GATE_FINDINGS],
    kinds={"excel"},
    pool=WRITER_POOL,
    description="The cleaning log as 疑義照会 workbooks: one per prefecture with its own findings, and a national "
    "summary, per survey year, from that year's latest gate run. Written whether or not the gate passed.",
)
def cleaning_log(context: dg.AssetExecutionContext, paths: WarehousePaths) -> dg.MaterializeResult:
    written: dict[str, list[str]] = {}
    with paths.writing(context, "gate/cleaning_log"):
        runs = latest_gate_runs(paths.db)
        with duckdb.connect(str(paths.db), read_only=True) as con:
            for run in runs:
                files = export_by_prefecture(con, paths.cleaning_log, run.run_id, run.fiscal_year)
                written[str(run.fiscal_year)] = [path.name for path in files]
                folder = year_folder(paths.cleaning_log, run.fiscal_year)
                context.log.info(f"{run.fiscal_year}: {len(files)} workbooks in {folder}")
    return dg.MaterializeResult(
        metadata={
            "folder": dg.MetadataValue.path(str(paths.cleaning_log)),
            "workbooks": sum(len(files) for files in written.values()),
            "files": dg.MetadataValue.json(written),
        }
    )


def gate_alert(
    run: GateRun, dagster_run_id: str, folder: Path, published: Path, workbooks: list[Path] | None = None
) -> Alert:
    """The alert of a year whose hard rules failed: rules hard first then soft, and the workbooks to act on."""
    hard = run.failed("hard")
    return Alert(
        kind="gate_failed",
        title=f"{len(hard)} hard rule{'s' if len(hard) != 1 else ''} failed; publishing stopped",
        run_id=dagster_run_id,
        fiscal_year=run.fiscal_year,
        summary=[
            f"Gate run {run.run_id}: {run.findings:,} findings.",
            f"The analysts' file {published} was left as it was.",
            *left_unchanged(Settings.from_env()),
            "Send each prefecture its workbook; corrected returns go into raw/ and trigger a new run.",
        ],
        counts=run.counts,
        failed_rules=run.failed_rules,
        cleaning_log=str(year_folder(folder, run.fiscal_year)),
        workbooks=[str(path) for path in workbooks or []],
    )


@dg.multi_asset_check(
    name=CHECK_NAME,
    specs=[
        dg.AssetCheckSpec(
            CHECK_NAME,
            asset=key,
            blocking=True,
            additional_deps=[CLEANING_LOG],
            description="Passes when no hard rule of the quality gate failed in any survey year; blocks "
            "publishing otherwise (the cleaning log says which answers to follow up).",
        )
        for key in PUBLISHED_KEYS
    ],
    pool=WRITER_POOL,
)
def quality_gate(context: dg.AssetCheckExecutionContext, paths: WarehousePaths) -> Iterator[dg.AssetCheckResult]:
    with paths.writing(context, "quality_gate"):  # a read-only open fails while another process writes
        runs = latest_gate_runs(paths.db)
    failing = [run for run in runs if not run.passed]
    passed = bool(runs) and not failing
    metadata = {
        "gate_runs": dg.MetadataValue.json({str(run.fiscal_year): run.run_id for run in runs}),
        "findings_by_severity": dg.MetadataValue.json({str(run.fiscal_year): run.counts for run in runs}),
        "failed_rules": dg.MetadataValue.md(
            "\n\n".join(f"**{run.fiscal_year}**\n\n{_rules_markdown(run.failed_rules)}" for run in runs)
            or "_the gate has not run_"
        ),
        "cleaning_log": dg.MetadataValue.path(str(paths.cleaning_log)),
    }
    if failing:
        _send_gate_alerts(context, failing, paths)
    for key in PUBLISHED_KEYS:
        yield dg.AssetCheckResult(
            asset_key=key,
            check_name=CHECK_NAME,
            passed=passed,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata=metadata,
            description=None if passed else "hard rules failed in " + ", ".join(str(r.fiscal_year) for r in failing),
        )


def _send_gate_alerts(context: dg.AssetCheckExecutionContext, failing: list[GateRun], paths: WarehousePaths) -> None:
    run_id = context.run.run_id
    delivered = 0
    with duckdb.connect(str(paths.db), read_only=True) as con:
        concerned = {
            run.fiscal_year: workbooks_with(con, paths.cleaning_log, run.fiscal_year, "hard") for run in failing
        }
    for run in failing:
        try:
            send(gate_alert(run, run_id, paths.cleaning_log, paths.published, concerned[run.fiscal_year]))
            delivered += 1
        except (AlertDeliveryError, ValueError) as error:
            context.log.error(f"the gate alert of {run.fiscal_year} could not be delivered: {error}")
    if delivered == len(failing):
        context.instance.add_run_tags(run_id, {ALERTED_TAG: "gate_failed"})
