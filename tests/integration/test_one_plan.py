"""One plan, two runners: the same refreshes through the command line's runner and through Dagster (a real
instance, the ``full_refresh`` job) on copies of the same files end the same way, with the same publication,
gate runs, cleaning-log workbooks and alert, for a clean year, a failed gate and a refused drop."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
import openpyxl
import pytest
import yaml

from orchestration.definitions import build_definitions
from tests.conftest import Ingested
from tests.runs import write_return
from warehouse.pipeline.refresh import refresh
from warehouse.pipeline.refusals import Refused
from warehouse.pipeline.run import Run
from warehouse.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow
#: meta.publication's fields that name the run or its time, the only ones allowed to differ.
RUN_FIELDS = {"published_at", "gate_run_id", "gate_run_ids", "run_id"}
#: A time as the workbooks and findings write it.
TIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?")


@dataclass
class Area:
    """One runner's copy of the returns and everything it writes."""

    root: Path
    labels: list[str] = field(default_factory=list)  # each run's label (the command line's) or id (Dagster's)

    @property
    def settings(self) -> Settings:
        return Settings(
            raw=self.root / "raw",
            db=self.root / "warehouse.duckdb",
            published=self.root / "published.duckdb",
            cleaning_log=self.root / "cleaning_log",
        )

    def same(self, text: str) -> str:
        """``text`` with what names this area, this run or the time replaced, so two runners' texts compare."""
        text = TIME.sub("<time>", text.replace(str(self.root), "<area>"))
        for number, label in enumerate(self.labels, start=1):
            text = text.replace(label, f"<run {number}>")
        return text


def run_cli(area: Area) -> str | None:
    """The command line's refresh: what stopped it, as it says it (None when it published)."""
    run = Run.of(area.settings, 2023)
    area.labels.append(run.label)
    try:
        report = refresh(run)
    except Refused as refused:
        return area.same(f"refused: {refused}")
    return area.same(report.blocked) if report.blocked else None


def run_dagster(area: Area, instance: dg.DagsterInstance) -> str | None:
    """Dagster's ``full_refresh`` of 2023 on the same settings: the one step failure's message, if any."""
    job = build_definitions(area.settings).resolve_job_def("full_refresh")
    result = job.execute_in_process(instance=instance, partition_key="2023", raise_on_error=False)
    area.labels.append(result.run_id)
    failures = [e.step_failure_data for e in result.all_events if e.is_step_failure]
    assert len(failures) <= 1, "one error at most on the run page"
    if not failures:
        return None
    data = failures[0]
    return area.same(data.user_failure_data.description if data.user_failure_data else data.error.message)


#: Columns whose values name where a file was or when a run read it, which two areas cannot share.
PLACE_OR_TIME = ("path", "submission_id", "cell_key", "run_id", "_at", "ingest", "file_sha256")


