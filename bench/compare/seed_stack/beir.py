"""Seed-stack dense retrieval on a BEIR dataset: nDCG@10 of an index built by ingest --beir.

`python -m bench.compare.seed_stack.beir --db DIR --data scifact/` prints
{"ndcg@10": ..., "queries": n}.
A document's score is its best passage's score (BEIR's usual max-pooling over chunks).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from pathlib import Path

from bench.compare.seed_stack.common import load_model, open_index


def ndcg_at_10(ranked: list[str], relevant: dict[str, int]) -> float:
    dcg = sum(relevant.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:10]))
    ideal = sorted(relevant.values(), reverse=True)[:10]
    idcg = sum(r / math.log2(i + 2) for i, r in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--store", choices=["chroma", "faiss"], default="chroma")
    parser.add_argument("--split", default="test")
    args = parser.parse_args()

    qrels: dict[str, dict[str, int]] = {}
    with (args.data / "qrels" / f"{args.split}.tsv").open() as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            qrels.setdefault(row["query-id"], {})[row["corpus-id"]] = int(row["score"])
    queries = {}
    with (args.data / "queries.jsonl").open() as fh:
        for line in fh:
            q = json.loads(line)
            if q["_id"] in qrels:
                queries[q["_id"]] = q["text"]

    model = load_model()
    index = open_index(args.store, args.db)
    ids = list(queries)
    vectors = model.encode([queries[q] for q in ids], normalize_embeddings=True)
    scores = []
    for qid, vector in zip(ids, vectors, strict=True):
        best: dict[str, float] = {}
        for hit in index.search(vector, 30):
            doc = hit["source"]
            best[doc] = max(best.get(doc, -1.0), hit["score"])
        ranked = sorted(best, key=best.get, reverse=True)
        scores.append(ndcg_at_10(ranked, qrels[qid]))
    print(json.dumps({"ndcg@10": sum(scores) / len(scores), "queries": len(scores)}))


if __name__ == "__main__":
    main()
