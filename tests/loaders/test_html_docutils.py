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


def test_a_field_list_of_one_field_reads_name_and_value(tmp_path: Path, limits) -> None:
    texts = _texts(
        tmp_path,
        limits,
        "<table class='docutils field-list'><tbody><tr class='field'>"
        "<th class='field-name'>Version:</th><td class='field-body'>2.6</td></tr></tbody>"
        "</table>",
    )
    assert texts == ["Version: 2.6"]


def test_a_term_that_is_a_sentence_takes_no_colon(tmp_path: Path, limits) -> None:
    # "Start the server.: On systemd ..." read as a label; a symbol or a syntax ending in an
    # ellipsis still is one
    texts = _texts(
        tmp_path,
        limits,
        "<dl><dt>Can I sign my zone?</dt><dd>Yes.</dd><dt>?</dt><dd>Matches any character.</dd>"
        "<dt>put file ...</dt><dd>Sends each file.</dd></dl>",
    )
    assert texts == [
        "Can I sign my zone? Yes.",
        "?: Matches any character.",
        "put file ...: Sends each file.",
    ]
