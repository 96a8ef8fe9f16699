"""Turning pipeline answers and stream events into the API's JSON and SSE payloads.

Kept apart from the routes so the event mapping (pipeline event -> "token" / "citations" /
"done") is in one place and the OpenAI-compatible stream reuses it.
"""

from __future__ import annotations

from typing import Any

from pocketrag.formatting import page_reference


def answer_json(answer: Any) -> dict[str, Any]:
    """Answer.to_json() (or an already built dict)."""
    payload = answer.to_json() if hasattr(answer, "to_json") else dict(answer)
    payload.setdefault("citations", [])
    payload.setdefault("refused", False)
    payload.setdefault("mode", "unknown")
    payload.setdefault("timings_ms", {})
    return payload


def normalise_event(event: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A Pipeline.ask_stream event -> (SSE event name, JSON data).

    token {"text"}, notice {"message"} (e.g. "the LLM is unavailable, answering from the
    documents"), citations {"citations"}, done {the ask JSON}.
    """
    kind = str(event.get("type", "message"))
    if kind == "done":
        return "done", answer_json(event["answer"])
    return kind, {k: v for k, v in event.items() if k != "type"}


def format_sources(citations: list[dict[str, Any]]) -> str:
    """Plain-text source list appended to chat-completion answers (for UIs that show only
    the text): "\\n\\nSources:\\n[1] Title, p. 3 — Section"."""
    if not citations:
        return ""
    lines = []
    for c in citations:
        heading = f" — {c['heading']}" if c.get("heading") else ""
        pages = f", {page_reference(c)}" if c.get("page_start") is not None else ""
        lines.append(
            f"[{c.get('n', len(lines) + 1)}] {c.get('title') or c.get('source')}{pages}{heading}"
        )
    return "\n\nSources:\n" + "\n".join(lines)
