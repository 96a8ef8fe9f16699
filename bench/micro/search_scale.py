"""Search latency and memory of the SQLite index at 10k and 100k chunks.

    .venv/bin/python -m bench.micro.search_scale --sizes 10000 100000 [--out DIR] [--json]

For each size: builds a synthetic index (text drawn from a Zipf-distributed pseudo-word
vocabulary so FTS5 has realistic posting lists; random 384-d unit vectors, 20 chunks per
document, one transaction per document, as ingest does) in a child process that reports its
peak RSS, then searches it from a fresh child process: the real embedding model is loaded
and its query-embedding time reported separately; bm25, dense and hybrid latency are timed
on pre-embedded queries; RSS is read after the searches. Wrap in
`flock /tmp/pocketrag-bench.lock` on a shared machine.

It measures the SQLite store and the query embedder themselves (their memory included), so
it imports pocketrag.store.sqlite and pocketrag.embedding directly, not the Pipeline.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

DIM = 384
CHUNKS_PER_DOC = 20
WORDS_PER_CHUNK = 120
VOCAB = 30_000


def vocabulary(rng: np.random.Generator) -> list[str]:
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    words: set[str] = set()
    while len(words) < VOCAB:
        words.add("".join(rng.choice(letters, size=int(rng.integers(3, 10)))))
    return sorted(words)


def zipf_probabilities() -> np.ndarray:
    p = 1.0 / np.arange(1, VOCAB + 1)
    return p / p.sum()


def rss_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def build(path: Path, n_chunks: int) -> dict[str, float]:
    from pocketrag.documents import Chunk, Document
    from pocketrag.store.sqlite import SQLiteStore

    rng = np.random.default_rng(42)
    words = np.array(vocabulary(rng))
    probs = zipf_probabilities()
    started = time.perf_counter()
    with SQLiteStore(path) as store:
        for d in range(n_chunks // CHUNKS_PER_DOC):
            ids = rng.choice(VOCAB, size=(CHUNKS_PER_DOC, WORDS_PER_CHUNK), p=probs)
            texts = [" ".join(words[row]) for row in ids]
            chunks = [Chunk(t, i, 1, 1, ("Section",), 0, len(t), t) for i, t in enumerate(texts)]
            vectors = rng.standard_normal((CHUNKS_PER_DOC, DIM)).astype(np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            doc = Document(source=f"doc-{d:06d}.txt", title=f"Doc {d}", doc_type="text", blocks=[])
            store.add_document(doc, chunks, vectors, sha256=str(d))
    return {
        "build_seconds": round(time.perf_counter() - started, 1),
        "build_peak_rss_mb": round(rss_mb("VmHWM"), 1),
        "file_mb": round(path.stat().st_size / 2**20, 1),
    }


def load_average() -> float:
    return round(float(Path("/proc/loadavg").read_text().split()[0]), 2)


def percentiles(times: list[float]) -> dict[str, float]:
    ms = np.array(times) * 1000
    return {
        "p50": round(float(np.percentile(ms, 50)), 2),
        "p95": round(float(np.percentile(ms, 95)), 2),
    }


def query_set(n: int) -> tuple[list[str], np.ndarray]:
    """The benchmark's queries (also bench/postgres_scale.py's): 2-5 words drawn with the
    corpus' own Zipf frequencies, minus the 20 most frequent words (a stop list removes
    those from real queries), and one random unit vector each."""
    rng = np.random.default_rng(7)
    words = vocabulary(np.random.default_rng(42))
    probs = zipf_probabilities()[20:]
    probs /= probs.sum()
    texts = [
        " ".join(
            words[20 + i] for i in rng.choice(len(probs), size=int(rng.integers(2, 6)), p=probs)
        )
        for _ in range(n)
    ]
    vectors = rng.standard_normal((n, DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return texts, vectors


def search(path: Path, n_queries: int) -> dict[str, object]:
    from pocketrag.config import load_settings
    from pocketrag.embedding import get_embedder
    from pocketrag.retrieval import Retriever
    from pocketrag.store.sqlite import SQLiteStore

    queries, vectors = query_set(n_queries)
    embedder = get_embedder(load_settings())
    embedder.embed(["warm up"])
    real = [
        f"What does the policy say about {w} for {who}?"
        for w in ("travel", "expenses", "remote work", "annual leave", "laptops", "sick days")
        for who in ("new starters", "managers", "contractors", "part-time staff")
    ]
    t = []
    for text in real:
        started = time.perf_counter()
        embedder.embed([text])
        t.append(time.perf_counter() - started)
    embed_ms = percentiles(t)
    rss_before = rss_mb("VmRSS")
    out: dict[str, object] = {"query_embed_ms": embed_ms}
    with SQLiteStore(path, read_only=True) as store:
        lookup = dict(zip(queries, vectors, strict=True))
        retriever = Retriever(store, lambda q: lookup[q])
        for mode in ("bm25", "dense", "hybrid"):
            for q in queries[:5]:  # warm the page cache
                retriever.run(q, 5, mode)
            times, cpu = [], []
            for q in queries:
                started, cpu_started = time.perf_counter(), time.process_time()
                retriever.run(q, 5, mode)
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - cpu_started)
            out[mode + "_ms"] = percentiles(times)
            # CPU time per query: what the search costs when it has a core to itself (on a
            # shared machine, wall time mostly measures waiting for one).
            out[mode + "_cpu_ms"] = percentiles(cpu)
        out["chunks"] = store.counts()["chunks"]
    out["load_average"] = load_average()
    out["rss_before_search_mb"] = round(rss_before, 1)
    out["rss_after_search_mb"] = round(rss_mb("VmRSS"), 1)
    out["peak_rss_mb"] = round(rss_mb("VmHWM"), 1)
    return out


def child(args: list[str]) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", __spec__.name, *args], check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--out", type=Path, default=Path("/tmp/pocketrag-bench"))
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--_build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--_search", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--_n", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._build:
        print(json.dumps(build(args._build, args._n)))
        return
    if args._search:
        print(json.dumps(search(args._search, args._n)))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for size in args.sizes:
        path = args.out / f"synthetic-{size}.sqlite3"
        row: dict[str, object] = {"size": size}
        if args.rebuild or not path.exists():
            for stale in path.parent.glob(path.name + "*"):
                stale.unlink()
            row.update(child(["--_build", str(path), "--_n", str(size)]))
        row.update(child(["--_search", str(path), "--_n", str(args.queries)]))
        results.append(row)
        print(json.dumps(row), file=sys.stderr)
    print(json.dumps(results, indent=2) if args.json else _table(results))


def _table(results: list[dict]) -> str:
    lines = [
        "| chunks | bm25 p50/p95 ms | dense p50/p95 | hybrid p50/p95 | hybrid CPU p50/p95 | "
        "query embed p50 | search RSS MB | build peak RSS MB | load avg |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:

        def pp(key: str, r: dict = r) -> str:
            return f"{r[key]['p50']} / {r[key]['p95']}"

        lines.append(
            f"| {r['chunks']:,} | {pp('bm25_ms')} | {pp('dense_ms')} | {pp('hybrid_ms')} | "
            f"{pp('hybrid_cpu_ms')} | {r['query_embed_ms']['p50']} | "
            f"{r['rss_after_search_mb']} | {r.get('build_peak_rss_mb', 'cached')} | "
            f"{r['load_average']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
