"""Decision 1: no torch, transformers or sentence-transformers at run time, ever."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

FORBIDDEN = ("torch", "transformers", "sentence_transformers")

SCRIPT = """
import json, sys
import pocketrag, pocketrag.cli
from pocketrag.config import load_settings
from pocketrag.embedding import get_embedder, get_tokenizer
vectors = get_embedder(load_settings()).embed(["How many vacation days do I get?", ""])
get_tokenizer(load_settings()).encode("hello")
print(json.dumps({
    "shape": list(vectors.shape),
    "loaded": sorted({m.split(".")[0] for m in sys.modules}),
}))
"""


@pytest.mark.slow
def test_import_and_embed_never_load_torch():
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=300
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["shape"] == [2, 384]
    assert "onnxruntime" in result["loaded"]  # the check looks at the right process
    assert not set(FORBIDDEN) & set(result["loaded"])


def test_runtime_dependencies_exclude_torch():
    from importlib.metadata import requires

    deps = [r.split(";")[0] for r in requires("pocketrag") or [] if "extra ==" not in r]
    names = {
        d.split("[")[0].split("=")[0].split(">")[0].split("<")[0].strip().lower() for d in deps
    }
    assert names and not names & {"torch", "transformers", "sentence-transformers"}
