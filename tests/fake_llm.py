"""A real OpenAI-compatible chat-completions server on loopback that tests script.

It is the one stand-in the house rules allow (for the remote LLM provider). Tests queue a
behaviour per request (`server.script(Reply("..."), Status(429, retry_after=1), ...)`);
when the queue is empty `server.default` answers. Every request received is recorded
(headers and JSON body) so tests can check retries and what the prompt contained.

Usage (fixture `fake_llm` in tests/conftest.py):

    fake_llm.script(Status(500), Reply("Leave is 25 days [1]."))
    settings = load_settings(llm_base_url=fake_llm.base_url, llm_model="fake")
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class RecordedRequest:
    path: str
    headers: dict[str, str]
    body: dict

    @property
    def messages(self) -> list[dict]:
        return self.body.get("messages", [])

    @property
    def prompt_text(self) -> str:
        """All message contents joined: what the model was shown."""
        return "\n".join(str(m.get("content", "")) for m in self.messages)


# --- behaviours ---------------------------------------------------------------------------
@dataclass
class Reply:
    """A normal answer: JSON, or SSE chunks (one per word) when the request streams.

    `text` may be a callable(request) -> str, to answer from what the prompt holds.
    """

    text: str | Callable[[RecordedRequest], str]
    first_token_delay: float = 0.0  # seconds before the first streamed chunk (or the body)
    token_delay: float = 0.0


@dataclass
class Status:
    """An HTTP error response, e.g. 429 with Retry-After, 500, 401."""

    code: int
    message: str = "fake error"
    retry_after: float | None = None


@dataclass
class MalformedSSE:
    """A 200 stream whose data lines are not JSON."""


@dataclass
class DropMidStream:
    """Stream `text` then cut the TCP connection without finishing the chunked body."""

    text: str = "The answer is"


@dataclass
class Hang:
    """Accept the request and say nothing for `seconds` (a stalled provider)."""

    seconds: float = 5.0


Behaviour = Reply | Status | MalformedSSE | DropMidStream | Hang


@dataclass
class FakeLLMServer:
    """The server plus its script and request log; start() binds an ephemeral port."""

    default: Behaviour = field(default_factory=lambda: Reply("This is a fake answer [1]."))
    requests: list[RecordedRequest] = field(default_factory=list)
    _queue: list[Behaviour] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _httpd: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def script(self, *behaviours: Behaviour) -> None:
        with self._lock:
            self._queue.extend(behaviours)

    def reset(self) -> None:
        with self._lock:
            self._queue.clear()
            self.requests.clear()
            self.default = Reply("This is a fake answer [1].")

    def _next(self, request: RecordedRequest) -> Behaviour:
        with self._lock:
            self.requests.append(request)
            return self._queue.pop(0) if self._queue else self.default

    def start(self) -> FakeLLMServer:
        server = self

        class Handler(_Handler):
            fake = server

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fake: FakeLLMServer

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # /v1/models, for health checks
        self._json(200, {"object": "list", "data": [{"id": "fake", "object": "model"}]})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b"{}"
        try:
            body = json.loads(raw)
        except ValueError:
            body = {"_raw": raw.decode("utf-8", "replace")}
        request = RecordedRequest(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        behaviour = self.fake._next(request)
        streaming = bool(body.get("stream"))
        if isinstance(behaviour, Status):
            headers = {}
            if behaviour.retry_after is not None:
                headers["Retry-After"] = f"{behaviour.retry_after:g}"
            payload = {"error": {"message": behaviour.message, "code": behaviour.code}}
            self._json(behaviour.code, payload, headers)
        elif isinstance(behaviour, Hang):
            time.sleep(behaviour.seconds)
            self.close_connection = True
        elif isinstance(behaviour, MalformedSSE):
            self._start_stream()
            self._chunk(b"data: {this is not json\n\n")
            self._chunk(b"data: [DONE]\n\n")
            self._chunk(b"")
        elif isinstance(behaviour, DropMidStream):
            self._start_stream()
            for word in _words(behaviour.text):
                self._chunk(_sse_delta(word))
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
        else:
            text = behaviour.text(request) if callable(behaviour.text) else behaviour.text
            if streaming:
                self._start_stream()
                waited = 0.0
                while waited < behaviour.first_token_delay:  # keep-alives while "thinking"
                    step = min(0.2, behaviour.first_token_delay - waited)
                    time.sleep(step)
                    waited += step
                    self._chunk(b": keep-alive\n\n")
                for i, word in enumerate(_words(text)):
                    if i and behaviour.token_delay:
                        time.sleep(behaviour.token_delay)
                    self._chunk(_sse_delta(word))
                finish = {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                self._chunk(f"data: {json.dumps(finish)}\n\n".encode())
                self._chunk(b"data: [DONE]\n\n")
                self._chunk(b"")
            else:
                time.sleep(behaviour.first_token_delay)
                self._json(
                    200,
                    {
                        "id": "fake-1",
                        "object": "chat.completion",
                        "model": body.get("model", "fake"),
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": text},
                                "finish_reason": "stop",
                            }
                        ],
                    },
                )

    def _json(self, code: int, payload: dict, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _start_stream(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self._chunk(b": keep-alive\n\n")  # SSE comment, as OpenRouter sends; clients skip it

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()


def _words(text: str) -> list[str]:
    """Split into stream pieces that rejoin exactly (each word keeps its leading space)."""
    pieces: list[str] = []
    for i, word in enumerate(text.split(" ")):
        pieces.append(word if i == 0 else " " + word)
    return [p for p in pieces if p]


def _sse_delta(content: str) -> bytes:
    chunk = {"choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}]}
    return f"data: {json.dumps(chunk)}\n\n".encode()
