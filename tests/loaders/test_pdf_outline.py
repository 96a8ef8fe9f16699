"""A PDF's outline (loaders/pdf_outline.py): a line its bookmarks name heads what follows at
the bookmark's depth, wherever it stands. Body-type headings after an unfinished line
(gnuplot's "Set datafile missing" after "... is generated. Set datafile missing Syntax:")
and a newsletter's section titles had run into the text. PDFs made here with fpdf2, whose
start_section writes a bookmark to the place it is called."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from pocketrag.loaders import pdf
from pocketrag.settings_views import LoaderLimits

LONG = "Every line of this paragraph is set in the body type of the manual and runs long"
ENDS = "and the paragraph ends here, with a full stop at the end of this line of text."


def _manual(path: Path, pages: list[list[tuple[int | None, str]]], outline: bool) -> Path:
    """One page for each entry; each (depth, line) is a line in body type, with a bookmark
    to it at that depth when `outline` and depth is not None."""
    document = FPDF()
    document.set_font("Helvetica", size=10)
    for lines in pages:
        document.add_page()
        for depth, text in lines:
            if outline and depth is not None:
                document.start_section(text, level=depth)
            document.cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    document.output(str(path))
    return path


def _path_of(blocks: list, start: str) -> tuple[str, ...]:
    return next(b.heading_path for b in blocks if b.text.startswith(start))


# A manual whose headings the text alone cannot all tell: "Set datafile missing" follows a
# line that ends no sentence, and "Datafile" is one word followed by a short line.
PAGES: list[list[tuple[int | None, str]]] = [
    [
        (0, "Commands"),
        (None, LONG),
        (None, ENDS),
        (1, "Datafile"),
        (None, "The set datafile command options control how data files are read."),
        (2, "Set datafile nofpe_trap"),
        (None, LONG),
        (None, "at the risk of program termination if an exception is generated and"),
        (2, "Set datafile missing"),
        (None, "Syntax: set datafile missing string, and the manual goes on from there for"),
        (None, ENDS),
    ],
    [
        (1, "Fit"),
        (None, "The fit command fits a user-supplied function to a set of data points."),
        (None, ENDS),
    ],
]


def test_bookmarked_lines_head_their_text_at_their_depth(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    blocks = pdf.load(_manual(tmp_path / "manual.pdf", PAGES, outline=True), limits).blocks
    commands = ("Commands", "Datafile")
    assert _path_of(blocks, "The set datafile") == commands
    assert _path_of(blocks, "Syntax:") == (*commands, "Set datafile missing")
    assert _path_of(blocks, "The fit command") == ("Commands", "Fit")  # closes Datafile
    assert not any("Set datafile missing" in b.text for b in blocks)


def test_without_an_outline_the_same_lines_run_into_the_text(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    # what the bookmarks add: the text alone reads this heading as the paragraph's last line
    blocks = pdf.load(_manual(tmp_path / "plain.pdf", PAGES, outline=False), limits).blocks
    text = " ".join(b.text for b in blocks)
    assert "is generated and Set datafile missing Syntax:" in text


def test_a_bookmark_without_its_number_names_a_numbered_heading_wrapped_over_two_lines(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    document = FPDF()
    document.set_font("Helvetica", size=10)
    document.add_page()
    document.start_section("Introduction", level=0)
    for text in ["1 Introduction", LONG, ENDS]:
        document.cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    document.start_section("Extending the hook concept to paragraphs and", level=0)
    for text in ["2 Extending the hook concept to", "paragraphs and", LONG, ENDS]:
        document.cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "news.pdf"
    document.output(str(path))
    blocks = pdf.load(path, limits).blocks
    assert _path_of(blocks, LONG) == ("1 Introduction",)
    assert [b.heading_path for b in blocks][-1] == (
        "2 Extending the hook concept to paragraphs and",
    )


def test_a_heading_the_outline_leaves_out_stands_below_its_bookmarks(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """A title-cased line the text reads as a heading ("Shutdown Scripts") goes under the
    bookmarked section it is in, and never closes it: the next paragraph under a deeper
    bookmark keeps the whole path."""
    pages: list[list[tuple[int | None, str]]] = [
        [
            (0, "6 Configuration notes"),
            (None, LONG),
            (None, ENDS),
            (1, "6.3 Automatic shutdowns"),
            (None, LONG),
            (None, ENDS),
            (None, "Shutdown Scripts"),
            (None, LONG),
            (None, ENDS),
            (2, "6.3.1 Shutdown design"),
            (None, "When the battery runs low, the primary system tells its secondaries first"),
            (None, ENDS),
        ]
    ]
    blocks = pdf.load(_manual(tmp_path / "nut.pdf", pages, outline=True), limits).blocks
    section = ("6 Configuration notes", "6.3 Automatic shutdowns")
    assert [b.heading_path for b in blocks if b.text.startswith(LONG)] == [
        ("6 Configuration notes",),
        section,
        (*section, "Shutdown Scripts"),
    ]
    assert _path_of(blocks, "When the battery") == (*section, "6.3.1 Shutdown design")


def test_a_bookmark_to_a_page_without_its_title_heads_nothing(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """A bookmark whose words no line of its page holds (a slide's "Slide Number 55") and
    a body line that only contains a title's words change nothing."""
    document = FPDF()
    document.set_font("Helvetica", size=10)
    document.add_page()
    document.start_section("Slide Number 55", level=0)
    document.start_section("Backups", level=0)
    for text in [f"{LONG} Backups", ENDS]:
        document.cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "slides.pdf"
    document.output(str(path))
    blocks = pdf.load(path, limits).blocks
    assert [b.heading_path for b in blocks] == [()]


def test_a_chapter_printed_twice_or_bookmarked_in_other_words_heads_its_pages(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """htmldoc printed xfig's reference with "Miscellaneous" inside "Global Settings" as
    well as in its own place, one bookmark for both, and bookmarked "Getting and Installing
    Xfig" over a page titled "... and Fig2dev": a page opening with a title in its largest
    type is that chapter, not a section of the chapter before."""
    chapters = [
        ("Global Settings", "Global Settings", "The global settings panel"),
        ("Miscellaneous", None, "The spell check button"),
        ("Getting and Installing Xfig and Fig2dev", "Getting and Installing Xfig", "Get the"),
        ("Keyboard Accelerators", "Keyboard Accelerators", "The following keys"),
        ("Miscellaneous", "Miscellaneous", "The wheel mouse"),
        ("Credits", "Credits", "Thanks to"),  # a title on half the pages is a running one
    ]
    document = FPDF()
    for title, bookmark, opening in chapters:
        document.add_page()
        if bookmark:
            document.start_section(bookmark, level=0)
        document.set_font("Helvetica", size=20)
        document.cell(0, 12, title, new_x="LMARGIN", new_y="NEXT")
        document.set_font("Helvetica", size=10)
        for text in [f"{opening} {LONG.lower()}", LONG, LONG, ENDS]:
            document.cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "reference.pdf"
    document.output(str(path))
    blocks = pdf.load(path, limits).blocks
    assert [_path_of(blocks, opening) for _, _, opening in chapters] == [
        (title,) for title, _, _ in chapters
    ]
