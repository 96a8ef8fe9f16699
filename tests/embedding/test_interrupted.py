"""A prepare killed with SIGKILL at any point: the next run rebuilds, never loads a partial file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from embedding.fake_bert import make_fake_bert
from pocketrag.embedding.cache import TMP_PREFIX, is_complete, sha256_file
from pocketrag.embedding.prepare import prepare_model
from pocketrag.embedding.runtime import Embedder

pytestmark = pytest.mark.slow

PREPARE = (
    "import sys; from pathlib import Path; "
    "from pocketrag.embedding.prepare import prepare_model; "
    "prepare_model(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], lambda m: None)"
)


def quiet(_: str) -> None:
    pass


@pytest.fixture(scope="module")
def medium_bert(tmp_path_factory) -> Path:
    """Big enough (~45 MB) that building and writing take a noticeable time."""
    return make_fake_bert(
        tmp_path_factory.mktemp("medium") / "bert",
        hidden=256,
        layers=4,
        heads=4,
        intermediate=1024,
        vocab_size=30000,
        max_position=128,
        max_seq_length=128,
    )


@pytest.fixture(scope="module")
def clean_builds(tmp_path_factory, medium_bert) -> dict[str, str]:
    """sha256 of each graph from an uninterrupted build (the build is deterministic)."""
    models = tmp_path_factory.mktemp("clean")
    hashes = {}
    for precision in ("int8", "fp32"):
        prepared = prepare_model(models, medium_bert, precision, quiet)
        hashes[precision] = graph_hashes(prepared, precision)
    return hashes


def graph_hashes(prepared, precision: str) -> tuple[str, str]:
    """sha256 of the graph file and of its weights file."""
    return (
        sha256_file(prepared.onnx_path(precision)),
        sha256_file(prepared.weights_path(precision)),
    )


def start_prepare(models_dir: Path, model: Path, precision: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", PREPARE, str(models_dir), str(model), precision],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def temp_files(models_dir: Path) -> list[Path]:
    """Files being written: temporary files, and files inside temporary folders."""
    found = []
    for path in models_dir.rglob(f"{TMP_PREFIX}*"):
        found.extend([path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()])
    return found


def kill_when(proc: subprocess.Popen, condition, timeout: float = 60) -> bool:
    """SIGKILL `proc` as soon as `condition()` holds; False if it finished first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.001)
    proc.kill()
    raise AssertionError("prepare neither reached the kill point nor finished")


def assert_no_false_markers(models_dir: Path) -> None:
    """Every completion marker left behind vouches for a whole file."""
    for marker in models_dir.rglob("*.complete"):
        if marker.parent.name == "sources" or "sources" in marker.parts:
            continue
        target = marker.with_name(marker.name.removesuffix(".complete"))
        assert is_complete(target), f"{marker} vouches for a partial {target}"


def rebuild_and_check(
    models_dir: Path, model: Path, precision: str, expected: tuple[str, str]
) -> None:
    prepared = prepare_model(models_dir, model, precision, quiet)
    assert graph_hashes(prepared, precision) == expected  # identical to an uninterrupted build
    assert temp_files(models_dir) == []  # the killed run's leftovers were cleaned up
    vectors = Embedder(prepared, precision, batch_size=4, threads=1).embed(["leave days", ""])
    assert vectors.shape == (2, 256)


@pytest.mark.parametrize("precision", ["fp32", "int8"])
def test_killed_while_writing_the_graph(tmp_path, medium_bert, clean_builds, precision):
    models = tmp_path / "models"
    proc = start_prepare(models, medium_bert, precision)
    caught = kill_when(
        proc,
        lambda: any(
            p.name.startswith(f"model.{precision}.onnx") and p.stat().st_size > 0
            for p in temp_files(models)
        ),
    )
    if not caught:
        pytest.skip("the write finished before the kill could land (machine too fast)")
    graph = next(models.glob(f"*/model.{precision}.onnx"), None)
    assert graph is None or not is_complete(graph)  # nothing loadable was left
    assert_no_false_markers(models)
    rebuild_and_check(models, medium_bert, precision, clean_builds[precision])


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.2, 0.5])
def test_killed_at_various_points(tmp_path, medium_bert, clean_builds, delay):
    models = tmp_path / "models"
    proc = start_prepare(models, medium_bert, "int8")
    started = []

    def after_delay() -> bool:
        if not started and any(models.glob("*/")):
            started.append(time.monotonic())
        return bool(started) and time.monotonic() - started[0] >= delay

    kill_when(proc, after_delay)
    assert_no_false_markers(models)
    rebuild_and_check(models, medium_bert, "int8", clean_builds["int8"])


def test_graph_without_marker_is_rebuilt_not_loaded(tmp_path, medium_bert, clean_builds):
    models = tmp_path / "models"
    prepared = prepare_model(models, medium_bert, "int8", quiet)
    graph = prepared.onnx_path("int8")
    # What a crash between rename and marker would leave, plus a corrupted file.
    graph.with_name(graph.name + ".complete").unlink()
    graph.write_bytes(graph.read_bytes()[:1000])
    rebuild_and_check(models, medium_bert, "int8", clean_builds["int8"])


def test_truncated_graph_with_stale_marker_is_rebuilt(tmp_path, medium_bert, clean_builds):
    models = tmp_path / "models"
    prepared = prepare_model(models, medium_bert, "int8", quiet)
    graph = prepared.onnx_path("int8")
    graph.write_bytes(graph.read_bytes()[:-10])  # marker now disagrees with the file
    rebuild_and_check(models, medium_bert, "int8", clean_builds["int8"])
    # ...and a same-size corruption is caught by the hash in the marker.
    data = bytearray(graph.read_bytes())
    data[len(data) // 2] ^= 0xFF
    graph.write_bytes(bytes(data))
    rebuild_and_check(models, medium_bert, "int8", clean_builds["int8"])


def test_corrupt_weights_file_is_rebuilt(tmp_path, medium_bert, clean_builds):
    """The weights live beside the graph (external data): their marker guards them too."""
    models = tmp_path / "models"
    prepared = prepare_model(models, medium_bert, "int8", quiet)
    weights = prepared.weights_path("int8")
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size: only the hash in the marker can tell
    weights.write_bytes(bytes(data))
    rebuild_and_check(models, medium_bert, "int8", clean_builds["int8"])
    weights.unlink()
    rebuild_and_check(models, medium_bert, "int8", clean_builds["int8"])
