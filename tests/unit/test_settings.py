"""The one configuration: defaults, then the environment, then options; a bad value names its variable."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from warehouse import paths
from warehouse.settings import (
    DEFAULT_SETTLE_SECONDS,
    OPERATIONS_DOC,
    AlertSettings,
    Settings,
    SettingsError,
    documented,
    with_table,
)


def test_defaults_then_environment_then_options() -> None:
    assert Settings.from_env({}) == Settings()
    assert Settings().db == paths.WORKING_DB and Settings().sensor_settle_seconds == DEFAULT_SETTLE_SECONDS == 5
    env = {
        "WAREHOUSE_DB": "/srv/w.duckdb",
        "WAREHOUSE_LOCK_WAIT": "no",
        "WAREHOUSE_MIN_RETURNS_SHARE": "0.25",
        "WAREHOUSE_SENSOR_SETTLE_SECONDS": "0",
        "WAREHOUSE_REFRESH_TIMEZONE": "UTC",
    }
    settings = Settings.from_env(env)
    assert (settings.db, settings.lock_wait, settings.min_returns_share) == (Path("/srv/w.duckdb"), False, 0.25)
    assert (settings.sensor_settle_seconds, settings.refresh_timezone) == (0, "UTC")
    overridden = settings.override(db=Path("/tmp/x.duckdb"), force=None, unknown="ignored")
    assert overridden.db == Path("/tmp/x.duckdb") and overridden.force is False


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("WAREHOUSE_MIN_RETURNS_SHARE", "2"),
        ("WAREHOUSE_MIN_RETURNS_SHARE", "nan"),
        ("WAREHOUSE_LOCK_TIMEOUT", "-1"),
        ("WAREHOUSE_SENSOR_SETTLE_SECONDS", "soon"),
        ("WAREHOUSE_FORCE", "maybe"),
        ("WAREHOUSE_DB", "/srv/gate.duckdb"),  # gate.findings would be ambiguous in it
        ("WAREHOUSE_PUBLISHED", "marts.duckdb"),
    ],
)
def test_a_bad_value_names_its_variable(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=f"^{re.escape(name)}( \\(--[a-z]+\\))? must be .*{re.escape(repr(value))}"):
        Settings.from_env({name: value})


@pytest.mark.parametrize(
    "value", ["host=h password=s3cret port", "postgresql://u:s3cret@h/db?sslmode=x s3cret", "password='s3cret"]
)
def test_a_malformed_postgres_url_is_refused_without_repeating_it(value: str) -> None:
    """The refusal (printed, and Dagster's code-location error) names the variable but never echoes a password."""
    with pytest.raises(SettingsError, match=r"^WAREHOUSE_POSTGRES_URL must be a PostgreSQL URL") as refused:
        Settings.from_env({"WAREHOUSE_POSTGRES_URL": value})
    assert "s3cret" not in str(refused.value) and "not shown" in str(refused.value)


def test_the_postgres_url_is_not_in_the_settings_repr() -> None:
    settings = Settings(postgres_url="postgresql://u:s3cret@h/db")
    assert "s3cret" not in repr(settings) and "postgres_url" not in repr(settings)


def test_the_site_audience_is_a_reader() -> None:
    assert Settings.from_env({}).site_reader.audience == "public"
    assert Settings.from_env({"WAREHOUSE_SITE_AUDIENCE": "prefecture:1"}).site_reader.prefectures == {"01"}
    for wrong in ("everyone", "prefecture", "prefecture:99"):
        with pytest.raises(SettingsError, match=r"^WAREHOUSE_SITE_AUDIENCE \(--site-audience\): .*not"):
            Settings.from_env({"WAREHOUSE_SITE_AUDIENCE": wrong})


def test_the_configuration_table_of_the_docs_is_the_generated_one() -> None:
    """docs/operations.md shows the table the fields' metadata gives, so the docs cannot drift from the code."""
    text = OPERATIONS_DOC.read_text(encoding="utf-8")
    assert with_table(text) == text, "docs/operations.md's settings table is stale: run python -m warehouse.settings"


def test_every_field_is_documented_and_every_documented_variable_is_read() -> None:
    documented_fields = [f.name for f in documented()]
    alert_fields = [f.name for f in dataclasses.fields(AlertSettings)]
    own = [f.name for f in dataclasses.fields(Settings) if f.name != "alerts"]
    assert sorted(documented_fields) == sorted(own + alert_fields)
    values = {
        "WAREHOUSE_LOCK_WAIT": "0",
        "WAREHOUSE_FORCE": "1",
        "WAREHOUSE_MIN_RETURNS_SHARE": "0.25",
        "WAREHOUSE_POSTGRES_URL": "postgresql://reader@localhost/warehouse",
        "WAREHOUSE_SITE_AUDIENCE": "ministry",
    }
    default = Settings.from_env({})
    for f in documented():
        value = values.get(f.metadata["variable"], "7")
        assert Settings.from_env({f.metadata["variable"]: value}) != default, f.metadata["variable"]
