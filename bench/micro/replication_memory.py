"""Replication's memory cost: pocketrag's serving process and Litestream's, side by side.

    flock /tmp/pocketrag-bench.lock .venv/bin/python -m bench.micro.replication_memory [--asks 200]

Three runs on the same machine, each a fresh data dir and (for the last two) a fresh bucket
on a moto S3 server on loopback:

- `off`: `pocketrag serve` without replication (the baseline);
- `child`: POCKETRAG_REPLICA_URL set: pocketrag restores, then supervises Litestream;
- `exec`: `litestream replicate -exec "pocketrag serve"` (Litestream as the parent), the
  alternative the issue names; pocketrag itself runs without POCKETRAG_REPLICA_URL.

First, what each candidate S3 client for the originals costs a process that has already
imported the app's own libraries (FastAPI, httpx, numpy, pydantic, uvicorn, apsw): RSS
after `import` + creating a client, in a fresh interpreter each.

Each run uploads samples/handbook through the API (ingest in the server, as on a free host),
then sends `--asks` extractive asks from 4 concurrent clients, and reads the kernel's peak
(VmHWM) and current RSS of the pocketrag process and of the litestream process. Prints JSON
and a Markdown table for docs/BENCHMARKS.md ("Replication").
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shlex
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from bench.common.s3 import KEY_ID, SECRET, free_port, start_moto
from pocketrag.config import load_settings
from pocketrag.replication import ReplicaTarget, child_env, write_config

REPO = Path(__file__).resolve().parents[2]

SAMPLES = REPO / "samples" / "handbook"


CLIENTS = {
    "minio": "import minio; minio.Minio('127.0.0.1:9000', 'k', 's', secure=False)",
    "obstore": "from obstore.store import S3Store; S3Store('b', region='us-east-1')",
    "boto3": "import boto3; boto3.client('s3', region_name='us-east-1')",
}
MEASURE = """
import re
def rss():
    return int(re.search(r'VmRSS:\\s+(\\d+)', open('/proc/self/status').read()).group(1)) / 1024
