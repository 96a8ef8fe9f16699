"""A real PostgreSQL with pgvector for the tests, started once per session by `pgserver`.

Imported by tests/conftest.py so every test directory (tests/store/ for the contract suite,
tests/postgres/, API replica tests) can ask for `pg_url`: a fresh, empty database per test
on the one session server, dropped afterwards.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def pg_server():
    try:
        import pgserver
    except ImportError:  # skip on a developer machine, fail in CI (like conftest.require)
        reason = "pgserver is not installed (pip install -e '.[dev]')"
        pytest.fail(reason) if IN_CI else pytest.skip(reason)
    # Not under pytest's basetemp: that is mode 0700 (the server runs as the `pgserver`
    # user when we are root) and concurrent pytest sessions prune each other's old ones.
    root = Path(tempfile.mkdtemp(prefix="pocketrag-pg-"))
    root.chmod(0o755)
    server = pgserver.get_server(root / "data", cleanup_mode="delete")
    yield server
    server.cleanup()
    shutil.rmtree(root, ignore_errors=True)


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
