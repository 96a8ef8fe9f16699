"""Quotable units of a retrieved chunk: what an extractive answer may quote.

A unit is the smallest complete thing that can answer on its own:
- a sentence;
- a sentence that ends in a colon together with the list items (or table rows) after it,
  because "... is allowed as long as:" means nothing without its conditions;
- a table row read with its header ("Vehicle: Bicycle; Rate per business mile: 20p"), and
  a small table whole, since "how much does X cost" is often best answered by its rows.

Never a bare heading or title (a line in capitals, a line that repeats the section's
heading, a short line without a full stop), and never a fragment cut at a chunk edge (a
sentence that starts in lower case began in the previous chunk).

Bracketed numbers in document text ("up to 1,000 pounds [2].") are neutralised to "(2)"
before anything else sees the text: "[n]" is the answer's citation marker and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import groupby, takewhile

from pocketrag.documents import Hit
from pocketrag.generation.citations import MARKER, split_sentences
from pocketrag.generation.wording import CLAUSE_NUMBER as _SECTION_NUMBER
from pocketrag.generation.wording import WORD as _WORD
from pocketrag.generation.wording import states_number

_BULLET = re.compile(r"^\s*(?:[-*•·▪◦]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)]|\(?[A-Z]\))\s+")
_STEP = re.compile(r"^\s*\(?[0-9]{1,2}[.)]\s+")  # a numbered item: a procedure's step
_LISTED = frozenset({"item", "step", "row"})
# A figure's caption ("Figure 7. Main database interface"): it names a picture, answers
# nothing, and stands between a lead-in ("... split into three main partitions detailed
# below.") and the items it leads to ("(A) Groups - ..."). A table's caption is no such
# line: "Table 4.35. Budget options:" leads its rows in, and stays prose.
_CAPTION = re.compile(r"^(?:Figure|Fig\.|Image|Screenshot)\s+\d{1,3}(?:\.\d{1,3})*[.:]\s.*[^:]$")
_TABLE_RULE = re.compile(r":?-{2,}:?|")
# A table row as the DOCX and HTML loaders write it: "Header: value; Header: value"; a
# value may hold a semicolon of its own ("Hand tools; no machine sign-offs"). A row of a
# table with an empty corner opens with its name or names ("(Constant); Unstandardized
# Coefficients B: 9.90; ...", "occupation; Artist; Count; sex Male: 2; ..."); read as
# sentences, it had been cut at "Std." of "Std. Error" and quoted from the middle.
_KEYED_ROW = re.compile(
    r"^(?:[^:;\n]{1,60}; ){0,3}[^:;\n]{1,60}: [^;\n]*(?:; [^;\n]*)*; [^:;\n]{1,60}: [^\n]*$"
)
# Bullets of symbol fonts (Wingdings), which PDF text layers give in the private use area.
_SYMBOL_BULLETS = "[\uf06c\uf076\uf0a7\uf0b7\uf0d8\uf0fc]"
_PRIVATE_BULLET = re.compile(_SYMBOL_BULLETS)
_SUB_BULLET = re.compile(rf"\s*{_SYMBOL_BULLETS}\s*")
_INLINE_BULLET = re.compile(r"(?<=\S)\s+•\s+")
# A slide or page that goes on under the same title: "NIST Common Attack Vectors, cont."
_CONTINUED = re.compile(r"[\s,:(-]*\b(cont|contd|cont'd|continued)\b[.)]*\s*$", re.IGNORECASE)
# A command shown after a shell prompt ("$ ssh-keygen -t rsa", "# shutdown -h now"): not a
# heading, and not sentences; it is quoted with the sentence before it, which says what it
# does ("You can shutdown the system under the normal multiuser mode from the commandline.").
_COMMAND_LINE = re.compile(r"^[$#] +[a-z./~_]")
MAX_COMMAND_LINES = 4
MAX_OUTPUT_WORDS = 8  # a command's output line: "net/ipv4/tcp_syncookies = 1", "438"
# a command's output or a configuration line, not a box's title ("Caution") after a command:
# digits, "=" or "/", a lower-case start, or a CamelCase directive ("SSLVerifyClient require")
_OUTPUT = re.compile(r"\d|[=/_]|^[a-z]|^[A-Z]\w*[a-z][A-Z]")
# "... at the rates in the table below." means the rows that follow.
_POINTER = re.compile(r"\b(below|following|as follows)\b", re.IGNORECASE)
# A sentence that ends by counting what the list after it names: "The maintainer's time is
# spent on three activities." / "Communication (45%)" / ...; "There are four stages."
_COUNTS_ITEMS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+(?:[a-z-]+\s+)?[a-z]+s\s*\.$",
    re.IGNORECASE,
)

# The chunker cuts a sentence only when it is longer than a whole chunk (chunking.py): a
# shorter last sentence without a full stop is whole, an example or a command ("For example,
# --host powerpc-unknown-linux instead of just: --host powerpc"), and had been dropped as
# cut. Development sets, session 33: +65 key facts, -24.
MIN_CUT_WORDS = 40
MAX_ITEMS = 8  # list items quoted after a lead-in
MAX_CAPTION_WORDS = 12
MAX_ITEM_WORDS = 30
# A lead-in and its items; long items are shortened to fit. 120, not the 90 of session 5:
# procedure steps and table-like items lost the figure at their end when shortened
# (incident 0.76 -> 0.82, tollgate 0.61 -> 0.62 key facts; chosen on development sets, so
# no held-out number confirms it). Median answers stay 26-54 words, p90 under 95.
MAX_LIST_WORDS = 120
MAX_UNIT_CHARS = 420
SMALL_TABLE_ROWS = 6
SMALL_TABLE_CHARS = 480


@dataclass(frozen=True)
class Unit:
    text: str  # as quoted; a list keeps one item per line ("- item")
    position: int  # order inside the chunk
    kind: str  # "sentence" | "list" | "row" | "table"
    # a sentence's paragraph (line) in the chunk, and a list's that the paragraph leads in
    # to; -1 for the others
    paragraph: int = -1


def neutralise_markers(text: str) -> str:
    """ "[2]" in a document becomes "(2)": only the answer's own markers may look like [n]."""
    return MARKER.sub(lambda m: f"({m.group(1)})", text)


