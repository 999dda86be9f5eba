"""The dbt models as Dagster assets (dagster-dbt), keyed by where they land: ``[schema, model]``.

The asset graph is read from dbt's ``manifest.json``, prepared when the definitions are built (see
:func:`prepare_manifest`).  The build is the plan's ``build`` step, as the command line runs it: dbt runs in
its worker process with the working file's own target folder, so its partial parsing is reused from run to
run; it builds what the changed forms' returns feed, or everything when the project or the lookups changed.

The tests surface as asset checks.  After
dbt has finished, each built model's row count (and a preview of the first rows of the marts and report
tables) is read over a read-only connection and attached to its materialisation; a model the build left
out (no return of its forms changed) is reported as current, so the steps after it run.
"""

import fcntl
import sys
from collections.abc import Iterable, Iterator, Mapping
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
import pandas as pd
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets

from orchestration.constants import DBT_LAYERS, RAW_ANSWERS, WRITER_POOL
from orchestration.resources import WarehouseSettings, run_of, run_step
from warehouse.pipeline.state import RefreshReport
from warehouse.transform.dbt import PROJECT_DIR, BuildReport, project_files

#: Where the code location keeps its own manifest, apart from the ``target/`` other dbt calls write.
MANIFEST_TARGET = Path("target") / "dagster"
#: The layers analysts read (the marts, the report and where their figures come from): gated by the quality
#: gate, copied by ``published``.
PUBLISHED_LAYERS = ("marts", "report", "provenance")
#: Who may read each published relation, as the project declares it: what ``published`` copies as meta.disclosure.
DISCLOSURE = dg.AssetKey(["publication", "disclosure"])
PREVIEW_ROWS = 5
PREVIEW_CELL = 40

DBT_PROJECT = DbtProject(project_dir=PROJECT_DIR, profiles_dir=PROJECT_DIR, target_path=MANIFEST_TARGET)


def _sources_newer_than(project: DbtProject, when: float) -> list[Path]:
    files = [*project_files(Path(project.project_dir)), Path(project.profiles_dir) / "profiles.yml"]
    return [path for path in files if path.exists() and path.stat().st_mtime > when]


