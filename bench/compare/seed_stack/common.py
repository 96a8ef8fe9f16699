"""What the seed deployments do, in the way they do it: read files, cut fixed-size word
chunks, encode the whole list with SentenceTransformer, keep the vectors in Chroma or FAISS.

Kept deliberately plain (no streaming, no batching of the corpus) because that plainness is
what the benchmark measures: the seed deployments hold every chunk and vector in memory.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

DEFAULT_MODEL = Path(__file__).resolve().parents[3] / ".bench-venv/models/all-MiniLM-L6-v2"
# ~150 words is ~200 word-piece tokens: close to pocketrag's 200-token chunks and under
# MiniLM's 256-token window, so neither stack silently truncates most chunks.
CHUNK_WORDS = 150
OVERLAP_WORDS = 30
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


@dataclass
class Passage:
    id: str
    source: str
    text: str
    page: int | None = None


def model_path() -> str:
    return os.environ.get("SEED_MODEL_PATH", str(DEFAULT_MODEL))


def load_model():
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(model_path(), device="cpu")


def word_chunks(text: str, size: int | None = None, overlap: int | None = None) -> list[str]:
    size = CHUNK_WORDS if size is None else size
    overlap = OVERLAP_WORDS if overlap is None else overlap
    words = text.split()
    step = max(1, size - overlap)
    return [" ".join(words[i : i + size]) for i in range(0, max(len(words) - overlap, 1), step)]


def read_file(path: Path) -> Iterator[tuple[str, int | None]]:
    """(text, page) pairs: one per PDF page (pypdf), one for a whole text/markdown file."""
    if path.suffix.lower() == ".pdf":
        from pypdf import PdfReader

        for number, page in enumerate(PdfReader(str(path)).pages, start=1):
            yield page.extract_text() or "", number
    else:
        yield path.read_text(encoding="utf-8", errors="replace"), None


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())
        else:
            yield path


def passages_from_files(paths: Iterable[Path]) -> list[Passage]:
    out: list[Passage] = []
    for path in iter_files(paths):
        if path.suffix.lower() not in TEXT_SUFFIXES | {".pdf"}:
            continue
        for text, page in read_file(path):
            for i, chunk in enumerate(word_chunks(text)):
                if chunk:
                    out.append(Passage(f"{path.name}:{page or 0}:{i}", str(path), chunk, page))
    return out


def passages_from_beir(corpus_jsonl: Path) -> list[Passage]:
    """A BEIR corpus, each document word-chunked; the passage id keeps the document id."""
    out: list[Passage] = []
    with corpus_jsonl.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            text = f"{doc.get('title', '')}. {doc.get('text', '')}".strip()
            for i, chunk in enumerate(word_chunks(text)):
                out.append(Passage(f"{doc['_id']}#{i}", doc["_id"], chunk))
    return out


class ChromaIndex:
    """chromadb PersistentClient, cosine HNSW: the seed deployments' default store."""

    def __init__(self, directory: Path) -> None:
        import chromadb

        self.client = chromadb.PersistentClient(path=str(directory / "chroma"))
        self.collection = self.client.get_or_create_collection(
            "docs", metadata={"hnsw:space": "cosine"}
        )

    def add(self, passages: list[Passage], vectors) -> None:
        step = 5000  # under chromadb's max batch size
        for i in range(0, len(passages), step):
            part = passages[i : i + step]
            self.collection.add(
                ids=[p.id for p in part],
                documents=[p.text for p in part],
                embeddings=vectors[i : i + step].tolist(),
                metadatas=[{"source": p.source, "page": p.page or 0} for p in part],
            )

    def search(self, vector, k: int) -> list[dict]:
        res = self.collection.query(query_embeddings=[vector.tolist()], n_results=k)
        return [
            {"id": i, "score": 1.0 - d, "source": m["source"], "page": m["page"], "text": t}
            for i, d, m, t in zip(
                res["ids"][0],
                res["distances"][0],
                res["metadatas"][0],
                res["documents"][0],
                strict=True,
            )
        ]

    def count(self) -> int:
        return self.collection.count()


class FaissIndex:
    """faiss IndexFlatIP over normalised vectors, passages kept in a JSON file beside it."""

    def __init__(self, directory: Path) -> None:
        import faiss

        self.faiss = faiss
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        index_file = directory / "faiss.index"
        self.index = faiss.read_index(str(index_file)) if index_file.exists() else None
        meta = directory / "passages.json"
        self.passages = json.loads(meta.read_text()) if meta.exists() else []

    def add(self, passages: list[Passage], vectors) -> None:
        if self.index is None:
            self.index = self.faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(vectors)
        self.passages += [p.__dict__ for p in passages]
        self.faiss.write_index(self.index, str(self.directory / "faiss.index"))
        (self.directory / "passages.json").write_text(json.dumps(self.passages))

    def search(self, vector, k: int) -> list[dict]:
        scores, ids = self.index.search(vector.reshape(1, -1), k)
        return [
            {**self.passages[i], "score": float(s)}
            for s, i in zip(scores[0], ids[0], strict=True)
            if i >= 0
        ]

    def count(self) -> int:
        return 0 if self.index is None else self.index.ntotal


def open_index(kind: str, directory: Path):
    return ChromaIndex(directory) if kind == "chroma" else FaissIndex(directory)
