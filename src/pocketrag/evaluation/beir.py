"""`pocketrag eval beir`: build (or reuse) an index of a BEIR corpus and score retrieval.

The corpus is streamed line by line and written one document per transaction, so peak
memory does not depend on corpus size. The built index is cached in the data directory,
keyed by the corpus' hash, the model and the chunking settings, so a re-run with another
--mode (or after an interruption: finished documents are kept) does not embed again.
Each BEIR document becomes a Document (title + text, source = its _id); its chunks are
scored separately and a document ranks at its best chunk (max over chunks).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pocketrag.config import Settings
from pocketrag.documents import Block, Document, PocketragError
from pocketrag.evaluation.metrics import Qrels, evaluate_run
from pocketrag.observability import memory_mb
from pocketrag.pipeline import Pipeline, sha256_file

# Chunks retrieved per query before collapsing to documents: enough for Recall@100 even
# when a few documents contribute several chunks.
CHUNK_DEPTH = 300
DOC_DEPTH = 100


def read_queries(folder: Path) -> dict[str, str]:
    queries = {}
    with (folder / "queries.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                queries[str(row["_id"])] = str(row["text"])
    return queries


def read_qrels(folder: Path, split: str) -> Qrels:
    path = folder / "qrels" / f"{split}.tsv"
    if not path.is_file():
        raise PocketragError(f"No qrels for split {split!r}: {path} does not exist.")
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            parts = line.rstrip("\n").split("\t")
            if number == 0 and parts[0] == "query-id":
                continue
            if len(parts) >= 3:
                qrels.setdefault(parts[0], {})[parts[1]] = int(float(parts[2]))
    return qrels


def iter_corpus(folder: Path) -> Iterator[Document]:
    with (folder / "corpus.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            title = str(row.get("title") or "").strip()
            text = str(row.get("text") or "").strip()
            yield Document(
                source=str(row["_id"]),
                title=title,
                doc_type="text",
                blocks=[Block(text=text or title)],
            )


def index_path(settings: Settings, folder: Path, corpus_sha: str, vector_type: str) -> Path:
    model = str(Path(settings.model_path).resolve()) if settings.model_path else "default"
    key = "|".join(
        [
            corpus_sha,
            model,
            settings.embed_precision,
            str(settings.chunk_tokens),
            str(settings.chunk_overlap_sentences),
            vector_type,
        ]
    )
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return Path(settings.data_dir) / "beir" / f"{folder.name}-{digest}.sqlite3"


def build_index(
    settings: Settings,
    folder: Path,
    *,
    vector_type: str = "int8",
    progress: Callable[[], Any] | None = None,
) -> tuple[Path, float, bool]:
    """(index path, seconds spent building, whether it was already complete)."""
    corpus = folder / "corpus.jsonl"
    for needed in (corpus, folder / "queries.jsonl"):
        if not needed.is_file():
            raise PocketragError(f"Not a BEIR folder: {needed} is missing.")
    path = index_path(settings, folder, sha256_file(corpus), vector_type)
    with Pipeline.for_index_file(settings, path, vector_type=vector_type) as pipeline:
        if pipeline.get_meta("beir_complete") == "1":
            return path, 0.0, True
        started = time.perf_counter()
        with open(corpus, "rb") as handle:
            total = sum(1 for line in handle if line.strip())
        bar = progress() if progress else None
        task = bar.add_task(f"Indexing {folder.name}", total=total) if bar else None
        try:
            if bar:
                bar.start()
            for document in iter_corpus(folder):
                digest = hashlib.sha256(
                    (document.title + "\n" + document.blocks[0].text).encode()
                ).hexdigest()
                pipeline.add_document(document, sha256=digest, collection="default")
                if bar:
                    bar.advance(task)
        finally:
            if bar:
                bar.stop()
        pipeline.set_meta("beir_complete", "1")
        return path, time.perf_counter() - started, False


def rank_documents(hits: list[Any], depth: int = DOC_DEPTH) -> list[str]:
    """Chunk hits (best first) -> document ids ranked by their best chunk."""
    return list(dict.fromkeys(h.source for h in hits))[:depth]


def run_beir(
    settings: Settings,
    folder: Path,
    *,
    split: str = "test",
    mode: str = "hybrid",
    progress: Callable[[], Any] | None = None,
    retriever_options: dict[str, Any] | None = None,
    vector_type: str = "int8",
) -> dict[str, Any]:
    """Score one retrieval mode on one BEIR split; returns metrics plus time and memory."""
    folder = Path(folder)
    qrels = read_qrels(folder, split)
    queries = read_queries(folder)
    missing = [q for q in qrels if q not in queries]
    if missing:
        raise PocketragError(f"{len(missing)} judged queries are missing from queries.jsonl")
    path, index_seconds, cached = build_index(
        settings, folder, vector_type=vector_type, progress=progress
    )
    with Pipeline.for_index_file(
        settings, path, read_only=True, retriever_options=retriever_options
    ) as pipeline:
        if mode != "bm25":
            pipeline.embed_query("warm up")  # model load is not query time
        run: dict[str, list[str]] = {}
        times = []
        for query_id in qrels:
            started = time.perf_counter()
            hits = pipeline.retrieve(queries[query_id], CHUNK_DEPTH, mode)
            times.append(time.perf_counter() - started)
            run[query_id] = rank_documents(hits)
        counts = pipeline.counts()
    times.sort()
    result: dict[str, Any] = dict(evaluate_run(run, qrels))
    result.update(
        {
            "mode": mode,
            "split": split,
            "queries": len(run),
            "documents": counts["documents"],
            "chunks": counts["chunks"],
            "index_seconds": round(index_seconds, 2),
            "index_cached": cached,
            "query_ms_mean": round(1000 * sum(times) / max(len(times), 1), 2),
            "query_ms_p95": round(1000 * times[int(0.95 * (len(times) - 1))], 2) if times else 0,
            "peak_rss_mb": round(memory_mb()["peak_mb"], 1),
            "index_path": str(path),
        }
    )
    return result
