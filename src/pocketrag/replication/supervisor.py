"""Litestream as a supervised child of the server: started after the restore, restarted
with backoff when it exits, killed with its parent (PR_SET_PDEATHSIG), its state and lag
read from its control socket for /ready (the package docstring says why a child and not
`litestream replicate -exec`).
"""

from __future__ import annotations

import ctypes
import http.client
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pocketrag.config import Settings
from pocketrag.documents import PocketragError
from pocketrag.replication.target import (
    ReplicaTarget,
    ReplicationError,
    child_env,
    litestream_binary,
    restore_index,
    scrub,
    secrets_of,
    write_config,
)

log = logging.getLogger("pocketrag.replication")
_RESTART_BACKOFF_S = (1, 2, 5, 10, 30, 60)
_STOP_TIMEOUT_S = 10
_CHECK_EVERY_S = 5.0


def _die_with_parent() -> None:
    """preexec_fn: the kernel sends SIGTERM to Litestream when its parent thread dies."""
    _LIBC.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(0)


_LIBC = ctypes.CDLL(None) if sys.platform.startswith("linux") else None


class _UnixHTTPConnection(http.client.HTTPConnection):
    """HTTP over Litestream's control socket with the standard library: an httpx client per
    check builds a TLS context it never uses (measured: +3.9 MB over 50 checks)."""

    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("litestream", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self._path)


def _parse_time(value: str | None) -> datetime | None:
    """Go's RFC 3339 with nanoseconds -> datetime (Python reads at most microseconds)."""
    if not value:
        return None
    head, _, rest = value.partition(".")
    if rest:
        digits = "".join(ch for ch in rest if ch.isdigit())
        zone = rest[len(digits) :]
        value = f"{head}.{digits[:6]}{zone}"
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _process_memory_mb(pid: int) -> dict[str, float]:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    out = {}
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out["rss_mb" if key == "VmRSS" else "peak_mb"] = round(int(value.split()[0]) / 1024, 1)
    return out


