"""Who sees what in the PostgreSQL publication, enforced by the database itself.

Three group roles (``NOLOGIN``) carry the privileges; logins are members of one of them:

- ``warehouse_ministry``: every row of every table;
- ``warehouse_prefecture``: every aggregate table, and of the respondent-level tables only the rows of the
  prefectures its logins stand for (its own return, its municipalities' and their coordinators' returns,
  the cleaning-log findings about them), by row-level security on the prefecture code;
- ``warehouse_public``: the aggregate tables only (a respondent-level table answers "permission denied").

Which tables are respondent-level is decided here and nowhere else, from the columns: a table that carries
``respondent_key`` holds respondents' rows. Its rows belong to the prefecture in its ``prefecture_code``
column or, for a table without one (the provenance of each answer cell), to the prefecture of its
submission, found through the respondent-level table keyed by ``submission_id`` that carries the code.
A respondent-level table with neither stops the publication rather than be published unfiltered.

Prefecture logins are mapped to prefecture codes in ``warehouse_access.prefecture_roles`` (role name →
code): the policy asks which of those roles the current user is a member of, so a prefecture's staff can
each have a login of their own (``GRANT warehouse_pref_13 TO tanaka``). ``python -m warehouse pg-roles``
creates the groups, the mapping, one login per prefecture and one for the ministry and the public.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass

import psycopg

from warehouse.publish.pg_schema import Table
from warehouse.publish.swap import PublishError, _ident, _literal

MINISTRY = "warehouse_ministry"
PREFECTURE = "warehouse_prefecture"
PUBLIC = "warehouse_public"
GROUPS = (MINISTRY, PREFECTURE, PUBLIC)
ACCESS_SCHEMA = "warehouse_access"
RESPONDENT_COLUMN = "respondent_key"
PREFECTURE_COLUMN = "prefecture_code"
SUBMISSION_COLUMN = "submission_id"
#: The logins ``pg-roles`` creates besides the prefectures' (``warehouse_pref_<code>``).
MINISTRY_LOGIN = "warehouse_ministry_reader"
PUBLIC_LOGIN = "warehouse_public_reader"


def prefecture_login(code: str) -> str:
    return f"warehouse_pref_{code}"


@dataclass(frozen=True)
class Access:
    """How one table is read: aggregate (everyone) or respondent-level, filtered on a prefecture code."""

    respondent_level: bool
    filter_sql: str | None = None  # the prefecture policy's condition, with {schema} for the publication's


def classify(tables: Iterable[Table]) -> dict[str, Access]:
    """``schema.table`` → its :class:`Access`, for every published table (the one place that decides)."""
    tables = list(tables)
    by_submission = next(
        (
            t
            for t in tables
            if t.column(RESPONDENT_COLUMN) and t.column(PREFECTURE_COLUMN) and t.primary_key == (SUBMISSION_COLUMN,)
        ),
        None,
    )
    visible = f"ANY ((SELECT {ACCESS_SCHEMA}.visible_prefectures())::text[])"  # evaluated once per query
    decided = {}
    for table in tables:
        if not table.column(RESPONDENT_COLUMN):
            decided[table.qualified] = Access(False)
        elif table.column(PREFECTURE_COLUMN):
            decided[table.qualified] = Access(True, f"{_ident(PREFECTURE_COLUMN)} = {visible}")
        elif table.column(SUBMISSION_COLUMN) and by_submission is not None:
            # the submissions table is itself filtered for the reader, so its visible ids are the reader's
            source = "{" + by_submission.schema + "}." + _ident(by_submission.name)
            decided[table.qualified] = Access(
                True, f"{_ident(SUBMISSION_COLUMN)} IN (SELECT {_ident(SUBMISSION_COLUMN)} FROM {source})"
            )
        else:
            raise PublishError(
                f"{table.qualified} holds respondents' rows ({RESPONDENT_COLUMN}) but neither a {PREFECTURE_COLUMN} "
                f"nor a {SUBMISSION_COLUMN} to restrict them by prefecture; not publishing it unrestricted"
            )
    return decided


def roles_ready(cur: psycopg.Cursor) -> bool:
    """Whether ``pg-roles`` has run on this database: the groups (server-wide) and the mapping (per database)."""
    found = cur.execute("SELECT count(*) FROM pg_roles WHERE rolname = ANY(%s)", [list(GROUPS)]).fetchone()
    mapping = cur.execute("SELECT to_regprocedure(%s)", [f"{ACCESS_SCHEMA}.visible_prefectures()"]).fetchone()
    return found == (len(GROUPS),) and mapping is not None and mapping[0] is not None


def apply(cur: psycopg.Cursor, tables: list[Table], schemas: dict[str, str]) -> bool:
    """Grants and row-level security on the tables as they are named now (``schemas``: published schema →
    the name it has at this moment, e.g. the name a publication is loaded under before the swap).

    Row-level security is always switched on for the respondent-level tables, so without the groups only
    the publishing role reads them; grants and policies follow once ``pg-roles`` has created the groups.
    Returns whether the groups exist."""
    access = classify(tables)
    groups = roles_ready(cur)
    for schema in sorted({schemas[t.schema] for t in tables}):
        if groups:
            cur.execute(f"GRANT USAGE ON SCHEMA {_ident(schema)} TO {', '.join(map(_ident, GROUPS))}")
    for table in tables:
        qualified = f"{_ident(schemas[table.schema])}.{_ident(table.name)}"
        rule = access[table.qualified]
        if rule.respondent_level:
            cur.execute(f"ALTER TABLE {qualified} ENABLE ROW LEVEL SECURITY")
        if not groups:
            continue
        readers = (MINISTRY, PREFECTURE) if rule.respondent_level else GROUPS
        cur.execute(f"GRANT SELECT ON {qualified} TO {', '.join(map(_ident, readers))}")
        if rule.respondent_level and rule.filter_sql:
            condition = rule.filter_sql.format(**{k: _ident(v) for k, v in schemas.items()})
            for name, role, using in (("ministry", MINISTRY, "true"), ("prefecture", PREFECTURE, condition)):
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
    """The three groups, the prefecture mapping and its function, and the logins: one per prefecture
    (``prefectures``: code → name), one for the ministry, one for the public. New logins get a random
    password (returned); existing ones keep theirs unless ``reset_passwords``. Idempotent."""
    logins: list[Login] = []
    with conn.transaction(), conn.cursor() as cur:
        database = cur.execute("SELECT current_database()").fetchone()
        for group in GROUPS:
            if not _role_exists(cur, group):
                cur.execute(f"CREATE ROLE {_ident(group)} NOLOGIN")
            cur.execute(f"GRANT CONNECT ON DATABASE {_ident(database[0] if database else '')} TO {_ident(group)}")
        cur.execute(f"CREATE SCHEMA IF NOT EXISTS {ACCESS_SCHEMA}")
        cur.execute(
            f"CREATE TABLE IF NOT EXISTS {ACCESS_SCHEMA}.prefecture_roles "
            "(role_name text PRIMARY KEY, prefecture_code text NOT NULL, prefecture_name text NOT NULL)"
        )
        cur.execute(
            f"COMMENT ON TABLE {ACCESS_SCHEMA}.prefecture_roles IS "
            "'Which prefecture each prefecture role reads: members of the role see that prefecture''s rows.'"
        )
        cur.execute(
            f"CREATE OR REPLACE FUNCTION {ACCESS_SCHEMA}.visible_prefectures() RETURNS text[] "
            "LANGUAGE sql STABLE AS $$ SELECT coalesce(array_agg(p.prefecture_code), '{}') "
            f"FROM {ACCESS_SCHEMA}.prefecture_roles p JOIN pg_roles r ON r.rolname = p.role_name "
            "WHERE pg_has_role(current_user, r.oid, 'MEMBER') $$"
        )
        cur.execute(f"GRANT USAGE ON SCHEMA {ACCESS_SCHEMA} TO {_ident(PREFECTURE)}")
        cur.execute(f"GRANT SELECT ON {ACCESS_SCHEMA}.prefecture_roles TO {_ident(PREFECTURE)}")
        cur.execute(f"GRANT EXECUTE ON FUNCTION {ACCESS_SCHEMA}.visible_prefectures() TO {_ident(PREFECTURE)}")
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
    return cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone() is not None


def _login(cur: psycopg.Cursor, role: str, group: str, reset: bool) -> Login:
    exists = _role_exists(cur, role)
    password = secrets.token_urlsafe(18) if reset or not exists else None
    if not exists:
        cur.execute(f"CREATE ROLE {_ident(role)} LOGIN")
    if password is not None:  # hashed on this side, so the clear password never reaches the server's logs
        hashed = cur.connection.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
        cur.execute(f"ALTER ROLE {_ident(role)} PASSWORD {_literal(hashed.decode())}")
    cur.execute(f"GRANT {_ident(group)} TO {_ident(role)}")
    return Login(role, password)
