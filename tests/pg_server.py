"""A real PostgreSQL with pgvector for the tests, started once per session by `pgserver`.

Imported by tests/conftest.py so every test directory (tests/store/ for the contract suite,
tests/postgres/, API replica tests) can ask for `pg_url`: a fresh, empty database per test
on the one session server, dropped afterwards.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory):
    try:
        import pgserver
    except ImportError:  # skip on a developer machine, fail in CI (like conftest.require)
        reason = "pgserver is not installed (pip install -e '.[dev]')"
        pytest.fail(reason) if IN_CI else pytest.skip(reason)
    server = pgserver.get_server(tmp_path_factory.mktemp("pg"), cleanup_mode="stop")
    yield server
    server.cleanup()


@pytest.fixture
def pg_url(pg_server) -> Iterator[str]:
    """postgresql://... of a new empty database (no extension, no tables yet)."""
    import psycopg

    name = "t_" + secrets.token_hex(6)
    with psycopg.connect(pg_server.get_uri(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield pg_server.get_uri(database=name)
    with psycopg.connect(pg_server.get_uri(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
