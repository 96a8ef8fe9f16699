"""Plain text: UTF-8, UTF-16/32 with a BOM, otherwise Windows-1252 or, failing that,
Latin-1, which decodes any byte.

Paragraphs are separated by blank lines; underlined or heading-like standalone lines become
the heading path (see `structure`). No pages.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import TYPE_CHECKING

from pocketrag.documents import Block, Document, LoaderError
from pocketrag.loaders._common import (
    DATE_LINE,
    NUMBERED_HEADING,
    SENTENCE_END,
    TextBudget,
    calls_code,
    clean_lines,
    heading_level,
)
from pocketrag.loaders.aligned_tables import aligned_table
from pocketrag.loaders.grid_tables import split_grid_tables
from pocketrag.loaders.ini import (
    BANNER_LEVEL,
    SECTION_LEVEL,
    SETTING_LEVEL,
    comment_banner,
    commented_title,
    configuration_file,
    described_setting,
    documented_directive,
    group_label,
    hash_banner,
    labels_hanging_text,
    section_line,
)
from pocketrag.loaders.mail import (
    MAX_SIGNATURE_PARAGRAPHS,
    closes_message,
    mail_subject,
    opens_with_sign_off,
    reads_as_signature,
    signed_by_name,
    signs_off,
)
from pocketrag.loaders.printed_text import (
    nroff_words_joined,
    without_overstrikes,
    without_page_headers,
    without_running_lines,
)
from pocketrag.loaders.rst import looks_like_rst, parse_rst
from pocketrag.loaders.text_headings import (
    QUESTION,
    answered_questions,
    heading_numberings,
    leading_heading,
    question_end,
    release_line,
    release_notes_apart,
    text_wrap_width,
    without_contents,
)
from pocketrag.loaders.text_titles import MAX_TITLE_CHARS, opening_line, title_line
from pocketrag.loaders.wrapping import (
    ITEM_START,
    MAIL_HEADER,
    RULE,
    RULE_CHARACTERS,
    box_row,
    unboxed,
    unmarked,
    unwrap,
)

if TYPE_CHECKING:
    from pocketrag.settings_views import LoaderLimits

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes([*range(0, 8), 11, *range(14, 27), *range(28, 32), 127])  # not \t\n\f\r ESC
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# A Debian changelog's or NEWS.Debian's sign-off (" -- Name <address>  date") ends its entry
# even with no blank line before the next entry's line (ghostscript's NEWS.Debian: the last
# entry had sat under the one before it)
_SIGN_OFF = re.compile(r"^( -- .+<[^<>\s]+@[^<>\s]+>.*)\n(?=\S)", re.MULTILINE)
_UNDERLINE = re.compile(r"^(=+|-+|~+|\^+)$")  # as reStructuredText, with "~" and "^" too


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Never raises: every byte reads as some character."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return utf8_with_stray_bytes(data), "utf-8 with windows-1252"


def _stray_bytes(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    stray = error.object[error.start : error.end]
    # Windows-1252: Latin-1 plus “smart quotes” and €; its five unassigned bytes as Latin-1
    return "".join(_CP1252.get(b, chr(b)) for b in stray), error.end


_CP1252 = {b: c for b in range(128, 256) if (c := bytes([b]).decode("cp1252", "ignore"))}
codecs.register_error("pocketrag-stray-bytes", _stray_bytes)


def utf8_with_stray_bytes(data: bytes) -> str:
    """UTF-8 where the bytes are UTF-8, each other byte read as Windows-1252. A file saved
    as Windows-1252 reads as it did, since none of its bytes is UTF-8 then; a UTF-8 file
    with a few such bytes pasted in (a no-break space from a Windows editor in a page that
    says it is UTF-8) keeps its UTF-8 text instead of being read whole in a guessed code
    page, which had turned each no-break space into a letter that glued two words."""
    return data.decode("utf-8", errors="pocketrag-stray-bytes")


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside UTF-16/32, or more than 10% control characters (random bytes have
    ~11%; text has tabs and line breaks, which do not count), mean this is not text."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > 0.1 * len(sample)


_ALIGNED = re.compile(r"\S(?: {3,}|\t)\S")  # cells set in columns with spaces or tabs


def split_paragraphs(text: str) -> list[tuple[str, bool]]:
    """(paragraph, set in columns) per blank-line-separated paragraph. Columns are seen
    before clean_lines collapses the spaces that align them; such lines are rows, never
    wrapped prose (see unwrap). A line alone is no rows ("3.14.12 -- 29 March 2014
    (Maintenance Release)" spaced out is a release's heading)."""
    text = _SIGN_OFF.sub(r"\1\n\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = release_notes_apart(text)
    # an INI file's comment paragraph describes the setting under it whole (described_setting)
    stripped = [line.strip() for line in text.split("\n") if line.strip()]
    whole = configuration_file(stripped)
    out = []
    for part in _PARAGRAPH_BREAK.split(text):
        for piece, is_table in split_grid_tables(part):
            if is_table:
                out.append((piece, True))  # its rows, one per line
            elif rows := aligned_table(piece):
                out.append(("\n".join(rows), True))  # a table aligned with spaces
            else:
                subs = [piece] if whole else _comment_paragraphs(piece)
                for sub in (s for c in subs for s in _hanging_terms(c)):
                    if cleaned := clean_lines(sub):
                        out.append((cleaned, "\n" in cleaned and _in_columns(sub)))
    return out


# a comment line with nothing in it: how a configuration's comment block parts paragraphs
_BARE_COMMENT_LINE = re.compile(r"^[ \t]*[#;][ \t]*$", re.MULTILINE)


def _comment_paragraphs(piece: str) -> list[str]:
    """A comment block with lines set in columns, split at its bare "#" lines into the
    paragraphs its writer meant: redis.conf's examples aligned with their comments ("# bind
    127.0.0.1 ::1      # listens on loopback") had kept the whole block, prose too, line
    for line, its sentences cut at every line end. Other paragraphs stay whole."""
    if not _BARE_COMMENT_LINE.search(piece) or not _in_columns(piece):
        return [piece]
    return [sub for sub in _BARE_COMMENT_LINE.split(piece) if sub.strip()]


# a term: a word or two ("FixStaleSocket", "blinkoff{N}", "-d TYPE"), ending as a name
# does, not as a lead-in ("Unix: >") or a wrapped clause ("(SH) from")
_TERM = re.compile(r"^[\w{<-][^\s:]*(?: [^\s:]+)?(?<=[\w)}>])$")
_MARKED = re.compile(r"^\s*[#>/;]")  # a comment's or a quote's line, which describes no term
MIN_TERMS = 2


def _hanging_terms(piece: str) -> list[str]:
    """A paragraph that lists terms, each a short line with its description indented deeper
    under it ("FixStaleSocket" / "  This removes a socket file ..."), split before each term,
    and each term opening its description ("FixStaleSocket: This removes ..."), so that
    unwrapping stops at the term instead of running it into the description before
    (clamav's README.Debian: "... easier restarting LogFileMaxSize Setting this to 0 ...").
    At least MIN_TERMS terms at the deepest indent any are at, every line after the first
    term deeper than them; the lines before it (a heading, a lead-in) are a paragraph of
    their own. Other paragraphs stay whole."""
    lines = piece.split("\n")
    indents = [len(line) - len(line.lstrip()) for line in lines]
    terms = [
        i
        for i in range(len(lines) - 1)
        if _TERM.match(lines[i].strip())
        and not ITEM_START.match(lines[i].strip())
        and indents[i + 1] > indents[i]
        and not _MARKED.match(lines[i + 1])
    ]
    margin = max((indents[i] for i in terms), default=0)
    terms = [i for i in terms if indents[i] == margin]
    if len(terms) < MIN_TERMS:
        return [piece]
    heads = set(terms)  # (a set: a hostile paragraph may hold many thousands of terms)
    if any(indents[i] <= margin for i in range(terms[0], len(lines)) if i not in heads):
        return [piece]
    pieces = ["\n".join(lines[: terms[0]])] if terms[0] else []
    for term, end in zip(terms, [*terms[1:], len(lines)], strict=True):
        first = lines[term + 1]  # the term opens its description, as a <dt> does in HTML
        opened = f"{first[: indents[term + 1]]}{lines[term].strip()}: {first.lstrip()}"
        pieces.append("\n".join([opened, *lines[term + 2 : end]]))
    return pieces


def _in_columns(part: str) -> bool:
    """Whether a line of the paragraph sets text in columns. The indent after a comment's
    or a quote's marks is no column ("# WARNING: ... Please review and" / "#          customize
    settings": fail2ban's jail.conf), nor is the gap after an option's label whose text
    wraps in a hanging indent under it (labels_hanging_text)."""
    lines = part.split("\n")
    return any(
        _ALIGNED.search(unmarked(line.strip()))
        for line, below in zip(lines, [*lines[1:], ""], strict=True)
        if not documented_directive(line)  # "#  TAG: cache_mem\t(bytes)" is a heading
        and not labels_hanging_text(line, below)
    )


def structure(paragraphs: list[tuple[str, bool]]) -> list[Block]:
    """Headings a plain-text author would write: a line underlined with === or ---, a line
    boxed between two rules ("-----" / "1. WHAT YOU GET" / "-----"), or a short standalone
    line that reads like a heading ("3. SICK PAY", "Personal use"). Hard-wrapped lines are
    joined back into their sentences (see unwrap)."""
    paragraphs = without_contents(paragraphs)
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    bare = 0  # how many of the innermost headings have no text under them yet
    signature = 0  # how many more short paragraphs after an e-mail's sign-off are its own
    all_lines = [line for paragraph, _ in paragraphs for line in paragraph.split("\n")]
    ini = configuration_file(all_lines)
    faq = answered_questions(all_lines)  # "Q:" / "A:"
    mail = bool(paragraphs) and MAIL_HEADER.match(paragraphs[0][0]) is not None  # an e-mail
    styles: dict[str, int] = {}  # each heading style's level, in the order met (_pieces)
    wrap_width = text_wrap_width(paragraphs)
    alike = heading_numberings(paragraphs, wrap_width)
    for n, (paragraph, in_columns) in enumerate(paragraphs):
        # a sign-off ("Thanks," / "Declan", "Thank you - Lorraine and Colin", an e-mail's
        # "Rhys" over "Rhys Tregarthen") and the signature under it read like short
        # headings, but head nothing
        following = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else ""
        sign_off = opens_with_sign_off(paragraph) or (mail and signed_by_name(paragraph, following))
        if sign_off or (signature and reads_as_signature(paragraph.split("\n"))):
            kept = "\n".join(line for line in paragraph.split("\n") if not RULE.match(line))
            blocks.append(Block(text=kept, heading_path=tuple(t for _, t in headings)))
            signature = MAX_SIGNATURE_PARAGRAPHS if sign_off else signature - 1
            bare = 0
            continue
        closes = signs_off(paragraph) or (mail and closes_message(paragraph))
        signature = MAX_SIGNATURE_PARAGRAPHS if closes else 0
        lines = paragraph.split("\n")
        if ini and headings and headings[-1][0] == SETTING_LEVEL and not bare:
            headings.pop()  # the setting's description ended with its paragraph
        pieces = _pieces(lines, styles, not blocks, in_columns, ini, alike, wrap_width, faq)
        for kind, text, level in pieces:
            body = text if in_columns or kind == "heading" else unwrap(text)
            if kind == "text" and not in_columns and _whole_line(text, body, not blocks):
                level = 1 if release_line(body) else heading_level(body)
                kind, text = ("heading", body) if level else (kind, text)
            if kind == "heading":
                if headings and release_line(headings[0][1]) and not release_line(text):
                    level = max(level, 2)  # "BUG FIXES" under "3.14.14 -- 31 May 2016"
                kept = [(lv, t) for lv, t in headings if lv < level]
                # a heading replaced before any text came under it is text itself, or it
                # would be lost: Vim's help tag lines ("CTRL-W z  *CTRL-W_z*" above "CTRL-W
                # CTRL-Z ..."), a numbered line read as a heading, "END OF TERMS AND ..."
                blocks += _as_text(headings, max(len(kept), len(headings) - bare))
                bare = max(0, bare - (len(headings) - len(kept))) + 1
                headings = [*kept, (level, text)]
                continue
            if bare and _CHANGELOG_TRAILER.match(body) and not release_line(headings[-1][1]):
                # a name over a changelog entry's sign-off line is its author's, no heading
                # (OpenVPN's NEWS.Debian: "Florian Kulzer" / " -- Alberto Gonzalez ...")
                blocks += _as_text(headings, len(headings) - 1)
                headings, bare = headings[:-1], bare - 1
            blocks.append(Block(text=body, heading_path=tuple(t for _, t in headings)))
            bare = 0
    if blocks:  # headings at the very end (the title alone is the document's title)
        blocks += _as_text(headings, len(headings) - bare)
    return blocks


# the line that closes a Debian changelog or NEWS entry: " -- Name <address>  date"
_CHANGELOG_TRAILER = re.compile(r"^-- [^<>\n]{1,80} <[^<>\s]+@[^<>\s]+>")


def _whole_line(text: str, line: str, first: bool) -> bool:
    """Whether `text` (unwrapped to `line`) stands alone as one line that may be a heading:
    written so, or a numbered title wrapped onto a second line ("2.4. Must I specify
    servers ... on chronyd" / "start?"); an unnumbered pair of lines is a name and address,
    a role and its place. Never the text's `first` line, its title, unless a release's
    (release notes: "chrony (4.1~pre1-1) experimental; urgency=medium"). Never a field of
    a message's header ("From: Rhys Tanfield, Aquatics Manager")."""
    if "\n" in line or (first and not release_line(line)) or MAIL_HEADER.match(line):
        return False
    return line == text or NUMBERED_HEADING.match(line) is not None


def _as_text(headings: list[tuple[int, str]], start: int) -> list[Block]:
    """The headings from `start` on, each a block of its own under the ones before it."""
    return [
        Block(text=text, heading_path=tuple(t for _, t in headings[:i]))
        for i, (_, text) in enumerate(headings)
        if i >= start
    ]


def _pieces(
    lines: list[str],
    styles: dict[str, int],
    first: bool = False,
    in_columns: bool = False,
    ini: bool = False,
    alike: frozenset[tuple[int, bool]] = frozenset(),
    wrap_width: int = 0,
    faq: bool = False,
) -> list[tuple[str, str, int]]:
    """A paragraph's lines as ("heading", text, level) and ("text", lines, 0) pieces; rule lines
    only separate. `styles` holds the levels of the heading styles met so far (see
    _style_level), and this adds to it. Outside the first paragraph (the title's), a short
    heading-like line directly above body text leads it ("Passwords and sign-in" / "Passwords
    must ..."); a release's line leads its notes in the first paragraph too. In a paragraph set
    in columns an underlined line is the header of the rows under it (a command's output: "MS
    Name/IP address  Stratum Poll ..." / "====="). In an INI-style configuration file (`ini`)
    each "[section]" line heads the settings under it. `alike`: the numberings whose lines lead
    their text as headings elsewhere in the text (heading_numberings); `wrap_width`: the width
    the text was wrapped at (text_wrap_width). In an FAQ of "Q:" and "A:" (`faq`), a
    paragraph's "Q:" question, wrapped or not, heads the answer under it."""
    out: list[tuple[str, str, int]] = []
    text: list[str] = []

    def flush() -> None:
        if text:
            out.append(("text", "\n".join(text), 0))
            text.clear()

    width = max(wrap_width, *(len(line) for line in lines))
    i = 0
    while i < len(lines):
        line, after = lines[i], lines[i + 1] if i + 1 < len(lines) else ""
        boxed = RULE.match(line) and after and i + 2 < len(lines) and RULE.match(lines[i + 2])
        if boxed and not RULE.match(after) and len(after) <= 120:
            flush()
            # "# Compatibility notes on 2.x vs 1.x #", "### BACKUP POINTS / SCRIPTS ###"
            title = box_row(after) or hash_banner(after) or after
            out.append(("heading", title, heading_level(title) or _style_level(styles, _BOXED)))
            i += 3
        elif _dated_box(lines[i : i + 4]):
            flush()
            # a title over its date between two rules: each release's in Samba's WHATSNEW
            # ("Release Notes for Samba 4.17.11" / "September 07, 2023"), whose notes had
            # sat under the previous release's last heading. The two are its first text too:
            # an answer quotes text, never a heading, and the date alone says nothing
            out.append(("heading", after, _style_level(styles, _BOXED)))
            text.append(f"{after}, {lines[i + 2]}")
            i += 4
        elif (
            (not text or (i == 1 and _title_lines(text[0], line)))
            and not in_columns
            and _UNDERLINE.match(after)
            and not RULE.match(line)
            and not calls_code(line)  # code over a separator ("currentpen=red;" / "---")
            and len(line) <= 120
        ):
            title = " ".join([*text, line])  # a title of two lines over one underline
            text.clear()
            out.append(("heading", title, _style_level(styles, after[0])))
            i += 2
        elif banner := hash_banner(line):
            flush()
            out.append(("heading", banner, _style_level(styles, _HASH_BANNER)))
            i += 1
        elif not in_columns and (titled := commented_title(line, after)):
            flush()
            title, style = titled
            out.append(("heading", title, _style_level(styles, style)))
            i += 2
        elif name := documented_directive(line):
            flush()
            out.append(("heading", name, _style_level(styles, _DIRECTIVE)))
            i += 1
        elif faq and i == 0 and QUESTION.match(line):
            end = question_end(lines)
            out.append(("heading", unwrap("\n".join(lines[:end])), _style_level(styles, _QUESTION)))
            i = end
        elif ini and section_line(line):
            flush()
            out.append(("heading", line, SECTION_LEVEL))
            i += 1
        elif ini and (banner := comment_banner(lines[i : i + 3])):
            flush()
            out.append(("heading", banner, BANNER_LEVEL))
            i += 3
        elif ini and i == 0 and (label := group_label(lines)):
            out.append(("heading", label, BANNER_LEVEL))
            i += 1
        elif ini and i == 0 and (name := described_setting(lines)):
            out.append(("heading", name, SETTING_LEVEL))
            text.append(line)
            i += 1
        elif RULE.match(line):
            if not (in_columns and len(text) == 1):  # the rows' header it underlines stays
                flush()
            i += 1
        elif (
            (not first or release_line(line))  # a changelog opens with its latest release
            and not text
            and (level := leading_heading(line, after, width, alike))
        ):
            out.append(("heading", line, level))
            i += 1
        else:
            text.append(line)
            i += 1
    flush()
    return out


_BOXED = "boxed"  # the style of a heading boxed between two rules
_HASH_BANNER = "hash banner"  # a title between runs of "#" on its line (ini.hash_banner)
_DIRECTIVE = "directive"  # a documented configuration's "#  TAG: name" lines
_QUESTION = "question"  # an FAQ's "Q:" lines
# a file's first heading style has its usual level: "===" underlines parts, "---" sections
_FIRST_STYLE_LEVEL = {_BOXED: 1, "=": 1, "-": 2}


def _style_level(styles: dict[str, int], style: str) -> int:
    """The level of a heading in `style`, given the `styles` met before it (added to here).
    As in reStructuredText, a style first met after others is one level under them:
    OpenVPN's management notes underline their commands with "---" and a few subsections
    with "===", which had taken every command after them as theirs. A box is the loudest
    style: met after underlines, it ranks with the first of them (OpenVPN's README.Debian
    boxes one part among underlined ones, and the box had swallowed all the parts after
    it); met first, it ranks over them (its GUI notes box parts holding underlined
    commands)."""
    if style not in styles:
        if style == _BOXED and styles:
            return next(iter(styles.values()))
        styles[style] = max(styles.values()) + 1 if styles else _FIRST_STYLE_LEVEL.get(style, 1)
    return styles[style]


def _dated_box(lines: list[str]) -> bool:
    """Whether the lines are a rule, a title, a date and the rule under them; the title no
    sentence nor marked with a rule's characters. Two other lines between rules are no
    title: a notice's contact lines ("ICT Service Desk: 01632 960 300" / "Information
    Security Officer: ..."), Samba's sign-off ("== Our Code, Our Bugs, ...")."""
    if len(lines) < 4 or not (RULE.match(lines[0]) and RULE.match(lines[3])):
        return False
    title, date = lines[1], lines[2]
    return (
        DATE_LINE.match(date) is not None
        and len(title) <= MAX_TITLE_CHARS
        and title[:1] not in RULE_CHARACTERS
        and not title.endswith(SENTENCE_END)
    )


def _title_lines(first: str, second: str) -> bool:
    """Whether two lines over an underline are one title ("COMMAND -- pk-sig (...)" /
    "COMMAND -- rsa-sig (...)"): neither ends a sentence, nor does the second carry on a
    sentence of the first (a lower-case start), so no paragraph's last lines over a rule."""
    ends = (*SENTENCE_END, ",", ":")
    return (
        len(first) <= MAX_TITLE_CHARS
        and not first.endswith(ends)
        and not second.endswith(ends)
        and not second[:1].islower()
    )


def _rst(text: str) -> tuple[list[Block], str | None] | None:
    """The text parsed as reStructuredText, or None when docutils cannot (then it is read
    as plain text: nothing is lost)."""
    try:
        blocks, title = parse_rst(text)
    except Exception:  # any parser failure on untrusted text: read it plainly
        return None
    return (blocks, title) if blocks else None


def load(path: Path, limits: LoaderLimits, password: str | None = None) -> Document:
    data = path.read_bytes()
    if looks_binary(data):
        raise LoaderError("this looks like a binary file, not text (it contains NUL bytes)")
    text, encoding = decode_text(data)
    TextBudget(limits).add(text)
    text = nroff_words_joined(without_overstrikes(text))
    # a page break is a blank line: counted again, as it may add characters
    text = TextBudget(limits).add(without_page_headers(without_running_lines(text)))
    if (path.suffix.lower() == ".rst" or looks_like_rst(text)) and (parsed := _rst(text)):
        blocks, rst_title = parsed
        title = rst_title or path.stem
        return Document(source=str(path), title=title, doc_type="text", blocks=blocks,
                        metadata={"encoding": encoding, "markup": "rst"})  # fmt: skip
    blocks = structure(split_paragraphs(unboxed(text)))
    first_line = opening_line(blocks)
    # A short first line is the title in most notes, policies and READMEs; an e-mail's is
    # its subject (answers name a document by its title: "From: Helen Marchetti <...>" said
    # nothing of what the e-mail is about).
    title = mail_subject(text) or title_line(first_line) or path.stem
    return Document(
        source=str(path),
        title=title,
        doc_type="text",
        blocks=blocks,
        metadata={"encoding": encoding},
    )
