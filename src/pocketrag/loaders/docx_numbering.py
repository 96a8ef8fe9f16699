"""Word's automatic numbering ("3.", "4.2", "b)"), which python-docx does not render: a
policy's numbered clauses and steps lost their numbers, so "clause 4.2" could not be found
and an answer quoting a step could not say which one it was.

Word keeps the numbers out of the text: a paragraph (or its style) names a list (numId) and
a level (ilvl); numbering.xml says how each level counts (start, format) and prints
("%1.%2."). Each list counts on through the document, as Word does; a deeper level starts
again after a shallower one. Bullets are left as python-docx reads them (without the
bullet): the answer step already reads such lists (generation/passages.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_LEVELS = 9  # ilvl 0-8
MAX_LETTERED = 26 * 4  # "a" ... "zzzz"; a hostile start of 10**9 is printed as a number
MAX_START = 10**6
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip


@dataclass(frozen=True)
class Level:
    start: int
    format: str  # numFmt: "decimal", "lowerLetter", "bullet", ...
    text: str  # lvlText: "%1.%2."


def _val(element, tag: str) -> str | None:  # type: ignore[no-untyped-def]
    child = element.find(f"{W}{tag}") if element is not None else None
    return child.get(f"{W}val") if child is not None else None


def _int(text: str | None, default: int) -> int:
    """An attribute's number; a damaged one reads as the default, not as a broken file."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def formatted(value: int, fmt: str) -> str:
    """A level's count as Word prints it in that format (unknown formats as decimals)."""
    if fmt in ("lowerLetter", "upperLetter") and 0 < value <= MAX_LETTERED:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman, rest = "", value
        for size, digits in _ROMAN:
            while rest >= size:
                roman, rest = roman + digits, rest - size
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


class Numbering:
    """The numbers of a document's paragraphs, read in order (label)."""

    def __init__(self, document: DocxDocument) -> None:
        self._lists: dict[str, dict[int, Level]] = {}
        self._counts: dict[str, list[int | None]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # no numbering.xml: nothing is numbered
            return
        abstract: dict[str, dict[int, Level]] = {}
        for definition in root.findall(f"{W}abstractNum"):
            levels = {}
            for lvl in definition.findall(f"{W}lvl"):
                ilvl = _int(lvl.get(f"{W}ilvl"), 0)
                levels[ilvl] = Level(
                    start=min(_int(_val(lvl, "start"), 1), MAX_START),
                    format=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                )
            abstract[definition.get(f"{W}abstractNumId", "")] = levels
        for num in root.findall(f"{W}num"):
            levels = dict(abstract.get(_val(num, "abstractNumId") or "", {}))
            for override in num.findall(f"{W}lvlOverride"):  # a list restarted elsewhere
                ilvl = _int(override.get(f"{W}ilvl"), 0)
                start = _val(override, "startOverride")
                if start is not None and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = Level(min(_int(start, 1), MAX_START), old.format, old.text)
            self._lists[num.get(f"{W}numId", "")] = levels

    def label(self, paragraph: Paragraph, style: BaseStyle | None) -> str:
        """ "4.2." for the paragraph Word numbers so, "" for one without a number (or a
        bullet). `style`: the paragraph's (ParagraphStyles). Call once per paragraph, in
        document order: it counts."""
        if not self._lists:
            return ""
        num_id, ilvl = _list_of(paragraph, style)
        levels = self._lists.get(num_id or "")
        if not levels or ilvl not in levels or not 0 <= ilvl < MAX_LEVELS:
            return ""
        counts = self._counts.setdefault(num_id or "", [None] * MAX_LEVELS)
        now = counts[ilvl]
        counts[ilvl] = levels[ilvl].start if now is None else now + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            counts[deeper] = None
        level = levels[ilvl]
        if level.format in ("bullet", "none"):
            return ""
        text = level.text
        for k in range(ilvl + 1):
            shown = levels.get(k)
            value = counts[k] if counts[k] is not None else (shown.start if shown else 1)
            text = text.replace(f"%{k + 1}", formatted(value, shown.format if shown else ""))
        return text.strip()


def _list_of(paragraph: Paragraph, style: BaseStyle | None) -> tuple[str | None, int]:
    """(numId, ilvl) of the paragraph's own numbering, else of its style's (a "List
    Number" style numbers every paragraph in it), else (None, 0)."""
    element = paragraph._p.pPr
    num_pr = element.find(f"{W}numPr") if element is not None else None
    for _ in range(10):  # a style's base styles, a few deep at most
        if num_pr is not None or style is None:
            break
        style_pr = style.element.find(f"{W}pPr")
        num_pr = style_pr.find(f"{W}numPr") if style_pr is not None else None
        style = style.base_style
    if num_pr is None:
        return None, 0
    num_id = _val(num_pr, "numId")
    return (None if num_id in (None, "0") else num_id), _int(_val(num_pr, "ilvl"), 0)