class Replicator:
    """Restore on start, then Litestream as a supervised child; `status()` feeds /ready.

    A read-only server only restores: it must never write to the bucket it reads from.
    """

    def __init__(
        self,
        settings: Settings,
        target: ReplicaTarget,
        probe: Callable[[], str | None] | None = None,
    ) -> None:
        self.settings = settings
        self.target = target
        # Litestream retries a failing bucket silently; when syncs stop, `probe` asks the
        # bucket itself what is wrong (unreachable, credentials refused, no such bucket).
        self.probe = probe
        self.problem: str | None = None
        self.restored = threading.Event()
        self.state = "idle"
        self.restore_result: str | None = None
        self.error: str | None = None
        self.restarts = 0
        self._secrets = secrets_of(settings)
        self._stop = threading.Event()
        self._process: subprocess.Popen[str] | None = None
        self._child_started = datetime.now(timezone.utc)
        self._thread: threading.Thread | None = None
        self._socket_dir = Path(tempfile.mkdtemp(prefix="pocketrag-ls-"))
        self.socket_path = self._socket_dir / "control.sock"

    @classmethod
    def from_settings(
        cls, settings: Settings, probe: Callable[[], str | None] | None = None
    ) -> Replicator | None:
        target = ReplicaTarget.from_settings(settings)
        if target is None:
            return None
        if settings.database_url:
            raise ReplicationError(
                "POCKETRAG_REPLICA_URL replicates the SQLite index; with "
                "POCKETRAG_DATABASE_URL the index lives in PostgreSQL: unset one of them."
            )
        return cls(settings, target, probe)

    # --- lifecycle ----------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="pocketrag-replica", daemon=True)
        self._thread.start()

    def wait_restored(self, timeout: float | None = None) -> bool:
        return self.restored.wait(
            self.settings.replica_restore_timeout_s + 5 if timeout is None else timeout
        )

    def stop(self) -> None:
        self._stop.set()
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()  # Litestream syncs what it has and exits
            try:
                process.wait(_STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
        if self._thread is not None:
            self._thread.join(_STOP_TIMEOUT_S)
        shutil.rmtree(self._socket_dir, ignore_errors=True)
        self.state = "stopped"

    def _run(self) -> None:
        self.state = "restoring"
        try:
            self.restore_result = restore_index(self.settings, self.target, self.probe)
            log.info("replica %s: index %s", self.target.describe(), self.restore_result)
        except PocketragError as exc:
            self._fail("restore_failed", str(exc))
            # Replicating a fresh, empty index over the bucket's history could make the
            # next restore return an empty index: better to serve without replication and
            # say so (/ready) until the bucket can be read again (restart the service).
            self.restored.set()
            return
        self.restored.set()
        if self.settings.read_only:
            self.state = "restored_read_only"
            return
        self._supervise()

    def _fail(self, state: str, message: str) -> None:
        self.state, self.error = state, scrub(message, self._secrets)
        log.error("replica %s: %s", self.target.describe(), self.error)

    def _supervise(self) -> None:
        # Litestream watches an existing database; the server creates it on first open.
        while not self.settings.sqlite_path.exists():
            if self._stop.wait(0.2):
                return
        while not self._stop.is_set():
            try:
                self._run_child()
            except (OSError, PocketragError) as exc:
                self._fail("failed", f"cannot start litestream: {exc}")
            if self._stop.is_set():
                return
            delay = _RESTART_BACKOFF_S[min(self.restarts, len(_RESTART_BACKOFF_S) - 1)]
            self.restarts += 1
            self._stop.wait(delay)

    def _run_child(self) -> None:
        config = write_config(self.settings, self.target, self.socket_path)
        command = [litestream_binary(self.settings), "replicate", "-config", str(config)]
        self._process = subprocess.Popen(
            command,
            env=child_env(self.settings, self.target),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            errors="replace",
            preexec_fn=_die_with_parent if _LIBC is not None else None,
        )
        self.state = "replicating"
        self._child_started = datetime.now(timezone.utc)
        reader = threading.Thread(
            target=self._read_log, args=(self._process.stdout,), name="litestream-log", daemon=True
        )
        reader.start()
        while self._process.poll() is None and not self._stop.wait(_CHECK_EVERY_S):
            self._check_lag()
        code = self._process.wait()
        reader.join(1)
        if not self._stop.is_set():
            self._fail("failed", f"litestream exited with code {code}: {self.error or ''}")

    def _read_log(self, stream: Any) -> None:
        for line in stream:
            self._on_log_line(line.rstrip())

    def _check_lag(self) -> None:
        """Log once when syncs stop (with the bucket's own reason) and once on recovery."""
        status = self.status()
        if status.get("ok"):
            if self.problem is not None:
                log.warning("replica %s: syncing again", self.target.describe())
            self.problem = None
            return
        if self.problem is not None or "lag_s" not in status:
            return
        reason = self.probe() if self.probe is not None else None
        self.problem = scrub(
            f"no sync to the bucket for {status['lag_s']:.0f}s"
            + (f": {reason}" if reason else " (is the bucket reachable?)"),
            self._secrets,
        )[:600]
        log.error(
            "replica %s: %s; questions are still answered, new documents are only on this "
            "disk until the bucket is reachable again",
            self.target.describe(),
            self.problem,
        )

    def _on_log_line(self, line: str) -> None:
        """Forward Litestream's log; remember the last error for /ready (bounded: one)."""
        line = scrub(line, self._secrets)
        if "level=ERROR" in line or "level=WARN" in line or line.startswith("Error"):
            self.error = line[-500:]
            log.warning("litestream: %s", line)
        else:
            log.debug("litestream: %s", line)

    # --- state for /ready ---------------------------------------------------------------

    def _socket_status(self) -> dict[str, Any] | None:
        if not self.socket_path.exists():
            return None
        connection = _UnixHTTPConnection(str(self.socket_path), timeout=1.0)
        try:
            connection.request("GET", "/list")
            body = json.loads(connection.getresponse().read())
        except (OSError, ValueError, http.client.HTTPException):
            return None
        finally:
            connection.close()
        for db in body.get("databases") or []:
            return db
        return None

    def status(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "enabled": True,
            "target": self.target.describe(),
            "state": self.state,
            "restore": self.restore_result,
            "restarts": self.restarts,
        }
        process = self._process
        if self.state == "replicating" and process is not None and process.poll() is None:
            out["pid"] = process.pid
            out["litestream_memory"] = _process_memory_mb(process.pid)
            db = self._socket_status()
            synced = _parse_time(db.get("last_sync_at")) if db else None
            out["last_sync_at"] = synced.isoformat(timespec="seconds") if synced else None
            # Lag: since the last sync, or since Litestream started when it never synced.
            lag = (datetime.now(timezone.utc) - (synced or self._child_started)).total_seconds()
            out["lag_s"] = round(max(0.0, lag), 1)
            # Litestream syncs every interval even with nothing new: a sync older than a few
            # intervals means the bucket is not being reached.
            out["ok"] = synced is not None and lag <= max(
                5.0, 5 * self.settings.replica_sync_interval_s
            )
        else:
            out["ok"] = self.state == "restored_read_only"
        error = self.problem or self.error
        if error and not out["ok"]:
            out["error"] = error
        return out


def restore_before_writing(settings: Settings) -> str | None:
    """For the CLI's `ingest` with replication on: an index created here while the bucket
    holds another would start a second history over the first, so restore it first (and
    fail, saying why, when the bucket cannot be read). None when replication is off."""
    target = ReplicaTarget.from_settings(settings)
    if target is None or settings.database_url:
        return None
    from pocketrag.bucket import BucketFiles

    return restore_index(settings, target, BucketFiles(settings, target).probe)


def wait_for_index(replicator: Replicator | None) -> None:
    """Called before the server opens the index: a missing index is restored first."""
    if replicator is not None and not replicator.wait_restored():
        log.error("replica restore still running; opening the local index meanwhile")
