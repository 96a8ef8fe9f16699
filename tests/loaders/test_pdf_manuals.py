"""Typeset manuals in PDF (DocBook's dblatex, LaTeX, texinfo, Sphinx): running titles that
change from page to page, chapter openings, lettered appendix sections, code samples,
names broken at a line's end and footnotes. PDFs made here with fpdf2,
or a page's lines given to page_blocks as PDFium would give them."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from pocketrag.loaders import pdf
from pocketrag.loaders._common import NUMBERED_HEADING, heading_level
from pocketrag.loaders.pdf_breaks import join_broken_names
from pocketrag.loaders.pdf_chapters import ChapterTitle, chapter_titles
from pocketrag.loaders.pdf_hyphens import LINE_END_HYPHEN, keep_hyphens
from pocketrag.loaders.pdf_running import drop_running_lines
from pocketrag.settings_views import LoaderLimits

BODY = (
    "The installer reads its answers from the file you give it and asks only the questions "
    "that are left."
)
WIDTH = len(BODY)
# Different body lines for each page (the same line on most pages is a running line).
TOPICS = ["partitions", "mirrors", "firmware", "keyboards", "locales", "networks", "tasks"]


def _body(n: int) -> str:
    return f"The installer reads its answers about {TOPICS[n]} from the file you give it."


def _paths(blocks: list) -> list[tuple[str, ...]]:
    return [b.heading_path for b in blocks]


def test_running_titles_that_end_in_the_page_number_are_dropped() -> None:
    """texinfo's and Sphinx's running titles name the chapter or section and carry the
    page number ("Chapter 3: Basic Shell Features 27"): too few pages share one to be a
    running line, but the number counts up with the pages. A chapter's first line that
    happens to start with its page's number ("1 Introduction") is no running title."""
    pages = [
        ["1 Introduction", "1.1 What is Bash?", _body(0)],
        ["Chapter 1: Introduction 2", _body(1), _body(2)],
        ["1.2 What is a shell? 3", _body(2), "Shells may be used interactively."],
        ["Chapter 1: Introduction 4", _body(3)],
        ["2 Definitions", _body(4)],
        ["Chapter 2: Definitions 6", _body(5), "end of the chapter"],
        ["1.2 What is a shell? 7", _body(6)],
        ["Chapter 2: Definitions 8", _body(0)],
    ]
    drop_running_lines(pages)
    assert pages[0][0] == "1 Introduction"
    assert [p[0] for p in pages[1:]] == [
        _body(1),
        _body(2),
        _body(3),
        "2 Definitions",
        _body(5),
        _body(6),
        _body(0),
    ]
    assert pages[2][-1] == "Shells may be used interactively."


def test_htmldocs_two_line_footers_are_dropped() -> None:
    """htmldoc ends each page with the chapter's name over the section's name and the page
    number ("Main Menus" / "Snap Menu 10"): a section's line is on one or two pages only,
    and the chapter's line had run into the next page's first sentence. A short last line
    that does not end in the page's number is the body's."""
    pages = [
        ["Table of Contents", _body(0), "Introduction", "Starting xfig 1"],
        [_body(1), "Introduction", "Display Windows 2"],
        [_body(2), "Main Menus", "File Menu 3"],
        [_body(3), "Main Menus", "Snap Menu 4"],
        [_body(4), "Main Menus", "Help Menu 5"],
        [_body(5), "See the help menu.", "Editing Objects 7"],
        [_body(6), "The end of the manual."],
    ]
    drop_running_lines(pages)
    assert pages == [
        ["Table of Contents", _body(0)],
        [_body(1)],
        [_body(2)],
        [_body(3)],
        [_body(4)],
        [_body(5), "See the help menu.", "Editing Objects 7"],
        [_body(6), "The end of the manual."],
    ]


def test_running_titles_in_capitals_after_a_chapter_label_are_dropped() -> None:
    """dblatex runs "CHAPTER 5. BOOTING THE INSTALLATION SYSTEM 5.1. ..." over its pages,
    naming the section too, so no two chapters' lines are alike; the label and number in
    capitals at the top of several pages are what they share. It had been glued onto each
    page's first paragraph."""
    pages = [
        ["CHAPTER 3. BEFORE INSTALLING 3.2. BACK UP YOUR EXISTING DATA!", _body(0)],
        ["CHAPTER 3. BEFORE INSTALLING 3.3. INFORMATION YOU WILL NEED", _body(1)],
        ["Chapter 4", "Obtaining System Installation Media", _body(2)],
        ["CHAPTER 4. OBTAINING SYSTEM INSTALLATION… 4.2. DOWNLOADING FILES", _body(3)],
        ["APPENDIX 4. A LINE OF BODY TEXT IN CAPITALS ON ONE PAGE ONLY", _body(4)],
        [
            "CHAPTER 8. NEXT STEPS AND WHERE TO GO … 8.4. SETTING UP YOUR SYSTEM TO USE E-MAIL",
            _body(5),
        ],
    ]
    drop_running_lines(pages)
    assert [p[0] for p in pages] == [
        _body(0),
        _body(1),
        "Chapter 4",
        _body(3),
        "APPENDIX 4. A LINE OF BODY TEXT IN CAPITALS ON ONE PAGE ONLY",
        _body(5),
    ]


