"""Refusals that protect the analysts' file from a refresh that would publish nonsense.

Before any work: a missing raw folder, an edition without a codebook, a missing or empty
``raw/<year>/``.  Once the models are built: a year whose current returns of some form fell below
``min_share`` of the respondents of the last publication of that year (a mistyped ``--raw``, a copy
that stopped halfway).  Each refusal is one sentence; ``force`` lets the refusals on the returns
(empty year, sharp drop) through, never those on the configuration.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from warehouse.codebook import FORMS, editions
from warehouse.ingest.folder import has_returns
from warehouse.publish.swap import PublishError, read_publication

#: How a refusal on the returns is overridden, in the command line, the environment and Dagster.
FORCE_HINT = "--force, WAREHOUSE_FORCE=1 or force: true in Dagster's warehouse resource publishes anyway"
#: The ``meta.publication`` column holding ``{year: {form: respondents}}`` of what was published.
RESPONDENTS_KEY = "respondents"


class Refused(RuntimeError):
    """The refresh would publish nonsense; the message says why in one sentence and how to force it."""


def check_inputs(raw: Path, year: int, *, force: bool = False) -> None:
    """Refuse before any work what cannot be right: no raw folder, no codebook, no returns for the year."""
    raw = Path(raw)
    if not raw.is_dir():
        raise Refused(f"the raw folder {raw} does not exist; check --raw or WAREHOUSE_RAW")
    if year not in editions():
        known = ", ".join(str(y) for y in editions())
        raise Refused(f"fiscal year {year} has no codebook edition (warehouse/codebook/editions/ has {known})")
    if force:
        return
    year_dir = raw / str(year)
    if not has_returns(raw, year):
        what = "does not exist" if not year_dir.is_dir() else "holds no returns in " + "/, ".join(FORMS) + "/"
        raise Refused(f"{year_dir} {what}; nothing would be published but empty tables ({FORCE_HINT})")


def current_respondents(con: duckdb.DuckDBPyConnection, year: int) -> dict[str, int]:
    """Respondents with a current return, per form, in the working file (as the staging models decide)."""
    rows = con.execute(
        "select form, count(*) from staging.stg_raw__submissions where fiscal_year = ? group by form order by form",
        [year],
    ).fetchall()
    return {str(form): int(n) for form, n in rows}


def published_respondents(published: Path) -> dict[int, dict[str, int]]:
    """``{year: {form: respondents}}`` of the publication now at ``published`` ({} when there is none,
    or it predates the count)."""
    try:
        meta = read_publication(published) or {}
    except (PublishError, duckdb.Error):
        return {}
    try:
        counts = json.loads(meta.get(RESPONDENTS_KEY) or "{}")
        return {int(year): {str(f): int(n) for f, n in forms.items()} for year, forms in counts.items()}
    except (ValueError, TypeError, AttributeError):
        return {}


def check_drop(current: dict[str, int], published: Path, year: int, *, min_share: float) -> None:
    """Refuse when some form's current respondents are fewer than ``min_share`` of the last publication's."""
    last = published_respondents(published).get(year, {})
    for form, before in sorted(last.items()):
        now = current.get(form, 0)
        if before > 0 and now < min_share * before:
            raise Refused(
                f"fiscal year {year} has {now:,} current {form} returns against {before:,} in the last publication "
                f"({published}), below the share {min_share:g} (WAREHOUSE_MIN_RETURNS_SHARE); if the returns are "
                f"really fewer, {FORCE_HINT}"
            )


def check_years(years: set[int], published: Path) -> None:
    """Refuse when a year of the last publication has no returns in the working file at all (a working file
    rebuilt from a raw folder that lacks it): publishing would remove the year from the analysts' file."""
    for year, forms in sorted(published_respondents(published).items()):
        if year not in years and sum(forms.values()) > 0:
            raise Refused(
                f"fiscal year {year} is in the last publication ({published}, {sum(forms.values()):,} returns) but "
                f"the working file holds no return of it; put its returns in raw/{year}/ and refresh it, or, to "
                f"remove it from the publication, {FORCE_HINT}"
            )


def respondents_metadata(counts: dict[int, dict[str, int]]) -> dict[str, str]:
    """The publication metadata that :func:`check_drop` compares the next refresh with."""
    by_year = {str(year): dict(sorted(forms.items())) for year, forms in sorted(counts.items())}
    return {RESPONDENTS_KEY: json.dumps(by_year)}
