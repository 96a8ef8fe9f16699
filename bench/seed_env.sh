#!/usr/bin/env bash
# Builds .bench-venv: the seed stack pocketrag replaces (sentence-transformers + torch,
# chromadb, faiss-cpu, pypdf, FastAPI), for side-by-side benchmarks only. Never a dependency
# of pocketrag itself. torch==2.13.0 resolves to a local CPU wheel on the project machines.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${BENCH_VENV:-.bench-venv}
[ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import sentence_transformers, chromadb, faiss" 2>/dev/null && exit 0
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet "torch==2.13.0"
"$VENV/bin/pip" install --quiet sentence-transformers chromadb faiss-cpu pypdf fastapi uvicorn psutil numpy
