"""reStructuredText, in .rst files and in .txt files written in it (Python projects' docs)."""

from __future__ import annotations

from pathlib import Path

from pocketrag.loaders import load_document

POLICY = """\
.. _security-policy:

==========================
Our security policies
==========================

.. This comment is for the editors only.

Reporting issues
================

Short version: email ``security@example.org``, **not** the public `issue tracker`_.
See :ref:`supported versions <supported-versions>` and :meth:`~.QuerySet.extra`.

.. _issue tracker: https://tracker.example.org/

.. versionchanged:: 5.0

    Reports are acknowledged within 3 working days.

.. toctree::
   :maxdepth: 1

   other-page

Severity levels
---------------

* High: remote code execution
* Low: issues needing an unlikely setup

=========  ==========
Level      Fix within
=========  ==========
High       7 days
Low        90 days
=========  ==========

Who |project| notifies
~~~~~~~~~~~~~~~~~~~~~~

Vendors
    Operating-system vendors who ship the software.
"""


def test_rst_sections_title_lists_tables_and_markup(tmp_path: Path, limits) -> None:
    path = tmp_path / "security.rst"
    path.write_text(POLICY)
    document = load_document(path, limits)
    assert document.title == "Our security policies"
    blocks = [(b.heading_path, b.text) for b in document.blocks]
    assert blocks == [
        (
            ("Reporting issues",),
            "Short version: email security@example.org, not the public issue tracker. "
            "See supported versions and extra.",
        ),
        (("Reporting issues",), "Changed in version 5.0."),
        (("Reporting issues",), "Reports are acknowledged within 3 working days."),
        (
            ("Reporting issues", "Severity levels"),
            "- High: remote code execution\n- Low: issues needing an unlikely setup",
        ),
        (
            ("Reporting issues", "Severity levels"),
            "Level | Fix within\nLevel: High; Fix within: 7 days\nLevel: Low; Fix within: 90 days",
        ),
        (
            ("Reporting issues", "Severity levels", "Who project notifies"),
            "Vendors: Operating-system vendors who ship the software.",
        ),
    ]


def test_a_txt_file_written_in_rst_is_read_as_rst(tmp_path: Path, limits) -> None:
    path = tmp_path / "security.txt"
    path.write_text(POLICY)
    document = load_document(path, limits)
    assert document.title == "Our security policies"
    assert not any(".. _" in b.text or "``" in b.text for b in document.blocks)


def test_a_plain_txt_file_is_not_taken_for_rst(tmp_path: Path, limits) -> None:
    # one ".. " line is not enough: plain text is read as before
    path = tmp_path / "notes.txt"
    path.write_text(
        "Team notes\n\n.. and then we left.\n\nSick Days\n\nTell your manager by 10am.\n"
    )
    document = load_document(path, limits)
    assert document.title == "Team notes"
    assert ("Sick Days",) in [b.heading_path for b in document.blocks]


def test_rst_that_docutils_cannot_build_is_read_as_plain_text(tmp_path: Path, limits) -> None:
    # 3,000 nested block quotes: past Python's recursion limit; nothing is lost
    nested = "".join(" " * i + f"level {i}\n\n" for i in range(3000))
    path = tmp_path / "deep.rst"
    path.write_text(".. _a:\n\n.. _b:\n\nDeep\n====\n\n" + nested)
    document = load_document(path, limits)
    assert "level 2999" in "\n".join(b.text for b in document.blocks)


def test_sphinx_tabs_and_code_blocks_read_as_text_and_commands(tmp_path: Path, limits) -> None:
    """A tab's content is text under its name; a code block is its commands alone, with no
    "code-block console" line between them and the sentence that introduces them."""
    path = tmp_path / "getting-started.rst"
    path.write_text(
        "Linting\n=======\n\n.. _linting:\n\nTo use linters locally, run:\n\n"
        ".. code-block:: console\n\n    $ nox -s lint\n\n"
        ".. tab:: Windows\n\n    Use ``py -m nox`` instead.\n"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "To use linters locally, run:",
        "$ nox -s lint",
        "Windows:",
        "Use py -m nox instead.",
    ]


