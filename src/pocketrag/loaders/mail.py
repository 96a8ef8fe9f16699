"""The parts of an e-mail saved as text that are no prose: its subject (the document's
title) and its sign-off with the signature under it (a name, a job title, a phone number),
which read like short headings but head nothing: as headings they had become the parents
of the quoted message below them.
"""

from __future__ import annotations

import re
from email.parser import HeaderParser

from pocketrag.loaders._common import clean_inline
from pocketrag.loaders.wrapping import MAIL_HEADER

MAX_MAIL_HEADERS = 8_000  # characters read for an e-mail's headers
MAX_SUBJECT_CHARS = 120

_CLOSING = (
    r"(?:(?:many |kind |best |warm(?:est)? )?(?:thanks|regards|wishes)|thank you|cheers|best|"
    r"yours(?: sincerely| faithfully| truly)?|sincerely|all the best)"
)
# An e-mail's sign-off line ("Many thanks,", "Regards").
SIGN_OFF = re.compile(rf"^{_CLOSING}[,.!]?$", re.IGNORECASE)
MAX_SIGNATURE_WORDS = 8  # per line: a name, a role, a phone number
MAX_SIGNATURE_LINES = 3  # per paragraph
MAX_SIGNATURE_PARAGRAPHS = 3  # after the sign-off


def reads_as_signature(lines: list[str]) -> bool:
    """Whether the lines can be a signature: a few short lines, not a quoted message."""
    return (
        len(lines) <= MAX_SIGNATURE_LINES
        and not lines[0].startswith(">")
        and all(len(line.split()) <= MAX_SIGNATURE_WORDS for line in lines)
    )


def mail_subject(text: str) -> str | None:
    """The Subject of a text that starts with an e-mail's headers, if it has one."""
    text = text.lstrip()
    if not MAIL_HEADER.match(text):
        return None
    headers = HeaderParser().parsestr(text[:MAX_MAIL_HEADERS].split("\n\n", 1)[0])
    subject = clean_inline(str(headers.get("Subject") or ""))
    return subject[:MAX_SUBJECT_CHARS] or None
