"""HTML: main text only, headings h1-h6 kept as the heading path, charset detected.

Hand-written on the standard library's streaming `html.parser` instead of selectolax:
lexbor's tree builder is quadratic in nesting depth (measured: 20k nested tags 0.3 s,
10 MB of nested tags did not finish in 4 minutes), and a streaming parser never builds a tree,
so 10 MB of nested tags costs seconds and a few MB, with no recursion at all. We track open
tags by counters, not a stack, so unbalanced markup cannot make the work quadratic either.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from charset_normalizer import from_bytes

from pocketrag.documents import Block, Document
from pocketrag.loaders._common import (
    TextBudget,
    clean_inline,
    clean_lines,
    is_admonition,
)
from pocketrag.loaders.html_chrome import (
    classes_of,
    is_chrome,
    is_contents,
    is_permalink,
    is_sidebar,
    permalink_mark,
)
from pocketrag.loaders.html_lists import ListMarkers
from pocketrag.loaders.html_tables import group_header_joined, table_text
from pocketrag.loaders.html_units import Unit, is_option_dl, is_option_table
from pocketrag.loaders.text import utf8_with_stray_bytes
from pocketrag.loaders.wrapping import reads_as_prose, unwrap_preformatted

if TYPE_CHECKING:
    from pocketrag.settings_views import LoaderLimits

# Never content, wherever they are.
_ALWAYS_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "nav",
        "form",
        "iframe",
        "object",
        "canvas",
        "button",
        "select",
        "textarea",
        "dialog",
        "footer",
    ]
)
# A page's own table of contents, unmarked (html_chrome.py skips marked ones): a list or
# table whose every word is a link to an anchor of the page itself (Postfix's "This document
# provides information on the following topics:", SQLite's FAQ index, Texinfo's menus), or
# such lines of links parted by <br> (fetchmail's FAQ index: every question's title, read
# as a block that matched questions better than the answers). A link to another page is
# content (an index page, "See also").
_LISTINGS = frozenset(["ul", "ol", "dl", "table"])
MIN_CONTENTS_LINKS = 2
_LABEL = re.compile(r"\[?\w{1,4}\]?")  # a footnote's label ("[1]"), before its paragraph
MAX_LABEL_PIECES = 8
_VOID = frozenset(["br", "hr", "img", "input", "meta", "link", "wbr", "area", "col", "source"])
# Elements whose end tag HTML lets authors leave out ("<p hidden>Draft<p>Text"): skipping one
# until its end tag would skip the rest of the page, so they are never skipped as chrome.
_OPTIONAL_END = frozenset(
    ["p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
     "colgroup", "caption", "rt", "rp"]
)  # fmt: skip
# Page chrome: a <header> is skipped unless we read inside <main>/<article>, where it
# usually holds the article's own title.
_CHROME = frozenset({"header"})
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
# DocBook's side notes: <div class="note"> and its kin, their label a heading inside them
_NOTES = frozenset(["note", "tip", "warning", "caution", "important"])
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "address",
        "aside",
        "details",
        "summary",
        "body",
        "hr",
        "fieldset",
        "center",
    ]
)
_CELLS = frozenset({"td", "th"})
# The most columns a colspan fills and rows a rowspan carries a cell down (HTML's own limits
# are 1000 and 65534); a hostile page cannot multiply a cell further.
MAX_COLSPAN = 100
MAX_ROWSPAN = 1000
# Copies of spanned cells one page may make in all: a page of many rows under many cells that
# span 1000 rows each would otherwise make a thousand list entries from every 20 bytes.
MAX_SPAN_COPIES = 200_000
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_WINDOWS_1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "windows-1252"}
)
_MAIN = re.compile(r"<main[\s>]", re.I)
_ARTICLE = re.compile(r"<article[\s>]", re.I)
_EXTERNAL = re.compile(r"(?:https?:)?//", re.I)  # a link to another site
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
# A picture's alt text that names no thing a reader sees: a file name ("screenshot.png",
# "_images/dns-tree.png"), a file's lower-case stem ("ws-capture"; not "Wi-Fi"), a generic
# word with a number or a stem (apcupsd's "image4", LaTeX2HTML's "Image idle"), or words
# ending in a number: asciidoctor's default alt is the file's stem with its icon size
# (KiCad's "erc 24", "add tracks 24" had read "click the ERC button erc 24").
_FILE_NAME = re.compile(
    r"\S*\.[A-Za-z0-9]{2,4}|(?-i:[a-z0-9]+(?:[-_][a-z0-9]+)+)"
    r"|(?:image|img|picture|figure|fig|screenshot|icon|graphic)(?:\d+|\W+\S+)?"
    r"|.*\s\d+",
    re.I,
)
MAX_PICTURE_NAME_WORDS = 5  # "Save button", "filter toolbar bookmark"; more describes a figure


def decode_html(data: bytes) -> tuple[str, str]:
    """BOM first, then <meta charset>, then UTF-8, then charset-normalizer's best guess."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    candidates: list[str] = []
    if m := _META_CHARSET.search(data[:4096]):
        label = m.group(1).decode("ascii", "replace").lower()
        if label in ("utf-8", "utf8"):
            # the page says UTF-8: a stray byte is a slip, not a reason to guess another
            return utf8_with_stray_bytes(data), "utf-8"
        # As browsers do (WHATWG Encoding): these labels mean Windows-1252.
        candidates.append("cp1252" if label in _WINDOWS_1252_LABELS else label)
    candidates.append("utf-8")
    for encoding in candidates:
        try:
            codecs.lookup(encoding)
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(data[:1_000_000]).best()  # a sample is plenty to guess an encoding
    encoding = best.encoding if best else "latin-1"
    return data.decode(encoding, errors="replace"), encoding


