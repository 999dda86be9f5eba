"""Command line: ``python -m warehouse <command> [options]``.

``run`` is the main job: the full refresh (ingest, dbt build, quality gate, publish, cleaning log) of
``raw/<year>/`` into ``data/``; the other commands are its steps.  Options come from the environment
(``WAREHOUSE_*``, see ``warehouse.settings``) unless given, before or after the command.  Refusals,
a busy working file and a failed publication end with one sentence and exit code 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from warehouse import paths
from warehouse.settings import Settings, field_doc, option_help

if TYPE_CHECKING:
    from warehouse.gate.run import GateResult
    from warehouse.pipeline.run import Run
    from warehouse.pipeline.state import RefreshReport

#: The survey year of the sample ``run --sample-if-absent`` and ``generate`` write: 令和5年度, the national year.
SAMPLE_YEAR = 2023


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


def _say(command: str) -> Callable[[str], None]:
    return lambda message: print(f"{command}: {message}", file=sys.stderr, flush=True)


def _run_of(
    args: argparse.Namespace, settings: Settings, steps: tuple[str, ...] | None = None, **options: object
) -> Run:
    """The run of ``steps`` of the plan (all of them: the whole refresh) on the year given, or the default."""
    from warehouse.pipeline.run import Events, Run

    events = Events(
        stage=lambda name: sys.stderr.write(f"stage: {name}\n"),  # one write: stages may start together
        progress=Progress("ingest"),
        say=_say(args.command),
    )
    return Run.of(settings, args.year, steps=steps, events=events, **options)


def _generate(args: argparse.Namespace, settings: Settings) -> None:
    from warehouse.sample.defects import DEFAULT_RATES
    from warehouse.sample.generate import generate

    rates = DEFAULT_RATES if args.defects else None
    args.year = args.year or SAMPLE_YEAR
    sample = generate(
        settings.raw, args.year, seed=args.seed, scale=args.scale, defect_rates=rates, progress=Progress("generate")
    )
    where = settings.raw / str(args.year)
    print(f"generated {len(sample.files):,} returns under {where} ({len(sample.defects)} defects)")


def _sample(args: argparse.Namespace, settings: Settings) -> None:
    """Every edition that has codebooks: the 令和 national year and the legacy surveys."""
    from warehouse.codebook import editions

    for year in editions():
        args.year = year
        _generate(args, settings)


def _steps(args: argparse.Namespace, settings: Settings, *names: str) -> RefreshReport:
    """Run single steps of the plan, as a stage command; a step that stops ends the command with its sentence."""
    from warehouse.pipeline.refresh import refresh

    report = refresh(_run_of(args, settings, names))
    for failure in report.after_failures:
        print(f"{args.command}: {failure}", file=sys.stderr)
    if report.blocked:
        raise SystemExit(f"{args.command}: {report.blocked}")
    if report.after_failures:
        raise SystemExit(1)
    return report


def _ingest(args: argparse.Namespace, settings: Settings) -> None:
    # an empty year may be ingested, not published
    report = _steps(args, settings.override(force=True), "ingest").ingest
    assert report is not None
    print(
        f"ingest {report.run_id}: {report.files_seen:,} files seen, {report.files_read:,} read, "
        f"{report.submissions:,} submissions, {report.quarantined:,} quarantined, {report.answers:,} answer cells "
        f"in {report.seconds:.1f} s → {settings.db}"
    )


def _transform(args: argparse.Namespace, settings: Settings) -> None:
    print("dbt build: staging → intermediate → marts → report, with the dbt tests", file=sys.stderr, flush=True)
    done = _steps(args, settings, "lookups", "build")
    items, governments = done.lookups["codebook.items"], done.lookups["reference.local_governments"]
    print(f"lookups: {items:,} codebook items, {governments:,} local governments")
    report = done.dbt
    assert report is not None
    if report.skipped:
        print("dbt build: no return added or withdrawn since the last build; nothing to do")
        return
    passed = sum(1 for status in report.results.values() if status in ("success", "pass"))
    print(f"dbt build: {passed:,}/{len(report.results):,} models and tests ok in {report.seconds:.1f} s")


def _template(args: argparse.Namespace, settings: Settings) -> None:
    from warehouse.codebook import load_edition
    from warehouse.workbook.template import write_workbook

    year = args.year or SAMPLE_YEAR
    for form, cb in load_edition(year).items():
        path = write_workbook(cb, args.out / f"{year}_{form}_template.xlsx")
        print(f"{form}: {path}")


def _gate(args: argparse.Namespace, settings: Settings) -> None:
    """The gate of the year (and of any year not checked since the models were rebuilt whole)."""
    report = _steps(args, settings, "gate")
    for result in report.gates.values():
        print(_gate_line(result))
    if not all(result.passed for result in report.gates.values()):
        raise SystemExit(1)


def _gate_line(result: GateResult) -> str:
    counts = ", ".join(f"{n:,} {severity}" for severity, n in sorted(result.counts.items())) or "none"
    verdict = "passed" if result.passed else "FAILED on " + ", ".join(result.hard_failures)
    failed = len(result.failed_rules)
    return (
        f"gate {result.run_id}: {verdict}; {len(result.rules):,} rules, {failed:,} outside tolerance; "
        f"findings: {counts} ({result.seconds:.1f} s)"
    )


def _cleaning_log(args: argparse.Namespace, settings: Settings) -> None:
    """The 疑義照会 workbooks of every year's latest gate run."""
    from warehouse.cleaning_log.workbooks import year_folder

    report = _steps(args, settings, "cleaning_log")
    for year, workbooks in sorted(report.cleaning_log.items()):
        print(f"cleaning log {year}: {len(workbooks)} workbooks in {year_folder(settings.cleaning_log, year)}")


