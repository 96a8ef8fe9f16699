"""PDF with pypdfium2 (chosen over pypdf by measurement: docs/PDF_EXTRACTION.md).

Text per page, in PDFium's reading order (it follows the content stream, which keeps
columns together for most generators, and handles rotated pages). Lines are re-joined into
paragraphs, and short title-like lines become a one-level heading path: a best effort, as
PDF has no structure to read back.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pocketrag.documents import Block, Document, LoaderError
from pocketrag.loaders import (
    pdf_breaks,
    pdf_chapters,
    pdf_chars,
    pdf_display,
    pdf_fonts,
    pdf_footnotes,
    pdf_forms,
    pdf_lines,
    pdf_outline,
    pdf_running,
    pdf_sections,
    pdf_tables,
)
from pocketrag.loaders._common import (
    NEVER_LAST,
    NUMBERED_HEADING,
    SENTENCE_END,
    TextBudget,
    check_pages,
    clean_inline,
    heading_level,
    is_admonition,
)
from pocketrag.loaders.ocr import ScanReader
from pocketrag.loaders.pdf_hyphens import LINE_END_HYPHEN, keep_hyphens
from pocketrag.loaders.pdf_spaces import spaced
from pocketrag.loaders.pdf_underscores import underscored
from pocketrag.loaders.wrapping import in_capitals

if TYPE_CHECKING:
    from pocketrag.settings_views import LoaderLimits

_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
# TeX's old fonts set an accent as a glyph of its own before the letter ("Wirtschafts-
# universit¨at"): spacing accent -> combining one, composed with its letter by NFC.
_SPACING_ACCENTS = {"¨": "\u0308", "´": "\u0301", "ˆ": "\u0302", "˜": "\u0303", "ˇ": "\u030c"}
_ACCENTED = re.compile(f"([{''.join(_SPACING_ACCENTS)}])([A-Za-z])")
# A code listing's line broken by the typesetter ends in a hooked arrow (LaTeX's listings,
# as DocBook's dblatex sets it), which PDFium reads "←-": "certificate ←-" / "verify failed"
_CONTINUED = re.compile(r"(\S)[ \t]*\u2190-[ \t]*\n[ \t]*(\S)")
# A minus sign is typed as a hyphen: groff sets every "-" of a man page ("−o", "−−login")
# as U+2212, and Unicode text sets options and negative numbers with it too.
_MINUS = str.maketrans({"\u2212": "-"})
# groff's fonts draw ASCII "^" and "~" with the circumflex and tilde accents (U+02C6,
# U+02DC): "˜/.bashrc", "ˆC". In its documents they are never accents.
_GROFF_ASCII = str.maketrans({"ˆ": "^", "˜": "~"})
# A page where more than this share of lines look like headings is a table or a form.
_MAX_HEADING_SHARE = 0.5
_PDFIUM_LOCK = threading.Lock()
MAX_PAGE_POINTS = 14_400
# Metadata titles that are file names or placeholders ("Binder1.pdf", "untitled").
_JUNK_TITLE = re.compile(r"^$|^untitled|^microsoft word|\.[a-z0-9]{2,4}$|^\S+$", re.I)
# A contents page's heading names no document: htmldoc prints the contents first, and
# "Table of Contents" had been the title over every heading path of the Xfig reference.
_CONTENTS = re.compile(r"^(?:table of )?contents$", re.I)
MAX_FOOTER_WORDS = 8
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)


def open_pdf(path: Path, password: str | None) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            if password is None:
                raise LoaderError(
                    "the PDF is encrypted; give the password with --password"
                ) from exc
            raise LoaderError("wrong password for this encrypted PDF") from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise LoaderError("the PDF uses an unsupported security handler") from exc
        raise LoaderError(f"not a readable PDF (damaged or truncated?): {exc}") from exc


def check_page_size(page: pdfium.PdfPage, number: int) -> None:
    """PDFium sizes buffers by the page's area: a 10^9-point page took +250 MB (issue 12).
    The PDF specification caps pages at 14,400 points (200 inches) a side."""
    width, height = page.get_size()
    if not (0 < width <= MAX_PAGE_POINTS and 0 < height <= MAX_PAGE_POINTS):
        page.close()
        raise LoaderError(
            f"page {number} is {width:,.0f} x {height:,.0f} points, over the PDF "
            f"specification's {MAX_PAGE_POINTS:,}-point limit (a damaged or hostile file)"
        )


# glyphs without a character opening a line of text, or alone on the line before it: a
# list's bullet (a run of such lines is a drawing's points)
_NO_CHAR = pdf_chars.UNMAPPED
_BULLET_GLYPH = re.compile(
    rf"(?<!{_NO_CHAR}\n)^ *{_NO_CHAR}[ {_NO_CHAR}]*\n?(?=[^\s{_NO_CHAR}])", re.M
)


def page_lines(raw: str) -> list[str]:
    """PDFium's page text as clean lines: soft hyphens re-joined, ligatures expanded."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = _BULLET_GLYPH.sub("• ", raw)  # a list's bullet without a character (pdf_chars)
    # PDFium marks a hyphen at a line's end as U+FFFE, a word broken there ("employ-ment"),
    # and drops it; before a capital or a digit it is a hyphen of the text: "Marsh-Oduya",
    # "2026-27", unless a word in capitals is broken ("DEBHEL-PER": keep_hyphens decides)
    raw = raw.replace(LINE_END_HYPHEN, "")  # a symbol font's glyph: the mark is ours alone
    raw = re.sub(r"(?<=[A-Z]{2})\ufffe\n?(?=[A-Z]{2})", LINE_END_HYPHEN, raw)
    raw = re.sub(r"(?<=\w)\ufffe\n?(?=[A-Z0-9])", "-", raw)
    raw = re.sub(r"(?<=\w)\ufffe\n?(?=\w)", LINE_END_HYPHEN, raw)  # see keep_hyphens
    raw = re.sub(r"\ufffe\n?", "", raw)
    raw = raw.translate(_LIGATURES)
    raw = _ACCENTED.sub(_accented, raw)
    raw = _CONTINUED.sub(_continued, raw)
    lines = [line for line in (clean_inline(x) for x in raw.split("\n")) if line]
    if lines and _PAGE_NUMBER.match(lines[-1]):  # page numbers are not content
        lines.pop()
    elif len(lines) > 1 and _PAGE_NUMBER.match(lines[-2]) and _footer_like(lines[-1]):
        lines.pop(-2)  # over a footer line ("1" / "Alderson Reporting Company")
    if lines and _PAGE_NUMBER.match(lines[0]):
        lines.pop(0)
    return lines


