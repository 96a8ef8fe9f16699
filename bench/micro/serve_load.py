"""Serving under load: peak RSS, latency and errors of one `pocketrag serve` process.

    .venv/bin/python -m bench.micro.serve_load [--index sample|100k|both] [--clients 20] \
        [--asks 500]

For each index (the sample handbook, ingested with the real CLI; and a synthetic 100k-chunk
index built by bench/micro/search_scale.py), this script:

1. starts `python -m pocketrag serve` as a child process and times start -> first 200 from
   /health ("start to healthy");
2. waits for /ready (model loaded), sends 20 sequential asks to warm up, and reads the
   server's RSS ("before");
3. runs `--clients` concurrent clients sending `--asks` extractive asks in total, while a
   prober hits /health every 20 ms; the server's RSS is sampled every 20 ms from /proc;
   its kernel peak (VmHWM) at the end of the asks is the acceptance figure, and its RSS
   2 s later is "after asks";
4. measures /v1/search latency from one sequential client on the loaded index, and again
   with `--clients` concurrent clients sending `--asks` searches;
5. reads the server's RSS 2 s after the searches ("after searches") and its kernel peak
   over the whole run (VmHWM).

Wrap it in `flock /tmp/pocketrag-bench.lock` on a shared machine. Results print as JSON
and as a Markdown table (docs/BENCHMARKS.md, "Serving").
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) the process has used: start-up cost independent of how
    busy the shared machine is."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def questions() -> list[str]:
    path = REPO / "samples" / "handbook" / "questions.jsonl"
    out = []
    if path.exists():
        for line in path.read_text().splitlines():
            if line.strip():
                item = json.loads(line)
                out.append(item.get("question") or item.get("q") or "")
    return [q for q in out if q] or ["How many days of annual leave do I get?"]


def sample_index(root: Path) -> Path:
    data = root / "serve-sample"
    if not (data / "index.sqlite3").exists():
        env = {**os.environ, "POCKETRAG_DATA_DIR": str(data)}
        cmd = [PYTHON, "-m", "pocketrag", "ingest", str(REPO / "samples" / "handbook")]
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    return data


def synthetic_index(root: Path, n_chunks: int = 100_000) -> Path:
    """The synthetic index of bench/micro/search_scale.py (same file name, so one build serves
    both benchmarks); built here if missing."""
    target = root / f"synthetic-{n_chunks}.sqlite3"
    if not target.exists():
        from bench.micro.search_scale import build  # the synthetic index builder

        build(target, n_chunks)
    return target


class Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.stop = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.peak_kb = max(self.peak_kb, status_kb(self.pid, "VmRSS"))
            except OSError:
                return
            time.sleep(0.02)


async def load(url: str, qs: list[str], clients: int, total: int, kind: str) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    health: list[float] = []
    counter = iter(range(total))
    done = asyncio.Event()
    limits = httpx.Limits(max_connections=clients + 2)

    async def client(http: httpx.AsyncClient) -> None:
        for i in counter:
            q = qs[i % len(qs)]
            started = time.perf_counter()
            try:
                if kind == "ask":
                    r = await http.post("/v1/ask", json={"question": q, "use_llm": False})
                else:
                    r = await http.post("/v1/search", json={"query": q, "k": 5})
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
                continue
            latencies.append(time.perf_counter() - started)
            if r.status_code != 200:
                errors.append(f"{r.status_code} {r.text[:120]}")

    async def prober(http: httpx.AsyncClient) -> None:
        while not done.is_set():
            started = time.perf_counter()
            try:
                r = await http.get("/health")
            except httpx.HTTPError as exc:
                errors.append(f"health {type(exc).__name__}")
                await asyncio.sleep(0.02)
                continue
            health.append(time.perf_counter() - started)
            if r.status_code != 200:
                errors.append(f"health {r.status_code}")
            await asyncio.sleep(0.02)

    async with (
        httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as http,
        httpx.AsyncClient(base_url=url, timeout=30) as probe_http,
    ):
        probe = asyncio.create_task(prober(probe_http))
        started = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        wall = time.perf_counter() - started
        done.set()
        await probe
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "error_examples": errors[:3],
        "wall_s": round(wall, 2),
        "throughput_per_s": round(len(latencies) / wall, 1),
        "p50_ms": round(1000 * pct(latencies, 0.5), 1),
        "p95_ms": round(1000 * pct(latencies, 0.95), 1),
        "health_p50_ms": round(1000 * pct(health, 0.5), 2),
        "health_p95_ms": round(1000 * pct(health, 0.95), 2),
        "health_probes": len(health),
    }


def sequential_search(url: str, qs: list[str], n: int = 200) -> dict:
    times = []
    with httpx.Client(base_url=url, timeout=30) as http:
        for i in range(n):
            started = time.perf_counter()
            r = http.post("/v1/search", json={"query": qs[i % len(qs)], "k": 5})
            r.raise_for_status()
            times.append(time.perf_counter() - started)
    return {"p50_ms": round(1000 * pct(times, 0.5), 1), "p95_ms": round(1000 * pct(times, 0.95), 1)}


def run_one(name: str, data_dir: Path, clients: int, asks: int, extra_env: dict) -> dict:
    """Serve `data_dir` (a data directory, or an index file served read-only) under load."""
    port = free_port()
    env = {
        **os.environ,
        "POCKETRAG_DATA_DIR": str(data_dir if data_dir.is_dir() else data_dir.parent),
        **({} if data_dir.is_dir() else {"POCKETRAG_INDEX_PATH": str(data_dir)}),
        "POCKETRAG_READ_ONLY": "true",
        "POCKETRAG_RATE_LIMIT_PER_MINUTE": "0",  # one client address sends everything here
        **extra_env,
    }
    for key in ("POCKETRAG_LLM_API_KEY", "OPENROUTER_API_KEY", "GROQ_API_KEY", "OPENAI_API_KEY"):
        env.pop(key, None)  # extractive answers: the bench measures pocketrag, not a provider
    url = f"http://127.0.0.1:{port}"
    cmd = [PYTHON, "-m", "pocketrag", "serve", "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--log-level", "warning"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env)
    try:
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.perf_counter() - started > 60:
                raise RuntimeError("server did not start")
            time.sleep(0.01)
        healthy_s = time.perf_counter() - started
        healthy_cpu_s = cpu_seconds(proc.pid)
        while httpx.get(f"{url}/ready", timeout=5).status_code != 200:
            time.sleep(0.1)
        ready_s = time.perf_counter() - started
        qs = questions()
        sampler = Sampler(proc.pid)
        sampler.start()
        with httpx.Client(base_url=url, timeout=60) as http:
            for q in qs[:20]:
                http.post("/v1/ask", json={"question": q, "use_llm": False}).raise_for_status()
        time.sleep(1)
        before_mb = status_kb(proc.pid, "VmRSS") / 1024
        asks_result = asyncio.run(load(url, qs, clients, asks, "ask"))
        asks_peak_mb = status_kb(proc.pid, "VmHWM") / 1024  # the acceptance figure
        time.sleep(2)
        after_asks_mb = status_kb(proc.pid, "VmRSS") / 1024
        search_idle = sequential_search(url, qs)
        search_load = asyncio.run(load(url, qs, clients, asks, "search"))
        time.sleep(2)
        after_mb = status_kb(proc.pid, "VmRSS") / 1024
        sampler.stop.set()
        ready = httpx.get(f"{url}/ready").json()
        return {
            "index": name,
            "chunks": ready.get("chunks"),
            "start_to_healthy_s": round(healthy_s, 2),
            "start_to_healthy_cpu_s": round(healthy_cpu_s, 2),
            "start_to_ready_s": round(ready_s, 2),
            "rss_before_mb": round(before_mb, 1),
            "peak_rss_asks_mb": round(asks_peak_mb, 1),
            "rss_after_asks_mb": round(after_asks_mb, 1),
            "rss_after_mb": round(after_mb, 1),
            "peak_rss_sampled_mb": round(sampler.peak_kb / 1024, 1),
            "peak_rss_kernel_mb": round(status_kb(proc.pid, "VmHWM") / 1024, 1),
            "asks": asks_result,
            "search_sequential": search_idle,
            "search_20_clients": search_load,
        }
    finally:
        proc.terminate()
        proc.wait(15)


def table(results: list[dict]) -> str:
    rows = [
        "| index | chunks | start→healthy | peak RSS: asks / with searches "
        "| RSS before → after asks → after searches "
        "| asks: errors, p50 / p95, req/s | /health p95 under ask load "
        "| /v1/search p95: 1 client / 20 clients |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        a, s1, s20 = r["asks"], r["search_sequential"], r["search_20_clients"]
        rows.append(
            f"| {r['index']} | {r['chunks']} | {r['start_to_healthy_s']} s "
            f"({r['start_to_healthy_cpu_s']} s CPU) | "
            f"{r['peak_rss_asks_mb']} / {r['peak_rss_kernel_mb']} MB | "
            f"{r['rss_before_mb']} → {r['rss_after_asks_mb']} → {r['rss_after_mb']} MB | "
            f"{a['errors']} of {a['requests']}, {a['p50_ms']} / {a['p95_ms']} ms, "
            f"{a['throughput_per_s']} | {a['health_p95_ms']} ms | "
            f"{s1['p95_ms']} ms / {s20['p95_ms']} ms |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", choices=["sample", "100k", "both"], default="both")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--asks", type=int, default=500)
    parser.add_argument("--work", type=Path, default=Path("/tmp/pocketrag-bench"))
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE for the server")
    parser.add_argument("--sample-dir", type=Path, help="serve this data dir as the sample")
    args = parser.parse_args()
    extra_env = dict(item.split("=", 1) for item in args.env)
    args.work.mkdir(parents=True, exist_ok=True)
    results = []
    if args.index in ("sample", "both"):
        data = args.sample_dir or sample_index(args.work)
        results.append(run_one("sample handbook", data, args.clients, args.asks, extra_env))
        print(json.dumps(results[-1]), flush=True)
    if args.index in ("100k", "both"):
        data = synthetic_index(args.work)
        results.append(run_one("synthetic 100k", data, args.clients, args.asks, extra_env))
        print(json.dumps(results[-1]), flush=True)
    print(json.dumps(results, indent=2))
    print()
    print(table(results))


if __name__ == "__main__":
    main()
