"""Parse untrusted files in a separate, bounded process (DESIGN decision 8).

A hostile file can make a parser take gigabytes (a PDF whose 1 MB stream inflates to 1 GB)
or minutes (regexes, HTML parsers with quadratic corners), and in-process that stalls or
kills the whole service. So loading and chunking run in a child process under hard limits:
address space (RLIMIT_AS), CPU time (RLIMIT_CPU, renewed per file), wall time (the parent
kills it), and output size (blocks and chunks per document, besides the loaders' own
bounds). A crossed limit ends that file with a reason naming the setting; the next file
gets a fresh worker.

The worker is one long-lived `python -m pocketrag.parse_worker` started on first use and
reused, speaking length-prefixed JSON frames over its stdin/stdout. JSON, not pickle: the
worker runs C parsers on hostile bytes, and whatever it sends back must stay data in the
parent, never code. It never imports ONNX Runtime, the model or pydantic, so it stays
small beside the ingest process.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pocketrag.documents import Chunk, Document, LoaderError, PocketragError
from pocketrag.settings_views import LoaderLimits

if TYPE_CHECKING:
    from pocketrag.config import Settings

_HEADER = struct.Struct("!Q")
# A reply bigger than this is refused before it is read: 10,000 chunks of 200 tokens, text
# and embedded text, take ~25 MB of JSON.
_MAX_FRAME = 64 * 1024 * 1024


class ReplyTooLargeError(ValueError):
    """The worker's reply is over _MAX_FRAME bytes."""


@dataclass(frozen=True)
class ParseLimits:
    """Everything the worker needs, as plain values (it does not load Settings): the
    loaders' own view (`loader`, what the in-process path passes too), the chunker's
    settings and the worker's bounds."""

    tokenizer_path: str
    chunk_tokens: int
    chunk_overlap_sentences: int
    loader: LoaderLimits
    # the worker's bounds
    memory_mb: int
    cpu_seconds: float
    timeout_s: float
    max_blocks: int
    max_chunks: int

    @classmethod
    def from_settings(cls, settings: Settings, tokenizer_path: Path | str) -> ParseLimits:
        # the worker reads one page at a time; each OCR thread reserves memory
        loader = replace(LoaderLimits.from_settings(settings), ort_threads=1)
        return cls(
            tokenizer_path=str(tokenizer_path),
            chunk_tokens=settings.chunk_tokens,
            chunk_overlap_sentences=settings.chunk_overlap_sentences,
            loader=loader,
            memory_mb=settings.parse_memory_mb,
            cpu_seconds=settings.parse_cpu_seconds,
            timeout_s=settings.parse_timeout_s,
            max_blocks=settings.parse_max_blocks,
            max_chunks=settings.parse_max_chunks,
        )

    @classmethod
    def from_json(cls, values: dict[str, Any]) -> ParseLimits:
        """The limits from the frame the parent sent (`asdict`, nested views as dicts)."""
        return cls(**{**values, "loader": LoaderLimits(**values["loader"])})


