"""Follow-up questions -> standalone questions, so retrieval sees what the user means.

"What about part-timers?" retrieves nothing on its own. With an LLM configured it rewrites
the follow-up; otherwise (or if that call fails) a heuristic glues the previous question on,
which is crude but gives BM25 and the embedder the missing subject.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence

from pocketrag.generation.llm import LLMClient, LLMError
from pocketrag.generation.prompts import build_condense_prompt
from pocketrag.generation.wording import content_words

log = logging.getLogger("pocketrag.condense")

Turn = tuple[str, str]  # (role "user" | "assistant", text)

_CONNECTOR = re.compile(
    r"^\s*(and|but|also|so|then|what about|how about|what if|same|ok|okay)\b", re.IGNORECASE
)
# Words that point back at the conversation. Not "there" or "one": "Is there a dog policy?"
# and "Can one carry leave over?" stand on their own.
_REFERENCE = re.compile(
    r"\b(it|its|that|this|those|these|they|them|their|he|she|his|her|same|else|too|instead)\b",
    re.IGNORECASE,
)


def normalise_history(history: Iterable[object]) -> list[Turn]:
    """Accept [{"role", "content"}] (the API's shape) or [(role, text)] pairs."""
    turns: list[Turn] = []
    for item in history or ():
        if isinstance(item, dict):
            role, text = item.get("role"), item.get("content")
        elif isinstance(item, (tuple, list)) and len(item) == 2:
            role, text = item
        else:
            continue
        if role in {"user", "assistant"} and isinstance(text, str) and text.strip():
            turns.append((role, text.strip()))
    return turns


# The user saying the subject changes: "ok, different thing: ...", "Different question: ...".
_NEW_TOPIC = re.compile(
    r"\b(different|another|new|unrelated|separate|other) (thing|question|topic|subject)\b|"
    r"\bchange of (topic|subject)\b|\bon another note\b|\bunrelated\b",
    re.IGNORECASE,
)
# ... and said as a lead-in before the question itself: "Different question: ...", "Unrelated,
# but ...", "Switching topics completely: ...", "OK, and on another subject, ...".
_TOPIC_CHANGE_LEAD = re.compile(
    r"^\s*(?:(?:ok|okay|right|oh|so|and|also|now)\b[,\s]+)*"
    r"(?:(?:a\s+)?(?:completely\s+|totally\s+)?"
    r"(?:different|another|new|unrelated|separate|other)\s+(?:thing|question|topic|subject)"
    r"|(?:switching|changing|change\s+of)\s+(?:the\s+)?(?:topics?|subjects?)(?:\s+completely)?"
    r"|unrelated(?:\s+question)?|something\s+else"
    r"|on\s+(?:another|a\s+different)\s+(?:note|subject|topic))"
    r"\s*(?:[:;,—–]|\s-)\s*(?:but\s+)?",
    re.IGNORECASE,
)
# A reference in a question of at most this many content words points back; a longer one
# names its own subject ("Is it true that part-time staff get pro-rata leave?").
MAX_REFERRING_WORDS = 5


def looks_like_follow_up(question: str) -> bool:
    """A connector opening ("And for contractors?"), a reference in a short question ("Does it
    apply to interns?", "How long does the first one keep them?"), or hardly any content
    ("Why?"). A question that names its own subject is taken as it stands, so a new topic is
    never glued onto the previous one; nor is one the user says is new ("ok, different
    thing: when was 4.5.0 released?")."""
    if _NEW_TOPIC.search(question):
        return False
    words = len(content_words(question))
    if _CONNECTOR.search(question):
        return True
    return (bool(_REFERENCE.search(question)) and words <= MAX_REFERRING_WORDS) or words <= 1


def without_topic_change(question: str) -> str:
    """The question without a lead-in saying the subject changes ("Different question: is
    there a dress code?" -> "is there a dress code?"), when a question is left: searched
    and weighed with it, "different", "switching" and "topics" counted as words of the
    question that no passage holds, and such answers were hedged or missed."""
    lead = _TOPIC_CHANGE_LEAD.match(question)
    if lead is None or len(content_words(question[lead.end() :])) < 2:
        return question
    return question[lead.end() :]


def topic_of(history: Sequence[Turn]) -> str:
    """The conversation's topic: the last user question that stood on its own, with the
    follow-ups asked since (they narrow it)."""
    asked = [text for role, text in history if role == "user"]
    start = len(asked) - 1
    while start > 0 and looks_like_follow_up(asked[start]):
        start -= 1
    return " ".join(asked[max(start, 0) :])


def condense_heuristic(history: Sequence[Turn], question: str) -> str:
    """The follow-up first, then the topic: "And what about part-time staff? (How many days
    of annual leave do I get?)". The user's own words lead, so the answer is about them and
    not the previous answer again; the topic gives retrieval the missing subject."""
    topic = topic_of(history)
    if not topic or not looks_like_follow_up(question):
        return question
    return f"{question} ({topic})"


def condense(
    history: Sequence[Turn],
    question: str,
    llm: LLMClient | None = None,
    max_chars: int = 2000,
) -> tuple[str, str]:
    """(standalone question, how: "none" | "llm" | "heuristic"). A question the user says
    changes the subject stands alone, without the saying (without_topic_change)."""
    fresh = without_topic_change(question)
    if not history or fresh != question:
        return fresh, "none"
    if llm is not None and looks_like_follow_up(question):
        try:
            text = llm.complete(
                build_condense_prompt(history, question), max_tokens=120, temperature=0.0
            )
            text = " ".join(text.strip().strip('"').split())
            if text and len(text) <= max_chars:
                return text, "llm"
        except LLMError as exc:
            log.warning("condensing with the LLM failed (%s); using the heuristic", exc)
    rewritten = condense_heuristic(history, question)
    return rewritten[-max_chars:], "heuristic" if rewritten != question else "none"
