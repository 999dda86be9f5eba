"""The PostgreSQL publication tried as a hostile login would, on a real server: each prefecture reads exactly its
own rows and the public only what is declared public, whatever the login does with its session.

The database belongs to a publishing role that is not a superuser (as in production), so forced row-level
security is tried on the owner too. Expectations come from the publication's ``meta.disclosure`` through
``Reader.row_filter`` (the rule the audience files use), read by a superuser, beside PostgreSQL's own policies.
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import duckdb
import psycopg
import pytest
from psycopg import conninfo, errors, sql

from tests.postgres_server import server_url
from warehouse.pipeline.state import RefreshReport
from warehouse.publish import postgres
from warehouse.publish.disclosure import Disclosure, Reader, read
from warehouse.publish.pg_access import (
    ACCESS_SCHEMA,
    IDLE_IN_TRANSACTION,
    MINISTRY,
    MINISTRY_LOGIN,
    PREFECTURE,
    PUBLIC_LOGIN,
    STATEMENT_TIMEOUT,
    prefecture_login,
)
from warehouse.publish.postgres import create_roles, publish_postgres
from warehouse.reference.local_governments import load

pytestmark = pytest.mark.slow  # a PostgreSQL server and a refresh
PREFECTURES = {code: lg.name for code, lg in load().prefectures.items()}
#: A schema of an interrupted or retired publication: its relations are read as the published schema's.
WORKING = re.compile(r"^(?P<schema>[a-z0-9_]+)__(next|old)_[0-9a-f]{12}$")
MAPPING = f"{ACCESS_SCHEMA}.prefecture_roles"


@dataclass
class Server:
    admin: str  # the database, as a superuser
    owner: str  # the database, as the publishing role (its owner, not a superuser)
    declared: dict[str, Disclosure]
    passwords: dict[str, str]  # login -> password
    present: list[str]  # the prefectures with respondents' rows

    def login(self, role: str, **options: str) -> psycopg.Connection:
        url = conninfo.make_conninfo(self.admin, user=role, password=self.passwords[role])
        return psycopg.connect(url, autocommit=True, **options)


@pytest.fixture(scope="module")
def server(refreshed: tuple[RefreshReport, Path]) -> Iterator[Server]:
    """The refreshed reduced sample published by a non-superuser owner, the logins of ``pg-roles``, and the
    schemas of a publication retired while it was read (left behind, as when a reader holds them)."""
    report, published = refreshed
    assert report.ok, report.blocked
    superuser = server_url()
    name, owner, password = (
        f"warehouse_test_{uuid.uuid4().hex[:10]}",
        f"publisher_{uuid.uuid4().hex[:8]}",
        secrets.token_hex(12),
    )
    with psycopg.connect(superuser, autocommit=True) as su:
        su.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEROLE PASSWORD {}").format(sql.Identifier(owner), password))
        su.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(name), sql.Identifier(owner)))
    admin = conninfo.make_conninfo(superuser, dbname=name)
    url = conninfo.make_conninfo(admin, user=owner, password=password)
    try:
        logins = create_roles(url, PREFECTURES, reset_passwords=True)
        with mock.patch.object(postgres, "_drop_working_schemas"):
            publish_postgres(url, published)
            publish_postgres(url, published)  # the first publication's schemas stay, retired
        with duckdb.connect() as con:
            con.execute(f"attach '{published}' as publication (read_only)")
            declared = read(con, "publication")
            present = [
                code
                for (code,) in con.execute(
                    "select distinct prefecture_code from publication.provenance.submissions order by 1"
                ).fetchall()
            ]
        yield Server(admin, url, declared, {login.role: login.password or "" for login in logins}, present)
    finally:
        with psycopg.connect(superuser, autocommit=True) as su:
            su.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            su.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(owner)))


def _relations(con: psycopg.Connection) -> list[str]:
    """Every relation of every schema but the system's, as the catalog shows it to ``con``."""
    rows = con.execute(
        "select n.nspname, c.relname from pg_catalog.pg_class c "
        "join pg_catalog.pg_namespace n on n.oid = c.relnamespace "
        "where c.relkind in ('r', 'v', 'm', 'p', 'f') and n.nspname <> 'information_schema' "
        "and n.nspname not like 'pg\\_%' order by 1, 2"
    ).fetchall()
    return [f"{schema}.{name}" for schema, name in rows]


def _published_name(relation: str) -> str:
    schema, name = relation.split(".", 1)
    working = WORKING.match(schema)
    return f"{working['schema'] if working else schema}.{name}"


def _quoted(relation: str) -> str:
    return ".".join(f'"{part}"' for part in relation.split(".", 1))


def _count(con: psycopg.Connection, relation: str, where: str | None = None) -> int | None:
    """Rows of ``relation`` ``con`` reads, None when it may not read it at all."""
    try:
        row = con.execute(f"select count(*) from {_quoted(relation)}{f' where {where}' if where else ''}").fetchone()
    except errors.InsufficientPrivilege:
        return None
    return int(row[0]) if row else 0


