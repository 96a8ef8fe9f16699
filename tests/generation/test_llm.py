"""The LLM client against a real HTTP server on loopback (tests/fake_llm.py)."""

from __future__ import annotations

import time

import pytest

from fake_llm import DropMidStream, Hang, MalformedSSE, Reply, Status
from pocketrag.config import load_settings
from pocketrag.generation.llm import (
    CircuitBreaker,
    LLMClient,
    LLMError,
    LLMStreamInterrupted,
    LLMUnavailable,
    redact,
    resolve_llm_config,
)
from pocketrag.settings_views import LLMSettings


def llm_settings(**settings: object) -> LLMSettings:
    """The LLM client's view of the settings (environment, with `settings` on top)."""
    return LLMSettings.from_settings(load_settings(**settings))


KEY = "sk-or-v1-THISISASECRETKEY0123456789"
MESSAGES = [{"role": "user", "content": "How many days of leave?"}]


def make_client(fake_llm, **overrides) -> LLMClient:
    values = {
        "llm_base_url": fake_llm.base_url,
        "llm_model": "fake-model",
        "llm_api_key": KEY,
        "llm_backoff_s": 0.01,
        "llm_retries": 2,
        "llm_breaker_threshold": 5,
        "llm_breaker_cooldown_s": 0.5,
    }
    values.update(overrides)
    config = resolve_llm_config(llm_settings(**values))
    assert config is not None
    return LLMClient(config)


def test_non_streaming_answer_sends_model_max_tokens_and_key(fake_llm) -> None:
    fake_llm.script(Reply("Twenty-five days [1]."))
    client = make_client(fake_llm, max_tokens=77)
    assert client.complete(MESSAGES) == "Twenty-five days [1]."
    (request,) = fake_llm.requests
    assert request.path == "/v1/chat/completions"
    assert request.body["model"] == "fake-model"
    assert request.body["max_tokens"] == 77
    assert request.body["stream"] is False
    assert request.headers["authorization"] == f"Bearer {KEY}"


def test_streaming_yields_tokens_in_order(fake_llm) -> None:
    fake_llm.script(Reply("Annual leave is twenty-five days [1]."))
    tokens = list(make_client(fake_llm).stream(MESSAGES))
    assert len(tokens) > 3
    assert "".join(tokens) == "Annual leave is twenty-five days [1]."
    assert fake_llm.requests[0].body["stream"] is True


def test_429_with_retry_after_is_honoured_and_retried(fake_llm) -> None:
    fake_llm.script(Status(429, "rate limited", retry_after=1), Reply("ok [1]"))
    started = time.monotonic()
    assert "".join(make_client(fake_llm).stream(MESSAGES)) == "ok [1]"
    assert time.monotonic() - started >= 0.95  # waited as the server asked
    assert len(fake_llm.requests) == 2


def test_500s_are_retried_with_backoff_then_give_up(fake_llm) -> None:
    fake_llm.script(Status(500), Status(502), Status(503))
    with pytest.raises(LLMError) as err:
        make_client(fake_llm).complete(MESSAGES)
    assert len(fake_llm.requests) == 3  # 1 try + 2 retries, visible in the server's log
    assert "after 3 attempts" in str(err.value)
    assert "HTTP 503" in str(err.value)


def test_401_is_not_retried_and_the_key_never_appears(fake_llm) -> None:
    fake_llm.script(Status(401, f"Incorrect API key provided: {KEY}"))
    with pytest.raises(LLMError) as err:
        make_client(fake_llm).complete(MESSAGES)
    assert len(fake_llm.requests) == 1
    message = str(err.value)
    assert "401" in message and "API key" in message
    assert KEY not in message and KEY[:12] not in message
    assert KEY not in repr(make_client(fake_llm).config)


def test_slow_first_token_times_out_and_retries(fake_llm) -> None:
    fake_llm.script(Reply("late [1]", first_token_delay=1.5), Reply("on time [1]"))
    client = make_client(fake_llm, llm_first_token_timeout=0.5)
    started = time.monotonic()
    assert "".join(client.stream(MESSAGES)) == "on time [1]"
    assert time.monotonic() - started < 1.4  # gave up on the slow one early
    assert len(fake_llm.requests) == 2