class ParseWorker:
    """The parent's handle: `parse(path)` -> (Document without blocks, chunks), or a
    PocketragError whose message says which limit a file crossed. Thread-safe (one file
    at a time); the child starts on first use and again after it was killed."""

    def __init__(self, limits: ParseLimits) -> None:
        self.limits = limits
        self._proc: subprocess.Popen[bytes] | None = None
        self._submitted: float | None = None  # when the file in the worker was handed over
        self._lock = threading.RLock()

    def start(self) -> None:
        """Start the child now (it imports its parsers while the caller loads the model);
        returns at once."""
        with self._lock, contextlib.suppress(OSError):  # parse() reports a failed start
            self._running()

    def _running(self) -> subprocess.Popen[bytes]:
        return self._proc if self._proc and self._proc.poll() is None else self._start()

    def parse(self, path: Path, password: str | None = None) -> tuple[Document, list[Chunk]]:
        with self._lock:
            self.submit(path, password)
            return self.collect()

    def submit(self, path: Path, password: str | None = None) -> None:
        """Hand the worker one file and return at once, so that it parses while the caller
        embeds the previous one; `collect()` takes the result. One file at a time."""
        with self._lock:
            if self._submitted is not None:
                raise RuntimeError("collect() the previous file first")
            self._submitted = time.monotonic()
            with contextlib.suppress(OSError):  # collect() finds the worker gone, says why
                _write_frame(self._running().stdin, (str(path), password))

    def collect(self) -> tuple[Document, list[Chunk]]:
        """The submitted file's (document, chunks), or LoaderError with the reason."""
        with self._lock:
            if self._submitted is None:
                raise RuntimeError("submit() a file first")
            deadline, self._submitted = self._submitted + self.limits.timeout_s, None
            try:
                reply = _read_frame(self._proc.stdout, deadline)  # type: ignore[union-attr]
            except TimeoutError:
                self._stop(kill=True)
                raise LoaderError(
                    f"parsing took longer than {self.limits.timeout_s:g} s and was stopped "
                    "(POCKETRAG_PARSE_TIMEOUT_S)"
                ) from None
            except ReplyTooLargeError:
                self._stop(kill=True)
                raise LoaderError(
                    f"the parsed document is over {_MAX_FRAME // (1024 * 1024)} MB; lower "
                    "POCKETRAG_PARSE_MAX_CHUNKS or split the file"
                ) from None
            except (OSError, EOFError, ValueError, AttributeError):
                raise LoaderError(self._death_reason()) from None
            if reply[0] == "memory":
                self._stop(kill=True)  # a heap that ran out may be in any state: start afresh
                raise LoaderError(_memory_reason(self.limits))
        if reply[0] == "ok":
            return _document_from_json(reply[1]), [_chunk_from_json(row) for row in reply[2]]
        raise LoaderError(reply[1])

    def close(self) -> None:
        with self._lock:
            self._submitted = None
            self._stop(kill=False)

    def _start(self) -> subprocess.Popen[bytes]:
        self._stop(kill=True)
        package_root = str(Path(__file__).resolve().parents[1])
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p
            ),
            # Few malloc arenas and no tokenizer thread pool: each reserves address space,
            # which RLIMIT_AS counts, and the worker parses one file at a time anyway.
            "MALLOC_ARENA_MAX": "2",
            "TOKENIZERS_PARALLELISM": "false",
            "RAYON_NUM_THREADS": "1",
            # NumPy's OpenBLAS (imported by OCR) reserves a buffer per thread up front
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
        }
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "pocketrag.parse_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            close_fds=True,
        )
        _write_frame(self._proc.stdin, asdict(self.limits))  # type: ignore[arg-type]
        return self._proc

    def _stop(self, kill: bool) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if kill:
            proc.kill()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def _death_reason(self) -> str:
        """Why the child is gone (or talks nonsense), in words; it is then reaped."""
        proc, code = self._proc, None
        if proc is not None:
            try:
                code = proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                code = None  # alive but its reply made no sense: killed below
        self._stop(kill=True)
        if code == -signal.SIGXCPU:
            return (
                f"parsing used more than {self.limits.cpu_seconds:g} s of CPU time and was "
                "stopped (POCKETRAG_PARSE_CPU_SECONDS)"
            )
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            return f"the parser crashed on this file ({name}); {_memory_reason(self.limits)}"
        return f"the parser stopped unexpectedly (exit status {code})"


def _memory_reason(limits: ParseLimits) -> str:
    return (
        f"the file needs more than the parser's {limits.memory_mb} MB memory limit "
        "(POCKETRAG_PARSE_MEMORY_MB) or is malformed"
    )


def _document_json(document: Document) -> dict[str, Any]:
    return {
        "source": document.source,
        "title": document.title,
        "doc_type": document.doc_type,
        "pages": document.pages,
        "metadata": document.metadata,
    }


def _document_from_json(value: dict[str, Any]) -> Document:
    return Document(blocks=[], **value)


def _chunk_json(chunk: Chunk) -> list[Any]:
    return [
        chunk.text,
        chunk.ordinal,
        chunk.page_start,
        chunk.page_end,
        chunk.heading_path,
        chunk.char_start,
        chunk.char_end,
        chunk.embed_text,
    ]


def _chunk_from_json(row: list[Any]) -> Chunk:
    text, ordinal, page_start, page_end, path, start, end, embed_text = row
    return Chunk(text, ordinal, page_start, page_end, tuple(path), start, end, embed_text)


def _write_frame(stream: Any, value: object) -> None:
    data = json.dumps(value, default=str, ensure_ascii=False).encode(errors="replace")
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


# Once a reply's header has come, the rest of its frame may take this long.
REPLY_GRACE_S = 30.0


