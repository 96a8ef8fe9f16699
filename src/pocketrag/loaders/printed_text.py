"""Plain text as a formatter printed it for a terminal or a line printer (nroff and grotty,
`man`, a report's print-out): overstruck bold and underline, words broken at a line's end,
the pages' running titles and headers. Undone before the text loader reads the text's
structure.
"""

from __future__ import annotations

import io
import re

# A typewriter's bold and underline, as nroff/grotty and `man` print them: a letter struck
# twice ("m\bm") or over an underscore ("_\bm", "m\b_"), each backspace going back one.
_UNDERLINED = re.compile(r"_\x08(?=[^\x08])|(?<=[^\x08])\x08_")
_STRUCK = re.compile(r"([^\x08])(?:\x08\1)+")


def without_overstrikes(text: str) -> str:
    """The text as read, not as struck: groff's -me manuals printed by grotty had every bold
    letter doubled ("..pppp" for ".pp") and an underscore before every underlined one."""
    if "\x08" not in text:
        return text
    return _STRUCK.sub(r"\1", _UNDERLINED.sub("", text))


# nroff/grotty's hyphen is U+2010, also where it breaks a word at a line's end ("expres‐" /
# "sions"): the piece on the next line moves up to its word, the rest of that line stays.
_NROFF_BREAK = re.compile(r"(\w+)\u2010\n([ \t]*)([a-z]\w*)(\S*)[ \t]?")
_NROFF_COMPOUND = re.compile(r"\w+\u2010\w+")


def nroff_words_joined(text: str) -> str:
    """Words nroff broke at a line's end made whole: with their hyphen where the text writes
    them so elsewhere ("user‐defined"), else without ("expressions"), as in pdf_hyphens."""
    if "\u2010\n" not in text:
        return text
    compounds = {m[0].casefold() for m in _NROFF_COMPOUND.finditer(text)}

    def joined(m: re.Match[str]) -> str:
        hyphen = "\u2010" if f"{m[1]}\u2010{m[3]}".casefold() in compounds else ""
        return f"{m[1]}{hyphen}{m[3]}{m[4]}\n{m[2]}"

    return _NROFF_BREAK.sub(joined, text)


# A page's running title and number, as nroff and other paginating formatters print it:
# "USING GROFF AND −ME        3", or the number first. The title is one phrase, not opening
# with a digit ("3   1   0   some text" is a row of Vim's jump list).
_TITLE = r"[^\s\d](?:(?![ \t]{3}).)*?"
_RUNNING_LINE = re.compile(
    rf"^[ \t]*(?:({_TITLE})[ \t]{{3,}}(\d{{1,4}})|(\d{{1,4}})[ \t]{{3,}}({_TITLE}))[ \t]*$", re.M
)
MIN_RUNNING_PAGES = 3


def without_running_lines(text: str) -> str:
    """The text without its pages' running titles: a title beside a page number, the same
    on three pages or more with other numbers each time (groff's -me manuals printed as
    text had "−ME REFERENCE MANUAL 2" between every two pages' paragraphs)."""
    pages: dict[str, set[str]] = {}
    for m in _RUNNING_LINE.finditer(text):
        pages.setdefault(m[1] or m[4], set()).add(m[2] or m[3])
    running = {title for title, numbers in pages.items() if len(numbers) >= MIN_RUNNING_PAGES}
    if not running:
        return text
    return _RUNNING_LINE.sub(lambda m: "" if (m[1] or m[4]) in running else m[0], text)


_DIGITS = re.compile(r"\d+")
_PAGE = re.compile(r"[^\f]+")  # a page: the text between form feeds
MAX_PAGE_HEADER_LINES = 6


def without_page_headers(text: str) -> str:
    """The text with its form feeds as paragraph breaks and, on every page after the first,
    the page's header left out: the lines up to the page's first blank line when they are
    the first page's header but for their numbers ("Page 2 of 3"). A printed report's header
    had run into the last section of each page before it (gullcombe's maintenance report).
    Pages are read one at a time into one buffer, and a run of form feeds is one break: a
    file of millions of them must become neither a list of millions of strings nor millions
    of empty paragraphs (read as one line before, it cost a second)."""
    if "\f" not in text:
        return text
    pages = _PAGE.finditer(text.replace("\r\n", "\n"))
    first = next(pages, None)
    if first is None:
        return ""
    header = _page_header(first.group())
    out = io.StringIO()
    out.write(first.group())
    for found in pages:
        page = found.group()
        own = _page_header(page)
        if header is not None and own is not None and own[0] == header[0]:
            page = page[own[1] :]
        if page and not page.isspace():
            out.write("\n\n")
            out.write(page)
    return out.getvalue()


def _page_header(page: str) -> tuple[str, int] | None:
    """(the page's header lines with their numbers blanked, where the text after them starts)
    for the lines before the page's first blank line, if a few; else None."""
    lines = page.split("\n", MAX_PAGE_HEADER_LINES + 1)[: MAX_PAGE_HEADER_LINES + 1]
    for n, line in enumerate(lines):
        if not line.strip():
            header = "\n".join(" ".join(x.split()) for x in lines[:n])
            return (_DIGITS.sub("#", header), sum(len(x) + 1 for x in lines[:n])) if n else None
    return None
