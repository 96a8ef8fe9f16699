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
# A sender's name after the closing on its line, set off by a comma or a dash ("Thanks,
# Declan", "Thank you - Lorraine and Colin"): the mark is required, or "Best Practice
# Guide" would be a sign-off.
_SIGNER = r"(?:,\s*|[,.!]?\s+[-–—]\s+)[A-Z][\w'’.-]*(?:\s+(?:and|&|[A-Z][\w'’.-]*)){0,3}"
# An e-mail's or a notice's sign-off line ("Many thanks,", "Regards", "Thank you - Lorraine
# and Colin").
# A closing that goes on to a wish and ends on a comma, the name under it ("Thanks, and happy
# Christmas when it comes," / "Helen"): the signature's name had headed every quoted message.
SIGN_OFF = re.compile(rf"^{_CLOSING}(?:[,.!]?|{_SIGNER}[.!]?|,[^\n]{{1,60}},)$", re.IGNORECASE)
MAX_SIGNATURE_WORDS = 8  # per line: a name, a role, a phone number
MAX_SIGNATURE_LINES = 6  # per paragraph: a name, a role, a place, an address, phone, e-mail
MAX_SIGNATURE_PARAGRAPHS = 3  # after the sign-off


def signs_off(paragraph: str) -> bool:
    """Whether the paragraph ends with a sign-off: its line, and at most the signature's
    short lines after it ("Thanks," / "Declan"; "Thank you - Lorraine and Colin")."""
    lines = paragraph.split("\n")
    for n in range(len(lines) - 1, max(-1, len(lines) - 2 - MAX_SIGNATURE_LINES), -1):
        if SIGN_OFF.match(lines[n]):
            return reads_as_signature(lines[n + 1 :]) if n + 1 < len(lines) else True
    return False


# A message's closing sentence, a paragraph of its own ("Thanks all, especially Priya for
# pulling this together."): in an e-mail, the name under it signs it ("Owen"), and had
# headed the signature and every quoted message after it. Not "Thanks to ...".
_THANKS = re.compile(r"(?:many thanks|thanks|thank you|cheers)\b(?! to\b)[^\n]{0,100}[.!]", re.I)


def closes_message(paragraph: str) -> bool:
    """Whether the paragraph is a message's closing sentence of thanks (_THANKS)."""
    return _THANKS.fullmatch(paragraph.strip()) is not None


# A first name alone on its line ("Rhys"), as a message is signed without a closing word
_FIRST_NAME = re.compile(r"[A-Z][a-z'’-]+")


def signed_by_name(paragraph: str, following: str) -> bool:
    """Whether the paragraph is a first name alone over the signature that spells it out
    ("Rhys" / "Rhys Tregarthen", "Operations Director, ..."): the message's sign-off
    however it closed ("Any questions, come to me or Priya."). As a heading, the name had
    headed the signature and the quoted messages under it."""
    name = paragraph.strip()
    return (
        _FIRST_NAME.fullmatch(name) is not None
        and following.split(maxsplit=1)[:1] == [name]
        and reads_as_signature(following.split("\n"))
    )


def opens_with_sign_off(paragraph: str) -> bool:
    """Whether the whole paragraph is a sign-off and the name under it: text, never a
    heading over what follows."""
    return SIGN_OFF.match(paragraph.split("\n", 1)[0]) is not None and signs_off(paragraph)


def reads_as_signature(lines: list[str]) -> bool:
    """Whether the lines can be a signature: a few short lines, not a quoted message nor
    the headers of one ("-----Original Message-----" / "From: ...")."""
    return (
        len(lines) <= MAX_SIGNATURE_LINES
        and not lines[0].startswith(">")
        and not any(MAIL_HEADER.match(line) for line in lines)
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
