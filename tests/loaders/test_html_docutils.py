"""HTML written by docutils and Sphinx (manual pages, Python's docs): option lists read as one
block per option, literal blocks and lists keep their lines, numbered steps their numbers."""

from __future__ import annotations

from pathlib import Path

from pocketrag.loaders import load_document
from pocketrag.loaders.html_lists import MAX_LIST_DEPTH, ListMarkers


def _texts(tmp_path: Path, limits, body: str) -> list[str]:
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><h1>Manual</h1>{body}</body></html>", encoding="utf-8")
    return [b.text for b in load_document(path, limits).blocks]


def test_numbered_list_items_keep_their_numbers(tmp_path: Path, limits) -> None:
    # OpenVPN's examples refer to "step 1" of lists whose items had come out unnumbered
    texts = _texts(
        tmp_path,
        limits,
        "<ol class='arabic'><li><p>Install openvpn</p><p>From source or a package.</p></li>"
        "<li><dl class='first docutils'><dt>Start the server.</dt><dd><ul>"
        "<li><p>On systemd move the files.</p></li></ul></dd></dl></li></ol>"
        "<ol start='3' type='a'><li>third</li><li value='10'>tenth</li></ol>"
        "<ol class='upperroman simple'><li>one<ol class='loweralpha'><li>nested</li></ol>"
        "</li><li>two</li></ol>"
        "<ol style='list-style: none'><li>unnumbered</li></ol>"
        "<ul><li>a bullet</li></ul>"
        "<ol><li>1. numbered by hand</li></ol>",
    )
    assert texts == [
        "1. Install openvpn",
        "From source or a package.",
        "2. Start the server. On systemd move the files.",
        "c. third",
        "j. tenth",
        "I. one",
        "a. nested",
        "II. two",
        "unnumbered",
        "a bullet",  # outside an option's description a bullet adds nothing
        "1. numbered by hand",
    ]


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


def test_list_nesting_is_tracked_only_to_a_bound() -> None:
    # a hostile page's thousands of nested lists must not make thousands of records
    markers = ListMarkers()
    for _ in range(MAX_LIST_DEPTH + 500):
        markers.start_list("ol", {})
    assert len(markers.lists) == MAX_LIST_DEPTH
    assert markers.depth == MAX_LIST_DEPTH + 500
    assert markers.item({}) == "-"  # past the bound an item's number is unknown
    for _ in range(MAX_LIST_DEPTH + 500):
        markers.end_list()
    assert markers.depth == 0
    assert markers.item({}) is None


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
