"""A circuit breaker for the LLM provider: stop calling a provider that keeps failing.

While open, answers go extractive at once instead of waiting out timeouts and retries on
every question; after a cooldown one probe call is let through to see if it recovered.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger("pocketrag.llm")


class CircuitBreaker:
    """Closed -> open after `threshold` consecutive failures -> one probe after `cooldown`.

    A successful probe closes it; a failed probe re-opens it for another cooldown.
    """

    def __init__(
        self, threshold: int, cooldown_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.threshold = threshold
        self.cooldown_s = cooldown_s
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._probing = False

    @property
    def state(self) -> str:
        with self._lock:
            if self._opened_at is None:
                return "closed"
            if self._probing or self._clock() - self._opened_at >= self.cooldown_s:
                return "half-open"
            return "open"

    def allow(self) -> bool:
        """May a call go out now? In half-open state only one probe is let through."""
        with self._lock:
            if self._opened_at is None:
                return True
            if self._probing or self._clock() - self._opened_at < self.cooldown_s:
                return False
            self._probing = True
            return True

    def record_success(self) -> None:
        with self._lock:
            if self._opened_at is not None:
                log.info("LLM circuit breaker closed")
            self._failures, self._opened_at, self._probing = 0, None, False

    def record_failure(self) -> None:
        with self._lock:
            self._failures += 1
            if self._probing or self._failures >= self.threshold:
                if self._opened_at is None or self._probing:
                    log.warning("LLM circuit breaker opened after %d failures", self._failures)
                self._opened_at, self._probing = self._clock(), False
