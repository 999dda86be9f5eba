"""The whole refresh on the reduced national sample, and the analysts' queries of the docs on its output."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import duckdb
import pytest

from tests.conftest import Ingested
from warehouse.pipeline.state import RefreshReport
from warehouse.publish.swap import read_publication

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "analysts.md"
README = ROOT / "README.md"


def test_the_reduced_sample_is_published(refreshed: tuple[RefreshReport, Path], clean_year: Ingested) -> None:
    report, published = refreshed
    assert report.ok, report.blocked
    assert report.ingest is not None and report.ingest.files_read == len(clean_year.sample.files)
    stages = list(report.stages)
    assert stages == ["ingest", "lookups", "build", "gate", "cleaning_log", "verdict", "publish", "site"], "the plan"
    meta = read_publication(published)
    assert meta is not None and report.gate is not None and meta["gate_run_id"] == report.gate.run_id
    with duckdb.connect(str(published), read_only=True) as con:
        respondents = con.execute("select count(*) from marts.fct_scenario_status").fetchone()
        written = clean_year.sample.files
        municipalities = sum(1 for rid in written if clean_year.sample.respondents[rid].form == "municipality")
        assert respondents == (municipalities * 7,)
    assert any(path.name.endswith("全国_概要.xlsx") for path in report.cleaning_log[2023])


def _analyst_queries() -> list[str]:
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("## Questions about the 令和5年度 survey") :]
    section = section[: section.index("\n## ", 1)]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def test_every_analyst_query_of_the_docs_runs_on_the_published_file(refreshed: tuple[RefreshReport, Path]) -> None:
    _, published = refreshed
    queries = _analyst_queries()
    assert len(queries) >= 5
    with duckdb.connect(str(published), read_only=True) as con:
        for query in queries:
            assert con.execute(query).fetchall(), query


def test_the_query_the_readme_offers_is_one_the_docs_run() -> None:
    """The README's one query is run by the test above, as one of the docs' queries."""
    offered = re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(offered) == 1 and offered[0] in _analyst_queries()


def test_docs_generate_and_every_column_is_described(refreshed: tuple[RefreshReport, Path], tmp_path: Path) -> None:
    import json

    from warehouse.transform.dbt import artifacts_dir, build

    _, published = refreshed
    db = published.with_name("w.duckdb")
    docs = build(db, args=("docs", "generate"))
    assert docs.success, docs.failures
    target = artifacts_dir(db) / "target"
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    catalog = json.loads((target / "catalog.json").read_text(encoding="utf-8"))
    undocumented = []
    for unique_id, node in manifest["nodes"].items():
        if node["resource_type"] != "model":
            continue
        if not node["description"].strip():
            undocumented.append(unique_id)
        if node["config"]["materialized"] == "ephemeral":
            continue
        described = {name for name, column in node["columns"].items() if column["description"].strip()}
        actual = set(catalog["nodes"][unique_id]["columns"])
        undocumented += [f"{node['name']}.{column}" for column in sorted(actual - described)]
    assert undocumented == []


def test_a_step_after_the_publication_fails_in_one_sentence_and_the_publication_stands(
    refreshed: tuple[RefreshReport, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk when the site is written: the summary says the file was published, then one sentence names the
    site and the cause, and the run is not ok (exit code 1 on the command line)."""
    import errno

    from warehouse.pipeline import steps
    from warehouse.pipeline.refresh import refresh
    from warehouse.pipeline.run import Run
    from warehouse.pipeline.summary import summary
    from warehouse.settings import Settings

    report, published = refreshed

    def full(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(steps, "build_site", full)
    settings = Settings(db=tmp_path / "w.duckdb", published=published, site=tmp_path / "site")
    done = refresh(Run.of(settings, 2023, steps=["site"]))
    assert done.site is None and done.after_failures == [
        f"the site {tmp_path / 'site'} was not written (no space left on device); the previous site is unchanged"
    ]
    failed = dataclasses.replace(report, after_failures=done.after_failures)
    assert not failed.ok
    text = summary(failed, published, tmp_path / "log")
    assert f"published: {published}" in text and "after the publication, which stands: 1 step(s) failed" in text
