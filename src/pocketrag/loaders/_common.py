"""Helpers every loader shares: the size bounds of DESIGN.md decision 6 and text clean-up.

Each bound error names the bound and the setting that changes it, so the person who hit it
knows what to do without reading the code.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from pocketrag.documents import LoaderError

if TYPE_CHECKING:
    from pocketrag.settings_views import LoaderLimits

MB = 1024 * 1024

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# "2.", "2.1", "10.3.1" then a capital: a numbered heading (a bare "20 days" is not one);
# an appendix's "A.1", "B.4.12" too. A chapter of three figures has no sections: "127.0.1.1
# DebianHostName" is a line of /etc/hosts.
NUMBERED_HEADING = re.compile(r"^((?:\d{1,2}|[A-Z])(?:\.\d{1,3})+|\d{1,3})(\.?)\s+[A-Z]")
SENTENCE_END = (".", "!", "?", ":", ";", '."', ".”", ".)")
# A release's line in release notes and NEWS files: a version, then its date ("3.14.14 --
# 31 May 2016", "Version 2.1 (2019-03-01)", "v1.4.0 - March 3, 2020", "fetchmail-6.4.35
# (released 2023-01-04, 31707 LoC):", "Patchlevel 8b (Aug 2021)", "fetchmail-5.9.14 (Fri Sep
# 6 05:03:25 EDT 2002), 21932 lines:", "FreeRADIUS 3.2.1 Mon 03 Oct 2022 12:00:00 EDT
# urgency=low"); the notes under it ("BUG FIXES", "* Fix ...") belong
# to that release.
_RELEASE_DATE = (
    r"\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}"
    r"|[a-z]{3,9}\.?\s+\d{4}|[a-z]{3}\s+[a-z]{3}\s+\d{1,2}\s+[\d:]{5,8}\s+[a-z]{2,5}\s+\d{4}"
    r"|[a-z]{3}\s+\d{1,2}\s+[a-z]{3}\s+\d{4}\s+[\d:]{5,8}\s+[a-z]{2,5}(?:\s+urgency=\w+)?"
)
# a line that is only a date ("September 07, 2023", "2023-10-10")
DATE_LINE = re.compile(rf"^(?:{_RELEASE_DATE})$", re.IGNORECASE)
_VERSION = (
    r"(?:(?:version|release|patchlevel)\s+\d+(?:\.\d+)*"
    r"|(?:v|[a-z][a-z0-9+]*(?:-[a-z][a-z0-9+]*)*[- ])?\d+(?:\.\d+)+)[a-z0-9.+~-]*"
)
# A Debian changelog's or NEWS.Debian's entry line: "chrony (4.1~pre1-1) experimental;
# urgency=medium".
_DEBIAN_ENTRY = r"[a-z0-9][a-z0-9.+-]*\s+\([^()\s]+\)(?:\s+[a-z0-9/+-]+)+;\s+urgency=\w+"
# A release's own heading: "What's new in Sudo 1.9.13p3", "Changes in version 2.3:" (sudo's
# NEWS: its entries had no release to sit under), with its date too: "Changes in version
# 0.4.9.11 - 2026-06-25" (Tor's ChangeLog).
_WHATS_NEW = (
    r"(?:what'?s\s+new|changes|new)\s+in\s+(?:[a-z][\w+-]*\s+){0,3}v?\d+(?:\.\d+)+[a-z0-9.+~-]*"
    rf"(?:\s*(?:--?|–|—|,)?\s*\(?(?:released\s+)?(?:{_RELEASE_DATE})\)?)?:?"
)
# The release's author with an address after its date: "v2.3.19 2022-05-10  Aki Tuomi
# <aki.tuomi@open-xchange.com>" (Dovecot's NEWS).
_AUTHOR = r"[^()<>]{1,60}<[^<>\s]+@[^<>\s]+>"
RELEASE_LINE = re.compile(
    rf"^{_VERSION}\s*(?:--?|–|—|:|,)?\s*\(?(?:released\s+)?(?:{_RELEASE_DATE})"
    rf"(?:,[^()]{{1,40}})?\)?(?:\s+\([^()]{{1,40}}\)|,[^()]{{1,40}}|\s+{_AUTHOR})?:?$"
    rf"|^{_DEBIAN_ENTRY}"
    rf"|^{_WHATS_NEW}$",
    re.IGNORECASE,
)
# Characters of code, settings and markup that no unnumbered heading writes: LilyPond's
# Makefile lines ("MIDIDIR := MIDI") had become the heading of the usage manual's pages.
CODE_MARKS = frozenset("_=\\{}<>#@|")
# A name with its arguments glued on, as code calls it ("Label(currentpen+overwrite(Move))",
# an FAQ's code line above the text that explains it); not a manual page's section
# ("gpg(1)", "openssl(1ssl)").
_CALL = re.compile(r"[A-Za-z_]\((?!\d+[a-z]*\))")


def reads_as_code(line: str) -> bool:
    """Whether the line holds code's marks or a call: no unnumbered heading does."""
    return any(c in CODE_MARKS for c in line) or calls_code(line)


