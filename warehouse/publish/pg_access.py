"""Who sees what in the PostgreSQL publication, enforced by the database itself and derived from the
publication's own declarations (``meta.disclosure``, see ``warehouse.publish.disclosure``).

Three group roles (``NOLOGIN``) carry the privileges; logins are members of one of them:

- ``warehouse_ministry``: every row of every published relation;
- ``warehouse_prefecture``: the ``public`` relations, and of the ``prefecture`` relations only the rows of
  the prefectures its logins stand for, by row-level security on the declared ``prefecture_key``;
- ``warehouse_public``: the ``public`` relations only (any other answers "permission denied").

A prefecture login is mapped to its code in ``warehouse_access.prefecture_roles`` (role name → code), which no
login can change: the policy asks which of those roles the current user is a member of, so a prefecture's
staff can each have a login of their own (``GRANT warehouse_pref_13 TO tanaka``).

What a hostile login cannot turn around:

- the function behind the policies names every object with its schema and runs with a fixed
  ``search_path`` (``pg_catalog, pg_temp``), so a temporary object named like a catalog relation is never
  what it reads; the policies themselves are bound to objects, not names, when they are created;
- ``pg-roles`` revokes ``CONNECT`` and ``TEMPORARY`` on the database and ``CREATE`` on ``public`` from
  ``PUBLIC``: logins connect through their group, and can create no object, temporary or not;
- row-level security is forced, so the publishing role (the tables' owner) reads no restricted row in
  daily use either; no column statistics are kept on restricted relations, so neither ``pg_stats`` nor the
  planner's estimates (``EXPLAIN``) tell one prefecture how many rows another has;
- the reader logins end an idle transaction after ``IDLE_IN_TRANSACTION`` and a statement after
  ``STATEMENT_TIMEOUT``, so a forgotten ``BEGIN`` does not hold back the next publication.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import psycopg

from warehouse.publish.disclosure import MINISTRY as MINISTRY_AUDIENCE
from warehouse.publish.disclosure import PREFECTURE as PREFECTURE_AUDIENCE
from warehouse.publish.disclosure import PUBLIC as PUBLIC_AUDIENCE
from warehouse.publish.disclosure import Disclosure, check
from warehouse.publish.pg_schema import Table
from warehouse.publish.swap import PublishError, _ident, _literal

MINISTRY = "warehouse_ministry"
PREFECTURE = "warehouse_prefecture"
PUBLIC = "warehouse_public"
GROUPS = (MINISTRY, PREFECTURE, PUBLIC)
ACCESS_SCHEMA = "warehouse_access"
VISIBLE = f"{ACCESS_SCHEMA}.visible_prefectures()"
#: The logins ``pg-roles`` creates besides the prefectures' (``warehouse_pref_<code>``).
MINISTRY_LOGIN = "warehouse_ministry_reader"
PUBLIC_LOGIN = "warehouse_public_reader"
#: The groups that read a relation of each audience.
READERS = {
    PUBLIC_AUDIENCE: GROUPS,
    PREFECTURE_AUDIENCE: (MINISTRY, PREFECTURE),
    MINISTRY_AUDIENCE: (MINISTRY,),
}
#: Settings of every reader login: below the publication's wait for readers (``postgres.SWAP_WAIT_SECONDS``).
IDLE_IN_TRANSACTION = "30s"
STATEMENT_TIMEOUT = "5min"


def prefecture_login(code: str) -> str:
    return f"warehouse_pref_{code}"


@dataclass(frozen=True)
class Access:
    """How one relation is read: its audience and, for a prefecture relation, the prefecture policy's
    condition (with ``{schema}`` placeholders for the schemas' names at this moment)."""

    audience: str
    filter_sql: str | None = None

    @property
    def restricted(self) -> bool:
        return self.audience != PUBLIC_AUDIENCE


def classify(tables: Iterable[Table], declared: Mapping[str, Disclosure]) -> dict[str, Access]:
    """``schema.table`` → its :class:`Access`, for every published table, from the declarations alone."""
    tables = list(tables)
    check([t.qualified for t in tables], declared)
    by_name = {t.qualified: t for t in tables}
    visible = f"ANY ((SELECT {VISIBLE})::text[])"  # evaluated once per query
    decided = {}
    for table in tables:
        rule = declared[table.qualified]
        if rule.audience != PREFECTURE_AUDIENCE:
            decided[table.qualified] = Access(rule.audience)
            continue
        key = rule.prefecture_key or ""
        if not table.column(key):
            raise PublishError(f"{table.qualified}: its declared prefecture_key {key!r} is not one of its columns")
        if rule.prefecture_via is None:
            decided[table.qualified] = Access(rule.audience, f"{_ident(key)} = {visible}")
            continue
        via = by_name.get(rule.prefecture_via)
        if via is None or declared[via.qualified].audience != PREFECTURE_AUDIENCE or not via.column(key):
            raise PublishError(
                f"{table.qualified}: its prefecture_via {rule.prefecture_via} is not a published prefecture relation "
                f"with a {key} column"
            )
        # the relation pointed to is itself filtered for the reader, so the keys it shows are the reader's
        source = "{" + via.schema + "}." + _ident(via.name)
        decided[table.qualified] = Access(rule.audience, f"{_ident(key)} IN (SELECT {_ident(key)} FROM {source})")
    return decided


def roles_ready(cur: psycopg.Cursor) -> bool:
    """Whether ``pg-roles`` has run on this database: the groups (server-wide) and the mapping (per database)."""
    found = cur.execute("SELECT count(*) FROM pg_catalog.pg_roles WHERE rolname = ANY(%s)", [list(GROUPS)]).fetchone()
    mapping = cur.execute("SELECT pg_catalog.to_regprocedure(%s)", [VISIBLE]).fetchone()
    return found == (len(GROUPS),) and mapping is not None and mapping[0] is not None


def apply(cur: psycopg.Cursor, tables: list[Table], access: Mapping[str, Access], schemas: dict[str, str]) -> bool:
    """Grants and row-level security on the tables (``access``: their :func:`classify`) as they are named now
    (``schemas``: published schema → the name it has at this moment, e.g. the name a publication is loaded under
    before the swap).

    Row-level security is always switched on and forced for the restricted relations, so without the groups
    nobody but a superuser reads them; grants and policies follow once ``pg-roles`` has created the groups.
    Returns whether the groups exist."""
    groups = roles_ready(cur)
    for schema in sorted({schemas[t.schema] for t in tables}):
        if groups:
            cur.execute(f"GRANT USAGE ON SCHEMA {_ident(schema)} TO {', '.join(map(_ident, GROUPS))}")
    for table in tables:
        qualified = f"{_ident(schemas[table.schema])}.{_ident(table.name)}"
        rule = access[table.qualified]
        if rule.restricted:
            no_statistics = ", ".join(f"ALTER COLUMN {_ident(c.name)} SET STATISTICS 0" for c in table.columns)
            cur.execute(f"ALTER TABLE {qualified} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY, {no_statistics}")
        if not groups:
            continue
        cur.execute(f"GRANT SELECT ON {qualified} TO {', '.join(map(_ident, READERS[rule.audience]))}")
        if not rule.restricted:
            continue
        policies = [("ministry", MINISTRY, "true")]
        if rule.filter_sql:
            policies.append(
                ("prefecture", PREFECTURE, rule.filter_sql.format(**{k: _ident(v) for k, v in schemas.items()}))
            )
        for name, role, using in policies:
            cur.execute(f"DROP POLICY IF EXISTS {name} ON {qualified}")
            cur.execute(f"CREATE POLICY {name} ON {qualified} FOR SELECT TO {_ident(role)} USING ({using})")
    return groups


@dataclass(frozen=True)
class Login:
    role: str
    password: str | None  # None: the login existed and kept its password


def create_roles(
    conn: psycopg.Connection, prefectures: dict[str, str], *, reset_passwords: bool = False
) -> list[Login]:
    """The three groups, the prefecture mapping and its function, the database's hardening, and the logins:
    one per prefecture (``prefectures``: code → name), one for the ministry, one for the public. New logins get
    a random password (returned); existing ones keep theirs unless ``reset_passwords``. Idempotent."""
    logins: list[Login] = []
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SET LOCAL search_path TO pg_catalog, pg_temp")
        database = _ident(str((cur.execute("SELECT current_database()").fetchone() or ("",))[0]))
        for group in GROUPS:
            if not _role_exists(cur, group):
                cur.execute(f"CREATE ROLE {_ident(group)} NOLOGIN")
        # logins connect through their group, and no reader creates objects, temporary ones included
        cur.execute(f"REVOKE ALL ON DATABASE {database} FROM PUBLIC")
        cur.execute(f"GRANT CONNECT ON DATABASE {database} TO {', '.join(map(_ident, GROUPS))}")
        cur.execute(f"REVOKE TEMPORARY ON DATABASE {database} FROM {', '.join(map(_ident, GROUPS))}")
        if cur.execute("SELECT 1 FROM pg_namespace WHERE nspname = 'public'").fetchone():
            cur.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        cur.execute(f"CREATE SCHEMA IF NOT EXISTS {ACCESS_SCHEMA}")
        cur.execute(f"REVOKE ALL ON SCHEMA {ACCESS_SCHEMA} FROM PUBLIC")
        cur.execute(
            f"CREATE TABLE IF NOT EXISTS {ACCESS_SCHEMA}.prefecture_roles "
            "(role_name text PRIMARY KEY, prefecture_code text NOT NULL, prefecture_name text NOT NULL)"
        )
        cur.execute(
            f"COMMENT ON TABLE {ACCESS_SCHEMA}.prefecture_roles IS "
            "'Which prefecture each prefecture role reads: members of the role see that prefecture''s rows.'"
        )
        cur.execute(
            f"CREATE OR REPLACE FUNCTION {VISIBLE} RETURNS text[] LANGUAGE sql STABLE SECURITY INVOKER "
            "SET search_path = pg_catalog, pg_temp AS $$ "
            "SELECT COALESCE(pg_catalog.array_agg(p.prefecture_code ORDER BY p.prefecture_code), '{}'::text[]) "
            f"FROM {ACCESS_SCHEMA}.prefecture_roles AS p JOIN pg_catalog.pg_roles AS r "
            "ON r.rolname OPERATOR(pg_catalog.=) p.role_name "
            "WHERE pg_catalog.pg_has_role(CURRENT_USER, r.oid, 'MEMBER') $$"
        )
        cur.execute(f"REVOKE ALL ON {ACCESS_SCHEMA}.prefecture_roles FROM PUBLIC")
        cur.execute(f"REVOKE ALL ON FUNCTION {VISIBLE} FROM PUBLIC")
        cur.execute(f"GRANT USAGE ON SCHEMA {ACCESS_SCHEMA} TO {_ident(PREFECTURE)}")
        cur.execute(f"GRANT SELECT ON {ACCESS_SCHEMA}.prefecture_roles TO {_ident(PREFECTURE)}")
        cur.execute(f"GRANT EXECUTE ON FUNCTION {VISIBLE} TO {_ident(PREFECTURE)}")
        wanted = [(prefecture_login(code), PREFECTURE) for code in prefectures]
        wanted += [(MINISTRY_LOGIN, MINISTRY), (PUBLIC_LOGIN, PUBLIC)]
        for role, group in wanted:
            logins.append(_login(cur, role, group, reset_passwords))
        for code, name in prefectures.items():
            cur.execute(
                f"INSERT INTO {ACCESS_SCHEMA}.prefecture_roles VALUES (%s, %s, %s) ON CONFLICT (role_name) "
                "DO UPDATE SET prefecture_code = excluded.prefecture_code, prefecture_name = excluded.prefecture_name",
                [prefecture_login(code), code, name],
            )
    return logins


def _role_exists(cur: psycopg.Cursor, role: str) -> bool:
    return cur.execute("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = %s", [role]).fetchone() is not None


def _login(cur: psycopg.Cursor, role: str, group: str, reset: bool) -> Login:
    exists = _role_exists(cur, role)
    password = secrets.token_urlsafe(18) if reset or not exists else None
    if not exists:
        cur.execute(f"CREATE ROLE {_ident(role)} LOGIN")
    if password is not None:  # hashed on this side, so the clear password never reaches the server's logs
        hashed = cur.connection.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
        cur.execute(f"ALTER ROLE {_ident(role)} PASSWORD {_literal(hashed.decode())}")
    cur.execute(f"GRANT {_ident(group)} TO {_ident(role)}")
    cur.execute(f"ALTER ROLE {_ident(role)} SET idle_in_transaction_session_timeout = {_literal(IDLE_IN_TRANSACTION)}")
    cur.execute(f"ALTER ROLE {_ident(role)} SET statement_timeout = {_literal(STATEMENT_TIMEOUT)}")
    return Login(role, password)
