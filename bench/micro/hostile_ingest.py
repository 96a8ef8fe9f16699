"""Hostile files uploaded to a running server while clients ask questions (issue 12).

    .venv/bin/python -m bench.micro.hostile_ingest [--clients 5] [--scale 1.0] [--keep DIR]

1. generates the hostile files of issue 12 at full size (tests/hostile_files.py; nothing is
   committed) and a few more: a PDF with a 1 GB FlateDecode stream, 300 MB of text
   operators, a 10^9-point page, a DOCX whose zip directory lies, a 19 MB one-paragraph
   .txt, 1.2 MB of one paragraph's hard-wrapped lines, 4 MB of `&#` in HTML, a YAML alias
   bomb, 100 KB of ` **a`, random bytes named .md and sniffed as HTML, and HTML that is
   quadratic for CPython < 3.11.13's parser;
2. ingests samples/handbook with the CLI (the good documents), then starts
   `python -m pocketrag serve` on loopback as a child process;
3. uploads every hostile file while `--clients` clients ask handbook questions and a prober
   hits /health every 50 ms, sampling the RSS of the server's whole process tree (the
   server and its parse worker) every 20 ms;
4. waits for every job to end (3 minutes each at most), then reports each job's outcome and
   time, the tree's peak RSS, the worst /health latency, `PRAGMA integrity_check`, whether
   the handbook is still searchable, and the size of /metrics before and after (with 200
   requests with junk method names in between).

Targets: tree peak <= 450 MB, /health worst <= 1 s, every job ends within 3 min. Wrap it in
`flock /tmp/pocketrag-bench.lock` on a shared machine; numbers go to docs/BENCHMARKS.md,
"Hostile files".
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

# The generators the regression tests use, at full size. `tests` is a plain folder (no
# __init__.py: pytest puts it on sys.path itself); run from the repository root with
# `python -m`, it imports here as a namespace package.
from tests import hostile_files as hostile

from bench.common.memsample import child_pids, tree_rss_kb
from bench.micro.serve_load import free_port, status_kb

REPO = Path(__file__).resolve().parents[2]

PYTHON = sys.executable
JOB_DEADLINE_S = 180.0


def quadratic_html(path: Path, scale: float = 1.0) -> Path:
    """Unclosed attribute quotes: minutes for CPython < 3.11.13's HTMLParser."""
    path.write_text("<html><body><p>Start</p>" + '<a b="' * int(40_000 * scale))
    return path


def generate(folder: Path, scale: float) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    makers = [
        ("flate-bomb.pdf", lambda p: hostile.pdf_flate_bomb(p, scale)),
        ("text-operators.pdf", lambda p: hostile.pdf_text_operators(p, scale)),
        ("huge-page.pdf", hostile.pdf_huge_page),
        ("lying-directory.docx", lambda p: hostile.docx_lying_directory(p, scale)),
        ("one-paragraph.txt", lambda p: hostile.text_one_paragraph(p, scale)),
        ("wrapped-paragraph.txt", lambda p: hostile.text_wrapped_paragraph(p, scale)),
        ("charrefs.html", lambda p: hostile.html_charrefs(p, scale)),
        ("alias-bomb.md", hostile.yaml_alias_bomb),
        ("emphasis.md", lambda p: hostile.markdown_emphasis(p, scale)),
        ("random.md", hostile.random_bytes),
        ("random-html.md", hostile.random_bytes_sniffed_as_html),
        ("quadratic.html", lambda p: quadratic_html(p, scale)),
    ]
    return [make(folder / name) for name, make in makers]


