"""Embedding throughput and peak memory: pocketrag's ONNX engine vs sentence-transformers + torch.

1,000 deterministic, realistic ~100-word passages (HR-policy prose from a seeded generator),
embedded at batch sizes 1, 4, 8 and 16 by:
  int8         pocketrag's default graph (builder v8: per-channel weights, one activation
               scale per batch, outlier channels smoothed; a text's vector moves slightly
               with its batch companions)
  int8-token   the previous default (builder v5): one activation scale per token, so
               batch-independent, but ~1.28x more CPU
  fp32         pocketrag's fp32 graph
  st           sentence-transformers + torch (the seed stack), run with the benchmark-only
               interpreter .bench-venv/bin/python (bench/compare/seed_env.sh builds it)
plus int8 at batch 8 with ONNX Runtime's CPU arena off (the runtime's choice, measured).

Every configuration runs in its own subprocess, so each peak RSS (VmHWM: the kernel's exact
high-water mark, model load included) is its own. All runs hold /tmp/pocketrag-bench.lock so
benchmarks on the shared machine never overlap. Vectors are saved so the parent can report
how close each engine is to sentence-transformers (mean cosine over the 1,000 passages).

It measures the embedder itself, so it imports pocketrag.embedding directly (not through
the Pipeline), as it must to pick a graph variant and a batch size.

    .venv/bin/python -m bench.micro.embed_throughput            # full run, ~10 minutes
    .venv/bin/python -m bench.micro.embed_throughput --quick    # 200 passages, batch 8 only
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCK_PATH = "/tmp/pocketrag-bench.lock"
BENCH_PYTHON = ROOT / ".bench-venv" / "bin" / "python"
RESULTS = ROOT / "bench" / "results" / "embed_throughput.json"
BATCH_SIZES = (1, 4, 8, 16)
ENGINES = ("int8", "int8-token", "fp32", "st")

# --- passages ---------------------------------------------------------------------------

SUBJECTS = [
    "Employees",
    "New hires",
    "Part-time staff",
    "Managers",
    "Contractors",
    "Team leads",
    "Remote workers",
    "Interns",
    "Full-time employees",
    "Department heads",
    "The HR team",
]
VERBS = [
    "may request",
    "must submit",
    "are entitled to",
    "should report",
    "can carry over",
    "are required to complete",
    "need approval for",
    "may apply for",
    "must keep records of",
]
OBJECTS = [
    "up to five unused days of annual leave",
    "an expense report with itemised receipts",
    "sixteen weeks of paid parental leave",
    "a secure VPN connection when working remotely",
    "overtime hours beyond the standard forty-hour week",
    "the annual security training",
    "reimbursement for approved business travel",
    "two days of remote work per week",
    "a laptop and a company phone",
    "sick leave documented by a medical certificate",
    "flexible working hours agreed with their manager",
    "a performance review each year",
]
CONDITIONS = [
    "within thirty days of the end of the month",
    "before the end of the calendar year",
    "after completing their probation period",
    "unless their manager agrees otherwise",
    "in line with the local labour regulations",
    "once the request has been approved in writing",
    "subject to the budget of their department",
    "as described in section 4 of this policy",
]
ASIDES = [
    "Questions about this policy should be sent to the HR helpdesk.",
    "Exceptions are reviewed case by case by the people team.",
    "This rule applies to all offices, including regional branches.",
    "Failure to comply may delay payment of the related allowance.",
    "The policy was last updated after consultation with employee representatives.",
]


def make_passages(n: int = 1000, words: int = 100, seed: int = 7) -> list[str]:
    """Deterministic policy-like passages of about `words` words each."""
    rng = random.Random(seed)
    passages = []
    for _ in range(n):
        sentences: list[str] = []
        count = 0
        while count < words:
            if rng.random() < 0.2:
                sentence = rng.choice([a for a in ASIDES if a not in sentences[-1:]])
            else:
                sentence = (
                    f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
                    f"{rng.choice(CONDITIONS)}."
                )
            sentences.append(sentence)
            count += len(sentence.split())
        passages.append(" ".join(sentences))
    return passages


# --- one configuration, in its own process -------------------------------------------------


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _load_ours(engine: str, batch: int):
    from pocketrag.config import load_settings
    from pocketrag.embedding import prepare
    from pocketrag.embedding import runtime as rt

    precision = "fp32" if engine == "fp32" else "int8"
    prepared = prepare(load_settings(), precision)
    threads = load_settings().ort_threads
    if engine == "int8-noarena":
        make_options = rt.session_options

        def no_arena(n: int):
            options = make_options(n)
            options.enable_cpu_mem_arena = False
            return options

        rt.session_options = no_arena
    if engine == "int8-token":
        import dataclasses

        prepared = dataclasses.replace(prepared, folder=Path(os.environ["BENCH_INT8_TOKEN"]))
    embedder = rt.Embedder(prepared, precision, batch_size=batch, threads=threads)
    return embedder.embed


def _token_scale_variant(scratch: Path) -> Path:
    """The int8 weights with one activation scale per token (builder v5), built into `scratch`."""
    import shutil

    from pocketrag.config import load_settings
    from pocketrag.embedding import prepare
    from pocketrag.embedding.builder import build_graph
    from pocketrag.embedding.weights import Weights

    prepared = prepare(load_settings())
    folder = scratch / "int8-token"
    folder.mkdir()
    shutil.copy(prepared.tokenizer_path, folder / "tokenizer.json")
    graph = build_graph(
        Weights(prepared.source.folder / "model.safetensors", prepared.spec),
        prepared.spec,
        "int8",
        activations="token",
    )
    (folder / "model.int8.onnx").write_bytes(graph.SerializeToString())
    return folder


def _load_st(batch: int):
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(int(os.environ.get("BENCH_THREADS", "2")))
    folder = Path(os.environ["BENCH_ST_MODEL"])
    model = SentenceTransformer(str(folder), device="cpu")
    model.max_seq_length = 256

    def embed(texts: list[str]):
        return model.encode(
            texts, batch_size=batch, normalize_embeddings=True, show_progress_bar=False
        )

    return embed


def worker(engine: str, batch: int, passages_file: Path, vectors_out: Path) -> dict:
    import numpy as np

    passages = json.loads(passages_file.read_text())
    started = time.perf_counter()
    embed = _load_st(batch) if engine == "st" else _load_ours(engine, batch)
    embed(["warm-up"])  # first-call allocations belong to load, not to throughput
    load_s = time.perf_counter() - started
    rss_loaded = _peak_mb()
    started = time.perf_counter()
    cpu_started = time.process_time()
    vectors = np.asarray(embed(passages), dtype=np.float32)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    np.save(vectors_out, vectors)
    return {
        "engine": engine,
        "batch": batch,
        "passages": len(passages),
        "seconds": round(seconds, 2),
        "passages_per_s": round(len(passages) / seconds, 1),
        "cpu_seconds": round(cpu_seconds, 2),
        "load_s": round(load_s, 2),
        "peak_rss_mb": round(_peak_mb(), 1),
        "rss_after_load_mb": round(rss_loaded, 1),
    }


# --- the parent: runs every configuration and reports -------------------------------------


def _st_model_folder(scratch: Path) -> Path:
    """The verified all-MiniLM folder pocketrag prepared, as a sentence-transformers folder."""
    from pocketrag.config import load_settings
    from pocketrag.embedding import prepare

    source = prepare(load_settings()).source.folder
    folder = scratch / "st-model"
    folder.mkdir()
    for item in source.iterdir():
        if not item.name.startswith("."):
            (folder / item.name).symlink_to(item.resolve())
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {
            "idx": 1,
            "name": "1",
            "path": "1_Pooling",
            "type": "sentence_transformers.models.Pooling",
        },
    ]
    (folder / "modules.json").write_text(json.dumps(modules))
    return folder


def run_config(
    engine: str, batch: int, passages_file: Path, scratch: Path, env: dict, round_: int
) -> dict:
    python = BENCH_PYTHON if engine == "st" else Path(sys.executable)
    vectors = scratch / f"{engine}-{batch}-{round_}.npy"
    cmd = [str(python), "-m", __spec__.name, "--worker", engine, "--batch", str(batch)]
    cmd += ["--passages-file", str(passages_file), "--vectors", str(vectors)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"{engine} batch {batch} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["vectors"] = str(vectors)
    return result


def mean_cosine(a_path: str, b_path: str) -> float:
    import numpy as np

    a, b = np.load(a_path), np.load(b_path)
    return float((a * b).sum(axis=1).mean())


def markdown(results: list[dict], meta: dict) -> str:
    st = {r["batch"]: r for r in results if r["engine"] == "st"}
    lines = [
        f"{meta['passages']} passages, mean {meta['mean_words']:.0f} words "
        f"({meta['mean_tokens']:.0f} tokens); {meta['threads']} threads; {meta['machine']}",
        "",
        "| engine | batch | passages/s | x seed stack | CPU ms/passage | x seed stack (CPU) "
        "| peak RSS MB | RSS after load MB | load s | cosine vs ST |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        base = st.get(r["batch"])
        ratio = f"{r['passages_per_s'] / base['passages_per_s']:.1f}x" if base else "-"
        cpu_ms = 1000 * r["cpu_seconds"] / r["passages"]
        cpu_ratio = f"{base['cpu_seconds'] / r['cpu_seconds']:.1f}x" if base else "-"
        lines.append(
            f"| {r['engine']} | {r['batch']} | {r['passages_per_s']} | {ratio} "
            f"| {cpu_ms:.1f} | {cpu_ratio} "
            f"| {r['peak_rss_mb']:.0f} | {r['rss_after_load_mb']:.0f} | {r['load_s']} "
            f"| {r.get('cosine_vs_st', float('nan')):.4f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--batch", type=int, default=8, help=argparse.SUPPRESS)
    parser.add_argument("--passages-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--vectors", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="200 passages, batch 8 only")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--repeat", type=int, default=2, help="runs per configuration (best kept)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    if args.worker:
        print(json.dumps(worker(args.worker, args.batch, args.passages_file, args.vectors)))
        return

    if not BENCH_PYTHON.exists():
        raise SystemExit(f"{BENCH_PYTHON} not found: run `bash bench/compare/seed_env.sh` first")
    passages = make_passages(200 if args.quick else 1000)
    batches = (8,) if args.quick else BATCH_SIZES
    engines = [e for e in args.engines.split(",") if e]
    with tempfile.TemporaryDirectory(prefix="embed-bench-") as tmp:
        scratch = Path(tmp)
        passages_file = scratch / "passages.json"
        passages_file.write_text(json.dumps(passages))
        # The seed interpreter finds this module (and only bench/, not pocketrag) through
        # PYTHONPATH; pocketrag's own interpreter has pocketrag installed.
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.setdefault("POCKETRAG_MODEL_DIR", str(ROOT / "pocketrag-data" / "models"))
        os.environ.setdefault("POCKETRAG_MODEL_DIR", env["POCKETRAG_MODEL_DIR"])
        env["BENCH_ST_MODEL"] = str(_st_model_folder(scratch))
        if "int8-token" in engines:
            env["BENCH_INT8_TOKEN"] = str(_token_scale_variant(scratch))
        # Interleaved (every engine at one batch size, then the next size) and repeated,
        # keeping each configuration's fastest run: on a shared machine other work comes and
        # goes, and this keeps the engines' conditions as alike as possible.
        configs = [(e, b) for b in batches for e in engines]
        if "int8" in engines and not args.quick:
            configs.append(("int8-noarena", 8))
        best: dict[tuple[str, int], dict] = {}
        with open(LOCK_PATH, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            for round_ in range(args.repeat):
                for engine, batch in configs:
                    result = run_config(engine, batch, passages_file, scratch, env, round_)
                    print(json.dumps(result), file=sys.stderr, flush=True)
                    key = (engine, batch)
                    if key not in best or result["seconds"] < best[key]["seconds"]:
                        best[key] = result
        order = {e: i for i, e in enumerate([*engines, "int8-noarena"])}
        results = sorted(best.values(), key=lambda r: (order[r["engine"]], r["batch"]))
        st_vectors = {r["batch"]: r["vectors"] for r in results if r["engine"] == "st"}
        for r in results:
            reference = st_vectors.get(r["batch"]) or next(iter(st_vectors.values()), None)
            if reference:
                r["cosine_vs_st"] = round(mean_cosine(r["vectors"], reference), 5)
            del r["vectors"]

    from pocketrag.config import load_settings
    from pocketrag.embedding import get_tokenizer

    tokenizer = get_tokenizer(load_settings())
    meta = {
        "passages": len(passages),
        "mean_words": sum(len(p.split()) for p in passages) / len(passages),
        "mean_tokens": sum(len(tokenizer.encode(p).ids) for p in passages) / len(passages),
        "threads": load_settings().ort_threads,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f} at the end (shared machine)",
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"meta": meta, "results": results}, indent=2))
    print(markdown(results, meta))


if __name__ == "__main__":
    main()
