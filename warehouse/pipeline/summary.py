"""What a data engineer reads at the end of a refresh: where the published file is, who returned,
what the gate found, how long each step took, and a query to try."""

from __future__ import annotations

from pathlib import Path

from warehouse.cleaning_log.workbooks import year_folder
from warehouse.pipeline.state import RefreshReport, Returns

EXAMPLE_QUERY = (
    "select scenario_label, count(*) filter (where is_engaged) as engaged, count(*) as municipalities "
    "from marts.fct_scenario_status join marts.dim_scenario using (scenario_key) group by all order by 1"
)


def summary(report: RefreshReport, published: Path, cleaning_log: Path) -> str:
    year = report.fiscal_year
    returns = report.returns or Returns([], 0, [])
    lines = [f"refresh of fiscal year {year}:"]
    if report.rebuilt is not None:
        reason, aside = report.rebuilt
        lines.append(f"  working file rebuilt from raw/ ({reason}); the old one is kept as {aside}")
    lines += [
        f"  {form:<13} {n:>6,} respondents ({bad} with an unknown or missing code)" for form, n, bad in returns.forms
    ]
    lines.append(f"  earlier versions kept (resubmissions): {returns.earlier_versions}")
    lines.append("  quarantined files: " + (", ".join(f"{c} {n}" for c, n in returns.quarantined) or "none"))
    if report.gate is not None:
        counts = ", ".join(f"{n:,} {s}" for s, n in sorted(report.gate.counts.items())) or "none"
        failed = ", ".join(r.name for r in report.gate.failed_rules[:8]) or "none"
        lines.append(
            f"  gate: {'passed' if report.gate.passed else 'FAILED'}; findings {counts}; "
            f"{report.gate.validated} suites validated, {report.gate.recalled} unchanged since the last run"
        )
        lines.append(f"  rules outside tolerance: {failed}")
    if report.cleaning_log.get(year):
        workbooks = report.cleaning_log[year]
        lines.append(f"  cleaning log: {len(workbooks)} workbooks in {year_folder(cleaning_log, year)}")
    steps = ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in report.stages.items())
    lines.append(f"  time: {report.seconds:.1f} s ({steps})")
    if report.published is not None:
        lines.append(f"  published: {published} ({len(report.published.tables)} tables)")
        if report.site_skipped:
            lines.append(f"  site: not written, {report.site_skipped}")
        if report.site is not None:
            lines.append(f"  site: {report.site.index} ({report.site.pages:,} pages, quality: {report.site.quality})")
            if report.site.data_docs is not None:
                lines.append(f"  Great Expectations Data Docs: {report.site.data_docs}")
        snippet = f"import duckdb; duckdb.connect('{published}', read_only=True).sql('{EXAMPLE_QUERY}').show()"
        lines.append(f'  try: .venv/bin/python -c "{snippet}"')
        if report.postgres is not None:
            pg = report.postgres
            lines.append(f"  published to PostgreSQL: {pg.target} ({len(pg.tables)} tables, {pg.seconds:.1f} s)")
        if report.after_failures:  # the file was published, a step after it was not done: said below the summary
            lines.append(f"  after the publication, which stands: {len(report.after_failures)} step(s) failed")
    else:
        lines.append(f"  NOT published ({report.blocked}); the previous publication, if any, is unchanged")
    return "\n".join(lines)
