"""Bad input gets a clear LoaderError that says what happened, never a crash or an empty
document. Fixtures are made here, in tmp dirs."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import textwrap
import time
import zipfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from pocketrag.documents import LoaderError
from pocketrag.loaders import load_document

from .conftest import encrypt_pdf, loader_limits, make_docx, make_pdf


def load_error(path: Path, limits, password: str | None = None) -> str:
    with pytest.raises(LoaderError) as info:
        load_document(path, limits, password=password)
    return str(info.value)


def test_zero_byte_and_whitespace_only(tmp_path: Path, limits) -> None:
    for name in ("empty.pdf", "empty.txt", "empty.docx", "empty.html"):
        (tmp_path / name).write_bytes(b"")
        assert "empty document" in load_error(tmp_path / name, limits)
    (tmp_path / "blank.md").write_text("  \n\n\t \n")
    assert "empty document" in load_error(tmp_path / "blank.md", limits)
    (tmp_path / "blank.html").write_text("<html><body><script>x()</script>  </body></html>")
    assert "empty document" in load_error(tmp_path / "blank.html", limits)


def test_random_bytes_named_pdf(tmp_path: Path, limits) -> None:
    path = tmp_path / "random.pdf"
    path.write_bytes(os.urandom(4096).replace(b"%PDF", b"xxxx"))
    assert "not a PDF" in load_error(path, limits)
    # binary bytes that happen to spell a tag are still no web page (this test had failed
    # once in a few hundred runs, when the random bytes held "<p ")
    path.write_bytes(b"\x00\x9f\x03<p \x17\x88" * 600)
    assert "not a PDF" in load_error(path, limits)


def test_truncated_pdf(tmp_path: Path, limits) -> None:
    good = make_pdf(tmp_path / "good.pdf", [["Some text. " * 50]] * 3)
    path = tmp_path / "truncated.pdf"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    message = load_error(path, limits)
    assert "PDF" in message


def test_encrypted_pdf(tmp_path: Path, limits) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", [["Salary bands are confidential."]])
    path = encrypt_pdf(plain, tmp_path / "locked.pdf", "s3cret")
    message = load_error(path, limits)
    assert "encrypted" in message and "--password" in message
    assert "wrong password" in load_error(path, limits, password="guess")
    document = load_document(path, limits, password="s3cret")
    assert document.blocks[0].text == "Salary bands are confidential."


def test_scanned_pdf_without_text_layer(shared_data: Path, limits) -> None:
    path = shared_data / "pdf_messy" / "scan_notext__pdfplumber_issue-203_chinese.pdf"
    message = load_error(path, replace(limits, ocr="off"))
    assert "scanned images without a text layer and POCKETRAG_OCR=off" in message


def test_drawn_rectangle_only_pdf(tmp_path: Path, limits) -> None:
    path = make_pdf(tmp_path / "drawing.pdf", [[]], rect_only=True)
    assert "no extractable text (scanned image?)" in load_error(path, limits)


def test_every_messy_pdf_loads_or_fails_clearly(shared_data: Path, limits) -> None:
    limits = replace(limits, ocr="off")  # OCR of scans: tests/loaders/test_ocr.py
    for path in sorted((shared_data / "pdf_messy").glob("*.pdf")):
        try:
            document = load_document(path, limits)
        except LoaderError as exc:
            assert path.name.startswith("scan_notext"), f"{path.name}: {exc}"
            continue
        assert document.pages and document.blocks, path.name
        assert all(1 <= b.page <= document.pages for b in document.blocks)


def test_rotated_page_reads_like_the_upright_one(shared_data: Path, limits) -> None:
    folder = shared_data / "pdf_messy"
    upright = load_document(folder / "table__pdfplumber_nics-background-checks-2015-11.pdf", limits)
    rotated = load_document(folder / "table_rotated__pdfplumber_nics-2015-11-rotated.pdf", limits)
    words = lambda d: " ".join(b.text for b in d.blocks).split()  # noqa: E731
    assert Counter(words(rotated)) == Counter(words(upright))  # same words
    assert words(rotated)[:1000] == words(upright)[:1000]  # the table in the same order


def test_pdf_over_the_page_bound(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "long.pdf", [["page text"]] * 4)
    message = load_error(path, loader_limits(max_pages=3))
    assert "4 pages" in message and "POCKETRAG_MAX_PAGES" in message


def test_text_over_the_character_bound(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    assert "POCKETRAG_MAX_TEXT_CHARS" in load_error(path, loader_limits(max_text_chars=1000))


def test_file_over_the_size_bound(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as f:  # sparse: costs no disk, and must not be read at all
        f.truncate(int(2.5 * 1024 * 1024))
    message = load_error(path, loader_limits(max_file_mb=2))
    assert message == "file is 2.5 MB, over the 2 MB limit (POCKETRAG_MAX_FILE_MB)"


def test_unsupported_type_lists_supported(tmp_path: Path, limits) -> None:
    path = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    message = load_error(path, limits)
    assert "unsupported" in message and ".pdf" in message and ".docx" in message
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert "save it as .docx" in load_error(legacy, limits)
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ\x90\x00" + os.urandom(100))
    assert "unsupported" in load_error(exe, limits)


def test_html_named_pdf_goes_to_html(tmp_path: Path, limits) -> None:
    path = tmp_path / "download.pdf"
    path.write_text("<html><head><title>Error 404</title></head><body><p>Page gone.</p></body>")
    document = load_document(path, limits)
    assert document.doc_type == "html" and document.blocks[0].text == "Page gone."


def test_binary_named_txt(tmp_path: Path, limits) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(b"\x00\x01\x02" * 100)
    assert "binary" in load_error(path, limits)


def test_random_bytes_named_anything_are_refused(tmp_path: Path, limits) -> None:
    for i, name in enumerate(["a.docx", "b.html", "c.md", "d.txt", "e.pdf", "f"]):
        path = tmp_path / name
        path.write_bytes(random.Random(i).randbytes(2000 + i))  # seeded: never flaky
        assert load_error(path, limits)


def test_broken_docx(tmp_path: Path, limits) -> None:
    good = make_docx(tmp_path / "good.docx")
    path = tmp_path / "broken.docx"
    path.write_bytes(good.read_bytes()[:2000])
    assert "damaged or truncated" in load_error(path, limits)


def test_docx_zip_bomb_rejected_fast_and_small(tmp_path: Path) -> None:
    """1 GB of zeros compresses to ~1 MB; refused from the zip directory, never inflated."""
    path = tmp_path / "bomb.docx"
    good = make_docx(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        with dst.open("word/media/zeros.bin", "w", force_zip64=True) as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(1024):
                f.write(chunk)
    assert path.stat().st_size < 5 * 1024 * 1024
    script = textwrap.dedent(
        f"""
        import time
        from pocketrag.observability import memory_mb
        from pathlib import Path
        from pocketrag.config import load_settings
        from pocketrag.loaders import load_document
        from pocketrag.settings_views import LoaderLimits
        from pocketrag.documents import LoaderError
        t = time.perf_counter()
        try:
            load_document(Path({str(path)!r}), LoaderLimits.from_settings(load_settings()))
        except LoaderError as e:
            print(e)
        print(time.perf_counter() - t)
        print(int(memory_mb()["peak_mb"]))  # VmHWM: ru_maxrss would inherit the parent's peak
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    ).stdout.splitlines()
    message, seconds, peak_mb = out[0], float(out[1]), int(out[2])
    assert re.match(r"uncompressed DOCX content is 1,02\d\.\d MB, over the 200 MB", message)
    assert "POCKETRAG_MAX_DOCX_UNCOMPRESSED_MB" in message
    assert seconds < 2.0  # a directory read, not an inflate
    assert peak_mb < 150  # the interpreter and imports; nothing inflated