class TreeSampler(threading.Thread):
    """RSS of the server and its descendants (the parse worker), every 20 ms."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.stop = pid, 0, threading.Event()
        self.worker_hwm_kb = 0

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak_kb = max(self.peak_kb, tree_rss_kb(self.pid))
            self.worker_hwm_kb = max(self.worker_hwm_kb, _children_hwm_kb(self.pid))
            time.sleep(0.02)


def _children_hwm_kb(pid: int) -> int:
    best = 0
    for child in child_pids(pid):
        try:
            for line in Path(f"/proc/{child}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    best = max(best, int(line.split()[1]))
        except OSError:
            continue
    return best


def questions() -> list[dict]:
    lines = (REPO / "samples" / "handbook" / "questions.jsonl").read_text().splitlines()
    return [q for q in (json.loads(line) for line in lines if line) if q["answerable"]]


async def traffic(url: str, clients: int, stop: asyncio.Event) -> dict:
    """`clients` askers and one /health prober until `stop`."""
    qs = [q["question"] for q in questions()]
    asks, errors, health = [], [], []

    async def asker(http: httpx.AsyncClient, offset: int) -> None:
        i = offset
        while not stop.is_set():
            started = time.perf_counter()
            try:
                r = await http.post("/v1/ask", json={"question": qs[i % len(qs)], "use_llm": False})
                if r.status_code != 200:
                    errors.append(f"ask {r.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"ask {type(exc).__name__}")
            asks.append(time.perf_counter() - started)
            i += clients

    async def prober(http: httpx.AsyncClient) -> None:
        while not stop.is_set():
            started = time.perf_counter()
            try:
                r = await http.get("/health")
                if r.status_code != 200:
                    errors.append(f"health {r.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"health {type(exc).__name__}")
            health.append(time.perf_counter() - started)
            await asyncio.sleep(0.05)

    async with (
        httpx.AsyncClient(base_url=url, timeout=120) as http,
        httpx.AsyncClient(base_url=url, timeout=30) as probe,
    ):
        await asyncio.gather(prober(probe), *(asker(http, k) for k in range(clients)))
    asks.sort()
    return {
        "asks": len(asks),
        "ask_p95_s": round(asks[int(0.95 * (len(asks) - 1))], 2) if asks else None,
        "health_probes": len(health),
        "health_worst_s": round(max(health), 3) if health else None,
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
    }


async def upload_all(url: str, files: list[Path]) -> list[dict]:
    """Upload every file, then poll each job until it ends or its deadline passes."""
    jobs = []
    async with httpx.AsyncClient(base_url=url, timeout=120) as http:
        for path in files:
            with path.open("rb") as fh:
                r = await http.post("/v1/documents", files={"file": (path.name, fh)})
            jobs.append(
                {
                    "file": path.name,
                    "bytes": path.stat().st_size,
                    "upload_status": r.status_code,
                    "id": r.json().get("id") if r.status_code == 202 else None,
                    "submitted": time.perf_counter(),
                    "detail": "" if r.status_code == 202 else r.text[:160],
                }
            )
        pending = [j for j in jobs if j["id"]]
        while pending:
            await asyncio.sleep(0.25)
            for job in list(pending):
                state = (await http.get(f"/v1/jobs/{job['id']}")).json()
                waited = time.perf_counter() - job["submitted"]
                if state["state"] in ("succeeded", "failed") or waited > JOB_DEADLINE_S:
                    job["state"] = state["state"] if waited <= JOB_DEADLINE_S else "NOT ENDED"
                    job["result"] = state.get("result")
                    job["error"] = state.get("error")
                    job["ended_after_s"] = round(waited, 1)
                    pending.remove(job)
    return jobs


async def scenario(url: str, files: list[Path], clients: int) -> tuple[list[dict], dict]:
    stop = asyncio.Event()
    load = asyncio.create_task(traffic(url, clients, stop))
    await asyncio.sleep(2)  # traffic running before the first upload
    jobs = await upload_all(url, files)
    stop.set()
    return jobs, await load


def metrics_size(url: str) -> int:
    return len(httpx.get(f"{url}/metrics", timeout=30).content)


def junk_methods(url: str, n: int = 200) -> None:
    host, port = url.removeprefix("http://").split(":")
    for i in range(n):
        with socket.create_connection((host, int(port)), timeout=5) as s:
            s.sendall(f"X{i:08d}JUNK /health HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
            s.recv(1024)


def integrity(index: Path) -> str:
    import apsw

    db = apsw.Connection(str(index), flags=apsw.SQLITE_OPEN_READONLY)
    try:
        return "; ".join(str(row[0]) for row in db.execute("PRAGMA integrity_check"))
    finally:
        db.close()


def still_searchable(url: str) -> str:
    qs = questions()
    hits = 0
    with httpx.Client(base_url=url, timeout=60) as http:
        for q in qs:
            found = http.post("/v1/search", json={"query": q["question"], "k": 5}).json()
            names = {Path(h["source"]).name for h in found}
            hits += bool(names & set(q["expected_sources"]))
    return f"{hits}/{len(qs)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=5)
    parser.add_argument("--scale", type=float, default=1.0, help="payload size multiplier")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="pocketrag-hostile-"))
    files = generate(root / "files", args.scale)
    data = root / "data"
    env = {**os.environ, "POCKETRAG_DATA_DIR": str(data), "POCKETRAG_RATE_LIMIT_PER_MINUTE": "0"}
    for key in ("POCKETRAG_LLM_API_KEY", "OPENROUTER_API_KEY", "GROQ_API_KEY", "OPENAI_API_KEY"):
        env.pop(key, None)
    subprocess.run(
        [PYTHON, "-m", "pocketrag", "ingest", str(REPO / "samples" / "handbook")],
        env=env,
        check=True,  # the good documents must be there before the attack
        capture_output=True,
    )
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [PYTHON, "-m", "pocketrag", "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen([*cmd, "--log-level", "warning"], env=env)
    try:
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(f"{url}/ready", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                raise SystemExit("server did not become ready")
            time.sleep(0.2)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        metrics_before = metrics_size(url)
        found_before = still_searchable(url)
        started = time.perf_counter()
        jobs, load = asyncio.run(scenario(url, files, args.clients))
        wall = time.perf_counter() - started
        sampler.stop.set()
        junk_methods(url)
        report = {
            "load_average": os.getloadavg(),
            "python": sys.version.split()[0],
            "wall_s": round(wall, 1),
            "tree_peak_rss_mb": round(sampler.peak_kb / 1024, 1),
            "server_vmhwm_mb": round(status_kb(proc.pid, "VmHWM") / 1024, 1),
            "worker_vmhwm_max_mb": round(sampler.worker_hwm_kb / 1024, 1),
            "traffic": load,
            "jobs": [{k: v for k, v in j.items() if k not in ("id", "submitted")} for j in jobs],
            "integrity_check": integrity(data / "index.sqlite3"),
            "handbook_questions_found_before": found_before,
            "handbook_questions_found_after": still_searchable(url),
            "metrics_bytes_before": metrics_before,
            "metrics_bytes_after_200_junk_methods": metrics_size(url),
        }
    finally:
        proc.terminate()
        proc.wait(15)
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(report, indent=2))
    print(table(report))


def table(report: dict) -> str:
    rows = ["| file | size | outcome | ended after |", "|---|---:|---|---:|"]
    for job in report["jobs"]:
        outcome = job.get("result") or job.get("error") or job.get("detail") or ""
        state = job.get("state", f"HTTP {job['upload_status']}")
        rows.append(
            f"| {job['file']} | {job['bytes'] / 1e6:.2f} MB | {state}: {outcome} "
            f"| {job.get('ended_after_s', '-')} s |"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    main()