def _expected(server: Server, admin: psycopg.Connection, reader: Reader, relation: str) -> int | None:
    """What ``reader`` may read of ``relation`` by the declarations, counted by a superuser."""
    published = _published_name(relation)
    if published == MAPPING:  # the mapping the prefecture policy reads: role names and codes, no answer
        return _count(admin, relation) if reader.audience == "prefecture" else None
    declared = server.declared.get(published)
    if declared is None or not reader.reads(declared):
        return None
    # a retired relation's key points into its own schema's copy, which holds the same rows as the published one
    return _count(admin, relation, reader.row_filter(declared, server.declared))


def _readers(server: Server) -> dict[str, Reader]:
    readers = {MINISTRY_LOGIN: Reader("ministry"), PUBLIC_LOGIN: Reader("public")}
    readers |= {prefecture_login(code): Reader("prefecture", frozenset({code})) for code in PREFECTURES}
    return readers


def test_every_relation_of_every_schema_reads_as_declared(server: Server) -> None:
    """47 prefectures, the ministry and the public, on every relation including the retired publication's."""
    with psycopg.connect(server.admin, autocommit=True) as admin:
        relations = _relations(admin)
        assert any(WORKING.match(r.split(".")[0]) for r in relations), "the retired publication is there"
        assert len(server.present) >= 2
        for login, reader in _readers(server).items():
            with server.login(login) as con:
                seen = {relation: _count(con, relation) for relation in _relations(con)}
            expected = {relation: _expected(server, admin, reader, relation) for relation in relations}
            assert seen == expected, (
                login,
                {r: (seen.get(r), expected[r]) for r in expected if seen.get(r) != expected[r]},
            )
        # the relations the first attempt found open to everyone: each municipality's answers, held back
        with server.login(PUBLIC_LOGIN) as public:
            for relation in (
                "marts.rpt_hub_municipal_linkage",
                "marts.fct_municipality_panel",
                "marts.fct_program_item_panel",
            ):
                assert server.declared[relation].audience == "prefecture"
                assert _count(public, relation) is None, relation
        with server.login(prefecture_login(server.present[0])) as own:
            assert (
                _count(own, "marts.fct_scenario_status")
                == _count(admin, "marts.fct_scenario_status", f"prefecture_code = '{server.present[0]}'")
                > 0
            )


def _restricted(server: Server) -> list[str]:
    return sorted(name for name, d in server.declared.items() if d.audience != "public")


def _own_counts(server: Server, con: psycopg.Connection) -> dict[str, int | None]:
    return {relation: _count(con, relation) for relation in _restricted(server)}


def test_temporary_objects_and_search_paths_do_not_widen_a_prefecture(server: Server) -> None:
    code, other = server.present[0], server.present[1]
    login = prefecture_login(code)
    with psycopg.connect(server.admin, autocommit=True) as admin:
        expected = {
            r: _expected(server, admin, Reader("prefecture", frozenset({code})), r) for r in _restricted(server)
        }
        with server.login(login) as con:
            for statement in (
                "create temporary table pg_roles (rolname name, oid oid)",
                "create table public.pg_roles (rolname name, oid oid)",
                "create function public.pg_has_role(name, oid, text) returns boolean language sql as 'select true'",
                f"create or replace function {ACCESS_SCHEMA}.visible_prefectures() returns text[] "
                f"language sql as $$ select array['{other}'] $$",
            ):
                with pytest.raises(errors.InsufficientPrivilege):
                    con.execute(statement)
        # were TEMPORARY left to a login (as PostgreSQL grants it to PUBLIC on a new database), catalog names it
        # shadows in pg_temp are still not what the policy reads
        admin.execute(sql.SQL("GRANT TEMPORARY ON DATABASE {} TO {}").format(
            sql.Identifier(conninfo.conninfo_to_dict(server.admin)["dbname"]), sql.Identifier(login)))  # fmt: skip
        try:
            with server.login(login) as con:
                me = con.execute("select oid from pg_catalog.pg_roles where rolname = current_user").fetchone()[0]
                con.execute(
                    f"create temporary view pg_roles as select rolname, {me}::oid as oid from pg_catalog.pg_roles"
                )
                con.execute(
                    f"create temporary view prefecture_roles as select role_name, prefecture_code from {MAPPING}"
                )
                con.execute("create temporary view pg_auth_members as select * from pg_catalog.pg_auth_members")
                for path in ("pg_temp, pg_catalog", f"pg_temp, {ACCESS_SCHEMA}, pg_catalog, public", '"$user", public'):
                    con.execute(f"set search_path = {path}")
                    assert con.execute(f"select {ACCESS_SCHEMA}.visible_prefectures()").fetchone() == ([code],)
                    assert _own_counts(server, con) == expected, path
        finally:
            admin.execute(sql.SQL("REVOKE TEMPORARY ON DATABASE {} FROM {}").format(
                sql.Identifier(conninfo.conninfo_to_dict(server.admin)["dbname"]), sql.Identifier(login)))  # fmt: skip
        # a search_path set on the role itself, for every later session
        with server.login(login) as con:
            con.execute(f"alter role {login} set search_path = pg_temp, {ACCESS_SCHEMA}, public")
        try:
            with server.login(login) as con:
                assert _own_counts(server, con) == expected
        finally:
            admin.execute(sql.SQL("ALTER ROLE {} RESET search_path").format(sql.Identifier(login)))