def _continued(m: re.Match[str]) -> str:
    """A code line broken by the typesetter, joined: without a space where it broke inside a
    word or a path ("epel-" / "release", "/usr/local" / "/sbin"), else with one."""
    return m[1] + ("" if m[1] in "-/" or m[2] == "/" else " ") + m[2]


def _accented(m: re.Match[str]) -> str:
    """ "¨a" -> "ä"; left alone when no such letter exists ("Ageˆncia": that accent belongs
    to the letter before it)."""
    letter = unicodedata.normalize("NFC", m[2] + _SPACING_ACCENTS[m[1]])
    return letter if len(letter) == 1 else m[0]


def _footer_like(line: str) -> bool:
    """A short line that does not end a sentence ("Alderson Reporting Company")."""
    return (
        not _PAGE_NUMBER.match(line)
        and len(line.split()) <= MAX_FOOTER_WORDS
        and not line.endswith(SENTENCE_END)
    )


class Heading(NamedTuple):
    """A heading in the path: its level, its line, its type size when it was set in display
    type (pdf_display), else 0, and whether a bookmark named it (pdf_outline)."""

    level: int
    text: str
    size: float = 0.0
    outlined: bool = False


Headings = Sequence[tuple[int, str] | Heading]


def _numbered_clause(line: str) -> bool:
    """ "5.2 The ..." or "3. Report ...": a numbered clause or heading."""
    m = NUMBERED_HEADING.match(line)
    return bool(m and ("." in m.group(1) or m.group(2)))


MAX_SENTENCE_CASE_HEADING_WORDS = 6
SENTENCE_CASE = 0  # a heading level decided where it is met (page_blocks)


