"""The published DuckDB file's catalog as PostgreSQL tables: column types, not-null, primary keys, unique
and check constraints and comments, read from ``duckdb_columns()`` / ``duckdb_constraints()`` so that a new
model or column needs no change here, and the ``SELECT`` that writes each table as CSV PostgreSQL's
``COPY ... (FORMAT csv)`` reads unchanged.

DuckDB's CSV already says what PostgreSQL expects for every scalar type (an unquoted empty field is NULL,
``""`` an empty string, booleans ``true``/``false``, timestamps in ISO form with the offset); only lists
are written differently (``[a, b]``), so they are turned into array literals (``{"a","b"}``) on the way.
A type with no counterpart below stops the publication and names the column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from warehouse.publish.swap import PublishError, _ident, _literal

#: DuckDB type → PostgreSQL type, for the scalar types; lists (``T[]``) become arrays of the element's type.
TYPES = {
    "VARCHAR": "text",
    "BOOLEAN": "boolean",
    "TINYINT": "smallint",
    "SMALLINT": "smallint",
    "INTEGER": "integer",
    "BIGINT": "bigint",
    "UTINYINT": "smallint",
    "USMALLINT": "integer",
    "UINTEGER": "bigint",
    "UBIGINT": "numeric(20)",
    "HUGEINT": "numeric(39)",
    "FLOAT": "real",
    "DOUBLE": "double precision",
    "DATE": "date",
    "TIME": "time",
    "TIMESTAMP": "timestamp",
    "TIMESTAMP WITH TIME ZONE": "timestamptz",
    "INTERVAL": "interval",
    "UUID": "uuid",
    "JSON": "jsonb",
}
DECIMAL = re.compile(r"DECIMAL\((\d+),(\d+)\)")
#: Constraints copied as DuckDB states them (standard SQL both engines read); keys are added after the load.
KEYS = ("PRIMARY KEY", "UNIQUE")


@dataclass(frozen=True)
class Column:
    name: str
    duckdb_type: str
    pg_type: str
    not_null: bool
    comment: str | None

    @property
    def is_list(self) -> bool:
        return self.duckdb_type.endswith("[]")


@dataclass(frozen=True)
class Table:
    schema: str
    name: str
    columns: tuple[Column, ...]
    checks: tuple[str, ...]  # CHECK (...) as DuckDB's catalog states them
    keys: tuple[str, ...]  # PRIMARY KEY (...) and UNIQUE (...)
    primary_key: tuple[str, ...]
    comment: str | None
    rows: int

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)

    def create(self, schema: str) -> str:
        """``CREATE TABLE`` in ``schema`` with the columns, not-null and check constraints (keys come after COPY)."""
        parts = [f"{_ident(c.name)} {c.pg_type}{' NOT NULL' if c.not_null else ''}" for c in self.columns]
        return f"CREATE TABLE {_ident(schema)}.{_ident(self.name)} ({', '.join([*parts, *self.checks])})"

    def add_keys(self, schema: str) -> list[str]:
        return [f"ALTER TABLE {_ident(schema)}.{_ident(self.name)} ADD {key}" for key in self.keys]

    def comments(self, schema: str) -> list[str]:
        qualified = f"{_ident(schema)}.{_ident(self.name)}"
        statements = [f"COMMENT ON TABLE {qualified} IS {_literal(self.comment)}"] if self.comment else []
        statements += [
            f"COMMENT ON COLUMN {qualified}.{_ident(c.name)} IS {_literal(c.comment)}"
            for c in self.columns
            if c.comment
        ]
        return statements

    def csv_select(self, database: str) -> str:
        """The ``SELECT`` whose CSV output PostgreSQL's ``COPY FROM (FORMAT csv)`` reads into this table."""
        return (
            f"SELECT {', '.join(_csv_expression(c) for c in self.columns)} "
            f"FROM {_ident(database)}.{_ident(self.schema)}.{_ident(self.name)}"
        )


