"""Which line of a plain-text paragraph leads the text under it as its heading: a line that
reads like a heading over body text, not a line the text's wrapping broke; numbered lines
alike lead alike. Used by the text loader's `structure`.
"""

from __future__ import annotations

import re

from pocketrag.loaders._common import (
    NUMBERED_HEADING,
    RELEASE_LINE,
    SENTENCE_END,
    heading_level,
    reads_as_code,
)
from pocketrag.loaders.wrapping import (
    ITEM_START,
    MAIL_HEADER,
    MIN_WRAPPED_LINE,
    RULE,
    in_capitals,
    reads_as_setting,
)

MAX_LEADING_HEADING_WORDS = 6
# a sentence that ends inside the line, another starting after it
SENTENCE_INSIDE = re.compile(r"[^\W\d_][.!?]\s+\S")
# A changelog's release line that is its marker alone, no date: "version 2.90", "release
# 2.42" (dnsmasq's CHANGELOG). Only the word and a dotted number, so no sentence ("version 2
# of the licence ..."). Text's own: in a PDF a bare "Version 2.1" is a cover's or a footer's
# line, not the heading of all that follows (RELEASE_LINE serves both).
_RELEASE_MARKER = r"(?:version|release)\s+\d+(?:\.\d+)+[a-z0-9.+~-]*"
_BARE_RELEASE = re.compile(_RELEASE_MARKER, re.IGNORECASE)
# A release's marker with its first note on its line, set apart by a column's gap or a
# dash, at a paragraph's start: "release 1.10  Log warnings if ...", "release 0.4 - initial
# public release" (dnsmasq's CHANGELOG.archive, its entries up to 1.18)
_MARKER_WITH_NOTE = re.compile(
    rf"((?:\A|\n[ \t]*\n)[ \t]*{_RELEASE_MARKER})(?: +- +| {{2,}}|\t+)(?=\S)", re.IGNORECASE
)
# a dated release line set as a list item: "- 1.4.69 - 2023-02-10" (lighttpd's NEWS)
_RELEASE_BULLET = re.compile(r"^[-*]\s+(?=\d)")


def release_line(line: str) -> bool:
    """Whether the line opens a release's notes in a changelog or NEWS file (RELEASE_LINE,
    or the shapes above). dnsmasq's and lighttpd's had headed nothing: only an entry's first
    paragraph carried its version, and the first entry's line was the file's title."""
    if _BARE_RELEASE.fullmatch(line):
        return True
    return bool(RELEASE_LINE.match(_RELEASE_BULLET.sub("", line, count=1)))


# An FAQ's question and answer labelled "Q:" and "A:" (dnsmasq's FAQ)
QUESTION = re.compile(r"^Q:\s+\S")
_ANSWER = re.compile(r"^A:\s+\S")


def answered_questions(lines: list[str]) -> bool:
    """Whether the text labels questions "Q:" and answers "A:": then each question heads
    its answer and the addenda after it, which had been untitled blocks cut off from it.
    A "Q:" with no answer labelled anywhere is some other text's line."""
    asked = any(QUESTION.match(line) for line in lines)
    return asked and any(_ANSWER.match(line) for line in lines)


def question_end(lines: list[str]) -> int:
    """Where a paragraph that opens with a "Q:" question stops asking: at its "A:" line,
    when the answer follows with no blank line between, else at the paragraph's end."""
    return next((i for i, line in enumerate(lines) if _ANSWER.match(line)), len(lines))


def release_notes_apart(text: str) -> str:
    """The text with each release's first note moved off its marker's line onto a line of
    its own, so that the marker alone heads the release's notes (release_line); on its
    line, the entry had no release to sit under, and the first one was the file's title."""
    return _MARKER_WITH_NOTE.sub("\\1\n", text)


