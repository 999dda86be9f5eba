"""Triggers and alerts: new or replaced workbooks start a run; a failed run sends an alert.

``raw_files`` lists ``raw/<fiscal_year>/`` every ``WAREHOUSE_SENSOR_INTERVAL_SECONDS`` (default 10) the
way the ingest does, and keeps every file's ``path → [size, mtime]`` (paths relative to the raw folder)
in the instance (where Dagster keeps its daemons' cursors); its cursor, shown on the sensor page, is
the number of files and a digest of that state.  A file that is new, whose size or modification time
changed, or that was removed (the ingest withdraws its return), asks for one ``full_refresh`` run of its
year, tagged with the names of the files (``warehouse/changed_files``) and a sentence saying which are
new, replaced or removed (``warehouse/description``, shown in the runs table); a file still being copied
(modified in the last ``WAREHOUSE_SENSOR_SETTLE_SECONDS``, default 5) waits for a later tick.  The run key
is derived from the changed files and their entries before and after, so the same change never triggers
twice even if a state update were lost.

``alert_on_run_failure`` sends a ``run_failed`` alert to the configured sink (``WAREHOUSE_ALERT_SINK``)
for every failed run of this code location, except runs whose gate alert was already delivered.
"""

import hashlib
import json
import time
from pathlib import Path

import dagster as dg

from orchestration.constants import ALERTED_TAG, DESCRIPTION_TAG, survey_years
from orchestration.resources import WarehouseSettings
from warehouse.alerts.sinks import Alert, send, sink_from_settings
from warehouse.ingest.folder import LOCK_FILE_PREFIX, discover
from warehouse.pipeline import inputs
from warehouse.settings import Settings

Entry = list[float]  # [size, mtime], or [REMOVED, when] for a file that left the folder
REMOVED = -1.0


#: How many file names a run's tag and the tick's log name before giving the count of the others.
NAMED_FILES = 3


def _state_key(raw_root: Path) -> str:
    return "warehouse/raw_files/" + hashlib.sha256(str(raw_root.resolve()).encode()).hexdigest()[:16]


def state_digest(state: dict[str, Entry]) -> str:
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def cursor_text(state: dict[str, Entry]) -> str:
    """What the sensor page shows: how many files are known, and the digest of their state."""
    present = sum(1 for entry in state.values() if entry[0] != REMOVED)
    return f"{present:,} file{'s' if present != 1 else ''}; state {state_digest(state)}"


def load_state(instance: dg.DagsterInstance, raw_root: Path, cursor: str | None) -> dict[str, Entry]:
    """The files' state the cursor stands for (empty for a fresh sensor)."""
    if not cursor:
        return {}
    if cursor.startswith("{"):  # a cursor of an earlier version held the state itself
        return json.loads(cursor)
    stored = instance.run_storage.get_cursor_values({_state_key(raw_root)}).get(_state_key(raw_root))
    state: dict[str, Entry] = json.loads(stored) if stored else {}
    return state if cursor.endswith(state_digest(state)) else {}


def save_state(instance: dg.DagsterInstance, raw_root: Path, state: dict[str, Entry]) -> str:
    """Store the state; the cursor to return."""
    value = json.dumps(state, sort_keys=True, ensure_ascii=False)
    instance.run_storage.set_cursor_values({_state_key(raw_root): value})
    return cursor_text(state)


def named(files: list[str]) -> str:
    """File names, the first few, then how many more."""
    names = [Path(f).name for f in files[:NAMED_FILES]]
    return ", ".join(names) + (f" and {len(files) - NAMED_FILES} more" if len(files) > NAMED_FILES else "")


def describe(year: str, paths: list[str], previous: dict[str, Entry], state: dict[str, Entry]) -> str:
    """The run's description: what happened to which files, e.g. ``raw/2023: 1 replaced (a.xlsx); 2 new (b.xlsx,
    c.xlsx)``."""
    kinds: dict[str, list[str]] = {"new": [], "replaced": [], "removed": []}
    for path in paths:
        before = previous.get(path)
        if state[path][0] == REMOVED:
            kinds["removed"].append(path)
        elif before is None or before[0] == REMOVED:
            kinds["new"].append(path)
        else:
            kinds["replaced"].append(path)
    parts = [f"{len(files)} {kind} ({named(files)})" for kind, files in kinds.items() if files]
    return f"raw/{year}: " + "; ".join(parts)


def scan(raw_root: Path, years: list[str]) -> dict[str, dict[str, Entry]]:
    """``year → {path relative to raw_root: [size, mtime]}`` of the files the ingest would read."""
    tree: dict[str, dict[str, Entry]] = {}
    for year in years:
        files = {}
        for file in discover(raw_root, int(year)):
            path = Path(file.path)
            if path.name.startswith(LOCK_FILE_PREFIX):  # Excel's lock file while someone has a workbook open
                continue
            files[path.relative_to(raw_root).as_posix()] = [file.size, file.mtime.timestamp()]
        tree[year] = files
    return tree