def test_sphinx_object_descriptions_keep_their_bodies_under_their_signatures(
    tmp_path: Path, limits
) -> None:
    """HAProxy's Lua reference: ".. js:function::" and friends are unknown to docutils, and
    their bodies had been dropped with its error. Each signature opens its description."""
    path = tmp_path / "lua.rst"
    path.write_text(
        ".. toctree::\n\nCore class\n==========\n\n"
        ".. js:function:: core.add_acl(filename, key)\n\n"
        "  **context**: init, task, action\n\n"
        "  Add the ACL *key* in the ACLs list referenced by *filename*.\n\n"
        "  :param string key: the key which will be added.\n\n"
        ".. js:attribute:: core.emerg\n\n"
        "  :returns: integer\n\n"
        ".. py:function:: send(message)\n   :noindex:\n\n   Send the message.\n\n"
        ".. envvar:: HAPROXY_LOCALPEER\n\n"
        "   The local peer's name.\n"
    )
    document = load_document(path, limits)
    assert document.title == "Core class"
    assert [b.text for b in document.blocks] == [
        "core.add_acl(filename, key): context: init, task, action",
        "Add the ACL key in the ACLs list referenced by filename.",
        "param string key: the key which will be added.",
        "core.emerg",
        "returns: integer",
        "send(message): Send the message.",
        "HAPROXY_LOCALPEER: The local peer's name.",
    ]


def test_docutils_reports_on_the_markup_are_not_read_as_text(tmp_path: Path, limits) -> None:
    """docutils puts its reports where the markup goes wrong, inside a list item or an
    option's description too ("<string>:53: (ERROR/3) Unknown interpreted text role "doc"."
    in Django's documentation guide, an unclosed "*" in lighttpd's configuration guide)."""
    path = tmp_path / "guide.rst"
    path.write_text(
        "Writing documentation\n=====================\n\n"
        "* Tutorials take the reader by the hand. See :doc:`/intro/index`.\n"
        "* Topic guides explain a concept.\n\n"
        "server.bsd-accept-filter\n"
        "  set SO_ACCEPTFILTER on listen sockets (*BSD systems)\n\n"
        "  Default: none\n"
    )
    text = "\n".join(b.text for b in load_document(path, limits).blocks)
    assert "Tutorials take the reader by the hand. See /intro/index." in text
    assert "set SO_ACCEPTFILTER on listen sockets (*BSD systems)" in text
    assert "<string>" not in text
    assert "ERROR/3" not in text and "WARNING/2" not in text


def test_an_option_name_with_a_blank_line_before_its_description_is_one_entry(
    tmp_path: Path, limits
) -> None:
    """lighttpd's status guide: a blank line after an option's name makes docutils read a
    paragraph and a block quote, and name, description and "Default:" line had come out as
    blocks of their own; each is an entry of the definition list beside it. Prose before a
    quotation stays as it was."""
    path = tmp_path / "status.txt"
    path.write_text(
        ".. _status:\n\n.. _options:\n\nOptions\n=======\n\n"
        "status.status-url\n\n  relative URL of the status page\n\n  Default: unset\n\n"
        "status.enable-sort\n\n  add JavaScript sorting\n\n  Default: enable\n\n"
        '$HTTP["cookie"]\n  match on cookie\n'
        '$HTTP["useragent"]\n$HTTP["user-agent"]\n  match on useragent\n'
        '$HTTP["referer"]\n  match on referer\n\n'
        "So far we have\n\n  PROPFIND\n\n"
        "Our policy is:\n\n  Document every feature.\n"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "status.status-url: relative URL of the status page Default: unset\n"
        "status.enable-sort: add JavaScript sorting Default: enable\n"
        '$HTTP["cookie"]: match on cookie\n'
        '$HTTP["useragent"] $HTTP["user-agent"]: match on useragent\n'
        '$HTTP["referer"]: match on referer',
        "So far we have",
        "PROPFIND",
        "Our policy is:",
        "Document every feature.",
    ]


def test_a_note_between_two_entries_ends_the_entry_before_it(tmp_path: Path, limits) -> None:
    """lighttpd's configuration guide: a note between two options' entries took the first
    one's "Default:" line with it, away from its name. A note with code in it keeps its
    blocks."""
    path = tmp_path / "configuration.rst"
    path.write_text(
        "server.bind\n  IP address to listen on\n\n"
        "server.port\n  tcp-port to bind the server to\n\n"
        ".. note:: ports below 1024 need root\n\n  Default: 80\n\n"
        "server.use-ipv6\n  bind to the IPv6 socket\n\n"
        "server.modules\n  modules to load\n\n"
        ".. note:: the order of the modules is important.\n\n"
        '  e.g.: ::\n\n    server.modules = ( "mod_rewrite" )\n\n'
        "server.tag\n  the Server: response header\n"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "server.bind: IP address to listen on\n"
        "server.port: tcp-port to bind the server to Note: ports below 1024 need root "
        "Default: 80\n"
        "server.use-ipv6: bind to the IPv6 socket\n"
        "server.modules: modules to load",
        "the order of the modules is important.",
        "e.g.:",
        'server.modules = ( "mod_rewrite" )',
        "server.tag: the Server: response header",
    ]