def _sentence_case_heading(lines: list[str], i: int, width: int) -> int | None:
    """SENTENCE_CASE for a short sentence-case line set apart like a heading ("Working from
    home and abroad"): after a finished sentence (or first on the page), before a long line
    of body text, itself short, without a full stop or digits, and only its first word
    capitalised (a table's header row, "Trip type Allowance", is not). heading_level
    leaves such lines out because, alone, they look like any short line; their place says
    what they are."""
    line = lines[i]
    words = line.split()
    if not words or len(words) > MAX_SENTENCE_CASE_HEADING_WORDS or len(line) >= 0.6 * width:
        return None
    if not line[0].isupper() or line.endswith((*SENTENCE_END, ",")):
        return None
    if any(w[:1].isupper() for w in words[1:]):
        return None
    if any(c.isdigit() or c in "$€£%|" for c in line):
        return None
    if i > 0 and not lines[i - 1].endswith(SENTENCE_END):
        return None
    if i + 1 == len(lines):
        return None
    after = lines[i + 1].lstrip(_BULLETS)  # its first bullet ("Training and fitness" / "• ...")
    return SENTENCE_CASE if after[:1].isupper() and len(after) >= 0.5 * width else None


_BULLETS = "•·▪◦‣–-* "


_BARE_CHAPTER = re.compile(r"^(\d{1,2}) (?=[A-Z])")


def _chapter_heading(lines: list[str], i: int) -> int | None:
    """1 for a chapter's number and title without a full stop ("8 Command Line Editing", as
    texinfo sets them) when the page also holds the chapter's section "8.1": alone, a line
    that starts with a figure ("20 Days' Notice") could be anything. Missed, the chapters'
    sections stayed under whatever unnumbered heading came before."""
    line = lines[i]
    m = _BARE_CHAPTER.match(line)
    if not m or isinstance(line, pdf_tables.TableRow) or heading_level(line[m.end() :]) != 1:
        return None
    section = re.compile(rf"{m[1]}\.\d")
    return 1 if any(section.match(x) for x in lines[i + 1 :]) else None


def _wrapped_name_line(line: str, width: int) -> bool:
    """A full line of capitalised names with initials or abbreviations and commas is a
    sentence that wraps ("STEVEN E. MERCER, ESQ., Deputy Attorney General, Los" / "Angeles,
    Cal.; on behalf of the Petitioner."), not a heading; "Containment, Eradication, and
    Recovery" (no full stop) still is one."""
    if len(line) < 0.9 * width or ", " not in line or NUMBERED_HEADING.match(line):
        return False
    return bool(re.search(r"\w\.[ ,]", line))


def _heads_what_follows(lines: list[str], levels: list[int | None], i: int, width: int) -> bool:
    """Whether a heading-like line is placed like a heading: body text or a numbered
    sub-heading follows, and the next line does not carry on its sentence ("5.2 The Officer
    acknowledges every concern within 5 days and aims to / conclude ..." is a numbered
    paragraph). A numbered one may end the page: its section starts on the next page."""
    if i + 1 == len(lines):
        return bool(NUMBERED_HEADING.match(lines[i]))
    if _wrapped_name_line(lines[i], width):
        return False
    after = lines[i + 1]
    if after[:1].islower() or _ENDS_FIRST_WORD.match(after):
        return False
    return len(after) >= 0.5 * width or bool(NUMBERED_HEADING.match(after) and levels[i + 1])


def _placed_as_heading(lines: list[str], levels: list[int | None], i: int, width: int) -> bool:
    """_heads_what_follows, or a section's numbered heading in a typeset manual, unless the
    line carries on the paragraph above it."""
    if pdf_sections.carries_paragraph_on(lines, i, width) or pdf_sections.sole_body_line(lines, i):
        return False
    return _heads_what_follows(lines, levels, i, width) or pdf_sections.numbered_section(
        lines, i, width
    )


# A next line whose first word ends a sentence carries on the line above ("Pennock Vale
# Surgery and Hollinbeck Branch" / "Surgery. Staff leaflet E-2, ...": a wrapped sentence).
# Not a comma ("However, ..." opens many a section), a colon ("Note: ...") or a short
# abbreviation ("Dr. Shah ...").
_ENDS_FIRST_WORD = re.compile(r"^[^\W\d_]{4,}[.;](?:\s|$)")


