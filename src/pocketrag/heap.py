"""glibc's heap, tuned from Python: cap the malloc arenas, hand freed pages back to the OS.

Apart from observability.py (metrics) so that the parse worker, which trims its heap while it
reads a scan (loaders/ocr.py), does not import prometheus_client for it (+10 MB measured).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading

_libc: ctypes.CDLL | None = None
_libc_lock = threading.Lock()
_M_ARENA_MAX = -8  # glibc's mallopt parameter number


def _glibc() -> ctypes.CDLL | None:
    global _libc
    with _libc_lock:
        if _libc is None:
            name = ctypes.util.find_library("c")
            try:
                _libc = ctypes.CDLL(name) if name else ctypes.CDLL(None)
            except OSError:
                return None
    return _libc


def limit_malloc_arenas(arenas: int = 2) -> bool:
    """Cap glibc's malloc arenas (like MALLOC_ARENA_MAX) before worker threads start.

    glibc gives busy threads their own heaps, up to eight per core; each keeps the memory
    its thread freed, so a threaded server's RSS ratchets up by tens of MB. Two arenas
    measured ~180 MB lower peak under 20 concurrent asks (docs/BENCHMARKS.md, "Serving").
    """
    libc = _glibc()
    mallopt = getattr(libc, "mallopt", None) if libc is not None else None
    return bool(mallopt(_M_ARENA_MAX, arenas)) if mallopt is not None else False


def trim_memory() -> None:
    """glibc's malloc_trim(0): hand freed heap pages back to the OS (no-op elsewhere).

    ONNX Runtime allocates and frees activations per operator; glibc keeps the freed
    chunks, so without a trim RSS stays at the high-water mark of the biggest batch.
    """
    libc = _glibc()
    trim = getattr(libc, "malloc_trim", None) if libc is not None else None
    if trim is not None:
        trim(0)


def release_memory() -> None:
    """A full gc, then malloc_trim: what the process can give back under pressure."""
    gc.collect()
    trim_memory()
