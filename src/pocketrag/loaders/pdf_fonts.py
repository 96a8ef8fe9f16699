"""Lines set in a monospaced font: a typeset manual's code samples, commands and files
("127.0.1.1 DebianHostName", "PermitRootLogin yes", a heredoc's "EOF"). Alone between a
sentence and the next paragraph they look like headings, and as headings they had stood
over the pages after them; the font says what they are. A line that opens in that font or
in bold starts with a term (a boot parameter, a field's name) that a definition list
explains: after a finished sentence it starts a new paragraph, where it had run on from the
previous term's description.
"""

from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# Font names of bold faces (TeX's cmbx among them)
_BOLD = re.compile(r"bold|black|heavy|demi|cmbx|lmroman\d*-bold", re.I)
# Font names of typewriter faces: TeX's (cmtt, sftt, lmmono, txtt), the free ones
# (FreeMono, DejaVu Sans Mono, Nimbus Mono, Liberation Mono) and the usual system ones.
_MONOSPACE = re.compile(
    r"mono(?!type)|courier|typewriter|consol|menlo|inconsolata|cmtt|sftt|lmtt|txtt|cmvtt|beramono",
    re.I,
)


class CodeLine(str):
    """A line set wholly in a monospaced font: code, never a heading."""

    __slots__ = ()


class SetOff(str):
    """A line whose first word is set off in code type or in bold ("preseed/url (url)
    Specify ...")."""

    __slots__ = ()


def typefaces(raw: str, textpage: pdfium.PdfTextPage) -> dict[str, bool]:
    """The lines of `raw` (PDFium's page text, one character for each of PDFium's) that open
    in a monospaced or bold font, with their white space collapsed: True when all of the
    line is monospaced (its first, middle and last characters are: a font lookup for each
    character is costly)."""
    if textpage.count_chars() != len(raw):
        return {}
    fonts: dict[bytes, str] = {}
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()

    def face(i: int) -> str:
        """ "mono", "bold" or "" for the font of character i."""
        size = pdfium_c.FPDFText_GetFontInfo(
            textpage.raw, i, buffer, len(buffer), ctypes.byref(flags)
        )
        name = buffer.value if 0 < size <= len(buffer) else b""
        if name not in fonts:
            text = name.decode("latin-1")
            fonts[name] = (
                "mono" if _MONOSPACE.search(text) else "bold" if _BOLD.search(text) else ""
            )
        return fonts[name]

    found: dict[str, bool] = {}
    start = 0
    for end in [*(i for i, c in enumerate(raw) if c in "\r\n"), len(raw)]:
        chars = [i for i in range(start, end) if not raw[i].isspace()]
        if chars and (first := face(chars[0])):
            picks = {chars[len(chars) // 2], chars[-1]}
            code = first == "mono" and all(face(i) == "mono" for i in picks)
            found[" ".join(raw[start:end].split())] = code
        start = end + 1
    return found


def marked(lines: list[str], code: dict[str, bool]) -> list[str]:
    """The lines, those in `code` as CodeLine or SetOff."""
    if not code:
        return lines
    return [
        (CodeLine if code[x] else SetOff)(x) if type(x) is str and x in code else x for x in lines
    ]
