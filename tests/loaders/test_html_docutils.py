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


# docutils' html4css1 writer: a long option on a row of its own (colspan), its description on
# the next row after an empty cell; a field list inside a description is a table of its own
OPTION_TABLE = """
<p>Options:</p>
<table class="docutils option-list" frame="void" rules="none">
<col class="option" /><col class="description" /><tbody valign="top">
<tr><td class="option-group">
<kbd><span class="option">-h</span>, <span class="option">--help</span></kbd></td>
<td>Show options.</td></tr>
<tr><td class="option-group" colspan="2">
<kbd><span class="option">--compat-mode <var>version</var></span></kbd></td>
</tr>
<tr><td>&nbsp;</td><td><p class="first">Alter the defaults to be
compatible with <tt class="docutils literal">version</tt>.</p>
<ul class="simple">
<li>2.5.x or lower: compression is added.<ul>
<li>only without other compression options.</li></ul></li>
<li>2.4.x or lower: the cipher is appended.</li>
</ul>
<pre class="literal-block">
\\\\       Maps to a single backslash character and
         more words to make the line read as prose.
\\[SPACE] Pass a literal space or tab character, do not
         interpret it as a parameter delimiter.
</pre>
<p><tt class="docutils literal">type</tt> can be one of:</p>
<dl class="docutils"><dt><code>NBT</code> type</dt>
<dd><p class="first">Set the node type:</p>
<dl class="last docutils"><dt><code>1</code></dt><dd>b-node</dd></dl></dd></dl>
<table class="last docutils field-list" frame="void" rules="none">
<col class="field-name" /><col class="field-body" /><tbody valign="top">
<tr class="field"><th class="field-name">code:</th><td class="field-body">
<p class="first">PROXY_HTTP host port</p><p class="last">Sets a proxy.</p></td></tr>
</tbody></table>
</td></tr>
<tr><td class="option-group">
<kbd><span class="option">--daemon</span></kbd></td>
<td><p class="first">Become a daemon.</p><p class="last">Valid syntaxes:</p></td></tr>
</tbody></table>
<p>After the options.</p>
"""


def test_docutils_option_table_reads_one_block_per_option(tmp_path: Path, limits) -> None:
    # a long option on its own row had been a block apart from its description, whose
    # paragraphs, list, literal block and definitions ran into one line; the field list
    # inside it had come out before the option
    assert _texts(tmp_path, limits, OPTION_TABLE) == [
        "Options:",
        "-h, --help: Show options.",
        "--compat-mode version: Alter the defaults to be compatible with version.\n"
        "- 2.5.x or lower: compression is added.\n"
        "  - only without other compression options.\n"
        "- 2.4.x or lower: the cipher is appended.\n"
        "\\\\ Maps to a single backslash character and more words to make the line read "
        "as prose.\n"
        "\\[SPACE] Pass a literal space or tab character, do not interpret it as a parameter "
        "delimiter.\n"
        "type can be one of:\n"
        "NBT type\n"  # a definition under its term, as docutils lays it out
        "  Set the node type:\n"
        "  1\n"
        "    b-node\n"
        "code: PROXY_HTTP host port Sets a proxy.",
        "--daemon: Become a daemon.\nValid syntaxes:",
        "After the options.",
    ]


def test_option_lists_written_as_definition_lists_read_one_block_per_option(
    tmp_path: Path, limits
) -> None:
    # docutils' HTML5 writer (BorgBackup) and Sphinx's option directive (Python's docs):
    # the option leads its whole description, a note and a code block included
    texts = _texts(
        tmp_path,
        limits,
        "<dl class='option-list'>"
        "<dt><kbd><span class='option'>-p</span>, <span class='option'>--progress</span>"
        "</kbd></dt><dd><p>show progress information</p></dd>"
        "<dt><kbd><span class='option'>--iec</span></kbd></dt>"
        "<dd><p>format using IEC units</p><p>(1KiB = 1024B)</p></dd></dl>"
        "<dl class='std cmdoption'><dt class='sig sig-object std' id='cmdoption-m'>"
        "<span class='sig-name descname'><span class='pre'>-m</span></span>"
        "<span class='sig-prename descclassname'> <span class='pre'>&lt;module-name&gt;"
        "</span></span><a class='headerlink' href='#cmdoption-m'>¶</a></dt>"
        "<dd><p>Search sys.path for the named module.</p>"
        "<div class='admonition note'><p class='admonition-title'>Note</p>"
        "<p>Not for built-in modules.</p></div>"
        "<div class='highlight'><pre>python -m timeit\npython -m venv</pre></div>"
        "</dd></dl>"
        "<dl class='simple'><dt>term</dt><dd><p>A definition.</p><p>More.</p></dd></dl>",
    )
    assert texts == [
        "-p, --progress: show progress information",
        "--iec: format using IEC units\n(1KiB = 1024B)",
        "-m <module-name>: Search sys.path for the named module.\n"
        "Note: Not for built-in modules.\n"
        "python -m timeit\npython -m venv",
        "term: A definition.",  # an ordinary definition list is read as before
        "More.",
    ]


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


def test_preformatted_keys_of_several_words_keep_a_line_each(tmp_path: Path, limits) -> None:
    # Lynx's key tables: names of two words ("Down arrow") and a gap of two spaces
    # ("Return, Enter  - Follow") had read as prose, and rows ran together ("Right arrow, -
    # Jump to highlighted topic Return, Enter - Follow selected link"); a name ending in a
    # comma goes on in the next row when that row's description goes on the first's
    texts = _texts(
        tmp_path,
        limits,
        "<pre>       Down arrow     - Highlight next topic\n"
        "       Right arrow,   - Jump to highlighted topic\n"
        "       Return, Enter  - Follow selected link</pre>"
        "<pre>       Right arrow,   -  select the link that the cursor is\n"
        "       Return, Enter     positioned on and follow it to its page.\n"
        "       Left arrow     -  Retreat from a link and go back to the\n"
        "                         previous topic you were reading.</pre>",
    )
    assert texts == [
        "Down arrow - Highlight next topic\n"
        "Right arrow, - Jump to highlighted topic\n"
        "Return, Enter - Follow selected link",
        "Right arrow, Return, Enter - select the link that the cursor is positioned on and "
        "follow it to its page.\n"
        "Left arrow - Retreat from a link and go back to the previous topic you were reading.",
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


def test_an_option_table_left_open_still_reads_its_options(tmp_path: Path, limits) -> None:
    texts = _texts(
        tmp_path,
        limits,
        "<table class='option-list'><tr><td class='option-group'>--mute n<td>Log at most n."
        "<tr><td class='option-group'>--verb n<td>Set verbosity.",
    )
    assert texts == ["--mute n: Log at most n.", "--verb n: Set verbosity."]


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
