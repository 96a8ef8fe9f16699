"""Turning pipeline answers and stream events into the API's JSON and SSE payloads.

Kept apart from the routes so the event mapping (pipeline event -> "token" / "citations" /
"done") is in one place and the OpenAI-compatible stream reuses it.
"""

from __future__ import annotations

from typing import Any


def answer_json(answer: Any) -> dict[str, Any]:
    """Answer.to_json() (or an already built dict)."""
    payload = answer.to_json() if hasattr(answer, "to_json") else dict(answer)
    payload.setdefault("citations", [])
    payload.setdefault("refused", False)
    payload.setdefault("mode", "unknown")
    payload.setdefault("timings_ms", {})
    return payload


def _field(event: Any, *names: str) -> Any:
    for name in names:
        if isinstance(event, dict) and name in event:
            return event[name]
        if not isinstance(event, dict) and hasattr(event, name):
            return getattr(event, name)
    return None


def normalise_event(event: Any) -> tuple[str, Any]:
    """A pipeline stream event -> (kind, data) with kind in token / citations / done.

    Accepts ("token", "text") tuples, {"type": ...} dicts, or objects with a type/kind
    attribute; the final Answer object itself counts as "done".
    """
    if hasattr(event, "to_json") and _field(event, "type", "kind", "event") is None:
        return "done", answer_json(event)
    if isinstance(event, tuple) and len(event) == 2 and isinstance(event[0], str):
        kind, value = event
    else:
        kind = _field(event, "type", "kind", "event")
        value = _field(event, "data", "value", "text", "citations", "answer")
    kind = {"tokens": "token", "delta": "token", "sources": "citations"}.get(kind, kind)
    if kind == "token":
        return "token", {"text": value if isinstance(value, str) else str(value or "")}
    if kind == "citations":
        if isinstance(value, dict):
            value = value.get("citations", [])
        return "citations", {"citations": list(value or [])}
    if kind == "done":
        answer = value if value is not None else _field(event, "answer")
        return "done", answer_json(answer) if answer is not None else {}
    return str(kind or "message"), value if isinstance(value, dict) else {"value": value}


def _pages(citation: dict[str, Any]) -> str:
    start, end = citation.get("page_start"), citation.get("page_end")
    if start is None:
        return ""
    return f", p. {start}" if end in (None, start) else f", pp. {start}-{end}"


def format_sources(citations: list[dict[str, Any]]) -> str:
    """Plain-text source list appended to chat-completion answers (for UIs that show only
    the text): "\\n\\nSources:\\n[1] Title, p. 3 — Section"."""
    if not citations:
        return ""
    lines = []
    for c in citations:
        heading = f" — {c['heading']}" if c.get("heading") else ""
        lines.append(
            f"[{c.get('n', len(lines) + 1)}] {c.get('title') or c.get('source')}"
            f"{_pages(c)}{heading}"
        )
    return "\n\nSources:\n" + "\n".join(lines)
