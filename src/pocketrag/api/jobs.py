"""Background ingest jobs for uploads: ids, states, progress and the reason for a failure.

One worker thread runs the jobs in arrival order. Ingest is the most memory-hungry thing
the service does (parsing, a batch of embeddings), so running one at a time keeps the peak
bounded; it also makes two uploads of the same file deterministic: the second finds the
document already stored with the same hash and ends "unchanged" -- one document, not two.
"""

from __future__ import annotations

import logging
import queue
import shutil
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pocketrag.heap import release_memory
from pocketrag.observability import INGEST_FILES, INGEST_JOBS

log = logging.getLogger("pocketrag.api.jobs")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Job:
    id: str
    filename: str
    collection: str
    size_bytes: int
    path: Path
    replace: bool = False  # replace a different file stored under the same name
    source: str | None = None  # the name it is stored under, once known
    state: str = "queued"
    progress: dict[str, Any] = field(default_factory=lambda: {"stage": "queued", "fraction": 0})
    result: str | None = None
    document_id: str | None = None
    error: str | None = None
    created_at: str = field(default_factory=_now)
    finished_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "state": self.state,
            "filename": self.filename,
            "collection": self.collection,
            "replace": self.replace,
            "source": self.source,
            "size_bytes": self.size_bytes,
            "progress": dict(self.progress),
            "result": self.result,
            "document_id": self.document_id,
            "error": self.error,
            "created_at": self.created_at,
            "finished_at": self.finished_at,
        }


IngestFn = Callable[[Job, Callable[..., None]], tuple[str, str | None]]


class JobManager:
    """Queue + one worker thread. `ingest(job, on_progress)` does the work and returns
    (result, document_id); any PocketragError it raises becomes the job's error."""

    def __init__(self, staging_dir: Path, ingest: IngestFn, keep: int = 500) -> None:
        self.staging_dir = staging_dir
        self._ingest = ingest
        self._keep = keep
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._worker: threading.Thread | None = None

    def new_job_dir(self) -> tuple[str, Path]:
        job_id = uuid.uuid4().hex[:16]
        return job_id, self.staging_dir / job_id

    def submit(self, job: Job) -> Job:
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > self._keep:
                oldest = next(iter(self._jobs.values()))
                if oldest.state in ("queued", "running"):
                    break
                self._jobs.popitem(last=False)
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(
                    target=self._run, name="pocketrag-ingest", daemon=True
                )
                self._worker.start()
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def recent(self, limit: int = 50) -> list[Job]:
        with self._lock:
            return list(self._jobs.values())[-limit:][::-1]

    def pending(self) -> int:
        with self._lock:
            return sum(j.state in ("queued", "running") for j in self._jobs.values())

    def stop(self, timeout: float = 5.0) -> None:
        self._queue.put(None)
        if self._worker is not None:
            self._worker.join(timeout)

    def clean_staging(self) -> None:
        """Remove uploads a previous process left half-done."""
        if self.staging_dir.is_dir():
            shutil.rmtree(self.staging_dir, ignore_errors=True)

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            self._run_one(job)

    def _run_one(self, job: Job) -> None:
        from pocketrag.documents import PocketragError

        job.state = "running"
        job.progress = {"stage": "reading", "fraction": 0}

        def on_progress(*args: Any, **kwargs: Any) -> None:
            job.progress = _progress_of(args, kwargs, job.progress)

        try:
            job.result, job.document_id = self._ingest(job, on_progress)
            job.state = "succeeded"
            job.progress = {"stage": "done", "fraction": 1}
            INGEST_FILES.labels(job.result).inc()
        except PocketragError as exc:
            job.state, job.error = "failed", str(exc)
            INGEST_FILES.labels("failed").inc()
        except Exception as exc:  # keep the worker alive; say what went wrong
            log.exception("ingest job %s failed", job.id)
            job.state, job.error = "failed", f"Unexpected error: {type(exc).__name__}: {exc}"
            INGEST_FILES.labels("failed").inc()
        finally:
            job.finished_at = _now()
            INGEST_JOBS.labels(job.state).inc()
            shutil.rmtree(job.path.parent, ignore_errors=True)
            release_memory()  # parsing and embedding leave freed arenas behind


def _progress_of(args: tuple, kwargs: dict, previous: dict[str, Any]) -> dict[str, Any]:
    """Normalise whatever the pipeline reports into {"stage", "done", "total", "fraction"}."""
    progress = dict(previous)
    event = args[0] if len(args) == 1 and not isinstance(args[0], (int, float)) else None
    if event is not None:
        if isinstance(event, dict):
            values = event
        else:
            values = {k: getattr(event, k) for k in dir(event) if not k.startswith("_")}
            values = {k: v for k, v in values.items() if not callable(v)}
        kwargs = {**values, **kwargs}
    elif len(args) >= 2 and all(isinstance(a, (int, float)) for a in args[:2]):
        kwargs = {"done": args[0], "total": args[1], **kwargs}
    for key in ("stage", "done", "total"):
        if key in kwargs and isinstance(kwargs[key], (str, int, float)):
            progress[key] = kwargs[key]
    done, total = progress.get("done"), progress.get("total")
    if isinstance(done, (int, float)) and isinstance(total, (int, float)) and total > 0:
        progress["fraction"] = round(min(1.0, done / total), 3)
    return progress
