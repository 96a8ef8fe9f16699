"""Lines broken inside a name at one of its dots: "APT's sources." / "list", "pass
pxelinux." / "0 to tftpd", "https://www." / "debian.org/ports/". Joined by a space, the
name could not be found as it is typed; but a full stop at a line's end usually ends a
sentence, so the lines are joined where the document itself writes the name whole on one
line, or where the name is a web address, which no sentence ends inside.

Also a slash followed by a hyphen at a line's end ("Debian GNU/-" / "Linux"): the hyphen is
the typesetter's mark of a break after the slash, never the text's.

And a paragraph broken by a page break ("... for your work with us," / page 3 / "but locum
work outside Oakhurst is not covered."): read as two paragraphs, neither half was a whole
sentence to quote (`continues`).
"""

from __future__ import annotations

import re
from collections import Counter

from pocketrag.documents import Block
from pocketrag.loaders._common import NUMBERED_HEADING
from pocketrag.loaders.pdf_grid import TableRow

# A line's last token, ending in a dot after a letter and another letter or figure
# ("sources.", "pxelinux."; not "Chapter 2." or "Appendix B.", which end sentences)
_DOTTED_END = re.compile(r"(?:^|\s)(\S*[^\W\d_]\w\.)$")
# The next line's first token, going on in lower case or with a figure ("list", "0")
_GOES_ON = re.compile(r"^[a-z0-9]\S*")
_WEB = re.compile(r"://|^www\.", re.I)
_NAME = re.compile(r"\S+\.\S+")
_EDGE_PUNCTUATION = "()[]{}<>\"'“”‘’,;:.!?"
_SLASH_BREAK = re.compile(r"\w/-$")
MIN_FIGURE_NAMES = 2
MAX_NAME_CHARS = 120  # longer runs are no names: bounded work on a hostile line


def join_broken_names(pages: list[list[str]]) -> None:
    """Join (in place) each line to the next where a name was broken at its dot or after
    its slash."""
    names: Counter[str] = Counter()
    for lines in pages:
        for line in lines:
            if isinstance(line, TableRow):
                continue
            for word in _NAME.findall(line):
                if len(word) <= MAX_NAME_CHARS:
                    name = word.strip(_EDGE_PUNCTUATION).casefold()
                    names.update({name, name.rsplit("/", 1)[-1]})  # and a file's name
    for lines in pages:
        k = 0
        while k + 1 < len(lines):
            joined = _joined(lines[k], lines[k + 1], names)
            if joined is None:
                k += 1
            else:
                lines[k : k + 2] = [joined]


def _joined(line: str, after: str, names: Counter[str]) -> str | None:
    """The two lines as one where a name was broken between them, else None."""
    if isinstance(line, TableRow) or isinstance(after, TableRow):
        return None
    if _SLASH_BREAK.search(line) and after[:1].isalnum():
        return line[:-1] + after
    end, start = _DOTTED_END.search(line), _GOES_ON.match(after)
    if not end or not start or NUMBERED_HEADING.match(after):
        return None
    name = (end[1] + start[0]).strip(_EDGE_PUNCTUATION)
    if start[0].strip(_EDGE_PUNCTUATION).isdigit():
        # a figure after a full stop is often a footnote's mark ("available." / "3", as
        # texinfo sets them, so "available.3" is in the text too): only a name written
        # whole more than once ("pxelinux.0")
        return line + after if names[name.casefold()] >= MIN_FIGURE_NAMES else None
    if _WEB.search(end[1]) or names[name.casefold()]:
        return line + after
    return None


# A paragraph's last character when its sentence goes on (a word, a figure, a comma), and
# the next page's first when it carries on that sentence (a word in lower case)
_MID_SENTENCE_END = re.compile(r"[\w,]$")
_CARRIES_ON = re.compile(r"^[a-z]")


def continues(before: Block, first: Block) -> bool:
    """Whether a page's first paragraph carries on the sentence the page before ended in:
    under the same heading, after no full stop, colon or the like, in lower case. (A
    heading, a list item or a table row on either side is no such paragraph: the heading
    changes the path, the others start in capitals or with their mark.)"""
    return (
        before.page != first.page
        and before.heading_path == first.heading_path
        and bool(_MID_SENTENCE_END.search(before.text))
        and bool(_CARRIES_ON.match(first.text))
    )