def prepare_manifest(project: DbtProject = DBT_PROJECT) -> Path:
    """Run ``dbt parse`` when the manifest is missing or older than any file of the dbt project.

    ``DbtProject.prepare_if_dev`` parses on every load under ``dagster dev`` only; checking the files'
    times instead keeps the graph current under ``dagster-webserver``, the daemon and tests too, and
    skips the parse (about ten seconds) when nothing changed.  Parsing needs no database.  A lock file keeps
    processes that load the code location at the same time (webserver, daemon, runs) from parsing over each other.
    """
    manifest = project.manifest_path
    manifest.parent.mkdir(parents=True, exist_ok=True)
    with open(manifest.parent / "prepare.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not manifest.exists() or _sources_newer_than(project, manifest.stat().st_mtime):
            dbt_cli().cli(["parse", "--quiet"], target_path=project.target_path).wait()
    return manifest


def dbt_cli(project: DbtProject = DBT_PROJECT) -> DbtCliResource:
    """The dbt CLI of this environment (beside the interpreter, so an inactive virtualenv works too)."""
    beside = Path(sys.executable).with_name("dbt")
    return DbtCliResource(project_dir=project, dbt_executable=str(beside) if beside.exists() else "dbt")


class WarehouseDbtTranslator(DagsterDbtTranslator):
    """Stable keys and one group per layer.

    - models: ``[schema, model]`` (``marts/dim_prefecture``), the relation's own name in DuckDB;
    - sources ``raw.*``: the ingest asset ``raw/answers``, which writes every ``raw`` table;
    - sources ``codebook.*`` and ``reference.*``: ``[schema, table]``, the lookup assets.
    """

    def __init__(self) -> None:
        super().__init__(
            DagsterDbtTranslatorSettings(enable_duplicate_source_asset_keys=True, enable_code_references=True)
        )

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            if dbt_resource_props["source_name"] == "raw":
                return RAW_ANSWERS
            return dg.AssetKey([dbt_resource_props["source_name"], dbt_resource_props["name"]])
        return dg.AssetKey([layer_of(dbt_resource_props), dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "source":
            return None
        return layer_of(dbt_resource_props)


def layer_of(dbt_resource_props: Mapping[str, Any]) -> str:
    """The schema a model lands in (``+schema`` of its folder), which is also its layer."""
    schema = (dbt_resource_props.get("config") or {}).get("schema")
    if schema:
        return str(schema)
    fqn = dbt_resource_props.get("fqn") or []
    return str(fqn[1]) if len(fqn) > 2 else "dbt"


TRANSLATOR = WarehouseDbtTranslator()


#: Where dagster-dbt keeps each node's dbt unique id in the asset and check specs.
UNIQUE_ID = "dagster_dbt/unique_id"


def build_dbt_models() -> dg.AssetsDefinition:
    """The dbt models as assets, from the manifest (parsed now if the project changed since: see
    :func:`prepare_manifest`); built when the definitions are, never when this module is imported."""

    @dbt_assets(
        manifest=prepare_manifest(),
        project=DBT_PROJECT,
        dagster_dbt_translator=TRANSLATOR,
        name="dbt_models",
        pool=WRITER_POOL,
    )
    def dbt_models(
        context: dg.AssetExecutionContext, warehouse: WarehouseSettings
    ) -> Iterator[dg.Output | dg.AssetCheckResult]:
        """The plan's ``build`` step: ``dbt build`` of the models and their tests on the working file, as the
        command line builds them.  A subset picked in the UI builds just that subset."""
        assets = context.assets_def
        selected = set(context.selected_asset_keys)
        # ``assets`` is the run's subset of the models; the whole is ``dbt_models``, this definition
        subset = [] if selected == set(dbt_models.keys) else sorted(selected, key=lambda k: k.path)
        names = tuple(_unique_id(assets.get_asset_spec(key).metadata).split(".")[-1] for key in subset)
        run = run_of(context, warehouse, select=names)
        report = RefreshReport(run.year)
        failure: dg.Failure | None = None
        try:
            run_step(context, "build", run, report)
        except dg.Failure as failed:  # the models that were built are still reported below
            failure = failed
        if report.dbt is None:
            raise failure or dg.Failure("dbt build did not run")
        context.log.info(_build_line(report.dbt))
        built = {key for key in selected if _unique_id(assets.get_asset_spec(key).metadata) in report.dbt.results}
        yield from _events(context, report.dbt, selected, relation_metadata(run.settings.db, built))
        if failure is not None:
            raise failure

    return dbt_models


def _unique_id(metadata: Mapping[str, Any]) -> str:
    return str(metadata[UNIQUE_ID])


def _build_line(report: BuildReport) -> str:
    if report.skipped:
        return "dbt: no return added or withdrawn since the last build; every model is current"
    how = "whole (project or lookups changed)" if report.full_refresh else "incrementally"
    forms = f" for the returns of {', '.join(f'{form} {year}' for form, year in report.forms)}" if report.forms else ""
    return f"dbt built {len(report.results)} nodes {how}{forms} in {report.seconds:.1f} s"


def _events(
    context: dg.AssetExecutionContext,
    report: BuildReport,
    selected: set[dg.AssetKey],
    stats: Mapping[dg.AssetKey, dict[str, Any]],
) -> Iterator[dg.Output | dg.AssetCheckResult]:
    """An output per selected model (built, or current as it was) and a check result per test that ran."""
    assets = context.assets_def
    # outputs go out in the graph's order (a model after the models it reads), as Dagster requires
    graph = {key: {dep for dep in assets.asset_deps.get(key, set()) if dep in selected} for key in selected}
    for key in TopologicalSorter(graph).static_order():
        unique_id = _unique_id(assets.get_asset_spec(key).metadata)
        status = report.results.get(unique_id)
        if status is not None and status not in ("success", "pass"):
            continue  # failed or skipped by dbt: not materialised (the step fails below)
        metadata: dict[str, Any] = {"dbt_status": status or "current (no return of its forms changed)"}
        if status is not None:
            metadata["execution_seconds"] = round(report.timings.get(unique_id, 0.0), 2)
        yield dg.Output(
            None, output_name=assets.get_output_name_for_asset_key(key), metadata={**metadata, **stats.get(key, {})}
        )
    checks = {
        _unique_id(assets.get_spec_for_check_key(check).metadata or {}): check
        for check in context.selected_asset_check_keys
    }
    for unique_id, status in report.results.items():
        check = checks.get(unique_id)
        if check is None:
            continue
        yield dg.AssetCheckResult(
            asset_key=check.asset_key,
            check_name=check.name,
            passed=status == "pass",
            severity=dg.AssetCheckSeverity.WARN if status == "warn" else dg.AssetCheckSeverity.ERROR,
            metadata={"dbt_status": status, "execution_seconds": round(report.timings.get(unique_id, 0.0), 2)},
        )


def relation_metadata(db: Path, keys: Iterable[dg.AssetKey]) -> dict[dg.AssetKey, dict[str, Any]]:
    """Row count of every built relation; column count and the first rows of the published layers."""
    wanted = [key for key in keys if len(key.path) == 2 and key.path[0] in DBT_LAYERS]
    if not wanted or not db.exists():
        return {}
    out: dict[dg.AssetKey, dict[str, Any]] = {}
    with duckdb.connect(str(db), read_only=True) as con:
        present = {
            (schema, name)
            for schema, name in con.execute(
                "select schema_name, table_name from duckdb_tables() "
                "union all select schema_name, view_name from duckdb_views() where not internal"
            ).fetchall()
        }
        for key in wanted:
            schema, name = key.path
            if (schema, name) not in present:
                continue
            relation = f'"{schema}"."{name}"'
            (count,) = con.execute(f"select count(*) from {relation}").fetchone() or (0,)
            metadata: dict[str, Any] = {"dagster/row_count": dg.MetadataValue.int(int(count))}
            if schema in PUBLISHED_LAYERS:
                preview = con.execute(f"select * from {relation} limit {PREVIEW_ROWS}").fetchdf()
                metadata["columns"] = dg.MetadataValue.int(len(preview.columns))
                metadata["preview"] = dg.MetadataValue.md(markdown_table(preview))
            out[key] = metadata
    return out


def markdown_table(frame: Any) -> str:
    """The first rows as a markdown table, long cells cut, so the asset page shows what a mart holds."""
    if frame.empty:
        return "_no rows_"
    shown = frame.astype(object).map(lambda v: _cell(v))
    header = "| " + " | ".join(_cell(c) for c in shown.columns) + " |"
    rule = "|" + "|".join("---" for _ in shown.columns) + "|"
    rows = ["| " + " | ".join(row) + " |" for row in shown.itertuples(index=False, name=None)]
    return "\n".join([header, rule, *rows])


def _cell(value: object) -> str:
    try:
        if value is None or pd.isna(value):
            return ""
    except (TypeError, ValueError):  # lists and arrays (multiple-choice answers) are shown as they are
        pass
    text = str(value).replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= PREVIEW_CELL else text[: PREVIEW_CELL - 1] + "…"


def keys_in(models: dg.AssetsDefinition, layers: tuple[str, ...]) -> tuple[dg.AssetKey, ...]:
    """The models of ``layers``: the published ones (what the gate guards and publish copies), or the staged
    ones (what the gate validates)."""
    return tuple(sorted((key for key in models.keys if key.path[0] in layers), key=lambda k: k.path))
