"""The annual full refresh, after the survey's return deadline.

``WAREHOUSE_REFRESH_CRON`` (default ``0 3 1 10 *``: 03:00 on 1 October) and
``WAREHOUSE_REFRESH_TIMEZONE`` (default ``Asia/Tokyo``) set when it runs (``warehouse.settings``).
Each tick refreshes the survey year of the fiscal year it falls in (April–March), or the latest
edition before it when that year's codebook is not written yet.
"""

import datetime as dt

import dagster as dg

from orchestration.constants import DESCRIPTION_TAG, survey_years
from warehouse.settings import Settings


def fiscal_year(when: dt.datetime) -> int:
    """Japan's fiscal year (年度) runs from April to March."""
    return when.year if when.month >= 4 else when.year - 1


def refresh_partition(when: dt.datetime, keys: list[str]) -> str | None:
    """The survey year a tick at ``when`` refreshes: its fiscal year's, or the latest edition before it."""
    earlier = [int(key) for key in keys if int(key) <= fiscal_year(when)]
    return str(max(earlier)) if earlier else None


def build_refresh_schedule(settings: Settings) -> dg.ScheduleDefinition:
    """The schedule, with its cron and time zone from the settings."""
    cron, timezone = settings.refresh_cron, settings.refresh_timezone

    @dg.schedule(
        name="annual_full_refresh",
        job_name="full_refresh",
        cron_schedule=cron,
        execution_timezone=timezone,
        default_status=dg.DefaultScheduleStatus.RUNNING,
        description=f"Full refresh of the current survey year ({cron}, {timezone}): ingest, dbt, gate, publish.",
    )
    def annual_full_refresh(context: dg.ScheduleEvaluationContext) -> dg.RunRequest | dg.SkipReason:
        when = context.scheduled_execution_time or dt.datetime.now(dt.UTC)
        key = refresh_partition(when, survey_years.get_partition_keys())
        if key is None:
            return dg.SkipReason(f"no survey edition on or before fiscal year {fiscal_year(when)}")
        return dg.RunRequest(
            run_key=f"annual-{when:%Y-%m-%d}",
            partition_key=key,
            tags={
                "warehouse/trigger": "annual_full_refresh",
                DESCRIPTION_TAG: f"annual refresh of survey year {key} ({when:%Y-%m-%d})",
            },
        )

    return annual_full_refresh