def calls_code(line: str) -> bool:
    """Whether the line calls a function or ends a statement ("currentpen=red;"): code,
    even where a title could hold code's marks ("Shorewall and startup (#847728)")."""
    return _CALL.search(line) is not None or line.rstrip().endswith(";")


# Words no heading ends on ("Who this schedule applies to" may end on a preposition).
NEVER_LAST = frozenset({"a", "an", "the", "and", "or", "of", "by"})
# Words a title-cased heading leaves in lower case.
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with vs via".split())  # noqa: SIM905
# C0/C1 control characters other than tab and newline: noise from PDFs and binary junk;
# and the zero-width space and word joiner, which asciidoctor puts after "…" ("Options…"):
# invisible, they kept a phrase typed without them from matching.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060\ufeff\ufffe\uffff]")


def bound_error(what: str, value: str, limit: str, setting: str) -> LoaderError:
    """The one wording for every bound: value, limit, and the env var that raises it."""
    return LoaderError(f"{what} is {value}, over the {limit} limit (POCKETRAG_{setting.upper()})")


def check_file_size(size_bytes: int, limits: LoaderLimits) -> None:
    """Checked from the file system before a single byte is read."""
    if size_bytes > limits.max_file_mb * MB:
        raise bound_error(
            "file", f"{size_bytes / MB:.1f} MB", f"{limits.max_file_mb:g} MB", "max_file_mb"
        )


def check_pages(pages: int, limits: LoaderLimits) -> None:
    if pages > limits.max_pages:
        raise bound_error("document", f"{pages:,} pages", f"{limits.max_pages:,}-page", "max_pages")


class TextBudget:
    """Counts extracted characters as a loader goes, so a bound stops work early."""

    def __init__(self, limits: LoaderLimits) -> None:
        self.limit = limits.max_text_chars
        self.used = 0

    def add(self, text: str) -> str:
        self.used += len(text)
        if self.used > self.limit:
            raise bound_error(
                "extracted text",
                f"over {self.limit:,} characters",
                f"{self.limit:,}-character",
                "max_text_chars",
            )
        return text


def clean_inline(text: str) -> str:
    """One paragraph on one line: controls dropped, whitespace runs collapsed."""
    text = _CONTROLS.sub("", unicodedata.normalize("NFC", text))
    # line by line, not a pattern around "\n": "\s*\n\s*" tried from every space of a long
    # run without a line break, quadratic on a hostile 100,000-space line
    text = " ".join(line.strip() for line in text.split("\n"))
    return _SPACES.sub(" ", text).strip()


