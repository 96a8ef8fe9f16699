"""compare.json -> the markdown table in docs/BENCHMARKS.md ("Side by side").

The last column says how many times better pocketrag is than the seed stack's ChromaDB
variant (>1: pocketrag better, <1: worse), whatever the direction of the metric.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

LOWER, HIGHER = "lower", "higher"


def _fmt(v, digits: int = 1) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    if isinstance(v, float):
        return f"{v:,.{digits}f}" if abs(v) < 1000 else f"{v:,.0f}"
    return str(v)


def _ratio(pr, seed, better: str) -> str:
    try:
        r = seed / pr if better == LOWER else pr / seed
    except (TypeError, ZeroDivisionError):
        return ""
    if math.isnan(r):
        return ""
    return f"{r:.1f}x" if r >= 0.95 else f"{r:.2f}x (worse)"


def _get(d: dict, *path, default=None):
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return default
        d = d[p]
    return d


def rows(out: dict) -> list[tuple[str, object, object, object, str]]:
    """(metric, pocketrag, seed chroma, seed faiss, better)"""
    r: list = []
    ing = out.get("ingest", {})
    for corpus, label in (("handbook", "handbook"), ("synthetic-part", "synthetic part")):
        if corpus not in ing:
            continue
        c = ing[corpus]

        def m(stack: str, key: str, c=c):
            return _get(c, stack, "median", key)

        n = m("pocketrag", "passages")
        ns = m("seed-chroma", "passages")
        r.append((f"ingest {label}: passages (chunks)", n, ns, m("seed-faiss", "passages"), ""))
        r.append(
            (
                f"ingest {label}: wall time, s",
                m("pocketrag", "wall_s"),
                m("seed-chroma", "wall_s"),
                m("seed-faiss", "wall_s"),
                LOWER,
            )
        )
        r.append(
            (
                f"ingest {label}: passages/s",
                m("pocketrag", "passages_per_s"),
                m("seed-chroma", "passages_per_s"),
                m("seed-faiss", "passages_per_s"),
                HIGHER,
            )
        )
        r.append(
            (
                f"ingest {label}: peak RSS, MB",
                m("pocketrag", "maxrss_mb"),
                m("seed-chroma", "maxrss_mb"),
                m("seed-faiss", "maxrss_mb"),
                LOWER,
            )
        )
    if "synthetic" in ing:
        s = _get(ing, "synthetic", "pocketrag", "median", default={})
        n = s.get("passages")
        size = f"{n:,.0f}" if n else "?"
        r.append(
            (
                f"ingest synthetic, all {size} chunks: wall time, s",
                s.get("wall_s"),
                None,
                None,
                LOWER,
            )
        )
        r.append(
            (
                "ingest synthetic, all chunks: passages/s",
                s.get("passages_per_s"),
                None,
                None,
                HIGHER,
            )
        )
        r.append(
            ("ingest synthetic, all chunks: peak RSS, MB", s.get("maxrss_mb"), None, None, LOWER)
        )
    srv = out.get("serving", {})
    if srv:

        def sv(stack: str, key: str):
            return _get(srv, stack, "median", key)

        for key, label, better in (
            ("cold_start_healthy_s", "cold start to /health 200, s", LOWER),
            ("first_search_from_start_s", "start to first search answered, s", LOWER),
            ("rss_rest_mb", "serving RSS at rest (after 1st query), MB", LOWER),
            ("rss_load_peak_mb", "serving peak RSS, 20 concurrent clients, MB", LOWER),
            ("seq_p50_ms", "search p50, 1 client, ms", LOWER),
            ("seq_p95_ms", "search p95, 1 client, ms", LOWER),
            ("load_p50_ms", "search p50, 20 clients, ms", LOWER),
            ("load_p95_ms", "search p95, 20 clients, ms", LOWER),
            ("load_rps", "searches/s, 20 clients", HIGHER),
            ("load_errors", "failed requests under load", ""),
        ):
            r.append(
                (label, sv("pocketrag", key), sv("seed-chroma", key), sv("seed-faiss", key), better)
            )
    sf = out.get("scifact", {})
    if sf:
        hybrid = sf.get("pocketrag-hybrid", {})
        r.append(
            (
                "SciFact index: chunks",
                hybrid.get("chunks"),
                _get(sf, "seed-chroma-dense", "passages"),
                None,
                "",
            )
        )
        r.append(
            (
                "SciFact index build: peak RSS, MB",
                hybrid.get("maxrss_mb"),
                _get(sf, "seed-chroma-dense", "ingest_maxrss_mb"),
                None,
                LOWER,
            )
        )
        seed_s = (
            None
            if _get(sf, "seed-chroma-dense", "cached")
            else _get(sf, "seed-chroma-dense", "ingest_wall_s")
        )
        r.append(("SciFact index build, s", hybrid.get("index_seconds"), seed_s, None, LOWER))
        seed = _get(sf, "seed-chroma-dense", "ndcg@10")
        for mode in ("hybrid", "dense", "bm25"):
            pr = _get(sf, f"pocketrag-{mode}", "ndcg@10")
            r.append((f"SciFact nDCG@10 (pocketrag {mode}; seed dense)", pr, seed, None, HIGHER))
    sizes = out.get("sizes", {})
    if sizes:
        r.append(
            (
                "installed size (runtime dependency closure), MB",
                _get(sizes, "pocketrag", "closure_mb"),
                _get(sizes, "seed", "closure_mb"),
                _get(sizes, "seed", "closure_mb"),
                LOWER,
            )
        )
    return r


def markdown(out: dict) -> str:
    lines = [
        "| metric | pocketrag | seed: ST + Chroma | seed: ST + FAISS | pocketrag vs Chroma |",
        "|---|---:|---:|---:|---:|",
    ]
    for metric, pr, seed, faiss, better in rows(out):
        digits = 3 if "nDCG" in metric else 1
        ratio = _ratio(pr, seed, better) if better else ""
        cells = [_fmt(v, digits) if v is not None else "-" for v in (pr, seed, faiss)]
        lines.append(f"| {metric} | {' | '.join(cells)} | {ratio} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    path = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).parents[1] / "results/compare.json"
    )
    print(markdown(json.loads(path.read_text())))
