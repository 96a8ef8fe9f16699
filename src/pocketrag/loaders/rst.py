"""reStructuredText (`.rst`, and `.txt` files written in it, as Python projects ship their
docs): docutils parses it, so section titles become the heading path, the over- and
underlined title the document's title, and link targets, comments and markup never reach
the text ("Mergers_", "``security@...``", ":ref:`supported versions <x>`" read as words).

docutils is the reference rST parser; read as plain text, a page had come out titled by its
first link target (".. _official-releases:"). Sphinx's own roles and directives are unknown
to plain docutils: their text is kept (a role's label, a "versionchanged" note's body) and
purely structural ones (toctree, index) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from pocketrag.documents import Block
from pocketrag.loaders._common import (
    CODE_DIRECTIVES,
    clean_inline,
    directive_label,
    table_lines,
)

if TYPE_CHECKING:
    from docutils import nodes

# Lines of explicit markup a plain-text file does not have: a directive ".. note::" or a
# link target ".. _reporting-security-issues:". Two or more make a .txt file rST.
_EXPLICIT_MARKUP = re.compile(r"^\.\. (?:[A-Za-z][\w-]*::|_[^:\n]{1,80}:)", re.MULTILINE)
MIN_MARKUP_LINES = 2
# Sphinx's roles, unknown to docutils, are left in the text as written: keep their label.
# ("~" shows a dotted name's last part: :meth:`~.QuerySet.extra` reads "extra").
_ROLE = re.compile(r":[\w:.+-]{1,40}:`(~?)([^`<]{0,200}?)\s*(?:<[^`>]{0,200}>)?`")
_SUBSTITUTION = re.compile(r"\|([\w -]{1,60})\|")
# Sphinx directives whose body is text to keep (with their argument as a label) and ones
# that only shape the built site.
_KEEP = ("versionadded", "versionchanged", "versionremoved", "deprecated", "seealso",
         "centered", "rubric", "glossary", "hlist", "only", "code-block", "sourcecode",
         "console", "parsed-literal", "tab", "tabs", "group-tab", "code-tab", "tab-set",
         "tab-item", "dropdown", "card", "grid", "grid-item-card")  # fmt: skip
# docutils's own "contents" is one of the latter: its table of contents, every section's
# title in one block, had been read as text that retrieval matched for any question.
_DROP = ("toctree", "index", "highlight", "currentmodule", "module", "default-role",
         "literalinclude", "tabularcolumns", "autosummary", "automodule", "py:module",
         "py:currentmodule", "js:module", "c:namespace", "cpp:namespace",
         "contents")  # fmt: skip
# Sphinx's object descriptions (".. js:function:: core.add_acl(filename, key)", "..
# py:class:: Queue", ".. envvar:: HOME"), in each domain's spelling and the default (py)
# domain's bare one. Unknown to docutils, their bodies had been dropped with the error it
# reports: HAProxy's whole Lua API reference read as its section titles.
_OBJECTS = {
    "py": "function data exception class attribute property method staticmethod classmethod"
    " decorator decoratormethod",
    "js": "function method class data attribute",
    "c": "member var function macro struct union enum enumerator type",
    "cpp": "class struct function member var type concept enum enum-class enum-struct"
    " enumerator union",
    "std": "program option cmdoption envvar describe object confval",
}
_OPTION = re.compile(r"\s*:[\w-]+:")
_DESCRIBED = frozenset(
    name
    for domain, kinds in _OBJECTS.items()
    for kind in kinds.split()
    for name in (f"{domain}:{kind}", *((kind,) if domain in ("py", "std") else ()))
)


def looks_like_rst(text: str) -> bool:
    return len(_EXPLICIT_MARKUP.findall(text, 0, 200_000)) >= MIN_MARKUP_LINES


def parse_rst(text: str) -> tuple[list[Block], str | None]:
    """(blocks, title) of an rST text; raises whatever docutils raises on text it cannot
    parse (the caller reads it as plain text instead)."""
    from docutils.core import publish_doctree

    _register_sphinx_directives()
    settings = {
        "report_level": 5,  # Sphinx's roles are "unknown" to docutils: not worth a report
        "halt_level": 5,
        "warning_stream": False,
        "file_insertion_enabled": False,  # untrusted: no ".. include:: /etc/passwd"
        "raw_enabled": False,
        "input_encoding": "unicode",
    }
    tree = publish_doctree(_unwrapped(text), settings_overrides=settings)
    _drop_messages(tree)
    _keep_backslashes(tree)
    _join_quoted_definitions(tree)
    _join_notes_between_entries(tree)
    title = tree.get("title") or None
    return list(_blocks(tree, ())), _readable(title) if title else None


def _unwrapped(text: str) -> str:
    """The page inside a Trac wiki processor block ("{{{", "#!rst", the page, "}}}"), as
    lighttpd's docs were kept. docutils had read the wrapper's lines and the over- and
    underlined title after them as the first paragraph, and the document had no title."""
    if not text.lstrip().startswith("{{{"):
        return text
    lines = text.strip().splitlines()
    wrapper = (lines[0].strip(), lines[1].strip(), lines[-1].strip()) if len(lines) > 2 else ()
    return "\n".join(lines[2:-1]) if wrapper == ("{{{", "#!rst", "}}}") else text


def _drop_messages(tree: nodes.document) -> None:
    """docutils's own reports on the markup ("<string>:291: (WARNING/2) Inline emphasis
    start-string without end-string.") sit in the tree where the markup went wrong, inside
    an option's description as well; they are not the document's text."""
    from docutils import nodes

    for message in list(tree.findall(nodes.system_message)):
        message.parent.remove(message)


# docutils marks an escaping backslash with a NUL in the text and drops both when the text
# is read. Before a letter or digit a backslash escapes nothing in rST: it is the text's own
# ("use \S+ unless", "\d+" in fail2ban's filters guide had read "S+" and "d+"). Only right
# after inline markup is it rST's: it joins a suffix to the markup ("``release``\s").
_OWN_BACKSLASH = re.compile(r"\x00(?=[A-Za-z0-9])")


def _keep_backslashes(tree: nodes.document) -> None:
    from docutils import nodes

    for text in list(tree.findall(nodes.Text)):
        parent = text.parent
        if "\x00" not in text or parent is None:
            continue
        index = parent.index(text)
        after_markup = index > 0 and isinstance(parent[index - 1], nodes.Element)
        head = 1 if after_markup and text.startswith("\x00") else 0
        kept = text[:head] + _OWN_BACKSLASH.sub(r"\\", text[head:])
        parent.replace(text, nodes.Text(kept))


# A line that names an option or identifier rather than saying something: one token with a
# mark words do not have ("status.status-url", "$HTTP["user-agent"]", "--verbose",
# "max_age"), perhaps a word or two after it, and no sentence's end.
_NAME_LINE = re.compile(r"(?=\S*[._$\[/-])\S*[\w\])\"'](?: \S+){0,2}(?<![.:;,!?])")
MAX_NAME_LINES = 3


def _join_quoted_definitions(tree: nodes.document) -> None:
    """An option's name with a blank line before its indented description (lighttpd's
    "status.status-url", blank, "  relative URL ...", "  Default: unset") is a paragraph
    and a block quote to docutils, where without the blank line it is a definition list's
    entry: name, description and "Default:" line had come out as blocks of their own. Such
    a pair is made the entry it was meant to be, joining the definition list beside it.
    Prose before a quotation is left alone: its paragraph does not read as a name."""
    from docutils import nodes

    for quote in list(tree.findall(nodes.block_quote)):
        parent = quote.parent
        index = parent.index(quote)
        name = parent[index - 1] if index else None
        if not isinstance(name, nodes.paragraph) or not _names_something(name.astext()):
            continue
        if any(isinstance(child, nodes.attribution) for child in quote.children):
            continue  # "-- Author": a quotation after all
        item = nodes.definition_list_item(
            "", nodes.term("", "", *name.children), nodes.definition("", *quote.children)
        )
        before = parent[index - 2] if index >= 2 else None
        after = parent[index + 1] if index + 1 < len(parent) else None
        entries = before if isinstance(before, nodes.definition_list) else None
        if entries is None:
            entries = nodes.definition_list()
            parent.insert(index - 1, entries)
        entries += item
        if isinstance(after, nodes.definition_list):
            entries.extend(list(after.children))
            parent.remove(after)
        parent.remove(name)
        parent.remove(quote)


def _join_notes_between_entries(tree: nodes.document) -> None:
    """A note written between two entries of a definition list (lighttpd's "server.port",
    then ".. note:: port belows 1024 require root-permissions" with the entry's "Default:
    80" indented under it) ends the list for docutils, and the note took the entry's last
    lines with it. It is read as the end of the entry before it, the list whole again.
    Only a note of plain paragraphs: one with code or a list in it (lighttpd's
    "server.modules") keeps its blocks, which an entry's one line would run together."""
    from docutils import nodes

    for note in list(tree.findall(nodes.Admonition)):
        parent = note.parent
        index = parent.index(note)
        before = parent[index - 1] if index else None
        after = parent[index + 1] if index + 1 < len(parent) else None
        if not isinstance(before, nodes.definition_list) or not isinstance(
            after, nodes.definition_list
        ):
            continue
        if not all(isinstance(child, nodes.paragraph | nodes.title) for child in note.children):
            continue
        definition = before[-1].next_node(nodes.definition)
        if definition is None:
            continue
        if not isinstance(note, nodes.admonition):  # a note's kind is its only title
            note.insert(0, nodes.paragraph(text=f"{note.tagname.capitalize()}:"))
        parent.remove(note)
        definition += note
        before.extend(list(after.children))
        parent.remove(after)


def _names_something(text: str) -> bool:
    lines = text.splitlines()
    return 0 < len(lines) <= MAX_NAME_LINES and all(_NAME_LINE.fullmatch(x) for x in lines)


def _blocks(node: nodes.Element, path: tuple[str, ...]) -> Iterator[Block]:
    from docutils import nodes

    for child in node.children:
        if isinstance(child, nodes.section):
            heading = _readable(child[0].astext()) if child.children else ""
            yield from _blocks(child, (*path, heading) if heading else path)
        elif isinstance(child, nodes.subtitle):
            # a lone top section that docutils promoted to the title's subtitle heads what
            # follows it, as it did before the promotion
            path = (*path, _readable(child.astext()))
        elif isinstance(child, nodes.title) and not isinstance(node, nodes.Admonition):
            continue  # the section's heading, or the document's title
        elif isinstance(child, _SKIPPED):
            continue
        elif isinstance(child, nodes.bullet_list | nodes.enumerated_list):
            yield Block("\n".join(_list_lines(child)), heading_path=path)
        elif isinstance(child, nodes.definition_list | nodes.field_list):
            yield Block("\n".join(_terms(child)), heading_path=path)
        elif isinstance(child, nodes.table):
            yield Block("\n".join(_table_lines(child)), heading_path=path)
        elif isinstance(child, nodes.literal_block | nodes.doctest_block):
            yield Block(child.astext(), heading_path=path)
        elif isinstance(child, _CONTAINERS):
            yield from _blocks(child, path)
        elif text := _readable(child.astext()):
            yield Block(text, heading_path=path)


def _list_lines(node: nodes.Element, depth: int = 0) -> list[str]:
    """A list's items as "- item" lines, an item's own list indented under it, as the
    Markdown loader writes one, and what the item says after its list on a line of its own.
    Read whole, an item ran its sub-items into one line (Django's "... when they fix
    critical problems: Security issues. Data loss bugs. Crashing bugs. ..."), which read as
    sentences that a quote took two of."""
    from docutils import nodes

    lines: list[str] = []
    indent = "  " * depth
    for item in node.children:
        marker, words = f"{indent}- ", []
        for part in item.children:
            if isinstance(part, nodes.bullet_list | nodes.enumerated_list):
                if words:
                    lines.append(marker + " ".join(words))
                marker, words = f"{indent}  ", []
                lines += _list_lines(part, depth + 1)
            elif text := _readable(part.astext()).strip():
                words.append(text)
        if words:
            lines.append(marker + " ".join(words))
    return lines


def _table_lines(table: nodes.Element) -> list[str]:
    from docutils import nodes

    rows = [[_readable(e.astext()) for e in row.children] for row in table.findall(nodes.row)]
    return table_lines(rows)


def _terms(node: nodes.Element) -> Iterator[str]:
    """ "term: definition" per entry of a definition or field list; a table in a definition
    by rows where it stands, what follows it on a line of its own (lighttpd's
    accesslog.format and its table of format codes had read as one run-on line, "Option
    Description %% a percent sign %h name or address ...")."""
    from docutils import nodes

    for entry in node.children:
        if not entry.children:
            continue
        lines: list[str] = []
        words = [_readable(entry[0].astext())]  # the term, then its definition's text
        for part in entry.children[1:]:
            pieces = (
                part.children if isinstance(part, nodes.definition | nodes.field_body) else [part]
            )
            for piece in pieces:
                if isinstance(piece, nodes.table):
                    lines.append(_entry_line(words, first=not lines))
                    lines += _table_lines(piece)
                    words = []
                else:
                    words.append(_readable(piece.astext()))
        if words or not lines:
            lines.append(_entry_line(words, first=not lines))
        yield from (line for line in lines if line)


def _entry_line(words: list[str], first: bool) -> str:
    """The term and its text ("term: text"), or text after a table in the definition."""
    if not first:
        return " ".join(w for w in words if w)
    return f"{words[0]}: {' '.join(w for w in words[1:] if w)}".rstrip(": ")


def _readable(text: str) -> str:
    """Text without what docutils left of Sphinx's markup, on one line per paragraph."""
    text = _ROLE.sub(lambda m: m.group(2).rsplit(".", 1)[-1] if m.group(1) else m.group(2), text)
    return clean_inline(_SUBSTITUTION.sub(r"\1", text).replace("\n", " "))


_SKIPPED: tuple[type, ...] = ()
_CONTAINERS: tuple[type, ...] = ()
_registered = False


def _register_sphinx_directives() -> None:
    """Teach docutils Sphinx's directive names once per process (see the module docstring)."""
    global _registered, _SKIPPED, _CONTAINERS
    if _registered:
        return
    from docutils import nodes
    from docutils.parsers.rst import Directive, directives

    class Kept(Directive):
        """A directive whose body is text, after a line naming it with its argument
        ("Changed in version 5.0.", see _common.directive_label)."""

        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True
        option_spec: ClassVar[dict[str, Any]] = {}

        def run(self) -> list[nodes.Node]:
            box = nodes.container()
            if label := directive_label(
                self.name, self.arguments[0].strip() if self.arguments else ""
            ):
                box += nodes.paragraph(text=label)
            if self.name in CODE_DIRECTIVES:
                box += nodes.literal_block(text="\n".join(self.content))
            else:
                self.state.nested_parse(self.content, self.content_offset, box)
            return [box]

    class Dropped(Kept):
        def run(self) -> list[nodes.Node]:
            return []

    class Described(Kept):
        """An object's signature opens its description's first paragraph, as a definition
        list's term does in HTML ("core.add_acl(filename, key): context: init, ...")."""

        def run(self) -> list[nodes.Node]:
            box = nodes.container()
            self.state.nested_parse(self.content, self.content_offset, box)
            # the directive's options (":noindex:", ":module: x") follow its signature in
            # the argument: Kept declares none, so docutils leaves them there
            lines = self.arguments[0].splitlines() if self.arguments else []
            signature = " ".join(" ".join(x for x in lines if not _OPTION.match(x)).split())
            if signature:
                first = box.children[0] if box.children else None
                if isinstance(first, nodes.paragraph):
                    first.insert(0, nodes.Text(f"{signature}: "))
                else:
                    box.insert(0, nodes.paragraph(text=signature))
            return [box]

    for name in _KEEP:
        directives.register_directive(name, Kept)
    for name in _DROP:
        directives.register_directive(name, Dropped)
    for name in _DESCRIBED:
        directives.register_directive(name, Described)
    _SKIPPED = (nodes.comment, nodes.target, nodes.substitution_definition,
                nodes.system_message, nodes.raw, nodes.pending)  # fmt: skip
    # boxes whose children are read as blocks of their own (a note, a quote, a version note)
    _CONTAINERS = (nodes.Admonition, nodes.block_quote, nodes.container, nodes.compound,
                   nodes.line_block, nodes.topic, nodes.sidebar)  # fmt: skip
    _registered = True
