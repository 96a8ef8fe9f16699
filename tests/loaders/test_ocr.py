"""OCR of scanned PDF pages (loaders/ocr.py) with the real rapidocr-onnxruntime models.

The scans are made here: a known paragraph is typeset by fpdf2, rendered by pypdfium2 and
saved by Pillow as an image-only PDF, so the text OCR should recover is known exactly.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import sysconfig
import venv
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from rapidfuzz.distance import Levenshtein

from pocketrag.config import load_settings
from pocketrag.documents import Document, LoaderError
from pocketrag.generation.citations import build_citations
from pocketrag.loaders import load_document
from pocketrag.loaders.ocr import bands, iou, ocr_available, reading_order
from pocketrag.pipeline import Pipeline
from pocketrag.settings_views import LoaderLimits

from .conftest import make_pdf

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

PARAGRAPH = (
    "Employees who work from home must keep company laptops locked when unattended. "
    "Expense claims for home office equipment are capped at 300 euros per year and need "
    "a receipt. Staff report any security incident to the service desk within one hour. "
    "Managers review remote work arrangements every six months."
)
SENTENCE = "Expense claims for home office equipment are capped at 300 euros per year"
TEXT_PAGE = "Travel is booked through the travel desk. Trains are booked in standard class."


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate: Levenshtein distance / reference length, whitespace collapsed."""
    ref, hyp = " ".join(reference.split()), " ".join(hypothesis.split())
    return Levenshtein.distance(ref, hyp) / len(ref)


def test_cer_counts_edits() -> None:
    assert cer("abcd", "abcd") == 0
    assert cer("abcd", "abxd") == 0.25  # one substitution
    assert cer("abcd", "abd") == 0.25  # one deletion
    assert cer("ab  cd", "ab cd\n") == 0  # whitespace runs are one space


def scan_image(tmp_path: Path, text: str, dpi: int = 200):
    """The page as a scanner would see it: typeset, then rendered to a grey image."""
    typeset = make_pdf(tmp_path / "typeset.pdf", [[text]])
    pdf = pdfium.PdfDocument(str(typeset))
    try:
        return pdf[0].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        pdf.close()


def image_only_pdf(tmp_path: Path, text: str, dpi: int = 200) -> Path:
    path = tmp_path / "scan.pdf"
    scan_image(tmp_path, text, dpi).save(path, "PDF", resolution=dpi)
    return path


def page_text(document: Document, page: int) -> str:
    return " ".join(b.text for b in document.blocks if b.page == page)


@pytest.fixture
def ocr() -> None:
    """The tests that run OCR: skipped without the extra on a developer machine (Python
    3.13+ has no rapidocr-onnxruntime wheel), required in CI (the dev extra installs it)."""
    if not ocr_available():
        if IN_CI:
            pytest.fail("required in CI: the ocr extra (rapidocr-onnxruntime)")
        pytest.skip("the ocr extra is not installed")


@pytest.fixture
def limits(tmp_path: Path) -> LoaderLimits:
    return LoaderLimits.from_settings(load_settings(data_dir=tmp_path / "data"))


@pytest.fixture
def scan(tmp_path: Path) -> Path:
    path = image_only_pdf(tmp_path, PARAGRAPH)
    pdf = pdfium.PdfDocument(str(path))
    try:  # the fixture really is a scan: no text layer at all
        assert pdf[0].get_textpage().get_text_range().strip() == ""
    finally:
        pdf.close()
    return path


@pytest.mark.slow
def test_scan_is_ingested_and_found_by_a_sentence(tmp_path: Path, scan: Path, ocr) -> None:
    """The acceptance test of issue 16: generated scan in, paragraph found, CER <= 5%."""
    (tmp_path / "travel.md").write_text(f"# Travel\n\n{TEXT_PAGE}\n")
    with Pipeline(load_settings(data_dir=tmp_path / "data")) as pipeline:
        report = pipeline.ingest_paths([scan, tmp_path / "travel.md"])
        assert report.ok, report.to_json()
        [hit] = pipeline.search(SENTENCE, k=1)
        assert hit.source == str(scan) and hit.page_start == 1
        assert hit.from_scan and hit.to_json()["from_scan"] is True
        assert cer(PARAGRAPH, hit.text) <= 0.05, hit.text
        [other] = pipeline.search("trains standard class", k=1)
        assert other.source.endswith("travel.md") and not other.from_scan
        [citation] = build_citations("Claims are capped at 300 euros [1].", [hit])
        assert citation["from_scan"] is True and citation["page_start"] == 1
        [info] = [d for d in pipeline.store.list_documents() if d.source == str(scan)]
        assert info.metadata["ocr_pages"] == [1]


