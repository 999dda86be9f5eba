"""One run of the plan, built once from the settings and passed to every step: which settings, which survey
year, which steps, under which label (what names its gate runs and dbt results)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from warehouse.codebook.model import editions
from warehouse.ingest.folder import has_returns
from warehouse.settings import Settings


def _quiet(*_: object) -> None:
    """What an event does when nobody listens."""


@dataclass(frozen=True)
class Events:
    """Where a runner hears of a run's progress: the command line prints it, Dagster logs it."""

    stage: Callable[[str], None] = _quiet  # a step starts (its name)
    progress: Callable[[int, int], None] = _quiet  # workbooks read so far, of how many
    say: Callable[[str], None] = _quiet  # a sentence worth showing (waiting for the lock, leftovers removed)


@dataclass(frozen=True)
class Run:
    settings: Settings
    year: int  # the survey year refreshed: its returns are read, its gate run's id goes into the publication
    label: str  # names this run's gate runs (``<label>-<year>``) and dbt results: Dagster's run id, or a new one
    steps: frozenset[str]  # the steps of the plan this run executes (a step warms the next only if it runs)
    rebuild: bool = False  # move the working file aside and read every year of raw/ again
    select: tuple[str, ...] = ()  # the dbt models of a subset picked in Dagster's UI (empty: what the plan decides)
    events: Events = field(default_factory=Events, compare=False)

    @classmethod
    def of(
        cls,
        settings: Settings,
        year: int | None = None,
        *,
        steps: Iterable[str] | None = None,
        label: str | None = None,
        **options: object,
    ) -> Run:
        """A run of ``steps`` (every step of the plan when None) on ``year`` (default: :func:`default_year`)."""
        from warehouse.pipeline.plan import PLAN

        return cls(
            settings,
            default_year(settings.raw) if year is None else year,
            label or new_label(),
            frozenset(PLAN) if steps is None else frozenset(steps),
            **options,  # type: ignore[arg-type]
        )

    def gate_run_id(self, year: int) -> str:
        return f"{self.label}-{year}"

    @property
    def min_returns_share(self) -> float | None:
        """The share of the last publication's returns below which a form is refused; None when forced."""
        return None if self.settings.force else self.settings.min_returns_share


def new_label() -> str:
    return f"run-{dt.datetime.now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"


def default_year(raw: Path) -> int:
    """The survey year a run refreshes unless told: the latest edition with returns under ``raw``, else the
    latest edition (whose refusal then says that its folder is empty)."""
    known = editions()
    found = (year for year in reversed(known) if raw.is_dir() and has_returns(raw, year))
    return next(found, known[-1])
