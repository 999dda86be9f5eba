"""Write-audit-publish, the publish half: copy the audited schemas of the working DuckDB file into a
new file and swap it over the analysts' file in one ``rename``.

Why a separate file replaced whole: DuckDB allows one read-write process or many read-only ones per
file, so analysts must never hold the working file, and an analyst file updated in place could be
seen half-written.  A new file written beside the target (same directory, so same filesystem) and
moved with ``os.replace`` gives every reader either the old publication or the new one, never a mix:

- a reader that already has the old file open keeps its open inode and reads the old content until it
  closes (Linux keeps an unlinked inode alive while it is open); it is never blocked and never fails;
- a reader that opens the path after the swap reads the new content;
- the pipeline takes no lock on the published file, so analysts' read-only connections cannot block it.

The published file is self-contained: views are materialised as tables, so nothing in it refers to the
working file.  Tables are created with the working file's columns, defaults and constraints (the keys
and checks the dbt contracts enforce), then filled, so analysts find them in ``duckdb_constraints()``.
It carries ``meta.publication`` (one row: ``published_at`` as ``TIMESTAMPTZ`` in UTC, ``source_db``, the
working file's name without its folder, ``schemas`` and one ``VARCHAR`` column per metadata key, e.g.
``run_id``), ``meta.publication_tables`` (``schema_name``, ``table_name``, ``source_kind`` of ``table`` or
``view``, ``row_count``), so analysts can ask what they are reading, and ``meta.disclosure``: who may read
each relation (``warehouse.publish.disclosure``).

Two DuckDB behaviours callers must know:

- the working file is attached read-only, which fails while any *read-write* connection to it is open,
  in another process (``Could not set lock on file``) or in this one (``Unique file handle conflict``).
  Run publish after the pipeline's writer connection is closed; read-only connections may stay open;
- the Python client caches one database instance per path and process: ``duckdb.connect(path,
  read_only=True)`` in a process that still has a connection open on the old publication returns that
  old instance.  A long-lived analyst session sees a new publication once it has closed all its
  connections to the file (or attaches it from a fresh in-memory connection, as
  :func:`read_publication` does).
"""

from __future__ import annotations

import datetime as dt
import errno
import glob
import logging
import os
import re
import stat
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

import duckdb

from warehouse.db import quiet

log = logging.getLogger(__name__)

META_SCHEMA = "meta"
FIXED_COLUMNS = ("published_at", "source_db", "schemas")
#: The tables the publisher writes into ``meta`` (``disclosure`` only when the declarations are given).
META_TABLES = ("publication", "publication_tables", "disclosure")
METADATA_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
PUBLISHED_MODE = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH  # 0444: analysts open it read-only
SOURCE = "publish_source"
TARGET = "publish_target"
#: The suffix of a publication being written (``<published>.tmp-<uuid hex>``, and its ``.wal``).
TEMPORARY = re.compile(r"\.tmp-[0-9a-f]{32}(\.wal)?")


class PublishError(RuntimeError):
    """Publishing could not complete; the previous publication is untouched."""


@dataclass(frozen=True)
class PublishResult:
    path: Path
    tables: dict[str, int]  # "schema.table" -> row count
    bytes: int
    seconds: float
    published_at: dt.datetime


def publish(
    working_db: Path,
    published_db: Path,
    schemas: Sequence[str],
    *,
    metadata: Mapping[str, str],
    declarations: Mapping[str, Any] | None = None,
) -> PublishResult:
    """Copy every table and view of ``schemas`` from ``working_db`` into a new file and atomically
    replace ``published_db`` with it.

    ``declarations`` (``schema.relation`` → :class:`warehouse.publish.disclosure.Disclosure`): who may read
    each relation; every relation copied, and ``meta``'s own, must have one, and they are written into the
    file as ``meta.disclosure``, from which every other channel derives what its readers see.

    Requires that no read-write connection to ``working_db`` is open, in this process or another
    (close the writer first; see the module docstring).  On any failure the temporary file and its
    ``.wal`` are removed, ``published_db`` is left as it was and the exception propagates
    (:class:`PublishError` with a one-line reason for the expected ones: missing working file or schema,
    working file locked, bad metadata key, disk full).
    """
    started = time.perf_counter()
    working_db, published_db = Path(working_db), Path(published_db)
    wanted = _check_arguments(working_db, schemas, metadata)
    published_db.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(published_db)
    temporary = published_db.with_name(f"{published_db.name}.tmp-{uuid.uuid4().hex}")
    published_at = dt.datetime.now(dt.UTC)
    try:
        tables = _write(working_db, temporary, wanted, metadata, published_at, declarations)
        os.chmod(temporary, PUBLISHED_MODE)
        _fsync(temporary)
        _drop_stale_wal(published_db)
        os.replace(temporary, published_db)
        _fsync(published_db.parent)
    except BaseException as error:
        for leftover in (temporary, _wal(temporary)):
            leftover.unlink(missing_ok=True)
        reason = _out_of_space(error)
        if reason:
            unchanged = f"the publication {published_db} is unchanged"
            raise PublishError(f"{reason} while writing {temporary}; {unchanged}") from error
        raise
    return PublishResult(
        path=published_db,
        tables=tables,
        bytes=published_db.stat().st_size,
        seconds=time.perf_counter() - started,
        published_at=published_at,
    )


