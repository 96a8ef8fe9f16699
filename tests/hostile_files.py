"""Hostile files, generated on demand (nothing large is committed): the attacks of issue 12.

Shared by the regression tests (small sizes, small limits) and bench/micro/hostile_ingest.py (the
full sizes of the issue). Every function writes one file and returns its path; `scale`
multiplies the payload so a test can hit a limit in well under a second.
"""

from __future__ import annotations

import random
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

MB = 1024 * 1024


def write_pdf(path: Path, content: Iterator[bytes], media_box: str = "0 0 612 792") -> Path:
    """A one-page PDF whose content stream is `content`, FlateDecode-compressed as it is
    produced (so a 1 GB stream never exists in memory), with a valid xref table."""
    compressor = zlib.compressobj(9)
    stream = b"".join(compressor.compress(part) for part in content) + compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [" + media_box.encode() + b"] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return write_pdf_objects(path, objects)


def write_pdf_objects(path: Path, objects: list[bytes]) -> Path:
    """A PDF of these objects (numbered from 1, the catalog first) with a valid xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def _text_ops(lines: int) -> Iterator[bytes]:
    yield b"BT /F1 10 Tf 20 700 Td 12 TL\n"
    block = b"(Hostile text operators fill this page again and again.) '\n" * 10_000
    for _ in range(lines // 10_000):
        yield block
    yield b"ET\n"


def pdf_flate_bomb(path: Path, scale: float = 1.0) -> Path:
    """A small PDF whose content stream inflates to ~1 GB x scale of spaces."""
    block = b" " * MB

    def content() -> Iterator[bytes]:
        yield b"BT /F1 12 Tf 72 720 Td (Flate bomb) Tj ET\n"
        for _ in range(int(1024 * scale)):
            yield block

    return write_pdf(path, content())


def pdf_text_operators(path: Path, scale: float = 1.0) -> Path:
    """~300 MB x scale of text-showing operators in one content stream."""
    return write_pdf(path, _text_ops(int(5_000_000 * scale)))


def pdf_huge_page(path: Path) -> Path:
    """A page 10^9 points on each side, with ordinary text on it."""
    lines = (b"BT /F1 12 Tf 72 720 Td (A page as large as a continent.) Tj ET\n",)
    return write_pdf(path, iter(lines), media_box="0 0 1000000000 1000000000")


def docx_lying_directory(path: Path, scale: float = 1.0) -> Path:
    """A DOCX whose zip directory says word/document.xml is 2 KB while its deflated data
    inflates to ~1 GB x scale (the directory-based zip-bomb check sees nothing wrong)."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>"
    )
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate, as in zip
    filler = b"A" * MB
    parts = [compressor.compress(head)]
    parts += [compressor.compress(filler) for _ in range(int(1024 * scale))]
    parts.append(compressor.compress(b"</w:t></w:r></w:p></w:body></w:document>"))
    parts.append(compressor.flush())
    deflated = b"".join(parts)
    crc = zlib.crc32((head + filler)[:2048])  # right for the 2 KB it claims: only sizes lie
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/'
            'document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            "openxmlformats.org/officeDocument/2006/relationships/officeDocument"
            '" Target="word/document.xml"/></Relationships>',
        )
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, b"x")  # placeholder entry, patched below
    data = bytearray(path.read_bytes())
    return _patch_member(path, data, b"word/document.xml", deflated, crc, declared_size=2048)


def _patch_member(
    path: Path, data: bytearray, name: bytes, deflated: bytes, crc: int, declared_size: int
) -> Path:
    """Replace a stored member's deflated data, keeping the declared sizes small: the lie."""
    import struct

    local = data.find(b"PK\x03\x04")
    while local != -1:
        name_len, extra_len = struct.unpack_from("<HH", data, local + 26)
        if data[local + 30 : local + 30 + name_len] == name:
            break
        local = data.find(b"PK\x03\x04", local + 4)
    name_len, extra_len = struct.unpack_from("<HH", data, local + 26)
    old_size = struct.unpack_from("<I", data, local + 18)[0]
    start = local + 30 + name_len + extra_len
    tail = bytes(data[start + old_size :])
    struct.pack_into("<III", data, local + 14, crc, len(deflated), declared_size)
    out = bytes(data[:start]) + deflated + tail
    shift = len(deflated) - old_size
    out = bytearray(out)
    central = out.find(b"PK\x01\x02", start + len(deflated))
    while central != -1:
        name_len = struct.unpack_from("<H", out, central + 28)[0]
        offset = struct.unpack_from("<I", out, central + 42)[0]
        if out[central + 46 : central + 46 + name_len] == name:
            struct.pack_into("<III", out, central + 16, crc, len(deflated), declared_size)
        elif offset > local:
            struct.pack_into("<I", out, central + 42, offset + shift)
        central = out.find(b"PK\x01\x02", central + 4)
    end = out.rfind(b"PK\x05\x06")
    directory_offset = struct.unpack_from("<I", out, end + 16)[0]
    struct.pack_into("<I", out, end + 16, directory_offset + shift)
    path.write_bytes(bytes(out))
    return path


def text_one_paragraph(path: Path, scale: float = 1.0) -> Path:
    """~19 MB x scale of prose with no blank line: one paragraph."""
    sentence = b"Staff may claim travel costs when the trip is approved in advance. "
    with path.open("wb") as out:
        for _ in range(int(19 * MB * scale) // len(sentence)):
            out.write(sentence)
    return path


def text_wrapped_paragraph(path: Path, scale: float = 1.0) -> Path:
    """~1.2 MB x scale of prose hard-wrapped at 66 columns with no blank line: one paragraph
    of ~19,000 lines (unwrap joins it into one line). Valid text: it is indexed, some 1,300
    chunks at full size (6 MB would be 6,500 chunks, minutes of embedding)."""
    line = b"Staff may claim travel costs when the trip is approved in advance\n"
    with path.open("wb") as out:
        for _ in range(int(1.2 * MB * scale) // len(line)):
            out.write(line)
    return path


def html_charrefs(path: Path, scale: float = 1.0) -> Path:
    """4 MB x scale of unterminated character references (`&#`) in a body."""
    path.write_bytes(b"<html><body><p>" + b"&#" * int(2 * MB * scale) + b"</p></body></html>")
    return path


def yaml_alias_bomb(path: Path) -> Path:
    """Markdown whose 376-byte front matter expands to billions of strings (billion laughs)."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    path.write_text("---\n" + "\n".join(lines) + "\n---\n# Laughs\n\nA paragraph of text.\n")
    return path


def markdown_emphasis(path: Path, scale: float = 1.0) -> Path:
    """One paragraph of 100 KB x scale of ` **a`: quadratic for a naive emphasis regex."""
    path.write_text("# Emphasis\n\n" + " **a" * int(25_000 * scale) + "\n")
    return path


def random_bytes(path: Path, size: int = 64 * 1024, seed: int = 12) -> Path:
    """Deterministic random bytes (a seeded generator: a test must not be flaky)."""
    path.write_bytes(random.Random(seed).randbytes(size))
    return path


def random_bytes_sniffed_as_html(path: Path, size: int = 64 * 1024, seed: int = 12) -> Path:
    """Random bytes starting like an HTML page, so the content sniffer says "html"."""
    path.write_bytes(b"<html><body>" + random.Random(seed).randbytes(size))
    return path