def _publish(args: argparse.Namespace, settings: Settings) -> None:
    """Publish the working file, but only what every year's latest gate run passed, and not a sharp drop; then
    what reads the publication."""
    report = _steps(args, settings, "publish", "postgres", "site")
    assert report.published is not None
    _say_published(len(report.published.tables), report.published.path, report.published.seconds)
    if report.postgres is not None:
        _say_published(len(report.postgres.tables), report.postgres.target, report.postgres.seconds)
    if report.site is not None:
        print(f"site: {report.site.pages:,} pages → {report.site.index}")
    elif report.site_skipped:
        print(f"site: not written, {report.site_skipped}")


def _plan(args: argparse.Namespace, settings: Settings) -> None:
    from warehouse.pipeline.plan import describe
    from warehouse.pipeline.run import default_year

    print(describe())
    print(f"default year: {default_year(settings.raw)} (the latest edition with returns under {settings.raw})")


def _pg_publish(args: argparse.Namespace, settings: Settings) -> None:
    """Copy the analysts' file, as it is, to the configured PostgreSQL database."""
    from warehouse.publish.postgres import publish_step

    result = publish_step(settings, settings.published)
    if result is None:
        raise SystemExit("pg-publish: no PostgreSQL database configured (WAREHOUSE_POSTGRES_URL or --postgres-url)")
    _say_published(len(result.tables), result.target, result.seconds)


def _say_published(tables: int, where: object, seconds: float) -> None:
    """The one line each publication target prints (the file and the PostgreSQL copy alike)."""
    print(f"published {tables} tables to {where} in {seconds:.1f} s")