def read_publication(published_db: Path) -> dict[str, Any] | None:
    """The ``meta.publication`` row of the file now at ``published_db`` (None when nothing has been
    published yet), read through a fresh attach so a connection this process still holds on an older
    publication cannot hide the new one."""
    published_db = Path(published_db)
    if not published_db.exists():
        return None
    with duckdb.connect() as con:
        con.execute(f"ATTACH {_literal(str(published_db))} AS publication (READ_ONLY)")
        found = con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'publication' "
            "AND schema_name = ? AND table_name = 'publication'",
            [META_SCHEMA],
        ).fetchone()
        if not found or not found[0]:
            raise PublishError(f"{published_db} has no {META_SCHEMA}.publication table: it was not written by publish")
        cursor = con.execute(f"SELECT * FROM publication.{META_SCHEMA}.publication")
        columns = [d[0] for d in cursor.description]
        row = cursor.fetchone()
    return dict(zip(columns, row, strict=True)) if row else None


def _check_arguments(working_db: Path, schemas: Sequence[str], metadata: Mapping[str, str]) -> list[str]:
    if not working_db.is_file():
        raise PublishError(f"working database {working_db} does not exist")
    if isinstance(schemas, str):
        raise TypeError("schemas must be a sequence of schema names, not a string")
    wanted = list(dict.fromkeys(schemas))
    if not wanted:
        raise PublishError("no schemas to publish")
    if META_SCHEMA in wanted:
        raise PublishError(f"schema {META_SCHEMA!r} is reserved for the publication's own metadata")
    for key in metadata:
        if not METADATA_KEY.match(key) or key in FIXED_COLUMNS:
            raise PublishError(
                f"metadata key {key!r} must be lower snake case and not one of {', '.join(FIXED_COLUMNS)}"
            )
    return wanted


def _write(
    working_db: Path,
    temporary: Path,
    schemas: list[str],
    metadata: Mapping[str, str],
    published_at: dt.datetime,
    declarations: Mapping[str, Any] | None = None,
) -> dict[str, int]:
    """Fill ``temporary`` with the schemas and the metadata, checkpointed and closed."""
    with quiet(duckdb.connect()) as con:
        try:
            con.execute(f"ATTACH {_literal(str(working_db))} AS {SOURCE} (READ_ONLY)")
        except duckdb.Error as error:
            raise PublishError(
                f"cannot open working database {working_db} read-only ({error}); "
                "publish needs every read-write connection to it closed, in this process and any other"
            ) from error
        objects = _objects(con, schemas, working_db)
        if declarations is not None:
            from warehouse.publish import disclosure

            copied = [f"{schema}.{name}" for schema, name, *_ in objects]
            disclosure.check([*copied, *(f"{META_SCHEMA}.{name}" for name in META_TABLES)], declarations)
        columns, constraints = _catalog(con, schemas)
        con.execute(f"ATTACH {_literal(str(temporary))} AS {TARGET}")
        tables: dict[str, int] = {}
        kinds: dict[str, str] = {}
        con.execute("BEGIN TRANSACTION")  # one commit for the whole file: a commit per statement costs more
        for schema in schemas:
            con.execute(f"CREATE SCHEMA {TARGET}.{_ident(schema)}")
        for schema, name, kind, comment in objects:
            qualified = f"{_ident(schema)}.{_ident(name)}"
            if kind == "table":
                con.execute(_create_table(schema, name, columns[schema, name], constraints.get((schema, name), [])))
                copied = con.execute(f"INSERT INTO {TARGET}.{qualified} SELECT * FROM {SOURCE}.{qualified}")
            else:
                copied = con.execute(f"CREATE TABLE {TARGET}.{qualified} AS SELECT * FROM {SOURCE}.{qualified}")
            count = copied.fetchone()  # both statements return the number of rows written
            _copy_comments(con, schema, name, comment, columns.get((schema, name), []))
            tables[f"{schema}.{name}"] = int(count[0]) if count else 0
            kinds[f"{schema}.{name}"] = kind
        _write_meta(con, working_db, schemas, metadata, published_at, tables, kinds, declarations)
        con.execute("COMMIT")
        con.execute(f"CHECKPOINT {TARGET}")
        con.execute(f"DETACH {TARGET}")
    return tables


