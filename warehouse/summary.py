"""What a data engineer reads at the end of a refresh: where the published file is, who returned,
what the gate found, how long each step took, and a query to try."""

from __future__ import annotations

from pathlib import Path

from warehouse.gate.cleaning_log import year_folder
from warehouse.ingest.store import connect
from warehouse.refresh import RefreshReport

EXAMPLE_QUERY = (
    "select scenario_label, count(*) filter (where is_engaged) as engaged, count(*) as municipalities "
    "from marts.fct_scenario_status join marts.dim_scenario using (scenario_key) group by all order by 1"
)


def summary(report: RefreshReport, db: Path, published: Path, cleaning_log: Path) -> str:
    year = report.fiscal_year
    with connect(db, read_only=True) as con:
        forms = con.execute(
            "select form, count(*), count(*) filter (where identity_status <> 'ok') "
            "from staging.stg_survey__submissions where fiscal_year = ? group by form order by form",
            [year],
        ).fetchall()
        versions = con.execute(
            "select count(*) - count(distinct respondent_key) from raw.submissions where fiscal_year = ?", [year]
        ).fetchone()
        quarantine = con.execute(
            "select reason_code, count(*) from raw.quarantine where fiscal_year = ? group by all order by 2 desc",
            [year],
        ).fetchall()
    lines = [f"refresh of fiscal year {year}:"]
    lines += [f"  {form:<13} {n:>6,} respondents ({bad} with an unknown or missing code)" for form, n, bad in forms]
    lines.append(f"  earlier versions kept (resubmissions): {versions[0] if versions else 0}")
    lines.append("  quarantined files: " + (", ".join(f"{c} {n}" for c, n in quarantine) or "none"))
    if report.gate is not None:
        counts = ", ".join(f"{n:,} {s}" for s, n in sorted(report.gate.counts.items())) or "none"
        failed = ", ".join(r.name for r in report.gate.failed_rules[:8]) or "none"
        lines.append(f"  gate: {'passed' if report.gate.passed else 'FAILED'}; findings {counts}")
        lines.append(f"  rules outside tolerance: {failed}")
    if report.cleaning_log:
        lines.append(f"  cleaning log: {len(report.cleaning_log)} workbooks in {year_folder(cleaning_log, year)}")
    steps = ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in report.stages.items())
    lines.append(f"  time: {report.seconds:.1f} s ({steps})")
    if report.published is not None:
        lines.append(f"  published: {published} ({len(report.published.tables)} tables)")
        snippet = f"import duckdb; duckdb.connect('{published}', read_only=True).sql('{EXAMPLE_QUERY}').show()"
        lines.append(f'  try: .venv/bin/python -c "{snippet}"')
    else:
        lines.append(f"  NOT published ({report.blocked}); the previous publication, if any, is unchanged")
    return "\n".join(lines)
