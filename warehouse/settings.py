"""One configuration for the command line, Dagster and the alerts: the repository's defaults
(``warehouse.paths``), overridden by environment variables, overridden by command-line options.

| variable | what | default |
|---|---|---|
| ``WAREHOUSE_RAW`` | returned workbooks, ``<raw>/<fiscal_year>/<form>/`` | ``raw/`` |
| ``WAREHOUSE_DB`` | the working DuckDB file (one writer at a time) | ``data/warehouse.duckdb`` |
| ``WAREHOUSE_PUBLISHED`` | the analysts' read-only file, replaced whole | ``data/published.duckdb`` |
| ``WAREHOUSE_CLEANING_LOG`` | 疑義照会 workbooks, ``<cleaning_log>/<fiscal_year>/`` | ``data/cleaning_log/`` |
| ``WAREHOUSE_SITE`` | the static site, ``<site>/index.html`` | ``site/`` beside the published file |
| ``WAREHOUSE_SITE_AUDIENCE`` | whom the site is for: ``public``, ``ministry``, ``prefecture:<code>`` | ``public`` |
| ``WAREHOUSE_LOCK_WAIT`` | when another refresh holds the working file: wait (``1``) or refuse (``0``) | ``1`` |
| ``WAREHOUSE_LOCK_TIMEOUT`` | seconds to wait for it at most (empty: as long as it takes) | empty |
| ``WAREHOUSE_MIN_RETURNS_SHARE`` | refuse a form whose returns fall below this share of the last published | ``0.5`` |
| ``WAREHOUSE_FORCE`` | publish despite the refusals on the returns (empty year, sharp drop) | ``0`` |
| ``WAREHOUSE_ALERT_*`` | where alerts go (see ``warehouse.alerts``) | a log file |
| ``WAREHOUSE_REFRESH_CRON`` | when Dagster's annual refresh runs | ``0 3 1 10 *`` (1 October, 03:00) |
| ``WAREHOUSE_REFRESH_TIMEZONE`` | the time zone of that cron | ``Asia/Tokyo`` |
| ``WAREHOUSE_SENSOR_SETTLE_SECONDS`` | how long a workbook stays unchanged before Dagster's sensor reads it | ``5`` |
| ``WAREHOUSE_SENSOR_INTERVAL_SECONDS`` | how often Dagster's sensor looks at the raw folder | ``10`` |
| ``WAREHOUSE_DBT_RUNS_KEPT`` | how many runs' dbt results are kept for inspection | ``10`` |
| ``WAREHOUSE_POSTGRES_URL`` | also publish to this PostgreSQL database (``warehouse.publish.postgres``) | empty |
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warehouse import paths

DEFAULT_MIN_RETURNS_SHARE = 0.5
DEFAULT_REFRESH_CRON = "0 3 1 10 *"  # after the survey's return deadline
DEFAULT_REFRESH_TIMEZONE = "Asia/Tokyo"
DEFAULT_SETTLE_SECONDS = 5.0  # a copy in progress changes the file's size or time within seconds
DEFAULT_SENSOR_INTERVAL_SECONDS = 10.0
DEFAULT_DBT_RUNS_KEPT = 10
TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")


class SettingsError(ValueError):
    """An environment variable or option holds a value that cannot be used; the message names it."""


@dataclass(frozen=True)
class AlertSettings:
    """``WAREHOUSE_ALERT_*`` as given (``warehouse.alerts.sinks`` validates them when it builds the sink)."""

    sink: str = ""
    log: str = ""
    webhook_url: str = ""
    smtp_host: str = ""
    smtp_port: str = ""
    smtp_from: str = ""
    smtp_to: str = ""
    timeout: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AlertSettings:
        env = os.environ if env is None else env
        return cls(**{f.name: env.get(f"WAREHOUSE_ALERT_{f.name.upper()}", "") for f in dataclasses.fields(cls)})


@dataclass(frozen=True)
class Settings:
    raw: Path = paths.RAW
    db: Path = paths.WORKING_DB
    published: Path = paths.PUBLISHED_DB
    cleaning_log: Path = paths.CLEANING_LOG
    site: Path | None = None  # None: site/ beside the published file (see site_dir)
    lock_wait: bool = True
    lock_timeout: float | None = None  # seconds; None: as long as it takes
    min_returns_share: float = DEFAULT_MIN_RETURNS_SHARE
    force: bool = False
    alerts: AlertSettings = field(default_factory=AlertSettings)
    refresh_cron: str = DEFAULT_REFRESH_CRON
    refresh_timezone: str = DEFAULT_REFRESH_TIMEZONE
    sensor_settle_seconds: float = DEFAULT_SETTLE_SECONDS
    postgres_url: str = field(default="", repr=False)  # empty: the DuckDB file is the only publication
    sensor_interval_seconds: float = DEFAULT_SENSOR_INTERVAL_SECONDS
    dbt_runs_kept: int = DEFAULT_DBT_RUNS_KEPT
    site_audience: str = "public"  # see warehouse.publish.disclosure.Reader

    def __post_init__(self) -> None:
        checked_file("WAREHOUSE_DB (--db)", self.db)
        checked_file("WAREHOUSE_PUBLISHED (--published)", self.published)
        self.site_reader  # noqa: B018 (refused here, with the setting's name, rather than when the site is written)

    @property
    def site_reader(self) -> Any:
        """The site's audience as a :class:`warehouse.publish.disclosure.Reader`."""
        from warehouse.publish.disclosure import Reader

        try:
            return Reader.parse(self.site_audience)
        except ValueError as error:
            raise SettingsError(f"WAREHOUSE_SITE_AUDIENCE (--site-audience): {error}") from None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """The repository's defaults, overridden by the ``WAREHOUSE_*`` variables that are set."""
        env = os.environ if env is None else env

        def path(name: str, default: Path) -> Path:
            value = env.get(name, "").strip()
            return Path(value).expanduser() if value else default

        return cls(
            raw=path("WAREHOUSE_RAW", paths.RAW),
            db=path("WAREHOUSE_DB", paths.WORKING_DB),
            published=path("WAREHOUSE_PUBLISHED", paths.PUBLISHED_DB),
            cleaning_log=path("WAREHOUSE_CLEANING_LOG", paths.CLEANING_LOG),
            site=Path(env["WAREHOUSE_SITE"].strip()).expanduser() if env.get("WAREHOUSE_SITE", "").strip() else None,
            site_audience=env.get("WAREHOUSE_SITE_AUDIENCE", "").strip() or "public",
            lock_wait=_flag(env, "WAREHOUSE_LOCK_WAIT", True),
            lock_timeout=_seconds(env, "WAREHOUSE_LOCK_TIMEOUT"),
            min_returns_share=_share(env, "WAREHOUSE_MIN_RETURNS_SHARE"),
            force=_flag(env, "WAREHOUSE_FORCE", False),
            alerts=AlertSettings.from_env(env),
            refresh_cron=env.get("WAREHOUSE_REFRESH_CRON", "").strip() or DEFAULT_REFRESH_CRON,
            refresh_timezone=env.get("WAREHOUSE_REFRESH_TIMEZONE", "").strip() or DEFAULT_REFRESH_TIMEZONE,
            sensor_settle_seconds=_or(_seconds(env, "WAREHOUSE_SENSOR_SETTLE_SECONDS"), DEFAULT_SETTLE_SECONDS),
            postgres_url=_postgres_url(env, "WAREHOUSE_POSTGRES_URL"),
            sensor_interval_seconds=_or(
                _number(env, "WAREHOUSE_SENSOR_INTERVAL_SECONDS", lambda n: n >= 1, "a number of seconds, at least 1"),
                DEFAULT_SENSOR_INTERVAL_SECONDS,
            ),
            dbt_runs_kept=int(
                _or(
                    _number(env, "WAREHOUSE_DBT_RUNS_KEPT", lambda n: n >= 1 and n == int(n), "a whole number ≥ 1"),
                    DEFAULT_DBT_RUNS_KEPT,
                )
            ),
        )

    @property
    def site_dir(self) -> Path:
        """Where the static site goes: ``site`` if set, else ``site/`` beside the published file."""
        return self.site if self.site is not None else self.published.parent / "site"

    def override(self, **options: Any) -> Settings:
        """These settings with the options that were given (None means not given)."""
        known = {f.name for f in dataclasses.fields(self)}
        return dataclasses.replace(self, **{k: v for k, v in options.items() if k in known and v is not None})