def _pg_roles(args: argparse.Namespace, settings: Settings) -> None:
    """Create the reader roles and logins in the PostgreSQL database; new logins' passwords go to a file."""
    import os

    from warehouse.publish.postgres import create_roles, describe
    from warehouse.reference.local_governments import load

    if not settings.postgres_url:
        raise SystemExit("pg-roles: no PostgreSQL database configured (WAREHOUSE_POSTGRES_URL or --postgres-url)")
    prefectures = {code: lg.name for code, lg in sorted(load().prefectures.items())}
    logins = create_roles(settings.postgres_url, prefectures, reset_passwords=args.reset_passwords)
    new = [login for login in logins if login.password is not None]
    if new:
        from psycopg import conninfo

        parts = conninfo.conninfo_to_dict(settings.postgres_url)
        where = f"{parts.get('host') or 'localhost'}:{parts.get('port') or 5432}:{parts.get('dbname', '')}"
        args.passwords.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(args.passwords, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as out:
            out.writelines(f"{where}:{login.role}:{login.password}\n" for login in new)
    target = describe(settings.postgres_url)
    print(f"pg-roles: {len(logins)} logins in {target}; {len(new)} new passwords appended to {args.passwords}")


def _site(args: argparse.Namespace, settings: Settings) -> None:
    """The site step of the plan alone: the published file's pages for the settings' audience."""
    done = _steps(args, settings, "site")
    report = done.site
    if report is None:
        raise SystemExit(f"site: {done.site_skipped} ({settings.published})")
    print(
        f"site: {report.pages:,} pages"
        + (f" (prefectures and municipalities of {report.fiscal_year})" if report.fiscal_year else "")
        + f" from {settings.published} in {report.seconds:.1f} s "
        f"({report.written:,} files written, {report.unchanged:,} unchanged, {report.removed:,} removed) "
        f"→ {report.index}"
    )


def _export(args: argparse.Namespace, settings: Settings) -> None:
    from warehouse.publish.audience import export
    from warehouse.publish.disclosure import Reader
    from warehouse.settings import SettingsError

    try:
        reader = Reader.parse(args.audience)
    except ValueError as error:
        raise SettingsError(f"--audience: {error}") from None
    counts = export(settings.published, reader, args.to)
    print(f"export: {len(counts)} tables, {sum(counts.values()):,} rows for {reader} → {args.to}")


def _run(args: argparse.Namespace, settings: Settings) -> None:
    from warehouse.ingest.folder import has_returns
    from warehouse.pipeline.refresh import refresh
    from warehouse.pipeline.refusals import Refused
    from warehouse.pipeline.summary import summary

    if args.sample_if_absent:
        wanted = args.year or SAMPLE_YEAR
        if not has_returns(settings.raw, wanted) and (args.year or not _any_returns(settings)):
            if settings.raw.resolve() != paths.RAW.resolve():
                raise Refused(
                    f"--sample-if-absent writes the sample into the repository's {paths.RAW} only, not into "
                    f"{settings.raw}"
                )
            print(f"run: no returns under {settings.raw / str(wanted)}; generating the sample")
            args.year = wanted
            _generate(args, settings)
    run = _run_of(args, settings, rebuild=args.rebuild)
    if args.year is None:
        print(f"run: fiscal year {run.year}, the latest edition with returns under {settings.raw}", flush=True)
    report = refresh(run)
    if report.nothing_to_do:
        print(f"run: {report.nothing_to_do}")
        return
    print(summary(report, settings.published, settings.cleaning_log))
    for failure in report.after_failures:
        print(f"run: the publication stands, but {failure}", file=sys.stderr)
    if not report.ok:
        raise SystemExit(1)


def _any_returns(settings: Settings) -> bool:
    from warehouse.codebook import editions
    from warehouse.ingest.folder import has_returns

    return any(has_returns(settings.raw, year) for year in editions())


def _setting(name: str, **kwargs: object) -> tuple[tuple[str, ...], dict[str, object]]:
    """The option of a setting: its flag and help come from the field's metadata, like the table of
    docs/operations.md (``--no-wait`` is made by ``BooleanOptionalAction`` from ``--wait``)."""
    return field_doc(name)["option"][:1], {"help": option_help(name), **kwargs}


#: Options shared by the commands: (flags, keyword arguments of ``add_argument``).
OPTIONS: dict[str, tuple[tuple[str, ...], dict[str, object]]] = {
    "raw": _setting("raw", type=Path),
    "db": _setting("db", type=Path),
    "published": _setting("published", type=Path),
    "site": _setting("site", type=Path),
    "site_audience": _setting("site_audience", metavar="AUDIENCE"),
    "audience": (
        ("--audience",),
        {"required": True, "help": "public, ministry, or prefecture:<code>[,<code>…]"},
    ),
    "to": (("--to",), {"type": Path, "required": True, "metavar": "FILE", "help": "the DuckDB file to write"}),
    "cleaning_log": _setting("cleaning_log", type=Path),
    "year": (
        ("--year",),
        {
            "type": int,
            "help": "fiscal year of the survey (令和5年度 = 2023; default: the latest edition with returns under "
            f"the raw folder; for generate, {SAMPLE_YEAR})",
        },
    ),
    "lock_wait": _setting("lock_wait", action=argparse.BooleanOptionalAction),
    "lock_timeout": _setting("lock_timeout", type=float, metavar="SECONDS"),
    "force": _setting("force", action="store_true"),
    "postgres_url": _setting("postgres_url", metavar="URL"),
    "min_returns_share": _setting("min_returns_share", type=float, metavar="SHARE"),
}
WRITER = ("db", "lock_wait", "lock_timeout")
#: The options that are settings (accepted before any command); the others belong to one command.
SETTINGS_OPTIONS = tuple(name for name in OPTIONS if name not in ("audience", "to"))
#: command → (function, help, options)
COMMANDS: dict[str, tuple[Callable[[argparse.Namespace, Settings], None], str, tuple[str, ...]]] = {
    "run": (
        _run,
        "the full refresh of raw/<year>/ to the published file",
        SETTINGS_OPTIONS,
    ),
    "generate": (_generate, "write the sample national year into the raw folder", ("raw", "year")),
    "sample": (_sample, "write the sample of every edition into the raw folder", ("raw",)),
    "ingest": (_ingest, "read new and changed workbooks into the raw schema", ("raw", "year", *WRITER)),
    "transform": (_transform, "load the codebook and reference tables, then dbt build", WRITER),
    "gate": (
        _gate,
        "refuse a sharp drop in returns, then check the built models with the quality gate and record the findings",
        ("year", *WRITER, "force", "min_returns_share", "published"),
    ),
    "cleaning-log": (
        _cleaning_log,
        "write the 疑義照会 workbooks of every year's latest gate run",
        ("cleaning_log", *WRITER),
    ),
    "publish": (
        _publish,
        "replace the analysts' file with the working file, if the latest gate passed",
        ("published", "site_audience", "year", *WRITER, "force", "min_returns_share", "postgres_url"),
    ),
    "plan": (_plan, "print the steps of a refresh, in order, and what each warms, stops and alerts", ("raw",)),
    "pg-publish": (_pg_publish, "copy the analysts' file to the PostgreSQL database", ("published", "postgres_url")),
    "pg-roles": (
        _pg_roles,
        "create the ministry, prefecture and public reader roles and logins in the PostgreSQL database",
        ("postgres_url",),
    ),
    "template": (_template, "write the blank templates of every form", ("year",)),
    "site": (
        _site,
        "write the static site of the published results for one audience (charts, prefectures, municipalities)",
        ("published", "site", "site_audience", *WRITER),
    ),
    "export": (
        _export,
        "write the file one audience may read: the relations and rows meta.disclosure gives it",
        ("published", "audience", "to"),
    ),
}


def _add(parser: argparse.ArgumentParser, names: tuple[str, ...]) -> None:
    for name in names:
        flags, kwargs = OPTIONS[name]
        parser.add_argument(*flags, dest=name, **kwargs)  # type: ignore[arg-type]


def parser() -> argparse.ArgumentParser:
    # SUPPRESS: an option not given is absent, so one given before the command is not reset after it
    main = argparse.ArgumentParser(prog="python -m warehouse", description=__doc__, argument_default=argparse.SUPPRESS)
    _add(main, SETTINGS_OPTIONS)
    commands = main.add_subparsers(dest="command", required=True)
    for name, (func, help_text, names) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text, argument_default=argparse.SUPPRESS)
        sub.set_defaults(func=func)
        _add(sub, names)
        if name in ("run", "generate", "sample"):
            sub.add_argument("--seed", type=int, default=5, help="seed of the sample (default 5, as calibrated)")
            sub.add_argument(
                "--scale", type=float, default=1.0, help="share of prefectures to write (whole prefectures)"
            )
            sub.add_argument("--defects", action="store_true", default=False, help="inject the defects of real returns")
        if name == "run":
            sub.add_argument(
                "--rebuild",
                action="store_true",
                default=False,
                help="move the working file aside (kept) and rebuild it from raw/, every year there (done by "
                "itself when the file cannot be read)",
            )
            sub.add_argument(
                "--sample-if-absent",
                action="store_true",
                default=False,
                help="generate the sample year first when the repository's raw/<year>/ is absent (what "
                "scripts/run.sh asks for; never into another raw folder)",
            )
        if name == "pg-roles":
            sub.add_argument(
                "--passwords",
                type=Path,
                default=paths.ROOT / "data" / "postgres_logins.pgpass",
                help="file the new logins' passwords are appended to, in .pgpass form (created 0600)",
            )
            sub.add_argument(
                "--reset-passwords", action="store_true", default=False, help="new passwords for existing logins too"
            )
        if name == "template":
            sub.add_argument("--out", type=Path, default=paths.ROOT / "build" / "templates", help="output folder")
    return main


