"""Markdown: the heading tree (ATX `#` and setext underlines) becomes each block's heading
path; the title comes from YAML front matter or the first heading.

A small line scanner rather than a Markdown library: we only need blocks and headings, not
HTML rendering, and `#` inside fenced code must not start a heading.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from pocketrag.documents import Block, Document
from pocketrag.loaders._common import TextBudget, clean_inline, clean_lines
from pocketrag.loaders.text import decode_text

if TYPE_CHECKING:
    from pocketrag.config import Settings  # only a type: the parse worker never loads it

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)

# Inline syntax stripped so the text reads (and embeds) the same as the HTML or PDF version.
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links -> link text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<[^>\n]+>"), ""),  # inline HTML tags
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
)


def strip_inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text


def front_matter(text: str) -> tuple[dict[str, object], str]:
    """YAML front matter (if any, and if it parses) and the text after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text  # not front matter after all; keep it as text
    if not isinstance(meta, dict):
        return {}, text
    return meta, text[match.end() :]


class _Builder:
    """Collects paragraphs and keeps the current heading path."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.headings: list[tuple[int, str]] = []
        self.lines: list[str] = []
        self.first_heading: str | None = None

    def heading(self, level: int, text: str) -> None:
        self.flush()
        text = clean_inline(strip_inline(text))
        if not text:
            return
        self.first_heading = self.first_heading or text
        self.headings = [(lv, t) for lv, t in self.headings if lv < level] + [(level, text)]

    def flush(self, code: bool = False) -> None:
        if not self.lines:
            return
        lines, self.lines = self.lines, []
        if code:
            text = clean_lines("\n".join(lines))
        elif any(_LIST_ITEM.match(line) or "|" in line for line in lines):
            kept = (strip_inline(line) for line in lines if not _TABLE_RULE.match(line))
            text = clean_lines("\n".join(kept))  # lists and tables: one item per line
        else:
            text = clean_inline(strip_inline(" ".join(lines)))
        if text:
            self.blocks.append(Block(text=text, heading_path=tuple(t for _, t in self.headings)))


def parse_markdown(text: str) -> tuple[list[Block], str | None]:
    """Blocks in order with heading paths, and the first heading's text."""
    out = _Builder()
    fence: str | None = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if fence is not None:
            if line.strip().startswith(fence):
                out.flush(code=True)
                fence = None
            else:
                out.lines.append(line)
            continue
        if m := _FENCE.match(line):
            out.flush()
            fence = m.group(1)
        elif m := _ATX.match(line):
            out.heading(len(m.group(1)), m.group(2) or "")
        elif (m := _SETEXT.match(line)) and out.lines and not _LIST_ITEM.match(out.lines[0]):
            heading_text, out.lines = " ".join(out.lines), []
            out.heading(1 if m.group(1)[0] == "=" else 2, heading_text)
        elif not line.strip() or _SETEXT.match(line):
            out.flush()  # blank line, or a thematic break (---, ***) after a blank line
        else:
            out.lines.append(line)
    out.flush(code=fence is not None)
    return out.blocks, out.first_heading


def load(path: Path, settings: Settings, password: str | None = None) -> Document:
    raw, encoding = decode_text(path.read_bytes())
    TextBudget(settings).add(raw)
    meta, body = front_matter(raw)
    blocks, first_heading = parse_markdown(body)
    title = meta.get("title")
    title = clean_inline(str(title)) if title else (first_heading or path.stem)
    metadata: dict[str, object] = {"encoding": encoding}
    if meta:
        metadata["front_matter"] = {k: str(v) for k, v in meta.items()}
    return Document(
        source=str(path), title=title, doc_type="markdown", blocks=blocks, metadata=metadata
    )
