"""A real S3 API server on loopback for the replication tests: moto in server mode.

`s3_server` starts one `moto_server` per session on a free port (plain HTTP, which is what
Litestream and minio are pointed at, as they would be at MinIO on a LAN); `s3_bucket` is a
fresh empty bucket per test with the settings that turn replication on. `strict_s3_server`
checks credentials (moto's IAM auth from the first request on), so a wrong key is refused.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
KEY_ID, SECRET = "AKIATESTREPLICA", "test-secret-value-7f3a"


def _moto_binary() -> str:
    found = shutil.which("moto_server", path=str(Path(sys.executable).parent))
    if found is None:
        reason = "moto_server not found (pip install -e '.[dev]')"
        pytest.fail(reason) if IN_CI else pytest.skip(reason)
    return found


def _start_moto(extra_env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    from live_server import free_port  # not at import: pytest loads live_server as a plugin

    port = free_port()
    env = {**os.environ, **extra_env}
    process = subprocess.Popen(
        [_moto_binary(), "-H", "127.0.0.1", "-p", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(endpoint + "/moto-api/", timeout=1)
            return process, endpoint
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("moto_server did not start")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def s3_server() -> Iterator[str]:
    """The endpoint URL (http://127.0.0.1:PORT) of a session-wide moto S3 server."""
    process, endpoint = _start_moto({})
    yield endpoint
    _stop(process)


@pytest.fixture(scope="session")
def strict_s3_server() -> Iterator[str]:
    """A moto S3 server that checks credentials: every key pocketrag could send is unknown."""
    process, endpoint = _start_moto({"INITIAL_NO_AUTH_ACTION_COUNT": "0"})
    yield endpoint
    _stop(process)


@dataclass
class Bucket:
    endpoint: str
    name: str

    @property
    def settings(self) -> dict[str, object]:
        """Settings overrides that turn replication on into this bucket."""
        return {
            "replica_url": f"s3://{self.name}/pocketrag",
            "s3_endpoint": self.endpoint,
            "s3_access_key_id": KEY_ID,
            "s3_secret_access_key": SECRET,
        }

    @property
    def env(self) -> dict[str, str]:
        """The same, as the environment a deployment would set."""
        return {
            "POCKETRAG_REPLICA_URL": f"s3://{self.name}/pocketrag",
            "POCKETRAG_S3_ENDPOINT": self.endpoint,
            "AWS_ACCESS_KEY_ID": KEY_ID,
            "AWS_SECRET_ACCESS_KEY": SECRET,
            "AWS_REGION": "us-east-1",
        }

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=KEY_ID,
            aws_secret_access_key=SECRET,
            region_name="us-east-1",
        )

    def keys(self, prefix: str = "") -> list[str]:
        listing = self.client().list_objects_v2(Bucket=self.name, Prefix=prefix)
        return [o["Key"] for o in listing.get("Contents", [])]


@pytest.fixture
def s3_bucket(s3_server: str) -> Bucket:
    """A new, empty bucket on the session's moto server."""
    bucket = Bucket(s3_server, "t-" + secrets.token_hex(6))
    bucket.client().create_bucket(Bucket=bucket.name)
    return bucket