def clean_lines(text: str) -> str:
    """Like clean_inline but keeps single line breaks (lists, table rows, code)."""
    text = _CONTROLS.sub("", unicodedata.normalize("NFC", text.replace("\r\n", "\n")))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def table_lines(rows: list[list[str]], marked_header: bool | None = None) -> list[str]:
    """A table's rows as lines of text: "column: value; ..." when the first row is a header
    (every cell filled but an empty corner, no two alike, and either marked up as one
    (`marked_header` True) or, when the markup does not say (None), reading like labels,
    not sentences), which then stays a line of its own; else " | "-joined. Each row names
    its columns, so it reads whole wherever a chunk cuts the table (DOCX and HTML alike; PDF
    tables in pdf_tables.py). `marked_header` False: the markup says there is no header row."""
    rows = [cells for cells in rows if any(cells)]
    if not rows:
        return []
    header = rows[0]
    labels = marked_header or (
        marked_header is None and all(_reads_as_label(cell) for cell in header)
    )
    # an empty corner over a column of row names (a statistics package's output: "" | "N" |
    # "Mean" over "Height" | "40" | "1677.12"): each row reads "Height; N: 40; Mean: ...";
    # a corner over several (a crosstabulation's "occupation" | "Artist" | "Count") too
    names = next((i for i, h in enumerate(header) if h), len(header))  # the corner's width
    corner = 0 < names < len(header) - 1 and all(header[names:])
    named = [h for h in header if h]
    # a row of one cell over rows of more spans them: a part's title over a form's fields
    # ("Part A. The resident" over "Home | The Larches"), not their columns' names
    spans = len(header) == 1 < max(len(cells) for cells in rows)
    if (
        len(rows) > 1
        and (all(header) or corner)
        and len(set(named)) == len(named)
        and labels
        and not spans
    ):
        out = [" | ".join(h for h in header if h)]
        for cells in rows[1:]:
            pairs = [f"{h}: {v}" if h else v for h, v in zip(header, cells, strict=False) if v]
            out.append("; ".join(pairs + [c for c in cells[len(header) :] if c]))
        return out
    return [" | ".join(c for c in cells if c) for cells in rows]


# A column header names its column in a few words; a first row of sentences ("A SHARED lock
# allows ...", a table with no header row) is data, and must not prefix every other row.
MAX_LABEL_WORDS = 8


def _reads_as_label(cell: str) -> bool:
    words = len(cell.split())
    return words <= MAX_LABEL_WORDS and not (words > 3 and cell.rstrip().endswith((".", "!", "?")))


def broken_at_hyphen(before: str, after: str) -> bool:
    """Whether a line ending `before` and the next starting `after` are one word broken at
    its hyphen ("out-of-" / "hours", "30-" / "minute"): joined without a space. A spaced
    dash ("rota -" / "not") is not."""
    return len(before) > 1 and before[-1] == "-" and before[-2].isalnum() and after[:1].isalnum()


def line_joint(before: str, after: str) -> str:
    """What joins a wrapped line to the next: a space, or nothing after a word broken at its
    hyphen (broken_at_hyphen)."""
    return "" if broken_at_hyphen(before, after) else " "


_ADMONITION = re.compile(
    r"^(?:tip|note|warning|caution|important|hint|attention|danger|remark)\s*:?$", re.I
)


def is_admonition(line: str) -> bool:
    """The label of a side note in a manual ("Tip", "WARNING:": DocBook's and Sphinx's
    admonitions), a lead-in of the note's paragraph, not a heading: as a heading it had
    become the parent of the numbered sections after it ("Tip" > "10.1.3 Idioms for the
    archive"). Capitalised: a lower-case "important" is a term being defined."""
    return line[:1].isupper() and _ADMONITION.match(line) is not None


MAX_HEADING_WORDS = 12
MAX_QUESTION_WORDS = 16  # "2.4. Must I specify servers by IP address if DNS is not ... ?"


def keyed(line: str) -> str:
    """The line's letters and digits, as a key that survives a loader's clean-up (spaces,
    hyphens, ligatures): PDF lines are matched to their type sizes and bookmarks by it."""
    return "".join(c for c in unicodedata.normalize("NFKC", line) if c.isalnum())


# An FAQ's label before its question's number: "Question 4.3.", "Q4.3".
_QUESTION_LABEL = re.compile(r"^(?:Question|Q)\s*(?=\d{1,2}(?:\.\d{1,3})+\.?\s+[A-Z])")


