"""Question checks and log masking, by GUARDRAILS_LEVEL = off | standard | strict.

- every level: the question is bounded (decision 6) and must not be empty;
- standard/strict: garbage (no words) is refused with a clear message; instruction-like text
  in a question is flagged and still used only as query text (it is fenced as data in the
  prompt, never placed in the system role); e-mail addresses, phone numbers and ID-like
  numbers are masked in pocketrag's logs;
- strict: the answerer also drops uncited sentences from LLM answers (see answerer.py).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field

from pocketrag.documents import PocketragError
from pocketrag.settings_views import QuestionLimits


class QuestionError(PocketragError):
    """The question cannot be answered as asked; the message tells the user why."""


_INSTRUCTION = re.compile(
    r"\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|rules?|prompt|above|previous)\b"
    r"|\b(system prompt|you are now|act as|pretend to be|jailbreak|developer mode)\b"
    r"|\breveal\b.{0,30}\b(prompt|instructions?)\b",
    re.IGNORECASE | re.DOTALL,
)
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


@dataclass
class CheckedQuestion:
    text: str  # normalised: control characters gone, whitespace collapsed
    flags: list[str] = field(default_factory=list)


def check_question(question: str, limits: QuestionLimits) -> CheckedQuestion:
    """Normalise and validate a question, or raise QuestionError with a clear message."""
    if not isinstance(question, str):
        raise QuestionError("The question must be text.")
    limit = limits.max_question_chars
    if len(question) > limit * 4:  # don't even normalise something this far over
        raise QuestionError(
            f"The question is too long ({len(question)} characters; the limit is {limit}, "
            "set by POCKETRAG_MAX_QUESTION_CHARS)."
        )
    text = "".join(
        ch if unicodedata.category(ch)[0] != "C" else " "
        for ch in unicodedata.normalize("NFC", question)
    )
    text = " ".join(text.split())
    if not text:
        raise QuestionError("The question is empty: please type a question.")
    if len(text) > limit:
        raise QuestionError(
            f"The question is too long ({len(text)} characters; the limit is {limit}, "
            "set by POCKETRAG_MAX_QUESTION_CHARS). Please shorten it."
        )
    flags: list[str] = []
    if limits.guardrails_level != "off":
        if not _looks_like_words(text):
            raise QuestionError(
                "That does not look like a question: please ask in words, e.g. "
                '"How many days of annual leave do I get?"'
            )
        if _INSTRUCTION.search(text):
            flags.append("instructions_in_question")
    return CheckedQuestion(text, flags)


def _looks_like_words(text: str) -> bool:
    """At least one real word, and mostly letters/digits rather than symbols."""
    words = _WORD.findall(text)
    if not words:
        return False
    alnum = sum(ch.isalnum() for ch in text)
    visible = sum(not ch.isspace() for ch in text)
    if alnum < 0.5 * visible:
        return False
    # keyboard mash: one long token with no vowels ("sdfghjklqwrt")
    latin = [w for w in words if w.isascii()]
    return not (
        len(words) == 1
        and latin
        and len(latin[0]) > 6
        and not re.search("[aeiouy]", latin[0], re.IGNORECASE)
    )


# --- personal data in logs ----------------------------------------------------------------
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d\s().-]{7,}\d(?!\w)")
_ID = re.compile(r"\b(?=[A-Z0-9-]*\d)(?:[A-Z]{1,3}-?\d{5,}|\d{3}-\d{2}-\d{4}|\d{6,})\b")


def mask_pii(text: str) -> str:
    """E-mail addresses, phone numbers and ID-like numbers replaced by placeholders."""
    text = _EMAIL.sub("[email]", text)
    text = _PHONE.sub(
        lambda m: "[phone]" if sum(c.isdigit() for c in m.group()) >= 8 else m.group(), text
    )
    return _ID.sub("[id]", text)


def _mask_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a broken format string is the logging module's problem, not ours
        return
    record.msg, record.args = mask_pii(message), None


_MASKED_LOGGERS = ("pocketrag", "uvicorn")
_installed = False


def install_pii_masking(limits: QuestionLimits | None = None) -> None:
    """Mask personal data in all records of pocketrag's (and uvicorn's) loggers.

    A record factory rather than a logger filter: filters on a logger do not see records
    from its child loggers, and handlers are configured by whoever runs us.
    """
    global _installed
    if _installed or (limits is not None and limits.guardrails_level == "off"):
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: object, **kwargs: object) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if record.name.startswith(_MASKED_LOGGERS):
            _mask_record(record)
        return record

    logging.setLogRecordFactory(factory)
    _installed = True