def _objects(con: duckdb.DuckDBPyConnection, schemas: list[str], working_db: Path) -> list[tuple[str, str, str, Any]]:
    """(schema, name, 'table' | 'view', comment) of every object to copy, in a stable order."""
    present = {
        row[0]
        for row in con.execute("SELECT schema_name FROM duckdb_schemas() WHERE database_name = ?", [SOURCE]).fetchall()
    }
    missing = [schema for schema in schemas if schema not in present]
    if missing:
        available = ", ".join(sorted(present - {"information_schema", "pg_catalog"})) or "none"
        raise PublishError(
            f"schema(s) {', '.join(missing)} not found in working database {working_db} (it has: {available})"
        )
    return [
        (row[0], row[1], row[2], row[3])
        for row in con.execute(
            """
            SELECT schema_name, table_name, 'table', comment FROM duckdb_tables()
            WHERE database_name = $db AND list_contains($schemas, schema_name)
            UNION ALL
            SELECT schema_name, view_name, 'view', comment FROM duckdb_views()
            WHERE database_name = $db AND list_contains($schemas, schema_name) AND NOT internal
            ORDER BY 1, 2
            """,
            {"db": SOURCE, "schemas": schemas},
        ).fetchall()
    ]


#: A source column as the catalog gives it: name, type, default, nullable, comment.
Column = tuple[str, str, Any, bool, Any]


def _catalog(
    con: duckdb.DuckDBPyConnection, schemas: list[str]
) -> tuple[dict[tuple[str, str], list[Column]], dict[tuple[str, str], list[str]]]:
    """The columns and the constraints of every source table, read once (a catalog query per table costs
    more than the copy of most tables)."""
    columns: dict[tuple[str, str], list[Column]] = {}
    for schema, name, *column in con.execute(
        "SELECT schema_name, table_name, column_name, data_type, column_default, is_nullable, comment "
        "FROM duckdb_columns() WHERE database_name = ? AND list_contains(?, schema_name) "
        "ORDER BY schema_name, table_name, column_index",
        [SOURCE, schemas],
    ).fetchall():
        columns.setdefault((schema, name), []).append(tuple(column))  # type: ignore[arg-type]
    constraints: dict[tuple[str, str], list[str]] = {}
    for schema, name, text in con.execute(
        "SELECT schema_name, table_name, constraint_text FROM duckdb_constraints() WHERE database_name = ? "
        "AND list_contains(?, schema_name) AND constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'CHECK') "
        "ORDER BY schema_name, table_name, constraint_index",
        [SOURCE, schemas],
    ).fetchall():
        constraints.setdefault((schema, name), []).append(text)
    return columns, constraints


def _create_table(schema: str, name: str, columns: list[Column], constraints: list[str]) -> str:
    """``CREATE TABLE`` in the target with the source table's columns, defaults and constraints (not
    null, primary key, unique, check: what the dbt contracts enforce), so analysts see the keys in
    ``duckdb_constraints()`` of the publication and the copy is checked against them once more.

    Built from the catalog rather than from ``duckdb_tables().sql``, whose table name would have to be
    rewritten in SQL text.  Foreign keys are not copied: they would tie the order the tables are
    written in, and the models declare none (relationships are dbt tests).
    """
    parts = [
        f"{_ident(column)} {data_type}"
        + (f" DEFAULT {default}" if default is not None else "")
        + ("" if nullable else " NOT NULL")
        for column, data_type, default, nullable, _ in columns
    ]
    return f"CREATE TABLE {TARGET}.{_ident(schema)}.{_ident(name)} ({', '.join([*parts, *constraints])})"


