"""The second publication target: the analysts' DuckDB file copied into a PostgreSQL database, for many
readers at once, BI tools that speak PostgreSQL, and access limited by role (``warehouse.publish.pg_access``).

Chosen by configuration: ``WAREHOUSE_POSTGRES_URL`` (``postgresql://user@host:port/dbname``, or any libpq
connection string; keep the password in ``~/.pgpass`` or ``PGPASSWORD`` rather than in the URL). Empty,
the default, publishes to the DuckDB file only. The working pipeline stays on DuckDB: what is copied is
the publication just written, after the gate passed, so both targets hold the same audited content.

Write-audit-publish on a server:

1. every table of the published file (marts, report, provenance, gate and meta) is created from the
   DuckDB catalog (``warehouse.publish.pg_schema``) in a new set of schemas (``marts__next_<token>`` …)
   and filled with ``COPY ... FROM STDIN (FORMAT csv)``, fed by DuckDB's own CSV writer; keys, comments,
   grants and row-level security are added and the row counts checked against DuckDB's, all in one
   transaction, so a failed load leaves nothing behind;
2. the swap, in one short transaction: every table of the current publication is locked (``ACCESS
   EXCLUSIVE``), the current schemas are renamed away and the new ones take their names. A statement
   therefore reads the old publication or the new, never a mix: one that started before holds its locks
   until it ends and the swap waits for it; one that starts during the swap waits and then reads the new
   tables. The lock is requested with a short ``lock_timeout`` and retried, so a reader that would
   deadlock with the swap (holding one old table while asking for another) is never the one cancelled;
3. the old schemas are dropped. If that cannot be done now (a reader still holds them), the next
   publication removes them.

A failed gate never reaches this step, and a failure here leaves the previous PostgreSQL publication as
it was. Publications are serialised by an advisory lock on the database. Readers who keep a transaction
open across statements see each statement's publication; a transaction holding the published tables
delays the swap (up to ``SWAP_WAIT_SECONDS``, then the publication fails and the old one stays).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import tempfile
import time
import uuid
from collections.abc import Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import psycopg
from psycopg import conninfo, errors

from warehouse.publish import disclosure, pg_access
from warehouse.publish.disclosure import Disclosure
from warehouse.publish.pg_schema import Column, Table, read_catalog
from warehouse.publish.swap import META_SCHEMA, PublishError, _ident, _literal
from warehouse.settings import Settings

log = logging.getLogger(__name__)

SOURCE = "publication"
ADVISORY_LOCK = 0x77617265686F7573  # "warehous": one publication at a time per database
SWAP_LOCK_TIMEOUT = "500ms"  # below deadlock_timeout (1 s): the swap gives way first
SWAP_WAIT_SECONDS = 60.0
CHUNK = 1 << 20
#: A schema being loaded (``__next_``) or retired (``__old_``), left over if a publication was interrupted.
WORKING_SCHEMA = re.compile(r"^[a-z0-9_]+__(next|old)_[0-9a-f]{12}$")


@dataclass(frozen=True)
class PostgresResult:
    target: str  # the database, named without its password
    tables: dict[str, int]  # "schema.table" -> row count
    seconds: float
    published_at: dt.datetime  # the DuckDB publication's, which this one copies
    access: bool  # whether the roles of ``pg-roles`` exist and were granted their rows


def publish_step(settings: Settings, published: Path) -> PostgresResult | None:
    """The refresh's step after the DuckDB publication: copy it to PostgreSQL when a URL is configured."""
    if not settings.postgres_url:
        return None
    return publish_postgres(settings.postgres_url, published)


def left_unchanged(settings: Settings) -> list[str]:
    """What an alert about a blocked publication says about the PostgreSQL target (nothing without one)."""
    if not settings.postgres_url:
        return []
    return [f"The PostgreSQL publication in {describe(settings.postgres_url)} was left as it was."]


def describe(url: str) -> str:
    """``postgresql://user@host:port/dbname`` without the password, for summaries, alerts and errors."""
    try:
        parts = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "PostgreSQL (unreadable connection string)"
    host = parts.get("host") or "localhost"
    port = f":{parts['port']}" if parts.get("port") else ""
    user = f"{parts['user']}@" if parts.get("user") else ""
    return f"postgresql://{user}{host}{port}/{parts.get('dbname', '')}"


