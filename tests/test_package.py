"""The package imports light: no torch-family module, ever (DESIGN.md decision 1)."""

import subprocess
import sys

FORBIDDEN = ("torch", "transformers", "sentence_transformers")


def test_import_pocketrag_loads_no_torch_family() -> None:
    code = (
        "import sys, pocketrag, pocketrag.cli, pocketrag.config;"
        f"print([m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cli_help_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "pocketrag", "--help"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "pocketrag" in out.stdout
