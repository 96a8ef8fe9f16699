"""Regressions for the hostile files of issue 12, at the loader level (in-process, small
generated files); the parse worker's limits are tested in tests/test_parse_worker.py.

The pattern tests carry a hang guard (pytest-timeout) rather than a timed assertion: the old
patterns took minutes on these inputs, the linear ones take a fraction of a second."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile_files import (
    docx_lying_directory,
    markdown_emphasis,
    pdf_huge_page,
    random_bytes,
    random_bytes_sniffed_as_html,
    text_wrapped_paragraph,
    yaml_alias_bomb,
)
from pocketrag.chunking import WINDOW_CHARS, Chunker, TooManyChunksError, joined_text
from pocketrag.config import load_settings
from pocketrag.documents import Block, Document
from pocketrag.embedding import get_tokenizer
from pocketrag.loaders import load_document
from pocketrag.loaders.markdown import parse_markdown

from .test_robustness import load_error


def test_yaml_alias_bomb_is_not_expanded(tmp_path: Path, limits) -> None:
    document = load_document(yaml_alias_bomb(tmp_path / "laughs.md"), limits)
    assert "front_matter" not in document.metadata
    assert document.title == "Laughs"
    assert any("A paragraph of text." in b.text for b in document.blocks)


def test_front_matter_keeps_only_bounded_scalars(tmp_path: Path, limits) -> None:
    path = tmp_path / "policy.md"
    path.write_text(
        "---\ntitle: Travel policy\nowner: Finance\nversion: 3\ntags: [a, b]\n"
        f"nested: {{x: 1}}\nlong: {'y' * 5000}\n---\n\nBook trains in standard class.\n"
    )
    document = load_document(path, limits)
    assert document.title == "Travel policy"
    fields = document.metadata["front_matter"]
    assert fields == {
        "title": "Travel policy",
        "owner": "Finance",
        "version": "3",
        "long": "y" * 1000,
    }


@pytest.mark.timeout(20)
def test_markdown_patterns_are_linear_on_hostile_paragraphs(limits) -> None:
    # 100 KB each; the old emphasis pattern took 45 s on this, the old heading and
    # table-rule patterns ~10 s on 20 KB lines.
    for paragraph in (" **a" * 25_000, " [a" * 33_000, " _a" * 33_000, " ![a" * 25_000):
        blocks, _ = parse_markdown("# T\n\n" + paragraph + "\n", limits)
        assert blocks[0].text.count("a") >= 25_000
    # MyST roles and footnote marks, autolinks: half the a's are markup
    for paragraph in (" {a}`a" * 25_000, " [^a" * 25_000, " <http:a" * 25_000):
        blocks, _ = parse_markdown("# T\n\n" + paragraph + "\n", limits)
        assert blocks[0].text.count("a") >= 12_500
    blocks, first = parse_markdown("#" + " \t" * 50_000 + "x\n\nbody\n", limits)
    assert first == "x"
    blocks, _ = parse_markdown("| a | b |\n|" + " " * 100_000 + "x\n", limits)
    assert "x" in blocks[0].text
    # a raw HTML table never closed: its lines were gathered by copying (quadratic, ~50 s)
    blocks, _ = parse_markdown("<table>\n" + "<tr><td>a</td></tr>\n" * 150_000, limits)
    assert blocks[0].text.count("a") == 150_000


@pytest.mark.timeout(20)
def test_an_asterisk_box_check_is_linear_on_hostile_lines() -> None:
    # "* " then 200 KB of spaces and no closing "*": a pattern with a lazy group before
    # "[ \t]*\*" retries the spaces at every position (quadratic)
    from pocketrag.loaders.wrapping import unboxed

    lines = ["* " + " " * 200_000 + "x"] * 3 + ["*" + " " * 200_000 + "*"] * 3
    assert unboxed("\n".join(lines)).split("\n") == [*lines[:3], "", "", ""]


@pytest.mark.timeout(20)
def test_line_end_hyphens_are_decided_in_linear_time() -> None:
    # a 200 KB line of "a-a-a-..." before a break, a 200 KB word, 100,000 breaks in a row:
    # patterns that retried each start position took 17 s on a 16 KB line
    from pocketrag.loaders.pdf_hyphens import LINE_END_HYPHEN, keep_hyphens

    pages = [["a-" * 100_000 + "b" + LINE_END_HYPHEN + "c", "x" * 200_000 + " y"]]
    pages.append([("ab" + LINE_END_HYPHEN) * 100_000 + "ab"])
    keep_hyphens(pages, "pdfTeX-1.40.24")
    assert pages[0][0].endswith("a-b-c")  # a word with hyphens keeps the one at the break
    assert pages[1][0] == "ab" * 100_001


def test_markdown_emphasis_still_stripped(tmp_path: Path, limits) -> None:
    document = load_document(markdown_emphasis(tmp_path / "e.md", scale=0.001), limits)
    assert document.blocks[0].text.startswith("**a **a")  # no closing pair: kept as typed
    blocks, first = parse_markdown(
        "## Leave ##\n\nTake **paid** leave, _not_ [unpaid](x).\n", limits
    )
    assert first == "Leave"
    assert blocks[0].text == "Take paid leave, not unpaid."


def test_docx_whose_directory_lies_about_size(tmp_path: Path, limits) -> None:
    path = docx_lying_directory(tmp_path / "lies.docx", scale=0.02)  # 20 MB of XML, "2 KB"
    assert "inflates to more than the 2,048 bytes" in load_error(path, limits)


def test_pdf_with_a_billion_point_page(tmp_path: Path, limits) -> None:
    message = load_error(pdf_huge_page(tmp_path / "huge.pdf"), limits)
    assert "1,000,000,000 x 1,000,000,000 points" in message and "14,400" in message


def test_random_bytes_named_md_or_sniffed_as_html_are_refused(tmp_path: Path, limits) -> None:
    for path in (
        random_bytes(tmp_path / "notes.md"),
        random_bytes_sniffed_as_html(tmp_path / "page.md"),
        random_bytes_sniffed_as_html(tmp_path / "page.pdf"),
    ):
        assert "binary file" in load_error(path, limits)
    control = tmp_path / "controls.md"  # no NUL byte, but a quarter control characters
    control.write_bytes(b"# Title\n\n" + b"text\x01\x02\x03\x04\x05\x06 " * 200)
    assert "binary file" in load_error(control, limits)


def test_long_blocks_are_chunked_in_windows_with_exact_spans() -> None:
    tokenizer = get_tokenizer(load_settings())
    sentence = "Staff may claim travel costs when the trip is approved in advance. "
    one_paragraph = sentence * (3 * WINDOW_CHARS // len(sentence))
    no_space = "x" * (WINDOW_CHARS + 500)
    document = Document(
        source="mem://long",
        title="Travel",
        doc_type="text",
        blocks=[Block(text=one_paragraph.strip()), Block(text=no_space)],
    )
    chunks = Chunker(tokenizer, max_tokens=100).run(document)
    text = joined_text(document)
    for chunk in chunks:
        assert text[chunk.char_start : chunk.char_end] == chunk.text
        assert len(tokenizer.encode(chunk.embed_text, add_special_tokens=False).ids) <= 100
    covered = "".join(c.text for c in chunks if c.char_end <= len(one_paragraph))
    assert covered.count("approved in advance") >= one_paragraph.count("approved in advance")
    assert chunks[-1].text.endswith("x")
    with pytest.raises(TooManyChunksError, match="POCKETRAG_PARSE_MAX_CHUNKS"):
        Chunker(tokenizer, max_tokens=100).run(document, max_chunks=10)


@pytest.mark.timeout(30)
def test_html_row_headed_tables_and_powers_stay_linear(tmp_path: Path, limits) -> None:
    # 2 MB of header-cell rows and of powers: each read once, in order, nothing lost
    rows = 50_000
    path = tmp_path / "big.html"
    path.write_text(
        "<table>"
        + "".join(f"<tr><th>k{i}:</th><td>v{i}</td></tr>" for i in range(rows))
        + "</table><p>"
        + "2<sup>8</sup> " * rows
        + "</p>",
        encoding="utf-8",
    )
    texts = [b.text for b in load_document(path, limits).blocks]
    assert texts[:rows] == [f"k{i}: v{i}" for i in range(rows)]
    assert texts[rows].count("2^8") == rows


def test_a_page_of_thousands_of_rules_reads_its_text(tmp_path: Path, limits) -> None:
    """A drawing of 2,000 rules of as many widths beside a table: past pdf_rules.MAX_RULES
    the rules are not grouped (that grows with their square), and the page reads as before."""
    from fpdf import FPDF

    document = FPDF()
    document.set_font("Helvetica", size=10)
    document.add_page()
    with document.table() as table:
        for cells in [("Band", "Days", "Notice"), ("A", "20", "1 week"), ("B", "25", "1 month"),
                      ("C", "28", "3 months")]:  # fmt: skip
            row = table.row()
            for cell in cells:
                row.cell(cell)
    for i in range(2000):  # 15 a line, apart, 8 mm long (rules), lines 1.4 mm apart
        x, y = 10 + (i % 15) * 12, 70 + (i // 15) * 1.4
        document.line(x, y, x + 8, y)
    path = tmp_path / "drawing.pdf"
    document.output(str(path))
    text = " ".join(b.text for b in load_document(path, limits).blocks)
    assert "Band: C; Days: 28; Notice: 3 months" in text, text


@pytest.mark.timeout(30)
def test_a_footnote_label_before_many_empty_blocks_stays_linear(tmp_path: Path, limits) -> None:
    # a footnote's "[1]" joins its paragraph; 200,000 empty blocks after it must not each
    # re-read all the pieces waiting before them
    path = tmp_path / "notes.html"
    path.write_text(
        "<aside class='footnote'>[1]" + "<div>" * 200_000 + "Note text.</aside>",
        encoding="utf-8",
    )
    assert [b.text for b in load_document(path, limits).blocks] == ["[1]", "Note text."]


def test_an_endless_outline_is_read_only_so_far(tmp_path: Path, limits) -> None:
    """A PDF with 25,000 bookmarks (pdf_outline reads MAX_ENTRIES of them, and a bookmark
    naming no line of its page heads nothing): the page's text loads, under no heading."""
    import pypdfium2 as pdfium
    from fpdf import FPDF

    from pocketrag.loaders import pdf_outline

    document = FPDF()
    document.set_font("Helvetica", size=10)
    document.add_page()
    for n in range(pdf_outline.MAX_ENTRIES + 5_000):
        document.start_section(f"Bookmark {n}", level=0)
    document.cell(0, 5, "Body text of the only page.")
    path = tmp_path / "bookmarks.pdf"
    document.output(str(path))
    pdf = pdfium.PdfDocument(str(path))
    try:
        read = sum(len(titles) for titles in pdf_outline.read(pdf).values())
    finally:
        pdf.close()
    assert read == pdf_outline.MAX_ENTRIES
    blocks = load_document(path, limits).blocks
    assert [(b.text, b.heading_path) for b in blocks] == [("Body text of the only page.", ())]


