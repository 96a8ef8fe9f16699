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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from pocketrag.documents import Hit
from pocketrag.generation.citations import MARKER, split_sentences

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])\s+")
_TABLE_RULE = re.compile(r":?-{2,}:?|")
# A table row as the DOCX and HTML loaders write it: "Header: value; Header: value".
_KEYED_ROW = re.compile(r"^[^:;\n]{1,60}: [^;\n]*(?:; [^:;\n]{1,60}: [^;\n]*)+$")
_SECTION_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+")

MAX_ITEMS = 8  # list items quoted after a lead-in
MAX_ITEM_WORDS = 30
MAX_LIST_WORDS = 90  # a lead-in and its items; long items are shortened to fit
MAX_UNIT_CHARS = 420
SMALL_TABLE_ROWS = 6
SMALL_TABLE_CHARS = 480


@dataclass(frozen=True)
class Unit:
    text: str  # as quoted; a list keeps one item per line ("- item")
    position: int  # order inside the chunk
    kind: str  # "sentence" | "list" | "row" | "table"


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
    letters = [c for c in line if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 3:
        return True
    if _norm(line) in headings:
        return True
    stripped = line.rstrip()
    return word_count(line) <= 8 and stripped[-1:] not in ".!?:;)\"'”’" and not _BULLET.match(line)


def is_fragment(sentence: str) -> bool:
    """A sentence that began in the previous chunk ("exceptional circumstances and ...")."""
    first = next((c for c in sentence if c.isalnum()), "")
    return first.isalpha() and first.islower()


def _clip(text: str, limit: int = MAX_UNIT_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _item(text: str, limit: int = MAX_ITEM_WORDS) -> str:
    words = text.split()
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")


def _lines(text: str) -> Iterator[tuple[str, str]]:
    """(kind, text) per non-blank line: "pipe" | "row" | "item" | "prose"."""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.count("|") >= 2 or (line.count("|") == 1 and " | " in line):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not all(_TABLE_RULE.fullmatch(c) for c in cells):  # skip |---|---|
                yield "pipe", " | ".join(cells)
        elif _KEYED_ROW.match(line):
            yield "row", line
        elif _BULLET.match(line):
            yield "item", _BULLET.sub("", line).strip()
        else:
            yield "prose", line


def _pipe_rows(rows: list[list[str]]) -> list[str]:
    """A header row and body rows -> "Header: cell; Header: cell" per body row."""
    header, body = rows[0], rows[1:]
    return [
        "; ".join(f"{h}: {c}" for h, c in zip(header, row, strict=True) if c)
        if len(row) == len(header)
        else ", ".join(c for c in row if c)
        for row in body
    ]


def units(hit: Hit) -> list[Unit]:
    """The quotable units of one chunk, in reading order (see the module docstring)."""
    headings = {_norm(part) for part in hit.heading.split(" > ") if part.strip()}
    headings |= {_norm(hit.title)} if hit.title else set()
    headings.discard("")
    lines = list(_lines(hit.text))
    out: list[Unit] = []
    i = 0
    while i < len(lines):
        kind, line = lines[i]
        if kind in {"pipe", "row"}:
            j = i
            while j < len(lines) and lines[j][0] == kind:
                j += 1
            block = [text for _, text in lines[i:j]]
            if kind == "pipe":
                rows = _pipe_rows([r.split(" | ") for r in block]) if len(block) > 1 else []
            else:
                rows = block
            out.extend(Unit(_clip(r), len(out), "row") for r in rows if word_count(r) >= 2)
            table = "\n".join(f"- {r}" for r in rows)
            if 1 < len(rows) <= SMALL_TABLE_ROWS and len(table) <= SMALL_TABLE_CHARS:
                out.append(Unit(table, len(out), "table"))
            i = j
            continue
        if kind == "item":
            if not is_fragment(line) and word_count(line) >= 3:
                out.extend(
                    Unit(_clip(s), len(out), "sentence")
                    for s in split_sentences(line)
                    if word_count(s) >= 3
                )
            i += 1
            continue
        if is_heading_like(line, headings):
            i += 1
            continue
        sentences = [s for s in split_sentences(line) if word_count(s) >= 3]
        last = len(sentences) - 1
        for n, sentence in enumerate(sentences):
            if n == 0 and is_fragment(sentence):
                continue
            if n == last and i == len(lines) - 1 and sentence.rstrip()[-1:] not in ".!?:)\"'”’":
                continue  # cut at the chunk's end
            follows = [text for k, text in lines[i + 1 : i + 1 + MAX_ITEMS] if k != "prose"]
            if n == last and sentence.rstrip().endswith(":") and follows:
                texts = []
                for k, text in lines[i + 1 :]:
                    if k == "prose" or len(texts) >= MAX_ITEMS:
                        break
                    texts.append(text)
                room = (MAX_LIST_WORDS - word_count(sentence)) // len(texts)
                items = [f"- {_item(t, max(8, min(room, MAX_ITEM_WORDS)))}" for t in texts]
                out.append(Unit("\n".join([sentence.strip(), *items]), len(out), "list"))
            elif not sentence.rstrip().endswith(":"):
                out.append(Unit(_clip(sentence), len(out), "sentence"))
        i += 1
    return out
