"""Original files kept beside the index, so a cited document can be opened and the index
rebuilt (`pocketrag reindex`) when the embedding model changes.

Files are content-addressed: `<data dir>/originals/<sha256><suffix>`, the sha256 being the
one the index already records for the document, so no extra table is needed, the same
file uploaded under two names is kept once, and no user-given name ever becomes a path.
With replication on (POCKETRAG_REPLICA_URL) each file is also put in the bucket under
`<PATH>/originals/`; a fresh host fetches them back on start or on first download.

The bucket is reached through pocketrag.bucket (a minio client; in the server, in a
short-lived helper process so the serving process never holds an S3 client).
"""

from __future__ import annotations

import contextlib
import logging
import re
import secrets
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pocketrag.config import Settings
from pocketrag.documents import PocketragError
from pocketrag.replication import ReplicaTarget, scrub, secrets_of

if TYPE_CHECKING:
    from pocketrag.bucket import Bucket

log = logging.getLogger("pocketrag.originals")
_SUFFIX = re.compile(r"^\.[a-z0-9]{1,10}$")
_SHA = re.compile(r"^[0-9a-f]{64}$")


def original_name(sha256: str, source: str) -> str:
    """`<sha256><suffix>`: the suffix (".pdf") tells the loaders the format on reindex."""
    if not _SHA.match(sha256):
        raise PocketragError(f"not a sha256 hex digest: {sha256!r}")
    suffix = Path(source).suffix.lower()
    return sha256 + (suffix if _SUFFIX.match(suffix) else "")


class Originals:
    """Keep, find and forget original files; mirror them to the bucket when there is one.

    Bucket failures never fail the caller: the file is kept locally, the error is logged
    (without credentials) and shown by /ready, and `sync()` at the next start retries.
    """

    def __init__(self, root: Path, bucket: Bucket | None = None, secrets: Any = ()) -> None:
        self.root = root
        self.bucket = bucket
        self.error: str | None = None
        self._secrets = list(secrets)

    @classmethod
    def from_settings(cls, settings: Settings, *, in_process: bool = True) -> Originals:
        """`in_process=False` (the server): bucket calls run in a helper process."""
        from pocketrag.bucket import BucketFiles, BucketProcess

        target = ReplicaTarget.from_settings(settings)
        bucket: Bucket | None = None
        if target is not None:
            bucket = BucketFiles(settings, target) if in_process else BucketProcess(settings)
        return cls(settings.originals_dir, bucket, secrets_of(settings))

    def path_of(self, sha256: str, source: str) -> Path:
        return self.root / original_name(sha256, source)

    def keep(self, path: Path, sha256: str, source: str) -> Path:
        """Copy `path` in (atomically: a crash leaves no half file) and to the bucket."""
        target = self.path_of(sha256, source)
        if not target.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            partial = _partial_path(target)
            with path.open("rb") as source_file, partial.open("wb") as out:
                shutil.copyfileobj(source_file, out, 1 << 20)
            partial.replace(target)
        self._to_bucket(target)
        return target

    def find(self, sha256: str, source: str) -> Path | None:
        """The local copy, fetched from the bucket first when only the bucket has it."""
        target = self.path_of(sha256, source)
        if target.exists():
            return target
        if self.bucket is None:
            return None
        self.root.mkdir(parents=True, exist_ok=True)
        partial = _partial_path(target)
        try:
            self.bucket.get(target.name, partial)
        except Exception as exc:
            partial.unlink(missing_ok=True)
            if getattr(exc, "code", "") == "NoSuchKey":
                return None
            self._bucket_failed(f"fetching {target.name}", exc)
            return None
        partial.replace(target)
        return target

    def forget(self, sha256: str, source: str) -> None:
        """Remove a deleted document's original (the caller checks nobody else uses it)."""
        target = self.path_of(sha256, source)
        target.unlink(missing_ok=True)
        if self.bucket is not None:
            try:
                self.bucket.delete(target.name)
            except Exception as exc:
                self._bucket_failed(f"deleting {target.name}", exc)

    def sync(self, put: bool = True) -> dict[str, int]:
        """At start: fetch what only the bucket has, put what only this disk has (not on
        a read-only server: it never writes to the bucket it reads from)."""
        if self.bucket is None:
            return {}
        sync_in = getattr(self.bucket, "sync_folder", None)
        if sync_in is not None:  # the helper process does the whole walk in one go
            try:
                counts = dict(sync_in(self.root, put))
            except Exception as exc:
                self._bucket_failed("syncing the originals", exc)
                return {"failed": 1}
            self.error = counts.pop("error", None) or self.error
            return counts
        remove_partial_files(self.root)
        try:
            remote = self.bucket.names()
        except Exception as exc:
            self._bucket_failed("listing the originals", exc)
            return {"failed": 1}
        local = {p.name for p in self.root.glob("*") if not p.name.endswith(".part")}
        counts = {"fetched": 0, "put": 0}
        for name in sorted(remote - local):
            sha, _, suffix = name.partition(".")
            if self.find(sha, f"x.{suffix}" if suffix else "x"):
                counts["fetched"] += 1
        for name in sorted(local - remote) if put else ():
            if self._to_bucket(self.root / name):
                counts["put"] += 1
        return counts

    def _to_bucket(self, path: Path) -> bool:
        if self.bucket is None:
            return False
        try:
            self.bucket.put(path, path.name)
        except Exception as exc:
            self._bucket_failed(f"copying {path.name} to the bucket", exc)
            return False
        return True

    def _bucket_failed(self, what: str, exc: Exception) -> None:
        self.error = scrub(f"{what} failed: {type(exc).__name__}: {exc}", self._secrets)[:500]
        log.error("originals: %s", self.error)


def _partial_path(target: Path) -> Path:
    """A private name to write to before the atomic rename: two requests fetching the same
    original at once must not write into one file."""
    return target.with_name(f"{target.name}.{secrets.token_hex(4)}.part")


def keep_ingested(store: Any, report: Any, settings: Settings) -> int:
    """Keep the originals of the files an ingest run stored (`ingest --keep-originals`)."""
    originals = Originals.from_settings(settings)
    kept = 0
    for result in report.files:
        if result.document_id and result.status in ("added", "updated", "unchanged"):
            info = store.get_document(result.document_id)
            if info is not None:
                originals.keep(Path(result.path), info.sha256, info.source)
                kept += 1
    return kept


def remove_partial_files(root: Path, older_than_s: float = 3600) -> None:
    """Half-copied files a crash left behind (old ones only: a copy may be under way)."""
    now = time.time()
    for partial in root.glob("*.part"):
        with contextlib.suppress(OSError):
            if now - partial.stat().st_mtime > older_than_s:
                partial.unlink()
