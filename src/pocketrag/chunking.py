"""Structure-aware, token-bounded chunking.

A chunk never spans two sections (two heading paths): a citation names one section, and a
chunk that mixes two answers neither well. Inside a section, whole paragraphs are packed up
to the budget; a paragraph too long for one chunk is packed sentence by sentence, and a
sentence too long on its own is cut at word boundaries. Consecutive chunks of one section
share `overlap_sentences` sentences, so an answer that straddles a cut is still found whole.

The budget is counted with the embedding model's own tokenizer, without special tokens
([CLS]/[SEP] are added by the embedder), and INCLUDES the "title > heading path" prefix that
starts `Chunk.embed_text`: what the model sees is never silently truncated.

Character spans (`char_start`, `char_end`) index the document's *joined text*: the text of
its non-blank blocks, in order, joined by "\\n\\n" (`joined_text(document)`).
`chunk.text` is exactly `joined_text(document)[chunk.char_start:chunk.char_end]`.

Speed: one `encode` per block, not per sentence or per word; a sentence's count is the
number of the block's tokens that start inside it. BERT-style tokenizers never make a token
across whitespace, so sentence counts add up exactly to paragraph and chunk counts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from tokenizers import Encoding, Tokenizer

from pocketrag.documents import Block, Chunk, Document, PocketragError

BLOCK_SEPARATOR = "\n\n"
PREFIX_SEPARATOR = "\n"
# Sentence ends: punctuation then whitespace then a likely sentence start; or a line break
# (list items, table rows and code lines are units of their own).
_SENTENCE_BREAK = re.compile(r"([.!?][\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])|\s*\n\s*")
# A sentence whose meaning is what follows it: a list's lead-in, or a question (an FAQ's).
_LEADS_ON = re.compile(r"[:?][\"'”’)\]]*\s*$")
# Long blocks are encoded this many characters at a time: the tokenizer's Encoding of one
# 19 MB paragraph, with its offsets as Python tuples, takes gigabytes (issue 12).
WINDOW_CHARS = 32_768


class TooManyChunksError(PocketragError):
    """A document would make more chunks than the configured bound allows."""


def _text_blocks(document: Document) -> list[Block]:
    return [block for block in document.blocks if block.text.strip()]


def joined_text(document: Document) -> str:
    """The text chunk spans point into: the texts of the blocks that have any (not blank),
    in order, joined by BLOCK_SEPARATOR."""
    return BLOCK_SEPARATOR.join(block.text for block in _text_blocks(document))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text, whitespace trimmed, covering all of it."""
    spans, start = [], 0
    for match in _SENTENCE_BREAK.finditer(text):
        end = match.end(1) if match.group(1) else match.start()  # closing quotes stay
        if end > start:
            spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@dataclass(slots=True)
class _Unit:
    """A sentence (or piece of one), with its place in the joined text."""

    start: int
    end: int
    tokens: int
    paragraph: int  # index of the block it came from
    page: int | None
    leads_on: bool = False  # ends in ":" or "?": its meaning is what follows