def leading_heading(
    line: str, after: str, width: int, alike: frozenset[tuple[int, bool]] = frozenset()
) -> int | None:
    """The level of a paragraph's first line when it heads the body text below it: it reads
    like a heading (heading_level), or is a short sentence-case phrase without a full stop
    or digits, and the line below is longer body text (or any text, when the line is
    numbered as `alike` headings are), not a list item unless the line is in capitals or
    opens the clauses numbered under it, that does not carry on the line's
    sentence (a lower-case start) and the line holds no sentence end. Nor is the line one
    that the paragraph's wrapping at `width` broke (_broken_by_wrap), nor a field of a
    message's header ("From: ...", "Date: ..."). A release's line (release_line) leads
    whatever text is under it."""
    if not after or RULE.match(after):
        return None
    if release_line(line):
        return 1  # over its notes, a list of them too ("- 1.4.69 - 2023-02-10" / "* [core] ...")
    # a line in capitals heads the list under it as it would a paragraph ("PROBE CHECKS" /
    # "- Probe every ..."); a lead-in is a sentence's start, in lower case
    # so does a line numbered as the text's headings are ("12. Any other business" / "- The
    # pay review ..." among minutes' items)
    listed = ITEM_START.match(after) is not None
    if listed and not (_opens(line, after) or in_capitals(line) or _numbering(line) in alike):
        return None  # a list's lead-in ("You will need" / "- a laptop"), not its heading
    if MAIL_HEADER.match(line):
        return None  # a notice's "From: Joanne Pryce, Lead Practice Nurse" over its "Date:"
    if len(after) <= len(line) and not listed and _numbering(line) not in alike:
        return None  # "1. Minutes of 22 October 2026" / "Agreed as a correct record."
    if _broken_by_wrap(line, after, width):
        return None
    if _carries_on(after) or SENTENCE_INSIDE.search(line):
        return None  # a hard-wrapped clause: "3.2 Passwords must be ... long. We recommend a"
    # a line over a setting or a line of output is its lead-in or its label, unless it
    # is numbered: "Make sure that you have" over "ChallengeResponseAuthentication no"
    # (fail2ban's README.Debian), "Certificate" over "DN: /CN=YOUR_USER" (OpenVPN's NEWS)
    over_setting = bool(_NAME_VALUE.match(after)) and reads_as_setting(after)
    over_setting = over_setting and not NUMBERED_HEADING.match(line)
    if level := heading_level(line):
        return None if over_setting else level
    words = line.split()
    plain = not any(c.isdigit() for c in line) and not reads_as_code(line)
    plain = plain and not line.endswith((*SENTENCE_END, ","))
    if plain and 1 <= len(words) <= MAX_LEADING_HEADING_WORDS and line[0].isupper():
        return None if over_setting else 1
    return None


# a quoted phrase the sentence goes on after in lower case ("'kerberos encryption types =
# legacy' would force"), not a row of quoted names ("'aleph' 'al' ASCII code", Vim's)
_QUOTED_THEN_LOWER = re.compile(r"""^['"‘“][^'"’”\n]{1,80}['"’”]\s+[a-z]""")


def _carries_on(after: str) -> bool:
    """Whether a line carries on the sentence of the line above it: it starts in lower case,
    with a bracket or with a quoted phrase that goes on in lower case (Samba's WHATSNEW: "On
    Samba Active Directory DCs and members" / "'kerberos encryption types = legacy' would
    force ...", "The security improvements in recent releases" / "(4.13, 4.14, 4.15, 4.16),
    mainly as ..." had each headed the rest of a release's notes)."""
    start = after.lstrip()
    bracket = start[:1] == "(" and not ITEM_START.match(start)  # not "(a) Third Party Claims."
    return bracket or start[:1].islower() or bool(_QUOTED_THEN_LOWER.match(start))


def _broken_by_wrap(line: str, after: str, width: int) -> bool:
    """Whether the line ends only because the text was wrapped at `width` (the text's wrap
    width or its paragraph's widest line): the next line's first word would not have fitted
    on it. A heading ends
    where its writer ended it; a wrapped paragraph's first line ends where the width ran out
    ("From: Lorraine Besant, Branch Manager, Kingsford Library, and Colin" / "Pardew, Mobile
    Library Driver. Posted ...": a notice's sender had headed the notice)."""
    first_word = after.split(maxsplit=1)[0]
    return len(line) >= MIN_WRAPPED_LINE and len(line) + 1 + len(first_word) > width


