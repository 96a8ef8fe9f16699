"""A DOCX's text as Word shows it, where python-docx reads less.

python-docx reads a paragraph's own runs and hyperlinks, a body's or a cell's own
paragraphs and tables. Word puts more in between: a form's fields and tick boxes are
content controls (w:sdt) around runs, paragraphs or tables, and tracked insertions (w:ins)
and smart tags wrap runs. Their text was lost: the residents' money form of the brackenfold
sample kept its labels and lost every answer typed into it, and its tick boxes ("☐" / "☒",
text inside the control) with them. A floating text box is a drawing inside a run, its
paragraphs in w:txbxContent: penrick's driver guide lost its "At a glance" box (phone, hours,
mileage rates) whole. A box's paragraphs and tables follow the paragraph that anchors it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.table import Table
from docx.text.paragraph import Paragraph

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# What holds runs inside a paragraph, read through (not the deleted text of w:del, not a
# field's code in w:instrText, not a control's properties in w:sdtPr)
_INLINE_TAGS = "r hyperlink sdt sdtContent ins smartTag fldSimple customXml dir bdo"
_INLINE = {f"{_W}{tag}" for tag in _INLINE_TAGS.split()}
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
# What holds paragraphs and tables inside a body or a cell, read through
_BOX = f"{_W}txbxContent"  # a text box's paragraphs and tables
_BLOCK = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", _BOX}
# Word writes a text box twice, as DrawingML (mc:Choice) and as VML for older readers
# (mc:Fallback): one of them is read, else the box reads twice
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DELETED = {f"{_W}del", f"{_W}moveFrom"}


def paragraph_text(paragraph: Paragraph) -> str:
    """The paragraph's text, runs inside content controls and insertions included. Walked
    with a stack: a hostile file can nest controls deeper than Python recurses."""
    out: list[str] = []
    stack = [iter(paragraph._p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == f"{_W}t":
            out.append(child.text or "")
        elif child.tag in _RUN_TEXT:
            out.append(_RUN_TEXT[child.tag])
        elif child.tag in _INLINE and not _placeholder(child):
            stack.append(iter(child))
    return "".join(out)


def _placeholder(element: Any) -> bool:
    """An empty field showing its prompt ("Click or tap here to enter text."): no answer."""
    return element.tag == f"{_W}sdt" and element.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None


def block_items(parent: Any) -> Iterator[Paragraph | Table]:
    """The paragraphs and tables of a document body, a table cell or a page header or
    footer in order, also those inside content controls, and a text box's right after the
    paragraph that anchors it. `parent`: python-docx's Document (its body), _Cell, _Header
    or _Footer."""
    container = parent.element.body if hasattr(parent, "element") else parent._element
    stack = [iter(container)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == f"{_W}p":
            yield Paragraph(child, parent)
            if boxes := text_boxes(child):
                stack.append(iter(boxes))  # each a w:txbxContent, read through below
        elif child.tag == f"{_W}tbl":
            yield Table(child, parent)
        elif child.tag in _BLOCK:
            stack.append(iter(child))


def cell_text(cell: Any) -> str:
    """A table cell's paragraphs' text, one per line (python-docx's cell.text, with
    content controls read)."""
    return "\n".join(paragraph_text(p) for p in block_items(cell) if isinstance(p, Paragraph))


def text_boxes(paragraph: Any) -> list[Any]:
    """The text boxes (w:txbxContent) a paragraph element anchors, each once: not a box
    inside another box (read with that box's paragraphs), not the VML copy of a DrawingML
    box, not a deleted one. lxml's iter finds the candidates; most paragraphs have none."""
    return [box for box in paragraph.iter(_BOX) if _shown(box, paragraph)]


def _shown(box: Any, paragraph: Any) -> bool:
    """Whether the box is read where it is: no box, deleted text or unread branch of an
    mc:AlternateContent between it and the paragraph. Of the branches, the first mc:Choice
    is read (Word's DrawingML), the mc:Fallback (VML) only when there is no Choice."""
    element = box.getparent()
    while element is not None and element is not paragraph:
        if element.tag == _BOX or element.tag in _DELETED:
            return False
        if element.tag in (f"{_MC}Choice", f"{_MC}Fallback"):
            alternatives = element.getparent()
            read = alternatives.find(f"{_MC}Choice")
            if read is None:
                read = alternatives.find(f"{_MC}Fallback")
            if element is not read:
                return False
        element = element.getparent()
    return True


def in_text_box(paragraph: Paragraph) -> bool:
    """A paragraph of a text box: its heading style names the box, not the body after."""
    return next(paragraph._p.iterancestors(_BOX), None) is not None
