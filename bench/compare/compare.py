"""Side-by-side benchmark: pocketrag vs the seed stack (sentence-transformers + torch,
ChromaDB / FAISS, FastAPI), same corpora, same machine, one run.

    .venv/bin/python -m bench.compare            # full run (~40 min on 2 shared cores)
    .venv/bin/python -m bench.compare --quick    # `make bench`: a few minutes

(from the repository root; `-m bench.compare.compare` is the same).

Runs alternate between the stacks (ABAB..., order flipped each repeat) and each figure is
the median over repeats. Results: bench/results/compare.json (everything, incl. raw
latencies), bench/results/compare.md (the table), bench/results/csv/ (RSS over time).
Each measuring run holds /tmp/pocketrag-bench.lock. See docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.compare import corpora, report
from bench.compare.harness import (
    LOCK_PATH,
    Server,
    bench_lock,
    free_port,
    measured,
    median,
    run_clients,
    wait_for,
)

BENCH = Path(__file__).resolve().parents[1]  # bench/: results stay in bench/results
REPO = BENCH.parent
HERE = Path(__file__).resolve().parent
RESULTS = BENCH / "results"
POCKETRAG = REPO / ".venv" / "bin" / "pocketrag"
SEED_PY = REPO / ".bench-venv" / "bin" / "python"
SEED_PACKAGES = ["sentence-transformers", "chromadb", "faiss-cpu", "pypdf", "fastapi", "uvicorn"]
# One prepared model for every pocketrag run (preparing it is a one-off, not ingest work).
PR_ENV = {
    "POCKETRAG_MODEL_DIR": str(REPO / "pocketrag-data" / "models"),
    "POCKETRAG_RATE_LIMIT_PER_MINUTE": "0",  # the load test is one client IP
    "NO_COLOR": "1",
}
# The seed interpreter imports bench.compare.seed_stack from the repository root (only
# bench/__init__.py and bench/compare/__init__.py on the way, both import-free).
SEED_ENV = {"PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def ensure_seed_env() -> None:
    ok = (
        SEED_PY.exists()
        and subprocess.run(
            [str(SEED_PY), "-c", "import sentence_transformers, chromadb, faiss"],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    model = REPO / ".bench-venv/models/all-MiniLM-L6-v2/model.safetensors"
    if not ok or not model.exists():
        log(
            "building the seed-stack environment (bench/compare/seed_env.sh; once, several minutes)"
        )
        subprocess.run(["bash", str(HERE / "seed_env.sh")], check=True)


def warm_up(work: Path) -> None:
    """Untimed: prepare pocketrag's model once and pull both stacks' files into the page
    cache, so the first measured repeat is not charged for a cold disk or a one-off build."""
    log("warm-up (untimed): pocketrag model prepare, seed model load")
    doc = work / "warm" / "warm.md"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text("# Warm-up\n\nA short document to load the model once.\n")
    subprocess.run(
        [str(POCKETRAG), "--data-dir", str(fresh(work / "warm-data")), "ingest", str(doc)],
        env={**os.environ, **PR_ENV},
        capture_output=True,
        check=False,
    )
    subprocess.run(
        [
            str(SEED_PY),
            "-c",
            "from bench.compare.seed_stack.common import load_model; load_model()",
        ],
        env={**os.environ, **SEED_ENV},
        capture_output=True,
        check=False,
    )


def fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


class Run:
    """One benchmark run: scratch space, configuration and collected results."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.results = args.results
        self.work = args.work or self.results / "work"
        self.csv = self.results / "csv"
        self.logs = self.results / "logs"
        for d in (self.work, self.csv, self.logs):
            d.mkdir(parents=True, exist_ok=True)
        self.out: dict = {"config": vars(args).copy(), "ingest": {}, "serving": {}}

    def save(self) -> None:
        """After every stage, so a long run interrupted late still leaves its numbers."""
        (self.results / "compare.json").write_text(json.dumps(self.out, indent=1, default=str))

    # ---- ingest -------------------------------------------------------------------
    def ingest_pocketrag(self, name: str, paths: list[Path], rep: int) -> dict:
        data = fresh(self.work / f"pr-{name}")
        tag = f"ingest-{name}-pocketrag-{rep}"
        cmd = [str(POCKETRAG), "--data-dir", str(data), "ingest", "--json", *map(str, paths)]
        # exit 1 = some file failed (e.g. questions.jsonl is not a document); the rest count
        r = measured(cmd, self.csv / f"{tag}.csv", PR_ENV, self.logs / f"{tag}.log", (0, 1))
        files = json.loads(r.pop("stdout"))["files"]
        r["passages"] = sum(f.get("chunks") or 0 for f in files)
        r["failed_files"] = sum(f["status"] == "failed" for f in files)
        r["data_dir"] = str(data)
        return r

    def ingest_seed(self, name: str, paths: list[Path], rep: int, store: str, extra=()) -> dict:
        data = fresh(self.work / f"seed-{store}-{name}")
        tag = f"ingest-{name}-seed-{store}-{rep}"
        cmd = [
            str(SEED_PY),
            "-m",
            "bench.compare.seed_stack.ingest",
            "--db",
            str(data),
            "--store",
            store,
        ]
        cmd += [*extra, *map(str, paths)]
        r = measured(cmd, self.csv / f"{tag}.csv", SEED_ENV, self.logs / f"{tag}.log")
        detail = json.loads(r.pop("stdout").strip().splitlines()[-1])
        r.update(passages=detail["passages"], phases=detail, data_dir=str(data))
        return r

    def ingest_series(self, name: str, paths: list[Path], stacks: list[str], extra=()) -> None:
        runs: dict[str, list[dict]] = {s: [] for s in stacks}
        with bench_lock():
            self._ingest_reps(name, paths, stacks, extra, runs)
        self.out["ingest"][name] = {s: summarise(v) for s, v in runs.items()}
        self.save()

    def _ingest_reps(self, name, paths, stacks, extra, runs) -> None:
        for rep in range(self.args.repeats):
            order = stacks if rep % 2 == 0 else stacks[::-1]
            for stack in order:
                log(f"ingest {name} [{stack}] repeat {rep + 1}/{self.args.repeats}")
                try:
                    if stack == "pocketrag":
                        r = self.ingest_pocketrag(name, paths, rep)
                    else:
                        r = self.ingest_seed(name, paths, rep, stack.split("-")[1], extra)
                except (RuntimeError, ValueError, KeyError) as exc:  # record, go on
                    log(f"  failed: {str(exc)[-800:]}")
                    runs[stack].append({"error": str(exc)[-1500:]})
                    continue
                r["passages_per_s"] = r["passages"] / r["wall_s"]
                runs[stack].append(r)
                log(f"  {r['wall_s']:.1f}s, {r['passages']} passages, peak {r['maxrss_mb']} MB")

    # ---- SciFact ------------------------------------------------------------------
    def scifact(self) -> None:
        with bench_lock():
            self._scifact()

    def _scifact(self) -> None:
        a = self.args
        folder = corpora.SCIFACT
        if a.quick:
            folder = corpora.scifact_subset(fresh(self.work / "scifact-subset"), 10, 60)
        res: dict = {"folder": str(folder)}
        # Built afresh each run: a kept index would hold an older build's vectors (its
        # build time would read 0 s and its nDCG would not be this graph's).
        data = fresh(self.work / f"pr-beir-{'quick' if a.quick else 'full'}")
        for mode in ("hybrid", "dense", "bm25"):
            log(f"SciFact pocketrag eval beir --mode {mode}")
            tag = f"scifact-pocketrag-{mode}"
            cmd = [str(POCKETRAG), "--data-dir", str(data), "eval", "beir", str(folder)]
            cmd += ["--mode", mode, "--json"]
            try:
                r = measured(cmd, self.csv / f"{tag}.csv", PR_ENV, self.logs / f"{tag}.log")
                res[f"pocketrag-{mode}"] = {**json.loads(r.pop("stdout")), **r}
            except RuntimeError as exc:
                res[f"pocketrag-{mode}"] = {"error": str(exc)[:500]}
        cache = RESULTS / "cache" / ("seed-scifact-full" if not a.quick else "seed-scifact-quick")
        # (the cache always lives under bench/results/cache, whatever --results says)
        ndcg_file = cache / "ndcg.json"
        if a.quick or a.fresh_seed_scifact or not ndcg_file.exists():
            fresh(cache)
            log("SciFact seed stack: ingest (dense) + evaluate")
            cmd = [
                str(SEED_PY),
                "-m",
                "bench.compare.seed_stack.ingest",
                "--beir",
                "--db",
                str(cache),
            ]
            r = measured(
                [*cmd, str(folder / "corpus.jsonl")],
                self.csv / "scifact-seed.csv",
                SEED_ENV,
                self.logs / "scifact-seed-ingest.log",
            )
            (cache / "ingest.json").write_text(r["stdout"])
            cmd = [
                str(SEED_PY),
                "-m",
                "bench.compare.seed_stack.beir",
                "--db",
                str(cache),
                "--data",
                str(folder),
            ]
            r2 = measured(
                cmd,
                self.csv / "scifact-seed-eval.csv",
                SEED_ENV,
                self.logs / "scifact-seed-eval.log",
            )
            ndcg_file.write_text(r2["stdout"])
            res["seed-chroma-dense"] = {
                **json.loads(r2["stdout"]),
                "passages": json.loads(r["stdout"])["passages"],
                "ingest_wall_s": r["wall_s"],
                "ingest_maxrss_mb": r["maxrss_mb"],
                "cached": False,
            }
        else:
            log(f"SciFact seed stack: reusing the deterministic result in {cache}")
            res["seed-chroma-dense"] = {**json.loads(ndcg_file.read_text()), "cached": True}
            built = json.loads((cache / "ingest.json").read_text())
            res["seed-chroma-dense"]["passages"] = built["passages"]
            peak = cache / "ingest_peak.json"  # written by whoever built the cache
            if peak.exists():
                res["seed-chroma-dense"]["ingest_maxrss_mb"] = json.loads(peak.read_text())[
                    "maxrss_mb"
                ]
        self.out["scifact"] = res
        self.save()

    # ---- serving ------------------------------------------------------------------
    def server_cmd(self, stack: str, data: Path, port: int) -> tuple[list[str], dict, str, str]:
        if stack == "pocketrag":
            cmd = [str(POCKETRAG), "--data-dir", str(data), "serve", "--host", "127.0.0.1"]
            cmd += ["--port", str(port), "--read-only", "--log-level", "warning"]
            return cmd, PR_ENV, "/health", "/v1/search"
        store = stack.split("-")[1]
        cmd = [
            str(SEED_PY),
            "-m",
            "uvicorn",
            "bench.compare.seed_stack.app:app",
            "--host",
            "127.0.0.1",
        ]
        cmd += ["--port", str(port), "--log-level", "warning"]
        return cmd, {**SEED_ENV, "SEED_DB": str(data), "SEED_STORE": store}, "/health", "/search"

    def serve_once(self, stack: str, data: Path, queries: list[str], rep: int) -> dict:
        port = free_port()
        cmd, env, health, search = self.server_cmd(stack, data, port)
        tag = f"serve-{stack}-{rep}"
        with bench_lock():
            load_before = os.getloadavg()[0]
            srv = Server(cmd, env, port, self.csv / f"{tag}.csv", self.logs / f"{tag}.log")
            try:
                healthy = wait_for(srv.base + health, 120, srv.proc)
                if healthy is None:
                    raise RuntimeError(f"{stack} did not become healthy:\n{srv.failure()}")
                r: dict = {"cold_start_healthy_s": healthy, "loadavg_1m_before": load_before}
                if stack == "pocketrag":
                    r["cold_start_ready_s"] = wait_for(srv.base + "/ready", 120, srv.proc)
                r["rss_healthy_mb"] = srv.rss_now_mb(0.5)
                extra = {"mode": self.args.pocketrag_mode} if stack == "pocketrag" else {}
                body = {"query": queries[0], "k": 5, **extra}
                import httpx

                t = time.perf_counter()
                first = httpx.post(srv.base + search, json=body, timeout=120)
                r["first_search_ms"] = (time.perf_counter() - t) * 1000
                first.raise_for_status()
                r["first_search_from_start_s"] = time.monotonic() - srv.started
                time.sleep(1.0)
                r["rss_rest_mb"] = srv.rss_now_mb(2.0)
                bodies = [{"query": q, "k": 5, **extra} for q in queries]
                seq = run_clients(srv.base + search, bodies, 1, self.args.sequential)
                r["seq"] = seq
                mark = srv.sampler.mark()
                load = run_clients(srv.base + search, bodies, 20, self.args.per_client)
                r["load"] = load
                r["rss_load_peak_mb"] = (
                    max((kb for t, kb in srv.sampler.samples if t >= mark), default=0) / 1024
                )
                r["rss_peak_mb"] = srv.sampler.peak_mb
            finally:
                srv.stop()
        return r

    def serving(self, indexes: dict[str, Path]) -> None:
        queries = corpora.scifact_queries()
        stacks = list(indexes)
        runs: dict[str, list[dict]] = {s: [] for s in stacks}
        with bench_lock():
            self._serving_reps(stacks, indexes, queries, runs)
        self.out["serving"] = {s: summarise_serving(v) for s, v in runs.items()}
        self.save()

    def _serving_reps(self, stacks, indexes, queries, runs) -> None:
        for rep in range(self.args.repeats):
            for stack in stacks if rep % 2 == 0 else stacks[::-1]:
                log(f"serve [{stack}] repeat {rep + 1}/{self.args.repeats}")
                try:
                    r = self.serve_once(stack, indexes[stack], queries, rep)
                except Exception as exc:  # record and go on: the other stacks still count
                    log(f"  failed: {exc}")
                    runs[stack].append({"error": str(exc)[:1500]})
                    continue
                runs[stack].append(r)
                log(
                    f"  healthy {r['cold_start_healthy_s']:.2f}s, rest {r['rss_rest_mb']:.0f} MB,"
                    f" load peak {r['rss_load_peak_mb']:.0f} MB, p95 seq"
                    f" {r['seq']['p95_ms']:.1f} ms / load {r['load']['p95_ms']:.1f} ms,"
                    f" errors {r['load']['errors']}"
                )


