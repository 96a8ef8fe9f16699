"""The store's backends moved into subpackages; the names importers used still work."""

from __future__ import annotations

import pytest


def test_flat_module_names_give_the_moved_modules():
    from pocketrag.store import bitscan, sqlite_schema, sqlite_search
    from pocketrag.store.sqlite import bitscan as new_bitscan
    from pocketrag.store.sqlite import schema, search

    assert (bitscan, sqlite_schema, sqlite_search) == (new_bitscan, schema, search)


@pytest.mark.postgres
def test_flat_postgres_module_names_give_the_moved_modules():
    from pocketrag.store import postgres_bm25, postgres_write
    from pocketrag.store.postgres import bm25, write

    assert (postgres_bm25, postgres_write) == (bm25, write)


def test_an_unknown_name_is_still_an_import_error():
    with pytest.raises(ImportError):
        from pocketrag.store import no_such_backend  # noqa: F401