# A line ending inside an e-mail address ("team@security." + "debian.org") or a host name
# of two dots or more ("ftp.upload." + "debian.org"; "bugs." + "debian.org" may end a
# sentence, so it stays apart), the next line going on in lower case.
_BROKEN_ADDRESS = re.compile(r"@[\w.-]*\.$")
_BROKEN_HOST = re.compile(r"\b[a-z0-9-]+\.[\w.-]*\.$")
_ADDRESS_GOES_ON = re.compile(r"^[a-z0-9-]+\b")
_DOMAIN_GOES_ON = re.compile(r"^[a-z0-9-]+\.[a-z]{2,}\b")
# A name broken after one of its underscores ("R_ENVIRON_" + "USER"); not a macro that ends
# in two ("__linux__" over "macOS: __APPLE__" is a list of two).
_BROKEN_NAME = re.compile(r"(?:^|\s)[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_$")


FULL_LINE = 0.8  # a line this share of the column's width or more runs its full width


def _opens_section(lines: list[str], i: int, shown: set[int], width: int) -> bool:
    """Whether line `i`, in body type, runs the column's full width right under a heading
    set larger: it is the section's first line of text, however capitalised ("Safeguarding:
    who to tell" over "The Designated Safeguarding Lead (DSL) is Priya": read as a heading
    too, it had replaced the real one, which headed no text and was lost). Not a numbered
    line nor one in capitals ("TERMS AND CONDITIONS FOR COPYING, ..." under the GPL's
    title), which head sections of their own."""
    line = lines[i]
    if i in shown or i - 1 not in shown or len(line) < FULL_LINE * width:
        return False
    return not NUMBERED_HEADING.match(line) and not in_capitals(line)


def joined_lines(lines: list[str]) -> str:
    """A paragraph's wrapped lines as one text: joined by a space, except where a path, a
    URL ("/usr/share/doc/" + "package/copyright"), an address or host name
    ("team@security." + "debian.org") or a name after its underscore was broken."""
    text = ""
    for line in lines:
        tail = text[-80:]
        broken = (
            text.endswith("/")
            or (_BROKEN_NAME.search(tail) is not None and line[:1].isalnum())
            or (_BROKEN_ADDRESS.search(tail) is not None and _ADDRESS_GOES_ON.match(line))
            or (_BROKEN_HOST.search(tail) is not None and _DOMAIN_GOES_ON.match(line))
        )
        text += line if not text or broken else f" {line}"
    return text


def _section_number(line: str) -> str | None:
    """ "11.11" of "11.11 Games", None for a heading without a number."""
    m = NUMBERED_HEADING.match(line)
    return m.group(1) if m else None


def _contains(ancestor: str, number: str | None) -> bool:
    """Whether a numbered section can hold section `number`: "11." holds "11.11", but "5."
    does not (a numbered list item read as a heading, "5. Providing httpd", must not head
    the later sections 11.x). Unnumbered headings (a chapter's title) hold anything."""
    theirs = _section_number(ancestor)
    return theirs is None or number is None or number.startswith(f"{theirs}.")


def line_width(lines: list[str]) -> int:
    """The page's typical full-line width: a percentile of its printed lines. A line
    re-joined to the next at a hyphen (LINE_END_HYPHEN, before keep_hyphens) counts as two:
    on a justified man page of many such lines, the joined ones had set the width.

    A table's row is not a printed line but its cells joined with their headers, longer than
    any line: when the rows are so many that the percentile falls on one, the width is the
    printed lines' (on a page of seven rows, no paragraph's first line was long enough to
    follow its heading, "4. Allergies and anaphylaxis"), unless they are fewer than half
    the page (a few title lines over a long table are too few to measure a width by)."""
    measured = sorted(
        (len(piece), isinstance(x, pdf_tables.TableRow))
        for x in lines
        for piece in x.split(LINE_END_HYPHEN)
    )
    if not measured:
        return 0
    length, a_row = measured[int(0.8 * (len(measured) - 1))]
    printed = [n for n, row in measured if not row]
    if a_row and 2 * len(printed) >= len(measured):
        return printed[int(0.8 * (len(printed) - 1))]
    return length


