"""OCR of scanned PDF pages: seconds per page, peak RSS, character accuracy.

    flock /tmp/pocketrag-bench.lock .venv/bin/python -m bench.micro.ocr_scans [--pages 3] \
        [--cache as-is|cold|read]

Results go to docs/BENCHMARKS.md ("OCR"). Every case runs in its own fresh process (peak RSS
is that process's VmHWM, imports and model loads included):

- read: pocketrag's OCR (loaders/ocr.py ScanReader) page by page, as the PDF loader runs it,
  on ../shared/data/pdf_messy/scan_notext__* and scan_ocrlayer__* (OCR forced over its text
  layer), and on a generated scan: the first --pages pages of
  hr_manual_multiformat/pdf/manual.pdf rendered by pypdfium2 at 200 DPI and saved by Pillow
  as an image-only PDF. For the generated scan (and the OCR-layer scan, against its own
  text layer) the character error rate is Levenshtein distance / reference length over the
  page's cleaned lines joined by spaces, whitespace collapsed.
- ingest: `pocketrag ingest --json` of a Markdown file, then the same scans, as a user runs
  it: the CLI process embeds and indexes, its parse worker reads the scan. Every process of
  the tree is sampled (~20 Hz, bench/common/memsample.py) for the tree's peak, and each
  process's own VmHWM (the kernel's exact peak) is kept: the worker's is the one the 250 MB
  ingest budget applies to while a scan is read.

`read` measures the OCR reader itself, so it imports pocketrag.loaders (ocr, pdf) directly;
`ingest` goes through the CLI.

Shared libraries count in RSS, and how much of one a process has resident depends on the page
cache, not on the process: a library that pip has just written (or that something read
whole) is cached in large folios, which a process maps whole when it touches them (measured:
OpenCV's cv2.abi3.so 22.5 MB resident after `pip install`, 6.4 MB after the file was dropped
from the cache and read back by the import). --cache cold drops the virtualenv's shared
libraries and OCR models from the page cache before every case (posix_fadvise DONTNEED, no
root needed); --cache read then reads each file whole, as pip does when it installs them:
the two ends, each reproducible. By default the numbers are as the cache happens to be.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from pathlib import Path

from bench.common.memsample import MemSampler, child_pids

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
MESSY = DATA / "pdf_messy"
MANUAL = DATA / "hr_manual_multiformat" / "pdf" / "manual.pdf"
WARM_UP = REPO / "samples" / "handbook" / "annual-leave.md"


def status_mb(key: str = "VmHWM", pid: int | str = "self") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def recache_libraries(read_whole: bool) -> int:
    """Drop the virtualenv's shared libraries and ONNX models from the page cache (files other
    processes have mapped stay), then, with `read_whole`, read each file through: the state
    after `pip install` or a backup, where a process maps what it touches in large folios
    (see the module docstring). How many files."""
    files = [
        os.path.join(folder, name)
        for folder, _, names in os.walk(sysconfig.get_paths()["purelib"])
        for name in names
        if ".so" in name or name.endswith(".onnx")
    ]
    for path in files:
        with open(path, "rb") as fh:
            os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            while read_whole and fh.read(1 << 20):
                pass
    return len(files)


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
        "peak_mb": status_mb(),
        "shared_libraries_mb": status_mb("RssFile"),  # file-backed part of RSS, at the end
    }


class ProcessPeaks:
    """Each process's VmHWM in a tree, polled until stopped (a process's last value is
    kept after it exits, so the worker's peak survives the worker)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peaks: dict[int, float] = {}
        self.names: dict[int, bytes] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            stack = [self.pid]
            while stack:
                pid = stack.pop()
                stack.extend(child_pids(pid))
                peak = status_mb("VmHWM", pid)
                if peak:
                    self.peaks[pid] = max(peak, self.peaks.get(pid, 0.0))
                try:  # read again: a child starts with its parent's command line
                    name = Path(f"/proc/{pid}/cmdline").read_bytes()
                except OSError:
                    continue
                if name:  # empty once it has exited
                    self.names[pid] = name
            self._stop.wait(0.05)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def peak_of(self, marker: bytes) -> float:
        named = [mb for pid, mb in self.peaks.items() if marker in self.names.get(pid, b"")]
        return max(named, default=0.0)


def ingest(path: Path, mode: str) -> dict[str, object]:
    """`pocketrag ingest` of a Markdown file, then the scan, with POCKETRAG_OCR=mode."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "POCKETRAG_OCR": mode, "POCKETRAG_OCR_FILE_SECONDS": "3600"}
        env["MALLOC_ARENA_MAX"] = "2"  # as in the Docker image
        cmd = [sys.executable, "-m", "pocketrag", "--data-dir", tmp, "ingest", "--json"]
        started = time.perf_counter()
        proc = subprocess.Popen(
            [*cmd, str(WARM_UP), str(path)], stdout=subprocess.PIPE, text=True, env=env
        )
        peaks = ProcessPeaks(proc.pid)
        with MemSampler(proc.pid) as tree:
            out, _ = proc.communicate()
        peaks.stop()
        scan = json.loads(out)["files"][-1]
        return {
            "seconds": round(time.perf_counter() - started, 1),
            "status": scan["status"],
            "reason": scan["reason"],
            "chunks": scan["chunks"],
            "worker_peak_mb": peaks.peak_of(b"pocketrag.parse_worker"),
            "cli_peak_mb": peaks.peaks.get(proc.pid, 0.0),
            "tree_peak_mb": round(tree.peak_mb, 1),
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
    parser.add_argument(
        "--cache",
        choices=["as-is", "cold", "read"],
        default="as-is",
        help="shared libraries before each case: as the page cache holds them; dropped from "
        "it (read back as the process touches them); or dropped, then read whole",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        path, *rest = args.child
        reference = Path(rest[1]) if len(rest) > 1 and rest[1] else None
        print(json.dumps(child_read(Path(path), int(rest[0]), reference)))
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
            if args.cache != "as-is":
                recache_libraries(read_whole=args.cache == "read")
            result = run_child(str(path), *rest) if kind == "read" else ingest(path, *rest)
            load = round(os.getloadavg()[0], 2)
            print(json.dumps({"case": kind, "file": name, **result, "load": load}), flush=True)
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    main()
