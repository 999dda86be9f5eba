"""Great Expectations' own Data Docs of the gate run the publication carries.

The gate validates with GX and records each rule's outcome (``gate.rule_results``: applicable, broken,
success) with its run; the published file is all the site reads, so the Data Docs are rendered by GX's
own site builder from those recorded outcomes, set on the generated suites (``expectations/<year>/``),
under the gate run's id and time. They are rendered again only when a rule's outcome changed (GX's
import and renderer cost seconds), so an unchanged re-run keeps the docs of the run that first found
those outcomes. GX's templates load their styles and scripts from public CDNs, and its index draws the list of
validations with a script from one of them (bootstrap-table, which no package of the registries ships): so the
index is given, above GX's own table, the same list as plain links (:func:`_offline_list`), which reads from
disk; the validation pages stay readable without their styles (the site's own pages load nothing from the
network).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from html import escape
from pathlib import Path
from typing import Any

import duckdb

from warehouse.gate.config import EXPECTATIONS_DIR

MARKER = ".outcomes"


#: The year's latest gate run (id, time) and each rule's outcome (applicable, broken, success).
Outcomes = tuple[tuple[str, Any], dict[str, tuple[int, int, bool]]]


def outcomes(con: duckdb.DuckDBPyConnection, year: int) -> Outcomes | None:
    """What the Data Docs of ``year`` show, read through ``con`` (None without a gate run)."""
    run = con.execute(
        "select run_id, finished_at from gate.runs where fiscal_year = ? order by finished_at desc limit 1", [year]
    ).fetchone()
    if run is None:
        return None
    results = {
        rule: (applicable, broken, success)
        for rule, applicable, broken, success in con.execute(
            "select rule, applicable, broken, success from gate.rule_results where fiscal_year = ?", [year]
        ).fetchall()
    }
    return (run[0], run[1]), results


def write(source: Outcomes, out: Path, year: int, previous: Path | None = None) -> Path:
    """The Data Docs of the year's latest gate run under ``out`` (its index): linked from ``previous`` (the last
    build's) when they rendered the same outcomes, rendered otherwise."""
    (run_id, finished_at), outcomes = source
    digest = hashlib.sha256(json.dumps(sorted(outcomes.items())).encode()).hexdigest()
    shutil.rmtree(out, ignore_errors=True)
    marker = previous / MARKER if previous is not None else None
    if marker is not None and marker.is_file() and marker.read_text(encoding="utf-8") == digest:
        shutil.copytree(previous, out, copy_function=os.link)
        return out / "index.html"
    _render(out, year, run_id, finished_at, outcomes)
    _offline_list(out)
    (out / MARKER).write_text(digest, encoding="utf-8")
    return out / "index.html"


def _render(out: Path, year: int, run_id: str, finished_at: Any, outcomes: dict[str, tuple[int, int, bool]]) -> None:
    import great_expectations as gx
    from great_expectations.core import ExpectationSuiteValidationResult, ExpectationValidationResult
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    for name in [n for n in logging.root.manager.loggerDict if n.startswith("great_expectations")]:
        logging.getLogger(name).setLevel(logging.WARNING)
    context = gx.get_context(mode="ephemeral")
    context.add_data_docs_site(
        "gate",
        {
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(out.resolve())},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    run = RunIdentifier(run_name=run_id, run_time=finished_at)
    for path in sorted((EXPECTATIONS_DIR / str(year)).glob("*.json")):
        suite = json.loads(path.read_text(encoding="utf-8"))
        name = f"{year}.{path.stem}"
        results = []
        for e in suite["expectations"]:
            expectation = getattr(gx.expectations, "".join(p.capitalize() for p in e["type"].split("_")))(
                **e["kwargs"], meta=e["meta"]
            )
            applicable, broken, success = outcomes.get(e["meta"]["rule"], (0, 0, True))
            results.append(
                ExpectationValidationResult(
                    success=bool(success),
                    expectation_config=expectation.configuration,
                    result={
                        "element_count": applicable,
                        "unexpected_count": broken,
                        "unexpected_percent": 100 * broken / applicable if applicable else 0.0,
                    },
                )
            )
        passed = sum(r.success for r in results)
        validation = ExpectationSuiteValidationResult(
            success=passed == len(results),
            results=results,
            suite_name=name,
            statistics={
                "evaluated_expectations": len(results),
                "successful_expectations": passed,
                "unsuccessful_expectations": len(results) - passed,
                "success_percent": 100 * passed / len(results) if results else 100.0,
            },
            meta={"run_id": run, "gate_run_id": run_id, "active_batch_definition": {"datasource_name": "gate"}},
        )
        key = ValidationResultIdentifier(ExpectationSuiteIdentifier(name), run, batch_identifier=path.stem)
        context.validation_results_store.set(key, validation)
    context.build_data_docs(site_names=["gate"])


OFFLINE_LIST = '<div class="container-fluid" id="offline-list" style="padding:16px 24px">'


def _offline_list(out: Path) -> None:
    """The index's list of validations as plain links, above GX's table (which needs its CDN script)."""
    index = out / "index.html"
    pages = sorted(p.relative_to(out).as_posix() for p in (out / "validations").rglob("*.html"))
    links = "".join(
        f'<li><a href="{escape(page)}">{escape(page.split("/")[-1].removesuffix(".html"))}</a>（{escape(page)}）</li>'
        for page in pages
    )
    listed = f"{OFFLINE_LIST}<h2>検証結果の一覧</h2><ul>{links}</ul></div>"
    text = index.read_text(encoding="utf-8")
    start = text.index("<body")
    body = text.index(">", start) + 1
    index.write_text(text[:body] + listed + text[body:], encoding="utf-8")