# A numbered heading's first line ending on one of these was wrapped ("2. The buddy system
# and" / "check-in times", "6. Consent and information for" / "parents": a leaflet's narrow
# column), when the line after it is short: a preposition may end a heading of its own.
_WRAPPED_AFTER = NEVER_LAST | frozenset(
    ["to", "for", "in", "on", "with", "at", "from", "into", "under", "over", "about"]
)
WRAPPED_HEADING_REST = 0.6  # of the page's line width, at most: a full line is body text


# one or two plain words in lower case: not a term under a heading ("auto_resume",
# "beginning-of-line (C-a)")
_PLAIN_REST = re.compile(r"[a-z]+(?: [a-z]+)?")


def _last_words(rest: str) -> bool:
    """A heading's last word or two, wrapped onto a line of their own in lower case
    ("5. Needlestick and sharps" / "injuries": a leaflet's narrow column)."""
    return bool(_PLAIN_REST.fullmatch(rest))


def _holds(outer: Heading, inner: Heading) -> bool:
    """Whether `inner` goes under `outer` in the path. A heading in smaller type holds none
    in larger type (a short line of body text read as a heading had held a leaflet's
    sections); in the same display type, unnumbered headings are siblings ("Checking in"
    and "Opening up" are, though only the first reads as title-cased).
    Else a lower level holds a higher, if its number allows; the title is level 0."""
    number = _section_number(inner.text)
    if not _contains(outer.text, number) or outer.size < inner.size:
        return False
    if outer.size == inner.size > 0 and number is None and _section_number(outer.text) is None:
        return False
    return outer.level < inner.level


def _wrapped_headings_joined(lines: list[str], width: int, shown: set[int]) -> list[str]:
    """A numbered heading wrapped onto a second line is one line again, when the first line
    ends on a connecting word (_WRAPPED_AFTER) or the second holds its last words
    (_last_words), and the second is short and ends no sentence (the full line under "1.
    Who this is for" is body text). Read apart, neither was a heading (the second carries
    the first on in lower case), and the heading went into the paragraph under it. Lines
    `shown` in display type are joined by their size (pdf_display.joined), not here."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        rest = lines[i + 1] if i + 1 < len(lines) else ""
        last = line.rsplit(None, 1)[-1].lower() if line.strip() else ""
        joined = f"{line} {rest}"
        if (
            rest
            and not {i, i + 1} & shown
            and not isinstance(line, (pdf_tables.TableRow, pdf_outline.OutlineHeading))
            and not isinstance(rest, (pdf_tables.TableRow, pdf_outline.OutlineHeading))
            and NUMBERED_HEADING.match(line)
            and (last in _WRAPPED_AFTER or _last_words(rest))
            and len(rest) <= WRAPPED_HEADING_REST * width
            and not any(mark in rest for mark in SENTENCE_END)
            and heading_level(joined) is not None
        ):
            out.append(joined)
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def _carried_on(lines: list[str], i: int) -> bool:
    """Whether the line's sentence goes on in the next line (it starts in lower case)."""
    return i + 1 < len(lines) and lines[i + 1][:1].islower()


_ITEM_NUMBER = re.compile(r"^(\d{1,3})[.)]\s")


def _next_list_items(
    lines: list[str], levels: list[int | None], candidates: dict[int, int]
) -> list[int]:
    """The heading-like lines that go on a numbered list: "5. Ring Dalesway Occupational
    Health on 01632" right after the item "4. Report it at once to the duty doctor, who" /
    "assesses ...", which reads as no heading or goes on in lower case, is the list's fifth
    item, not a section. Sections numbered one after the other are no list, also where one
    was not placed like a heading."""
    numbered = [
        (i, int(m[1]))
        for i, line in enumerate(lines)
        if not isinstance(line, pdf_tables.TableRow) and (m := _ITEM_NUMBER.match(line))
    ]
    items: set[int] = set()
    # forwards: an item after an item; backwards: the first item(s) of such a list ("1.
    # Search all files starting from ..." over the items 2 to 6)
    for order, step in ((numbered, 1), (numbered[::-1], -1)):
        last = None  # the number of the latest numbered line that is no heading
        for i, number in order:
            item = levels[i] is None or i in items or _carried_on(lines, i)
            if item or (i in candidates and last is not None and number == last + step):
                if i in candidates:
                    items.add(i)
                last = number
            else:
                last = None  # a numbered section: its list, if any, starts again at 1
    return sorted(items)