def changes(
    previous: dict[str, Entry], tree: dict[str, dict[str, Entry]], now: float, settle: float
) -> tuple[dict[str, list[str]], dict[str, Entry]]:
    """The settled new, changed or removed files per year, and the next cursor.

    A file still settling keeps its previous entry (or none), so a later tick sees it as changed.  A
    file that disappeared is a change too (its return is withdrawn by the next ingest): it stays in
    the cursor as a tombstone ``[REMOVED, when it was found gone]``, so that its coming back is a
    change with a run key of its own."""
    changed: dict[str, list[str]] = {}
    cursor: dict[str, Entry] = {}
    for year, files in tree.items():
        for path, entry in sorted(files.items()):
            if now - entry[1] < settle:
                if path in previous:
                    cursor[path] = previous[path]
                continue
            cursor[path] = entry
            if previous.get(path) != entry:
                changed.setdefault(year, []).append(path)
        for path, entry in sorted(previous.items()):
            if not path.startswith(f"{year}/") or path in files:
                continue
            if entry[0] == REMOVED:
                cursor[path] = entry
            else:
                cursor[path] = [REMOVED, now]
                changed.setdefault(year, []).append(path)
    return {year: sorted(paths) for year, paths in changed.items()}, cursor


def run_key(year: str, paths: list[str], cursor: dict[str, Entry], previous: dict[str, Entry]) -> str:
    changes = [[p, previous.get(p), cursor[p]] for p in paths]
    digest = hashlib.sha256(json.dumps(changes).encode("utf-8")).hexdigest()
    return f"raw-{year}-{digest[:16]}"


def build_raw_files(settings: Settings) -> dg.SensorDefinition:
    """The sensor, looking every ``settings.sensor_interval_seconds``."""

    @dg.sensor(
        name="raw_files",
        job_name="full_refresh",
        minimum_interval_seconds=max(1, round(settings.sensor_interval_seconds)),
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Starts a full_refresh run of a survey year when workbooks are added to, replaced or removed "
        "under raw/<fiscal_year>/, unless nothing changed since that year's last complete refresh; the run's tags "
        "name the files and say which are new, replaced or removed. Cursor: the number of files and a digest of "
        "their state (path → size, mtime, kept in the instance).",
    )
    def raw_files(context: dg.SensorEvaluationContext, warehouse: WarehouseSettings) -> dg.SensorResult:
        return evaluate(context, warehouse.settings())

    return raw_files


def evaluate(context: dg.SensorEvaluationContext, settings: Settings) -> dg.SensorResult:
    """One tick: the run requests for the years whose files changed, and the next cursor."""
    previous = load_state(context.instance, settings.raw, context.cursor)
    tree = scan(settings.raw, survey_years.get_partition_keys())
    changed, state = changes(previous, tree, time.time(), settings.sensor_settle_seconds)
    for year in sorted(changed):
        if sentence := inputs.unchanged(settings, int(year)):
            context.log.info(f"raw/{year}: {sentence}")
            del changed[year]
    descriptions = {year: describe(year, files, previous, state) for year, files in changed.items()}
    requests = [
        dg.RunRequest(
            run_key=run_key(year, files, state, previous),
            partition_key=year,
            tags={
                "warehouse/trigger": "raw_files",
                "warehouse/changed_count": str(len(files)),
                "warehouse/changed_files": named(files),
                DESCRIPTION_TAG: descriptions[year],
            },
        )
        for year, files in sorted(changed.items())
    ]
    for _, description in sorted(descriptions.items()):
        context.log.info(description)
    current = cursor_text(state)
    cursor = context.cursor if context.cursor == current else save_state(context.instance, settings.raw, state)
    return dg.SensorResult(
        run_requests=requests,
        cursor=cursor,
        skip_reason=None if requests else dg.SkipReason(f"no new, replaced or removed workbooks under {settings.raw}"),
    )


def failure_alert(run: dg.DagsterRun, message: str, steps: list[str]) -> Alert:
    year = run.tags.get("dagster/partition", "")
    return Alert(
        kind="run_failed",
        title=f"job {run.job_name} failed",
        run_id=run.run_id,
        fiscal_year=int(year) if year.isdigit() else None,
        summary=[message, *steps],
    )


def build_alert_on_run_failure(settings: Settings) -> dg.RunStatusSensorDefinition:
    """The run-failure alert, to the sink of ``settings``."""

    @dg.run_failure_sensor(
        name="alert_on_run_failure",
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Sends a run_failed alert (WAREHOUSE_ALERT_SINK: log file, webhook or e-mail) for each failed run, "
        "unless the run already sent its gate_failed alert.",
    )
    def alert_on_run_failure(context: dg.RunFailureSensorContext) -> dg.SkipReason | None:
        run = context.instance.get_run_by_id(context.dagster_run.run_id) or context.dagster_run
        if run.tags.get(ALERTED_TAG):
            return dg.SkipReason(f"run {run.run_id} already sent its {run.tags[ALERTED_TAG]} alert")
        steps = []
        for event in context.get_step_failure_events():
            error = event.step_failure_data.error
            steps.append(f"step {event.step_key}: {error.message.strip() if error else 'failed'}")
        sink = sink_from_settings(settings.alerts, settings.published.parent)
        send(failure_alert(run, context.failure_event.message or "the run failed", steps), sink)
        return None

    return alert_on_run_failure