@dataclass
class _Listing:
    """The outermost open list or table, and whether its text is only in-page links (or, in
    a sidebar, only links)."""

    tag: str
    first_block: int  # where its blocks start, to take them back
    terms_before: int  # definition terms waiting when it opened
    depth: int = 1  # open copies of `tag`
    anchor_links: int = 0  # pieces of text in links to the page's own anchors ("#...")
    other_text: bool = False
    in_aside: bool = False  # a sidebar's list of links to other pages is navigation too


class _Extractor(HTMLParser):
    """Turns a stream of tags into blocks; see the module docstring for why no tree."""

    def __init__(self, scope: str, budget: TextBudget, drop_contents: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.scope = scope  # "main", "article" or "body": where content lives
        self.drop_contents = drop_contents  # the page's own table of contents (load())
        self.budget = budget
        self.open: dict[str, int] = {}  # how many of each tag we care about are open
        self.skipping = 0
        # the open navigation element's tag and how deep inside copies of it we are
        self.nav_tag: str | None = None
        self.nav_depth = 0
        self.heading_level = 0
        self.heading_text: list[str] = []
        self.headings: list[tuple[int, str]] = []
        # A <details> element's <summary> heads its answer, one level below the heading it
        # sits under, until </details> (each open one keeps the headings in force before
        # it): an FAQ built of them had read each question as a block and its answer's
        # paragraphs apart, never saying which question they answer.
        self.details: list[int] = []
        # A manual page's labelled indent, as mandoc renders ".PP label" then ".RS ... .RE"
        # (DocBook's and AsciiDoc's manual pages: smb.conf(5)'s parameters, nft(8)'s options):
        # <p>allow trusted domains (G)</p><div class="Bd-indent">...</div>. The label heads
        # the indented text the same way, until its </div>: read as a paragraph, smb.conf(5)'s
        # 3,350 blocks sat under one heading, and a parameter's description never said which
        # parameter it describes. It also opens the indent's first block, as a definition's
        # term does ("-p|--processes: print a list of smbd(8) processes and exit."): as a
        # heading alone, an answer quoting the description never named the option. The index
        # of the block the latest </p> gave; the open labelled indents (their <div> depth, the
        # headings in force before them); the label waiting for the indent's first block.
        self.paragraph_block: int | None = None
        self.div_depth = 0
        self.indents: list[tuple[int, list[tuple[int, str]]]] = []
        self.indent_label: str | None = None
        self.first_h1: str | None = None
        self.title_parts: list[str] = []
        self.parts: list[str] = []
        self.blocks: list[Block] = []
        self.label: str | None = None  # a side note's label ("Note"), for its first paragraph
        # DocBook's side note opens with its label as a heading (<div class="note"><h3
        # class="title">Note</h3>): a label, which stays inside an option's description
        self.note_opened = False  # the latest start tag opened such a note
        self.note_label = False  # the open heading is its label
        # A definition list's term (<dt>) waits for its definition's first block and opens
        # it ("Games/Blocks: Tetris-like games involving falling blocks."): apart, the
        # definition never says what it defines, and the term alone answers nothing. Terms
        # in a row share the definition after them (zsh's "%d" and "%/": "Current working
        # directory"); terms with no <dd> after them (a table of contents) stand alone.
        self.terms: list[str] = []
        self.definition_opened = False  # a <dd> started since the latest term
        self.closing_term = False
        self.term_open = False  # inside a <dt> (its end tag may be left out)
        # Tables: the rows of each open table (nested ones stacked), and the open cell's
        # text, read as "column: value; ..." lines when the table ends (_common.table_lines).
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None
        # each open table's header cells (<th>) by (row, column), and whether the open cell is one
        self.header_cells: list[set[tuple[int, int]]] = []
        self.cell_is_header = False
        # each open table's cells written all in bold, and whether the open cell has text
        # outside <b>/<strong>: a table with no header cells marks its header row in bold
        self.bold_cells: list[set[tuple[int, int]]] = []
        self.cell_plain = False
        # Spanned cells: the open cell's rowspan and colspan, and each open table's cells
        # carried down by a rowspan, by column: (text, last row, header, bold). Without them a
        # row under a rowspan read its values one column to the left, under the wrong names
        # (GnuCash's tax tables: "Rate: Sales Tax" for a row of the "EC" group).
        self.cell_span = (1, 1)
        self.carried: list[dict[int, tuple[str, int, bool, bool]]] = []
        self.span_copies_left = MAX_SPAN_COPIES
        self.bold = 0
        self.cell_pictures: list[str] = []  # the open cell's pictures' alt texts
        # An icon in running text ("click the <img alt='Save'> button") reads as its name
        # where text shares its line: without it the sentence lost its object ("click the
        # button", "icon ()"). A picture alone on its line is a figure, not a word of the
        # text; its name waits for text on its line and is dropped at a line break.
        self.line_has_text = False
        self.waiting_pictures: list[str] = []
        # a level-1 heading made only of a link to another site is the site's banner
        # (Exim's "Exim Internet Mailer" over every chapter), not the page's heading
        self.in_external_link = False
        self.heading_own_text = False
        self.in_anchor_link = False  # a link to an anchor of the page itself
        self.in_link = False  # a link anywhere
        self.in_permalink = False  # a permalink, whose mark ("¶") is no text (html_chrome)
        # An abbreviation's expansion (<abbr title="Designated Premises Supervisor">DPS</abbr>)
        # is text a reader sees by pointing at it: read after its first use, in brackets.
        # Left out, the page never said what "DPS" is, nor whom "PLH" names (larchwick's).
        self.abbreviations: list[str] = []  # the open <abbr>s' titles
        self.expanded: set[str] = set()
        # the waiting text's pieces in links to the page's anchors, and whether it has others
        self.parts_anchor_links = 0
        self.parts_other_text = False
        self.asides: list[bool] = []  # each open <aside>: a sidebar (html_chrome.is_sidebar)?
        self.sidebars = 0  # how many of them are
        self.listing: _Listing | None = None  # only while dropping tables of contents
        # An exponent: "2<sup>64</sup>" reads "2^64", not the number 264.
        self.superscript = False
        # Whether the text waiting in `parts` came from a <pre>, and whether the open <pre>
        # holds <code>: prose hard-wrapped in a <pre> (HAProxy's manuals) is unwrapped, code
        # never ("Sets how long a cached SSL session" / "may remain valid" were two units).
        self.parts_preformatted = False
        self.pre_code = False
        self.code_table = 0  # open Pygments "highlighttable"s (line numbers | code)
        # Lists: the open ones, for their items' markers ("2."; "-" inside a unit), and the
        # marker waiting for the open item's first text.
        self.lists = ListMarkers()
        self.item_marker: str | None = None
        # An option and its description, read as one block (html_units.py): the open one;
        # whether an option list's table is open (not one of `tables`: its rows are no table
        # to read) and its option cell; and the open definition lists' depth, with the depth
        # of the outermost option list written as one.
        self.unit: Unit | None = None
        self.option_table = False
        self.in_option_group = False
        self.dl_depth = 0
        self.dd_depth = 0  # open definitions (<dd>), for the indent of a unit's lines
        # the name each open definition list's latest term gives: a list inside its
        # definition names it beside its own terms (Tor's SocksPort flags, each read as
        # "IsolateClientAddr: ..." with no word of the option it is a flag of)
        self.defined: dict[int, str] = {}
        self.option_dl: int | None = None

    def _in_scope(self) -> bool:
        return self.scope == "body" or self.open.get(self.scope, 0) > 0 or self.sidebars > 0

    def _below_header_row(self) -> bool:
        """The open table's first row is done and made of header cells."""
        rows, headers = self.tables[-1], self.header_cells[-1]
        return (
            len(rows) > 1 and bool(rows[0]) and all((0, j) in headers for j in range(len(rows[0])))
        )

    def _footnote_label(self) -> bool:
        """Whether the text waiting is a footnote's label ("[1]") before its paragraph: a few
        pieces at most ("[", "1", "]"), so that a hostile run of empty blocks after one
        cannot make each check longer than the last."""
        return (
            bool(self.open.get("aside"))
            and len(self.parts) <= MAX_LABEL_PIECES
            and _LABEL.fullmatch("".join(self.parts).strip()) is not None
        )

    def _skipped_whole(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Page chrome, or the page's own table of contents: skipped with all it holds."""
        if tag in _VOID or tag in _OPTIONAL_END:
            return False
        return is_chrome(tag, attrs, self.scope) or (self.drop_contents and is_contents(tag, attrs))

    def _is_skipped(self, tag: str) -> bool:
        return tag in _ALWAYS_SKIP or (tag in _CHROME and self.scope == "body")

    def flush(self) -> None:
        closing_term, self.closing_term = self.closing_term, False
        self.line_has_text, self.waiting_pictures = False, []
        links, self.parts_anchor_links = self.parts_anchor_links, 0
        other, self.parts_other_text = self.parts_other_text, False
        if not self.parts:
            return
        raw = "".join(self.parts)
        self.parts = []
        if self.drop_contents and links >= MIN_CONTENTS_LINKS and not other:
            return  # lines of links to the page's own anchors: its contents (_LISTINGS)
        text, more = clean_lines(raw), []
        preformatted, self.parts_preformatted = self.parts_preformatted, False
        if preformatted and not self.pre_code and reads_as_prose(text):
            # each paragraph on its own: HAProxy's "... maintenance costs." and the next
            # paragraph, "HAProxy is not :", had been joined into one line
            width = max(len(line) for line in text.split("\n"))
            paragraphs = (unwrap_preformatted(p, width) for p in _BLANK_LINE.split(raw))
            text, *more = [p for p in paragraphs if p] or [""]
        if not text:
            return
        if closing_term and self.unit is not None:
            self._emit(text)  # a term in an option's description: a line, its definition under it
            return
        if closing_term:
            if self.definition_opened:
                self.flush_term()  # the terms before had a definition with no text
            self.terms.append(text)
            self.definition_opened = False
            return
        if self.terms and self.definition_opened:
            term = _joined_terms(self.terms)
            self.defined[self.dl_depth] = term.split()[0].rstrip(":")
            outer = self.defined.get(self.dl_depth - 1, "")
            if _OPTION_NAME.fullmatch(outer) and not _WORD.fullmatch(outer) and outer not in term:
                term = f"{term.rstrip(':')} ({outer}){':' if term.endswith(':') else ''}"
            text = f"{term}{'' if _ends_label(term) else ':'} {text}"
            self.terms = []
        self.flush_term()
        self._emit(text)
        for paragraph in more:
            self._emit(paragraph)

    def _end_cell(self) -> None:
        if self.cell is not None:
            text = clean_inline("".join(self.cell)) or " ".join(self.cell_pictures)
            self.cell_pictures = []
            rows_down, across = self.cell_span
            if self.span_copies_left <= 0:
                rows_down, across = 1, 1
            self.span_copies_left -= (across - 1) + across * (rows_down - 1)
            self._carry_down()
            row, i = self.tables[-1][-1], len(self.tables[-1]) - 1
            for n in range(across):
                # a header spanning columns names each of them (a group over its columns); a
                # data cell's text is said once, not once a column ("Note: ...", a subtotal)
                copy = text if n == 0 or self.cell_is_header else ""
                bold = bool(copy) and not self.cell_plain
                self._place(copy, self.cell_is_header, bold)
                if rows_down > 1:
                    self.carried[-1][len(row) - 1] = (
                        copy,
                        i + rows_down - 1,
                        self.cell_is_header,
                        bold,
                    )
                self._carry_down()
            self.cell = None

    def _place(self, text: str, header: bool, bold: bool) -> None:
        row = self.tables[-1][-1]
        at = (len(self.tables[-1]) - 1, len(row))
        if header:
            self.header_cells[-1].add(at)
        if bold:
            self.bold_cells[-1].add(at)
        row.append(text)

    def _carry_down(self) -> None:
        """Fill the open row's next columns with the cells above that span down into them."""
        row, i = self.tables[-1][-1], len(self.tables[-1]) - 1
        while (above := self.carried[-1].get(len(row))) is not None and above[1] >= i:
            self._place(above[0], above[2], above[3])

    def _end_row(self) -> None:
        self._end_cell()
        if self.tables[-1]:
            self._carry_down()  # cells spanning down into the row's last columns

    def flush_term(self) -> None:
        """Terms with no definition after them (before a heading, another term, the end)."""
        terms, self.terms = self.terms, []
        for term in terms:
            self._emit(term)

    def _emit(self, text: str) -> None:
        """A block under the current headings. A side note's label ("Note", "Warning": a
        DocBook admonition's table header, Sphinx's admonition title) leads the note's first
        paragraph in, "Note: ...", as in PDFs: alone it had been a block of one word (931 in
        the development corpora's HTML)."""
        if is_admonition(text):
            self.label = text.rstrip(": ")
            return
        if self.label and not text.startswith(f"{self.label}:"):  # a table row names it
            text = f"{self.label}: {text}"
        self.label = None
        marker, self.item_marker = self.item_marker, None
        if self.unit is not None:
            self.budget.add(self.unit.add(text, marker, self.lists.depth, self.dd_depth))
            return
        if marker and marker != "-" and not text.startswith(f"{marker} "):
            text = f"{marker} {text}"  # a numbered list's item: a step keeps its number
        if self.indent_label is not None:
            label, self.indent_label = self.indent_label, None
            text = f"{label}: {text}"  # a labelled indent's label opens its first block
        self.budget.add(text)
        self.blocks.append(Block(text=text, heading_path=tuple(t for _, t in self.headings)))

    def _label_indent(self) -> None:
        """An indented block opening: the paragraph just before it, if a label (see
        __init__), leaves the text and heads the block one level below the headings."""
        self.flush()
        at, headings = self.paragraph_block, tuple(t for _, t in self.headings)
        if at is None or at != len(self.blocks) - 1 or self.tables or self.terms:
            return
        block = self.blocks[at]
        if block.heading_path != headings or not _is_label(block.text):
            return
        del self.blocks[at]
        self.paragraph_block = None
        self.indent_label = block.text
        self.indents.append((self.div_depth, self.headings))
        level = min(6, self.headings[-1][0] + 1 if self.headings else 2)
        self.headings = [*(h for h in self.headings if h[0] < level), (level, block.text)]

    def _open_unit(self, lead: str, in_table: bool) -> None:
        self.unit = Unit(lead, in_table, self.dl_depth, self.lists.depth, self.dd_depth)

    def close_unit(self) -> None:
        """The open option's description is done: the option and it become one block."""
        if self.unit is None:
            return
        self.flush()
        self.flush_term()
        unit, self.unit = self.unit, None
        self.budget.add(unit.lead)
        headings = tuple(t for _, t in self.headings)
        self.blocks.append(Block(text=unit.text(), heading_path=headings))

    def _is_option_table_tag(self, tag: str, classes: set[str]) -> bool:
        """An option list's table starting, or a row or cell of the open one (not of a table
        in an option's description); one inside a description is read as a table."""
        if self.tables or self.code_table:
            return False
        if self.option_table:
            return tag in ("td", "th", "tr")
        return tag == "table" and self.unit is None and is_option_table(classes)

    def _option_table_tag(self, tag: str, classes: set[str]) -> None:
        """A tag of a docutils option list's table, outside its descriptions' own tables: an
        option's cell starts an option (its description runs to the next option, whichever
        row and cell it sits in); other cells and rows only end a paragraph."""
        if tag == "table":
            self.flush()
            self.flush_term()
            self.option_table = True
            return
        self._end_option_group()
        if tag in _CELLS and "option-group" in classes:
            self.close_unit()
            self.flush()
            self.flush_term()
            self.in_option_group = True
        else:
            self.flush()

    def _end_option_group(self) -> None:
        """The option's cell is done: its text leads the description that follows."""
        if not self.in_option_group:
            return
        self.in_option_group = False
        self.closing_term = True
        self.flush()
        lead, self.terms = ", ".join(self.terms), []
        if lead:
            self._open_unit(lead, in_table=True)

    def _definition_tag(self, tag: str, classes: set[str]) -> None:
        """Definition lists' starts: an option list written as one (docutils' HTML5 writer,
        Sphinx) opens a unit at each description, its option the terms before it."""
        self.dd_depth += tag == "dd"
        if tag == "dl":
            self.dl_depth += 1
            if self.unit is None and self.option_dl is None and is_option_dl(classes):
                self.option_dl = self.dl_depth if not self.tables else None
            return
        unit = self.unit
        if unit is not None and not unit.in_table and unit.depth == self.dl_depth:
            self.close_unit()  # the next option's term, or its description's end tag left out
        if tag == "dd" and self.unit is None and self.option_dl == self.dl_depth and self.terms:
            lead, self.terms = _joined_terms(self.terms), []
            self._open_unit(lead, in_table=False)

    def _definition_end(self, tag: str) -> None:
        unit = self.unit
        if tag == "dd":
            self.dd_depth = max(self.dd_depth - 1, 0)
        if tag == "dd" and unit is not None and not unit.in_table and unit.depth == self.dl_depth:
            self.close_unit()
        elif tag == "dl" and self.dl_depth:
            self.defined.pop(self.dl_depth, None)
            self.dl_depth -= 1
            self.dd_depth = min(self.dd_depth, self.dl_depth)  # a <dd> left open ends here
            if unit is not None and not unit.in_table and unit.depth > self.dl_depth:
                self.close_unit()
            if self.option_dl is not None and self.option_dl > self.dl_depth:
                self.option_dl = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.nav_tag is not None:
            self.nav_depth += tag == self.nav_tag
            return
        if self._skipped_whole(tag, attrs):
            self.nav_tag, self.nav_depth = tag, 1
            self.skipping += 1
            return
        if self._is_skipped(tag):
            self.skipping += 1
            self.open[tag] = self.open.get(tag, 0) + 1
            return
        if tag in ("main", "article", "title", "pre", "aside"):
            self.open[tag] = self.open.get(tag, 0) + 1
        if tag == "aside":
            self.asides.append(is_sidebar(tag, attrs))
            self.sidebars += self.asides[-1]
        if tag == "pre":
            self.pre_code = False
        elif tag == "code" and self.open.get("pre", 0):
            self.pre_code = True
        elif tag in ("b", "strong"):
            self.bold += 1  # counted in skipped text too, as handle_endtag counts its end
        if self.skipping:
            return
        if self.term_open and tag in ("dd", "dt") and self.cell is None:
            # a term whose end tag is left out (LinuxDoc's "<DT><B>auth_schemes</B><DD><P>
            # New access control ...", Squid's release notes) ends where its definition or
            # the next term starts: read apart, every term had been a block of its own
            self.closing_term = True
            self.flush()
        self.term_open = tag == "dt" or (self.term_open and tag not in _BLOCKS)
        self.definition_opened |= tag == "dd"
        classes = classes_of(dict(attrs))
        note_opened, self.note_opened = self.note_opened, tag == "div" and bool(classes & _NOTES)
        if tag == "details" and self.cell is None:
            self.details.append(len(self.headings))
        if tag == "div":
            self.div_depth += 1
            if _INDENT_CLASS in classes and self.cell is None and self.unit is None:
                self._label_indent()
        if tag in _HEADINGS and note_opened:
            # collected as a heading's text (any level will do), read as the note's label
            self.heading_level, self.heading_text, self.note_label = 6, [], True
        elif tag in _HEADINGS or (tag == "summary" and self.details and self.cell is None):
            self.flush()
            self.flush_term()
            self.close_unit()
            level = _HEADINGS.get(tag) or min(6, self.headings[-1][0] + 1 if self.headings else 2)
            self.heading_level, self.heading_text = level, []
            self.heading_own_text = False
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.in_external_link = _EXTERNAL.match(href) is not None
            self.in_permalink = is_permalink(tag, attrs)
            # a permalink links its own text to itself (mandoc's "<dt><a class="permalink"
            # href="#f"><b>-f</b>, <b>--force</b></a>"): no entry of a table of contents,
            # as which logrotate(8)'s options of two pieces or more had been dropped
            self.in_anchor_link = href.startswith("#") and len(href) > 1 and not self.in_permalink
            self.in_link = bool(href)
        elif tag == "abbr":
            self.abbreviations.append(" ".join((dict(attrs).get("title") or "").split()))
        elif tag == "table" and not self.tables and "highlighttable" in classes:
            self.code_table += 1  # Pygments' line numbers beside the code: no table to read
        elif self._is_option_table_tag(tag, classes):
            self._option_table_tag(tag, classes)
        elif tag == "table" and not self.code_table:
            self._end_cell()
            self.flush()
            self.tables.append([])
            self.header_cells.append(set())
            self.bold_cells.append(set())
            self.carried.append({})
        elif self.tables and tag == "tr":
            self._end_row()
            self.tables[-1].append([])
        elif self.tables and tag in _CELLS:
            self._end_cell()
            if not self.tables[-1]:
                self.tables[-1].append([])  # a cell with no <tr> before it
            self.cell, self.cell_is_header, self.cell_plain = [], tag == "th", False
            self.cell_span = (
                _span(attrs, "rowspan", MAX_ROWSPAN),
                _span(attrs, "colspan", MAX_COLSPAN),
            )
        elif self.cell is not None and (tag in _BLOCKS or tag == "br"):
            self.cell.append(" ")  # a paragraph inside a cell is part of the cell
        elif self.cell is not None and (label := _icon_label(tag, attrs)):
            self.cell.append(label)  # an admonition's icon beside its note (table_text)
        elif self.cell is not None and tag == "img" and self._below_header_row():
            # a picture in a data table's cell says what the cell holds: HAProxy's keyword
            # matrix marks "X" with a check-mark image, and without its alt text every row
            # read empty. It is read only in a cell with no text of its own ("yes<br><img
            # alt='yes'>", _end_cell); elsewhere a picture decorates (DocBook's "[Note]").
            if alt := (dict(attrs).get("alt") or "").strip():
                self.cell_pictures.append(alt)
                self.cell_plain = self.cell_plain or not self.bold
        elif tag == "img" and self.cell is None and not self.heading_level:
            self._add_picture(dict(attrs).get("alt"))
        elif tag in _BLOCKS and self._footnote_label():
            self.parts.append(" ")  # "[1]" and its footnote's paragraph are one line
        elif tag in _BLOCKS:
            self.flush()
        elif tag in _CELLS and self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append(" | ")  # a cell outside any table
        elif tag == "br":
            (self.heading_text if self.heading_level else self.parts).append("\n")
            self.line_has_text, self.waiting_pictures = False, []
        elif tag == "sup":
            self.superscript = True
        if tag in ("dl", "dt", "dd"):
            self._definition_tag(tag, classes)
        elif tag in ("ol", "ul"):
            self.lists.start_list(tag, dict(attrs))
        elif tag == "li" and self.cell is None:
            marker = self.lists.item(dict(attrs))
            # an item opening with a bulleted list keeps its own number (OpenVPN's step 6,
            # "Start the server.", is a definition whose text is in a list)
            if not (self.item_marker and marker == "-"):
                self.item_marker = marker
        aside = self.sidebars > 0
        if tag in _LISTINGS and (self.drop_contents or aside) and self._in_scope():
            # after the branches above: the text before the list is a block of its own
            if self.listing is None:
                self.listing = _Listing(tag, len(self.blocks), len(self.terms), in_aside=aside)
            elif tag == self.listing.tag:
                self.listing.depth += 1

    def handle_endtag(self, tag: str) -> None:
        self.superscript = self.superscript and tag != "sup"
        self.in_external_link = self.in_external_link and tag != "a"
        self.in_anchor_link = self.in_anchor_link and tag != "a"
        self.in_link = self.in_link and tag != "a"
        self.in_permalink = self.in_permalink and tag != "a"
        if self.nav_tag is not None:
            if tag == self.nav_tag:
                self.nav_depth -= 1
                if self.nav_depth == 0:
                    self.nav_tag = None
                    self.skipping -= 1
            return
        if tag in ("b", "strong") and self.bold:
            self.bold -= 1
        if tag in self.open and self.open[tag] > 0:
            self.open[tag] -= 1
            if tag == "aside" and self.asides:
                self.sidebars -= self.asides.pop()
            if self._is_skipped(tag):
                self.skipping -= 1
                return
        if self.skipping:
            return
        if tag == "abbr" and self.abbreviations:
            title = self.abbreviations.pop()
            if title and title not in self.expanded:
                self.expanded.add(title)
                self.handle_data(f" ({title})")
        if tag == "div":
            if self.indents and self.indents[-1][0] == self.div_depth:
                self.flush()
                self.headings = self.indents.pop()[1]
                self.indent_label = None
            self.div_depth = max(self.div_depth - 1, 0)
        if tag == "details" and self.details and self.cell is None:
            self.flush()
            self.headings = self.headings[: self.details.pop()]
        elif (tag in _HEADINGS or tag == "summary") and self.heading_level:
            text = clean_inline("".join(self.heading_text))
            level, self.heading_level = self.heading_level, 0
            note_label, self.note_label = self.note_label, False
            if note_label or is_admonition(text):
                # a side note's label, not a section: as one, "Note" had headed the
                # numbered sections after it ("12. ... > Note > 12.2.1. ...")
                if text and self._in_scope():
                    self.label = text.rstrip(": ")  # leads the note's first paragraph in
            elif text and self._in_scope() and (level > 1 or self.heading_own_text):
                if level == 1 and self.first_h1 is None:
                    self.first_h1 = text
                self.headings = [(lv, t) for lv, t in self.headings if lv < level]
                self.headings.append((level, text))
        elif tag == "table" and self.code_table:
            self.code_table -= 1
        elif tag == "table" and self.option_table and not self.tables:
            self._end_option_group()
            self.close_unit()
            self.option_table = False
        elif tag in _CELLS and self.option_table and not self.tables:
            if self.in_option_group:
                self._end_option_group()
            else:
                self.flush()
        elif tag == "table" and self.tables:
            self._end_row()
            self.flush()  # a caption
            rows, headers = self.tables.pop(), self.header_cells.pop()
            bold = self.bold_cells.pop()
            self.carried.pop()
            rows = group_header_joined(rows, headers)
            for line in table_text(rows, headers, bold):
                self._emit(line)
        elif self.tables and tag in _CELLS:
            self._end_cell()
        elif self.tables and tag == "tr":
            self._end_row()
        elif tag in _BLOCKS and self.cell is None:
            self.closing_term = tag == "dt"
            self.term_open = self.term_open and tag != "dt"
            blocks = len(self.blocks)
            self.flush()
            if tag == "p" and len(self.blocks) > blocks:
                self.paragraph_block = len(self.blocks) - 1
        if tag in ("dd", "dl"):
            self._definition_end(tag)
        elif tag in ("ol", "ul"):
            self.lists.end_list()
        if tag in ("li", "ol", "ul"):
            self.item_marker = None  # an item with no text of its own
        if self.listing is not None and tag == self.listing.tag:
            self.listing.depth -= 1
            if self.listing.depth == 0:
                self._end_listing()

    def _end_listing(self) -> None:
        """Takes back the blocks of a list made only of links to the page's own anchors: an
        unmarked table of contents (see _LISTINGS)."""
        listing, self.listing = self.listing, None
        self.flush()
        least = 1 if listing and listing.in_aside else MIN_CONTENTS_LINKS
        if listing and listing.anchor_links >= least and not listing.other_text:
            del self.blocks[listing.first_block :]
            del self.terms[listing.terms_before :]

    def handle_data(self, data: str) -> None:
        if self.open.get("title", 0) > 0:
            self.title_parts.append(data)
            return
        if self.skipping or not self._in_scope() or (self.in_permalink and permalink_mark(data)):
            return
        if self.listing is not None and data.strip():
            if self.in_anchor_link or (self.listing.in_aside and self.in_link):
                self.listing.anchor_links += 1
            else:
                self.listing.other_text = True
        target = (
            self.heading_text
            if self.heading_level
            else self.cell
            if self.cell is not None
            else self.parts
        )
        if target is self.heading_text and data.strip() and not self.in_external_link:
            self.heading_own_text = True
        if target is self.cell and data.strip() and not self.bold:
            self.cell_plain = True
        if self.superscript:
            self.superscript = False
            if _is_exponent(target, data):
                data = f"^{data}"
        if target is self.parts and self.open.get("pre", 0):
            self.parts_preformatted = True
        elif target is self.parts:
            # a line break in the markup is a space on the page (the source's hard wrap);
            # only <br> (handle_starttag) and <pre> break a line
            data = data.replace("\r", " ").replace("\n", " ")
            if data.strip():
                self.line_has_text = True
                if self.in_anchor_link:
                    self.parts_anchor_links += 1
                else:
                    self.parts_other_text = True
                if self.waiting_pictures:
                    self.parts.append(" ".join(self.waiting_pictures) + " ")
                    self.waiting_pictures = []
        target.append(data)

    def _add_picture(self, alt: str | None) -> None:
        """A picture in running text: its name where text shares its line (see __init__).
        Never in a <pre>: DocBook's callout marks ("1", "2") would enter the code."""
        name = _picture_name(alt or "")
        if not name or self.open.get("pre", 0) or not self._in_scope():
            return
        if self.line_has_text:
            self.parts.append(name)
        else:
            self.waiting_pictures.append(name)


def extract(text: str, scope: str, limits: LoaderLimits, drop_contents: bool = True) -> _Extractor:
    extractor = _Extractor(scope, TextBudget(limits), drop_contents)
    extractor.feed(text)
    extractor.close()
    while extractor.tables:  # tables never closed: their rows still count
        extractor.handle_endtag("table")
    extractor.close_unit()
    extractor.flush()
    extractor.flush_term()
    return extractor


_INDENT_CLASS = "bd-indent"  # mandoc's indented block (".RS", ".Bd -offset indent")
MAX_LABEL_CHARS = 100
MAX_LABEL_WORDS = 12


def _is_label(text: str) -> bool:
    """A short one-line paragraph that is no sentence or lead-in ("allow trusted domains
    (G)", "-f, --file filename"), unlike nft(8)'s example captions ("Using symbolic
    variables.") and lead-ins ("If leases are used:"), which stay text."""
    return (
        "\n" not in text
        and len(text) <= MAX_LABEL_CHARS
        and len(text.split()) <= MAX_LABEL_WORDS
        and not text.endswith((".", ":", ";", ",", "?", "!"))
    )


def _picture_name(alt: str) -> str | None:
    """A short alt text that names what a reader sees ("Save button", "Run"), else None: not
    a decoration's label (DocBook's admonition icons "[Note]", "Tip"; LaTeX2HTML's "[*]"),
    a file name, or a figure's long description."""
    name = " ".join(alt.split())
    if (
        not any(c.isalpha() for c in name)
        or len(name.split()) > MAX_PICTURE_NAME_WORDS
        or (name.startswith("[") and name.endswith("]"))
        or is_admonition(name)
        or _FILE_NAME.fullmatch(name)
    ):
        return None
    return name


# An option's name ("SocksPort", "refclock", "bindkey"), not a word of a heading ("If",
# "State"), as an outer definition list's term gives it to the terms of a list inside
_OPTION_NAME = re.compile(r"[A-Za-z_][\w.-]*")
_WORD = re.compile(r"[A-Z]?[a-z]+")


def _joined_terms(terms: list[str]) -> str:
    """Terms in a row that share one definition ("%d, %/"): the colons of all but the last
    dropped, the last's kept for _ends_label."""
    return ", ".join([*(t.rstrip(":") for t in terms[:-1]), terms[-1]])


def _ends_label(term: str) -> bool:
    """A definition's term that needs no colon after it: one ending in a colon, or a sentence
    ("Start the server.", an FAQ's question); not a symbol ("?", zsh's "%!") nor an ellipsis
    ("zfput file1 ...")."""
    return term.endswith(":") or _SENTENCE_END.search(term) is not None


def _span(attrs: list[tuple[str, str | None]], name: str, most: int) -> int:
    """A cell's rowspan or colspan: 1 unless a number from 1 to `most` (a hostile page's
    colspan="100000" must not make 100,000 copies of a cell)."""
    value = (dict(attrs).get(name) or "").strip()
    return min(int(value), most) if value.isdigit() and int(value) > 0 else 1


_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.?!]$")  # a word's letters, then its stop
_EXPONENT_STARTS = frozenset("0123456789-−")


def _icon_label(tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
    """An admonition's label drawn as an icon: a font icon's title (asciidoctor's
    <i class="fa icon-tip" title="Tip">) or a picture's alt text."""
    values = dict(attrs)
    text = (
        values.get("title") if tag in ("i", "span") else values.get("alt") if tag == "img" else ""
    )
    return text.strip() if text and is_admonition(text.strip()) else None


def _is_exponent(before: list[str], sup: str) -> bool:
    """Superscript digits right after a digit: a power ("2<sup>31</sup>-1"), not a footnote
    mark after a word nor an ordinal's "th"."""
    return bool(before) and before[-1][-1:].isdigit() and sup[:1] in _EXPONENT_STARTS


def load(path: Path, limits: LoaderLimits, password: str | None = None) -> Document:
    text, encoding = decode_html(path.read_bytes())
    scope = "main" if _MAIN.search(text) else "article" if _ARTICLE.search(text) else "body"
    extractor = extract(text, scope, limits)
    if scope != "body" and not extractor.blocks:  # "<main" was in a script or a comment
        scope = "body"
        extractor = extract(text, scope, limits)
    if not extractor.blocks:
        # a page that is only a table of contents (a manual's front page) still says what
        # it lists: an empty document would be an error
        extractor = extract(text, scope, limits, drop_contents=False)
    title = clean_inline("".join(extractor.title_parts)) or extractor.first_h1 or path.stem
    return Document(
        source=str(path),
        title=title,
        doc_type="html",
        blocks=extractor.blocks,
        metadata={"encoding": encoding},
    )