def _level(line: str) -> int | None:
    """heading_level's, but a table's row or a line of code is never a heading, a chapter's
    title always heads the first level and a bookmark's heading its depth's."""
    if isinstance(line, pdf_outline.OutlineHeading):
        return line.depth + 1
    if isinstance(line, (pdf_tables.TableRow, pdf_fonts.CodeLine, pdf_footnotes.Footnote)):
        return None
    return 1 if isinstance(line, pdf_chapters.ChapterTitle) else heading_level(line)


def page_blocks(
    lines: list[str],
    page: int,
    headings: Headings,
    width: int | None = None,
    display: Mapping[str, float] | None = None,
    titles: pdf_outline.Titles | None = None,
) -> tuple[list[Block], list[Heading]]:
    """Group a page's lines into paragraphs; carry the heading path across pages. `width`
    is line_width's, read before the line-end hyphens were decided; `display` keys the
    page's lines set larger than the body text (pdf_display), and `titles` are the
    outline's for the page (pdf_outline.marked takes those it finds): both head what
    follows wherever they stand."""
    width = line_width(lines) if width is None else width
    path = [Heading(*h) for h in headings]
    display = dict(display or {})
    lines = pdf_footnotes.footnotes_apart(pdf_chapters.chapter_titles(lines))
    lines = pdf_outline.marked(lines, titles if titles is not None else {})
    lines = pdf_display.joined(lines, display)
    shown = {i for i, x in enumerate(lines) if pdf_display.heads(x, display)}
    lines = _wrapped_headings_joined(lines, width, shown)
    shown = {i for i, x in enumerate(lines) if pdf_display.heads(x, display)}
    outlined = {i for i, x in enumerate(lines) if isinstance(x, pdf_outline.OutlineHeading)}
    sure = shown | outlined  # lines whose type size or bookmark says they head what follows
    # a title is set larger than anything else on its page: "Emergencies at work" over its
    # sections "1. Fire", ..., set larger than their text
    sizes = sorted((display[pdf_display.keyed(lines[i])] for i in shown), reverse=True)
    title_size = sizes[0] if sizes[:1] != sizes[1:2] else None
    levels = [_level(x) for x in lines]
    levels = [
        (_chapter_heading(lines, i) or _sentence_case_heading(lines, i, width))
        if lv is None
        and not is_admonition(lines[i])
        and not isinstance(lines[i], pdf_fonts.CodeLine)
        else lv
        for i, lv in enumerate(levels)
    ]
    # a display line's place needs no reading: its size says it heads what follows
    levels = [SENTENCE_CASE if lv is None and i in shown else lv for i, lv in enumerate(levels)]
    candidates = {
        i: level
        for i, level in enumerate(levels)
        if level is not None
        and (
            i in sure
            or isinstance(lines[i], pdf_chapters.ChapterTitle)
            or (
                _placed_as_heading(lines, levels, i, width)
                and not _opens_section(lines, i, shown, width)
            )
        )
    }
    for i in _next_list_items(lines, levels, candidates):
        if i not in sure:
            del candidates[i]
    prose = len(candidates) <= max(2, _MAX_HEADING_SHARE * len(lines))
    heading_lines = candidates if prose else {i: lv for i, lv in candidates.items() if i in sure}
    blocks: list[Block] = []
    paragraph: list[str] = []
    bare_since = -1  # len(blocks) when this page last set a heading

    def flush() -> None:
        if paragraph:
            texts = tuple(h.text for h in path)
            blocks.append(Block(text=joined_lines(paragraph), page=page, heading_path=texts))
            paragraph.clear()

    for i, line in enumerate(lines):
        if isinstance(line, pdf_tables.TableRow):  # a table row is a block of its own
            flush()
            paragraph.append(line)
            flush()
            continue
        if i in outlined:
            flush()
            heading = Heading(line.depth + 1, line, 0.0, outlined=True)
            # the outline says where it stands: under the title and shallower bookmarks, and
            # under a shallower heading it left out, where that heading could hold it (a
            # chapter's, whose bookmark names it otherwise)
            kept = [
                h for h in path if h.level < heading.level and (h.outlined or _holds(h, heading))
            ]
            path = [*kept, heading]
            bare_since = len(blocks)
            continue
        if i in heading_lines and not pdf_sections.list_item_in_section(line, path):
            flush()
            level = heading_lines[i]
            if level == SENTENCE_CASE:  # below the numbered or title-case section it is in
                level = 1 + max((h.level for h in path if heading_level(h.text)), default=0)
            elif pdf_sections.in_chapter(line, path):
                level = 1 + max(h.level for h in path if pdf_sections.chapter_or_section(h.text))
            # a heading the outline left out stands below the bookmarks' (a deeper one, or a
            # line that only looks like a heading): it never closes their sections
            level = max(level, 1 + max((h.level for h in path if h.outlined), default=-1))
            size = display.get(pdf_display.keyed(line), 0.0)
            if isinstance(line, pdf_chapters.ChapterTitle):  # its label and title, joined:
                size = max(display.values(), default=size)  # the page's largest type
            if (
                page == 1
                and not path
                and size == title_size
                and not _section_number(line)
                and not _CONTENTS.match(line)
            ):
                level = 0  # the document's title, over all its sections
            heading = Heading(level, line, size)
            kept = [h for h in path if (h.outlined and h.level < level) or _holds(h, heading)]
            bare = _section_number(line) and bare_since == len(blocks)  # no text under the last
            if bare and (empty := pdf_sections.closed_empty(path, kept)):
                blocks.append(Block(text=empty[-1], page=page, heading_path=empty[:-1]))
            path = [*kept, heading]
            bare_since = len(blocks)
            continue
        if _numbered_clause(line) or pdf_footnotes.opens_note(line):
            flush()  # "5.2 The Officer acknowledges ..." starts a paragraph of its own
        if is_admonition(line):
            flush()  # "Tip" leads its note's paragraph in: "Tip: Version control ..."
            paragraph.append(f"{line.rstrip(': ')}:")
            continue
        paragraph.append(line)
        # A line that ends a sentence well short of the full width ends its paragraph.
        if line.endswith(SENTENCE_END) and len(line) < 0.8 * width:
            flush()
    flush()
    return blocks, path