def test_rst_in_a_trac_wiki_block_is_read_without_the_wrapper(tmp_path: Path, limits) -> None:
    """lighttpd's mod_magnet guide is a Trac page: "{{{", "#!rst", the page, "}}}". The
    wrapper had been glued to the title in the first block, and the title was the file's
    name."""
    path = tmp_path / "lighttpd-magnet.txt"
    path.write_text(
        "{{{\n#!rst\n==============\na power-magnet\n==============\n\n"
        ".. _requirements:\n\n.. _overview:\n\nOverview\n========\n\n"
        "mod_magnet controls the request handling.\n\n}}}\n"
    )
    document = load_document(path, limits)
    assert document.title == "a power-magnet"
    assert [(b.heading_path, b.text) for b in document.blocks] == [
        (("Overview",), "mod_magnet controls the request handling.")
    ]


def test_a_table_of_contents_is_not_read_as_text(tmp_path: Path, limits) -> None:
    """Every lighttpd guide opens with ".. contents::": docutils's table of contents, all
    the section titles in one block, had been read as text retrieval matched for anything."""
    path = tmp_path / "status.rst"
    path.write_text(
        "Server Status\n=============\n\n.. contents:: Table of Contents\n   :depth: 2\n\n"
        "Description\n-----------\n\nThe status module shows the server's status.\n\n"
        "Options\n-------\n\nstatus.status-url\n  relative URL of the status page\n"
    )
    assert [(b.heading_path, b.text) for b in load_document(path, limits).blocks] == [
        (("Description",), "The status module shows the server's status."),
        (("Options",), "status.status-url: relative URL of the status page"),
    ]


def test_a_list_inside_a_list_item_stays_a_list_under_it(tmp_path: Path, limits) -> None:
    """Django's release process lists what is backported under one item; read whole, the
    item ran "Security issues. Data loss bugs. Crashing bugs." into its sentence."""
    path = tmp_path / "release.rst"
    path.write_text(
        "Supported versions\n==================\n\n"
        "* Patches must also be applied to the last feature release when they fix critical"
        " problems:\n\n"
        "  * Security issues.\n\n  * Data loss bugs.\n\n  * Crashing bugs.\n\n"
        "  The rule of thumb is that fixes are backported for release blockers.\n\n"
        "* Documentation fixes are backported more freely.\n"
    )
    blocks = load_document(path, limits).blocks
    assert blocks[0].text.split("\n") == [
        "- Patches must also be applied to the last feature release when they fix critical"
        " problems:",
        "  - Security issues.",
        "  - Data loss bugs.",
        "  - Crashing bugs.",
        "  The rule of thumb is that fixes are backported for release blockers.",
        "- Documentation fixes are backported more freely.",
    ]


def test_a_table_in_a_definition_is_read_by_rows_where_it_stands(tmp_path: Path, limits) -> None:
    """lighttpd's accesslog.format holds its format codes in a simple table inside the
    option's description; read whole, the table had run into one line."""
    path = tmp_path / "accesslog.rst"
    path.write_text(
        "Options\n=======\n\n"
        "accesslog.filename\n  name of the file where the accesslog should be written to\n\n"
        "accesslog.format\n  the format of the logfile\n\n"
        "  ====== ================================\n  Option Description\n"
        "  ====== ================================\n  %%     a percent sign\n"
        "  %h     name or address of remote-host\n  ====== ================================\n\n"
        "  If %s is written %>s the > is ignored.\n"
    )
    text = "\n".join(b.text for b in load_document(path, limits).blocks)
    assert text.split("\n") == [
        "accesslog.filename: name of the file where the accesslog should be written to",
        "accesslog.format: the format of the logfile",
        "Option | Description",
        "Option: %%; Description: a percent sign",
        "Option: %h; Description: name or address of remote-host",
        "If %s is written %>s the > is ignored.",
    ]
