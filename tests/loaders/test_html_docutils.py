"""HTML written by docutils and Sphinx (manual pages, Python's docs): option lists read as one
block per option, literal blocks and lists keep their lines, numbered steps their numbers."""

from __future__ import annotations

from pathlib import Path

from pocketrag.loaders import load_document


def _texts(tmp_path: Path, limits, body: str) -> list[str]:
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><h1>Manual</h1>{body}</body></html>", encoding="utf-8")
    return [b.text for b in load_document(path, limits).blocks]


def test_preformatted_names_and_descriptions_keep_a_line_each(tmp_path: Path, limits) -> None:
    # wrapped prose in a <pre> is unwrapped (HAProxy's manuals), but names set beside their
    # descriptions (HAProxy's and OpenVPN's escapes) had run into one line
    texts = _texts(
        tmp_path,
        limits,
        "<pre>  \\#       to mark a hash and differentiate it from a comment\n"
        "  \\\\       to use a backslash\n"
        "  \\[SPACE] to mark a space, which is a longer name than the\n"
        "           others and wraps under its description</pre>"
        "<pre>  short     A message containing only a level between angle brackets\n"
        "            followed by the text, for a local log server.</pre>",
    )
    assert texts == [
        "\\# to mark a hash and differentiate it from a comment\n"
        "\\\\ to use a backslash\n"
        "\\[SPACE] to mark a space, which is a longer name than the others and wraps under "
        "its description",
        "short A message containing only a level between angle brackets followed by the "
        "text, for a local log server.",
    ]