def test_a_chapter_label_and_its_title_head_the_chapter_and_its_lettered_sections() -> None:
    """ "Appendix B" over its title (wrapped onto a second line) is one first-level heading,
    and the appendix's sections "B.1", "B.2.3" are headings under it; read apart, the label
    was a stray paragraph of the previous chapter and B.1 stayed under it."""
    headings = [(1, ChapterTitle("Appendix A: Installation Howto")), (2, "A.5 And finally…")]
    lines = [
        "Appendix B",
        "Automating the installation using",
        "preseeding",
        BODY,
        "B.1 Introduction",
        BODY,
        "B.2.3 Auto mode",
        BODY,
    ]
    blocks, _ = pdf.page_blocks(lines, 75, headings, WIDTH)
    title = "Appendix B: Automating the installation using preseeding"
    assert _paths(blocks) == [
        (title,),
        (title, "B.1 Introduction"),
        (title, "B.2.3 Auto mode"),  # not under B.1
    ]
    assert heading_level("B.2.3 Auto mode") == 3


def test_sphinx_chapter_label_in_words_joins_its_title() -> None:
    lines = ["CHAPTER", "SIX", "BEST PACKAGING PRACTICES", BODY, "6.1 Best practices", BODY]
    blocks, _ = pdf.page_blocks(lines, 71, [(1, "MANAGING PACKAGES")], WIDTH)
    chapter = "CHAPTER SIX: BEST PACKAGING PRACTICES"
    assert _paths(blocks) == [(chapter,), (chapter, "6.1 Best practices")]


def test_numbered_sections_are_headings_whatever_follows_them() -> None:
    """A numbered section's heading was missed when a short sentence, a side note's label or
    a paragraph opening in lower case followed it, or when it ended in "!"."""
    lines = [
        "3.2 Back Up Your Existing Data!",
        BODY,
        "2.1.2 CPU Support",
        "Both AMD64 and Intel 64 processors are supported.",
        "5.1 Booting the Installer on 64-bit PC",
        "WARNING",
        "If you have any other operating systems on your system that you wish to keep",
        "6.3.4.6 Configuring Encrypted Volumes",
        "debian-installer allows you to set up encrypted partitions. Every file you write",
    ]
    blocks, _ = pdf.page_blocks(lines, 21, [], WIDTH)
    heads = {path[-1] for path in _paths(blocks) if path}
    assert heads == {
        "3.2 Back Up Your Existing Data!",
        "2.1.2 CPU Support",
        "5.1 Booting the Installer on 64-bit PC",
        "6.3.4.6 Configuring Encrypted Volumes",
    }


def test_a_numbered_list_item_in_a_lettered_section_is_no_chapter() -> None:
    """ "2. Detect network hardware", a list's item in appendix section D.4, had become a
    first-level heading that ended the appendix: D.5 stood alone after it."""
    headings = [(1, ChapterTitle("Appendix D: Random Bits")), (2, "D.4 Installing over PLIP")]
    lines = [
        "Below are the answers that should be given during the installation.",
        "1. Load installer components from installation media",
        BODY,
        "2. Detect network hardware",
        BODY,
        "D.5 Installing using PPP over Ethernet",
        BODY,
    ]
    blocks, _ = pdf.page_blocks(lines, 106, headings, WIDTH)
    assert _paths(blocks)[-1] == (
        "Appendix D: Random Bits",
        "D.5 Installing using PPP over Ethernet",
    )
    assert "2. Detect network hardware" in " ".join(b.text for b in blocks)


def test_a_line_carrying_a_paragraph_in_capitals_on_is_no_heading() -> None:
    headings = [(1, ChapterTitle("Appendix F: GNU General Public License"))]
    lines = [
        "NO WARRANTY",
        "11. BECAUSE THE PROGRAM IS LICENSED FREE OF CHARGE, THERE IS NO WARRANTY FOR",
        "THE PROGRAM, TO THE EXTENT PERMITTED BY APPLICABLE LAW. EXCEPT WHEN OTHERWISE",
        BODY,
    ]
    blocks, _ = pdf.page_blocks(lines, 112, headings, WIDTH)
    assert {path[-1] for path in _paths(blocks)} == {"NO WARRANTY"}
    # an unnumbered heading inside a labelled chapter is a part of it
    assert _paths(blocks)[0] == ("Appendix F: GNU General Public License", "NO WARRANTY")


