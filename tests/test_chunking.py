"""Chunker rules, checked with the embedding model's real tokenizer."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from pocketrag.chunking import Chunker, joined_text, sentence_spans
from pocketrag.config import load_settings
from pocketrag.documents import Block, Document
from pocketrag.embedding import get_tokenizer
from pocketrag.loaders import load_document
from pocketrag.settings_views import LoaderLimits


@pytest.fixture(scope="module")
def tokenizer():
    return get_tokenizer(load_settings())


def count(tokenizer, text: str) -> int:
    return len(tokenizer.encode(text, add_special_tokens=False).ids)


def sentences(n: int, topic: str) -> str:
    return " ".join(
        f"Rule {i} of the {topic} policy says staff must follow step {i}." for i in range(n)
    )


def document(blocks: list[Block], title: str = "Handbook") -> Document:
    return Document(source="mem://handbook", title=title, doc_type="text", blocks=blocks)


def check_invariants(tokenizer, doc: Document, chunks, max_tokens: int) -> None:
    text = joined_text(doc)
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    for c in chunks:
        assert count(tokenizer, c.embed_text) <= max_tokens, c.embed_text
        assert text[c.char_start : c.char_end] == c.text
        assert c.embed_text.endswith(c.text)
        # No chunk crosses a heading boundary: every block it touches has its heading path.
        pos = 0
        for block in doc.blocks:
            start, end = pos, pos + len(block.text)
            if start < c.char_end and c.char_start < end:
                assert block.heading_path == c.heading_path
            pos = end + 2


@pytest.mark.parametrize("max_tokens", [48, 100, 200])
def test_budget_sections_and_spans_on_the_hr_manual(
    shared_data: Path, tokenizer, max_tokens: int
) -> None:
    limits = LoaderLimits.from_settings(load_settings())
    for name in ("markdown/manual.md", "pdf/manual.pdf", "docx/manual.docx", "html/manual.html"):
        doc = load_document(shared_data / "hr_manual_multiformat" / name, limits)
        chunks = Chunker(tokenizer, max_tokens=max_tokens).run(doc)
        check_invariants(tokenizer, doc, chunks, max_tokens)
        covered = " ".join(c.text for c in chunks)
        for block in doc.blocks:  # nothing lost
            for word in block.text.split()[:5]:
                assert word in covered
        if name.startswith("pdf"):
            assert {p for c in chunks for p in (c.page_start, c.page_end)} == set(range(1, 11))


def test_never_merges_sections(tokenizer) -> None:
    doc = document(
        [
            Block("Leave is 25 days.", heading_path=("Leave",)),
            Block("Expenses are paid monthly.", heading_path=("Expenses",)),
            Block("Receipts are required.", heading_path=("Expenses",)),
            Block("Back to leave again.", heading_path=("Leave",)),
        ]
    )
    chunks = Chunker(tokenizer).run(doc)
    assert [(c.text, c.heading_path) for c in chunks] == [
        ("Leave is 25 days.", ("Leave",)),
        ("Expenses are paid monthly.\n\nReceipts are required.", ("Expenses",)),
        ("Back to leave again.", ("Leave",)),
    ]
    assert (
        chunks[1].embed_text
        == "Handbook > Expenses\nExpenses are paid monthly.\n\nReceipts are required."
    )


def test_prefix_does_not_repeat_the_title(tokenizer) -> None:
    doc = document([Block("Text.", heading_path=("Handbook", "Leave"))])
    assert Chunker(tokenizer).run(doc)[0].embed_text == "Handbook > Leave\nText."


def test_long_paragraph_split_by_sentences_with_overlap(tokenizer) -> None:
    doc = document([Block(sentences(40, "travel"), page=3, heading_path=("Travel",))])
    chunks = Chunker(tokenizer, max_tokens=80, overlap_sentences=1).run(doc)
    check_invariants(tokenizer, doc, chunks, 80)
    assert len(chunks) > 3
    for before, after in pairwise(chunks):
        last_sentence = before.text[sentence_spans(before.text)[-1][0] :]
        assert after.text.startswith(last_sentence)  # one sentence of overlap
        assert after.char_start < before.char_end
        assert (after.page_start, after.page_end) == (3, 3)
    # Every sentence is whole in some chunk: cuts fall between sentences.
    for i in range(40):
        sentence = f"Rule {i} of the travel policy says staff must follow step {i}."
        assert any(sentence in c.text for c in chunks)


def test_no_overlap_when_disabled(tokenizer) -> None:
    doc = document([Block(sentences(30, "travel"))])
    chunks = Chunker(tokenizer, max_tokens=80, overlap_sentences=0).run(doc)
    assert all(a.char_end <= b.char_start for a, b in pairwise(chunks))


def test_paragraphs_kept_whole_when_they_fit(tokenizer) -> None:
    paragraphs = [sentences(3, f"topic{i}") for i in range(6)]
    doc = document([Block(p) for p in paragraphs])
    chunks = Chunker(tokenizer, max_tokens=120).run(doc)
    check_invariants(tokenizer, doc, chunks, 120)
    for c in chunks:  # each chunk is whole paragraphs (perhaps after an overlap sentence)
        parts = c.text.split("\n\n")
        assert all(p in paragraphs for p in parts[1:])
        assert any(p.endswith(parts[0]) for p in paragraphs)  # whole, or its last sentence


@pytest.mark.parametrize("opening", ["Q: How do I do a cold pull?", "It is easy:"])
def test_a_question_or_lead_in_opens_the_chunk_of_what_it_introduces(
    tokenizer, opening: str
) -> None:
    # An FAQ: the cut would fall after the question (or a list's lead-in); the chunk that
    # holds it must hold its answer too, or the question is quoted as its own answer.
    before = [sentences(2, f"topic{i}") for i in range(3)]
    answer = ["Heat the nozzle to 250 degrees.", "Pull the filament out at 90 degrees."]
    blocks = [Block(p) for p in (*before, opening, *answer)]
    doc = document(blocks)
    budget = count(tokenizer, "\n\n".join((*before, opening))) + 2  # room up to the opening
    chunks = Chunker(tokenizer, max_tokens=budget, overlap_sentences=0).run(doc)
    check_invariants(tokenizer, doc, chunks, budget)
    holding = [c for c in chunks if opening in c.text]
    assert holding and all(answer[0] in c.text for c in holding)
    assert not chunks[0].text.endswith(opening)


def test_pages_carried_across_blocks(tokenizer) -> None:
    doc = document(
        [Block(sentences(2, "leave"), page=p, heading_path=("Leave",)) for p in (4, 5, 6)]
    )
    chunks = Chunker(tokenizer, max_tokens=200).run(doc)
    assert (chunks[0].page_start, chunks[-1].page_end) == (4, 6)
    assert all(c.page_start <= c.page_end for c in chunks)


def test_overlong_sentence_split_by_tokens(tokenizer) -> None:
    words = " ".join(f"item{i}" for i in range(400))  # one "sentence" of ~1,200 tokens
    doc = document([Block(words)])
    chunks = Chunker(tokenizer, max_tokens=64, overlap_sentences=1).run(doc)
    check_invariants(tokenizer, doc, chunks, 64)
    assert " ".join(c.text for c in chunks).split() == words.split()  # no word cut or lost


def test_very_long_heading_path_is_capped(tokenizer) -> None:
    path = tuple(f"Section {i} about many different things" for i in range(30))
    doc = document([Block(sentences(10, "deep"), heading_path=path)])
    chunks = Chunker(tokenizer, max_tokens=64).run(doc)
    check_invariants(tokenizer, doc, chunks, 64)
    assert chunks[0].embed_text.startswith("… ")


def test_deterministic(tokenizer, shared_data: Path) -> None:
    doc = load_document(
        shared_data / "hr_manual_multiformat" / "pdf" / "manual.pdf",
        LoaderLimits.from_settings(load_settings()),
    )
    assert Chunker(tokenizer).run(doc) == Chunker(tokenizer).run(doc)


def test_empty_document_gives_no_chunks(tokenizer) -> None:
    assert Chunker(tokenizer).run(document([Block("   ")])) == []


def test_blank_blocks_are_not_part_of_the_joined_text(tokenizer) -> None:
    doc = document([Block("First part."), Block(" \n "), Block("Second part.")])
    assert joined_text(doc) == "First part.\n\nSecond part."
    chunk = Chunker(tokenizer).run(doc)[0]
    assert joined_text(doc)[chunk.char_start : chunk.char_end] == chunk.text == joined_text(doc)


def test_rejects_bad_settings(tokenizer) -> None:
    with pytest.raises(ValueError):
        Chunker(tokenizer, max_tokens=8)
    with pytest.raises(ValueError):
        Chunker(tokenizer, overlap_sentences=-1)