def summarise(runs: list[dict]) -> dict:
    good = [r for r in runs if "error" not in r]
    keys = ("wall_s", "passages_per_s", "maxrss_mb", "peak_tree_mb", "passages")
    med = {k: median([r[k] for r in good]) for k in keys} if good else {}
    return {"median": med, "runs": runs, "failed": len(runs) - len(good)}


def summarise_serving(runs: list[dict]) -> dict:
    good = [r for r in runs if "error" not in r]
    flat = [
        {
            "cold_start_healthy_s": r["cold_start_healthy_s"],
            "cold_start_ready_s": r.get("cold_start_ready_s") or float("nan"),
            "first_search_from_start_s": r["first_search_from_start_s"],
            "rss_rest_mb": r["rss_rest_mb"],
            "rss_load_peak_mb": r["rss_load_peak_mb"],
            "seq_p50_ms": r["seq"]["p50_ms"],
            "seq_p95_ms": r["seq"]["p95_ms"],
            "load_p50_ms": r["load"]["p50_ms"],
            "load_p95_ms": r["load"]["p95_ms"],
            "load_rps": r["load"]["requests_per_s"],
            "load_errors": sum(r["load"]["errors"].values()),
        }
        for r in good
    ]
    med = {k: median([f[k] for f in flat]) for k in (flat[0] if flat else {})}
    return {"median": med, "runs": runs, "failed": len(runs) - len(good)}


