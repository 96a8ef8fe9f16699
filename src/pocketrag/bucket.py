"""The replica bucket's folder of original files: put, get, list, delete, probe.

`BucketFiles` talks to the bucket with the `minio` client. Among the well-kept S3 clients
it costs least (import + client, beside the app's own imports, measured by
bench/micro/replication_memory.py: minio +6.5 MB, obstore +6.5-9.4 MB and a Rust runtime, boto3
+24 MB), but in the serving process even that would spend the margin of its 160 MB budget
(measured: +7.9 MB with the client in the server). So the server uses `BucketProcess`: the
same calls, each run by `python -m pocketrag.bucket OP ...` in a short-lived helper process
(about half a second; uploads, the start-up sync and the occasional probe are rare). The
credentials reach the helper through its environment, never its command line. The CLI,
whose memory nobody budgets, uses `BucketFiles` directly.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from pocketrag.config import Settings, load_settings
from pocketrag.replication import ReplicaTarget, scrub, secrets_of


class Bucket(Protocol):
    def put(self, path: Path, name: str) -> None: ...
    def get(self, name: str, dest: Path) -> None: ...
    def names(self) -> set[str]: ...
    def delete(self, name: str) -> None: ...
    def probe(self) -> str | None: ...


class BucketError(Exception):
    """A failed bucket call, with the service's error code (NoSuchKey, ...) when it gave one."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


class BucketFiles:
    """The originals' folder in the replica bucket (put, get, list, delete)."""

    def __init__(self, settings: Settings, target: ReplicaTarget) -> None:
        import urllib3
        from minio import Minio

        endpoint = urlparse(target.endpoint or "https://s3.amazonaws.com")
        # Short timeouts and few retries: an unreachable bucket must fail an upload's copy
        # in seconds (the document is still indexed), not hold the ingest worker minutes.
        http = urllib3.PoolManager(
            timeout=urllib3.Timeout(connect=5, read=60),
            retries=urllib3.Retry(total=2, backoff_factor=0.5, status_forcelist=(500, 502, 503)),
            maxsize=2,
        )
        self.client = Minio(
            endpoint.netloc,
            access_key=settings.s3_access_key_id,
            secret_key=settings.s3_secret_access_key,
            region=target.region,
            secure=endpoint.scheme == "https",
            http_client=http,
        )
        self.bucket = target.bucket
        self.prefix = target.originals_prefix

    def put(self, path: Path, name: str) -> None:
        self.client.fput_object(self.bucket, self.prefix + name, str(path))

    def get(self, name: str, dest: Path) -> None:
        self.client.fget_object(self.bucket, self.prefix + name, str(dest))

    def names(self) -> set[str]:
        objects = self.client.list_objects(self.bucket, prefix=self.prefix, recursive=True)
        return {o.object_name[len(self.prefix) :] for o in objects if o.object_name}

    def delete(self, name: str) -> None:
        self.client.remove_object(self.bucket, self.prefix + name)

    def probe(self) -> str | None:
        """None when the bucket answers; otherwise what is wrong, in the service's words."""
        try:  # a GET (not HEAD): its error body names the cause (InvalidAccessKeyId, ...)
            next(iter(self.client.list_objects(self.bucket, prefix=self.prefix)), None)
        except Exception as exc:
            code = getattr(exc, "code", None)
            return f"{code}: {getattr(exc, 'message', exc)}" if code else f"{exc}"
        return None


class BucketProcess:
    """BucketFiles' calls, each in a helper process (see the module docstring)."""

    def __init__(self, settings: Settings, timeout_s: float = 600) -> None:
        values = {
            "POCKETRAG_REPLICA_URL": settings.replica_url,
            "POCKETRAG_S3_ENDPOINT": settings.s3_endpoint,
            "POCKETRAG_S3_REGION": settings.s3_region,
            "POCKETRAG_S3_ACCESS_KEY_ID": settings.s3_access_key_id,
            "POCKETRAG_S3_SECRET_ACCESS_KEY": settings.s3_secret_access_key,
        }
        self._env = {**os.environ, **{k: v for k, v in values.items() if v}}
        self._timeout_s = timeout_s

    def _call(self, *args: str) -> Any:
        done = subprocess.run(
            [sys.executable, "-m", "pocketrag.bucket", *args],
            env=self._env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=self._timeout_s,
        )
        try:
            reply = json.loads(done.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            raise BucketError(f"the bucket helper failed: {done.stderr.strip()[-300:]}") from None
        if "error" in reply:
            raise BucketError(reply["error"], reply.get("code"))
        return reply["result"]

    def put(self, path: Path, name: str) -> None:
        self._call("put", str(path), name)

    def get(self, name: str, dest: Path) -> None:
        self._call("get", name, str(dest))

    def names(self) -> set[str]:
        return set(self._call("names"))

    def delete(self, name: str) -> None:
        self._call("delete", name)

    def probe(self) -> str | None:
        return self._call("probe")

    def sync_folder(self, root: Path, put: bool) -> dict[str, Any]:
        """Originals.sync in one helper process (not one per file)."""
        return self._call("sync", str(root), "put" if put else "no-put")


def _run(bucket: BucketFiles, op: str, args: list[str], settings: Settings) -> Any:
    if op == "put":
        return bucket.put(Path(args[0]), args[1])
    if op == "get":
        return bucket.get(args[0], Path(args[1]))
    if op == "names":
        return sorted(bucket.names())
    if op == "delete":
        return bucket.delete(args[0])
    if op == "probe":
        return bucket.probe()
    if op == "sync":
        from pocketrag.originals import Originals

        originals = Originals(Path(args[0]), bucket, secrets_of(settings))
        counts: dict[str, Any] = dict(originals.sync(put=args[1] == "put"))
        return {**counts, **({"error": originals.error} if originals.error else {})}
    raise ValueError(f"unknown operation {op!r}")


def main(argv: list[str] | None = None) -> int:
    """`python -m pocketrag.bucket OP ARGS...`: one JSON line, {"result"} or {"error"}."""
    op, *args = argv if argv is not None else sys.argv[1:]
    settings = load_settings()
    try:
        target = ReplicaTarget.from_settings(settings)
        if target is None:
            raise ValueError("POCKETRAG_REPLICA_URL is not set")
        reply = {"result": _run(BucketFiles(settings, target), op, args, settings)}
    except Exception as exc:
        message = scrub(f"{type(exc).__name__}: {exc}", secrets_of(settings))
        reply = {"error": message, "code": getattr(exc, "code", None)}
    print(json.dumps(reply))
    return 1 if "error" in reply else 0


if __name__ == "__main__":
    sys.exit(main())
