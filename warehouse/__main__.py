"""Command line: ``python -m warehouse <command>``.

``run`` is the main job on the embedded defaults: the sample year into ``raw/`` if absent, then the
full refresh (ingest, dbt build, quality gate, publish, cleaning log) into ``data/``; the other
commands are its steps.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from warehouse import paths

DEFAULT_YEAR = 2023


class Progress:
    """One line of progress on stderr, rewritten in place, for runs that take a while."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - self.last > 0.5:
            self.last = now
            end = "\n" if done == total else "\r"
            print(f"{self.label}: {done:,}/{total:,} workbooks", end=end, file=sys.stderr, flush=True)


def _generate(args: argparse.Namespace) -> None:
    from warehouse.sample.defects import DEFAULT_RATES
    from warehouse.sample.generate import generate

    rates = DEFAULT_RATES if args.defects else None
    sample = generate(
        args.raw, args.year, seed=args.seed, scale=args.scale, defect_rates=rates, progress=Progress("generate")
    )
    print(f"generated {len(sample.files):,} returns under {args.raw / str(args.year)} ({len(sample.defects)} defects)")


def _ingest(args: argparse.Namespace) -> None:
    from warehouse.ingest.run import ingest

    report = ingest(args.db, args.raw, args.year, progress=Progress("ingest"))
    print(
        f"ingest {report.run_id}: {report.files_seen:,} files seen, {report.files_read:,} read, "
        f"{report.submissions:,} submissions, {report.quarantined:,} quarantined, {report.answers:,} answer cells "
        f"in {report.seconds:.1f} s → {args.db}"
    )


def _transform(args: argparse.Namespace) -> None:
    from warehouse.transform.dbt import build, write_lookups

    counts = write_lookups(args.db)
    items, governments = counts["codebook.items"], counts["reference.local_governments"]
    print(f"lookups: {items:,} codebook items, {governments:,} local governments")
    print("dbt build: staging → intermediate → marts → report, with the dbt tests", file=sys.stderr, flush=True)
    report = build(args.db)
    passed = sum(1 for status in report.results.values() if status in ("success", "pass"))
    print(f"dbt build: {passed:,}/{len(report.results):,} models and tests ok in {report.seconds:.1f} s")
    if not report.success:
        raise SystemExit("dbt build failed:\n  " + "\n  ".join(report.failures))


def _template(args: argparse.Namespace) -> None:
    from warehouse.codebook import load_edition
    from warehouse.workbook.template import write_workbook

    for form, cb in load_edition(args.year).items():
        path = write_workbook(cb, args.out / f"{args.year}_{form}_template.xlsx")
        print(f"{form}: {path}")


def _gate(args: argparse.Namespace) -> None:
    from warehouse.gate.run import run_gate

    result = run_gate(args.db, args.year)
    print(_gate_line(result))
    if not result.passed:
        raise SystemExit(1)


def _gate_line(result: object) -> str:
    from warehouse.gate.run import GateResult

    assert isinstance(result, GateResult)
    counts = ", ".join(f"{n:,} {severity}" for severity, n in sorted(result.counts.items())) or "none"
    verdict = "passed" if result.passed else "FAILED on " + ", ".join(result.hard_failures)
    failed = len(result.failed_rules)
    return (
        f"gate {result.run_id}: {verdict}; {len(result.rules):,} rules, {failed:,} outside tolerance; "
        f"findings: {counts} ({result.seconds:.1f} s)"
    )


def _publish(args: argparse.Namespace) -> None:
    """Publish the working file, but only what the latest gate run passed."""
    from warehouse.gate.run import latest_gate_runs
    from warehouse.publish.swap import publish
    from warehouse.refresh import PUBLISHED_SCHEMAS

    latest = next((run for run in latest_gate_runs(args.db) if run.fiscal_year == args.year), None)
    if latest is None or not latest.passed:
        raise SystemExit(f"publish: refused, the latest gate run {latest.run_id if latest else '(none)'} did not pass")
    result = publish(args.db, args.published, PUBLISHED_SCHEMAS, metadata={"gate_run_id": latest.run_id})
    print(f"published {len(result.tables)} tables to {result.path} in {result.seconds:.1f} s")


def _run(args: argparse.Namespace) -> None:
    from warehouse.refresh import refresh
    from warehouse.summary import summary

    if not (args.raw / str(args.year)).exists():
        print(f"run: no returns under {args.raw / str(args.year)}; generating the sample national year")
        _generate(args)
    report = refresh(
        args.raw,
        args.db,
        args.published,
        args.year,
        cleaning_log_dir=args.cleaning_log,
        progress=Progress("ingest"),
        stage=lambda name: sys.stderr.write(f"stage: {name}\n"),  # one write: stages may start together
    )
    print(summary(report, args.db, args.published, args.cleaning_log))
    if not report.ok:
        raise SystemExit(1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse", description=__doc__)
    parser.add_argument("--raw", type=Path, default=paths.RAW, help="folder of returned workbooks (raw/<year>/<form>/)")
    parser.add_argument("--db", type=Path, default=paths.WORKING_DB, help="working DuckDB file")
    parser.add_argument("--published", type=Path, default=paths.PUBLISHED_DB, help="analysts' DuckDB file")
    parser.add_argument("--cleaning-log", type=Path, default=paths.CLEANING_LOG, help="cleaning-log workbooks")
    parser.add_argument("--year", type=int, default=DEFAULT_YEAR, help="fiscal year of the survey (令和5年度 = 2023)")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, func, help_text in (
        ("run", _run, "generate the sample if raw/<year> is absent, then the full refresh to the published file"),
        ("generate", _generate, "write the sample national year into raw/"),
        ("ingest", _ingest, "read new and changed workbooks into the raw schema"),
        ("transform", _transform, "load the codebook and reference tables, then dbt build"),
        ("gate", _gate, "check the built models with the quality gate and record the findings"),
        ("publish", _publish, "replace the analysts' file with the working file, if the latest gate passed"),
        ("template", _template, "write the blank templates of every form"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.set_defaults(func=func)
        if name in ("run", "generate"):
            sub.add_argument("--seed", type=int, default=5)
            sub.add_argument(
                "--scale", type=float, default=1.0, help="share of prefectures to write (whole prefectures)"
            )
            sub.add_argument("--defects", action="store_true", help="inject the defects of real returns")
        if name == "template":
            sub.add_argument("--out", type=Path, default=paths.ROOT / "build" / "templates")
    args = parser.parse_args(argv)
    args.func(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
