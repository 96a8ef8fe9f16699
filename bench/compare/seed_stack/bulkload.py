"""Grow a measured seed index to a large size without hours of torch embedding (untimed).

Embedding 100k passages with sentence-transformers on a shared 2-core machine takes about
two hours, so the seed stack's ingest is measured on the first part of the synthetic corpus
and the index is then grown to the full size here: the remaining passages get the vectors
of the measured ones plus small Gaussian noise (re-normalised), which keeps the clustered
shape of real embeddings that HNSW search cost depends on. Only serving (RSS at rest,
latency) is measured on the grown index.

`python -m bench.compare.seed_stack.bulkload --db DIR --passages P.jsonl [--faiss-db DIR2]`
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from bench.compare.seed_stack.common import ChromaIndex, FaissIndex, Passage


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="chroma index from ingest")
    parser.add_argument("--passages", type=Path, required=True, help="JSONL id/source/text")
    parser.add_argument("--faiss-db", type=Path, help="also write a faiss index of it all")
    parser.add_argument("--noise", type=float, default=0.02)
    args = parser.parse_args()

    chroma = ChromaIndex(args.db)
    got: dict[str, list] = {"ids": [], "embeddings": [], "documents": [], "metadatas": []}
    total = chroma.count()
    for offset in range(0, total, 5000):  # paged: chroma refuses one 100k-row get
        part = chroma.collection.get(
            include=["embeddings", "documents", "metadatas"], limit=5000, offset=offset
        )
        for key in got:
            got[key].extend(part[key])
    base = np.asarray(got["embeddings"], dtype=np.float32)
    done_files = {Path(m["source"]).name for m in got["metadatas"]}
    rows = [json.loads(line) for line in args.passages.open()]
    todo = [Passage(r["id"], r["source"], r["text"]) for r in rows if r["source"] not in done_files]
    rng = np.random.default_rng(0)
    step = 5000
    extra = []
    for i in range(0, len(todo), step):
        part = todo[i : i + step]
        vecs = base[np.arange(i, i + len(part)) % len(base)]
        vecs = vecs + rng.normal(0, args.noise, vecs.shape).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        chroma.add(part, vecs)
        extra.append(vecs)
    if args.faiss_db:
        faiss_index = FaissIndex(args.faiss_db)
        originals = [
            Passage(i, m["source"], d)
            for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        ]
        faiss_index.add(originals + todo, np.vstack([base, *extra]).astype(np.float32))
    print(json.dumps({"base": len(base), "added": len(todo), "total": chroma.count()}))


if __name__ == "__main__":
    main()