def main(argv: list[str] | None = None) -> int:
    from warehouse.redact import has_password, redact_argv

    given = sys.argv[1:] if argv is None else argv
    # dbt records its process's command line (dbt.log, run_results.json): never with a password in it
    sys.argv[:] = redact_argv(sys.argv)
    args = parser().parse_args(given)
    if has_password(getattr(args, "postgres_url", None) or ""):
        print(
            "warning: --postgres-url holds a password, which other users of this machine can read in the process "
            "list; keep it in PGPASSWORD or ~/.pgpass instead",
            file=sys.stderr,
        )

    import duckdb
    import psycopg

    from warehouse.pipeline.lock import WorkingFileBusy, WriterBusy, duckdb_holder
    from warehouse.pipeline.refusals import Refused
    from warehouse.pipeline.steps import one_line
    from warehouse.pipeline.working_file import HOW, WorkingFileDamaged, damage
    from warehouse.publish.swap import PublishError
    from warehouse.settings import SettingsError

    args.year = getattr(args, "year", None)
    command = args.command
    try:
        settings = Settings.from_env().override(**{name: getattr(args, name, None) for name in OPTIONS})
        args.func(args, settings)
    except (Refused, SettingsError) as error:
        print(f"{command}: refused: {error}", file=sys.stderr)
        return 1
    except (WriterBusy, WorkingFileBusy, WorkingFileDamaged) as error:
        print(f"{command}: {error}", file=sys.stderr)
        return 1
    except duckdb.Error as error:
        sentence = duckdb_holder(str(error))
        if sentence is None and (reason := damage(error)):
            sentence = f"a file could not be read ({reason}); if it is the working file, {HOW}"
        if sentence is None:
            raise
        print(f"{command}: {sentence}", file=sys.stderr)
        return 1
    except psycopg.Error as error:  # what the PostgreSQL server refused (pg-roles)
        print(f"{command}: {one_line(error)}", file=sys.stderr)
        return 1
    except (PublishError, OSError) as error:  # disk full among them
        print(f"{command}: {duckdb_holder(str(error)) or one_line(error)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
