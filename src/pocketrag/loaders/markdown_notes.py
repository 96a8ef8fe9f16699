"""Markdown footnotes ("... within 30 minutes.[^reach]" and, further down, "[^reach]: The 30
minutes are measured to your own practice ..."), read where the text refers to them.

The notes are written at the end of a document, or of a section, away from the sentence
they qualify, and often carry its condition or figure. Read where written, all of them had
run together into one paragraph under the last heading (ellerby's on-call guide). Each note
becomes a block right after the paragraph (or list, or table) that first refers to it,
numbered in the order of those first references, as a renderer numbers them; a note only a
heading refers to comes at the end; a note that nothing refers to stays where it was written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# "[^label]: text": a definition (up to three spaces in, as CommonMark allows any block)
_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]{1,64})\]:[ \t]?(.*)$")
_REFERENCE = re.compile(r"\[\^([^\]\s]{1,64})\](?!:)")
_CONTINUED = re.compile(r"^(?: {2,}|\t)\S")  # an indented line goes on the note above it


class Footnotes:
    """The document's referenced notes by label, and which are placed already."""

    def __init__(self, lines: list[str]) -> None:
        referred = {label for line in lines for label in _REFERENCE.findall(line)}
        self._text: dict[str, str] = {}
        label = None
        for line in lines:
            if found := _DEFINITION.match(line):
                label = found.group(1) if found.group(1) in referred else None
                if label is not None and label not in self._text:
                    self._text[label] = found.group(2).strip()
            elif label is not None and _CONTINUED.match(line):
                self._text[label] = f"{self._text[label]} {line.strip()}".strip()
            else:
                label = None
        self._placed: set[str] = set()
        self._skipping = False

    def skips(self, line: str) -> bool:
        """Whether the line is part of a referenced note's definition (read elsewhere)."""
        if found := _DEFINITION.match(line):
            self._skipping = found.group(1) in self._text
        elif not (self._skipping and _CONTINUED.match(line)):
            self._skipping = False
        return self._skipping

    def after(self, lines: list[str]) -> list[str]:
        """The notes the lines refer to first, each as "Footnote N: text"."""
        return self._placed_now(label for line in lines for label in _REFERENCE.findall(line))

    def rest(self) -> list[str]:
        """The notes not placed yet: referred to only from a heading or a bold title, which
        no paragraph follows with them; read at the end rather than lost."""
        return self._placed_now(self._text)

    def _placed_now(self, labels: Iterable[str]) -> list[str]:
        out = []
        for label in labels:
            if label in self._text and label not in self._placed:
                self._placed.add(label)
                out.append(f"Footnote {len(self._placed)}: {self._text[label]}")
        return out