class Chunker:
    """Document -> list[Chunk]; see the module docstring for the rules."""

    def __init__(self, tokenizer: Tokenizer, max_tokens: int = 200, overlap_sentences: int = 1):
        if max_tokens < 32:
            raise ValueError(f"max_tokens must be at least 32, got {max_tokens}")
        if overlap_sentences < 0:
            raise ValueError(f"overlap_sentences must be >= 0, got {overlap_sentences}")
        self.tokenizer = tokenizer
        self.max_tokens = max_tokens
        self.overlap_sentences = overlap_sentences
        self.separator_tokens = len(tokenizer.encode(PREFIX_SEPARATOR, add_special_tokens=False))

    def run(self, document: Document, max_chunks: int | None = None) -> list[Chunk]:
        """Raises TooManyChunksError as soon as the document is known to need more than
        max_chunks chunks (every chunk holds at most the budget's tokens), before the work
        and memory of building them all."""
        blocks = _text_blocks(document)
        offsets, pos = [], 0
        for block in blocks:
            offsets.append(pos)
            pos += len(block.text) + len(BLOCK_SEPARATOR)
        token_limit = None if max_chunks is None else max_chunks * self.max_tokens
        tokens = 0

        chunks: list[Chunk] = []
        text = joined_text(document)
        indexed = list(enumerate(blocks))
        for path, group in groupby(indexed, key=lambda item: item[1].heading_path):
            section = list(group)
            prefix, prefix_tokens = self._prefix(document.title, path)
            budget = self.max_tokens - prefix_tokens
            units: list[_Unit] = []
            for i, block in section:
                for unit in self._units(block, i, offsets[i], budget):
                    units.append(unit)
                    tokens += unit.tokens
                    if token_limit is not None and tokens > token_limit:
                        raise _too_many(max_chunks)
            for first, last in self._pack(units, budget):
                if max_chunks is not None and len(chunks) >= max_chunks:
                    raise _too_many(max_chunks)
                start, end = units[first].start, units[last].end
                pages = [u.page for u in units[first : last + 1] if u.page is not None]
                body = text[start:end]
                chunks.append(
                    Chunk(
                        text=body,
                        ordinal=len(chunks),
                        page_start=min(pages) if pages else None,
                        page_end=max(pages) if pages else None,
                        heading_path=path,
                        char_start=start,
                        char_end=end,
                        embed_text=f"{prefix}{PREFIX_SEPARATOR}{body}" if prefix else body,
                    )
                )
        return chunks

    def _prefix(self, title: str, path: tuple[str, ...]) -> tuple[str, int]:
        """ "title > heading path", at most a quarter of the budget (cut from the left)."""
        parts = [title] if title else []
        parts += [h for h in path if h != title]
        prefix = " > ".join(parts)
        if not prefix:
            return "", 0
        encoding = self.tokenizer.encode(prefix, add_special_tokens=False)
        limit = self.max_tokens // 4
        if len(encoding.ids) > limit:  # keep the most specific end of a very long path
            cut = encoding.offsets[len(encoding.ids) - limit][0]
            prefix = "… " + prefix[cut:]
            encoding = self.tokenizer.encode(prefix, add_special_tokens=False)
        return prefix, len(encoding.ids) + self.separator_tokens

    def _units(self, block: Block, index: int, offset: int, budget: int) -> Iterator[_Unit]:
        """The block's units, one window of its text at a time (see WINDOW_CHARS)."""
        for start, end in _windows(block.text):
            window = block.text[start:end]
            # One encode per window; a sentence's tokens are those starting inside its span.
            encoding = self.tokenizer.encode(window, add_special_tokens=False)
            for unit in self._window_units(window, encoding, budget):
                unit.start += offset + start
                unit.end += offset + start
                unit.paragraph, unit.page = index, block.page
                yield unit

    def _window_units(self, text: str, encoding: Encoding, budget: int) -> Iterator[_Unit]:
        """One unit per sentence; a sentence over budget is cut into word-aligned pieces."""
        token_offsets, word_ids = encoding.offsets, encoding.word_ids
        starts = [start for start, _ in token_offsets]
        for s, e in sentence_spans(text):
            i, n = bisect_left(starts, s), bisect_left(starts, e)
            if n - i <= budget:
                yield _Unit(s, e, n - i, 0, None, _LEADS_ON.search(text[s:e]) is not None)
                continue
            while i < n:
                j = min(i + budget, n)
                if j < n:  # back off to the start of a word so no word is split
                    k = j
                    while k > i + 1 and word_ids[k] == word_ids[k - 1]:
                        k -= 1
                    j = k if k > i + 1 else j
                start, end = token_offsets[i][0], token_offsets[j - 1][1]
                yield _Unit(start, end, j - i, 0, None)
                i = j

    def _pack(self, units: list[_Unit], budget: int) -> Iterator[tuple[int, int]]:
        """Greedy packing into (first, last) unit ranges, with sentence overlap."""
        if not units:
            return
        # Tokens of each paragraph from unit i to its end: lets us keep a paragraph whole.
        rest = [0] * len(units)
        for i in range(len(units) - 1, -1, -1):
            same = i + 1 < len(units) and units[i + 1].paragraph == units[i].paragraph
            rest[i] = units[i].tokens + (rest[i + 1] if same else 0)
        first, fresh, used = 0, 0, 0  # chunk start, its first non-overlap unit, tokens
        for i, unit in enumerate(units):
            starts_paragraph = i == 0 or units[i - 1].paragraph != unit.paragraph
            fits = used + unit.tokens <= budget
            # Start a new chunk rather than split a paragraph that would fit in one.
            keep_whole = starts_paragraph and used + rest[i] > budget >= rest[i]
            if i > fresh and (not fits or keep_whole):
                need = rest[i] if keep_whole else unit.tokens
                cut = _lead_ins_start(units, fresh, i, budget - need)
                yield first, cut - 1
                carried = sum(u.tokens for u in units[cut:i])
                first, used = self._overlap_start(units, first, cut, need + carried, budget)
                used += carried
                fresh = cut
            elif not fits:  # only overlap sentences so far: drop them, never overflow
                first, used = i, 0
            used += unit.tokens
        yield first, len(units) - 1

    def _overlap_start(
        self, units: list[_Unit], first: int, nxt: int, need: int, budget: int
    ) -> tuple[int, int]:
        """Where the next chunk starts: up to N sentences back, if they leave `need` room."""
        start, used = nxt, 0
        for k in range(nxt - 1, max(first, nxt - self.overlap_sentences) - 1, -1):
            if used + units[k].tokens + need > budget or k == first:
                break  # never repeat a whole chunk, never overflow
            start, used = k, used + units[k].tokens
        return start, used


def _lead_ins_start(units: list[_Unit], fresh: int, nxt: int, room: int) -> int:
    """Where a chunk that would end before unit `nxt` ends instead: before the lead-ins
    and questions at its end ("A: It's easy:", "Q: How do I do a cold pull?"), which then
    open the next chunk with the list or answer they introduce, if they fit in `room`
    tokens; a chunk ending on them cites the question without its answer. The chunk keeps
    at least one unit of its own."""
    cut, carried = nxt, 0
    while cut - 1 > fresh and units[cut - 1].leads_on:
        if carried + units[cut - 1].tokens > room:
            break
        cut -= 1
        carried += units[cut].tokens
    return cut


def _too_many(max_chunks: int | None) -> TooManyChunksError:
    return TooManyChunksError(
        f"document makes more than {max_chunks:,} chunks, over the limit "
        "(POCKETRAG_PARSE_MAX_CHUNKS)"
    )


def _windows(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of text of at most WINDOW_CHARS, cut at the last whitespace of
    the window so that no token is split (BERT tokens never cross whitespace), the
    whitespace itself left out; a window without any is cut where it ends."""
    start, n = 0, len(text)
    while n - start > WINDOW_CHARS:
        end = start + WINDOW_CHARS
        cut = max(text.rfind(space, start, end) for space in " \n\t\r")
        cut = cut if cut > start else end
        nxt = cut
        while cut > start and text[cut - 1].isspace():
            cut -= 1
        yield start, cut
        start = nxt
        while start < n and text[start].isspace():
            start += 1
    yield start, n