def publish_postgres(url: str, published_db: Path, *, swap_wait: float = SWAP_WAIT_SECONDS) -> PostgresResult:
    """Copy the publication ``published_db`` into the database at ``url`` and swap it in atomically.

    Raises :class:`PublishError` naming the database (never its password) when it cannot; the previous
    publication there is untouched."""
    started = time.perf_counter()
    target = describe(url)
    published_db = Path(published_db)
    if not published_db.is_file():
        raise PublishError(f"nothing to copy to {target}: {published_db} does not exist")
    token = uuid.uuid4().hex[:12]
    try:
        with duckdb.connect() as duck, tempfile.TemporaryDirectory(prefix="pg-publish-") as scratch:
            duck.execute(f"ATTACH {_literal(str(published_db))} AS {SOURCE} (READ_ONLY)")
            tables = read_catalog(duck, SOURCE)
            # decided before the server is touched: an undeclared relation is refused here
            access = pg_access.classify(tables, disclosure.read(duck, SOURCE))
            published_at = _published_at(duck)
            with psycopg.connect(url, autocommit=True) as pg:
                pg.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK])
                _drop_working_schemas(pg)
                schemas = sorted({t.schema for t in tables})
                staged = {schema: f"{schema}__next_{token}" for schema in schemas}
                roles = _load(pg, duck, tables, access, staged, Path(scratch))
                try:
                    _swap(pg, staged, token, swap_wait, target)
                finally:  # the old schemas, or the new ones when the swap gave up; else the next publication does
                    with contextlib.suppress(psycopg.Error):
                        _drop_working_schemas(pg)
    except (psycopg.Error, duckdb.Error, OSError) as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        raise PublishError(f"publishing to {target} failed: {reason}; its previous publication is unchanged") from error
    return PostgresResult(
        target=target,
        tables={t.qualified: t.rows for t in tables},
        seconds=time.perf_counter() - started,
        published_at=published_at,
        access=roles,
    )


def _published_at(duck: duckdb.DuckDBPyConnection) -> dt.datetime:
    row = duck.execute(f"SELECT published_at FROM {SOURCE}.{META_SCHEMA}.publication").fetchone()
    if not row:
        raise PublishError(f"the publication has no {META_SCHEMA}.publication row")
    return row[0]


def _load(
    pg: psycopg.Connection,
    duck: duckdb.DuckDBPyConnection,
    tables: list[Table],
    access: Mapping[str, pg_access.Access],
    staged: dict[str, str],
    scratch: Path,
) -> bool:
    """Create, fill, key, comment and protect every table under its staged schema, in one transaction.

    No ``ANALYZE``: autovacuum analyses the new tables shortly after (they are small beside what it is
    tuned for), and it would add a third to the publication's time."""
    with pg.transaction(), pg.cursor() as cur:
        cur.execute("SET LOCAL search_path TO pg_catalog, pg_temp")  # every name below is resolved as written
        for schema in staged.values():
            cur.execute(f"CREATE SCHEMA {_ident(schema)}")
        for table, csv in _exported(duck, tables, scratch):
            schema = staged[table.schema]
            cur.execute(table.create(schema))
            columns = ", ".join(_ident(c.name) for c in table.columns)
            into = f"COPY {_ident(schema)}.{_ident(table.name)} ({columns}) FROM STDIN (FORMAT csv)"
            with cur.copy(into) as copy, csv.open("rb") as source:
                while chunk := source.read(CHUNK):
                    copy.write(chunk)
            if cur.rowcount != table.rows:
                raise PublishError(f"{table.qualified}: {cur.rowcount} rows arrived of {table.rows}")
            csv.unlink()
            cur.execute("; ".join([*table.add_keys(schema), *table.comments(schema)]) or "SELECT 1")
        roles = pg_access.apply(cur, tables, access, staged)
    if not roles:
        log.warning("the roles of `python -m warehouse pg-roles` do not exist: only the publishing role reads the rows")
    return roles


def _exported(duck: duckdb.DuckDBPyConnection, tables: list[Table], scratch: Path) -> Iterator[tuple[Table, Path]]:
    """Each table with its CSV, written by DuckDB in a thread of its own: the next table is written while
    PostgreSQL reads the current one."""

    def export(table: Table) -> Path:
        csv = scratch / f"{table.schema}.{table.name}.csv"
        duck.execute(f"COPY ({table.csv_select(SOURCE)}) TO {_literal(str(csv))} (FORMAT csv, HEADER false)")
        return csv

    with ThreadPoolExecutor(1) as writer:
        pending: tuple[Table, Future[Path]] | None = None
        for table in tables:
            following = (table, writer.submit(export, table))
            if pending is not None:
                yield pending[0], pending[1].result()
            pending = following
        if pending is not None:
            yield pending[0], pending[1].result()


def _swap(pg: psycopg.Connection, staged: dict[str, str], token: str, wait: float, target: str) -> None:
    """Rename the current schemas away and the staged ones into their names, in one transaction."""
    deadline = time.monotonic() + wait
    attempt = 0
    while True:
        try:
            with pg.transaction(), pg.cursor() as cur:
                cur.execute(f"SET LOCAL lock_timeout = {_literal(SWAP_LOCK_TIMEOUT)}")
                current = [schema for schema in staged if _schema_exists(cur, schema)]
                old_tables = cur.execute(
                    "SELECT format('%%I.%%I', n.nspname, c.relname) FROM pg_class c "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY(%s) AND c.relkind = 'r'",
                    [current],
                ).fetchall()
                if old_tables:
                    cur.execute(f"LOCK TABLE {', '.join(name for (name,) in old_tables)} IN ACCESS EXCLUSIVE MODE")
                for schema in current:
                    cur.execute(f"ALTER SCHEMA {_ident(schema)} RENAME TO {_ident(f'{schema}__old_{token}')}")
                for schema, staged_name in staged.items():
                    cur.execute(f"ALTER SCHEMA {_ident(staged_name)} RENAME TO {_ident(schema)}")
            return
        except (errors.LockNotAvailable, errors.DeadlockDetected) as error:
            attempt += 1
            if time.monotonic() > deadline:
                holders = _lock_holders(pg, list(staged))
                raise PublishError(
                    f"readers held the published tables of {target} for {wait:.0f} s ({holders}); "
                    "the previous publication stays"
                ) from error
            time.sleep(min(0.05 * attempt, 1.0))


