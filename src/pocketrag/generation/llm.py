"""A small OpenAI-compatible chat-completions client: retries, timeouts, a circuit breaker.

Hand-written over httpx rather than the `openai` SDK: the SDK costs ~40 MB of imports in a
512 MB container and hides the retry/breaker policy we must control (never retry once the
user has seen tokens). Any endpoint that speaks `/chat/completions` works: OpenRouter,
Groq, OpenAI, Ollama, llama.cpp server, vLLM.

The API key is only ever placed in the Authorization header; every message this module
produces passes through `redact()`, so a key echoed back by a provider never leaks.
"""

from __future__ import annotations

import email.utils
import json
import logging
import os
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

import httpx

from pocketrag.documents import PocketragError
from pocketrag.generation.breaker import CircuitBreaker
from pocketrag.settings_views import LLMSettings

log = logging.getLogger("pocketrag.llm")

Message = dict[str, str]


@dataclass(frozen=True)
class Preset:
    base_url: str
    model: str
    needs_key: bool = True


# Default models are free-tier friendly: an OpenRouter ":free" model, a Groq Llama.
PRESETS: dict[str, Preset] = {
    "openrouter": Preset("https://openrouter.ai/api/v1", "meta-llama/llama-3.3-70b-instruct:free"),
    "groq": Preset("https://api.groq.com/openai/v1", "llama-3.1-8b-instant"),
    "openai": Preset("https://api.openai.com/v1", "gpt-4o-mini"),
    "ollama": Preset("http://localhost:11434/v1", "llama3.2", needs_key=False),
}
_KEY_ENV = {"OPENROUTER_API_KEY": "openrouter", "GROQ_API_KEY": "groq", "OPENAI_API_KEY": "openai"}


class LLMError(PocketragError):
    """The LLM call failed; the message is safe to show (no key) and says what to check."""


class LLMUnavailable(LLMError):
    """The circuit breaker is open: the provider failed repeatedly, calls are paused."""


class LLMStreamInterrupted(LLMError):
    """The stream broke after tokens reached the user; `partial` holds what was sent."""

    def __init__(self, message: str, partial: str) -> None:
        super().__init__(message)
        self.partial = partial


class _Retryable(Exception):
    """An attempt failed in a way worth retrying (429, 5xx, timeout, dropped connection)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class LLMConfig:
    provider: str
    base_url: str
    model: str
    api_key: str | None
    # No defaults here: Settings holds them (one place); resolve_llm_config() fills every field.
    max_tokens: int
    connect_timeout: float
    first_token_timeout: float
    total_timeout: float
    retries: int
    backoff_s: float
    breaker_threshold: int
    breaker_cooldown_s: float

    def __repr__(self) -> str:  # never show the key
        return (
            f"LLMConfig(provider={self.provider!r}, base_url={self.base_url!r}, "
            f"model={self.model!r})"
        )


def _provider_from_url(url: str) -> str:
    host = (urlparse(url).hostname or "").lower()
    port = urlparse(url).port
    if host.endswith("openrouter.ai"):
        return "openrouter"
    if host.endswith("groq.com"):
        return "groq"
    if host.endswith("openai.com"):
        return "openai"
    if port == 11434:
        return "ollama"
    return "custom"


def _provider_from_key(key: str) -> str | None:
    """Infer from which variable holds the key, else from the key's well-known prefix."""
    for var, provider in _KEY_ENV.items():
        if os.environ.get(var) == key:
            return provider
    if key.startswith("sk-or-"):
        return "openrouter"
    if key.startswith("gsk_"):
        return "groq"
    if key.startswith("sk-"):
        return "openai"
    return None


def resolve_llm_config(llm: LLMSettings) -> LLMConfig | None:
    """The LLM to use, or None when none is configured (answers are then extractive)."""
    key = llm.llm_api_key or None
    provider = llm.llm_provider
    if provider is None and llm.llm_base_url:
        provider = _provider_from_url(llm.llm_base_url)
    if provider is None and key:
        provider = _provider_from_key(key) or "openrouter"
    if provider is None:
        return None
    preset = PRESETS.get(provider)
    base_url = llm.llm_base_url or (preset.base_url if preset else None)
    if not base_url:
        raise LLMError(
            "POCKETRAG_LLM_PROVIDER=custom needs POCKETRAG_LLM_BASE_URL "
            "(e.g. http://localhost:8080/v1)."
        )
    if preset and preset.needs_key and not key and not llm.llm_base_url:
        log.warning("LLM provider %s is set but has no API key: answers are extractive", provider)
        return None  # stay useful rather than fail every question
    model = llm.llm_model or (preset.model if preset else None)
    if not model:
        raise LLMError("Set POCKETRAG_LLM_MODEL: a custom endpoint has no default model.")
    return LLMConfig(
        provider=provider,
        base_url=base_url.rstrip("/"),
        model=model,
        api_key=key,
        max_tokens=llm.max_tokens,
        connect_timeout=llm.llm_connect_timeout,
        first_token_timeout=llm.llm_first_token_timeout,
        total_timeout=llm.llm_total_timeout,
        retries=llm.llm_retries,
        backoff_s=llm.llm_backoff_s,
        breaker_threshold=llm.llm_breaker_threshold,
        breaker_cooldown_s=llm.llm_breaker_cooldown_s,
    )


