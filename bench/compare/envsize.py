"""Installed size on disk of a set of distributions and everything they require.

Run with the environment's own Python, from the repository root:
`python -m bench.compare.envsize NAME...` prints JSON with the
closure's total MB and the biggest members, plus the whole site-packages for context.
Only runtime requirements count (extras are not followed), so test tools in the same venv
(pytest, playwright, pgserver) are not charged to pocketrag.
"""

from __future__ import annotations

import json
import re
import site
import sys
from importlib import metadata
from pathlib import Path

try:
    from packaging.requirements import Requirement
except ImportError:  # pip always vendors it
    from pip._vendor.packaging.requirements import Requirement


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def dist_size(dist: metadata.Distribution) -> int:
    total = 0
    for f in dist.files or []:
        path = Path(dist.locate_file(f))
        if path.is_file():
            total += path.stat().st_size
    return total


def closure(names: list[str]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    todo = list(names)
    while todo:
        name = _norm(todo.pop())
        if name in sizes:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        sizes[name] = dist_size(dist)
        for spec in dist.requires or []:
            req = Requirement(spec)
            if req.marker and not req.marker.evaluate({"extra": ""}):
                continue
            todo.append(req.name)
    return sizes


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    sizes = closure(sys.argv[1:])
    packages = Path(site.getsitepackages()[0])
    biggest = sorted(sizes.items(), key=lambda kv: -kv[1])[:8]
    print(
        json.dumps(
            {
                "closure_mb": round(sum(sizes.values()) / 2**20, 1),
                "distributions": len(sizes),
                "biggest_mb": {k: round(v / 2**20, 1) for k, v in biggest},
                "site_packages_mb": round(tree_size(packages) / 2**20, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