@pytest.mark.timeout(20)
def test_runs_of_form_feeds_are_one_page_break(tmp_path: Path, limits) -> None:
    # a form feed parts pages (printed_text.without_page_headers); millions of them had each
    # become an empty paragraph (1.1 GB, 30 s), where read as one line they had cost a second
    only = tmp_path / "feeds.txt"
    only.write_text("\f" * 3_000_000)
    assert "no text" in load_error(only, limits)
    pages = tmp_path / "pages.txt"
    pages.write_text("First page.\f\f\f\f\n\fSecond page.\n" + "\f" * 1_000_000)
    assert [b.text for b in load_document(pages, limits).blocks] == ["First page.", "Second page."]


@pytest.mark.timeout(30)
def test_a_long_paragraph_of_wrapped_lines_unwraps_in_linear_time(tmp_path: Path, limits) -> None:
    # 1.2 MB of one paragraph, 18,000 lines: unwrap had read the whole joined line at each
    # line under it (300 KB took 100 s; this, half an hour)
    path = text_wrapped_paragraph(tmp_path / "wrapped.txt")
    lines = path.read_text().split("\n")[:-1]
    assert [b.text for b in load_document(path, limits).blocks] == [" ".join(lines)]


def test_a_long_joined_line_is_still_read_at_its_start_and_end() -> None:
    # the checks read a joined line's edges (its first and last 300 characters): what opens
    # a numbered row and what ends a lead-in are still seen 3,000 characters on
    from pocketrag.loaders.wrapping import unwrap

    wrapped = ["and the description of the row goes on over many lines of the printed report"]
    row = "\n".join(["1 The first row of the table opens with its number and so on", *wrapped * 40])
    assert unwrap(row + "\n2 The second row opens with its own number").split("\n")[1] == (
        "2 The second row opens with its own number"
    )
    lead_in = "\n".join([*wrapped * 40, "and it ends in a lead-in to the list below it here:"])
    assert (
        unwrap(lead_in + "\nthe list's first line under the lead-in stands alone, too").count("\n")
        == 1
    )


@pytest.mark.timeout(30)
def test_an_aligned_table_check_is_linear_and_expands_no_long_line(tmp_path: Path, limits) -> None:
    # a header in capitals over 4 million tabs: read as a table's row, the tabs would have
    # been expanded eightfold and each column counted; over 200,000 rows it stays linear
    path = tmp_path / "tabs.txt"
    path.write_text("NAME  TYPE  DESC\n" + "\t" * 4_000_000 + "x\nA  B  C\n")
    assert [b.text for b in load_document(path, limits).blocks][-1].endswith("x\nA B C")
    rows = tmp_path / "rows.txt"
    rows.write_text("NAME  TYPE  DESC\n" + "a     b     c\n" * 200_000)
    text = load_document(rows, limits).blocks[0].text
    assert text.count("NAME: a; TYPE: b; DESC: c") == 200_000
