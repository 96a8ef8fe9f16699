"""Lines set in a monospaced font: a typeset manual's code samples, commands and files
("127.0.1.1 DebianHostName", "PermitRootLogin yes", a heredoc's "EOF"). Alone between a
sentence and the next paragraph they look like headings, and as headings they had stood
over the pages after them; the font says what they are. (A line opening in code type or
bold as a definition list's next term was tried as a paragraph break, session 26: it moved
syntax lines away from their descriptions in the LaTeX and LilyPond manuals, and the
development sets answered better without it.)
"""

from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# Font names of typewriter faces: TeX's (cmtt, sftt, lmmono, txtt), the free ones
# (FreeMono, DejaVu Sans Mono, Nimbus Mono, Liberation Mono) and the usual system ones.
_MONOSPACE = re.compile(
    r"mono(?!type)|courier|typewriter|consol|menlo|inconsolata|cmtt|sftt|lmtt|txtt|cmvtt|beramono",
    re.I,
)


class CodeLine(str):
    """A line set wholly in a monospaced font: code, never a heading."""

    __slots__ = ()


def typefaces(raw: str, textpage: pdfium.PdfTextPage) -> set[str]:
    """The lines of `raw` (PDFium's page text, one character for each of PDFium's) set in a
    monospaced font, with their white space collapsed: its first, middle and last characters
    are (a font lookup for each character is costly)."""
    if textpage.count_chars() != len(raw):
        return set()
    fonts: dict[bytes, str] = {}
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()

    def face(i: int) -> str:
        """ "mono" or "" for the font of character i."""
        size = pdfium_c.FPDFText_GetFontInfo(
            textpage.raw, i, buffer, len(buffer), ctypes.byref(flags)
        )
        name = buffer.value if 0 < size <= len(buffer) else b""
        if name not in fonts:
            text = name.decode("latin-1")
            fonts[name] = "mono" if _MONOSPACE.search(text) else ""
        return fonts[name]

    found: set[str] = set()
    start = 0
    for end in [*(i for i, c in enumerate(raw) if c in "\r\n"), len(raw)]:
        chars = [i for i in range(start, end) if not raw[i].isspace()]
        picks = [chars[0], chars[len(chars) // 2], chars[-1]] if chars else []
        if picks and all(face(i) == "mono" for i in picks):  # the first one first
            found.add(" ".join(raw[start:end].split()))
        start = end + 1
    return found


def marked(lines: list[str], code: set[str]) -> list[str]:
    """The lines, those in `code` as CodeLine."""
    if not code:
        return lines
    return [CodeLine(x) if type(x) is str and x in code else x for x in lines]
