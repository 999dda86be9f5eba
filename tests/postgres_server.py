"""The PostgreSQL server the tests publish to: ``WAREHOUSE_TEST_POSTGRES_URL`` (a superuser's URL, set by
``.ci/run``, which starts one with ``scripts/postgres_server.sh``). Without it the tests skip, unless
``WAREHOUSE_REQUIRE_POSTGRES=1`` (CI), where a missing or unreachable server fails them."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from psycopg import conninfo

URL_VARIABLE = "WAREHOUSE_TEST_POSTGRES_URL"


def server_url() -> str:
    """The superuser's URL, checked to answer; skips (or fails where the server is required) otherwise."""
    url = os.environ.get(URL_VARIABLE, "")
    required = os.environ.get("WAREHOUSE_REQUIRE_POSTGRES") == "1"
    problem = None if url else f"{URL_VARIABLE} is not set (scripts/postgres_server.sh start DIR prints one)"
    if url:
        try:
            psycopg.connect(url, connect_timeout=5).close()
        except psycopg.OperationalError as error:
            problem = f"the PostgreSQL server of {URL_VARIABLE} does not answer: {error}"
    if problem and required:
        pytest.fail(problem + "; WAREHOUSE_REQUIRE_POSTGRES=1 requires it", pytrace=False)
    if problem:
        pytest.skip(problem)
    return url


@contextmanager
def fresh_database(url: str) -> Iterator[str]:
    """A new, empty database on the server (dropped afterwards); yields its URL for the same superuser."""
    name = f"warehouse_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield conninfo.make_conninfo(url, dbname=name)
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def login_url(url: str, role: str, password: str) -> str:
    """The database's URL for another login."""
    return conninfo.make_conninfo(url, user=role, password=password)
