"""Crash-safe files for the model cache: atomic writes, completion markers, one builder at a time.

A prepare can be killed at any moment (OOM killer, Ctrl-C, a container restart). Every file
is written under a temporary name and renamed into place only when complete, and a marker
naming its size and hash is written last; a file without a matching marker is never loaded,
so a half-built model is rebuilt instead of being served.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

TMP_PREFIX = ".tmp-"
MARKER_SUFFIX = ".complete"


def sha256_file(path: Path) -> str:
    """Hash the bytes in 1 MB blocks: content identity without reading a file into memory.

    The one content hash: the model cache's markers and ingest's "unchanged file" check."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # some filesystems refuse to fsync a directory
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def temp_path(final: Path) -> Path:
    """A unique temporary name beside `final` (same filesystem, so the rename is atomic)."""
    fd, name = tempfile.mkstemp(prefix=f"{TMP_PREFIX}{final.name}-", dir=final.parent)
    os.fchmod(fd, 0o644)  # mkstemp's 0600 would hide a shared cache from other users
    os.close(fd)
    return Path(name)


def commit(tmp: Path, final: Path) -> None:
    """Flush `tmp` to disk and rename it to `final` in one step."""
    with tmp.open("rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, final)
    _fsync_dir(final.parent)


def write_atomic(final: Path, write: Callable[[Path], None]) -> None:
    """Run `write(tmp_path)`, then move the result to `final`; on error leave nothing behind."""
    tmp = temp_path(final)
    try:
        write(tmp)
        commit(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_atomic(final: Path, data: bytes) -> None:
    write_atomic(final, lambda tmp: tmp.write_bytes(data))


def remove_leftovers(folder: Path) -> None:
    """Delete temporary files and folders a killed run left behind (call under the lock)."""
    if not folder.is_dir():
        return
    for item in folder.iterdir():
        if item.name.startswith(TMP_PREFIX):
            if item.is_dir():
                shutil.rmtree(item, ignore_errors=True)
            else:
                item.unlink(missing_ok=True)


def marker_path(file: Path) -> Path:
    return file.with_name(file.name + MARKER_SUFFIX)


def mark_complete(file: Path) -> None:
    """Record `file` as finished: written last, so its presence proves the file is whole."""
    info = {"size": file.stat().st_size, "sha256": sha256_file(file)}
    write_bytes_atomic(marker_path(file), json.dumps(info).encode())


def is_complete(file: Path, check_hash: bool = True) -> bool:
    """True only if `file` exists and matches the marker written after it was finished."""
    try:
        info = json.loads(marker_path(file).read_text())
        if file.stat().st_size != info["size"]:
            return False
        return not check_hash or sha256_file(file) == info["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return False


@contextlib.contextmanager
def exclusive(
    lock_file: Path, on_wait: Callable[[], None] | None = None, blocking: bool = True
) -> Iterator[None]:
    """Hold an exclusive lock so two processes never build the same model at once.

    flock is released by the kernel when the holder dies, so a killed prepare never
    leaves a stale lock behind. With blocking=False, raises BlockingIOError if held.
    """
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with lock_file.open("a") as f:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not blocking:
                raise
            if on_wait:
                on_wait()
            fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)
