"""The corpora both stacks are measured on, prepared once per run in a scratch folder.

- handbook: samples/handbook (falls back to the CC0 HR manual in ../shared/data while the
  sample handbook is not in the repo yet);
- scifact: the BEIR SciFact folder, or in --quick a small subset (every relevant document of
  the first test queries plus filler) written as a BEIR folder of its own;
- synthetic: Markdown files of short sections, one section per intended chunk, with words
  drawn from SciFact's running text so word-piece statistics look like real prose.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"
SCIFACT = SHARED / "scifact"
SECTIONS_PER_FILE = 50


@dataclass
class Corpus:
    name: str
    paths: list[Path]
    note: str = ""


def handbook() -> Corpus:
    sample = REPO / "samples" / "handbook"
    if sample.is_dir() and any(p.is_file() for p in sample.rglob("*")):
        return Corpus("handbook", [sample], "samples/handbook")
    manual = SHARED / "hr_manual_multiformat"
    return Corpus(
        "handbook",
        [manual / "markdown", manual / "pdf"],
        "samples/handbook absent: CC0 HR manual (Markdown + PDF) from shared/data",
    )


def scifact_subset(out: Path, queries: int, filler: int, seed: int = 13) -> Path:
    """A small BEIR folder: relevant docs of the first `queries` test queries + filler docs."""
    qrels = list(csv.DictReader((SCIFACT / "qrels" / "test.tsv").open(), delimiter="\t"))
    keep_q = list(dict.fromkeys(r["query-id"] for r in qrels))[:queries]
    rows = [r for r in qrels if r["query-id"] in keep_q]
    wanted = {r["corpus-id"] for r in rows}
    docs = [json.loads(line) for line in (SCIFACT / "corpus.jsonl").open()]
    rng = random.Random(seed)
    others = [d for d in docs if d["_id"] not in wanted]
    chosen = [d for d in docs if d["_id"] in wanted] + rng.sample(others, filler)
    (out / "qrels").mkdir(parents=True, exist_ok=True)
    with (out / "corpus.jsonl").open("w") as fh:
        fh.writelines(json.dumps(d) + "\n" for d in chosen)
    with (out / "queries.jsonl").open("w") as fh:
        for line in (SCIFACT / "queries.jsonl").open():
            if json.loads(line)["_id"] in keep_q:
                fh.write(line)
    with (out / "qrels" / "test.tsv").open("w") as fh:
        fh.write("query-id\tcorpus-id\tscore\n")
        fh.writelines(f"{r['query-id']}\t{r['corpus-id']}\t{r['score']}\n" for r in rows)
    return out


def scifact_queries(limit: int | None = None) -> list[str]:
    """Real questions for latency runs (the test queries' text)."""
    test = {
        r["query-id"] for r in csv.DictReader((SCIFACT / "qrels/test.tsv").open(), delimiter="\t")
    }
    out = [
        q["text"] for q in map(json.loads, (SCIFACT / "queries.jsonl").open()) if q["_id"] in test
    ]
    return out[:limit]


def _vocabulary(limit_words: int = 400_000) -> list[str]:
    words: list[str] = []
    with (SCIFACT / "corpus.jsonl").open() as fh:
        for line in fh:
            words += json.loads(line)["text"].split()
            if len(words) >= limit_words:
                break
    return words


def synthetic(out: Path, chunks: int, words_per_chunk: int = 30, seed: int = 7) -> Corpus:
    """`chunks` sections of `words_per_chunk` words, SECTIONS_PER_FILE per Markdown file.

    Reused when the folder already holds the same shape (generation is deterministic).
    """
    stamp = out / "SHAPE"
    shape = f"{chunks} {words_per_chunk} {seed} {SECTIONS_PER_FILE}"
    if stamp.exists() and stamp.read_text() == shape:
        return Corpus("synthetic", [out / "docs"], f"{chunks} sections x {words_per_chunk} words")
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for old in docs.glob("*.md"):
        old.unlink()
    vocab = _vocabulary()
    rng = random.Random(seed)
    n_files = -(-chunks // SECTIONS_PER_FILE)
    made = 0
    for f in range(n_files):
        lines = [f"# Synthetic handbook {f:05d}\n"]
        for s in range(min(SECTIONS_PER_FILE, chunks - made)):
            start = rng.randrange(len(vocab) - words_per_chunk)
            text = " ".join(vocab[start : start + words_per_chunk])
            lines.append(f"\n## Topic {f:05d}.{s:02d}\n\n{text}\n")
            made += 1
        (docs / f"doc{f:05d}.md").write_text("".join(lines))
    stamp.write_text(shape)
    return Corpus("synthetic", [docs], f"{chunks} sections x {words_per_chunk} words")


def synthetic_passages(corpus: Corpus) -> list[dict]:
    """The synthetic sections as passages (id, source, text), in file order."""
    out = []
    for path in sorted(corpus.paths[0].glob("*.md")):
        for i, block in enumerate(path.read_text().split("\n## ")[1:]):
            _heading, _, text = block.partition("\n\n")
            out.append({"id": f"{path.name}:{i}", "source": path.name, "text": text.strip()})
    return out