_KEYLIKE = re.compile(r"\b(?:sk-[A-Za-z0-9_\-]{8,}|gsk_[A-Za-z0-9]{8,}|Bearer\s+\S+)")


def redact(text: str, key: str | None = None) -> str:
    """Remove the API key (and anything shaped like one) from a message."""
    if key:
        text = text.replace(key, "***")
    return _KEYLIKE.sub("***", text)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


class LLMClient:
    """Chat completions with bounded time, retries and a shared circuit breaker."""

    def __init__(self, config: LLMConfig, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.config = config
        self.breaker = CircuitBreaker(config.breaker_threshold, config.breaker_cooldown_s)
        self._sleep = sleep
        headers = {"Content-Type": "application/json"}
        if config.api_key:
            headers["Authorization"] = f"Bearer {config.api_key}"
        if config.provider == "openrouter":  # OpenRouter's optional attribution headers
            headers["X-Title"] = "pocketrag"
        self._http = httpx.Client(base_url=config.base_url, headers=headers)

    def close(self) -> None:
        self._http.close()

    # --- public API ---------------------------------------------------------------------
    def complete(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int | None = None,
        temperature: float = 0.1,
    ) -> str:
        """The whole answer at once (used for condensing follow-ups)."""
        body = self._body(messages, max_tokens, temperature, stream=False)
        return self._with_retries(lambda deadline: self._complete_once(body, deadline))

    def stream(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int | None = None,
        temperature: float = 0.1,
    ) -> Iterator[str]:
        """Yield answer tokens as they arrive. Retries only until the first token is out."""
        body = self._body(messages, max_tokens, temperature, stream=True)
        deadline = time.monotonic() + self.config.total_timeout
        attempt = 0
        while True:
            self._check_breaker()
            emitted: list[str] = []
            try:
                for token in self._stream_once(body, deadline):
                    emitted.append(token)
                    yield token
                self.breaker.record_success()
                return
            except _Retryable as exc:
                self.breaker.record_failure()
                if emitted:  # the user saw tokens: never retry, report the cut
                    reason = redact(str(exc), self.config.api_key)
                    raise LLMStreamInterrupted(
                        f"The LLM stream broke off mid-answer ({reason}).", "".join(emitted)
                    ) from None
                attempt = self._backoff_or_raise(exc, attempt, deadline)
            except LLMError:
                self.breaker.record_failure()
                raise

    # --- internals ----------------------------------------------------------------------
    def _body(
        self, messages: Sequence[Message], max_tokens: int | None, temperature: float, stream: bool
    ) -> dict:
        return {
            "model": self.config.model,
            "messages": list(messages),
            "max_tokens": max_tokens or self.config.max_tokens,
            "temperature": temperature,
            "stream": stream,
        }

    def _check_breaker(self) -> None:
        if not self.breaker.allow():
            raise LLMUnavailable(
                f"The LLM ({self.config.provider}) failed repeatedly; calls are paused for "
                f"up to {self.config.breaker_cooldown_s:g}s."
            )

    def _with_retries(self, attempt_fn: Callable[[float], str]) -> str:
        deadline = time.monotonic() + self.config.total_timeout
        attempt = 0
        while True:
            self._check_breaker()
            try:
                result = attempt_fn(deadline)
            except _Retryable as exc:
                self.breaker.record_failure()
                attempt = self._backoff_or_raise(exc, attempt, deadline)
                continue
            except LLMError:
                self.breaker.record_failure()
                raise
            self.breaker.record_success()
            return result

    def _backoff_or_raise(self, exc: _Retryable, attempt: int, deadline: float) -> int:
        """Sleep before the next attempt (Retry-After wins over backoff) or give up."""
        reason = redact(str(exc), self.config.api_key)
        if attempt >= self.config.retries:
            raise LLMError(
                f"The LLM ({self.config.provider}) failed after {attempt + 1} attempts: {reason}"
            )
        if self.breaker.state != "closed":
            raise LLMUnavailable(f"The LLM ({self.config.provider}) keeps failing: {reason}")
        delay = self.config.backoff_s * (2**attempt) * random.uniform(0.5, 1.5)
        if exc.retry_after is not None:
            delay = exc.retry_after
        if time.monotonic() + delay >= deadline:
            raise LLMError(
                f"The LLM ({self.config.provider}) asked to wait {delay:.0f}s, beyond the "
                f"{self.config.total_timeout:g}s limit: {reason}"
            )
        log.warning("LLM attempt %d failed (%s); retrying in %.2fs", attempt + 1, reason, delay)
        self._sleep(delay)
        return attempt + 1

    def _timeout(self, read: float, deadline: float) -> httpx.Timeout:
        remaining = max(0.1, deadline - time.monotonic())
        return httpx.Timeout(
            connect=min(self.config.connect_timeout, remaining),
            read=min(read, remaining),
            write=min(10.0, remaining),
            pool=min(5.0, remaining),
        )

    def _check_status(self, response: httpx.Response) -> None:
        if response.status_code < 400:
            return
        detail = _error_detail(response)
        message = f"HTTP {response.status_code}{': ' + detail if detail else ''}"
        if response.status_code == 429 or response.status_code >= 500:
            raise _Retryable(message, _retry_after(response))
        hint = {
            401: " Check the API key (POCKETRAG_LLM_API_KEY or the provider's variable).",
            403: " The key is not allowed to use this model.",
            404: " Check POCKETRAG_LLM_BASE_URL and POCKETRAG_LLM_MODEL.",
        }.get(response.status_code, "")
        raise LLMError(
            redact(
                f"The LLM ({self.config.provider}) rejected the request: {message}.{hint}",
                self.config.api_key,
            )
        )

    def _complete_once(self, body: dict, deadline: float) -> str:
        timeout = self._timeout(deadline - time.monotonic(), deadline)
        try:
            response = self._http.post("/chat/completions", json=body, timeout=timeout)
            response.read()
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timed out ({type(exc).__name__})") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed ({type(exc).__name__})") from None
        self._check_status(response)
        try:
            return response.json()["choices"][0]["message"]["content"] or ""
        except (ValueError, KeyError, IndexError, TypeError):
            raise _Retryable("malformed response body") from None

    def _stream_once(self, body: dict, deadline: float) -> Iterator[str]:
        first_token_deadline = min(deadline, time.monotonic() + self.config.first_token_timeout)
        got_token = False
        finished = False
        try:
            with self._http.stream(
                "POST",
                "/chat/completions",
                json=body,
                timeout=self._timeout(self.config.first_token_timeout, deadline),
            ) as response:
                if response.status_code >= 400:
                    response.read()
                self._check_status(response)
                for line in response.iter_lines():
                    now = time.monotonic()
                    if not got_token and now > first_token_deadline:
                        raise _Retryable(f"no token within {self.config.first_token_timeout:g}s")
                    if now > deadline:
                        raise _Retryable(f"exceeded the {self.config.total_timeout:g}s limit")
                    if not line.startswith("data:"):
                        continue  # blank separators, ": keep-alive" comments, event: lines
                    data = line[5:].strip()
                    if data == "[DONE]":
                        finished = True
                        break
                    token, done = _parse_chunk(data)
                    finished = finished or done
                    if token:
                        got_token = True
                        yield token
        except httpx.TimeoutException:
            what = "token" if got_token else "first token"
            raise _Retryable(f"timed out waiting for the {what}") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"connection dropped ({type(exc).__name__})") from None
        if not finished:
            raise _Retryable("the stream ended without finishing")


def _parse_chunk(data: str) -> tuple[str, bool]:
    """(content delta, finished?) from one SSE data payload; malformed -> retryable."""
    try:
        payload = json.loads(data)
    except ValueError:
        raise _Retryable("malformed stream data") from None
    if not isinstance(payload, dict):
        raise _Retryable("malformed stream data")
    if payload.get("error"):
        err = payload["error"]
        raise _Retryable(f"provider error mid-stream: {_short(err.get('message', err))}")
    choices = payload.get("choices") or []
    if not choices or not isinstance(choices[0], dict):
        return "", False
    delta = choices[0].get("delta") or {}
    return (delta.get("content") or ""), bool(choices[0].get("finish_reason"))


def _error_detail(response: httpx.Response) -> str:
    try:
        payload = response.json()
        err = payload.get("error", payload) if isinstance(payload, dict) else payload
        message = err.get("message", err) if isinstance(err, dict) else err
        return _short(message)
    except ValueError:
        return _short(response.text)


def _short(value: object, limit: int = 200) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
