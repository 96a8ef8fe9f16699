"""Markdown: the heading tree (ATX `#` and setext underlines) becomes each block's heading
path; the title comes from YAML front matter or the first heading.

A small line scanner rather than a Markdown library: we only need blocks and headings, not
HTML rendering, and `#` inside fenced code must not start a heading.

MyST, the Markdown of Sphinx projects, writes its directives as fences (```{note}, ````{tab}
Linux, ```{versionadded} 6.0): a directive whose body is text is read as Markdown, with its
argument as a label ("New in version 6.0.", "Linux:"); other directives stay code.

A table written in raw HTML (`<table>` ... `</table>`, which Markdown passes through) is read
by the HTML loader's table reader, so its rows say their column names as a pipe table's do.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from pocketrag.documents import Block, Document
from pocketrag.loaders._common import (
    NUMBERED_HEADING,
    TextBudget,
    clean_inline,
    clean_lines,
    directive_label,
    table_lines,
)
from pocketrag.loaders.html import extract as html_extract
from pocketrag.loaders.markdown_notes import Footnotes
from pocketrag.loaders.text import decode_text

if TYPE_CHECKING:
    from pocketrag.settings_views import LoaderLimits

# Every pattern here runs on untrusted text, so each is linear: no two adjacent runs that can
# match the same characters (the old `(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$` heading and
# `^\s*\|?\s*...` table-rule patterns took ~10 s on a 20 KB line), and every inline span
# has a length bound, so a paragraph of 100 KB of ` **a` costs N x _SPAN, not N^2 (issue 12).
_ATX = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HTML_TABLE_OPENS = re.compile(r"^ {0,3}<table[\s>]", re.IGNORECASE)
_HTML_TABLE_CLOSES = re.compile(r"</table\s*>", re.IGNORECASE)
# A MyST directive: ```{name} argument (or :::{name} with the colon-fence extension).
_DIRECTIVE = re.compile(r"^ {0,3}(`{3,}|~{3,}|:{3,})\{([\w:-]{1,40})\}[ \t]*(.{0,200})$")
# Lines that render as nothing: a MyST target "(wheel-caching)=", a link reference
# definition "[pypa/get-pip]: https://github.com/pypa/get-pip".
_INVISIBLE = re.compile(r"^ {0,3}(?:\([\w.:-]{1,100}\)=|\[[^\]^\n]{1,200}\]:[ \t]+\S+)[ \t]*$")
# A link reference definition with a title ('[rota]: https://rota.example/ "Rotas are
# published every Thursday"'): the title is what a reader sees pointing at the link, read as
# "rota: https://rota.example/ (Rotas are published every Thursday)", a line of its own
# (gullcombe's welcome pack had four run together, raw, into its last paragraph).
_TITLED_DEFINITION = re.compile(
    r"^ {0,3}\[([^\]^\n]{1,200})\]:[ \t]+(\S+)[ \t]+"
    r"(?:\"([^\"\n]{1,200})\"|'([^'\n]{1,200})'|\(([^)\n]{1,200})\))[ \t]*$"
)
_DIRECTIVE_OPTION = re.compile(r"^ {0,3}:[\w-]{1,40}:")  # ":class: tip" under the opening
# Directives whose body is Markdown text (admonitions, version notes, tabs, dropdowns);
# any other (code-block, a project's own such as pip-cli, math) keeps its body as code.
_TEXT_DIRECTIVES = frozenset(
    """note warning tip hint important caution attention danger error seealso admonition
    versionadded versionchanged versionremoved deprecated tab tab-item tab-set dropdown card
    grid grid-item-card topic sidebar margin div eval-rst""".split()  # noqa: SIM905
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# A block quote's marker ("> "), each level's; its text is read as text (sudo's
# TROUBLESHOOTING.md answers every problem in one), its lines' markers had stayed in it.
_QUOTE_MARK = re.compile(r" {0,3}> ?")
MAX_QUOTE_DEPTH = 20  # markers taken off a line; deeper ones stay (a line of ">>>>")
_TABLE_RULE = re.compile(r"\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_SPAN = 256  # the longest inline span (emphasis, link text) whose markup is stripped

# A MyST role: {ref}`--pre <install_--pre>` reads "--pre", {pep}`517` "PEP 517".
# Not after a backtick: "`{ci}` - The value of the `ci-name` config" is a code span.
_ROLE = re.compile(
    rf"(?<!`)\{{([\w:-]{{1,40}})\}}`([^`<]{{0,{_SPAN}}}?)\s*(?:<[^`>]{{0,{_SPAN}}}>)?`"
)
# A code span is text as written: no emphasis or tags inside it ("==3.*", "<venv path>").
# As in CommonMark, it closes with as many backticks as it opened with (pip's docs write
# ``package_water``); a run of another length inside it is its text.
_CODE_SPAN = re.compile(rf"(?<!`)(`{{1,3}})(?!`)(.{{1,{_SPAN}}}?)(?<!`)\1(?!`)")
_PLACEHOLDER = re.compile("\ue000([0-9]+)\ue001")
_PLACEHOLDER_MARKS = re.compile("[\ue000\ue001]")
# Inline syntax stripped so the text reads (and embeds) the same as the HTML or PDF version.
_INLINE = (
    # footnote marks ("module[^python]"), first: "[^a][^b]" is no reference link
    (re.compile(r"\[\^[^\]\s]{1,64}\](?::[ \t]?)?"), ""),
    (re.compile(rf"!\[([^\]]{{0,{_SPAN}}})\]\([^)]{{0,{_SPAN}}}\)"), r"\1"),  # images -> alt
    (re.compile(rf"\[([^\]]{{1,{_SPAN}}})\]\([^)]{{0,{_SPAN}}}\)"), r"\1"),  # links -> text
    (re.compile(rf"\[([^\]]{{1,{_SPAN}}})\]\[[^\]]{{0,{_SPAN}}}\]"), r"\1"),  # reference links
    (re.compile(rf"<((?:https?|ftp|mailto):[^>\s]{{1,{_SPAN}}})>"), r"\1"),  # autolinks -> URL
    (re.compile(r"<([\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})>"), r"\1"),  # e-mail ones
    (re.compile(rf"<[^>\n]{{1,{_SPAN}}}>"), ""),  # inline HTML tags
    (re.compile(rf"(\*\*|__)(?=\S)(.{{1,{_SPAN}}}?)(?<=\S)\1"), r"\2"),
    (re.compile(rf"(?<![\w*])\*(?=\S)(.{{1,{_SPAN}}}?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(rf"(?<![\w_])_(?=\S)(.{{1,{_SPAN}}}?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(rf"~~(.{{1,{_SPAN}}}?)~~"), r"\1"),
)
# Front matter is metadata, never content: bounded before PyYAML builds anything (a
# 376-byte alias bomb once expanded to 1.5 GB), and only scalar fields are kept.
FRONT_MATTER_MAX_CHARS = 16_384
_YAML_MAX_DEPTH = 20
_YAML_MAX_ALIASES = 50
_FIELD_MAX_CHARS = 1_000
_MAX_FIELDS = 100


def atx_heading(line: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading ("## Leave ##"), else None; the optional closing
    run of #s is taken off in Python, not by a backtracking pattern."""
    m = _ATX.match(line)
    if not m:
        return None
    text = line[m.end() :].strip(" \t")
    closing = text.rstrip("#")
    if not closing or closing[-1] in " \t":  # a closing sequence needs a space before it
        text = closing.rstrip(" \t")
    return len(m.group(1)), text


