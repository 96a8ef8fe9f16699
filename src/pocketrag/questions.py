"""The questions log: what colleagues asked, whether the documents answered, and their
thumbs up/down, so the people who run pocketrag see which policies are missing.

Entries live in the index database itself (the `questions` table, behind the Store
protocol): one file to back up on SQLite, shared by every replica on PostgreSQL. Recording
never fails an ask: an index opened read-only, or a write that fails, just leaves the entry
out (and says so once in the process log, without the question's text).
"""

from __future__ import annotations

import logging
import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

log = logging.getLogger("pocketrag.questions")

OUTCOMES = ("answered", "hedged", "not_found")
CHANNELS = ("api", "stream", "openai", "cli")
MAX_SOURCES = 5
MAX_QUESTION_CHARS = 4000
PRUNE_EVERY_S = 3600.0


def now_iso() -> str:
    """UTC timestamps as fixed-width text: they sort (and compare) as text in both stores."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def days_ago_iso(days: float) -> str:
    return (datetime.now(timezone.utc) - timedelta(days=days)).isoformat(timespec="milliseconds")


def question_key(question: str) -> str:
    """What makes two questions "the same" for counting: case, spacing and the closing
    punctuation do not ("How many days?" and "how many  days" are one question)."""
    return re.sub(r"\s+", " ", question).strip().rstrip("?!. ").casefold()


@dataclass
class QuestionEntry:
    """One ask as recorded: the question as typed, what came of it, and where from."""

    id: str
    asked_at: str
    question: str
    outcome: str  # answered | hedged | not_found
    mode: str  # llm | extractive
    latency_ms: float
    channel: str  # api | stream | openai | cli
    collection: str | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    feedback: int | None = None  # 1 thumbs up, -1 thumbs down

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _source_summary(item: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "title": item.get("title") or "",
        "source": item.get("source") or "",
        "heading": item.get("heading") or "",
        "page": item.get("page_start"),
    }


def entry_from_answer(
    question: str, payload: Mapping[str, Any], *, collection: str | None, channel: str
) -> QuestionEntry:
    """An entry from an answer's JSON (Answer.to_json()): its cited sources, or for a
    refusal the closest ones, which tell the admin where the documents came nearest."""
    items = payload.get("citations") or payload.get("closest_sources") or []
    outcome = str(payload.get("outcome") or ("not_found" if payload.get("refused") else ""))
    return QuestionEntry(
        id=secrets.token_hex(12),
        asked_at=now_iso(),
        question=question[:MAX_QUESTION_CHARS],
        outcome=outcome if outcome in OUTCOMES else "answered",
        mode=str(payload.get("mode") or "unknown"),
        latency_ms=round(float((payload.get("timings_ms") or {}).get("total", 0.0)), 1),
        channel=channel,
        collection=collection,
        sources=[_source_summary(item) for item in items[:MAX_SOURCES]],
    )


@dataclass
class QuestionGroup:
    """The entries of one question (by question_key) in the report's period."""

    question: str  # one of its wordings, as asked
    asked: int
    answered: int
    hedged: int
    not_found: int
    thumbs_up: int
    thumbs_down: int
    last_asked: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class QuestionReport:
    since: str
    totals: dict[str, int]
    most_asked: list[QuestionGroup]
    unanswered: list[QuestionGroup]  # not found or hedged, most asked first
    negative: list[QuestionEntry]  # thumbs down, newest first
    recent: list[QuestionEntry]

    def to_json(self) -> dict[str, Any]:
        return {
            "since": self.since,
            "totals": self.totals,
            "most_asked": [g.to_json() for g in self.most_asked],
            "unanswered": [g.to_json() for g in self.unanswered],
            "negative_feedback": [e.to_json() for e in self.negative],
            "recent": [e.to_json() for e in self.recent],
        }


class QuestionLog:
    """Records asks into the store, takes feedback, and prunes past the retention period.

    `store` is a callable returning the (lazily opened) store, so the log never opens the
    index before the first question does.
    """

    def __init__(self, store: Callable[[], Any], *, enabled: bool, retention_days: int) -> None:
        self._store = store
        self.enabled = enabled
        self.retention_days = retention_days
        self._last_prune = 0.0
        self._warned = False
        self._lock = threading.Lock()

    def writable(self) -> bool:
        return self.enabled and not getattr(self._store(), "read_only", False)

    def record(
        self,
        question: str,
        payload: Mapping[str, Any],
        *,
        collection: str | None,
        channel: str,
    ) -> str | None:
        """The new entry's id (for feedback), or None when nothing was recorded."""
        if not self.enabled:
            return None
        try:
            store = self._store()
            if store.read_only:
                self._warn_once("the index is open read-only: questions are not recorded")
                return None
            entry = entry_from_answer(question, payload, collection=collection, channel=channel)
            store.log_question(entry)
            self._prune(store)
            return entry.id
        except Exception as exc:  # the answer matters more than its log entry
            self._warn_once(f"recording a question failed ({type(exc).__name__}: {exc})")
            return None

    def feedback(self, entry_id: str, rating: int) -> bool:
        """Thumbs up (1) or down (-1) on an entry; False when there is no such entry."""
        if rating not in (1, -1):
            raise ValueError("rating must be 1 (up) or -1 (down)")
        return bool(self._store().set_question_feedback(entry_id, rating, now_iso()))

    def report(self, days: float = 30, limit: int = 20) -> QuestionReport:
        return self._store().question_report(days_ago_iso(days), limit)

    def _prune(self, store: Any) -> None:
        if self.retention_days <= 0:
            return
        with self._lock:
            if time.monotonic() - self._last_prune < PRUNE_EVERY_S and self._last_prune:
                return
            self._last_prune = time.monotonic()
        store.prune_questions(days_ago_iso(self.retention_days))

    def _warn_once(self, message: str) -> None:
        if not self._warned:
            self._warned = True
            log.warning("questions log: %s", message)


def group_from_row(row: Sequence[Any]) -> QuestionGroup:
    question, asked, answered, hedged, not_found, up, down, last = row
    return QuestionGroup(
        question=str(question),
        asked=int(asked),
        answered=int(answered or 0),
        hedged=int(hedged or 0),
        not_found=int(not_found or 0),
        thumbs_up=int(up or 0),
        thumbs_down=int(down or 0),
        last_asked=str(last),
    )
