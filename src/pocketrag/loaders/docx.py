"""DOCX (python-docx): paragraphs and tables in body order, content controls' text too
(docx_text), a text box's after the paragraph that anchors it; heading styles become the
heading path; tables become one block per row, a table with its labels in bold down the
first column "Label: value"; Word's automatic numbers are put back (docx_numbering); the
page headers' and footers' paragraphs and tables follow the body.

The archive's directory is checked before python-docx inflates anything: a DOCX is a zip,
and a few kilobytes of zip can claim gigabytes of XML (a zip bomb).
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
from docx.styles.style import BaseStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from pocketrag.documents import Block, Document, LoaderError
from pocketrag.loaders._common import MB, TextBudget, bound_error, clean_inline, table_lines
from pocketrag.loaders.docx_notes import Notes
from pocketrag.loaders.docx_numbering import Numbering
from pocketrag.loaders.docx_text import block_items, cell_text, in_text_box, paragraph_text
from pocketrag.loaders.html_tables import row_headed_lines

if TYPE_CHECKING:
    from pocketrag.settings_views import LoaderLimits

XML_SHARE = 10
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)


def check_archive(path: Path, limits: LoaderLimits) -> None:
    """Refuse zip bombs from the central directory alone (sizes the archive declares)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise LoaderError(f"not a valid DOCX (broken zip archive: {exc})") from exc
    if not any(m.filename == "word/document.xml" for m in members):
        raise LoaderError("not a Word document (the archive has no word/document.xml)")
    total = sum(m.file_size for m in members)
    for member in members:  # the directory may lie: count what each part really inflates to
        real = inflated_size(path, member, limits.max_docx_uncompressed_mb * MB)
        if real > member.file_size:
            raise LoaderError(
                f"not a valid DOCX: {member.filename} inflates to more than the "
                f"{member.file_size:,} bytes its zip directory declares (a zip bomb?)"
            )
    if total > limits.max_docx_uncompressed_mb * MB:
        raise bound_error(
            "uncompressed DOCX content",
            f"{total / MB:,.1f} MB",
            f"{limits.max_docx_uncompressed_mb:g} MB",
            "max_docx_uncompressed_mb",
        )
    # Parsed XML takes ~9x its size in memory (measured: 2.65 MB document.xml -> +24 MB
    # RSS), so the XML parts get a tenth of the bound: 20 MB by default, ~180 MB parsed,
    # inside the 250 MB ingest budget. Images are not parsed and count only in the total.
    xml = sum(m.file_size for m in members if m.filename.endswith((".xml", ".rels")))
    xml_limit = limits.max_docx_uncompressed_mb / XML_SHARE
    if xml > xml_limit * MB:
        raise LoaderError(
            f"DOCX XML is {xml / MB:,.1f} MB, over the {xml_limit:g} MB limit (a tenth of "
            "POCKETRAG_MAX_DOCX_UNCOMPRESSED_MB, as parsed XML takes ~9x its size in memory)"
        )


def inflated_size(path: Path, member: zipfile.ZipInfo, limit: float) -> int:
    """Bytes a zip member really inflates to, counted while inflating 1 MB at a time and
    stopped past `limit`. zipfile trusts the directory's size and inflates a whole member
    in one call before cutting it to that size, so a member that lies takes gigabytes
    inside python-docx; we read the raw deflate stream ourselves (public zlib API)."""
    with path.open("rb") as raw:
        raw.seek(member.header_offset)
        header = raw.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise LoaderError(f"not a valid DOCX (broken zip entry {member.filename})")
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        raw.seek(member.header_offset + 30 + name_len + extra_len)
        if member.compress_type == zipfile.ZIP_STORED:
            return member.compress_size
        if member.compress_type != zipfile.ZIP_DEFLATED:
            raise LoaderError(f"not a valid DOCX ({member.filename} uses an unusual compression)")
        inflater, total, left = zlib.decompressobj(-15), 0, member.compress_size
        while left > 0 and not inflater.eof and total <= limit:
            data = raw.read(min(left, 1 << 16))
            if not data:
                break
            left -= len(data)
            while data and total <= limit:
                total += len(inflater.decompress(data, 1 << 20))
                data = inflater.unconsumed_tail
        return total


class ParagraphStyles:
    """Each paragraph's style, looked up once per style id: python-docx's paragraph.style
    scans all of the document's styles for the default one on every call (0.9 ms a
    paragraph with Word's 160 built-in styles; 150,000 empty paragraphs took 140 s)."""

    def __init__(self) -> None:
        self._by_id: dict[str | None, BaseStyle | None] = {}

    def of(self, paragraph: Paragraph) -> BaseStyle | None:
        style_id = paragraph._p.style  # the pStyle id, None for the default style
        if style_id not in self._by_id:
            self._by_id[style_id] = paragraph.style
        return self._by_id[style_id]


def _style_names(style: BaseStyle | None) -> set[str]:
    """A style's name and id ("Heading 1" / "Heading1", "TOC 1" / "TOC1")."""
    return {style.name or "", getattr(style, "style_id", "") or ""} if style else set()


