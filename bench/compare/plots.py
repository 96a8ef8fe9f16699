"""Turn a compare.py run into PNG plots for docs/BENCHMARKS.md.

    .venv/bin/python -m bench.compare.plots [bench/results]  ->  docs/img/bench-*.png

- bench-ingest-rss.png: RSS over time while ingesting, each stack (first repeat);
- bench-serving-rss.png: RSS over time of each server: start, first query, idle, 20 clients;
- bench-latency-cdf.png: search latency CDFs, one client and 20 concurrent clients.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "docs" / "img"
COLORS = {"pocketrag": "#1b9e77", "seed-chroma": "#d95f02", "seed-faiss": "#7570b3"}
LABELS = {
    "pocketrag": "pocketrag (ONNX int8 + SQLite)",
    "seed-chroma": "seed: sentence-transformers + Chroma",
    "seed-faiss": "seed: sentence-transformers + FAISS",
}


def read_csv(path: Path) -> tuple[list[float], list[float]]:
    t, rss = [], []
    with path.open() as fh:
        for row in csv.DictReader(fh):
            t.append(float(row["t_s"]))
            rss.append(float(row["rss_mb"]))
    return t, rss


def _budget(ax, mb: float, label: str) -> None:
    ax.axhline(mb, color="grey", linestyle=":", linewidth=1)
    ax.annotate(
        label,
        (0.01, mb),
        xycoords=("axes fraction", "data"),
        ha="left",
        va="bottom",
        fontsize=8,
        color="grey",
    )


def ingest_rss(results: Path, out: dict) -> Path | None:
    corpora = [c for c in ("handbook", "synthetic-part", "synthetic") if c in out.get("ingest", {})]
    if not corpora:
        return None
    fig, axes = plt.subplots(1, len(corpora), figsize=(4.2 * len(corpora), 3.6), squeeze=False)
    for ax, corpus in zip(axes[0], corpora, strict=True):
        for stack in COLORS:
            path = results / "csv" / f"ingest-{corpus}-{stack}-0.csv"
            first = (out["ingest"][corpus].get(stack, {}).get("runs") or [{"error": 1}])[0]
            if not path.exists() or "error" in first:
                continue
            t, rss = read_csv(path)
            ax.plot(t, rss, color=COLORS[stack], label=LABELS[stack], linewidth=1.4)
        _budget(ax, 512, "512 MB host")
        _budget(ax, 250, "pocketrag ingest budget")
        runs = out["ingest"][corpus]
        n = next((v["median"].get("passages") for v in runs.values() if v.get("median")), None)
        ax.set_title(f"{corpus}" + (f" ({n:,.0f} chunks)" if n else ""), fontsize=10)
        ax.set_xlabel("seconds since start")
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
    axes[0][0].set_ylabel("RSS of process tree, MB")
    axes[0][0].legend(fontsize=8, loc="center right")
    fig.suptitle("Memory while ingesting (sampled at 20 Hz)", fontsize=11)
    fig.tight_layout()
    return _save(fig, "bench-ingest-rss.png")


def serving_rss(results: Path) -> Path | None:
    fig, ax = plt.subplots(figsize=(8, 3.6))
    drawn = False
    for stack in COLORS:
        path = results / "csv" / f"serve-{stack}-0.csv"
        if path.exists():
            t, rss = read_csv(path)
            ax.plot(t, rss, color=COLORS[stack], label=LABELS[stack], linewidth=1.4)
            drawn = True
    if not drawn:
        plt.close(fig)
        return None
    _budget(ax, 512, "512 MB host")
    _budget(ax, 160, "pocketrag serving budget")
    ax.set_xlabel("seconds since process start (start, first query, idle, then 20 clients)")
    ax.set_ylabel("RSS, MB")
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    ax.set_title("Serving memory over a run, synthetic index", fontsize=11)
    fig.tight_layout()
    return _save(fig, "bench-serving-rss.png")


def latency_cdf(out: dict) -> Path | None:
    serving = out.get("serving", {})
    if not serving:
        return None
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.6))
    for ax, key, title in (
        (axes[0], "seq", "1 client"),
        (axes[1], "load", "20 concurrent clients"),
    ):
        for stack, res in serving.items():
            lat = sorted(ms for r in res["runs"] if key in r for ms in r[key]["latencies_ms"])
            if lat:
                y = [(i + 1) / len(lat) for i in range(len(lat))]
                ax.step(
                    lat, y, where="post", color=COLORS.get(stack), label=LABELS.get(stack, stack)
                )
        ax.set_xscale("log")
        ax.set_xlabel("search latency, ms (log scale)")
        ax.set_title(title, fontsize=10)
        ax.axhline(0.95, color="grey", linestyle=":", linewidth=1)
        ax.grid(alpha=0.3, which="both")
    axes[0].set_ylabel("fraction of requests")
    axes[0].legend(fontsize=8, loc="lower right")
    fig.suptitle("Search latency CDF (all repeats pooled)", fontsize=11)
    fig.tight_layout()
    return _save(fig, "bench-latency-cdf.png")


def _save(fig, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return path


def main() -> None:
    results = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "bench" / "results"
    out = json.loads((results / "compare.json").read_text())
    for made in (ingest_rss(results, out), serving_rss(results), latency_cdf(out)):
        if made:
            print(f"{made} ({made.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