def load(path: Path, limits: LoaderLimits, password: str | None = None) -> Document:
    # PDFium is not thread-safe, not even across different documents; the API may ingest
    # uploads from worker threads, so PDF work is serialised here.
    with _PDFIUM_LOCK:
        return _load(path, limits, password)


# Pages read ahead for running lines: a sample spread over a long document is enough to
# see a line that is on half its pages, and costs a fixed ~20 ms (all of the Debian Policy
# Manual's 193 pages added 27% to its load time).
RUNNING_SAMPLE = 12


def _running(pdf: pdfium.PdfDocument, signs: dict[int, str]) -> set[str]:
    """The document's running lines, read before its tables from the edge lines of a
    sample of pages (drop_running_lines later reads every page's)."""
    pages = len(pdf)
    if pages < 2:
        return set()
    sample = sorted({k * (pages - 1) // (RUNNING_SAMPLE - 1) for k in range(RUNNING_SAMPLE)})
    pages_edges = []
    for number in sample:
        page = pdf[number]
        check_page_size(page, number + 1)
        textpage = page.get_textpage()
        try:
            pages_edges.append(
                pdf_running.edges(page_lines(pdf_chars.page_text(textpage).translate(signs)))
            )
        finally:
            textpage.close()
            page.close()
    return pdf_running.running_keys(pages_edges)


def typed_signs(metadata: dict[str, str]) -> dict[int, str]:
    """The translation of the document's signs to what a user types."""
    if metadata.get("Creator", "").startswith("groff"):
        return _MINUS | _GROFF_ASCII
    return _MINUS


def _load(path: Path, limits: LoaderLimits, password: str | None) -> Document:
    pdf = open_pdf(path, password)
    try:
        if pdf_forms.has_form(pdf):
            pdf.init_forms()  # before any page is loaded (pypdfium2), for the typed answers
        pages = len(pdf)
        check_pages(pages, limits)
        budget = TextBudget(limits)
        scans = ScanReader(limits)  # OCR of pages without a usable text layer
        metadata = pdf.get_metadata_dict(skip_empty=True)
        signs = typed_signs(metadata)
        outline = pdf_outline.read(pdf)
        # data tables read as "Header: cell; ..." rows (POCKETRAG_PDF_TABLES)
        tables = pdf_tables.TableReader(_running(pdf, signs)) if limits.pdf_tables else None
        page_texts: list[list[str]] = []
        widths: list[int] = []
        sizes = pdf_display.TypeSizes()
        for number in range(pages):
            page = pdf[number]
            check_page_size(page, number + 1)
            textpage = page.get_textpage()
            try:
                # one character for each of PDFium's, which the table reader relies on
                raw = underscored(pdf_chars.page_text(textpage), textpage, page).translate(signs)
                code = pdf_fonts.typefaces(raw, textpage)
                sizes.add_page(raw, textpage)
                lines = page_lines(spaced(budget.add(raw), textpage))
                if scans.wants(page, lines, number + 1):
                    lines = page_lines(budget.add(scans.read(page, number + 1)))
                elif tables and (found := tables.find(textpage, raw, page.get_rotation())):
                    lines = pdf_tables.splice(page_lines(found[0]), found[1])
                    if tables.amended and page_texts:  # its last row, split by the break
                        page_texts[-1] = pdf_tables.amend(page_texts[-1], *tables.amended)
                if fields := pdf_forms.filled(pdf, page, textpage):
                    budget.add("".join(field.value for field in fields))
                    lines = pdf_forms.merged(lines, fields)
                page_texts.append(pdf_lines.clean_page(pdf_fonts.marked(lines, code)))
                widths.append(line_width(page_texts[-1]))
            finally:
                textpage.close()
                page.close()
        keep_hyphens(page_texts, metadata.get("Producer", ""))
        pdf_running.drop_running_lines(page_texts)
        pdf_breaks.join_broken_names(page_texts)
        first_lines = next((lines[:1] for lines in page_texts if lines), [])
        displays = [sizes.display(number) for number in range(len(page_texts))]
        outline = {
            number: pdf_outline.reworded(page_texts[number], titles, displays[number])
            for number, titles in outline.items()
            if number < len(page_texts)
        }
        every_title = pdf_outline.every_title(outline)
        blocks: list[Block] = []
        headings: list[Heading] = []
        left: pdf_outline.Titles = {}  # the page before's titles its lines did not name
        last_line = ""  # the page before's last line
        for number, (lines, width) in enumerate(zip(page_texts, widths, strict=True), start=1):
            display = displays[number - 1]
            own = outline.get(number - 1, {})
            titles = {**pdf_outline.displayed(lines, display, every_title), **left, **own}
            page_out, headings = page_blocks(lines, number, headings, width, display, titles)
            left = {key: depth for key, depth in titles.items() if key in own}
            # a table row on either side of the break is a row, never a sentence going on
            rows = any(isinstance(x, pdf_tables.TableRow) for x in (last_line, *lines[:1]))
            if blocks and page_out and not rows and pdf_breaks.continues(blocks[-1], page_out[0]):
                before = blocks[-1]  # one paragraph, cited at the page it starts on
                blocks[-1] = Block(f"{before.text} {page_out.pop(0).text}", before.page,
                                   before.heading_path)  # fmt: skip
            blocks.extend(page_out)
            last_line = lines[-1] if lines else last_line
        if not blocks:
            raise scans.no_text_error(pages)
        meta_title = clean_inline(metadata.get("Title", ""))
    finally:
        pdf.close()
    title = "" if _JUNK_TITLE.search(meta_title) else meta_title
    if not title and first_lines and len(first_lines[0]) <= 120:
        title = "" if _CONTENTS.match(first_lines[0]) else first_lines[0]
    return Document(
        source=str(path),
        title=title or path.stem,
        doc_type="pdf",
        blocks=blocks,
        pages=pages,
        metadata={"loader": "pypdfium2", **scans.metadata()},
    )