def _digest(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """A digest of the relation's rows, whatever their order, leaving out :data:`PLACE_OR_TIME`."""
    schema, table = name.split(".")
    columns = [
        c
        for (c,) in con.execute(
            "select column_name from duckdb_columns() where schema_name = ? and table_name = ?", [schema, table]
        ).fetchall()
        if not any(part in c for part in PLACE_OR_TIME)
    ]
    listed = ", ".join(f'"{c}"' for c in columns)
    (digest,) = con.execute(f"select bit_xor(hash(row({listed}))) from {name}").fetchone() or (0,)
    return int(digest or 0)


def observed(area: Area) -> dict[str, Any]:
    """What a refresh left: the publication (its metadata, tables and rows), the gate's runs and findings, the
    cleaning-log workbooks cell by cell and the alerts, with the area's paths and the run's label replaced."""
    settings = area.settings
    out: dict[str, Any] = {}
    with duckdb.connect(str(settings.db), read_only=True) as con:
        runs = con.execute("select fiscal_year, passed, run_id from gate.runs order by started_at").fetchall()
        out["gate_runs"] = [(year, passed, area.same(run_id)) for year, passed, run_id in runs]
        columns = [c for (c,) in con.execute("select column_name from (describe gate.findings)").fetchall()]
        # the finding's key is a digest of its file's path, which names the area
        kept = ", ".join(f'"{c}"' for c in columns if "run" not in c and not c.endswith(("_at", "_key")))
        out["findings"] = sorted(
            area.same(str(row)) for row in con.execute(f"select {kept} from gate.findings").fetchall()
        )
    if settings.published.exists():
        with duckdb.connect(str(settings.published), read_only=True) as con:
            meta = con.execute("select * from meta.publication").fetchdf().to_dict("records")[0]
            out["publication"] = {k: str(v) for k, v in meta.items() if k not in RUN_FIELDS}
            tables = con.execute(
                "select schema_name || '.' || table_name, row_count from meta.publication_tables order by 1"
            ).fetchall()
            out["tables"] = tables
            out["rows"] = {name: _digest(con, name) for name, _ in tables if not name.startswith(("gate.", "meta."))}
    out["workbooks"] = {
        area.same(str(path)): [
            [area.same(str(cell)) for cell in row]
            for sheet in openpyxl.load_workbook(path, read_only=True).worksheets
            for row in sheet.iter_rows(values_only=True)
        ]
        for path in sorted(settings.cleaning_log.glob("[0-9]*/*.xlsx"))  # the year folders, not the sets behind
    }
    alerts = settings.published.parent / "alerts.jsonl"
    lines = alerts.read_text(encoding="utf-8").splitlines() if alerts.exists() else []
    out["alerts"] = [area.same(json.dumps({k: v for k, v in json.loads(line).items() if k != "at"})) for line in lines]
    return out


def differences(one: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """What differs between two observations, a few items per part (an empty dict when they are the same)."""
    out: dict[str, Any] = {}
    for part in sorted(set(one) | set(other)):
        a, b = one.get(part), other.get(part)
        if a == b:
            continue
        if isinstance(a, list) and isinstance(b, list):
            out[part] = {
                "only first": [x for x in a if x not in b][:3],
                "only second": [x for x in b if x not in a][:3],
            }
        elif isinstance(a, dict) and isinstance(b, dict):
            keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
            out[part] = {
                k: differences({"v": a.get(k)}, {"v": b.get(k)}).get("v", (a.get(k), b.get(k))) for k in keys[:3]
            }
        else:
            out[part] = (a, b)
    return out


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dg.DagsterInstance]:
    home = tmp_path_factory.mktemp("dagster_home")
    overrides = yaml.safe_load((ROOT / "orchestration" / "dagster.yaml").read_text(encoding="utf-8"))
    with pytest.MonkeyPatch.context() as env:
        for name in ("WAREHOUSE_ALERT_SINK", "WAREHOUSE_ALERT_LOG", "WAREHOUSE_FORCE", "WAREHOUSE_MIN_RETURNS_SHARE"):
            env.delenv(name, raising=False)
        env.setenv("DBT_TARGET_PATH", str(home / "dbt_target"))
        env.setenv("GX_ANALYTICS_ENABLED", "false")
        with dg.instance_for_test(temp_dir=str(home), overrides=overrides) as instance:
            yield instance


def test_the_command_line_and_dagster_run_the_same_plan(
    clean_year: Ingested, instance: dg.DagsterInstance, tmp_path: Path
) -> None:
    cli, dagster = Area(tmp_path / "cli"), Area(tmp_path / "dagster")
    for area in (cli, dagster):
        shutil.copytree(clean_year.raw, area.root / "raw")

    # a clean year: published, the same way
    assert run_cli(cli) is None
    assert run_dagster(dagster, instance) is None
    first = observed(cli)
    assert first["publication"]["fiscal_years"] == "2023" and first["rows"] and first["workbooks"]
    assert first["gate_runs"] == [(2023, True, "<run 1>-2023")], "the gate run is named by the run"
    assert not differences(observed(dagster), first), differences(observed(dagster), first)

    # a return with an unknown code: the gate fails a hard rule, the alert goes out, nothing is published
    for area in (cli, dagster):
        write_return(area.settings.raw, "municipality", "182010_福井市__unknown", {"f1_municipality_code": "99999"})
    held_cli, held_dagster = run_cli(cli), run_dagster(dagster, instance)
    assert held_cli is not None and "cross.identity" in held_cli and "publication held back" in held_cli
    assert held_dagster == held_cli, "the run page says what the command line says"
    failed = observed(cli)
    assert [json.loads(alert)["kind"] for alert in failed["alerts"]] == ["gate_failed"]
    assert failed["tables"] == first["tables"], "the last publication stands"
    assert not differences(observed(dagster), failed), differences(observed(dagster), failed)

    # most returns gone: the drop is refused before the gate, in the same sentence
    for area in (cli, dagster):
        for path in sorted((area.settings.raw / "2023" / "municipality").glob("*.xlsx"))[10:]:
            path.unlink()
    refused_cli, refused_dagster = run_cli(cli), run_dagster(dagster, instance)
    assert refused_cli is not None and refused_cli.startswith("refused: fiscal year 2023 has")
    assert refused_dagster == refused_cli
    assert not differences(observed(dagster), observed(cli)), differences(observed(dagster), observed(cli))
