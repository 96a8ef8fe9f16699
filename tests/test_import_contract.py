"""The door contract (issue 15): api/, cli/, evaluation/ and bench/ reach the index, the
model, the loaders and the answerer only through pocketrag.pipeline (and the neutral
modules: documents, schemas, formatting, models, ...), never by importing the parts.

Parsed with `ast`, so lazy imports inside functions count as much as top-level ones.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ["src/pocketrag/api", "src/pocketrag/cli", "src/pocketrag/evaluation", "bench"]
FORBIDDEN = ("pocketrag.store", "pocketrag.embedding", "pocketrag.loaders", "pocketrag.generation")

# (module path, forbidden package) pairs that are allowed on purpose.
ALLOWED = {
    # `pocketrag migrate` copies one index into another store: it names its target.
    ("src/pocketrag/cli/migrate.py", "pocketrag.store"),
}

# bench/micro/ benchmarks that measure one part by itself (memory and speed of the store, the
# embedder, the loaders): importing that part is their purpose. Shrink this list, never grow
# it without such a reason.
BENCH_OFFENDERS = {
    ("bench/micro/embed_throughput.py", "pocketrag.embedding"),  # builds graphs to compare
    ("bench/micro/loaders_chunking.py", "pocketrag.embedding"),  # the chunker's tokenizer
    ("bench/micro/loaders_chunking.py", "pocketrag.loaders"),
    ("bench/micro/ocr_scans.py", "pocketrag.loaders"),
    ("bench/micro/search_scale.py", "pocketrag.embedding"),
    ("bench/micro/search_scale.py", "pocketrag.store"),
}


def imported_modules(tree: ast.AST) -> set[str]:
    """Every module an `import` names, with `from pocketrag import store` as
    "pocketrag.store" (relative imports resolved against the pocketrag package)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # only src/pocketrag/ uses relative imports, if ever
                base = "pocketrag." + base if base else "pocketrag"
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def violations(folder: str) -> set[tuple[str, str]]:
    found = set()
    for path in sorted((ROOT / folder).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        rel = path.relative_to(ROOT).as_posix()
        for name in imported_modules(tree):
            for package in FORBIDDEN:
                if name == package or name.startswith(package + "."):
                    found.add((rel, package))
    return found


@pytest.mark.parametrize("folder", CHECKED)
def test_only_the_pipeline_door(folder: str) -> None:
    unexpected = violations(folder) - ALLOWED - BENCH_OFFENDERS
    assert not unexpected, (
        "These modules import the parts instead of going through pocketrag.pipeline: "
        f"{sorted(unexpected)}"
    )


def test_allow_lists_are_not_stale() -> None:
    """An entry that no longer matches an import is removed, so the lists only shrink."""
    found = set().union(*(violations(folder) for folder in CHECKED))
    assert not (ALLOWED | BENCH_OFFENDERS) - found


def test_the_check_sees_every_form_of_import() -> None:
    tree = ast.parse(
        "import pocketrag.store.sqlite\n"
        "from pocketrag import embedding\n"
        "def f():\n    from pocketrag.loaders.pdf import x\n"
        "from pocketrag.generation.llm import y\n"
    )
    names = imported_modules(tree)
    for package in FORBIDDEN:
        assert any(n == package or n.startswith(package + ".") for n in names), package
