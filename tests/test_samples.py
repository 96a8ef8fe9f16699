"""Shape checks on the sample handbook and its question set (samples/handbook/).

The sample set is what `make demo` indexes and what retrieval quality is measured on, so
these tests guard its promises: every format present in the agreed numbers, real multi-page
PDFs and DOCX with headings and tables, generated files in step with their sources, and a
question file whose answers and "not covered" claims are true of the text.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pypdfium2
import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
HANDBOOK = SAMPLES / "handbook"
SOURCE_DIR = SAMPLES / "handbook-src"
QUESTIONS = HANDBOOK / "questions.jsonl"
DOC_SUFFIXES = {".pdf", ".docx", ".html", ".md", ".txt"}
KINDS = {"direct", "paraphrase", "multi_doc", "unanswerable"}


def documents() -> list[Path]:
    return sorted(p for p in HANDBOOK.iterdir() if p.suffix in DOC_SUFFIXES)


def questions() -> list[dict]:
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def plain_text_of_corpus() -> str:
    """All handbook words, lower-cased: PDF/DOCX via their Markdown sources, others as files."""
    parts = [p.read_text(encoding="utf-8") for p in SOURCE_DIR.glob("*.md")]
    for p in documents():
        if p.suffix in {".md", ".txt"}:
            parts.append(p.read_text(encoding="utf-8"))
        elif p.suffix == ".html":
            parts.append(re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8")))
    text = re.sub(r"\s+", " ", " ".join(parts)).lower()
    return text.replace("gbp ", "£")  # the .txt policies write "GBP 300" for £300


def test_formats_and_counts() -> None:
    counts = Counter(p.suffix for p in documents())
    assert sum(counts.values()) >= 20, counts
    assert counts[".pdf"] >= 3
    assert counts[".docx"] >= 2
    assert counts[".html"] >= 2
    assert counts[".md"] >= 3
    assert counts[".txt"] >= 3
    # Only documents and the question file live in the ingested folder.
    others = [p.name for p in HANDBOOK.iterdir() if p.suffix not in DOC_SUFFIXES]
    assert others == ["questions.jsonl"]


def test_corpus_size_fits_about_100_to_150_chunks() -> None:
    words = len(plain_text_of_corpus().split())
    assert 15_000 <= words <= 23_000, words


def test_generated_files_match_their_sources(tmp_path: Path) -> None:
    """Committed PDFs/DOCX are exactly what samples/make_handbook.py renders now."""
    spec = importlib.util.spec_from_file_location("make_handbook", SAMPLES / "make_handbook.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_handbook"] = module  # dataclasses resolve annotations via sys.modules
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop("make_handbook", None)
    module.main(tmp_path)
    generated = sorted(p.name for p in tmp_path.iterdir())
    assert len(generated) == len(module.PDF_SOURCES) + len(module.DOCX_SOURCES)
    for name in generated:
        assert (tmp_path / name).read_bytes() == (HANDBOOK / name).read_bytes(), (
            f"{name} is stale: run .venv/bin/python samples/make_handbook.py and commit"
        )


@pytest.mark.parametrize("path", sorted(HANDBOOK.glob("*.pdf")), ids=lambda p: p.name)
def test_pdfs_are_multi_page_with_text_and_page_footers(path: Path) -> None:
    assert path.stat().st_size < 200_000
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        assert len(pdf) >= 2
        for index in range(len(pdf)):
            text = pdf[index].get_textpage().get_text_range()
            assert len(text.split()) > 10, f"page {index + 1} has no real text layer"
            assert f"Page {index + 1} of {len(pdf)}" in text
    finally:
        pdf.close()


@pytest.mark.parametrize("path", sorted(HANDBOOK.glob("*.docx")), ids=lambda p: p.name)
def test_docx_have_heading_styles_and_a_table(path: Path) -> None:
    document = docx.Document(str(path))
    styles = {p.style.name for p in document.paragraphs}
    assert "Title" in styles
    assert "Heading 1" in styles
    assert len(document.tables) >= 1
    table = document.tables[0]
    assert len(table.rows) >= 3 and len(table.columns) >= 2
    assert all(cell.text.strip() for cell in table.rows[0].cells)
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None


@pytest.mark.parametrize("path", sorted(HANDBOOK.glob("*.html")), ids=lambda p: p.name)
def test_html_has_boilerplate_and_real_headings(path: Path) -> None:
    html = path.read_text(encoding="utf-8")
    for tag in ("<nav", "<footer", "<script", "<style", "<h1", "<h2"):
        assert tag in html, f"{path.name} lacks {tag}"
    assert 'charset="utf-8"' in html


def test_some_markdown_has_front_matter_title_and_some_not() -> None:
    md = [p.read_text(encoding="utf-8") for p in HANDBOOK.glob("*.md")]
    with_fm = [t for t in md if re.match(r"---\n(.*\n)*?title: .+\n(.*\n)*?---\n", t)]
    assert len(with_fm) >= 2
    assert len(md) - len(with_fm) >= 2
    assert all(re.search(r"^# \S", t, re.M) for t in md)


def test_question_file_shape_and_minimums() -> None:
    qs = questions()
    assert len(qs) >= 50
    names = {p.name for p in documents()}
    seen = set()
    for q in qs:
        assert set(q) >= {"question", "expected_sources", "answerable", "reference_answer"}
        assert q["kind"] in KINDS
        assert q["question"].strip() and q["question"] not in seen
        seen.add(q["question"])
        if q["answerable"]:
            assert q["expected_sources"] and q["reference_answer"].strip()
            assert set(q["expected_sources"]) <= names, q
        else:
            assert q["expected_sources"] == [] and q["reference_answer"] == ""
            assert q["kind"] == "unanswerable"
        assert (len(q["expected_sources"]) >= 2) == (q["kind"] == "multi_doc"), q
    kinds = Counter(q["kind"] for q in qs)
    assert kinds["unanswerable"] >= 12
    assert kinds["multi_doc"] >= 6
    assert kinds["paraphrase"] >= 10
    # Every format is asked about, so a loader regression shows up in the quality check.
    asked = {Path(s).suffix for q in qs for s in q["expected_sources"]}
    assert asked == DOC_SUFFIXES


# Words that would answer an "unanswerable" question if the handbook ever mentioned them.
ABSENT = {
    "share options": ["share option", "share scheme", "stock option"],
    "dog": [" dog", " pets", " pet "],
    "CEO": ["ceo", "chief executive"],
    "cycle-to-work": ["cycle-to-work", "cycle to work"],
    "party": ["christmas party", "summer party", "staff party"],
    "parking": ["staff parking", "car park", "parking space"],
    "sabbatical": ["sabbatical", "career break"],
    "bonus": ["bonus"],
    "referral": ["referral", "refer a friend"],
    "dress code": ["dress code", " dress "],
    "smoking": ["smok", "vap"],
    "childcare": ["childcare", "nursery"],
    "guest wi-fi": ["guest wi-fi", "wi-fi password"],
    "relocation": ["relocat"],
    "headcount": ["headcount", "employees in total"],
}


def test_unanswerable_topics_are_really_absent() -> None:
    text = plain_text_of_corpus()
    for topic, needles in ABSENT.items():
        hits = [n for n in needles if n in text]
        assert not hits, f"handbook now mentions {topic!r} ({hits}); update questions.jsonl"
    unanswerable = " ".join(q["question"].lower() for q in questions() if not q["answerable"])
    for word in ("share", "dog", "ceo", "cycle", "party", "parking", "sabbatical", "bonus"):
        assert word in unanswerable


# Values a reference answer computes from the text rather than quotes (mileage arithmetic).
DERIVED = {"£20.25"}


def test_reference_answers_quote_facts_found_in_their_sources() -> None:
    """Numbers in a reference answer (25, £180, 09:30, ...) appear in the handbook text."""
    text = plain_text_of_corpus()
    for q in questions():
        for number in re.findall(r"£?\d[\d,.:]*\d|£?\d", q["reference_answer"]):
            number = number.rstrip(".,:")
            if number not in DERIVED:
                assert number in text, (number, q["question"])
