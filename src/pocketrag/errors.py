"""pocketrag's one error hierarchy: every error meant for the person using pocketrag is a
PocketragError, so the CLI (exit 1 with the message), the API (a JSON error) and the ingest
report (the file's reason) each catch one class and show its message as it is.

The errors of the index and of loading live here. Errors that belong to one component stay
beside its code, so that component reads whole, and subclass PocketragError the same way;
`DEFINED_BESIDE_THEIR_CODE` names them (tests/test_errors.py keeps that list true).

Deliberately outside the hierarchy: `pocketrag.bucket.BucketError` (the helper process that
talks to the replica bucket failed). Its callers catch it as an ordinary Exception today;
making it a PocketragError would let `except PocketragError` handlers that now let it pass
(the replicator's restore, for one) catch it, which changes behaviour.
"""

from __future__ import annotations


class PocketragError(Exception):
    """An error meant for the person using pocketrag: the message says what to do."""


class LoaderError(PocketragError):
    """A file could not be turned into a Document (corrupt, encrypted, unsupported, too big)."""


class IndexModelMismatchError(PocketragError):
    """The index's vectors were made by another embedding model than the configured one."""


class IndexChunkingMismatchError(IndexModelMismatchError):
    """The index's chunks were cut with other chunker settings than the configured ones (a
    kind of IndexModelMismatchError: the deployment's configuration is wrong, not a request)."""


class StoreReadOnlyError(PocketragError):
    """A write was attempted on an index opened read-only (either backend)."""


class InvalidVectorsError(PocketragError, ValueError):
    """Vectors handed to the store are unusable (NaN or infinity): a broken model or input,
    refused before anything is written. Also a ValueError, which is what it was before."""


# Subclasses of PocketragError defined in the module whose work raises them.
DEFINED_BESIDE_THEIR_CODE = (
    "pocketrag.chunking.TooManyChunksError",  # a document cuts into too many chunks
    "pocketrag.embedding.config.ModelError",  # the embedding model cannot be had or loaded
    "pocketrag.generation.guardrails.QuestionError",  # the question cannot be asked as is
    "pocketrag.generation.llm.LLMError",  # the LLM call failed (and its two subclasses)
    "pocketrag.generation.llm.LLMUnavailable",  # the circuit breaker is open
    "pocketrag.generation.llm.LLMStreamInterrupted",  # the stream broke mid-answer
    "pocketrag.replication.target.ReplicationError",  # the replica cannot be reached or read
)

__all__ = [
    "DEFINED_BESIDE_THEIR_CODE",
    "IndexChunkingMismatchError",
    "IndexModelMismatchError",
    "InvalidVectorsError",
    "LoaderError",
    "PocketragError",
    "StoreReadOnlyError",
]
