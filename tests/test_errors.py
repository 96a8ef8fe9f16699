"""The one error hierarchy (pocketrag.errors): every user-facing error is a PocketragError,
and the old import paths still name the same classes."""

from __future__ import annotations

import importlib

import pytest

from pocketrag import errors
from pocketrag.errors import PocketragError


@pytest.mark.parametrize("dotted", errors.DEFINED_BESIDE_THEIR_CODE)
def test_errors_defined_beside_their_code_are_pocketrag_errors(dotted):
    module, name = dotted.rsplit(".", 1)
    cls = getattr(importlib.import_module(module), name)
    assert issubclass(cls, PocketragError)


def test_old_import_paths_name_the_same_classes():
    from pocketrag import documents
    from pocketrag.store.sqlite import StoreReadOnlyError as sqlite_read_only

    assert documents.PocketragError is errors.PocketragError
    assert documents.LoaderError is errors.LoaderError
    assert documents.IndexModelMismatchError is errors.IndexModelMismatchError
    assert documents.IndexChunkingMismatchError is errors.IndexChunkingMismatchError
    assert sqlite_read_only is errors.StoreReadOnlyError


@pytest.mark.postgres
def test_both_backends_raise_the_one_read_only_error():
    from pocketrag.store.postgres import StoreReadOnlyError as postgres_read_only

    assert postgres_read_only is errors.StoreReadOnlyError


def test_every_class_here_is_in_the_hierarchy():
    for name in errors.__all__:
        value = getattr(errors, name)
        if isinstance(value, type):
            assert issubclass(value, PocketragError), name


def test_bucket_error_stays_outside_on_purpose():
    from pocketrag.bucket import BucketError

    assert not issubclass(BucketError, PocketragError)  # see pocketrag.errors' docstring