#: DuckDB functions a contract may use that PostgreSQL spells otherwise: regexp_full_match(x, 'p') is x ~ '^(?:p)$'.
_FULL_MATCH = re.compile(r"regexp_full_match\((\w+), '((?:[^']|'')*)'\)")


def pg_check(text: str) -> str:
    """A CHECK constraint of DuckDB's catalog in PostgreSQL's dialect."""
    return _FULL_MATCH.sub(lambda m: f"({m.group(1)} ~ '^(?:{m.group(2)})$')", text)


def pg_type(duckdb_type: str, where: str) -> str:
    """The PostgreSQL type of a DuckDB column type; ``where`` names the column in the error."""
    if duckdb_type.endswith("[]"):
        return pg_type(duckdb_type[:-2], where) + "[]"
    if duckdb_type in TYPES:
        return TYPES[duckdb_type]
    decimal = DECIMAL.fullmatch(duckdb_type)
    if decimal:
        return f"numeric({decimal[1]},{decimal[2]})"
    raise PublishError(f"{where} has DuckDB type {duckdb_type}, which has no PostgreSQL counterpart here")


def _csv_expression(column: Column) -> str:
    name = _ident(column.name)
    if not column.is_list:
        return name
    if column.duckdb_type.count("[]") > 1:
        raise PublishError(f"column {column.name} is a nested list ({column.duckdb_type}), not published")
    # each element double-quoted with \ and " escaped, NULL elements unquoted: PostgreSQL's array literal
    element = r"""coalesce('"' || replace(replace(CAST(x AS VARCHAR), '\', '\\'), '"', '\"') || '"', 'NULL')"""
    elements = f"array_to_string(list_transform({name}, lambda x: {element}), ',')"
    return f"CASE WHEN {name} IS NULL THEN NULL ELSE '{{' || {elements} || '}}' END"


def read_catalog(con: duckdb.DuckDBPyConnection, database: str) -> list[Table]:
    """Every table of the attached ``database`` (a published file holds tables only), schema by schema."""
    tables = []
    names = con.execute(
        "SELECT schema_name, table_name, comment, estimated_size FROM duckdb_tables() "
        "WHERE database_name = ? ORDER BY 1, 2",
        [database],
    ).fetchall()
    views = con.execute(
        "SELECT schema_name || '.' || view_name FROM duckdb_views() WHERE database_name = ? AND NOT internal",
        [database],
    ).fetchall()
    if views:
        raise PublishError(f"the published file holds views ({views[0][0]}), which a publication never does")
    for schema, name, comment, _ in names:
        where = f"{schema}.{name}"
        columns = tuple(
            Column(column, data_type, pg_type(data_type, f"column {where}.{column}"), not nullable, column_comment)
            for column, data_type, nullable, column_comment in con.execute(
                "SELECT column_name, data_type, is_nullable, comment FROM duckdb_columns() "
                "WHERE database_name = ? AND schema_name = ? AND table_name = ? ORDER BY column_index",
                [database, schema, name],
            ).fetchall()
        )
        constraints = con.execute(
            "SELECT constraint_type, constraint_text, constraint_column_names FROM duckdb_constraints() "
            "WHERE database_name = ? AND schema_name = ? AND table_name = ? "
            "AND constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'CHECK') ORDER BY constraint_index",
            [database, schema, name],
        ).fetchall()
        primary = next((tuple(cols) for kind, _, cols in constraints if kind == "PRIMARY KEY"), ())
        count = con.execute(f"SELECT count(*) FROM {_ident(database)}.{_ident(schema)}.{_ident(name)}").fetchone()
        tables.append(
            Table(
                schema=schema,
                name=name,
                columns=columns,
                checks=tuple(pg_check(text) for kind, text, _ in constraints if kind == "CHECK"),
                keys=tuple(text for kind, text, _ in constraints if kind in KEYS),
                primary_key=primary,
                comment=comment or None,
                rows=int(count[0]) if count else 0,
            )
        )
    return tables
