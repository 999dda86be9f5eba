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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from warehouse import paths
from warehouse.settings import Settings

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


def _say(command: str) -> Callable[[str], None]:
    return lambda message: print(f"{command}: {message}", file=sys.stderr, flush=True)


@contextmanager
def _writing(args: argparse.Namespace, settings: Settings) -> Iterator[None]:
    """The writer lock of the working file and a clean start, for the commands that write it."""
    from warehouse.pipeline.lock import exclusive

    with exclusive(
        settings.db,
        published=settings.published,
        cleaning_log=settings.cleaning_log,
        wait=settings.lock_wait,
        timeout=settings.lock_timeout,
        on_wait=_say(args.command),
    ):
        yield


def _generate(args: argparse.Namespace, settings: Settings) -> None:
    from warehouse.sample.defects import DEFAULT_RATES
    from warehouse.sample.generate import generate

    rates = DEFAULT_RATES if args.defects else None
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


def _ingest(args: argparse.Namespace, settings: Settings) -> None:
    from warehouse.ingest.run import ingest
    from warehouse.pipeline.refusals import check_inputs

    check_inputs(settings.raw, args.year, force=True)  # an empty year may be ingested, not published
    with _writing(args, settings):
        report = ingest(settings.db, settings.raw, args.year, progress=Progress("ingest"))
    print(
        f"ingest {report.run_id}: {report.files_seen:,} files seen, {report.files_read:,} read, "
        f"{report.submissions:,} submissions, {report.quarantined:,} quarantined, {report.answers:,} answer cells "
        f"in {report.seconds:.1f} s → {settings.db}"
    )


def _transform(args: argparse.Namespace, settings: Settings) -> None:
    from warehouse.transform.dbt import build, write_lookups

    with _writing(args, settings):
        counts = write_lookups(settings.db)
        items, governments = counts["codebook.items"], counts["reference.local_governments"]
        print(f"lookups: {items:,} codebook items, {governments:,} local governments")
        print("dbt build: staging → intermediate → marts → report, with the dbt tests", file=sys.stderr, flush=True)
        report = build(settings.db, runs_kept=settings.dbt_runs_kept)
    if report.skipped:
        print("dbt build: no return added or withdrawn since the last build; nothing to do")
        return
    passed = sum(1 for status in report.results.values() if status in ("success", "pass"))
    print(f"dbt build: {passed:,}/{len(report.results):,} models and tests ok in {report.seconds:.1f} s")
    if not report.success:
        raise SystemExit("dbt build failed:\n  " + "\n  ".join(report.failures))


def _template(args: argparse.Namespace, settings: Settings) -> None:
    from warehouse.codebook import load_edition
    from warehouse.workbook.template import write_workbook

    for form, cb in load_edition(args.year).items():
        path = write_workbook(cb, args.out / f"{args.year}_{form}_template.xlsx")
        print(f"{form}: {path}")


def _gate(args: argparse.Namespace, settings: Settings) -> None:
    from warehouse.gate.run import run_gate

    with _writing(args, settings):
        result = run_gate(settings.db, args.year)
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


