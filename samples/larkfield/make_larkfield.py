"""Render the PDF and DOCX policies of the Larkfield evaluation corpus from samples/larkfield-src/.

samples/larkfield/ is a small intranet of ten policies written for answer-quality evaluation
(bench/answers/larkfield/): mixed formats, a DOCX mileage table, a PDF with numbered sections,
a consolidated 2023 handbook that disagrees with newer standalone policies. The HTML, Markdown
and text pages are edited directly here; the PDF and DOCX text lives in samples/larkfield-src/
(outside this folder, so ingesting samples/larkfield does not count it twice) and is rendered
with the sample handbook's deterministic renderer (fixed dates, byte-identical re-runs).

Usage: .venv/bin/python samples/larkfield/make_larkfield.py [OUT_DIR]   (default: samples/larkfield)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "larkfield-src"
sys.path.insert(0, str(HERE.parent))

import make_handbook  # noqa: E402

PDF_SOURCES = ["staff-handbook-2023", "whistleblowing"]
DOCX_SOURCES = ["business-travel-and-mileage", "sick-leave"]


def main(out: Path = HERE) -> None:
    """Render every PDF and DOCX into `out` (samples/larkfield by default; tests use a temp dir)."""
    make_handbook.main(out, SRC, PDF_SOURCES, DOCX_SOURCES)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
