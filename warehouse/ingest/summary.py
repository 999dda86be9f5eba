"""What a data engineer wants to see after an ingest: who returned, what was refused and why."""

from __future__ import annotations

from pathlib import Path

from warehouse.ingest.store import connect


def summary(db_path: Path, fiscal_year: int) -> str:
    """A short text report of the raw schema for one year, read over a read-only connection."""
    with connect(db_path, read_only=True) as con:
        forms = con.execute(
            "select form, count(*), count(*) filter (where identity_status <> 'ok') from raw.latest_submissions "
            "where fiscal_year = ? group by form order by form",
            [fiscal_year],
        ).fetchall()
        versions = con.execute(
            "select count(*) - count(distinct respondent_key) from raw.submissions where fiscal_year = ?", [fiscal_year]
        ).fetchone()
        quarantine = con.execute(
            "select reason_code, count(*) from raw.quarantine where fiscal_year = ? group by all order by 2 desc",
            [fiscal_year],
        ).fetchall()
        issues = con.execute(
            "select issue, count(*) from raw.ingest_issues join raw.submissions using (submission_id) "
            "where fiscal_year = ? group by all order by 2 desc",
            [fiscal_year],
        ).fetchall()
    lines = [f"raw schema of {db_path} for fiscal year {fiscal_year}:"]
    lines += [f"  {form:<13} {n:>6,} respondents ({bad} with an unknown or missing code)" for form, n, bad in forms]
    lines.append(f"  earlier versions kept (resubmissions): {versions[0] if versions else 0}")
    lines.append("  quarantined files: " + (", ".join(f"{c} {n}" for c, n in quarantine) or "none"))
    lines.append("  recorded repairs and issues: " + (", ".join(f"{c} {n}" for c, n in issues) or "none"))
    query = "select form, item_key, count(*) from raw.latest_answers group by all order by 3 desc limit 5"
    snippet = f"import duckdb; duckdb.connect('{db_path}', read_only=True).sql('{query}').show()"
    lines.append(f'  try: .venv/bin/python -c "{snippet}"')
    return "\n".join(lines)