def neutralised(hits: Sequence[Hit]) -> list[Hit]:
    """Copies of the hits whose text cannot be mistaken for citation markers."""
    return [replace(h, text=neutralise_markers(h.text)) if "[" in h.text else h for h in hits]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(_SECTION_NUMBER.sub("", text).lower()))


def is_heading_like(line: str, headings: set[str]) -> bool:
    """A title or heading on its own line: nothing to quote."""
    if _all_caps(line) or _norm(_CONTINUED.sub("", line)) in headings:
        return True
    stripped = line.rstrip()
    return word_count(line) <= 8 and stripped[-1:] not in ".!?:;)\"'”’" and not _BULLET.match(line)


# A term and its definition as the loaders write a definition list's entry, where the term
# is a name in lower case: "max_wal_senders (integer): Specifies the maximum ...".
_DEFINED_TERM = re.compile(r"^[a-z][\w.-]*(?: \([^)\n]{1,40}\))?: [A-Z]")


def is_fragment(sentence: str) -> bool:
    """A sentence that began in the previous chunk ("exceptional circumstances and ..."),
    not a lower-case term's definition."""
    first = next((c for c in sentence if c.isalnum()), "")
    return first.isalpha() and first.islower() and not _DEFINED_TERM.match(sentence.lstrip())


