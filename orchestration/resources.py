"""Where the pipeline reads and writes and how it guards the working file, built from the one
settings object (``warehouse.settings``: the repository's defaults overridden by ``WAREHOUSE_*``
variables) and configurable per run in the launchpad (``resources: paths: config:``), e.g.
``force: true`` to publish despite a refusal on the returns.  Run config given for the resource
replaces its configuration: the fields it leaves out take the environment's settings.
"""

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from pathlib import Path
from typing import Any

import dagster as dg

from warehouse.pipeline.lock import WorkingFileBusy, WriterBusy, exclusive
from warehouse.pipeline.working_file import WorkingFileDamaged
from warehouse.settings import Settings, checked_file

_DEFAULTS = Settings.from_env()


class WarehousePaths(dg.ConfigurableResource):
    """The folder of returned workbooks, the working DuckDB file, the published file and the cleaning log,
    with the writer lock's behaviour and the refusals' settings."""

    raw_root: str = str(_DEFAULTS.raw)
    working_db: str = str(_DEFAULTS.db)
    published_db: str = str(_DEFAULTS.published)
    cleaning_log_root: str = str(_DEFAULTS.cleaning_log)
    site_root: str = ""  # empty: site/ beside the published file
    site_audience: str = _DEFAULTS.site_audience  # public, ministry or prefecture:<code>
    lock_wait: bool = _DEFAULTS.lock_wait
    lock_timeout: float | None = _DEFAULTS.lock_timeout
    min_returns_share: float = _DEFAULTS.min_returns_share
    force: bool = _DEFAULTS.force
    dbt_runs_kept: int = _DEFAULTS.dbt_runs_kept

    @classmethod
    def from_settings(cls, settings: Settings) -> "WarehousePaths":
        return cls(
            raw_root=str(settings.raw),
            working_db=str(settings.db),
            published_db=str(settings.published),
            cleaning_log_root=str(settings.cleaning_log),
            site_root=str(settings.site or ""),
            site_audience=settings.site_audience,
            lock_wait=settings.lock_wait,
            lock_timeout=settings.lock_timeout,
            min_returns_share=settings.min_returns_share,
            force=settings.force,
            dbt_runs_kept=settings.dbt_runs_kept,
        )

    @property
    def raw(self) -> Path:
        return Path(self.raw_root)

    @property
    def db(self) -> Path:
        return checked_file("working_db", Path(self.working_db))

    @property
    def published(self) -> Path:
        return checked_file("published_db", Path(self.published_db))

    @property
    def cleaning_log(self) -> Path:
        """The folder of the 疑義照会 workbooks (what the gate alert points to)."""
        return Path(self.cleaning_log_root)

    @property
    def site_reader(self) -> Any:
        """The site's audience (``warehouse.publish.disclosure.Reader``), refused with the setting's name."""
        return Settings(site_audience=self.site_audience).site_reader

    @property
    def site(self) -> Path:
        """The folder of the static site written from the published file."""
        return Path(self.site_root) if self.site_root else self.published.parent / "site"

    def writing(
        self, context: dg.AssetExecutionContext | dg.AssetCheckExecutionContext, step: str
    ) -> AbstractContextManager[None]:
        """The writer lock of the working file for one step (shared with the command line), with the
        leftovers of crashed runs removed; a wait is logged with whom it waits for, and a busy file
        fails the step with one sentence."""
        return _writing(self, f"dagster run {context.run.run_id}, step {step}", context.log.info)


@contextmanager
def _writing(paths: WarehousePaths, command: str, say: Callable[[str], None]) -> Iterator[None]:
    with ExitStack() as stack:
        try:
            removed = stack.enter_context(
                exclusive(
                    paths.db,
                    published=paths.published,
                    cleaning_log=paths.cleaning_log,
                    command=command,
                    wait=paths.lock_wait,
                    timeout=paths.lock_timeout,
                    on_wait=say,
                )
            )
        except (WriterBusy, WorkingFileBusy, WorkingFileDamaged) as error:
            raise dg.Failure(str(error)) from None
        for path in removed:
            say(f"removed {path}, left by a run that did not finish")
        yield
