"""Memory sampling and Prometheus metrics, shared by the API, the LLM client and ingest.

Memory is read from /proc/self/status (VmRSS, VmHWM): it costs microseconds, needs no extra
package, and VmHWM is the kernel's own peak, so a short spike between samples is not missed.
The metrics live in prometheus-client's default registry, so the LLM client and the ingest
code can count into them without knowing about the web app.
"""

from __future__ import annotations

import threading
from collections import deque

from prometheus_client import Counter, Gauge, Histogram

_MB = 1024 * 1024


def memory_mb() -> dict[str, float]:
    """{"rss_mb", "peak_mb"} of this process; zeros where /proc is unavailable."""
    values = {"rss_mb": 0.0, "peak_mb": 0.0}
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    values["rss_mb"] = int(line.split()[1]) / 1024
                elif line.startswith("VmHWM:"):
                    values["peak_mb"] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return values


class LatencyWindow:
    """The last N request durations, for /ready's mean and p95 (metrics keep the histogram)."""

    def __init__(self, size: int = 2000) -> None:
        self._values: deque[float] = deque(maxlen=size)
        self._lock = threading.Lock()

    def add(self, seconds: float) -> None:
        with self._lock:
            self._values.append(seconds)

    def summary_ms(self) -> dict[str, float | int | None]:
        with self._lock:
            values = sorted(self._values)
        if not values:
            return {"count": 0, "mean_ms": None, "p95_ms": None}
        p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
        return {
            "count": len(values),
            "mean_ms": round(1000 * sum(values) / len(values), 2),
            "p95_ms": round(1000 * p95, 2),
        }


# --- metrics (prometheus-client default registry) --------------------------------------

HTTP_REQUESTS = Counter(
    "pocketrag_http_requests_total",
    "HTTP requests by route and status",
    ["method", "route", "status"],
)
HTTP_LATENCY = Histogram(
    "pocketrag_http_request_duration_seconds",
    "HTTP request duration by route (streamed responses: until the last byte)",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
ASKS_IN_FLIGHT = Gauge("pocketrag_asks_in_flight", "Asks and searches running now")
ASKS_WAITING = Gauge("pocketrag_asks_waiting", "Asks and searches waiting for a slot")
REJECTED = Counter(
    "pocketrag_rejected_total", "Requests refused by a protection", ["reason"]
)  # reason: queue_full, queue_timeout, memory, rate_limit, too_large
ANSWERS = Counter("pocketrag_answers_total", "Answers by mode", ["mode"])
LLM_CALLS = Counter("pocketrag_llm_calls_total", "Calls to the LLM provider")
LLM_FAILURES = Counter("pocketrag_llm_failures_total", "Failed calls to the LLM provider")
LLM_BREAKER_OPEN = Gauge(
    "pocketrag_llm_breaker_state", "LLM circuit breaker: 0 closed, 1 half-open, 2 open"
)
INGEST_FILES = Counter(
    "pocketrag_ingest_files_total", "Ingested files by result", ["result"]
)  # result: added, updated, unchanged, failed
INGEST_JOBS = Counter("pocketrag_ingest_jobs_total", "Upload jobs by final state", ["state"])
RSS_BYTES = Gauge("pocketrag_rss_bytes", "Resident memory of this process")
PEAK_RSS_BYTES = Gauge("pocketrag_peak_rss_bytes", "Peak resident memory of this process")


RSS_BYTES.set_function(lambda: memory_mb()["rss_mb"] * _MB)
PEAK_RSS_BYTES.set_function(lambda: memory_mb()["peak_mb"] * _MB)

BREAKER_STATES = {"closed": 0, "half_open": 1, "half-open": 1, "open": 2}


def instrument_llm_breaker(breaker: object) -> None:
    """Count LLM calls and failures, and track the breaker state, from the outside.

    Every LLM attempt ends in the client's breaker.record_success() or record_failure(),
    so wrapping those two methods (once per breaker instance) counts each call without the
    generation code knowing about metrics.
    """
    if getattr(breaker, "_pocketrag_instrumented", False):
        return
    success, failure = breaker.record_success, breaker.record_failure  # type: ignore[attr-defined]

    def record_success() -> None:
        success()
        LLM_CALLS.inc()
        LLM_BREAKER_OPEN.set(BREAKER_STATES.get(breaker.state, 0))  # type: ignore[attr-defined]

    def record_failure() -> None:
        failure()
        LLM_CALLS.inc()
        LLM_FAILURES.inc()
        LLM_BREAKER_OPEN.set(BREAKER_STATES.get(breaker.state, 0))  # type: ignore[attr-defined]

    breaker.record_success = record_success  # type: ignore[attr-defined]
    breaker.record_failure = record_failure  # type: ignore[attr-defined]
    breaker._pocketrag_instrumented = True  # type: ignore[attr-defined]