import fastapi, httpx, numpy, pydantic, uvicorn, apsw
before = rss()
{code}
print(round(rss() - before, 1))
"""


def client_import_mb() -> dict[str, float | str]:
    out: dict[str, float | str] = {}
    for name, code in CLIENTS.items():
        done = subprocess.run(
            [sys.executable, "-c", MEASURE.format(code=code)], capture_output=True, text=True
        )
        out[name] = float(done.stdout) if done.returncode == 0 else "not installed"
    return out


def memory_mb(pid: int) -> dict[str, float]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out["peak" if key == "VmHWM" else "rss"] = round(int(value.split()[0]) / 1024, 1)
    return out


def find_pid(name: str, parent: int) -> int | None:
    """A descendant of `parent` whose command line contains `name`."""
    todo = [parent]
    while todo:
        pid = todo.pop()
        children = []  # per thread: Go forks from any of its threads
        for task in Path(f"/proc/{pid}/task").glob("*"):
            try:
                children += (task / "children").read_text().split()
            except OSError:
                continue
        for child in map(int, children):
            if name in Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode():
                return child
            todo.append(child)
    return None


def wait_ready(url: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/ready", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} not ready")


def load(url: str, asks: int, files: list[Path]) -> None:
    with httpx.Client(base_url=url, timeout=120) as client:
        for path in files:  # one at a time: the server takes at most 20 waiting uploads
            response = client.post("/v1/documents", files={"file": (path.name, path.read_bytes())})
            job = response.json()["id"]
            while client.get(f"/v1/jobs/{job}").json()["state"] in ("queued", "running"):
                time.sleep(0.2)
    questions = [
        json.loads(line)["question"]
        for line in (SAMPLES / "questions.jsonl").read_text().splitlines()
        if line.strip()
    ]

    def one(i: int) -> int:
        body = {"question": questions[i % len(questions)], "use_llm": False}
        return httpx.post(f"{url}/v1/ask", json=body, timeout=120).status_code

    with ThreadPoolExecutor(4) as pool:
        codes = list(pool.map(one, range(asks)))
    assert all(code == 200 for code in codes), codes


def run(
    mode: str, work: Path, endpoint: str, asks: int, files: list[Path], prebuilt: Path | None
) -> dict[str, object]:
    data = work / f"{mode}-{'serving' if prebuilt else 'uploads'}"
    if prebuilt is not None:
        shutil.copytree(prebuilt, data)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    bucket = "bench-" + secrets.token_hex(4)
    env = {**os.environ, "AWS_ACCESS_KEY_ID": KEY_ID, "AWS_SECRET_ACCESS_KEY": SECRET}
    env["POCKETRAG_RATE_LIMIT_PER_MINUTE"] = "0"  # every client shares one address
    serve = [sys.executable, "-m", "pocketrag", "--data-dir", str(data), "serve"]
    serve += ["--host", "127.0.0.1", "--port", str(port)]
    if mode != "off":
        import boto3

        boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id=KEY_ID,
            aws_secret_access_key=SECRET,
            region_name="us-east-1",
        ).create_bucket(Bucket=bucket)
    replica = {"POCKETRAG_REPLICA_URL": f"s3://{bucket}/bench", "POCKETRAG_S3_ENDPOINT": endpoint}
    if mode == "child":
        command, env = serve, {**env, **replica}
    elif mode == "exec":
        settings = load_settings(
            data_dir=data, replica_url=replica["POCKETRAG_REPLICA_URL"], s3_endpoint=endpoint
        )
        target = ReplicaTarget.from_settings(settings)
        data.mkdir(parents=True, exist_ok=True)
        config = write_config(settings, target, None)
        env = {**child_env(settings, target), **{k: env[k] for k in env if k not in os.environ}}
        env.pop("POCKETRAG_REPLICA_URL", None)  # Litestream is the parent here, not pocketrag
        command = ["litestream", "replicate", "-config", str(config), "-exec", shlex.join(serve)]
        command[0] = str(Path(sys.executable).parent / "litestream")
    else:
        command = serve
    started = time.monotonic()
    log = (work / f"{mode}.log").open("wb")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_ready(url)
        ready_s = round(time.monotonic() - started, 2)
        load(url, asks, files)
        time.sleep(2)
        if mode == "exec":
            server_pid, litestream_pid = find_pid("pocketrag", process.pid), process.pid
        else:
            server_pid, litestream_pid = process.pid, find_pid("litestream", process.pid)
        result: dict[str, object] = {
            "mode": mode,
            "scenario": "serving" if prebuilt else "uploads",
            "ready_s": ready_s,
        }
        result["pocketrag"] = memory_mb(server_pid)
        if litestream_pid:
            result["litestream"] = memory_mb(litestream_pid)
        print(json.dumps(result), file=sys.stderr, flush=True)
        return result
    finally:
        process.terminate()
        process.wait(30)
        log.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--asks", type=int, default=200)
    parser.add_argument("--modes", default="off,child,exec", help="which runs, comma-separated")
    parser.add_argument("--files", type=int, default=0, help="upload only N files (a smoke run)")
    parser.add_argument("--scenarios", default="serving,uploads", help="comma-separated")
    parser.add_argument("--work", type=Path, default=Path("/tmp/pocketrag-bench-replication"))
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    imports = client_import_mb()
    moto, endpoint = start_moto()
    try:
        files = sorted(p for p in SAMPLES.iterdir() if p.suffix != ".jsonl")
        files = files[: args.files or None]
        prebuilt = args.work / "prebuilt"
        command = [sys.executable, "-m", "pocketrag", "--data-dir", str(prebuilt), "ingest"]
        built = subprocess.run([*command, *map(str, files)], capture_output=True)
        assert built.returncode == 0, built.stderr[-2000:]
        results = []
        for scenario in args.scenarios.split(","):
            for mode in args.modes.split(","):
                uploads, index = ([], prebuilt) if scenario == "serving" else (files, None)
                results.append(run(mode, args.work, endpoint, args.asks, uploads, index))
    finally:
        moto.terminate()
    load_avg = os.getloadavg()
    print(json.dumps({"load_average": load_avg, "imports": imports, "results": results}, indent=2))
    print("\n| S3 client | + RSS (MB) |\n|---|---|")
    for name, mb in imports.items():
        print(f"| {name} | {mb} |")
    print(
        "\n| run | scenario | pocketrag peak / now (MB) | litestream peak / now (MB) | ready (s) |"
    )
    print("|---|---|---|---|---|")
    for r in results:
        mine, theirs = r["pocketrag"], r.get("litestream")
        other = f"{theirs['peak']} / {theirs['rss']}" if theirs else "-"
        print(
            f"| {r['mode']} | {r['scenario']} | {mine['peak']} / {mine['rss']} | {other} "
            f"| {r['ready_s']} |"
        )
    print(f"\nload average {load_avg[0]:.2f} {load_avg[1]:.2f} {load_avg[2]:.2f}")


if __name__ == "__main__":
    main()
