"""Loader and chunker costs: time and peak RSS (numbers in docs/BENCHMARKS.md, "Loaders").

    flock /tmp/pocketrag-bench.lock .venv/bin/python -m bench.micro.loaders_chunking

Each case runs in its own fresh process so its peak RSS (VmHWM) is its own:
  files    load + chunk every file of ../shared/data/hr_manual_multiformat and pdf_messy
  scifact  chunk all 5,183 SciFact abstracts (title + text) with the real tokenizer
  nested   load 10 MB of nested <div><span> tags (the HTML loader's worst case)
  zipbomb  reject a DOCX whose zip claims 1 GB uncompressed

It measures the loaders and the chunker themselves, in this process, so it imports
pocketrag.loaders and pocketrag.embedding (the tokenizer) directly; the Pipeline would parse
in its bounded worker process instead.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
CASES = ("files", "scifact", "nested", "zipbomb")


def vm_hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def case_files() -> dict[str, object]:
    from pocketrag.chunking import Chunker
    from pocketrag.config import load_settings
    from pocketrag.documents import LoaderError
    from pocketrag.embedding import get_tokenizer
    from pocketrag.loaders import load_document

    settings = load_settings()
    chunker = Chunker(get_tokenizer(settings), settings.chunk_tokens)
    files = sorted((DATA / "hr_manual_multiformat").glob("*/*.*"))
    files += sorted((DATA / "pdf_messy").glob("*.pdf"))
    started, chunks, failed = time.perf_counter(), 0, 0
    for path in files:
        try:
            chunks += len(chunker.run(load_document(path, settings)))
        except LoaderError:
            failed += 1
    seconds = time.perf_counter() - started
    return {"files": len(files), "refused": failed, "chunks": chunks, "seconds": seconds}


def case_scifact() -> dict[str, object]:
    from pocketrag.chunking import Chunker
    from pocketrag.config import load_settings
    from pocketrag.documents import Block, Document
    from pocketrag.embedding import get_tokenizer

    settings = load_settings()
    tokenizer = get_tokenizer(settings)
    chunker = Chunker(tokenizer, settings.chunk_tokens, settings.chunk_overlap_sentences)
    lines = (DATA / "scifact" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines]
    started, chunks, longest = time.perf_counter(), 0, 0
    for doc in docs:
        document = Document(doc["_id"], doc["title"], "text", [Block(doc["text"])])
        out = chunker.run(document)
        chunks += len(out)
    seconds = time.perf_counter() - started
    # Budget check outside the timed loop, with a fresh count of every embed_text.
    for doc in docs[:500]:
        for chunk in chunker.run(Document(doc["_id"], doc["title"], "text", [Block(doc["text"])])):
            longest = max(
                longest, len(tokenizer.encode(chunk.embed_text, add_special_tokens=False))
            )
    return {
        "docs": len(docs),
        "chunks": chunks,
        "seconds": seconds,
        "docs_per_s": len(docs) / seconds,
        "max_tokens_first_500_docs": longest,
    }


def case_nested(tmp: Path) -> dict[str, object]:
    from pocketrag.config import load_settings
    from pocketrag.loaders import load_document
    from pocketrag.settings_views import LoaderLimits

    path = tmp / "nested.html"
    path.write_text("<html><body>" + "<div><span>" * (10 * 1024 * 1024 // 11) + "deep text")
    started = time.perf_counter()
    document = load_document(path, LoaderLimits.from_settings(load_settings()))
    assert document.blocks[-1].text == "deep text"
    return {"mb": path.stat().st_size / 2**20, "seconds": time.perf_counter() - started}


def case_zipbomb(tmp: Path) -> dict[str, object]:
    from pocketrag.config import load_settings
    from pocketrag.documents import LoaderError
    from pocketrag.loaders import load_document
    from pocketrag.settings_views import LoaderLimits

    path = tmp / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as f:
            for _ in range(1024):
                f.write(b"\0" * 2**20)
    started = time.perf_counter()
    try:
        load_document(path, LoaderLimits.from_settings(load_settings()))
        message = "ACCEPTED (bug)"
    except LoaderError as exc:
        message = str(exc)
    return {
        "file_mb": path.stat().st_size / 2**20,
        "seconds": time.perf_counter() - started,
        "error": message,
    }


def run_case(case: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        runner = {
            "files": case_files,
            "scifact": case_scifact,
            "nested": lambda: case_nested(Path(tmp)),
            "zipbomb": lambda: case_zipbomb(Path(tmp)),
        }[case]
        result = runner()
    result["peak_rss_mb"] = vm_hwm_mb()
    print(json.dumps(result))


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--case":
        run_case(sys.argv[2])
        return
    for case in CASES:
        proc = subprocess.run(
            [sys.executable, "-m", __spec__.name, "--case", case],
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"{case}: {proc.stdout.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main()
