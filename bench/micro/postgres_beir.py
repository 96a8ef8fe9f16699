"""SciFact (or any BEIR folder) retrieval quality on PostgreSQL vs SQLite, same index.

    flock /tmp/pocketrag-bench.lock .venv/bin/python -m bench.micro.postgres_beir \
        [--folder ../shared/data/scifact] [--data-dir /tmp/pocketrag-beir] [--url ...]

Builds (or reuses) the SQLite BEIR index exactly as `pocketrag eval beir` does, copies it
into PostgreSQL with `pocketrag migrate`'s code (so both hold the very same chunks and
vectors, nothing re-embedded), then scores every mode on both with the same Retriever,
the same query embeddings and the same metrics. Without --url a private PostgreSQL is
started with pgserver in a temporary directory (deleted afterwards).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pocketrag.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[2]


def score(pipeline: Pipeline, folder: Path, mode: str, split: str = "test") -> dict[str, object]:
    """Every query of `split` through a Retriever over `pipeline`'s store."""
    from pocketrag.evaluation.beir import CHUNK_DEPTH, rank_documents, read_qrels, read_queries
    from pocketrag.evaluation.metrics import evaluate_run
    from pocketrag.retrieval import Retriever

    qrels = read_qrels(folder, split)
    queries = read_queries(folder)
    cache: dict[str, object] = {}

    def embed(q: str):  # embed each query once, for both backends' fairness
        if q not in cache:
            cache[q] = pipeline.embed_query(q)
        return cache[q]

    for q in qrels:
        embed(queries[q])
    retriever = Retriever(pipeline.store, embed)
    run, times = {}, []
    for query_id in qrels:
        started = time.perf_counter()
        hits = retriever.run(queries[query_id], CHUNK_DEPTH, mode)
        times.append(time.perf_counter() - started)
        run[query_id] = rank_documents(hits)
    times.sort()
    metrics = dict(evaluate_run(run, qrels))
    metrics["query_ms_p50"] = round(1000 * times[len(times) // 2], 1)
    metrics["query_ms_p95"] = round(1000 * times[int(0.95 * (len(times) - 1))], 1)
    return metrics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=REPO.parent / "shared/data/scifact")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/pocketrag-beir"))
    parser.add_argument("--url", help="an empty database; default: a private pgserver")
    parser.add_argument("--modes", nargs="+", default=["bm25", "dense", "hybrid"])
    parser.add_argument("--ef-search", type=int, nargs="+", default=[100])
    args = parser.parse_args()

    from pocketrag.config import load_settings
    from pocketrag.evaluation.beir import build_index
    from pocketrag.pipeline import Pipeline

    settings = load_settings(data_dir=args.data_dir)
    path, seconds, cached = build_index(settings, args.folder)
    print(f"SQLite index {path} ({'cached' if cached else f'built in {seconds:.0f} s'})")
    root, url = None, args.url
    if not url:
        import pgserver

        root = Path(tempfile.mkdtemp(prefix="pocketrag-pgbeir-"))
        root.chmod(0o755)
        server = pgserver.get_server(root / "data", cleanup_mode="delete")
        url = server.get_uri()
    results: dict[str, dict] = {}
    try:
        sqlite_settings = load_settings(data_dir=args.data_dir, index_path=path)
        pg_settings = load_settings(data_dir=args.data_dir, database_url=url)
        with (
            Pipeline(sqlite_settings, read_only=True) as sqlite,
            Pipeline(pg_settings) as pg,
        ):
            started = time.perf_counter()
            copied = sqlite.copy_to(pg)  # what `pocketrag migrate` does
            print(f"migrated {copied} in {time.perf_counter() - started:.0f} s")
            for mode in args.modes:
                results[f"sqlite/{mode}"] = score(sqlite, args.folder, mode)
                for ef in args.ef_search if mode != "bm25" else args.ef_search[:1]:
                    pg.store.ef_search = ef
                    results[f"postgres/{mode}/ef{ef}"] = score(pg, args.folder, mode)
                print(json.dumps({k: v for k, v in results.items() if mode in k}, indent=1))
    finally:
        if root:
            server.cleanup()
            shutil.rmtree(root, ignore_errors=True)
    print("| backend / mode | nDCG@10 | Recall@100 | query p50 / p95 ms |")
    print("|---|---|---|---|")
    for name, m in results.items():
        ndcg = m.get("ndcg@10", m.get("nDCG@10"))
        rec = m.get("recall@100", m.get("Recall@100"))
        print(f"| {name} | {ndcg} | {rec} | {m['query_ms_p50']} / {m['query_ms_p95']} |")


if __name__ == "__main__":
    main()
