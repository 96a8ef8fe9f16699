"""Render the PDF and DOCX documents of the Fernhill held-out corpus from samples/fernhill-src/.

samples/fernhill/ is the staff handbook of an invented multi-academy school trust (Fernhill
Learning Trust), written blind for the held-out question set bench/answers/fernhill/. The
Markdown, text and HTML documents are edited directly in this folder; the sources of the PDF
and DOCX documents live in samples/fernhill-src/ (outside this folder, so ingesting
samples/fernhill does not index them twice) and are rendered here:

- PDFs are printed from HTML by headless Chromium (not fpdf2, unlike the earlier sets), so
  they carry Chromium's text layout: the handbook with Chromium's own header and footer on
  (print date and title at the top, the file URL and "n/m" page numbers at the bottom of
  every page), the visits policy in two CSS columns, the poster on one page.
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles,
  List Bullet / List Number paragraphs, a grid table; fixed dates and zip timestamps).

Chromium's output is not byte-identical between runs (creation date, print date and the
temporary path in the handbook's footer), so there is no staleness test: the committed files
are the ones measured. Re-run only to change a document, and commit the output.

Needs python-docx (any venv with the dev extras) and Chromium at /usr/bin/chromium:
    .venv/bin/python samples/fernhill/make_fernhill.py [OUT_DIR]   (default: samples/fernhill)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "fernhill-src"
sys.path.insert(0, str(HERE.parent / "harbourview"))

import make_harbourview  # noqa: E402  (its Markdown parser and DOCX renderer)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# PDF name -> print with Chromium's header and footer (date, title, URL, page n/m)?
PDF_SOURCES = {
    "staff-handbook-2026-27": True,
    "educational-visits-policy": False,
    "safeguarding-poster": False,
}
DOCX_SOURCES = ["expenses-and-claims-procedure", "family-leave-policy-2022"]


def print_pdf(html: Path, out: Path, header_footer: bool) -> None:
    """Print one HTML page to PDF with headless Chromium (copied to a temp dir first, so the
    footer URL of the header/footer variant does not name the checkout's path)."""
    with tempfile.TemporaryDirectory(prefix="fernhill-print-") as tmp:
        page = Path(tmp) / html.name
        shutil.copyfile(html, page)
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={out}"]
        if not header_footer:
            cmd.append("--no-pdf-header-footer")
        subprocess.run([*cmd, page.as_uri()], check=True, capture_output=True, timeout=120)


def render_set(
    src: Path, pdf_sources: dict[str, bool], docx_sources: list[str], org: str, out: Path
) -> None:
    """A sample set's PDFs (HTML name -> with Chromium's header and footer?) printed by
    Chromium, and its DOCX files rendered by Harbourview's renderer, into `out`. Shared by
    the Fernhill, Kestrel, Ashgrove and Riverside renderers."""
    out.mkdir(parents=True, exist_ok=True)
    for name, header_footer in pdf_sources.items():
        print_pdf(src / f"{name}.html", out / f"{name}.pdf", header_footer)
        print("wrote", out / f"{name}.pdf")
    make_harbourview.render_docx_sources(src, docx_sources, out, org)


def main(out: Path = HERE) -> None:
    render_set(SRC, PDF_SOURCES, DOCX_SOURCES, "Fernhill Learning Trust", out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
