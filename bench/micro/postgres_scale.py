"""PostgreSQL + pgvector store at scale: load, HNSW build, search latency and recall.

    flock /tmp/pocketrag-bench.lock .venv/bin/python -m bench.micro.postgres_scale \
        --chunks 100000 [--url postgresql://...] [--reuse DIR] [--json]

Same synthetic corpus and queries as bench/micro/search_scale.py (SQLite), so the two tables
compare directly: Zipf pseudo-word text (120 words a chunk, 20 chunks a document), random
384-d unit vectors, 2-5 word queries. Without --url a private PostgreSQL is started with
pgserver in a temporary directory (deleted afterwards); with --reuse DIR the server's data
lives in DIR and is kept, and a later run with the same --chunks skips the ~4 minute load
and index build (the load figures are then those of the run that built it, not re-measured).

Measured: load through PostgresStore.add_document (one transaction per document) with the
HNSW index dropped, then its build time (`bulk_load`, what `pocketrag migrate` does);
adding documents one by one with the index live; bm25 / dense / hybrid latency through the
real Retriever (query vectors pre-made, as in search_scale.py); dense recall@10 against an
exact scan for several hnsw.ef_search values, both for random query vectors (the hardest
case: no true near neighbour) and for perturbed stored vectors (a real question has one);
table and index sizes. The machine may be shared: numbers are indicative.

It measures the PostgreSQL store itself (bulk load, HNSW build, ef_search), through the
store the Pipeline opens for a database URL and the Store's public members (exact dense
search and exhaustive BM25 for the ground truth, storage_sizes).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.micro.search_scale import (  # same corpus and queries as the SQLite benchmark
    CHUNKS_PER_DOC,
    DIM,
    VOCAB,
    WORDS_PER_CHUNK,
    percentiles,
    query_set,
    rss_mb,
    vocabulary,
    zipf_probabilities,
)


def corpus_batches(n_chunks: int, seed: int = 42):
    from pocketrag.documents import Chunk, Document

    rng = np.random.default_rng(seed)
    words = np.array(vocabulary(rng))
    probs = zipf_probabilities()
    for d in range(n_chunks // CHUNKS_PER_DOC):
        ids = rng.choice(VOCAB, size=(CHUNKS_PER_DOC, WORDS_PER_CHUNK), p=probs)
        texts = [" ".join(words[row]) for row in ids]
        chunks = [Chunk(t, i, 1, 1, ("Section",), 0, len(t), t) for i, t in enumerate(texts)]
        vectors = rng.standard_normal((CHUNKS_PER_DOC, DIM)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        doc = Document(source=f"doc-{d:06d}.txt", title=f"Doc {d}", doc_type="text", blocks=[])
        yield doc, chunks, vectors


def timed(fn, items) -> dict[str, float]:
    for item in items[:5]:  # warm caches
        fn(item)
    times = []
    for item in items:
        started = time.perf_counter()
        fn(item)
        times.append(time.perf_counter() - started)
    return percentiles(times)


def exact_ids(store, vector: np.ndarray, k: int) -> list[int]:
    """The true k nearest chunks: a scan of every vector, no HNSW."""
    return [h.chunk_id for h in store.dense_search(vector, k, exact=True)]


def recall(store, vectors: np.ndarray, truth: list[set[int]], ef: int, k: int = 10) -> float:
    store.ef_search = ef
    found = sum(
        len(t & {h.chunk_id for h in store.dense_search(v, k)})
        for v, t in zip(vectors, truth, strict=True)
    )
    return round(found / (k * len(vectors)), 3)


def bm25_exactness(store, texts: list[str]) -> dict[str, dict[str, float]]:
    """The pruned BM25 top k against scoring every matching row, at the depths the API
    uses: share of queries whose ranked scores are identical, and recall of the chunks."""
    result = {}
    for k in (5, 100):
        same, recall = 0, 0.0
        for text in texts:
            pruned = [(h.chunk_id, h.score) for h in store.lexical_search(text, k)]
            full = [(h.chunk_id, h.score) for h in store.lexical_search(text, k, exhaustive=True)]
            same += [round(s, 9) for _, s in pruned] == [round(s, 9) for _, s in full]
            recall += len({c for c, _ in pruned} & {c for c, _ in full}) / max(len(full), 1)
        result[f"top{k}"] = {
            "identical_share": round(same / len(texts), 3),
            "recall": round(recall / len(texts), 4),
        }
    return result


def load(store, n_chunks: int, out: dict[str, object]) -> None:
    """Bulk-load the corpus (indexes dropped, built once at the end), timing both."""
    started = time.perf_counter()
    with store.bulk_load():
        for doc, chunks, vectors in corpus_batches(n_chunks):
            store.add_document(doc, chunks, vectors, sha256=doc.source)
        load_s = time.perf_counter() - started
        build_started = time.perf_counter()
    out["load_seconds"] = round(load_s, 1)
    out["load_chunks_per_s"] = round(n_chunks / load_s)
    out["hnsw_build_seconds"] = round(time.perf_counter() - build_started, 1)
    print(json.dumps(out), file=sys.stderr, flush=True)  # partial results as we go


def run(url: str, n_chunks: int, n_queries: int) -> dict[str, object]:
    from pocketrag.config import load_settings
    from pocketrag.pipeline import Pipeline
    from pocketrag.retrieval import Retriever

    out: dict[str, object] = {"chunks_requested": n_chunks}
    # The Pipeline's own store (a PostgresStore for a database URL); no model is loaded.
    data_dir = Path(tempfile.mkdtemp(prefix="pocketrag-pgscale-"))
    pipeline = Pipeline(load_settings(data_dir=data_dir, database_url=url, database_pool_size=2))
    store = pipeline.store
    built = store.get_meta("bench_corpus")
    if built and json.loads(built)["chunks_requested"] == n_chunks:  # --reuse
        out |= json.loads(built) | {"reused": True}
        print(f"reusing the loaded corpus: {built}", file=sys.stderr, flush=True)
    else:
        if store.counts()["chunks"]:
            raise SystemExit("the database holds another corpus; use an empty one")
        load(store, n_chunks, out)
        store.set_meta("bench_corpus", json.dumps(out))

    # Documents added one at a time with the HNSW index live (what ingest does later).
    extra = list(corpus_batches(20 * CHUNKS_PER_DOC, seed=99))
    times = []
    for doc, chunks, vectors in extra:
        doc.source = "live-" + doc.source
        t = time.perf_counter()
        store.add_document(doc, chunks, vectors, sha256="live")
        times.append(time.perf_counter() - t)
    out["live_add_20_chunk_doc_ms"] = percentiles(times)
    print(json.dumps(out), file=sys.stderr, flush=True)

    texts, vectors = query_set(n_queries)
    warm_texts, warm_vectors = (x[n_queries:] for x in query_set(2 * n_queries))
    lookup = dict(zip(texts, vectors, strict=True))
    lookup |= dict(zip(warm_texts, warm_vectors, strict=True))
    retriever = Retriever(store, lambda q: lookup[q])
    # Warm the server's caches as a running service has them (a --reuse run starts the
    # server cold), with other queries of the same kind than the timed ones.
    for mode in ("bm25", "dense", "hybrid"):
        for text in warm_texts:
            retriever.run(text, 5, mode)
    for mode in ("bm25", "dense", "hybrid"):
        out[mode + "_ms"] = timed(lambda q, m=mode: retriever.run(q, 5, m), texts)
        print(json.dumps({mode: out[mode + "_ms"]}), file=sys.stderr, flush=True)
    out["bm25_vs_exhaustive"] = bm25_exactness(store, texts)
    print(json.dumps(out["bm25_vs_exhaustive"]), file=sys.stderr, flush=True)
    out["ef_search"] = store.ef_search
    ef_rows = {}
    rng = np.random.default_rng(3)
    # 50 stored vectors: one random chunk of each of 50 random documents (all documents
    # hold CHUNKS_PER_DOC chunks, so this is a uniform sample of chunks)
    documents = store.list_documents()
    picked = rng.choice(len(documents), size=min(50, len(documents)), replace=False)
    stored = np.stack(
        [
            pairs[int(rng.integers(len(pairs)))][1]
            for pairs in (store.iter_chunks(documents[int(i)].id) for i in picked)
        ]
    )
    near = stored + 0.5 * rng.standard_normal(stored.shape).astype(np.float32) / np.sqrt(DIM)
    near /= np.linalg.norm(near, axis=1, keepdims=True)
    truth_random = [set(exact_ids(store, v, 10)) for v in vectors[:50]]
    truth_near = [set(exact_ids(store, v, 10)) for v in near]
    for ef in (40, 100, 200, 400):
        store.ef_search = ef
        ef_rows[ef] = {
            "dense_ms": timed(lambda v: store.dense_search(v, 10), list(vectors[:100])),
            "recall10_random_queries": recall(store, vectors[:50], truth_random, ef),
            "recall10_near_queries": recall(store, near, truth_near, ef),
        }
        print(json.dumps({ef: ef_rows[ef]}), file=sys.stderr, flush=True)
    out["by_ef_search"] = ef_rows
    out["chunks"] = store.counts()["chunks"]
    # chunks (rows, vectors, B-trees), vector_index (HNSW), text_index (terms, GIN,
    # lexemes), database
    out["size_mb"] = {name: round(b / 2**20) for name, b in store.storage_sizes().items()}
    out["client_peak_rss_mb"] = round(rss_mb("VmHWM"), 1)
    pipeline.close()
    shutil.rmtree(data_dir, ignore_errors=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--url", help="an empty database; default: a private pgserver")
    parser.add_argument(
        "--reuse", type=Path, metavar="DIR", help="keep the private server's data in DIR"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    root = None
    url = args.url
    if not url and args.reuse:
        import pgserver

        args.reuse.mkdir(parents=True, exist_ok=True)
        args.reuse.chmod(0o755)  # as root, the server runs as the `pgserver` user
        server = pgserver.get_server(args.reuse / "data", cleanup_mode="stop")
        url = server.get_uri()
    elif not url:
        import pgserver

        root = Path(tempfile.mkdtemp(prefix="pocketrag-pgbench-"))
        root.chmod(0o755)
        server = pgserver.get_server(root / "data", cleanup_mode="delete")
        url = server.get_uri()
    try:
        result = run(url, args.chunks, args.queries)
    finally:
        if root or args.reuse:
            server.cleanup()  # stops the server; deletes the data unless --reuse
        if root:
            shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(result, indent=2) if args.json else _table(result))


def _table(r: dict) -> str:
    def pp(v: dict) -> str:
        return f"{v['p50']} / {v['p95']}"

    lines = [
        f"chunks: {r['chunks']:,}; load {r['load_seconds']} s ({r['load_chunks_per_s']}/s), "
        f"HNSW build {r['hnsw_build_seconds']} s; live add of a 20-chunk document "
        f"{pp(r['live_add_20_chunk_doc_ms'])} ms; sizes MB {r['size_mb']}",
        "",
        f"| mode (k=5, ef_search={r['ef_search']}) | p50 / p95 ms |",
        "|---|---|",
        *(f"| {m} | {pp(r[m + '_ms'])} |" for m in ("bm25", "dense", "hybrid")),
        "",
        f"BM25 pruned vs exhaustive: {r['bm25_vs_exhaustive']}",
        "",
        "| ef_search | dense k=10 p50 / p95 ms | recall@10 random q | recall@10 near q |",
        "|---|---|---|---|",
    ]
    for ef, row in r["by_ef_search"].items():
        lines.append(
            f"| {ef} | {pp(row['dense_ms'])} | {row['recall10_random_queries']} | "
            f"{row['recall10_near_queries']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
