"""Plain text: UTF-8, UTF-16/32 with a BOM, otherwise Windows-1252 or, failing that,
Latin-1, which decodes any byte.

Paragraphs are separated by blank lines; underlined or heading-like standalone lines become
the heading path (see `structure`). No pages.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import TYPE_CHECKING

from pocketrag.documents import Block, Document, LoaderError
from pocketrag.loaders._common import TextBudget, clean_lines, heading_level

if TYPE_CHECKING:
    from pocketrag.settings_views import LoaderLimits

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes([*range(0, 8), 11, *range(14, 27), *range(28, 32), 127])  # not \t\n\f\r ESC
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_UNDERLINE = re.compile(r"^(=+|-+)$")


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Never raises: Latin-1 maps every byte to a character."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    for encoding in ("utf-8", "cp1252"):  # Windows-1252: Latin-1 plus “smart quotes” and €
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside UTF-16/32, or more than 10% control characters (random bytes have
    ~11%; text has tabs and line breaks, which do not count), mean this is not text."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > 0.1 * len(sample)


def split_paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [p for p in (clean_lines(part) for part in _PARAGRAPH_BREAK.split(text)) if p]


def structure(paragraphs: list[str]) -> list[Block]:
    """Headings a plain-text author would write: a line underlined with === or ---, or a
    short standalone line that reads like a heading ("3. SICK PAY", "Personal use")."""
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    for paragraph in paragraphs:
        lines = paragraph.split("\n")
        level: int | None = None
        if len(lines) >= 2 and _UNDERLINE.match(lines[1]) and len(lines[0]) <= 120:
            level = 1 if lines[1][0] == "=" else 2
            heading, rest = lines[0], lines[2:]
        elif len(lines) == 1 and blocks and (level := heading_level(paragraph)):
            heading, rest = paragraph, []  # never the very first line: that is the title
        if level is not None:
            headings = [(lv, t) for lv, t in headings if lv < level] + [(level, heading)]
            if not rest:
                continue
            paragraph = "\n".join(rest)
        blocks.append(Block(text=paragraph, heading_path=tuple(t for _, t in headings)))
    return blocks


def load(path: Path, limits: LoaderLimits, password: str | None = None) -> Document:
    data = path.read_bytes()
    if looks_binary(data):
        raise LoaderError("this looks like a binary file, not text (it contains NUL bytes)")
    text, encoding = decode_text(data)
    TextBudget(limits).add(text)
    blocks = structure(split_paragraphs(text))
    first_line = blocks[0].text.split("\n", 1)[0] if blocks else ""
    # A short first line is the title in most notes, policies and READMEs.
    title = first_line if 0 < len(first_line) <= 120 else path.stem
    return Document(
        source=str(path),
        title=title,
        doc_type="text",
        blocks=blocks,
        metadata={"encoding": encoding},
    )
