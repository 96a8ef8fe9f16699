"""Turn a file into a Document: choose the loader by content as well as by extension.

The extension says what the user thinks a file is; the first bytes say what it is. A `.pdf`
that is really an HTML error page goes to the HTML loader, never to the PDF parser, and
anything we cannot read is refused with the list of what we can.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pocketrag.documents import Document, LoaderError, PocketragError
from pocketrag.file_types import SUPPORTED_TYPES
from pocketrag.loaders import docx, html, markdown, pdf, text
from pocketrag.loaders._common import check_file_size

if TYPE_CHECKING:
    from pocketrag.settings_views import LoaderLimits

_LOADERS: dict[str, Callable[[Path, LoaderLimits, str | None], Document]] = {
    "pdf": pdf.load,
    "docx": docx.load,
    "html": html.load,
    "markdown": markdown.load,
    "text": text.load,
}
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S
)
_HTML_ANY = re.compile(rb"<(?:html|head|body|h[1-6]|p|div|title)[\s>]", re.I)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def supported_list() -> str:
    return ", ".join(ext for exts in SUPPORTED_TYPES.values() for ext in exts)


def _unsupported(path: Path, what: str) -> LoaderError:
    return LoaderError(
        f"unsupported file type ({what}): {path.name}; supported: {supported_list()}"
    )


def _sniff(path: Path, head: bytes) -> str | None:
    """What the bytes say: "pdf", "docx", "zip", "broken-zip", "html", or None."""
    if b"%PDF-" in head[:1024]:  # the spec allows junk before the header
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return "broken-zip"
        return "docx" if "word/document.xml" in names else "zip"
    unbommed = head
    for bom in _BOMS:
        if head.startswith(bom):
            unbommed = head[len(bom) :]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        unbommed = unbommed.decode("utf-16", "ignore").encode("utf-8", "ignore")
    if _HTML_START.match(unbommed):
        return "html"
    return None


def detect_type(path: Path) -> str:
    """The loader for this file ("pdf", "docx", "html", "markdown", "text"), or LoaderError."""
    with path.open("rb") as f:
        head = f.read(8192)
    sniffed = _sniff(path, head)
    by_ext = next((t for t, exts in SUPPORTED_TYPES.items() if path.suffix.lower() in exts), None)
    if sniffed in ("pdf", "docx", "html"):
        return sniffed
    if sniffed == "broken-zip":
        raise LoaderError(
            f"{path.name} is a damaged or truncated zip archive (DOCX files are zips)"
        )
    if sniffed == "zip":
        raise _unsupported(path, "a zip archive that is not a Word document")
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: .doc, .xls, .ppt before 2007
        raise _unsupported(path, "legacy Microsoft Office format; save it as .docx or PDF")
    if by_ext == "pdf":
        # a web page saved as .pdf; binary bytes are no page, even where they happen to
        # spell "<p " (one in ~700 runs of 4 KB of random bytes did, and read as HTML)
        if _HTML_ANY.search(head) and not text.looks_binary(head):
            return "html"
        raise LoaderError(f"{path.name} is named .pdf but is not a PDF (no %PDF header)")
    if by_ext == "docx":
        raise LoaderError(f"{path.name} is named .docx but is not a Word document (not a zip)")
    if by_ext in ("html", "markdown", "text"):
        return by_ext
    if not path.suffix and not text.looks_binary(head):
        return "text"  # README, LICENSE, NOTES: text files without an extension
    raise _unsupported(path, path.suffix or "no extension")


def load_document(path: Path, limits: LoaderLimits, password: str | None = None) -> Document:
    """Load one file as a Document; every failure is a LoaderError whose message says why."""
    path = Path(path)
    if not path.is_file():
        raise LoaderError(f"not a file: {path}" if path.exists() else f"no such file: {path}")
    size = path.stat().st_size
    check_file_size(size, limits)
    if size == 0:
        raise LoaderError("empty document (the file is 0 bytes)")
    doc_type = detect_type(path)
    if doc_type in ("html", "markdown"):  # the text loader has its own, same check
        with path.open("rb") as f:
            if text.looks_binary(f.read(8192)):
                raise LoaderError(
                    f"this looks like a binary file, not {doc_type} (it contains NUL bytes "
                    "or control characters)"
                )
    try:
        document = _LOADERS[doc_type](path, limits, password)
    except (PocketragError, MemoryError):  # the parse worker reports its memory limit
        raise
    except RecursionError as exc:
        raise LoaderError(f"could not read this {doc_type} file: it is nested too deeply") from exc
    except Exception as exc:  # a broken file must give a clear error, never a crash
        detail = str(exc) or type(exc).__name__
        raise LoaderError(f"could not read this {doc_type} file (damaged?): {detail}") from exc
    if not any(block.text.strip() for block in document.blocks):
        raise LoaderError("empty document: no text found in it")
    document.metadata.setdefault("size_bytes", size)
    return document


__all__ = ["SUPPORTED_TYPES", "detect_type", "load_document"]
