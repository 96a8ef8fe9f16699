"""Example questions for the chat page's empty state, made from the index's own headings.

A newcomer facing an empty box does not know what the documents cover; a few questions
built from real section names ("What does the Business Travel Policy say about rail?")
show it, and each one is answerable by construction. Headings that name no topic
("Contacts", "Purpose") are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pocketrag.documents import display_names

_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[ivxIVX]+\.)\s+")
_GENERIC = frozenset(
    {
        "contacts",
        "contact",
        "contact us",
        "questions",
        "purpose",
        "scope",
        "introduction",
        "overview",
        "definitions",
        "summary",
        "background",
        "related policies",
        "further information",
        "document control",
        "version history",
        "references",
        "appendix",
    }
)


def _readable_title(title: str) -> str:
    return title.title() if title.isupper() else title


def _topic(heading: str) -> str:
    """The last heading part, without its numbering, in running text ("Carrying leave
    over" -> "carrying leave over"; acronyms such as "AI tools" keep their case)."""
    last = _NUMBERING.sub("", heading.split(" > ")[-1]).strip().rstrip(":")
    if last.isupper() and len(last) > 4:  # a shouted heading ("RETENTION"), not an acronym
        return last.lower()
    if len(last) > 1 and last[0].isupper() and not last[1].isupper():
        last = last[0].lower() + last[1:]
    return last


def question_for(title: str, heading: str) -> str | None:
    """One example question for a section, or None when the heading names no topic."""
    title, heading = display_names(title, heading)
    if not heading:
        return None
    topic = _topic(heading)
    if len(topic) < 3 or len(topic) > 80 or topic.casefold() in _GENERIC:
        return None
    return f"What does the {_readable_title(title)} say about {topic}?"


def suggest(headings: Iterable[Sequence[str]], n: int = 4) -> list[str]:
    """Up to `n` questions from (title, heading) pairs, spread over different documents:
    the middle usable section of evenly spaced documents, so the examples show the range
    of the index rather than the first file's table of contents."""
    by_title: dict[str, list[str]] = {}
    for title, heading in headings:
        question = question_for(str(title), str(heading))
        if question:
            by_title.setdefault(str(title), []).append(question)
    titles = list(by_title)
    if not titles or n <= 0:
        return []
    step = max(1, len(titles) // n)
    picked = [by_title[t][len(by_title[t]) // 2] for t in titles[::step]][:n]
    return picked
