"""A DOCX's footnotes and endnotes, read where the text refers to them.

Word keeps the notes apart from the body (word/footnotes.xml, word/endnotes.xml) and puts
only a reference mark in the paragraph; python-docx reads neither. A note often carries the
rule's condition or figure ("A driver carrying colleagues gets an extra 5p a mile for each
passenger."): its text was lost (calderwick's travel policy). Each note becomes a block
right after the paragraph or table that first refers to it, numbered as Word shows it, so
it is chunked with what it qualifies; an endnote too, though Word prints it at the end.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

from pocketrag.documents import Block
from pocketrag.loaders._common import TextBudget, clean_inline
from pocketrag.loaders.docx_text import paragraph_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_KINDS = (("footnote", RT.FOOTNOTES), ("endnote", RT.ENDNOTES))
# Word's own notes that draw the rule above the notes, not notes anyone wrote
_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}


class Notes:
    """The document's notes by (kind, id), and which of them are shown already."""

    def __init__(self, document: Any) -> None:
        self._text: dict[tuple[str, str], str] = {}
        self._shown: set[tuple[str, str]] = set()
        self._count = {kind: 0 for kind, _ in _KINDS}  # the notes of each kind shown so far
        rels = [r for r in document.part.rels.values() if not r.is_external]
        for kind, reltype in _KINDS:
            part = next((r.target_part for r in rels if r.reltype == reltype), None)
            if part is None:
                continue
            for note in parse_xml(part.blob).iter(f"{_W}{kind}"):
                if note.get(f"{_W}type") in _SEPARATORS:
                    continue
                paragraphs = (Paragraph(p, None) for p in note.iter(f"{_W}p"))
                text = clean_inline(" ".join(paragraph_text(p) for p in paragraphs))
                if text:
                    self._text[(kind, note.get(f"{_W}id", ""))] = text

    def blocks(self, element: Any, headings: tuple[str, ...], budget: TextBudget) -> list[Block]:
        """The notes an element (a paragraph or a table) refers to first, each a block
        under the element's headings: "Footnote 2: A driver carrying colleagues ..."."""
        if not self._text:
            return []
        out = []
        for ref in element.iter(f"{_W}footnoteReference", f"{_W}endnoteReference"):
            kind = "footnote" if ref.tag == f"{_W}footnoteReference" else "endnote"
            key = (kind, ref.get(f"{_W}id", ""))
            if key not in self._text or key in self._shown:
                continue
            self._shown.add(key)
            self._count[kind] += 1
            text = f"{kind.capitalize()} {self._count[kind]}: {self._text[key]}"
            out.append(Block(text=budget.add(text), heading_path=headings))
        return out
