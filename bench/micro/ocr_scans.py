"""OCR of scanned PDF pages: seconds per page, peak RSS, character accuracy.

    flock /tmp/pocketrag-bench.lock .venv/bin/python -m bench.micro.ocr_scans [--pages 3]

Results go to docs/BENCHMARKS.md ("OCR"). Every case runs in its own fresh process (peak RSS
is that process's VmHWM, imports and model loads included):

- read: pocketrag's OCR (loaders/ocr.py ScanReader) page by page, as the PDF loader runs it,
  on ../shared/data/pdf_messy/scan_notext__* and scan_ocrlayer__* (OCR forced over its text
  layer), and on a generated scan: the first --pages pages of
  hr_manual_multiformat/pdf/manual.pdf rendered by pypdfium2 at 200 DPI and saved by Pillow
  as an image-only PDF. For the generated scan (and the OCR-layer scan, against its own
  text layer) the character error rate is Levenshtein distance / reference length over the
  page's cleaned lines joined by spaces, whitespace collapsed.
- ingest: a text file, then the same scans, through Pipeline.ingest_paths (loader, chunker,
  embedder, SQLite: one process, as `pocketrag ingest` runs before the parse worker), so the
  embedding model is resident while the scan is read.

`read` measures the OCR reader itself, so it imports pocketrag.loaders (ocr, pdf) directly;
`ingest` goes through the Pipeline.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
MESSY = DATA / "pdf_messy"
MANUAL = DATA / "hr_manual_multiformat" / "pdf" / "manual.pdf"
WARM_UP = REPO / "samples" / "handbook" / "annual-leave.md"


def vm_hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cer(reference: str, hypothesis: str) -> float:
    from rapidfuzz.distance import Levenshtein

    ref, hyp = " ".join(reference.split()), " ".join(hypothesis.split())
    return Levenshtein.distance(ref, hyp) / max(len(ref), 1)


def make_scan(source: Path, pages: int, target: Path, dpi: int = 200) -> Path:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(source))
    images = [pdf[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(pages)]
    pdf.close()
    images[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return target


def child_read(path: Path, pages: int, reference: Path | None) -> dict[str, object]:
    import pypdfium2 as pdfium

    from pocketrag.config import load_settings
    from pocketrag.loaders.ocr import ScanReader
    from pocketrag.loaders.pdf import page_lines
    from pocketrag.settings_views import LoaderLimits

    settings = load_settings(ocr="force", ocr_file_seconds=3600)
    reader = ScanReader(LoaderLimits.from_settings(settings))
    pdf = pdfium.PdfDocument(str(path))
    ref = pdfium.PdfDocument(str(reference)) if reference else None
    seconds, errors, chars = [], [], 0
    for number in range(min(pages, len(pdf))):
        page = pdf[number]
        started = time.perf_counter()
        assert reader.wants(page, [], number + 1)
        text = " ".join(page_lines(reader.read(page, number + 1)))
        seconds.append(time.perf_counter() - started)
        chars += len(text)
        if ref is not None:
            truth = " ".join(page_lines(ref[number].get_textpage().get_text_range()))
            errors.append(cer(truth, text))
    return {
        "pages": len(seconds),
        "s_per_page": sum(seconds) / len(seconds),
        "s_first_page": seconds[0],
        "chars": chars,
        "cer_per_page": [round(e, 4) for e in errors],
        "peak_mb": vm_hwm_mb(),
    }


def child_ingest(path: Path, mode: str) -> dict[str, object]:
    from pocketrag.config import load_settings
    from pocketrag.pipeline import Pipeline

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(data_dir=Path(tmp), ocr=mode, ocr_file_seconds=3600)
        started = time.perf_counter()
        with Pipeline(settings) as pipeline:
            # A text file first, so the embedding model is resident while the scan is read
            # (the worst case of a mixed folder), then the scan.
            report = pipeline.ingest_paths([WARM_UP, path])
        scan = report.files[-1]
        return {
            "seconds": time.perf_counter() - started,
            "status": scan.status,
            "reason": scan.reason,
            "chunks": scan.chunks,
            "peak_mb": vm_hwm_mb(),
        }


def run_child(*args: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-m", __spec__.name, "--child", *args],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "MALLOC_ARENA_MAX": "2"},  # as in the Docker image
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=3, help="pages of the generated scan")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path, *rest = args.child
        if kind == "read":
            reference = Path(rest[1]) if len(rest) > 1 and rest[1] else None
            result = child_read(Path(path), int(rest[0]), reference)
        else:
            result = child_ingest(Path(path), rest[0])
        print(json.dumps(result))
        return

    print(f"load average: {os.getloadavg()}", flush=True)
    notext = next(MESSY.glob("scan_notext__*.pdf"))
    ocrlayer = next(MESSY.glob("scan_ocrlayer__*.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        generated = make_scan(MANUAL, args.pages, Path(tmp) / "manual-scan.pdf")
        cases = [
            ("read", notext, "99", ""),
            ("read", ocrlayer, "99", str(ocrlayer)),
            ("read", generated, "99", str(MANUAL)),
            ("ingest", notext, "auto"),
            ("ingest", ocrlayer, "force"),
            ("ingest", generated, "auto"),
        ]
        for kind, path, *rest in cases:
            name = "generated (manual.pdf)" if path == generated else path.name
            result = run_child(kind, str(path), *rest)
            print(json.dumps({"case": kind, "file": name, **result}), flush=True)
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    main()