def heading_level(style: BaseStyle | None) -> int | None:
    """1..9 for "Heading N" styles (and their built-in ids), 0 for "Title", else None."""
    for name in _style_names(style):
        if name.lower() == "title":
            return 0
        if m := _HEADING_STYLE.match(name.replace("Heading", "Heading ")):
            return int(m.group(1))
    return None


def table_rows(table: Table) -> list[str]:
    """The table's rows as lines: "Version: 4.0" when each row's first cell alone is in
    bold (html_tables.row_headed_lines), else under the first row's names or as they are
    (_common.table_lines)."""
    rows: list[list[str]] = []
    bold: set[tuple[int, int]] = set()
    for i, row in enumerate(table.rows):
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                continue
            seen.add(id(cell._tc))
            if _in_bold(cell._tc):
                bold.add((i, len(cells)))
            cells.append(clean_inline(cell_text(cell)))
        rows.append(cells)
    # a document control table ("Reference | PH/CL/11" over "Version | 4.0", the labels in
    # bold) has no row of names: read under its first row, every row had said
    # "Reference: Version; PH/CL/11: 4.0"
    return row_headed_lines(rows, bold) or table_lines(rows)


def _in_bold(cell: Any) -> bool:
    """Every run with text in the cell bold by its own formatting (w:b, not w:b="0"); a
    bold style is not looked up. False for an empty cell."""
    runs = [r for r in cell.iter(f"{_W}r") if any((t.text or "").strip() for t in r.iter(f"{_W}t"))]
    return bool(runs) and all(_bold(r.find(f"{_W}rPr/{_W}b")) for r in runs)


def _bold(b: Any) -> bool:
    return b is not None and b.get(f"{_W}val", "true") not in ("0", "false", "off")


_CONTENTS_STYLE = re.compile(r"^toc\s*\d$", re.I)


def _contents_entry(style: BaseStyle | None) -> bool:
    """A line of Word's table of contents ("TOC 1" style: "2. Lifeguard numbers <tab> 2"):
    it repeats the headings with page numbers, and read as text it had become a section of
    its own under "Contents"."""
    return any(_CONTENTS_STYLE.match(name) for name in _style_names(style))


def _margins(document: docx.document.Document) -> list[tuple[str, str]]:
    """The text of the sections' page headers and footers, each once: Word keeps them apart
    from the body, once per section, and they may hold what the body does not ("Uncontrolled
    when printed", a document's number and version). A header's or footer's paragraphs read
    as one line; a table among them by rows, as in the body (penrick's lone working policy
    keeps its reference, version, owner and review date in a table in the page header)."""
    found: dict[str, str] = {}
    for section in document.sections:
        for where, parts in (
            ("Page header", (section.header, section.first_page_header)),
            ("Page footer", (section.footer, section.first_page_footer)),
        ):
            for part in parts:
                if part.is_linked_to_previous:
                    continue
                for text in _margin_lines(part):
                    found.setdefault(text, where)
    return [(where, text) for text, where in found.items()]


def _margin_lines(part: Any) -> list[str]:
    """A page header's or footer's lines in order: each run of paragraphs joined into one,
    each table row one."""
    lines: list[str] = []
    paragraphs: list[str] = []
    for item in block_items(part):
        if isinstance(item, Paragraph):
            paragraphs.append(paragraph_text(item))
            continue
        lines.append(clean_inline(" ".join(paragraphs)))
        paragraphs = []
        lines += table_rows(item)
    lines.append(clean_inline(" ".join(paragraphs)))
    return [line for line in lines if line]


def load(path: Path, limits: LoaderLimits, password: str | None = None) -> Document:
    check_archive(path, limits)
    document = docx.Document(str(path))
    budget = TextBudget(limits)
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    title_style: str | None = None
    numbering = Numbering(document)
    styles = ParagraphStyles()
    notes = Notes(document)
    for item in block_items(document):
        path_now = tuple(t for _, t in headings)
        if isinstance(item, Table):
            blocks.extend(
                Block(text=budget.add(row), heading_path=path_now) for row in table_rows(item)
            )
            blocks += notes.blocks(item._element, path_now, budget)
            continue
        text = clean_inline(paragraph_text(item))
        style = styles.of(item)
        label = numbering.label(item, style)  # counted even when empty, as Word counts it
        if not text or _contents_entry(style):
            continue
        text = f"{label} {text}" if label else text
        level = heading_level(style)
        if level is not None and in_text_box(item):
            level = None  # a box's heading names the box: the body after it is not under it
        if level == 0:
            title_style = title_style or text
        elif level is not None:
            headings = [(lv, t) for lv, t in headings if lv < level] + [(level, text)]
        else:
            blocks.append(Block(text=budget.add(text), heading_path=path_now))
        # a heading's note follows it under the heading it names
        path_now = tuple(t for _, t in headings)
        blocks += notes.blocks(item._element, path_now, budget)
    first_heading = next((b.heading_path[0] for b in blocks if b.heading_path), None)
    blocks += [Block(text=budget.add(t), heading_path=(where,)) for where, t in _margins(document)]
    title = clean_inline(document.core_properties.title or "") or title_style
    return Document(
        source=str(path),
        title=title or first_heading or path.stem,
        doc_type="docx",
        blocks=blocks,
        metadata={"loader": "python-docx"},
    )
