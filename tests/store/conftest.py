"""The `store_factory` fixture: the Store contract suite runs once per backend.

A factory opens the *same* underlying index each time it is called within one test (so a
test can close and reopen, or open a read-only view of what it wrote). Backends add a param
here (e.g. "postgres"); the contract tests themselves must stay backend-neutral.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pocketrag.store.base import Store

StoreFactory = Callable[..., Store]


def _sqlite_factory(tmp_path: Path) -> StoreFactory:
    from pocketrag.store.sqlite import SQLiteStore

    path = tmp_path / "index.sqlite3"

    def make(read_only: bool = False) -> Store:
        return SQLiteStore(path, read_only=read_only)

    return make


def _postgres_factory(url: str) -> StoreFactory:
    from pocketrag.store.postgres import PostgresStore

    def make(read_only: bool = False) -> Store:
        return PostgresStore(url, read_only=read_only, pool_size=2)  # type: ignore[return-value]

    return make


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    opened: list[Store] = []
    if request.param == "sqlite":
        make = _sqlite_factory(tmp_path)
    elif request.param == "postgres":  # a fresh database on the session's pgserver
        make = _postgres_factory(request.getfixturevalue("pg_url"))
    else:  # pragma: no cover - a backend param without a factory
        raise AssertionError(f"no factory for {request.param}")

    def tracked(read_only: bool = False) -> Store:
        store = make(read_only=read_only)
        opened.append(store)
        return store

    yield tracked
    for store in opened:
        with contextlib.suppress(Exception):
            store.close()


@pytest.fixture
def store(store_factory: StoreFactory) -> Store:
    return store_factory()