def test_stalled_server_hits_the_timeout_not_forever(fake_llm) -> None:
    fake_llm.script(Hang(3), Hang(3))
    client = make_client(fake_llm, llm_first_token_timeout=0.3, llm_retries=1)
    started = time.monotonic()
    with pytest.raises(LLMError, match="timed out"):
        list(client.stream(MESSAGES))
    assert time.monotonic() - started < 2


def test_malformed_sse_is_retried(fake_llm) -> None:
    fake_llm.script(MalformedSSE(), Reply("fine [1]"))
    assert "".join(make_client(fake_llm).stream(MESSAGES)) == "fine [1]"
    assert len(fake_llm.requests) == 2


def test_drop_mid_stream_is_never_retried_after_tokens(fake_llm) -> None:
    fake_llm.script(DropMidStream("Leave is"), Reply("should never be requested"))
    received: list[str] = []
    with pytest.raises(LLMStreamInterrupted) as err:
        for token in make_client(fake_llm).stream(MESSAGES):
            received.append(token)
    assert "".join(received) == "Leave is"
    assert err.value.partial == "Leave is"
    assert len(fake_llm.requests) == 1


def test_breaker_opens_after_consecutive_failures_and_closes_after_probe(fake_llm) -> None:
    client = make_client(fake_llm, llm_retries=0, llm_breaker_threshold=2)
    fake_llm.script(Status(500), Status(500))
    for _ in range(2):
        with pytest.raises(LLMError):
            client.complete(MESSAGES)
    assert client.breaker.state == "open"
    with pytest.raises(LLMUnavailable):
        client.complete(MESSAGES)
    assert len(fake_llm.requests) == 2  # the open breaker sent nothing
    time.sleep(0.55)  # cooldown
    fake_llm.script(Reply("back [1]"))
    assert client.complete(MESSAGES) == "back [1]"  # the one probe goes through
    assert client.breaker.state == "closed"
    assert len(fake_llm.requests) == 3


def test_failed_probe_reopens_the_breaker(fake_llm) -> None:
    client = make_client(fake_llm, llm_retries=0, llm_breaker_threshold=1)
    fake_llm.script(Status(503), Status(503))
    with pytest.raises(LLMError):
        client.complete(MESSAGES)
    time.sleep(0.55)
    with pytest.raises(LLMError):
        client.complete(MESSAGES)  # the probe fails
    assert client.breaker.state == "open"
    with pytest.raises(LLMUnavailable):
        client.complete(MESSAGES)
    assert len(fake_llm.requests) == 2


def test_breaker_half_open_lets_only_one_probe() -> None:
    now = [0.0]
    breaker = CircuitBreaker(threshold=1, cooldown_s=10, clock=lambda: now[0])
    breaker.record_failure()
    assert not breaker.allow()
    now[0] = 10.0
    assert breaker.allow()
    assert not breaker.allow()  # a second caller while the probe is out
    breaker.record_success()
    assert breaker.allow()


def test_provider_inference(monkeypatch) -> None:
    for var in ("OPENROUTER_API_KEY", "GROQ_API_KEY", "OPENAI_API_KEY", "POCKETRAG_LLM_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    assert resolve_llm_config(llm_settings()) is None  # nothing configured: extractive
    monkeypatch.setenv("GROQ_API_KEY", "abc123")
    config = resolve_llm_config(llm_settings())
    assert config.provider == "groq" and "groq.com" in config.base_url
    assert "llama" in config.model
    monkeypatch.delenv("GROQ_API_KEY")
    monkeypatch.setenv("OPENROUTER_API_KEY", "sk-or-v1-xyz")
    config = resolve_llm_config(llm_settings())
    assert config.provider == "openrouter" and config.model.endswith(":free")
    monkeypatch.delenv("OPENROUTER_API_KEY")
    config = resolve_llm_config(llm_settings(llm_base_url="http://localhost:11434/v1"))
    assert config.provider == "ollama" and config.api_key is None
    config = resolve_llm_config(llm_settings(llm_provider="ollama"))
    assert config.base_url == "http://localhost:11434/v1"
    with pytest.raises(LLMError, match="POCKETRAG_LLM_MODEL"):
        resolve_llm_config(llm_settings(llm_base_url="http://10.0.0.5:8080/v1"))


def test_redact_removes_key_shapes() -> None:
    text = f"bad key {KEY} and gsk_abcdefghijk12 and Bearer tok.en"
    out = redact(text)
    assert KEY not in out and "gsk_abcdefghijk12" not in out and "tok.en" not in out