def env_sizes() -> dict:
    envsize = ["-m", "bench.compare.envsize"]
    pr = subprocess.run(
        [str(REPO / ".venv/bin/python"), *envsize, "pocketrag"],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=True,
    )
    seed = subprocess.run(
        [str(SEED_PY), *envsize, *SEED_PACKAGES],
        env={**os.environ, **SEED_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return {"pocketrag": json.loads(pr.stdout), "seed": json.loads(seed.stdout)}


def machine() -> dict:
    cpu = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in Path("/proc/cpuinfo").read_text().splitlines()
            if ln.startswith("model name")
        ),
        platform.processor(),
    )
    mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(int(mem) / 2**20, 1),
        "python": platform.python_version(),
        "kernel": platform.release(),
        "date_utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
        "load_avg_at_start": os.getloadavg(),
    }


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m bench.compare", description=__doc__.split("\n\n")[0]
    )
    p.add_argument("--quick", action="store_true", help="small corpora, one repeat (make bench)")
    p.add_argument("--repeats", type=int, help="runs per stack (default 3; 1 with --quick)")
    p.add_argument("--synthetic-chunks", type=int, help="index size for serving (100000)")
    p.add_argument(
        "--seed-synthetic-chunks",
        type=int,
        help="part of the synthetic corpus the seed stack embeds (600)",
    )
    p.add_argument("--per-client", type=int, help="requests per client, 20 clients (25)")
    p.add_argument("--sequential", type=int, help="one-client requests (100)")
    p.add_argument("--skip", default="", help="comma list of: ingest,scifact,serving,sizes")
    p.add_argument(
        "--fresh-seed-scifact",
        action="store_true",
        help="recompute the seed SciFact nDCG instead of reusing the cached result",
    )
    p.add_argument(
        "--pocketrag-mode",
        default="hybrid",
        choices=["hybrid", "dense", "bm25"],
        help="retrieval mode of pocketrag's /v1/search in the serving runs",
    )
    p.add_argument(
        "--results",
        type=Path,
        help="output folder (bench/results, or bench/results/quick with --quick)",
    )
    p.add_argument(
        "--work",
        type=Path,
        help="scratch folder for corpora and indexes (default RESULTS/work); with"
        " --skip ingest, serving reuses the indexes a previous run left there",
    )
    a = p.parse_args()
    if a.results is None:
        a.results = RESULTS / "quick" if a.quick else RESULTS
    defaults = (1, 3000, 200, 5, 20) if a.quick else (3, 100_000, 600, 25, 100)
    names = ("repeats", "synthetic_chunks", "seed_synthetic_chunks", "per_client", "sequential")
    for name, value in zip(names, defaults, strict=True):
        if getattr(a, name) is None:
            setattr(a, name, value)
    return a


