"""The `pocketrag` command. One module per command group; each registers itself on `app`.

Exit codes: 0 success, 1 the work failed (e.g. a file could not be ingested), 2 usage error.
"""

from __future__ import annotations

from pocketrag.cli.app import app, eval_app

# Importing a command module registers its commands on `app`.
for _module in ("models", "index", "answer", "serve", "migrate", "report", "persistence"):
    try:
        __import__(f"pocketrag.cli.{_module}")
    except ModuleNotFoundError as exc:  # a group not written yet
        if exc.name != f"pocketrag.cli.{_module}":
            raise


def main() -> None:
    app()


__all__ = ["app", "eval_app", "main"]