def test_docx_with_too_much_xml(tmp_path: Path) -> None:
    """Highly compressible XML is refused before python-docx builds a tree from it."""
    path = tmp_path / "long.docx"
    good = make_docx(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 150_000)
            dst.writestr(item, data)
    message = load_error(path, loader_limits(max_docx_uncompressed_mb=5))
    assert re.match(r"DOCX XML is \d\.\d MB, over the 0.5 MB limit", message)
    assert "POCKETRAG_MAX_DOCX_UNCOMPRESSED_MB" in message
    assert load_document(path, loader_limits()).blocks  # under the default bound: loads


@pytest.mark.slow
def test_ten_megabytes_of_nested_html(tmp_path: Path, limits) -> None:
    path = tmp_path / "nested.html"
    repeats = 10 * 1024 * 1024 // len("<div><span>")  # 1.9 million open tags
    path.write_text("<html><body>" + "<div><span>" * repeats + "deep text" + "</body></html>")
    assert path.stat().st_size >= 10 * 1024 * 1024
    script = textwrap.dedent(
        f"""
        from pocketrag.observability import memory_mb
        from pathlib import Path
        from pocketrag.config import load_settings
        from pocketrag.loaders import load_document
        from pocketrag.settings_views import LoaderLimits
        d = load_document(Path({str(path)!r}), LoaderLimits.from_settings(load_settings()))
        print(d.blocks[-1].text)
        print(int(memory_mb()["peak_mb"]))  # VmHWM: ru_maxrss would inherit the parent's peak
        """
    )
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    ).stdout.splitlines()
    assert out[0] == "deep text"
    assert int(out[1]) < 250, f"peak RSS {out[1]} MB"
    assert time.perf_counter() - started < 60


def test_pdfs_loaded_from_many_threads_match_sequential(shared_data: Path, limits) -> None:
    """PDFium is not thread-safe (pypdfium2 docs); the API ingests uploads from worker
    threads, so the loader serialises PDFium calls. Without the lock this may crash, or may
    not: a guard, not a proof."""
    from concurrent.futures import ThreadPoolExecutor

    paths = sorted((shared_data / "hr_manual_multiformat" / "pdf").glob("*.pdf")) * 4
    expected = {p: load_document(p, limits).blocks for p in set(paths)}
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda p: load_document(p, limits).blocks, paths))
    assert results == [expected[p] for p in paths]