def _copy_comments(
    con: duckdb.DuckDBPyConnection, schema: str, name: str, comment: str | None, columns: list[Column]
) -> None:
    """Keep the table and column descriptions (dbt ``persist_docs``) analysts see in the catalog."""
    qualified = f"{TARGET}.{_ident(schema)}.{_ident(name)}"
    statements = [f"COMMENT ON TABLE {qualified} IS {_literal(comment)}"] if comment else []
    statements += [
        f"COMMENT ON COLUMN {qualified}.{_ident(column)} IS {_literal(text)}"
        for column, _, _, _, text in columns
        if text
    ]
    if statements:
        con.execute(";\n".join(statements))


def _write_meta(
    con: duckdb.DuckDBPyConnection,
    working_db: Path,
    schemas: list[str],
    metadata: Mapping[str, str],
    published_at: dt.datetime,
    tables: dict[str, int],
    kinds: dict[str, str],
    declarations: Mapping[str, Any] | None,
) -> None:
    meta = f"{TARGET}.{META_SCHEMA}"
    con.execute(f"CREATE SCHEMA {meta}")
    extra = "".join(f", {_ident(key)} VARCHAR" for key in metadata)
    con.execute(
        f"CREATE TABLE {meta}.publication (published_at TIMESTAMPTZ, source_db VARCHAR, schemas VARCHAR[]{extra})"
    )
    placeholders = ", ".join("?" for _ in range(len(FIXED_COLUMNS) + len(metadata)))
    con.execute(
        f"INSERT INTO {meta}.publication VALUES ({placeholders})",
        [published_at, working_db.name, schemas, *(str(value) for value in metadata.values())],
    )
    con.execute(
        f"CREATE TABLE {meta}.publication_tables "
        "(schema_name VARCHAR, table_name VARCHAR, source_kind VARCHAR, row_count BIGINT)"
    )
    rows = [(*qualified.split(".", 1), kinds[qualified], count) for qualified, count in tables.items()]
    if rows:
        con.executemany(f"INSERT INTO {meta}.publication_tables VALUES (?, ?, ?, ?)", rows)
    if declarations is None:
        return
    from warehouse.publish.disclosure import COLUMNS

    con.execute(f"CREATE TABLE {meta}.disclosure ({', '.join(f'{c} VARCHAR' for c in COLUMNS)})")
    present = [*tables, *(f"{META_SCHEMA}.{name}" for name in META_TABLES)]
    con.executemany(
        f"INSERT INTO {meta}.disclosure VALUES ({', '.join('?' for _ in COLUMNS)})",
        [astuple(declarations[name]) for name in sorted(present)],
    )


#: What the file system says when the publication cannot grow: from ``OSError.errno`` (``os.fsync``,
#: ``os.replace``) or in the text of a DuckDB error ("Could not write file ...: <strerror>"), which is an
#: ``IOException`` or, when the WAL cannot be written at commit, a ``TransactionException``.
OUT_OF_SPACE = {
    errno.ENOSPC: "no space left on device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EFBIG: "file size limit reached",
}


def _out_of_space(error: BaseException) -> str | None:
    """The one-line reason when ``error`` means the disk (or the quota, or ``ulimit -f``) is full."""
    if isinstance(error, OSError) and error.errno in OUT_OF_SPACE:
        return OUT_OF_SPACE[error.errno]
    if isinstance(error, duckdb.Error):
        text = str(error)
        for code, reason in OUT_OF_SPACE.items():
            if os.strerror(code) in text:
                return reason
    return None


def remove_leftovers(published_db: Path) -> list[Path]:
    """Remove the temporary files (and their ``.wal``) a killed publish left beside the publication;
    returns them.

    Publishing runs under the warehouse's single writer lock, so a temporary file found here belongs
    to no running publish.
    """
    removed = []
    for leftover in sorted(Path(published_db).parent.glob(f"{glob.escape(Path(published_db).name)}.tmp-*")):
        if TEMPORARY.fullmatch(leftover.name[len(Path(published_db).name) :]):
            log.warning("removing %s, left by an interrupted publish", leftover)
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


def _drop_stale_wal(published_db: Path) -> None:
    """A ``.wal`` beside the publication means someone opened it for writing.  DuckDB refuses to open
    a file whose WAL does not match it ("WAL does not match database file"), so after the swap that
    WAL would make the new publication unreadable: remove it first."""
    wal = _wal(published_db)
    if wal.exists():
        log.warning("removing %s: the published file was opened for writing, which analysts must not do", wal)
        wal.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0)
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