def _publish(args: argparse.Namespace, settings: Settings) -> None:
    """Publish the working file, but only what every year's latest gate run passed, and not a sharp drop."""
    from warehouse.pipeline.refresh import HeldBack, PublishFailed, after_publication, publication, publish_step
    from warehouse.publish.swap import PublishError

    with _writing(args, settings):
        try:
            allowed = publication(
                settings.db,
                settings.published,
                settings.cleaning_log,
                min_returns_share=None if settings.force else settings.min_returns_share,
            )
            result = publish_step(settings.db, settings.published, allowed.metadata(args.year))
        except HeldBack as held:
            raise SystemExit(f"publish: refused, {held}") from None
        except PublishFailed as error:  # disk full among them; the previous publication stays
            raise PublishError(str(error)) from error
    _say_published(len(result.tables), result.path, result.seconds)
    done = after_publication(settings, settings.published)
    if done.postgres is not None:
        _say_published(len(done.postgres.tables), done.postgres.target, done.postgres.seconds)
    if done.failed:
        raise SystemExit("\n".join(f"publish: the publication stands, but {failure}" for failure in done.failed))
    if done.site is not None:
        print(f"site: {done.site.pages:,} pages → {done.site.index}")
    elif done.site_skipped:
        print(f"site: not written, {done.site_skipped}")


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
    from warehouse.site.build import build_site
    from warehouse.site.data import NothingToDraw

    try:
        report = build_site(settings.published, settings.site_dir, args.year, audience=settings.site_reader)
    except NothingToDraw as nothing:
        raise SystemExit(f"site: {nothing} ({settings.published})") from None
    print(
        f"site: {report.pages:,} pages of {report.fiscal_year} from {settings.published} in {report.seconds:.1f} s "
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
    from warehouse.pipeline.refresh import refresh
    from warehouse.pipeline.refusals import Refused
    from warehouse.pipeline.summary import summary

    if args.sample_if_absent and not (settings.raw / str(args.year)).exists():
        if settings.raw.resolve() != paths.RAW.resolve():
            raise Refused(
                f"--sample-if-absent writes the sample into the repository's {paths.RAW} only, not into {settings.raw}"
            )
        print(f"run: no returns under {settings.raw / str(args.year)}; generating the sample national year")
        _generate(args, settings)
    report = refresh(
        settings.raw,
        settings.db,
        settings.published,
        args.year,
        cleaning_log_dir=settings.cleaning_log,
        progress=Progress("ingest"),
        stage=lambda name: sys.stderr.write(f"stage: {name}\n"),  # one write: stages may start together
        force=settings.force,
        min_returns_share=settings.min_returns_share,
        wait=settings.lock_wait,
        lock_timeout=settings.lock_timeout,
        on_wait=_say("run"),
        settings=settings,
        rebuild=args.rebuild,
    )
    for leftover in report.leftovers:
        print(f"run: removed {leftover}, left by a run that did not finish", file=sys.stderr)
    print(summary(report, settings.published, settings.cleaning_log))
    for failure in report.after_failures:
        print(f"run: the publication stands, but {failure}", file=sys.stderr)
    if not report.ok:
        raise SystemExit(1)


#: Options shared by the commands: (flags, keyword arguments of ``add_argument``).
OPTIONS: dict[str, tuple[tuple[str, ...], dict[str, object]]] = {
    "raw": (("--raw",), {"type": Path, "help": "folder of returned workbooks, <raw>/<year>/<form>/ (WAREHOUSE_RAW)"}),
    "db": (("--db",), {"type": Path, "help": "working DuckDB file (WAREHOUSE_DB)"}),
    "published": (("--published",), {"type": Path, "help": "analysts' DuckDB file (WAREHOUSE_PUBLISHED)"}),
    "site": (("--site",), {"type": Path, "help": "folder of the static site (WAREHOUSE_SITE)"}),
    "site_audience": (
        ("--site-audience",),
        {
            "metavar": "AUDIENCE",
            "help": "whom the site is for: public (counts only, the default), ministry, or prefecture:<code> "
            "(WAREHOUSE_SITE_AUDIENCE)",
        },
    ),
    "audience": (
        ("--audience",),
        {"required": True, "help": "public, ministry, or prefecture:<code>[,<code>…]"},
    ),
    "to": (("--to",), {"type": Path, "required": True, "metavar": "FILE", "help": "the DuckDB file to write"}),
    "cleaning_log": (
        ("--cleaning-log",),
        {"type": Path, "help": "folder of the cleaning-log workbooks (WAREHOUSE_CLEANING_LOG)"},
    ),
    "year": (
        ("--year",),
        {"type": int, "help": f"fiscal year of the survey (令和5年度 = 2023; default {DEFAULT_YEAR})"},
    ),
    "lock_wait": (
        ("--wait",),
        {
            "action": argparse.BooleanOptionalAction,
            "help": "when another refresh writes the working file: wait for it, or refuse (WAREHOUSE_LOCK_WAIT)",
        },
    ),
    "lock_timeout": (
        ("--lock-timeout",),
        {"type": float, "metavar": "SECONDS", "help": "wait at most this long (WAREHOUSE_LOCK_TIMEOUT)"},
    ),
    "force": (
        ("--force",),
        {
            "action": "store_true",
            "help": "publish despite an empty year or a sharp drop in returns (WAREHOUSE_FORCE)",
        },
    ),
    "postgres_url": (
        ("--postgres-url",),
        {"metavar": "URL", "help": "also publish to this PostgreSQL database (WAREHOUSE_POSTGRES_URL)"},
    ),
    "min_returns_share": (
        ("--min-returns-share",),
        {
            "type": float,
            "metavar": "SHARE",
            "help": "refuse a form whose current returns fall below this share of the last publication's "
            "(WAREHOUSE_MIN_RETURNS_SHARE, default 0.5)",
        },
    ),
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
    "gate": (_gate, "check the built models with the quality gate and record the findings", ("year", *WRITER)),
    "publish": (
        _publish,
        "replace the analysts' file with the working file, if the latest gate passed",
        ("published", "site_audience", "year", *WRITER, "force", "min_returns_share", "postgres_url"),
    ),
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
        ("published", "site", "site_audience", "year"),
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
    from warehouse.pipeline.refresh import one_line
    from warehouse.pipeline.refusals import Refused
    from warehouse.pipeline.working_file import HOW, WorkingFileDamaged, damage
    from warehouse.publish.swap import PublishError
    from warehouse.settings import SettingsError

    args.year = getattr(args, "year", DEFAULT_YEAR)
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