#: The schemas of the working and published files, and DuckDB's own catalogs. DuckDB names a file's catalog
#: after the file, so in a file named gate.duckdb ``gate.findings`` would be ambiguous.
SCHEMA_NAMES = frozenset(
    {"raw", "staging", "intermediate", "marts", "report", "provenance", "gate", "meta", "codebook", "reference"}
    | {"transform", "main", "information_schema", "pg_catalog", "system", "temp", "memory"}
)


def checked_file(name: str, path: Path) -> Path:
    """``path``, unless its file is named like a schema in it (a SettingsError naming the setting)."""
    if path.stem.lower() in SCHEMA_NAMES:
        raise SettingsError(
            f"{name} must be a file not named like one of the warehouse's schemas ({path.stem}.… would mean the "
            f"file, not the schema; e.g. warehouse.duckdb), not {str(path)!r}"
        )
    return path


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    value = env.get(name, "").strip().lower()
    if not value:
        return default
    if value in TRUE or value in FALSE:
        return value in TRUE
    raise SettingsError(f"{name} must be one of {', '.join(TRUE + FALSE)}, not {value!r}")


def _postgres_url(env: Mapping[str, str], name: str) -> str:
    """A libpq URL or connection string, checked for form only (whether the server answers is the step's)."""
    from psycopg import ProgrammingError, conninfo

    value = env.get(name, "").strip()
    try:
        conninfo.conninfo_to_dict(value)
    except ProgrammingError as error:
        # libpq quotes the string in its reason, and the string may hold a password: neither is repeated
        reason = re.sub(r'"[^"]*"', "…", str(error).strip().splitlines()[0])
        raise SettingsError(
            f"{name} must be a PostgreSQL URL like postgresql://user@host:5432/dbname ({reason}); "
            "its value is not shown, since it may hold a password"
        ) from None
    return value


def _seconds(env: Mapping[str, str], name: str) -> float | None:
    return _number(env, name, lambda n: n >= 0, "a number of seconds")


def _share(env: Mapping[str, str], name: str) -> float:
    share = _number(env, name, lambda n: 0 <= n <= 1, "a share between 0 and 1 (e.g. 0.5)")
    return _or(share, DEFAULT_MIN_RETURNS_SHARE)


def _or(number: float | None, default: float) -> float:
    """``number`` unless it was not set (0 is a setting, not an absence)."""
    return default if number is None else number


def _number(env: Mapping[str, str], name: str, valid: Callable[[float], bool], what: str) -> float | None:
    """The number a variable holds (None when it is not set), or a SettingsError naming it."""
    value = env.get(name, "").strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not valid(number):  # NaN fails every comparison
        raise SettingsError(f"{name} must be {what}, not {value!r}")
    return number
