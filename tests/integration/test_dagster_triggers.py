"""The triggers on a real instance: the sensor on a real folder of returned workbooks, the annual
schedule as the environment configures it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import dagster as dg
import pytest

# No public API gives a schedule's next tick outside a running instance; this is what the daemon uses.
from dagster._utils.schedules import cron_string_iterator

from orchestration.constants import DESCRIPTION_TAG
from orchestration.resources import WarehouseSettings
from orchestration.schedules import build_refresh_schedule
from orchestration.sensors import build_raw_files, load_state
from tests.conftest import Ingested
from warehouse.codebook import editions
from warehouse.settings import DEFAULT_REFRESH_CRON, DEFAULT_REFRESH_TIMEZONE, Settings

TOKYO = ZoneInfo("Asia/Tokyo")

raw_files = build_raw_files(Settings())
refresh_schedule = build_refresh_schedule(Settings())


def _age(path: Path, seconds: float = 3600) -> None:
    """Make a file look as if it had been written ``seconds`` ago (settled, not being copied)."""
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.fixture
def raw(clean_year: Ingested, tmp_path: Path) -> Path:
    """A raw folder with three returns of the sample year, written an hour ago."""
    root = tmp_path / "raw"
    for source in sorted((clean_year.raw / "2023" / "municipality").glob("*.xlsx"))[:3]:
        target = root / "2023" / "municipality" / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        _age(target)
    return root


def _tick(instance: dg.DagsterInstance, raw: Path, cursor: str | None) -> dg.SensorResult:
    paths = WarehouseSettings(raw=str(raw), db=str(raw.parent / "w.duckdb"))
    context = dg.build_sensor_context(cursor=cursor, instance=instance, resources={"warehouse": paths})
    result = raw_files(context)
    assert isinstance(result, dg.SensorResult)
    return result


def test_sensor_asks_one_run_per_new_or_replaced_file_and_none_for_an_unchanged_tree(raw: Path) -> None:
    assert raw_files.job_name == "full_refresh"
    with dg.instance_for_test() as instance:
        first = _tick(instance, raw, None)  # a fresh sensor sees the tree as it is: one run loads it
        assert [(r.partition_key, r.tags["warehouse/changed_count"]) for r in first.run_requests] == [("2023", "3")]
        names = sorted(p.name for p in raw.rglob("*.xlsx"))
        assert first.run_requests[0].tags["warehouse/changed_files"] == ", ".join(names)
        assert first.run_requests[0].tags[DESCRIPTION_TAG] == f"raw/2023: 3 new ({', '.join(names)})"
        assert first.cursor is not None and first.cursor.startswith("3 files; state ") and len(first.cursor) < 40
        state = load_state(instance, raw, first.cursor)  # the files' state is in the instance, not the cursor
        assert sorted(state) == sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*.xlsx"))
        assert all(len(entry) == 2 for entry in state.values())  # [size, mtime]

        unchanged = _tick(instance, raw, first.cursor)
        assert unchanged.run_requests == []
        assert unchanged.skip_reason is not None
        assert unchanged.cursor == first.cursor

        existing = sorted(raw.rglob("*.xlsx"))
        new = raw / "2023" / "coordinator" / "new_return.xlsx"
        new.parent.mkdir(parents=True)
        shutil.copy(existing[0], new)
        _age(new, 600)
        added = _tick(instance, raw, unchanged.cursor)
        [request] = added.run_requests
        assert request.partition_key == "2023"
        assert (request.tags["warehouse/changed_count"], request.tags["warehouse/changed_files"]) == ("1", new.name)
        assert request.run_key and request.run_key.startswith("raw-2023-")
        assert request.tags[DESCRIPTION_TAG] == f"raw/2023: 1 new ({new.name})"

        again = _tick(instance, raw, added.cursor)
        assert again.run_requests == [], "the same file never triggers twice"

        shutil.copy(existing[1], existing[0])  # a resubmission replaces a return under the same name
        _age(existing[0], 60)
        replaced = _tick(instance, raw, again.cursor)
        [request_replaced] = replaced.run_requests
        assert request_replaced.run_key != request.run_key
        assert request_replaced.tags[DESCRIPTION_TAG] == f"raw/2023: 1 replaced ({existing[0].name})"

        copying = raw / "2023" / "municipality" / "still_copying.xlsx"
        copying.write_bytes(existing[1].read_bytes()[:100])
        lock = raw / "2023" / "municipality" / "~$open_in_excel.xlsx"
        lock.write_bytes(b"lock")
        _age(lock)
        waiting = _tick(instance, raw, replaced.cursor)
        assert waiting.run_requests == [], "a file modified a moment ago waits; Excel's lock files never count"
        assert "2023/municipality/still_copying.xlsx" not in load_state(instance, raw, waiting.cursor)

        _age(copying, 120)
        settled = _tick(instance, raw, waiting.cursor)
        assert [r.tags["warehouse/changed_files"] for r in settled.run_requests] == ["still_copying.xlsx"]

        new.unlink()  # sent by mistake: removing it asks for a run, whose ingest withdraws the return
        removed = _tick(instance, raw, settled.cursor)
        [request_removed] = removed.run_requests
        assert (request_removed.partition_key, request_removed.tags["warehouse/changed_files"]) == ("2023", new.name)
        assert request_removed.tags[DESCRIPTION_TAG] == f"raw/2023: 1 removed ({new.name})"
        shutil.copy(existing[1], new)
        _age(new, 30)
        back = _tick(instance, raw, removed.cursor)
        assert [r.tags[DESCRIPTION_TAG] for r in back.run_requests] == [f"raw/2023: 1 new ({new.name})"], "sent again"
        new.unlink()
        removed = _tick(instance, raw, back.cursor)
        assert _tick(instance, raw, removed.cursor).run_requests == [], "a removal triggers once"


def test_schedule_defaults_to_after_the_return_deadline_in_tokyo() -> None:
    assert refresh_schedule.cron_schedule == DEFAULT_REFRESH_CRON == "0 3 1 10 *"
    assert refresh_schedule.execution_timezone == DEFAULT_REFRESH_TIMEZONE == "Asia/Tokyo"
    assert refresh_schedule.job_name == "full_refresh"
    start = dt.datetime(2025, 3, 1, tzinfo=TOKYO).timestamp()
    next_tick = next(cron_string_iterator(start, refresh_schedule.cron_schedule, refresh_schedule.execution_timezone))
    assert next_tick == dt.datetime(2025, 10, 1, 3, 0, tzinfo=TOKYO)


def test_schedule_is_configured_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAREHOUSE_REFRESH_CRON", "30 6 15 11 *")
    monkeypatch.setenv("WAREHOUSE_REFRESH_TIMEZONE", "UTC")
    schedule = build_refresh_schedule(Settings.from_env())
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("30 6 15 11 *", "UTC")
    start = dt.datetime(2024, 11, 16, tzinfo=dt.UTC).timestamp()
    next_tick = next(cron_string_iterator(start, schedule.cron_schedule, schedule.execution_timezone))
    assert next_tick == dt.datetime(2025, 11, 15, 6, 30, tzinfo=ZoneInfo("UTC"))


def test_schedule_refreshes_the_survey_year_of_its_fiscal_year() -> None:
    with dg.instance_for_test() as instance:
        tick = dt.datetime(2024, 10, 1, 3, 0, tzinfo=TOKYO)
        request = refresh_schedule(dg.build_schedule_context(instance=instance, scheduled_execution_time=tick))
        assert isinstance(request, dg.RunRequest)
        assert request.partition_key == str(max(year for year in editions() if year <= 2024))
        assert request.run_key == "annual-2024-10-01"
        assert request.tags[DESCRIPTION_TAG] == f"annual refresh of survey year {request.partition_key} (2024-10-01)"

        early = dt.datetime(2015, 3, 1, 3, 0, tzinfo=TOKYO)  # fiscal 2014: before the first edition
        skipped = refresh_schedule(dg.build_schedule_context(instance=instance, scheduled_execution_time=early))
        assert isinstance(skipped, dg.SkipReason)