def measure_all(run: Run, skip: set[str]) -> None:
    """Every measurement of the run, in order; the caller holds the benchmark lock."""
    args = run.args
    hb = corpora.handbook()
    syn = corpora.synthetic(run.work / "synthetic", args.synthetic_chunks)
    n_files = -(-args.seed_synthetic_chunks // corpora.SECTIONS_PER_FILE)
    syn_part = sorted(syn.paths[0].glob("*.md"))[:n_files]
    run.out["corpora"] = {"handbook": hb.note, "synthetic": syn.note}
    seed_syn = ["--chunk-words", "33", "--overlap-words", "0"]  # one chunk per section
    if "ingest" not in skip:
        stacks = ["pocketrag", "seed-chroma"] + ([] if args.quick else ["seed-faiss"])
        run.ingest_series("handbook", hb.paths, stacks)
        run.ingest_series("synthetic-part", syn_part, ["pocketrag", "seed-chroma"], seed_syn)
        log(f"ingest synthetic (all {args.synthetic_chunks} chunks) [pocketrag], once")
        try:
            full = run.ingest_pocketrag("synthetic", syn.paths, 0)
            full["passages_per_s"] = full["passages"] / full["wall_s"]
        except (RuntimeError, ValueError, KeyError) as exc:
            log(f"  failed: {str(exc)[-800:]}")
            full = {"error": str(exc)[-1500:]}
        run.out["ingest"]["synthetic"] = {"pocketrag": summarise([full])}
        run.save()
    if "scifact" not in skip:
        run.scifact()
    if "serving" not in skip:
        seed_db = run.work / "seed-chroma-synthetic-part"
        faiss_db = fresh(run.work / "seed-faiss-synthetic")
        passages = run.work / "synthetic" / "passages.jsonl"
        with passages.open("w") as fh:
            fh.writelines(json.dumps(p) + "\n" for p in corpora.synthetic_passages(syn))
        log("growing the seed index to the full synthetic size (untimed, see bulkload.py)")
        grow = [str(SEED_PY), "-m", "bench.compare.seed_stack.bulkload", "--db", str(seed_db)]
        grow += ["--passages", str(passages), "--faiss-db", str(faiss_db)]
        subprocess.run(grow, env={**os.environ, **SEED_ENV}, check=True, stdout=subprocess.DEVNULL)
        indexes = {"pocketrag": run.work / "pr-synthetic", "seed-chroma": seed_db}
        indexes["seed-faiss"] = faiss_db
        run.serving(indexes)


def main() -> None:
    args = parse_args()
    skip = set(filter(None, args.skip.split(",")))
    started = time.monotonic()
    ensure_seed_env()
    run = Run(args)
    run.out["machine"] = machine()
    warm_up(run.work)
    log(f"waiting for {LOCK_PATH} (other benchmarks on this machine may hold it)")
    with bench_lock():  # one acquisition: both stacks measured back to back, no interleaving
        log("lock acquired")
        run.out["machine"]["load_avg_at_lock"] = os.getloadavg()
        locked = time.monotonic()
        measure_all(run, skip)
        run.out["measuring_s"] = time.monotonic() - locked
    if "sizes" not in skip:
        run.out["sizes"] = env_sizes()
    run.out["elapsed_s"] = time.monotonic() - started
    run.save()
    table = report.markdown(run.out)
    (args.results / "compare.md").write_text(table)
    print(table)
    log(
        f"done in {run.out['elapsed_s'] / 60:.1f} min ({run.out['measuring_s'] / 60:.1f} min"
        f" measuring); results in {args.results}"
    )


if __name__ == "__main__":
    main()
