"""Who may read each published relation, as the dbt project declares it: the one place every channel reads.

Every model and every source the pipeline publishes declares in its ``meta`` (``dbt_project/macros/
disclosure.sql``, where a build stops on a missing or wrong declaration):

- ``public``: every reader (the public login, the public site, the public file);
- ``prefecture``: the ministry, and each prefecture the rows of its own respondents, found through
  ``prefecture_key`` (a prefecture code column, or a key into the ``prefecture_via`` relation);
- ``ministry``: the ministry only.

The dbt model ``publication.disclosure`` renders the declarations into the working file; the publisher copies
them into the published file as ``meta.disclosure`` and refuses to publish a relation that has none. What each
reader gets is then derived from that table alone: PostgreSQL's grants and row-level security
(``pg_access``), the file handed to an audience (``audience``) and the site. Nothing is inferred from a
relation's name or columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.publish.swap import PublishError, _ident, _literal

PUBLIC, PREFECTURE, MINISTRY = "public", "prefecture", "ministry"
AUDIENCES = (PUBLIC, PREFECTURE, MINISTRY)
#: Where the declarations are: the dbt model in the working file, and its copy in the published file.
WORKING_TABLE = ("publication", "disclosure")
PUBLISHED_TABLE = ("meta", "disclosure")
COLUMNS = ("schema_name", "table_name", "audience", "prefecture_key", "prefecture_via", "declared_in")
HOW_TO_DECLARE = "declare it in the model's YAML: meta: {disclosure: public | prefecture | ministry}"


@dataclass(frozen=True)
class Disclosure:
    """One relation's declaration."""

    schema: str
    name: str
    audience: str
    prefecture_key: str | None = None
    prefecture_via: str | None = None  # "schema.relation" whose rows the key points to
    declared_in: str = ""

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True)
class Reader:
    """An audience as it reads: the public, the ministry, or the staff of some prefectures (their codes)."""

    audience: str
    prefectures: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, text: str) -> Reader:
        """``public``, ``ministry`` or ``prefecture:13`` (``prefecture:13,14`` for several)."""
        audience, _, codes = text.strip().partition(":")
        prefectures = frozenset(code.strip().zfill(2) for code in codes.split(",") if code.strip())
        if audience not in AUDIENCES or (audience == PREFECTURE) != bool(prefectures):
            raise ValueError(f"an audience is public, ministry or prefecture:<code>[,<code>…], not {text!r}")
        if any(not code.isdigit() or not 1 <= int(code) <= 47 for code in prefectures):
            raise ValueError(f"prefecture codes are 01 to 47, not {text!r}")
        return cls(audience, prefectures)

    def __str__(self) -> str:
        return f"{PREFECTURE}:{','.join(sorted(self.prefectures))}" if self.prefectures else self.audience

    def reads(self, relation: Disclosure) -> bool:
        """Whether any row of ``relation`` may reach this reader (``row_filter`` says which)."""
        if self.audience == MINISTRY:
            return True
        return relation.audience == PUBLIC or (relation.audience == PREFECTURE and self.audience == PREFECTURE)

    def sees_rows_of(self, relation: Disclosure, prefecture_code: str) -> bool:
        """Whether the rows of ``relation`` about ``prefecture_code`` reach this reader."""
        if not self.reads(relation):
            return False
        return relation.audience != PREFECTURE or self.audience == MINISTRY or prefecture_code in self.prefectures

    def describe(self) -> str:
        """The reader, in Japanese, as the pages name their audience."""
        if self.audience == PUBLIC:
            return "公開用（集計のみ）"
        if self.audience == MINISTRY:
            return "厚生労働省用（すべての回答）"
        return f"都道府県用（都道府県コード {'、'.join(sorted(self.prefectures))} の回答）"

    def row_filter(self, relation: Disclosure, declared: Mapping[str, Disclosure], qualify: str = "") -> str | None:
        """The SQL condition on ``relation``'s rows for this reader (None: every row). ``qualify`` prefixes the
        relation a ``prefecture_via`` key points to (e.g. a database name)."""
        if self.audience == MINISTRY or relation.audience != PREFECTURE:
            return None
        key = _ident(relation.prefecture_key or "")
        if relation.prefecture_via:
            via = declared[relation.prefecture_via]
            inner = self.row_filter(via, declared, qualify)
            source = f"{qualify}{_ident(via.schema)}.{_ident(via.name)}"
            return f"{key} IN (SELECT {key} FROM {source}{f' WHERE {inner}' if inner else ''})"
        codes = ", ".join("'" + code + "'" for code in sorted(self.prefectures))
        return f"{key} IN ({codes})"


def read(
    con: duckdb.DuckDBPyConnection, database: str, table: tuple[str, str] = PUBLISHED_TABLE
) -> dict[str, Disclosure]:
    """The declarations in ``database`` (an attached file's name), keyed ``schema.relation``; raises
    :class:`PublishError` when the file holds none."""
    schema, name = table
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = ? AND schema_name = ? AND table_name = ?",
        [database, schema, name],
    ).fetchone()
    if not found or not found[0]:
        raise PublishError(
            f"{schema}.{name} is missing, so who may read each relation is unknown: "
            + ("build the dbt project (it writes the declarations)" if table == WORKING_TABLE else "publish again")
        )
    rows = con.execute(
        f"SELECT {', '.join(COLUMNS)} FROM {_ident(database)}.{_ident(schema)}.{_ident(name)} ORDER BY 1, 2"
    ).fetchall()
    return from_rows(rows)


def from_rows(rows: Iterable[Sequence[str | None]]) -> dict[str, Disclosure]:
    """Declarations keyed ``schema.relation`` from rows of :data:`COLUMNS` (as ``meta.disclosure`` holds them)."""
    return {f"{row[0]}.{row[1]}": Disclosure(*row) for row in rows}  # type: ignore[arg-type]


def read_working(db: Path) -> dict[str, Disclosure]:
    """The declarations the dbt build wrote into the working file ``db``."""
    with duckdb.connect() as con:
        con.execute(f"ATTACH {_literal(str(db))} AS working (READ_ONLY)")
        return read(con, "working", WORKING_TABLE)


def check(relations: Iterable[str], declared: Mapping[str, Disclosure]) -> None:
    """Raise :class:`PublishError` naming every relation about to be published without a declaration."""
    missing = sorted(set(relations) - set(declared))
    if missing:
        raise PublishError(f"who may read {', '.join(missing)} is not declared ({HOW_TO_DECLARE}); not publishing")
    wrong = sorted(name for name, d in declared.items() if d.audience not in AUDIENCES)
    if wrong:
        raise PublishError(f"{', '.join(wrong)} declare an unknown audience ({HOW_TO_DECLARE}); not publishing")


def by_audience(declared: Mapping[str, Disclosure]) -> dict[str, list[str]]:
    """The relations each reader reads, ``audience → [schema.relation]`` (a prefecture reads its own rows)."""
    readers = {MINISTRY: Reader(MINISTRY), PREFECTURE: Reader(PREFECTURE, frozenset({"13"})), PUBLIC: Reader(PUBLIC)}
    return {
        audience: sorted(name for name, d in declared.items() if reader.reads(d))
        for audience, reader in readers.items()
    }