def test_an_address_line_is_no_numbered_heading() -> None:
    assert not NUMBERED_HEADING.match("127.0.1.1 DebianHostName")
    assert NUMBERED_HEADING.match("12.3.1 Debian Host Names")


def _typeset_pdf(path: Path, lines: list[tuple[str, str]]) -> Path:
    """One page; each line (font, text) where font is "body" or "code"."""
    document = FPDF()
    document.add_page()
    for font, text in lines:
        document.set_font("Courier" if font == "code" else "Helvetica", size=10)
        document.cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    document.output(str(path))
    return path


SENTENCE = "Every line of this paragraph is set in the body type of the manual, and it is long."


def test_lines_of_code_are_never_headings(tmp_path: Path, limits: LoaderLimits) -> None:
    """A code sample's lines ("UTC", "PermitRootLogin yes", a heredoc's "EOF") between a
    sentence and the next paragraph had become headings over the pages after them."""
    path = _typeset_pdf(
        tmp_path / "code.pdf",
        [
            ("body", "D.3.4 Configure Networking"),
            ("body", SENTENCE),
            ("body", "This is the option to be enabled:"),
            ("code", "PermitRootLogin yes"),
            ("body", SENTENCE),
            ("code", "# cat << EOF > /root/.ssh/authorized_keys"),
            ("code", "EOF"),
            ("body", SENTENCE),
            ("code", "UTC"),
            ("body", SENTENCE),
        ],
    )
    blocks = pdf.load(path, limits).blocks
    assert {b.heading_path for b in blocks} == {("D.3.4 Configure Networking",)}
    text = " ".join(b.text for b in blocks)
    assert "PermitRootLogin yes" in text and "EOF" in text and "UTC" in text


def test_footnotes_stand_apart_and_their_marks_leave_the_text() -> None:
    """dblatex's footnotes (numbered ¹, ², ...) follow the page's last line, which may be
    a list's item ("• DEBIAN_FRONTEND=noninteractive ¹With current kernels ..."); their
    marks stuck to words ("parameters¹")."""
    lines = [
        "5.3.2 Debian Installer Parameters",
        "The installation system recognizes a few additional boot parameters¹ which",
        "may be useful, and a squared m² stays as it is in this line of the text.",
        BODY,
        "The current possible parameter settings are:",
        "• DEBIAN_FRONTEND=noninteractive",
        "¹With current kernels you can use 32 command line options and 32 environment",
        "options. If these numbers are exceeded, the kernel will panic.",
    ]
    blocks, _ = pdf.page_blocks(lines, 38, [], WIDTH)
    texts = [b.text for b in blocks]
    assert texts[-1] == (
        "¹ With current kernels you can use 32 command line options and 32 environment "
        "options. If these numbers are exceeded, the kernel will panic."
    )
    assert "• DEBIAN_FRONTEND=noninteractive" in texts[-2]
    assert "With" not in texts[-2]
    assert "boot parameters which may be useful, and a squared m² stays" in " ".join(texts)


def test_a_name_broken_at_its_dot_or_after_its_slash_is_joined() -> None:
    """ "sources." / "list" is joined where the document writes "sources.list" whole, a web
    address always ("https://www." / "debian.org"), and "GNU/-" / "Linux" without the
    typesetter's hyphen; a sentence that ends a line stays apart from the next."""
    pages = [
        [
            "the installer adds the section to APT’s sources.",
            "list. This has the advantage that the firmware is updated.",
            "Please refer to the Ports pages at https://www.",
            "debian.org/ports/ for more details, or read the Debian GNU/-",
            "Linux FAQ and the chapter on booting, as described in Chapter 2.",
            "2 more lines follow here, and the list ends.",
            "list of changes to the manual, then the rest of it.",
            "Boot it with the file pxelinux.",
            "0 on the server, and the tools R needs are otherwise available.",
            "3 or later, as the footnote's text says after the page's last line.",
        ],
        ["Edit /etc/apt/sources.list as root: pxelinux.0 is the file, not available.3."],
        ["The server passes pxelinux.0 to the client."],
    ]
    join_broken_names(pages)
    text = " ".join(pages[0])
    assert "APT’s sources.list. This has" in text
    assert "https://www.debian.org/ports/" in text
    assert "Debian GNU/Linux FAQ" in text
    assert "Chapter 2. 2 more lines" in text
    assert "list ends. list of changes" in text
    # a figure after the dot: only a name the document writes whole more than once
    assert "the file pxelinux.0 on the server" in text
    assert "otherwise available. 3 or later" in text