WRAP_WIDTH_SHARE = 0.9


def text_wrap_width(paragraphs: list[tuple[str, bool]]) -> int:
    """The width the text was wrapped at: the length that 90% of its lines stay within. A
    paragraph's own widest line understates it when the paragraph is short ("2. Minutes of
    the meeting of 16 September 2026" over "Agreed as a correct record and signed by the
    Chair." was no heading for its length); the text's widest line overstates it when one
    line runs long (an address, a table row)."""
    lengths = sorted(len(line) for paragraph, _ in paragraphs for line in paragraph.split("\n"))
    return lengths[int(WRAP_WIDTH_SHARE * (len(lengths) - 1))] if lengths else 0


def _opens(line: str, after: str) -> bool:
    """Whether a numbered line opens the clauses numbered under it ("3. Sickness absence" /
    "3.1 Unite said ..."): minutes' items over their numbered points had stayed text."""
    numbered = NUMBERED_HEADING.match(line)
    number = f"{numbered.group(1)}." if numbered else ""
    return (
        bool(number) and after.startswith(number) and after[len(number) : len(number) + 1].isdigit()
    )


def _numbering(line: str) -> tuple[int, bool] | None:
    """A numbered line's style: how deep its number is and whether a full stop ends it
    ("2." (0, True), "2.1" (1, False)); None when the line is not numbered."""
    numbered = NUMBERED_HEADING.match(line)
    return (numbered.group(1).count("."), bool(numbered.group(2))) if numbered else None


def heading_numberings(
    paragraphs: list[tuple[str, bool]], wrap_width: int
) -> frozenset[tuple[int, bool]]:
    """The numberings of the paragraphs' first lines that lead their text as headings.
    Items numbered alike are headings alike: minutes' "1. Minutes of 22 October 2026" over
    the one line "Agreed as a correct record." had stayed text, while "2. Staff absence line"
    over a longer paragraph was a heading (the title's paragraph never leads)."""
    found = set()
    for paragraph, in_columns in paragraphs[1:]:
        lines = paragraph.split("\n", 2)
        numbering = _numbering(lines[0])
        if numbering and not in_columns and len(lines) > 1:
            width = max(wrap_width, *(len(line) for line in paragraph.split("\n")))
            if leading_heading(lines[0], lines[1], width):
                found.add(numbering)
    return frozenset(found)


# a setting's name and its value ("pkcs11-slot 0", "DN: /CN=YOUR_USER", "Port=22")
_NAME_VALUE = re.compile(r"^[A-Za-z][\w.-]*(?:\s*[=:]\s*|\s+)\S+$")


_CONTENTS = re.compile(r"(?:table of )?contents:?", re.IGNORECASE)
_CONTENTS_ENTRY = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?\s+\S")


def without_contents(paragraphs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The paragraphs without a table of contents: "Contents" over numbered lines, each a
    paragraph (a MoinMoin wiki page as text: Dovecot's). Read as numbered headings, its last
    entry ("9. Client connections") had headed every section after it, and the list, before
    the page's own title, had given the document its title ("Contents"). Its entries are
    the headings the text gives again."""
    out: list[tuple[str, bool]] = []
    n = 0
    while n < len(paragraphs):
        end = n + 1
        if _CONTENTS.fullmatch(paragraphs[n][0].strip()):
            while end < len(paragraphs) and _contents_entry(paragraphs[end][0]):
                end += 1
        if end - n > 2:
            n = end
            continue
        out.append(paragraphs[n])
        n += 1
    return out


def _contents_entry(paragraph: str) -> bool:
    return "\n" not in paragraph and bool(_CONTENTS_ENTRY.match(paragraph.strip()))
