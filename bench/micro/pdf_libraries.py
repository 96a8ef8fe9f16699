"""pypdfium2 vs pypdf: text quality, speed and peak memory (docs/PDF_EXTRACTION.md).

    flock /tmp/pocketrag-bench.lock .venv/bin/python -m bench.micro.pdf_libraries [--repeat 3]

Quality: each library's raw page text of the HR manual PDFs is compared with the same
manual's Markdown source (../shared/data/hr_manual_multiformat): word recall (share of the
reference's words found, as a multiset), word-set Jaccard, and a sequence ratio over the word
streams (reading order). The rotated-table PDF is compared with its upright twin the same
way. On ../shared/data/pdf_messy we count characters and "glued" words (runs of 25+ letters:
missing spaces). Speed: best of --repeat over all files. Memory: each
library runs in its own fresh process; VmHWM from /proc/self/status.

Both libraries get identical post-processing: NFKC, PDFium's U+FFFE soft-hyphen marker
removed, lower case, \\w+ words. pypdf is a dev/bench dependency only (tests use it to
encrypt fixtures); pocketrag itself uses pypdfium2.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
HR = DATA / "hr_manual_multiformat"
MESSY = DATA / "pdf_messy"
LIBRARIES = ("pypdfium2", "pypdf")


def vm_hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pdf_files() -> list[Path]:
    return sorted(HR.glob("pdf/*.pdf")) + sorted(MESSY.glob("*.pdf"))


def extract(library: str, path: Path) -> list[str]:
    """Page texts, the library's default extraction, nothing else."""
    if library == "pypdfium2":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        pdf.close()
        return pages
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def worker(library: str, repeat: int, out_dir: Path) -> None:
    """Runs in a fresh process: times every file, writes texts, reports peak memory."""
    __import__(library)
    import_mb = vm_hwm_mb()
    result: dict[str, object] = {"import_rss_mb": import_mb, "files": {}}
    for path in pdf_files():
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            pages = extract(library, path)
            best = min(best, time.perf_counter() - started)
        (out_dir / f"{library}__{path.name}.json").write_text(json.dumps(pages))
        result["files"][path.name] = {"seconds": best, "pages": len(pages)}  # type: ignore[index]
    result["peak_rss_mb"] = vm_hwm_mb()
    print(json.dumps(result))


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).replace("\ufffe", "").lower()
    return re.findall(r"\w+", text)


def markdown_reference(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # link text only, as printed
    return re.sub(r"[#*_`>|]", " ", text)


def compare(candidate: list[str], reference: list[str]) -> dict[str, float]:
    ref, got = Counter(reference), Counter(candidate)
    recall = sum((ref & got).values()) / max(1, sum(ref.values()))
    jaccard = len(set(reference) & set(candidate)) / max(1, len(set(reference) | set(candidate)))
    ratio = difflib.SequenceMatcher(None, candidate, reference, autojunk=False).ratio()
    return {"recall": recall, "jaccard": jaccard, "order": ratio}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worker", choices=LIBRARIES)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.repeat, args.out)
        return
    if not HR.is_dir() or not MESSY.is_dir():
        sys.exit(f"reference data not found under {DATA}")
    import tempfile

    out = Path(tempfile.mkdtemp(prefix="pdf-bench-"))
    runs = {}
    for library in LIBRARIES:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                __spec__.name,
                "--worker",
                library,
                "--out",
                str(out),
                "--repeat",
                str(args.repeat),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        runs[library] = json.loads(proc.stdout.strip().splitlines()[-1])

    def text_of(library: str, name: str) -> str:
        return "\n".join(json.loads((out / f"{library}__{name}.json").read_text()))

    print("## Quality against the Markdown source (HR manual)\n")
    print("| library | file | word recall | word-set Jaccard | order (sequence ratio) |")
    print("|---|---|---|---|---|")
    for library in LIBRARIES:
        for name in ("manual", "tools"):
            reference = words(markdown_reference(HR / "markdown" / f"{name}.md"))
            q = compare(words(text_of(library, f"{name}.pdf")), reference)
            print(
                f"| {library} | {name}.pdf | {q['recall']:.3f} | {q['jaccard']:.3f} "
                f"| {q['order']:.3f} |"
            )
    print("\n## Rotated page vs its upright twin (nics-2015-11)\n")
    print("| library | word recall | order (sequence ratio) |")
    print("|---|---|---|")
    for library in LIBRARIES:
        upright = words(text_of(library, "table__pdfplumber_nics-background-checks-2015-11.pdf"))
        rotated = words(text_of(library, "table_rotated__pdfplumber_nics-2015-11-rotated.pdf"))
        q = compare(rotated, upright)
        print(f"| {library} | {q['recall']:.3f} | {q['order']:.3f} |")
    print("\n## Every file: characters, glued words, milliseconds\n")
    print("| file | pages | " + " | ".join(f"{lib} chars / glued / ms" for lib in LIBRARIES) + " |")
    print("|---|---|" + "---|" * len(LIBRARIES))
    totals = dict.fromkeys(LIBRARIES, 0.0)
    for path in pdf_files():
        cells = []
        for library in LIBRARIES:
            text = unicodedata.normalize("NFKC", text_of(library, path.name))
            glued = len(re.findall(r"[^\W\d_]{25,}", text))
            seconds = runs[library]["files"][path.name]["seconds"]
            totals[library] += seconds
            cells.append(f"{len(text.strip()):,} / {glued} / {seconds * 1000:.0f}")
        pages = runs[LIBRARIES[0]]["files"][path.name]["pages"]
        print(f"| {path.name} | {pages} | " + " | ".join(cells) + " |")
    print("\n## Totals\n")
    print("| library | total time, all files (s) | RSS after import (MB) | peak RSS (MB) |")
    print("|---|---|---|---|")
    for library in LIBRARIES:
        run = runs[library]
        print(
            f"| {library} | {totals[library]:.2f} | {run['import_rss_mb']:.0f} "
            f"| {run['peak_rss_mb']:.0f} |"
        )


if __name__ == "__main__":
    main()
