"""Sign-bit prefilter for dense search over large scopes: pack, then scan with popcount.

Why: above a few tens of thousands of chunks an exact int8 scan costs tens of ms, and
sqlite-vec's own bit k-NN slows down linearly with k. One bit per dimension (48 bytes for a
384-d vector) read in pages and compared with NumPy popcount is linear in the corpus,
independent of k, and holds one page in memory, never the corpus. The candidates it returns
are rescored exactly by the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

# Popcount per byte, for NumPy < 2.0 (no np.bitwise_count).
_POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)


def sign_bits(vectors: np.ndarray) -> np.ndarray:
    """One bit per dimension (value > 0), rows padded to whole 8-byte words so a scan can
    XOR and popcount them as uint64. int8 and float32 vectors give the same bits (a value
    that rounds to int8 0 is < 0.004 in float and hardly matters for a prefilter)."""
    bits = np.packbits(np.asarray(vectors) > 0, axis=1)
    pad = (-bits.shape[1]) % 8
    return np.pad(bits, ((0, 0), (0, pad))) if pad else bits


def hamming_candidates(
    pages: Iterable[Sequence[tuple[bytes, bytes]]], query: np.ndarray, candidates: int
) -> np.ndarray:
    """Chunk ids with the smallest Hamming distance to the query's sign bits.

    `pages` yields lists of (chunk ids as int64 bytes, their packed sign bits) rows, e.g.
    one row per document; only the best `candidates` so far are kept between pages.
    """
    qwords = sign_bits(np.asarray(query).reshape(1, -1)).view(np.uint64)
    best_ids = np.zeros(0, dtype=np.int64)
    best_dist = np.zeros(0, dtype=np.int32)
    for rows in pages:
        ids = np.frombuffer(b"".join(r[0] for r in rows), dtype=np.int64)
        words = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.uint64)
        words = words.reshape(len(ids), -1) ^ qwords
        if hasattr(np, "bitwise_count"):
            counts = np.bitwise_count(words)
        else:  # pragma: no cover - NumPy < 2.0
            counts = _POPCOUNT[words.view(np.uint8)].reshape(len(ids), -1)
        dist = counts[:, 0].astype(np.int32)
        for column in range(1, counts.shape[1]):  # faster than sum(axis=1) for 6 columns
            dist += counts[:, column]
        best_ids = np.concatenate([best_ids, ids])
        best_dist = np.concatenate([best_dist, dist])
        if len(best_ids) > candidates:
            keep = np.argpartition(best_dist, candidates - 1)[:candidates]
            best_ids, best_dist = best_ids[keep], best_dist[keep]
    return best_ids
