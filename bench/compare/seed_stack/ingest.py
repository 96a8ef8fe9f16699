"""Seed-stack ingest:
`python -m bench.compare.seed_stack.ingest --db DIR [--store chroma|faiss] PATH...`.

PATH may be files/folders (PDF, text, Markdown) or, with --beir, a BEIR corpus.jsonl.
Prints one JSON line: passages, seconds per phase, passages/s.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench.compare.seed_stack import common
from bench.compare.seed_stack.common import (
    CHUNK_WORDS,
    OVERLAP_WORDS,
    load_model,
    open_index,
    passages_from_beir,
    passages_from_files,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--store", choices=["chroma", "faiss"], default="chroma")
    parser.add_argument("--beir", action="store_true", help="paths are BEIR corpus.jsonl files")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--chunk-words", type=int, default=CHUNK_WORDS)
    parser.add_argument("--overlap-words", type=int, default=OVERLAP_WORDS)
    args = parser.parse_args()

    common.CHUNK_WORDS, common.OVERLAP_WORDS = args.chunk_words, args.overlap_words
    t0 = time.perf_counter()
    model = load_model()
    t1 = time.perf_counter()
    if args.beir:
        passages = [p for path in args.paths for p in passages_from_beir(path)]
    else:
        passages = passages_from_files(args.paths)
    t2 = time.perf_counter()
    # The seed deployments encode the whole corpus in one call; this is where they OOM.
    vectors = model.encode(
        [p.text for p in passages], batch_size=args.batch_size, normalize_embeddings=True
    )
    t3 = time.perf_counter()
    index = open_index(args.store, args.db)
    index.add(passages, vectors)
    t4 = time.perf_counter()
    print(
        json.dumps(
            {
                "passages": len(passages),
                "indexed": index.count(),
                "load_model_s": t1 - t0,
                "read_s": t2 - t1,
                "embed_s": t3 - t2,
                "store_s": t4 - t3,
                "total_s": t4 - t0,
                "passages_per_s": len(passages) / (t4 - t0),
            }
        )
    )


if __name__ == "__main__":
    main()