def _read_exact(fd: int, size: int, deadline: float | None) -> bytes:
    """`size` bytes; TimeoutError when none come by the deadline. Bytes already waiting are
    read whatever the time: the ingest embeds one file while the worker parses the next,
    and may come to a finished reply after its deadline."""
    parts, left = [], size
    while left:
        if deadline is not None:
            wait = max(deadline - time.monotonic(), 0.0)
            if not select.select([fd], [], [], wait)[0]:
                raise TimeoutError
        part = os.read(fd, min(left, 1 << 20))
        if not part:
            raise EOFError
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _read_frame(stream: Any, deadline: float | None = None) -> Any:
    fd = stream.fileno()
    (size,) = _HEADER.unpack(_read_exact(fd, _HEADER.size, deadline))
    if size > _MAX_FRAME:
        raise ReplyTooLargeError(f"frame of {size} bytes")
    if deadline is not None:
        # the file is parsed: the rest of a reply larger than the pipe's buffer comes as
        # fast as it is read, however late the parent came to it
        deadline = max(deadline, time.monotonic() + REPLY_GRACE_S)
    return json.loads(_read_exact(fd, size, deadline))


# --- the child -----------------------------------------------------------------------------


# OCR's ONNX Runtime and OpenCV map far more address space than they touch (they load with
# 512 MB of it, and a page needs more, for ~250 MB resident): while a scan is read the soft
# address-space limit is raised to this hard one (loaders/ocr.allow_ocr_memory), and stays
# there for the worker's life (restarting it after a scan would drop the file parsed ahead).
OCR_ADDRESS_SPACE_MB = 1024


def _set_limits(limits: ParseLimits) -> None:
    memory = limits.memory_mb * 1024 * 1024
    hard = memory if limits.loader.ocr == "off" else max(memory, OCR_ADDRESS_SPACE_MB * 1024 * 1024)
    resource.setrlimit(resource.RLIMIT_AS, (memory, hard))


def _renew_cpu_limit(limits: ParseLimits) -> None:
    """RLIMIT_CPU counts the process's whole life: move the soft limit to now + budget.
    Crossing it sends SIGXCPU, which ends the process (the parent reports it)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(used + limits.cpu_seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (soft if hard < 0 else min(soft, hard), hard))


def _rss_mb() -> float:
    """Resident size now (Linux); 0 elsewhere, where memory is then never trimmed."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except OSError:
        return 0.0


def _release_memory() -> None:
    """Hand freed heap back to the OS, so the idle worker stays small between files. Only
    after a file that grew the heap: gc + malloc_trim cost ~6 ms, more than parsing a
    small file (measured: 300 abstracts 1.95 s with it after every file, 0.27 s without)."""
    from pocketrag.heap import release_memory

    release_memory()


def parse_file(path: Path, password: str | None, limits: ParseLimits, chunker: Any) -> tuple:
    """Load and chunk one file inside the worker; the reply frame."""
    from pocketrag.loaders import load_document

    document = load_document(path, limits.loader, password=password)
    if len(document.blocks) > limits.max_blocks:
        raise LoaderError(
            f"document has {len(document.blocks):,} blocks (paragraphs, rows), over the "
            f"{limits.max_blocks:,} limit (POCKETRAG_PARSE_MAX_BLOCKS)"
        )
    chunks = chunker.run(document, max_chunks=limits.max_chunks)
    # The chunks carry the text: the blocks are not sent.
    return ("ok", _document_json(document), [_chunk_json(chunk) for chunk in chunks])


def main() -> None:
    """The worker's loop: limits first, then one (path, password) per request."""
    reply_fd = os.dup(1)
    os.dup2(2, 1)  # a library that prints must not corrupt the reply stream
    requests, replies = sys.stdin.buffer, os.fdopen(reply_fd, "wb")
    limits = ParseLimits.from_json(_read_frame(requests))
    _set_limits(limits)
    from tokenizers import Tokenizer

    from pocketrag.chunking import Chunker

    tokenizer = Tokenizer.from_file(limits.tokenizer_path)
    tokenizer.no_padding()
    tokenizer.no_truncation()
    chunker = Chunker(tokenizer, limits.chunk_tokens, limits.chunk_overlap_sentences)
    idle_mb = _rss_mb()
    while True:
        try:
            path, password = _read_frame(requests)
        except EOFError:
            return
        _renew_cpu_limit(limits)
        exit_after = False
        try:
            reply: tuple = parse_file(Path(path), password, limits, chunker)
        except MemoryError:
            reply, exit_after = ("memory",), True
        except PocketragError as exc:
            reply = ("error", str(exc))
        except RecursionError:
            reply = ("error", "could not read this file: it is nested too deeply")
        except Exception as exc:  # a broken file must give a reason, never end the loop
            reply = ("error", f"could not read this file: {type(exc).__name__}: {exc}")
        try:
            _write_frame(replies, reply)
        except MemoryError:
            _write_frame(replies, ("memory",))
            exit_after = True
        del reply
        if exit_after:
            return
        if _rss_mb() > idle_mb + 32:
            _release_memory()


if __name__ == "__main__":
    main()
