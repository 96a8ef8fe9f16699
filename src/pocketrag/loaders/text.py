"""Plain text: UTF-8, UTF-16/32 with a BOM, otherwise Latin-1, which decodes any byte.

Paragraphs are separated by blank lines; there are no headings or pages.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from pocketrag.config import Settings
from pocketrag.documents import Block, Document, LoaderError
from pocketrag.loaders._common import TextBudget, clean_lines

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Never raises: Latin-1 maps every byte to a character."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside UTF-16/32 mean this is not a text file at all."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    return b"\x00" in data[:8192]


def split_paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [p for p in (clean_lines(part) for part in _PARAGRAPH_BREAK.split(text)) if p]


def load(path: Path, settings: Settings, password: str | None = None) -> Document:
    data = path.read_bytes()
    if looks_binary(data):
        raise LoaderError("this looks like a binary file, not text (it contains NUL bytes)")
    text, encoding = decode_text(data)
    TextBudget(settings).add(text)
    blocks = [Block(text=p) for p in split_paragraphs(text)]
    title = path.stem
    if blocks and len(blocks[0].text) <= 120 and "\n" not in blocks[0].text:
        title = blocks[0].text  # a short first line is a title in most notes and READMEs
    return Document(
        source=str(path),
        title=title,
        doc_type="text",
        blocks=blocks,
        metadata={"encoding": encoding},
    )
