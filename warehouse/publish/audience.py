"""What one audience may read of the publication, as a DuckDB database of its own: the file handed to a
prefecture (``python -m warehouse export --audience prefecture:13``) or to the public, and the connection the
site is built from.

Derived from the publication's ``meta.disclosure`` alone (``warehouse.publish.disclosure``): the relations the
reader reads, under their published names, each with only the rows the reader may see; nothing else is in it,
so a page or a query written against it cannot show more than its audience may read. The ministry reads the
publication itself.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import duckdb

from warehouse.publish import disclosure
from warehouse.publish.disclosure import MINISTRY, Reader
from warehouse.publish.swap import PublishError, _ident, _literal

SOURCE = "publication"


def open_for(published: Path, reader: Reader) -> duckdb.DuckDBPyConnection:
    """A read connection holding what ``reader`` may read of ``published``, under the published names."""
    if reader.audience == MINISTRY:
        return duckdb.connect(str(published), read_only=True)
    con = duckdb.connect()
    _copy(con, Path(published), reader, "memory")
    return con


def export(published: Path, reader: Reader, target: Path) -> dict[str, int]:
    """Write the file handed to ``reader`` at ``target`` (written beside it, then moved into place); the rows
    of each relation it holds."""
    published, target = Path(published), Path(target)
    if target.resolve() == published.resolve():
        raise PublishError(f"{target} is the publication itself: name another file for the {reader} audience")
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{target.name}.tmp-{uuid.uuid4().hex}")
    try:
        with duckdb.connect() as con:
            con.execute(f"ATTACH {_literal(str(temporary))} AS audience")
            counts = _copy(con, published, reader, "audience")
            con.execute("CHECKPOINT audience")
            con.execute("DETACH audience")
        os.chmod(temporary, 0o444)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
        temporary.with_name(temporary.name + ".wal").unlink(missing_ok=True)
    return counts


def _copy(con: duckdb.DuckDBPyConnection, published: Path, reader: Reader, database: str) -> dict[str, int]:
    if not published.is_file():
        raise PublishError(f"{published} does not exist: nothing has been published yet")
    con.execute(f"ATTACH {_literal(str(published))} AS {SOURCE} (READ_ONLY)")
    try:
        declared = disclosure.read(con, SOURCE)
        present = {
            f"{schema}.{name}"
            for schema, name in con.execute(
                "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = ?", [SOURCE]
            ).fetchall()
        }
        disclosure.check(present, declared)
        counts = {}
        con.execute("BEGIN TRANSACTION")
        for name in sorted(present):
            relation = declared[name]
            if not reader.reads(relation):
                continue
            schema = f"{_ident(database)}.{_ident(relation.schema)}"
            con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            condition = reader.row_filter(relation, declared, f"{SOURCE}.")
            where = f" WHERE {condition}" if condition else ""
            source = f"{SOURCE}.{_ident(relation.schema)}.{_ident(relation.name)}"
            written = con.execute(
                f"CREATE TABLE {schema}.{_ident(relation.name)} AS SELECT * FROM {source}{where}"
            ).fetchone()
            counts[name] = int(written[0]) if written else 0
        con.execute("COMMIT")
    finally:
        con.execute(f"DETACH {SOURCE}")
    return counts