@pytest.mark.slow
def test_mixed_pdf_keeps_page_numbers_and_marks_only_the_scanned_page(
    tmp_path: Path, limits: LoaderLimits, ocr
) -> None:
    from fpdf import FPDF

    image = tmp_path / "page2.png"
    scan_image(tmp_path, PARAGRAPH).save(image)
    pdf = FPDF()  # page 1: a text layer; page 2: a full-page scan
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, TEXT_PAGE)
    pdf.add_page()
    pdf.image(str(image), x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(str(tmp_path / "mixed.pdf"))

    document = load_document(tmp_path / "mixed.pdf", limits)
    assert document.metadata["ocr_pages"] == [2]
    assert page_text(document, 1) == TEXT_PAGE
    assert cer(PARAGRAPH, page_text(document, 2)) <= 0.05, page_text(document, 2)

    off = load_document(tmp_path / "mixed.pdf", replace(limits, ocr="off"))
    assert {b.page for b in off.blocks} == {1}
    assert off.metadata["scanned_pages_unread"] == [2]
    assert off.metadata["ocr_note"] == "POCKETRAG_OCR=off"


@pytest.mark.slow
def test_force_reads_a_page_that_has_a_text_layer(
    tmp_path: Path, limits: LoaderLimits, ocr
) -> None:
    path = make_pdf(tmp_path / "text.pdf", [[PARAGRAPH]])
    document = load_document(path, replace(limits, ocr="force"))
    assert document.metadata["ocr_pages"] == [1]
    assert cer(PARAGRAPH, page_text(document, 1)) <= 0.05


def test_off_reports_the_scan_and_the_setting(scan: Path, limits: LoaderLimits) -> None:
    with pytest.raises(LoaderError) as error:
        load_document(scan, replace(limits, ocr="off"))
    assert "scanned images without a text layer and POCKETRAG_OCR=off" in str(error.value)


def hide_rapidocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `import rapidocr_onnxruntime` and its submodules fail in this process, even after
    an earlier test imported them (test_a_venv_without_the_extra_reports_scans runs a whole
    environment without it)."""
    for name in [n for n in sys.modules if n.split(".")[0] == "rapidocr_onnxruntime"]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)


def test_without_the_extra_scans_fail_with_the_install_hint(
    scan: Path, limits: LoaderLimits, monkeypatch: pytest.MonkeyPatch
) -> None:
    hide_rapidocr(monkeypatch)
    with pytest.raises(LoaderError) as error:
        load_document(scan, limits)
    message = str(error.value)
    assert "scanned images without a text layer" in message
    assert "OCR is not installed; pip install 'pocketrag[ocr]'" in message
    with pytest.raises(LoaderError) as forced:
        load_document(scan, replace(limits, ocr="force"))
    assert "POCKETRAG_OCR=force, but OCR is not installed" in str(forced.value)


def test_without_the_extra_text_pages_still_load(
    tmp_path: Path, limits: LoaderLimits, monkeypatch: pytest.MonkeyPatch
) -> None:
    hide_rapidocr(monkeypatch)
    document = load_document(make_pdf(tmp_path / "text.pdf", [[TEXT_PAGE]]), limits)
    assert page_text(document, 1) == TEXT_PAGE and "ocr_pages" not in document.metadata


def venv_without_rapidocr(root: Path) -> Path:
    """A real virtualenv with every package of this one but rapidocr-onnxruntime: the
    machine of a user who did not install the `ocr` extra. Its site-packages links to this
    one's entries, rapidocr's left out (no install, no network: milliseconds). Its python."""
    venv.create(root, with_pip=False, symlinks=True)
    ours = Path(sysconfig.get_paths()["purelib"])
    shared = root / "shared-site-packages"
    shared.mkdir()
    for entry in ours.iterdir():
        if not entry.name.lower().startswith("rapidocr_onnxruntime"):
            (shared / entry.name).symlink_to(entry)
    theirs = Path(sysconfig.get_paths(vars={"base": str(root), "platbase": str(root)})["purelib"])
    # addsitedir also runs the .pth files there (the editable install of pocketrag).
    (theirs / "shared.pth").write_text(f"import site; site.addsitedir({str(shared)!r})\n")
    return root / "bin" / "python"


@pytest.mark.slow
def test_a_venv_without_the_extra_reports_scans_with_the_install_hint(
    tmp_path: Path, scan: Path
) -> None:
    """Through `pocketrag ingest` and its parse worker, in an environment where rapidocr is
    really missing: the scan fails with the install hint, the Markdown file beside it is
    indexed."""
    python = venv_without_rapidocr(tmp_path / "venv")
    probe = subprocess.run(
        [python, "-c", "import rapidocr_onnxruntime"], capture_output=True, text=True
    )
    assert "No module named 'rapidocr_onnxruntime'" in probe.stderr  # really not there
    (tmp_path / "travel.md").write_text(f"# Travel\n\n{TEXT_PAGE}\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("POCKETRAG_")}
    env["POCKETRAG_MODEL_DIR"] = os.environ["POCKETRAG_MODEL_DIR"]
    args = ["-m", "pocketrag", "--data-dir", str(tmp_path / "data"), "ingest", "--json"]
    run = subprocess.run(
        [python, *args, str(scan), str(tmp_path / "travel.md")],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert run.returncode == 1, run.stderr  # one file failed
    files = {Path(f["path"]).name: f for f in json.loads(run.stdout)["files"]}
    assert files["travel.md"]["status"] == "added"
    assert files["scan.pdf"]["status"] == "failed"
    assert files["scan.pdf"]["reason"] == (
        "nothing to index in 1 page(s): its pages are scanned images without a text layer; "
        "OCR is not installed; pip install 'pocketrag[ocr]'"
    )


@pytest.mark.slow
def test_reading_a_scan_leaves_prometheus_and_pydantic_out_of_the_process(
    scan: Path, limits: LoaderLimits, ocr
) -> None:
    """The parse worker reads scans; prometheus_client (+10 MB) and pydantic must not come
    with OCR (the worker gets its limits as JSON, as here)."""
    code = (
        "import json, sys\n"
        "from pocketrag.loaders import load_document\n"
        "from pocketrag.settings_views import LoaderLimits\n"
        "limits = LoaderLimits(**json.loads(sys.argv[2]))\n"
        "document = load_document(sys.argv[1], limits)\n"
        "assert document.metadata['ocr_pages'] == [1]\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'prometheus_client', 'pydantic'}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(scan), json.dumps(asdict(limits))],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("bounds", "setting"),
    [
        ({"ocr_page_seconds": 1e-6}, "POCKETRAG_OCR_PAGE_SECONDS"),
        ({"ocr_file_seconds": 1e-6}, "POCKETRAG_OCR_FILE_SECONDS"),
    ],
)
def test_time_budget_fails_the_file_naming_the_bound(
    scan: Path, limits: LoaderLimits, bounds: dict[str, float], setting: str, ocr
) -> None:
    # A microsecond: rendering the page alone takes longer, so the first check trips.
    with pytest.raises(LoaderError) as error:
        load_document(scan, replace(limits, **bounds))
    assert "OCR of" in str(error.value) and f"({setting})" in str(error.value)


def test_bands_cover_the_page_and_hold_any_line_up_to_the_overlap() -> None:
    height, overlap = 1000, 60
    out = bands(height, 800, overlap)
    assert out[0][2] == 0 and out[-1][3] == height
    for (_, _, _, core_end), (_, _, core_start, _) in itertools.pairwise(out):
        assert core_end == core_start  # cores tile the page
    for centre in range(0, height, 7):  # a line of height `overlap` centred anywhere
        [band] = [b for b in out if b[2] <= centre < b[3]]
        top, bottom = max(0, centre - overlap // 2), min(height, centre + overlap // 2)
        assert band[0] <= top and bottom <= band[1]


def test_bands_are_whole_multiples_of_32_pixels_tall() -> None:
    """The detector resizes its input to multiples of 32: any other height squashes the text
    (a 144-pixel band read as 128 lost lines)."""
    for height, width, overlap in [(1320, 1020, 47), (1320, 1020, 56), (900, 600, 40)]:
        out = bands(height, width, overlap)
        assert len(out) > 2
        assert {bottom - top for top, bottom, _, _ in out} == {out[0][1] - out[0][0]}
        assert (out[0][1] - out[0][0]) % 32 == 0
    assert bands(100, 1020, 47) == [(0, 100, 0, 100)]  # a page lower than one band: one run


def box(left: float, top: float, right: float, bottom: float) -> np.ndarray:
    return np.float32([[left, top], [right, top], [right, bottom], [left, bottom]])


def test_reading_order_is_by_lines_then_left_to_right() -> None:
    boxes = [
        box(300, 102, 500, 122),  # line 2, right
        box(10, 10, 200, 30),  # line 1, left
        box(10, 100, 250, 120),  # line 2, left
        box(220, 12, 400, 31),  # line 1, right (a little lower)
    ]
    assert reading_order(boxes) == [[1, 3], [2, 0]]


def test_iou_of_box_rectangles() -> None:
    assert iou(box(0, 0, 10, 10), box(0, 0, 10, 10)) == 1
    assert iou(box(0, 0, 10, 10), box(0, 5, 10, 15)) == 50 / 150  # half overlaps
    assert iou(box(0, 0, 10, 10), box(20, 0, 30, 10)) == 0