def _schema_exists(cur: psycopg.Cursor, schema: str) -> bool:
    return cur.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", [schema]).fetchone() is not None


def _lock_holders(pg: psycopg.Connection, schemas: list[str]) -> str:
    rows = pg.execute(
        "SELECT DISTINCT l.pid, a.usename FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
        "JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE n.nspname = ANY(%s) AND l.granted AND l.pid <> pg_backend_pid()",
        [schemas],
    ).fetchall()
    return ", ".join(f"pid {pid} ({user})" for pid, user in rows) or "no holder left"


def _drop_working_schemas(pg: psycopg.Connection) -> None:
    """Drop the schemas of interrupted or retired publications (never the published ones)."""
    for (schema,) in pg.execute("SELECT nspname FROM pg_namespace ORDER BY 1").fetchall():
        if not WORKING_SCHEMA.match(schema):
            continue
        try:
            with pg.transaction():
                pg.execute(f"SET LOCAL lock_timeout = {_literal(SWAP_LOCK_TIMEOUT)}")
                pg.execute(f"DROP SCHEMA {_ident(schema)} CASCADE")
        except errors.LockNotAvailable:
            log.warning("%s is still read; the next publication drops it", schema)


def read_postgres_publication(url: str) -> dict[str, Any] | None:
    """The ``meta.publication`` row of the database's current publication (None when there is none)."""
    with psycopg.connect(url, autocommit=True) as pg:
        if pg.execute("SELECT to_regclass(%s)", [f"{META_SCHEMA}.publication"]).fetchone() == (None,):
            return None
        cursor = pg.execute(f"SELECT * FROM {META_SCHEMA}.publication")
        columns = [d.name for d in cursor.description or []]
        row = cursor.fetchone()
    return dict(zip(columns, row, strict=True)) if row else None


def create_roles(url: str, prefectures: dict[str, str], *, reset_passwords: bool = False) -> list[pg_access.Login]:
    """``pg-roles``: the groups and logins of ``warehouse.publish.pg_access``, then their grants and row-level
    security on the current publication (the next publications carry them from the start)."""
    with psycopg.connect(url, autocommit=True) as pg:
        pg.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK])
        logins = pg_access.create_roles(pg, prefectures, reset_passwords=reset_passwords)
        meta = read_postgres_publication(url)
        if meta is not None:
            tables = _current_tables(pg, [*meta["schemas"], META_SCHEMA])
            access = pg_access.classify(tables, _current_declarations(pg))
            with pg.transaction(), pg.cursor() as cur:
                cur.execute("SET LOCAL search_path TO pg_catalog, pg_temp")
                pg_access.apply(cur, tables, access, {t.schema: t.schema for t in tables})
    return logins


def _current_declarations(pg: psycopg.Connection) -> dict[str, Disclosure]:
    """The current publication's ``meta.disclosure``."""
    if pg.execute("SELECT to_regclass(%s)", [".".join(disclosure.PUBLISHED_TABLE)]).fetchone() == (None,):
        raise PublishError("the current publication has no meta.disclosure: publish it again with this version")
    rows = pg.execute(f"SELECT {', '.join(disclosure.COLUMNS)} FROM {'.'.join(disclosure.PUBLISHED_TABLE)}")
    return disclosure.from_rows(rows.fetchall())


def _current_tables(pg: psycopg.Connection, schemas: list[str]) -> list[Table]:
    """The current publication's tables, with what the access rules read (columns and primary key)."""
    rows = pg.execute(
        "SELECT n.nspname, c.relname, array_agg(a.attname ORDER BY a.attnum), "
        "(SELECT array_agg(k.attname ORDER BY k.attnum) FROM pg_index i JOIN pg_attribute k "
        "ON k.attrelid = i.indrelid AND k.attnum = ANY(i.indkey) WHERE i.indrelid = c.oid AND i.indisprimary) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
        "WHERE n.nspname = ANY(%s) AND c.relkind = 'r' GROUP BY 1, 2, c.oid ORDER BY 1, 2",
        [schemas],
    ).fetchall()
    return [
        Table(
            schema=schema,
            name=name,
            columns=tuple(Column(column, "", "", False, None) for column in columns),
            checks=(),
            keys=(),
            primary_key=tuple(key or ()),
            comment=None,
            rows=0,
        )
        for schema, name, columns, key in rows
    ]