def test_a_line_end_hyphen_inside_a_path_stays() -> None:
    """A path breaks at its own hyphens ("main/installer-" / "amd64/current"); a word of
    one broken by hyphenation is mended by the document's spelling ("/de-" / "v/sdb")."""
    pages = [
        [
            f"the directory debian/dists/bookworm/main/installer{LINE_END_HYPHEN}amd64/current/",
            f"partition the disk /de{LINE_END_HYPHEN}v/sdb with the tool in /dev first",
        ]
    ]
    keep_hyphens(pages, "dblatex")
    assert "main/installer-amd64/current/" in pages[0][0]
    assert "/dev/sdb" in pages[0][1]


def test_a_sections_only_line_is_its_text_not_a_heading() -> None:
    """ "A.9 LICENSE" over "Expat License" and the next section: read as a heading, the one
    line of the section's text headed nothing and was lost (the licence of debmake)."""
    lines = [
        "Appendix A",
        "debmake(1) manpage",
        "A.9 LICENSE",
        "Expat License",
        "A.10 SEE ALSO",
        _body(0),
        _body(1),
    ]
    blocks, _ = pdf.page_blocks(lines, 143, [(1, ChapterTitle("Chapter 8: More Examples"))], WIDTH)
    appendix = "Appendix A: debmake(1) manpage"
    assert (blocks[0].heading_path, blocks[0].text) == (
        (appendix, "A.9 LICENSE"),
        "Expat License",
    )
    assert blocks[-1].heading_path == (appendix, "A.10 SEE ALSO")


def test_a_numbered_section_without_text_stays_as_text() -> None:
    """ "G.3.2 Powerware LanSafe" right over "G.3.3 SOLA-330": a heading over nothing was
    lost with the next heading; it is kept as its parent section's text."""
    lines = [
        "G.3.2 Powerware LanSafe",
        "G.3.3 SOLA-330",
        "Just uses a normal serial cable, with pin 1-1 through to 9-9, and nothing else at all.",
        _body(0),
    ]
    blocks, _ = pdf.page_blocks(lines, 91, [(1, "G Cables"), (2, "G.3 Eaton")], WIDTH)
    first, second = blocks[:2]
    assert (first.heading_path, first.text) == (
        ("G Cables", "G.3 Eaton"),
        "G.3.2 Powerware LanSafe",
    )
    assert second.heading_path == ("G Cables", "G.3 Eaton", "G.3.3 SOLA-330")
    assert second.text.startswith("Just uses a normal serial cable")


def test_a_chapter_title_wrapped_in_capitals_is_joined_whole() -> None:
    """Sphinx wraps a long chapter title in capitals ("... AND INSTALLATION" / "PROCEDURE",
    "... OF AN INTERFACE -" / "UPDATE-ALTERNATIVES (...)"); the rest, read as a heading of
    its own, had replaced the chapter before any text stood under it."""
    from pocketrag.loaders.pdf_chapters import chapter_titles

    assert chapter_titles(
        ["CHAPTER", "SIX", "PACKAGE MAINTAINER SCRIPTS AND INSTALLATION", "PROCEDURE", _body(0)]
    ) == ["CHAPTER SIX: PACKAGE MAINTAINER SCRIPTS AND INSTALLATION PROCEDURE", _body(0)]
    assert chapter_titles(
        [
            "CHAPTER",
            "EIGHTEEN",
            "ALTERNATIVE VERSIONS OF AN INTERFACE -",
            "UPDATE-ALTERNATIVES (FROM OLD PACKAGING MANUAL)",
            _body(1),
        ]
    )[0] == (
        "CHAPTER EIGHTEEN: ALTERNATIVE VERSIONS OF AN INTERFACE - UPDATE-ALTERNATIVES "
        "(FROM OLD PACKAGING MANUAL)"
    )


def test_a_short_chapter_title_does_not_take_the_first_section_heading() -> None:
    # gnuplot: "Part I" / "Gnuplot" / "Copyright" had become "Part I: Gnuplot Copyright",
    # heading all of Part I; a long title's wrapped last word still joins it
    assert chapter_titles(["Part I", "Gnuplot", "Copyright", "Gnuplot is copyrighted."]) == [
        "Part I: Gnuplot",
        "Copyright",
        "Gnuplot is copyrighted.",
    ]
    assert chapter_titles(["Appendix B", "Automating the Installation Using", "Preseeding"])[0] == (
        "Appendix B: Automating the Installation Using Preseeding"
    )