def _clip(text: str, limit: int = MAX_UNIT_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _item(text: str, limit: int = MAX_ITEM_WORDS) -> str:
    words = text.split()
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")


def _lines(text: str, headings: set[str]) -> list[tuple[str, str]]:
    """(kind, text) per non-blank line: "row" (a table row read with its header), "item"
    (a list item), "step" (a numbered one), "code" (a command after its prompt), "heading"
    or "prose". A run of two or more short lines that are not the section's own headings is
    a list whose bullets the loader dropped (HTML, DOCX)."""
    raw = [item.strip() for line in text.splitlines() for item in _bullets_apart(line)]
    # a comment mark alone is a configuration file's blank line between comment paragraphs
    # (sudo.conf's "#" lines): read as an unpunctuated title, it had led the lines after it
    # as a list ("#:" / "- # Debug program ..."), above the sentence that answers
    raw = [line for line in raw if line and not _BARE_COMMENT.fullmatch(line)]
    lines: list[tuple[str, str]] = []
    i = 0
    while i < len(raw):
        line = raw[i]
        if _is_pipe(line):
            j = i
            while j < len(raw) and _is_pipe(raw[j]):
                j += 1
            cells = [[c.strip() for c in r.strip("|").split("|")] for r in raw[i:j]]
            cells = [r for r in cells if not all(_TABLE_RULE.fullmatch(c) for c in r)]
            if len(cells) > 1:
                lines.extend(("row", r) for r in _pipe_rows(cells))
            elif not (j < len(raw) and _KEYED_ROW.match(raw[j])):  # else a header of rows
                lines.append(("prose", " ".join(cells[0]) if cells else line))
            i = j
            continue
        if _CAPTION.match(line) and word_count(line) <= MAX_CAPTION_WORDS:
            lines.append(("caption", line))
        elif _COMMAND_LINE.match(line):
            lines.append(("code", line))
        elif _KEYED_ROW.match(line):
            lines.append(("row", line))
        elif _BULLET.match(line):
            lines.append(("step" if _STEP.match(line) else "item", _BULLET.sub("", line).strip()))
        elif is_heading_like(line, headings):
            lines.append(("heading", line))
        else:
            lines.append(("prose", line))
        i += 1
    lines = _items_after_lead_in(lines)
    # runs of lines without a full stop that are not the section's headings: a list whose
    # bullets the loader dropped (two short lines, or three of any length)
    out: list[tuple[str, str]] = []
    for unpunctuated, group in groupby(lines, key=lambda kl: _unpunctuated(kl, headings)):
        run = list(group)
        short = all(kind == "heading" for kind, _ in run)
        if unpunctuated and (len(run) >= 3 or (short and len(run) == 2)):
            out.extend(("item", t) for _, t in run)
        else:
            out.extend(run)
    return out


def _bullets_apart(line: str) -> list[str]:
    """A line with bullets inside it (a slide's list flattened by the PDF text layer:
    "... attachment (Phishing). • Impersonation: ...") as one line per item. A symbol
    font's bullet (Wingdings, in Unicode's private use area) inside a line marks sub-items,
    which stay in their item: "Two laptops are recommended: One for malware analysis;
    One for actions that could infect the laptop"."""
    line = line.strip()
    line = _PRIVATE_BULLET.sub("•", line[:1]) + line[1:]
    line = re.sub(r"(?<=[:.!?])\s*; ", " ", _SUB_BULLET.sub("; ", line))
    parts = _INLINE_BULLET.split(line)
    return [parts[0], *(f"• {p}" for p in parts[1:])]


def _items_after_lead_in(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The one-sentence lines after a line ending in a colon are its list, bullets or not
    ("The following courses are mandatory:" / "Security awareness – every year;" / ...):
    DOCX and HTML lists often lose their bullets, and such items end in ";" or ".", so the
    unpunctuated-run rule below does not see them. The list ends at a longer paragraph."""
    out: list[tuple[str, str]] = []
    leading = False
    for n, (kind, text) in enumerate(lines):
        lead_in = text.rstrip().endswith(":")  # another list's lead-in ends this one
        after = lines[n + 1][1] if n + 1 < len(lines) else ""
        before = out[-1][1] if out and out[-1][0] == "item" else ""
        if (
            leading
            and not lead_in
            and kind in {"prose", "heading"}
            and (_one_short_sentence(text) or _parallel(text, before) or _parallel(text, after))
        ):
            out.append(("item", text))
            continue
        leading = kind == "prose" and lead_in
        out.append((kind, text))
    return out


def _one_short_sentence(text: str, limit: int = MAX_ITEM_WORDS) -> bool:
    return word_count(text) <= limit and len(split_sentences(text)) == 1


MAX_PARALLEL_ITEM_WORDS = 60


def _parallel(text: str, other: str) -> bool:
    """Whether two one-sentence paragraphs open alike, as the items of a list written as
    paragraphs do ("If a TSIG-aware server receives a message signed by an unknown key,
    ..." / "If a TSIG-aware server receives a message from a known key ..."): items,
    however long, not a paragraph that ends the list."""
    opening = text.split()[:2]
    return (
        len(opening) == 2
        and [w.casefold() for w in opening] == [w.casefold() for w in other.split()[:2]]
        and _one_short_sentence(text, MAX_PARALLEL_ITEM_WORDS)
    )


def _unpunctuated(line: tuple[str, str], headings: set[str]) -> bool:
    kind, text = line
    if kind not in {"prose", "heading"} or _norm(text) in headings or _all_caps(text):
        return False
    return text[-1:] not in ".!?:;" and word_count(text) <= MAX_ITEM_WORDS


def _is_pipe(line: str) -> bool:
    return line.count("|") >= 2 or (line.count("|") == 1 and " | " in line)


def _all_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def _pipe_rows(rows: list[list[str]]) -> list[str]:
    """A header row and body rows -> "Header: cell; Header: cell" per body row."""
    header, body = rows[0], rows[1:]
    return [
        "; ".join(f"{h}: {c}" for h, c in zip(header, row, strict=True) if c)
        if len(row) == len(header)
        else ", ".join(c for c in row if c)
        for row in body
    ]


def _list_unit(lead_in: str, items: list[str], position: int, paragraph: int = -1) -> Unit:
    """A lead-in with its items, each shortened so the whole stays quotable. `paragraph`:
    the paragraph whose last sentence leads in, which the list ends."""
    items = items[:MAX_ITEMS]
    room = (MAX_LIST_WORDS - word_count(lead_in)) // len(items)
    lines = [f"- {_item(t, max(8, min(room, MAX_ITEM_WORDS)))}" for t in items]
    return Unit("\n".join([lead_in.strip(), *lines]), position, "list", paragraph)


_COMMENT = re.compile(r"^(?:#|;|!|//)\s")
_BARE_COMMENT = re.compile(r"#+|;+|//")


def _setting_under(lines: list[tuple[str, str]], i: int) -> str | None:
    """The setting a configuration file's comment (line i) stands over, which it is about
    ("# Uncomment the following line to turn logging on." / "#log tracking measurements
    statistics"), or the address an unfinished sentence goes on to ("... accessible through
    the URL" / "https://chrony.tuxfamily.org/"): the next line, when a short one without a
    sentence's end, after what joins it to line i (a line break, or a space). Alone it is
    no unit (a title-like line), and the line before it never said which setting or address
    it meant."""
    if i + 1 >= len(lines) or lines[i + 1][0] != "heading":
        return None
    below, line = lines[i + 1][1], lines[i][1]
    if _COMMENT.match(line):
        return f"\n{below}"  # a line of its own, as in the file
    if " " not in below.strip() and line.rstrip()[-1:] not in ".!?:;":
        return f" {below}"  # the sentence's last word
    return None


def _commands(lines: list[tuple[str, str]]) -> list[str]:
    """The commands at the start of `lines` and the short output shown after them ("$ cat
    /proc/sys/kernel/sysrq" / "438")."""
    commands = [text for _, text in takewhile(lambda line: line[0] == "code", lines)]
    if not commands:
        return []
    output = takewhile(
        lambda line: (
            line[0] in {"heading", "item", "prose"}
            and word_count(line[1]) <= MAX_OUTPUT_WORDS
            and line[1].rstrip()[-1:] not in ".!?:"
            and bool(_OUTPUT.search(line[1]))
        ),
        lines[len(commands) :],
    )
    return (commands + [text for _, text in output])[:MAX_COMMAND_LINES]


def _leads_to(line: str) -> bool:
    """Whether a line of prose makes a list of the items after it (see units)."""
    last = (split_sentences(line) or [line])[-1]
    return _leads_in(last) or bool(_POINTER.search(last))


def _leads_in(sentence: str) -> bool:
    """A sentence whose meaning is the list or table after it."""
    return sentence.rstrip().endswith(":")


def _asks(sentence: str) -> bool:
    """A question: it answers nothing by itself (an FAQ's "How long can I book a printer
    for?", a leaflet's "Worried about an adult?"); what follows it does."""
    return sentence.rstrip(" \"'”’)").endswith("?")


def _only_asks(text: str) -> bool:
    """Questions and nothing else ("Is this a bug? Can I use SQLite in my commercial
    product?"): an FAQ's list of its questions, which answers none of them."""
    return all(_asks(x) for x in split_sentences(text))


def _with_answers(sentences: list[str]) -> list[str]:
    """Each question joined to the sentence after it, which answers it: "How long can I
    book a printer for? Up to 6 hours in one booking." is one unit, since the question
    alone embeds most like the user's and was quoted as the answer. A bare "No." takes
    the sentence after it too, which says why or what to do instead."""
    out: list[str] = []
    answer_words = 3  # as many as a unit needs (units)
    for sentence in sentences:
        if out and answer_words < 3:
            out[-1] = f"{out[-1]} {sentence}"
            answer_words = 0 if _asks(sentence) else answer_words + word_count(sentence)
        else:
            out.append(sentence)
            answer_words = 0 if _asks(sentence) else 3
    return out


def units(hit: Hit) -> list[Unit]:
    """The quotable units of one chunk, in reading order (see the module docstring)."""
    parts = [p.strip() for p in hit.heading.split(" > ") if p.strip()]
    headings = {_norm(p) for p in parts} | ({_norm(hit.title)} if hit.title else set())
    headings.discard("")
    lines = _lines(hit.text, headings)
    paged = hit.page_start is not None  # a PDF's paragraph can run on over a page break
    out: list[Unit] = []
    made: dict[int, int] = {}  # line -> how many units came before it (_with_settings)
    i = 0
    while i < len(lines):
        made[i] = len(out)
        kind, line = lines[i]
        if kind in _LISTED:
            j = i
            while j < len(lines) and lines[j][0] in _LISTED:
                j += 1
            run = lines[i:j]
            rows = [t for k, t in run if k == "row"]
            for k, text in run:
                if k == "row" and word_count(text) >= 2:
                    out.append(Unit(_clip(text), len(out), "row"))
                elif k != "row" and not _continues_lead_in(text) and not _bare_title(text):
                    out.extend(
                        Unit(_clip(s), len(out), "sentence")
                        for s in split_sentences(text)
                        if word_count(s) >= 3
                    )
            table = "\n".join(f"- {r}" for r in rows)
            if 1 < len(rows) <= SMALL_TABLE_ROWS and len(table) <= SMALL_TABLE_CHARS:
                out.append(Unit(table, len(out), "table"))
            # items with no lead-in sentence: the heading above them (or the section's) leads
            items = [t for _, t in run]
            if len(run) >= 2 and (i == 0 or _titles(lines[i - 1])):
                lead = lines[i - 1][1] if i > 0 else (parts[-1] if parts else "")
                if lead:
                    lead = _CONTINUED.sub("", lead).rstrip(":")
                    out.append(_list_unit(lead + ":", items, len(out)))
            elif (
                len(run) >= 2
                and parts
                and all(k == "step" for k, _ in run)
                and not _leads_to(lines[i - 1][1])
            ):
                # numbered steps after prose that does not lead in to them (steps 6 to 10
                # of a procedure whose first steps closed the previous chunk; "Arrive
                # fifteen minutes early." before them): the section's heading leads, and a
                # chunk that opens on the end of the step before them starts with it
                opening = [lines[0][1]] if i == 1 and lines[0][0] == "prose" else []
                lead = _CONTINUED.sub("", parts[-1]).rstrip(":")
                out.append(_list_unit(lead + ":", opening + items, len(out)))
            i = j
            continue
        if kind == "code":
            i += len(_commands(lines[i:]))  # quoted with the sentence before it
            continue
        if kind == "caption":
            i += 1
            continue
        if kind == "heading" or (_titles(lines[i]) and _takewhile_listed(lines[i + 1 :])):
            i += 1  # a title quoted with its items (above), not alone
            continue
        sentences = split_sentences(line)
        label = lines[i - 1][1] if i > 0 and _labels(lines[i - 1]) else None
        if i == 0 and parts and not _labels(lines[i]):  # a label of its own needs none
            label = parts[-1]
        if sentences and label and not (is_fragment(sentences[0]) and _carried_on(lines, i, paged)):
            # "GoDaddy: Domain registration."; "FAILLOG_ENAB yes: If you enable this ..."
            sentences[0] = _labelled(label, sentences[0], line_above=i > 0)
        if len(sentences) > 1 and _leads_in(sentences[-1]) and word_count(sentences[-1]) < 3:
            # "... pre-employment checks. These are:" leads in with the sentence before
            sentences[-2:] = [f"{sentences[-2]} {sentences[-1]}"]
        follows = [t for _, t in _takewhile_listed(lines[i + 1 :])]
        sentences = [
            s
            for s in _with_answers(sentences)
            if word_count(s) >= 3 or _asks(s) or (follows and _leads_in(s))  # "Deprecations:"
        ]
        last = len(sentences) - 1
        if sentences and (setting := _setting_under(lines, i)):
            sentences[-1] += setting
        commands = _commands(lines[i + 1 :])
        if commands and sentences:
            if _leads_in(sentences[-1]) or _POINTER.search(sentences[-1]):
                follows = commands  # "... from the docs directory:" leads in to its commands
            else:
                sentences[-1] = "\n".join([sentences[-1], *commands])
        if sentences and _asks(sentences[-1]) and not follows:
            # a question closing its paragraph is answered by the next one, or by nothing
            answer = split_sentences(lines[i + 1][1])[:1] if i + 1 < len(lines) else []
            if answer and lines[i + 1][0] == "prose":
                sentences[-1] = f"{sentences[-1]} {answer[0]}"
            else:
                sentences.pop()
                last -= 1
        if follows and last > 0 and _leads_in(sentences[last]):
            # the list after "The following are popular licensed options. If you use
            # these, also test against:" is led in by both sentences, and quoted once
            pointing = next((n for n in range(last) if _POINTER.search(sentences[n])), last)
            sentences[pointing:] = [" ".join(sentences[pointing:])]
            last = pointing
        if sentences and is_fragment(sentences[0]) and _names_term(lines, i):
            # '1.7. "Larger Work"' / "means a work that combines ...": one definition
            sentences[0] = f"{lines[i - 1][1]} {sentences[0]}"
        for n, sentence in enumerate(sentences):
            if n == 0 and is_fragment(sentence) and _carried_on(lines, i, paged):
                continue
            if (
                n == last
                and i == len(lines) - 1
                and sentence.rstrip()[-1:] not in ".!?:)\"'”’"
                and word_count(sentence) >= MIN_CUT_WORDS
            ):
                continue  # cut at the chunk's end
            leads = _leads_in(sentence) or _asks(sentence) or bool(_COUNTS_ITEMS.search(sentence))
            if follows and (_POINTER.search(sentence) or (n == last and leads)):
                out.append(_list_unit(sentence, follows, len(out), paragraph=i))
            elif not sentence.rstrip().endswith(":") and not _only_asks(sentence):
                out.append(Unit(_clip(sentence), len(out), "sentence", paragraph=i))
        i += 1
    return _with_settings(out, lines, made)


# A line no unit quotes is read for what it sets: a configuration's value ("#Default:" /
# "# check_hostnames off", "NEWS_MAX_CHUNK:40", "port = 27017") or a list item nothing led
# in to ("Switch Solaris support to illumos"). Short lines like these are titles to the
# rules above, so without this the one line that answers "what is the default?" was never
# quotable. A run of such lines is one unit, kind "lines", in its place among the others.
# Lines that state nothing (a bare title) stay unquoted.
_SETS = re.compile(r"\d|=|_|/|--|\S:\s*\S|\w\.\w")
MAX_UNQUOTED_PROSE_WORDS = 8  # longer prose is cut or a fragment (see above), not a setting


def _with_settings(
    out: list[Unit], lines: list[tuple[str, str]], made: dict[int, int]
) -> list[Unit]:
    quoted = f" {' '.join(_norm(u.text) for u in out)} "
    runs: list[list[int]] = []
    for n, (kind, line) in enumerate(lines):
        said = _norm(line)
        unquoted = (
            said
            and f" {said} " not in quoted
            and (
                kind in {"heading", "item", "step", "code"}  # a caption is no answer
                or (kind == "prose" and word_count(line) <= MAX_UNQUOTED_PROSE_WORDS)
            )
        )
        if not unquoted:
            continue
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    blocks: list[tuple[int, Unit]] = []
    for run in runs:
        text = "\n".join(lines[n][1] for n in run)
        listed = any(lines[n][0] in {"item", "step"} for n in run)
        if word_count(text) >= 2 and (_SETS.search(text) or (listed and word_count(text) >= 3)):
            # after the units of the lines before it (the loop starts at line 0)
            before = max(c for n, c in made.items() if n <= run[0])
            blocks.append((before, Unit(_clip(text), -1, "lines", paragraph=run[0])))
    if not blocks:
        return out
    merged = list(out)
    for before, block in reversed(blocks):  # from the end, so each place stays where it was
        merged.insert(before, block)
    return [replace(u, position=n) for n, u in enumerate(merged)]


# A sentence that names its subject only by a pronoun or a pointer ("The Committee meets
# quarterly. It is chaired by Captain Ian Trewin.", "This destination differs from mail in
# that ...") or draws a conclusion from the one before ("For this reason, many sample
# configurations omit the hints file.", "Second, it describes ...") or shows it ("For
# example, --host powerpc-unknown-linux instead of just: --host powerpc", "To do so, do: yum
# install rsyslog-debuginfo") continues the sentence before it. The examples and the doing:
# development sets, session 33, +16 key facts, -2.
_REFERS_BACK = re.compile(
    r"^\s*\(?(?:(?:it|they|he|she|its|their|his|her|thus|therefore|hence|consequently)\b|"
    r"(?:this|these|that|those|such)\s+\w|"
    r"(?:for (?:this|that|these|those) reasons?|as a (?:result|consequence))\b|"
    r"(?:first|second|third|finally|moreover|furthermore|in addition)(?:ly)?,|"
    r"(?:for (?:example|instance)|e\.g\.)[,:]?\s|to do (?:so|this|that)\b)",
    re.IGNORECASE,
)


def refers_back(sentence: str) -> bool:
    """Whether a sentence's subject is a pronoun for the sentence before it."""
    return bool(_REFERS_BACK.match(sentence))


# A comparison with a figure the sentence before gave ("Anything worth more than that must
# be declined", "Above this limit, ...").
_COMPARES_BACK = re.compile(
    r"\b(?:more|less|fewer|longer|shorter|higher|lower|greater|other|above|below|over|"
    r"under|beyond|up to)\s+(?:than\s+)?(?:that|this|these|those|it|them)\b",
    re.IGNORECASE,
)


# A thing the sentence before named, taken up by "this" or "that" ("... should have their
# home directory set to this value", after "The canonical one is /nonexistent.").
_NAMES_BACK = re.compile(
    r"\b(?:this|that|these|those|such)\s+(?:value|values|limit|amount|figure|rate|period|"
    r"date|directory|file|address|number|level|command|option|setting|range|variable|"
    r"parameter|problem|issue|error|message|case|situation|behaviour|behavior|feature|"
    r"step|change|rule|requirement|method|mode)\b",
    re.IGNORECASE,
)


# An alternative or exception to what the sentence before said ("Use OneDrive to share
# files instead.", "Otherwise, ask your manager.", "However, night staff ...", "But for now,
# please do not ...").
_CONTRASTS_BACK = re.compile(
    r"^\s*(?:instead|otherwise|however|alternatively|if not|if so|in that case|but|yet|"
    r"still|even so|nevertheless|nonetheless)\b|"
    r"\binstead\W*$",
    re.IGNORECASE,
)


def needs_antecedent(sentence: str) -> bool:
    """Whether a sentence means little without the one before it: its subject is a pronoun,
    it compares with "that" figure, takes up "this value" from it, or offers an
    alternative or exception to it."""
    return (
        refers_back(sentence)
        or bool(_COMPARES_BACK.search(sentence))
        or bool(_NAMES_BACK.search(sentence))
        or bool(_CONTRASTS_BACK.search(sentence))
    )


MAX_LABEL_WORDS = 3
MAX_LABELLED_WORDS = 7  # fragments are short: "Our email platform."
# A name in code heading a definition list's entry (a variable, an option, a hook:
# "READLINE_LINE", "--dry-run", "post-receive", "max_wal_senders (integer)"): its
# definition, however long, does not repeat it ("The contents of the readline line buffer,
# for use with bind -x."), yet the name is what a question about it asks for. A name: an
# underscore or a digit inside a word, a leading sigil, or lower-case words joined by a
# hyphen or a dot; an optional type in brackets after it.
_CODE_NAME = re.compile(
    r"^(?:[-$%@:]+\w[\w.-]*|[A-Za-z][\w.-]*_[\w.-]*|[A-Za-z]+\d\w*|[a-z]\w*[.-][a-z][\w.-]*)"
    r"(?: \([^)\n]{1,30}\))?$"
)


def _labelled(label: str, sentence: str, line_above: bool = False) -> str:
    """A short first sentence under a short heading that it does not name gets the heading
    as its subject: "### Rollbar / Our exception monitoring platform." is quoted as
    "Rollbar: Our exception monitoring platform." (a tools list, a glossary, a contacts
    page), since without the heading it answers nothing. So does a sentence of any length
    that takes up "this variable" (or option, value ...) when the label is the line above
    it in the chunk: "FAILLOG_ENAB yes" / "If you enable this variable, failed logins will
    be logged." is what "this variable" means."""
    label = _SECTION_NUMBER.sub("", label).strip().rstrip(":")
    if label and line_above and _NAMES_BACK.search(sentence):
        return f"{label}: {sentence}"
    if _CODE_NAME.match(label) and label.split()[0].lower() not in sentence.lower():
        return f"{label}: {sentence}"  # a definition list's term (_CODE_NAME)
    if not label or word_count(label) > MAX_LABEL_WORDS:
        return sentence
    said = _norm(sentence)
    # named only when the heading's words stand together: "Games/Blocks" is not named by
    # "Tetris-like games involving falling blocks." (a definition list of menu sections)
    if len(said.split()) > MAX_LABELLED_WORDS or f" {_norm(label)} " in f" {said} ":
        return sentence
    if _SECTION_NUMBER.match(sentence) or _CLAUSE.search(sentence):
        return sentence  # a sentence of its own ("Rail travel is standard class.")
    return f"{label}: {sentence}"


# A subject pronoun or a finite auxiliary: the sentence says what it is about by itself.
_CLAUSE = re.compile(
    r"^\s*(the|this|these|those|it|we|you|they|he|she|i|there)\b|\b(is|are|was|were|be|"
    r"been|has|have|had|will|shall|must|may|might|can|could|should|would|do|does|did|"
    r"isn't|aren't|won't|can't|don't|doesn't)\b",
    re.IGNORECASE,
)


def _bare_title(item: str) -> bool:
    """A list item that only names a thing ("Incident Response Policy"): quoted with its
    list, not alone. A figure, a full stop, or a "name, role" / "label: text" says more."""
    if word_count(item) < 3:
        return True
    return is_heading_like(item, set()) and not (states_number(item) or re.search(r"[,:]", item))


def _labels(line: tuple[str, str]) -> bool:
    """A heading, or a term on a line of its own ending in a colon ("1000-59999:", a PDF's
    definition list): it says what the paragraph after it is about."""
    kind, text = line
    return kind == "heading" or (
        kind == "prose" and text.rstrip().endswith(":") and word_count(text) <= MAX_LABEL_WORDS
    )


def _titles(line: tuple[str, str]) -> bool:
    """A heading, or a line of prose without closing punctuation (a slide's title such as
    "NIST and The National Cybersecurity Center of Excellence (NCCoE)"): its items' lead."""
    kind, text = line
    return kind == "heading" or (kind == "prose" and text.rstrip()[-1:] not in ".!?:;")


# A list item that names its term before a colon ("[skip circle]: skip CircleCI jobs"):
# whole even in lower case, unlike an item that finishes its lead-in ("shall set a ...").
_TERM_ITEM = re.compile(r"^[^\s:][^:]{0,40}: \S")


def _continues_lead_in(item: str) -> bool:
    return is_fragment(item) and not _TERM_ITEM.match(item)


MAX_TERM_WORDS = 6  # a defined term on its own line: '1.7. "Larger Work"'


def _names_term(lines: list[tuple[str, str]], i: int) -> bool:
    """Whether the line above line i is a short term that line i, in lower case, defines
    (a licence's definitions: the term on one line, "means ..." on the next)."""
    if i == 0:
        return False
    kind, text = lines[i - 1]
    return (
        kind == "prose"
        and word_count(text) <= MAX_TERM_WORDS
        and text.rstrip()[-1:] not in ".!?:;,"
    )


# Words no title ends on: a "heading" ending on one is prose broken at a line ("ask the").
_DANGLING = frozenset("a an the of to and or with for in on by from at as that is are be".split())  # noqa: SIM905


def _carried_on(lines: list[tuple[str, str]], i: int, paged: bool) -> bool:
    """Whether line i may carry on a sentence begun before it: a line after prose left
    unfinished (a PDF paragraph broken at a page or column edge), or the first line of a
    PDF's chunk (the page before may hold the sentence's start). A line after a full stop
    or a heading starts afresh, even in lower case: "pgBadger is an external project ...",
    "apt(8) now waits ..."; so does a chunk of any other document, since chunks start at a
    sentence ("pip cache purge will clear all files ...")."""
    if i == 0:
        return paged
    kind, text = lines[i - 1]
    if kind == "heading":  # a title, unless it ends on a word no title ends on ("ask the")
        return text.split()[-1].lower() in _DANGLING
    return kind == "prose" and text.rstrip()[-1:] not in ".!?:;)\"'”’"


def _takewhile_listed(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The list items, steps or rows that start `lines`, past a caption before them."""
    taken = []
    for kind, text in lines:
        if kind == "caption" and not taken:
            continue
        if kind not in _LISTED:
            break
        taken.append((kind, text))
    return taken
