"""HTML lists' item markers: the number a browser draws before an <ol>'s item ("1.", "b.",
"iv."), and a bullet ("-") for a <ul>'s, which the HTML loader writes where a list's lines
share a block (html_units.py).

Numbered steps read without their numbers had lost what the text says of them: OpenVPN's
examples page writes "# The server certificate we created in step 1" about a list whose items
had come out unnumbered. A list's numbering comes from its markup: `start`, `type` (or
docutils' and Sphinx's classes "loweralpha", "upperroman", ...), a `value` on an item, and no
numbers when its style hides them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Open lists tracked one by one; deeper ones (a hostile page's million nested <ol>) are only
# counted, and their items get a bullet.
MAX_LIST_DEPTH = 64
MAX_NUMBER = 1_000_000  # a `start` or `value` past it is not a step number
_HIDDEN_MARKERS = re.compile(r"list-style(?:-type)?\s*:\s*none", re.I)
_CLASS_TYPES = {
    "arabic": "1",
    "loweralpha": "a",
    "upperalpha": "A",
    "lowerroman": "i",
    "upperroman": "I",
}
_KINDS = frozenset(_CLASS_TYPES.values())
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


@dataclass
class _List:
    numbered: bool
    kind: str  # "1", "a", "A", "i" or "I", as HTML's `type`
    next: int


class ListMarkers:
    """The open lists, innermost last, and the marker of each new item."""

    def __init__(self) -> None:
        self.lists: list[_List] = []
        self.untracked = 0  # open lists past MAX_LIST_DEPTH

    @property
    def depth(self) -> int:
        return len(self.lists) + self.untracked

    def start_list(self, tag: str, attrs: dict[str, str | None]) -> None:
        if len(self.lists) >= MAX_LIST_DEPTH:
            self.untracked += 1
            return
        classes = (attrs.get("class") or "").lower().split()
        kind = attrs.get("type") or ""
        if kind not in _KINDS:
            kind = next((_CLASS_TYPES[c] for c in classes if c in _CLASS_TYPES), "1")
        numbered = tag == "ol" and not _HIDDEN_MARKERS.search(attrs.get("style") or "")
        self.lists.append(_List(numbered, kind, _number(attrs.get("start"), 1)))

    def end_list(self) -> None:
        if self.untracked:
            self.untracked -= 1
        elif self.lists:
            self.lists.pop()

    def item(self, attrs: dict[str, str | None]) -> str | None:
        """The marker of an item starting now: "3." in a numbered list, "-" in another, None
        outside any list."""
        if self.untracked:
            return "-"
        if not self.lists:
            return None
        current = self.lists[-1]
        if not current.numbered:
            return "-"
        number = _number(attrs.get("value"), current.next)
        current.next = number + 1
        return f"{_formatted(number, current.kind)}."


def _number(value: str | None, default: int) -> int:
    value = (value or "").strip()
    return int(value) if value.isdigit() and int(value) <= MAX_NUMBER else default


def _formatted(number: int, kind: str) -> str:
    if kind in "aA" and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return letter.upper() if kind == "A" else letter
    if kind in "iI" and 1 <= number < 4000:
        roman = ""
        for value, digits in _ROMAN:
            count, number = divmod(number, value)
            roman += digits * count
        return roman.upper() if kind == "I" else roman
    return str(number)