def strip_inline(text: str) -> str:
    # Code spans wait behind placeholders (private-use characters, taken out of the text
    # first) while the rest is stripped: a link's text can be one ("[`ensurepip`](#x)").
    text = _ROLE.sub(_role_text, _PLACEHOLDER_MARKS.sub("", text))
    spans: list[str] = []

    def hold(match: re.Match[str]) -> str:
        code = match.group(2)
        padded = len(code) > 2 and code[0] == code[-1] == " " and code.strip()
        spans.append(code[1:-1] if padded else code)  # "`` `x` ``" is "`x`"
        return f"\ue000{len(spans) - 1}\ue001"

    text = _CODE_SPAN.sub(hold, text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return _PLACEHOLDER.sub(lambda m: spans[int(m.group(1))], text)


def _role_text(match: re.Match[str]) -> str:
    role, text = match.group(1), match.group(2).strip()
    if not text:
        return ""
    return f"PEP {text}" if role == "pep" else f"`{text}`"  # a code span: kept as written


def front_matter(text: str) -> tuple[dict[str, object], str]:
    """YAML front matter (if any, within bounds, and if it parses) and the text after it;
    only scalar fields, each cut to _FIELD_MAX_CHARS."""
    match = _FRONT_MATTER.match(text[: FRONT_MATTER_MAX_CHARS + 16])
    if not match:
        return {}, text
    if not _yaml_within_bounds(match.group(1)):
        return {}, text[match.end() :]  # metadata past its bounds: dropped, not indexed
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text  # not front matter after all; keep it as text
    if not isinstance(meta, dict):
        return {}, text
    scalars = {
        str(key)[:_FIELD_MAX_CHARS]: str(value)[:_FIELD_MAX_CHARS]
        for key, value in meta.items()
        if isinstance(value, (str, int, float, bool, date)) and value is not None
    }
    return dict(list(scalars.items())[:_MAX_FIELDS]), text[match.end() :]


# Front-matter fields that steer a site generator (Jekyll, Hugo, MkDocs, Docusaurus): not
# facts about the document, so not indexed. The title is the document's title already.
_SITE_FIELDS = frozenset(
    """title layout permalink slug weight draft aliases template type id url lang toc menu
    sidebar_position sidebar_label nav_order parent has_children""".split()  # noqa: SIM905
)


def front_matter_block(meta: dict[str, object], title: str) -> Block | None:
    """The front matter's facts as one table-like line ("Owner: People Team; Version: 5.1;
    Effective: 2026-01-01"), under the document's title as its heading (what the facts are
    about: "Who owns the annual leave policy?"): a policy's owner, version and review date
    are often written only there, and left out of the index, "When is this policy
    reviewed?" had no answer."""
    fields = [
        f"{key.replace('_', ' ').replace('-', ' ').strip().capitalize()}: {clean_inline(value)}"
        for key, value in ((str(k), str(v)) for k, v in meta.items())
        if key.lower() not in _SITE_FIELDS and value.strip() and value not in ("True", "False")
    ]
    return Block(text="; ".join(fields), heading_path=(title,)) if fields else None


def _yaml_within_bounds(source: str) -> bool:
    """Depth and alias count from PyYAML's event stream, which builds no objects."""
    depth = aliases = 0
    try:
        for event in yaml.parse(source, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > _YAML_MAX_DEPTH:
                    return False
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > _YAML_MAX_ALIASES:
                    return False
    except yaml.YAMLError:
        return True  # not YAML at all: safe_load says so, and the block stays text
    return True


class _Builder:
    """Collects paragraphs and keeps the current heading path."""

    def __init__(self, notes: Footnotes) -> None:
        self.notes = notes  # placed after the paragraph that first refers to each
        self.blocks: list[Block] = []
        self.headings: list[tuple[int, str]] = []
        self.lines: list[str] = []
        self.first_heading: str | None = None
        self.bold_heading = False  # the innermost heading is a paragraph in bold (_bold_title)
        self.bold_bare = False  # ... and no text has come under it yet

    def heading(self, level: int, text: str) -> None:
        self.flush()
        text = clean_inline(strip_inline(text))
        if not text:
            return
        self.first_heading = self.first_heading or text
        self._bold_ends()
        self.headings = [(lv, t) for lv, t in self.headings if lv < level] + [(level, text)]

    def _bold_ends(self) -> None:
        """The bold title's section ends (it leaves the path); with no text under it, it
        is text itself, not lost (a bold line right before a heading)."""
        if self.bold_heading:
            title = self.headings.pop()[1]
            if self.bold_bare:
                path = tuple(t for _, t in self.headings)
                self.blocks.append(Block(text=title, heading_path=path))
        self.bold_heading = self.bold_bare = False

    def flush(self, code: bool = False) -> None:
        if not self.lines:
            return
        lines, self.lines = self.lines, []
        if not code and (title := _bold_title(lines)):
            self._bold_ends()  # the next question of an FAQ: the last one's sibling
            level = self.headings[-1][0] + 1 if self.headings else 1
            self.headings.append((level, clean_inline(strip_inline(title))))
            self.bold_heading = self.bold_bare = True
            return
        if code:
            text = clean_lines("\n".join(lines))
        elif any(_LIST_ITEM.match(line) or "|" in line for line in lines):
            table = _table_start(lines)  # lists and tables: one item or row a line
            listed = lines if table is None else lines[:table]
            text = "\n".join(_one_line_each(listed))
            if table is not None:
                rows = [
                    _cells(row) for row in lines[table:] if not _TABLE_RULE.fullmatch(row.strip())
                ]
                # (a header row by the syntax: the delimiter row follows it)
                text = "\n".join([text, *table_lines(rows, marked_header=True)]).strip()
        else:
            text = clean_inline(strip_inline(" ".join(lines)))
        if text:
            self.blocks.append(Block(text=text, heading_path=tuple(t for _, t in self.headings)))
            self.bold_bare = False
        if not code:
            self.place_notes(self.notes.after(lines))

    def html_table(self, html: str, limits: LoaderLimits) -> None:
        """A raw HTML table, a block of its rows under the current heading."""
        self.flush()
        rows = "\n".join(b.text for b in html_extract(html, "body", limits).blocks)
        if rows:
            self.blocks.append(Block(text=rows, heading_path=tuple(t for _, t in self.headings)))
            self.bold_bare = False

    def place_notes(self, notes: list[str]) -> None:
        """Footnotes ("Footnote N: ..."), each a block under the current heading."""
        path = tuple(t for _, t in self.headings)
        self.blocks += [Block(text=clean_inline(strip_inline(n)), heading_path=path) for n in notes]


# A paragraph all in bold: "**How early do I need to get there?**"
_BOLD_PARAGRAPH = re.compile(r"(\*\*|__)([^*_\n]{1,200})\1")
MAX_BOLD_QUESTION_WORDS = 20
MAX_BOLD_TITLE_WORDS = 8


def _bold_title(lines: list[str]) -> str | None:
    """The text of a paragraph written wholly in bold that reads as a title: a question
    (an FAQ's, "**Can I bring my bag?**") or a short phrase without a sentence's end or
    figures ("**Annual leave**"; not "**version 3.0 - effective 6 April 2024**"). It heads
    the paragraphs under it, as its writer meant; read as a paragraph of its own, the
    answers under it never said what they answer. A bold sentence ("**Never share your
    password.**") stays a paragraph. A list item alone in its paragraph heads it only when
    it is a question or a numbered section's title, as FAQs set them ("* **2.1 LUKS
    Container Setup mini-HOWTO**", cryptsetup's)."""
    item = _LIST_ITEM.match(lines[0])
    first = lines[0][item.end() :] if item else lines[0]
    joined = " ".join(line.strip() for line in [first, *lines[1:]])
    m = _BOLD_PARAGRAPH.fullmatch(joined)
    if not m or "|" in m[2]:
        return None
    title = m[2].strip()
    numbered = NUMBERED_HEADING.match(title)
    if numbered and "." in numbered[1]:  # an FAQ's "5.2 Is LUKS insecure? Everybody ...!"
        return title if len(title.split()) <= MAX_BOLD_QUESTION_WORDS else None
    if item and not title.endswith("?"):
        return None  # a list of one item in bold
    if title.endswith("?"):
        return title if len(title.split()) <= MAX_BOLD_QUESTION_WORDS else None
    if len(title.split()) > MAX_BOLD_TITLE_WORDS or title.endswith((".", "!", ";", ",")):
        return None
    return None if any(c.isdigit() for c in title) else title  # not a version or date line


def _one_line_each(lines: list[str]) -> list[str]:
    """One line per list item or table row: a line that starts neither (a wrapped item's
    continuation, a lead-in's second line) joins the line before it, as it reads, before
    its inline markup is read (a "**bold**" opened on one line and closed on the next had
    kept its asterisks). A sub-item is indented two spaces a level under its item, as
    Markdown nests it (see _nesting); flattened, it had read as a sibling of its parent."""
    entries: list[tuple[int, list[str]]] = []  # (nesting depth, the lines) per item or row
    open_items: list[tuple[int, int]] = []  # the items the next one may nest in (_nesting)
    for line in lines:
        if _TABLE_RULE.fullmatch(line.strip()):
            continue
        if item := _LIST_ITEM.match(line):
            entries.append((_nesting(open_items, line, item.end()), [line]))
        elif "|" in line or not entries or any("|" in part for part in entries[-1][1]):
            entries.append((0, [line]))
            open_items.clear()
        else:
            entries[-1][1].append(line)
    out = (("  " * depth, clean_inline(strip_inline(" ".join(parts)))) for depth, parts in entries)
    return [indent + text for indent, text in out if text]


TAB_STOP = 4


def _nesting(open_items: list[tuple[int, int]], line: str, content: int) -> int:
    """How deep the list item on `line` nests, given the items still open before it (their
    marker's indent and the column their text starts in), which this updates. As in
    CommonMark, an item indented to its previous item's text is inside it; an item indented
    at least two spaces past its previous item's marker is too (a sub-item under "1. " at
    two spaces, as many editors and renderers take it)."""
    expanded = line.expandtabs(TAB_STOP)
    indent = len(expanded) - len(expanded.lstrip())
    content += len(expanded) - len(line)  # the text's column, tabs expanded
    while open_items and indent < min(open_items[-1][1], open_items[-1][0] + 2):
        open_items.pop()
    open_items.append((indent, content))
    return len(open_items) - 1


def _table_start(lines: list[str]) -> int | None:
    """Where a table with a header row starts: a row followed by the delimiter row."""
    for i, (line, after) in enumerate(pairwise(lines)):
        if "|" in line and "|" in after and _TABLE_RULE.fullmatch(after.strip()):
            return i
    return None


def _cells(row: str) -> list[str]:
    """A table row's cells ("| a | **b** |" -> ["a", "b"])."""
    return [clean_inline(strip_inline(c)) for c in row.strip().strip("|").split("|")]


def parse_markdown(text: str, limits: LoaderLimits) -> tuple[list[Block], str | None]:
    """Blocks in order with heading paths, and the first heading's text."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    notes = Footnotes(lines)
    out = _Builder(notes)
    fence: str | None = None
    table: list[str] | None = None  # the lines of a raw HTML table, while it is open
    directives: list[str] = []  # the fences of the open MyST text directives, innermost last
    options = False  # right after a directive's opening line, where its options go
    quoted = 0  # how deep in block quotes the last line of text (or the open fence) was
    for line in lines:
        # (in a code block, only the markers of the quote it stands in: "> " is its text)
        depth, line = _unquoted(line, quoted if fence is not None else MAX_QUOTE_DEPTH)
        if fence is None and line.strip():
            if depth > quoted:
                out.flush()  # a quote opens a paragraph of its own ("On Monday Sam wrote:")
            quoted = depth  # (a line with fewer markers goes on its paragraph, as written)
        if table is None and fence is None and _HTML_TABLE_OPENS.match(line):
            table = []
        if table is not None:
            table.append(line)
            if _HTML_TABLE_CLOSES.search(line):
                out.html_table("\n".join(table), limits)
                table = None
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                out.flush(code=True)
                fence = None
            else:
                out.lines.append(line)
            continue
        if (options and _DIRECTIVE_OPTION.match(line)) or _INVISIBLE.match(line):
            continue
        if m := _TITLED_DEFINITION.match(line):
            out.flush()
            label, url, title = m.group(1), m.group(2), next(t for t in m.groups()[2:] if t)
            out.lines.append(f"{label}: {url} ({title})")
            out.flush()
            continue
        if notes.skips(line):
            continue  # a note, read after the paragraph that refers to it
        options = False
        if directives and _closes(line, directives[-1]):
            out.flush()
            directives.pop()
        elif (m := _DIRECTIVE.match(line)) and m.group(2) in _TEXT_DIRECTIVES:
            out.flush()
            directives.append(m.group(1))
            options = True
            if label := directive_label(m.group(2), clean_inline(strip_inline(m.group(3)))):
                out.lines.append(label)
                out.flush()
        elif m := _FENCE.match(line):
            out.flush()
            fence = m.group(1)
        elif heading := atx_heading(line):
            out.heading(*heading)
        elif (m := _SETEXT.match(line)) and out.lines and not _LIST_ITEM.match(out.lines[0]):
            heading_text, out.lines = " ".join(out.lines), []
            out.heading(1 if m.group(1)[0] == "=" else 2, heading_text)
        elif not line.strip() or _SETEXT.match(line):
            out.flush()  # blank line, or a thematic break (---, ***) after a blank line
        else:
            out.lines.append(line)
    if table is not None:  # never closed: its rows still count
        out.html_table("\n".join(table), limits)
    out.flush(code=fence is not None)
    out.place_notes(notes.rest())
    return out.blocks, out.first_heading


def _unquoted(line: str, most: int) -> tuple[int, str]:
    """How many block-quote markers open the line (up to `most`), and the line without
    them."""
    depth = 0
    while depth < most and (m := _QUOTE_MARK.match(line)):
        line, depth = line[m.end() :], depth + 1
    return depth, line


def _closes(line: str, fence: str) -> bool:
    """A closing fence: the opening's character, at least as many times, nothing else."""
    mark = line.strip()
    return len(mark) >= len(fence) and mark == fence[0] * len(mark)


def load(path: Path, limits: LoaderLimits, password: str | None = None) -> Document:
    raw, encoding = decode_text(path.read_bytes())
    TextBudget(limits).add(raw)
    meta, body = front_matter(raw)
    blocks, first_heading = parse_markdown(body, limits)
    title = meta.get("title")
    title = clean_inline(str(title)) if title else (first_heading or path.stem)
    if (details := front_matter_block(meta, title)) is not None:
        blocks.insert(0, details)
    metadata: dict[str, object] = {"encoding": encoding}
    if meta:
        metadata["front_matter"] = meta
    return Document(
        source=str(path), title=title, doc_type="markdown", blocks=blocks, metadata=metadata
    )