def test_functions_in_where_copy_and_row_security_off_reveal_nothing(server: Server) -> None:
    code, other = server.present[0], server.present[1]
    with psycopg.connect(server.admin, autocommit=True) as admin:
        others = _count(admin, "marts.fct_scenario_status", f"prefecture_code = '{other}'")
        own = _count(admin, "marts.fct_scenario_status", f"prefecture_code = '{code}'")
    assert others and own
    with server.login(prefecture_login(code)) as con:
        # a failing function evaluated on another prefecture's row would tell that it exists: never evaluated
        for condition in (
            f"1 / (case when prefecture_code = '{other}' then 0 else 1 end) = 1",
            f"(case when prefecture_code = '{other}' then 'x' else '1' end)::int = 1",
            f"pg_catalog.pg_sleep(case when prefecture_code = '{other}' then 5 else 0 end) is not null",
        ):
            assert _count(con, "marts.fct_scenario_status", condition) == own, condition
        with con.cursor().copy("copy marts.fct_scenario_status to stdout") as copy:
            copied = b"".join(bytes(chunk) for chunk in copy)
        assert copied.count(b"\n") == own
        with pytest.raises(errors.InsufficientPrivilege):
            con.execute("copy marts.fct_scenario_status to '/tmp/warehouse-leak.csv'")
        con.execute("set row_security = off")
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            con.execute("select count(*) from marts.fct_scenario_status")


def test_no_role_to_switch_to_and_no_way_in_for_strangers(server: Server) -> None:
    code, other = server.present[0], server.present[1]
    with server.login(prefecture_login(code)) as con:
        for role in (MINISTRY, MINISTRY_LOGIN, prefecture_login(other), "postgres"):
            with pytest.raises(errors.InsufficientPrivilege):
                con.execute(f'set role "{role}"')
        con.execute(f'set role "{PREFECTURE}"')  # its own group: allowed, and it stands for no prefecture
        assert all(count == 0 for count in _own_counts(server, con).values() if count is not None)
        con.execute("reset role")
        for statement in (
            f"insert into {MAPPING} values ('{prefecture_login(code)}', '{other}', 'x')",
            f"update {MAPPING} set prefecture_code = '{other}'",
            f"delete from {MAPPING}",
            "alter table marts.fct_scenario_status disable row level security",
            "create schema mine",
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                con.execute(statement)
    stranger, password = f"stranger_{uuid.uuid4().hex[:8]}", secrets.token_hex(8)
    with psycopg.connect(server.admin, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(stranger), password))
        try:
            with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
                psycopg.connect(conninfo.make_conninfo(server.admin, user=stranger, password=password)).close()
        finally:
            admin.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(stranger)))


def test_statistics_and_estimates_tell_no_prefecture_about_another(server: Server) -> None:
    restricted = _restricted(server)
    with psycopg.connect(server.admin, autocommit=True) as admin:
        admin.execute("analyze")  # as autovacuum does some time after a publication
        kept = dict(admin.execute(
            "select c.oid::regclass::text, count(*) from pg_statistic s join pg_class c on c.oid = s.starelid "
            "join pg_namespace n on n.oid = c.relnamespace "
            "where n.nspname in ('marts', 'report', 'provenance', 'gate', 'meta') group by 1"
        ).fetchall())  # fmt: skip
    assert not set(kept) & set(restricted), "no column statistics of a restricted relation"
    assert "marts.dim_municipality" in kept, "the public relations have theirs"
    with server.login(prefecture_login(server.present[0])) as con:
        shown = con.execute(
            "select schemaname || '.' || tablename from pg_stats where schemaname in ('marts', 'provenance', 'gate')"
        ).fetchall()
        assert not {name for (name,) in shown} & set(restricted)
        estimates = set()
        for code in PREFECTURES:
            [[plan]] = con.execute(
                "explain (format json) select * from marts.fct_scenario_status where prefecture_code = %s", [code]
            ).fetchone()
            estimates.add(plan["Plan"]["Plan Rows"])
        assert len(estimates) == 1, "the planner's estimate is the same for every prefecture: it knows no distribution"


def test_the_owner_reads_no_restricted_row_and_readers_cannot_hold_a_transaction(server: Server) -> None:
    with psycopg.connect(server.owner, autocommit=True) as owner:
        assert all(_count(owner, relation) == 0 for relation in _restricted(server))
        assert _count(owner, "marts.dim_municipality")
    for login in (MINISTRY_LOGIN, PUBLIC_LOGIN, prefecture_login(server.present[0])):
        with server.login(login) as con:
            assert con.execute("show idle_in_transaction_session_timeout").fetchone() == (IDLE_IN_TRANSACTION,)
            assert con.execute("show statement_timeout").fetchone() == (STATEMENT_TIMEOUT,)
