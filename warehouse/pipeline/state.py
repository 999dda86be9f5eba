"""What a run found so far, step by step: the command line's summary and Dagster's metadata read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from warehouse.gate.run import GateResult
from warehouse.ingest.run import IngestReport
from warehouse.publish.postgres import PostgresResult
from warehouse.publish.swap import PublishResult
from warehouse.site.build import SiteReport
from warehouse.transform.dbt import BuildReport


@dataclass(frozen=True)
class Returns:
    """Who returned, as the working file says at the end of the refresh (read under the writer lock)."""

    forms: list[tuple[str, int, int]]  # (form, respondents, of them with an unknown or missing code)
    earlier_versions: int  # resubmissions: versions kept beside the current ones
    quarantined: list[tuple[str, int]]  # (reason code, files), most first


@dataclass
class RefreshReport:
    fiscal_year: int
    ingest: IngestReport | None = None
    lookups: dict[str, int] = field(default_factory=dict)  # lookup table → rows written
    dbt: BuildReport | None = None
    gate: GateResult | None = None  # the refreshed year's
    gates: dict[int, GateResult] = field(default_factory=dict)  # every year gated (see steps.gate_years)
    alerted: list[int] = field(default_factory=list)  # years whose gate alert was delivered
    published: PublishResult | None = None
    cleaning_log: dict[int, list[Path]] = field(default_factory=dict)  # year → the workbooks written
    stages: dict[str, float] = field(default_factory=dict)  # step → seconds (the cleaning log's overlaps)
    seconds: float = 0.0  # the whole refresh, wall clock
    blocked: str | None = None  # why nothing was published
    after_failures: list[str] = field(default_factory=list)  # steps after the publication that failed (it stands)
    leftovers: list[Path] = field(default_factory=list)  # what crashed runs had left, removed
    rebuilt: tuple[str, Path] | None = None  # why the working file was rebuilt from raw/, and where the old one went
    returns: Returns | None = None
    postgres: PostgresResult | None = None  # the copy in PostgreSQL, when one is configured
    site: SiteReport | None = None
    site_skipped: str | None = None  # why no site was written
    nothing_to_do: str | None = None  # why the run stopped before its first step: nothing changed

    @property
    def ok(self) -> bool:
        return self.blocked is None and not self.after_failures