def heading_level(line: str) -> int | None:
    """1, 2, ... for a line that reads like a heading ("2.1 Leave" is level 2), else None.

    For formats without heading markup (PDF, plain text): numbered lines ("3. Receipts",
    "2.1 Deadlines"), or short runs of mostly capitalised words without digits ("Sick Days",
    "PUBLIC HOLIDAYS"); never a line that ends like a sentence. The caller decides whether
    the line's position (alone, or followed by body text) makes it one. A numbered title
    may end in a full stop, as legal texts write them ("8. Termination.", "2.1. The Initial
    Developer Grant."), when its words are capitalised like a title's, not a step's ("1.
    Submit the form."). A numbered question is an FAQ's heading ("3.1. Behind a firewall?")."""
    if is_admonition(line):
        return None
    if RELEASE_LINE.match(line):
        return 1
    line = _QUESTION_LABEL.sub("", line)  # "Question 1.2.  How do I obtain Asymptote?"
    numbered = NUMBERED_HEADING.match(line)
    if numbered and line.endswith(".") and not line.endswith(".."):
        line = line[:-1] if _title_cased(_words(line)) else line
    most_words = MAX_HEADING_WORDS
    if numbered and line.endswith("?") and "." in numbered.group(1) + numbered.group(2):
        line = line[:-1]  # an FAQ's question ("2.2. How do I make an NTP server?")
        most_words = MAX_QUESTION_WORDS
    elif numbered and line.endswith("!") and "." in numbered.group(1):
        line = line[:-1]  # a section's exclamation ("3.2 Back Up Your Existing Data!")
    if len(line) > 90 or len(line) < 3 or line.endswith((*SENTENCE_END, ",")):
        return None
    if line.count("(") > line.count(")") or line.count("[") > line.count("]"):
        return None  # a sentence that wraps inside its brackets ("2. The words ... (see")
    words = _words(line)
    if not words or len(words) > most_words or words[-1].lower() in NEVER_LAST:
        return None  # a heading never ends on "the" or "and": a hard-wrapped line does
    if numbered and ("." in numbered.group(1) or numbered.group(2)):
        return numbered.group(1).count(".") + 1
    if not line[0].isupper() or any(c in "$€£%" for c in line) or _holds_figure(line):
        return None
    if reads_as_code(line):
        return None  # a line of code or a setting ("BASIC_PROGRESS", "MIDIDIR := MIDI")
    return 1 if _title_cased(words) else None


# a name in capitals with its number ("EXIM4"): a heading's word, not a figure; not a
# part's label ("Q8", "LED1": a circuit diagram's text in a PDF)
_NUMBERED_NAME = re.compile(r"[A-Z]{4,}\d+")


def _holds_figure(line: str) -> bool:
    """Whether a line holds a figure, which an unnumbered heading does not ("Opening hours
    9-5"); one name with its number in a line of capitals is none (clamav's "EXIM4")."""
    numbered = [word for word in line.split() if any(c.isdigit() for c in word)]
    named = len(numbered) == 1 and _NUMBERED_NAME.fullmatch(numbered[0]) is not None
    return bool(numbered) and not (line.isupper() and named)


def _words(line: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'’-]*", line)


def _title_cased(words: list[str]) -> bool:
    """Mostly capitalised words, small words aside ("Sick Days", "Use of Company Cars")."""
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    capitalised = sum(w[0].isupper() for w in significant)
    return bool(significant) and capitalised / len(significant) >= 0.75


# Sphinx's version notes, as Sphinx prints them before the note's text.
_VERSION_NOTES = {
    "versionadded": "New in version",
    "versionchanged": "Changed in version",
    "versionremoved": "Removed in version",
    "deprecated": "Deprecated since version",
}
# Directives whose argument is a title for their body: a tab's "Linux", an admonition's.
_TITLED = frozenset(
    "admonition tab tab-item group-tab code-tab dropdown card grid-item-card topic sidebar".split()  # noqa: SIM905
)


# Directives whose body is code and whose argument is its language ("code-block console"):
# no label, so a command stays next to the sentence that introduces it ("To use linters
# locally, run:").
CODE_DIRECTIVES = frozenset({"code-block", "sourcecode", "code", "console", "parsed-literal"})


def directive_label(name: str, argument: str) -> str:
    """The line a Sphinx directive's body (rST or MyST) is read after: "New in version 6.0."
    for a version note, "Linux:" for a tab, nothing for code, else the directive's name and
    argument."""
    if not argument or name in CODE_DIRECTIVES:
        return ""
    if name in _VERSION_NOTES:
        return f"{_VERSION_NOTES[name]} {argument}."
    return f"{argument}:" if name in _TITLED else f"{name} {argument}"
