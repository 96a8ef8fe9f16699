"""A PDF page's furniture is not read as text (loaders/pdf_lines.py): margin line numbers,
rules drawn with characters, a caption's column of colons, a page number over a footer;
and a line of names with initials that wraps is not a heading. PDFs made here with fpdf2
(Courier, laid out like a court transcript), and the reference transcript."""

from __future__ import annotations

import re
from pathlib import Path

from fpdf import FPDF

from pocketrag.loaders import pdf
from pocketrag.settings_views import LoaderLimits

from .conftest import make_pdf

# A Supreme Court transcript's first page: (indent in characters, text, caption colon?)
TRANSCRIPT = [
    (3, "IN THE SUPREME COURT OF THE UNITED STATES", False),
    (0, "- - - - - - - - - - - - - - - - - x", False),
    (0, "MICHAEL A. KNOWLES,", True),
    (0, "WARDEN,", True),
    (10, "Petitioner", True),
    (4, "v.", True),
    (0, "ALEXANDRE MIRZAYANCE.", True),
    (0, "- - - - - - - - - - - - - - - - - x", False),
    (22, "Washington, D.C.", False),
    (22, "Tuesday, January 13, 2009", False),
    (13, "The above-entitled matter came on for oral", False),
    (0, "argument before the Supreme Court of the United States", False),
    (0, "at 1:01 p.m.", False),
    (0, "APPEARANCES:", False),
    (0, "STEVEN E. MERCER, ESQ., Deputy Attorney General, Los", False),
    (3, "Angeles, Cal.; on behalf of the Petitioner.", False),
    (0, "CHARLES M. SEVILLA, ESQ., San Diego, Cal.; on behalf", False),
    (3, "of the Respondent.", False),
]
PETITIONER = (
    "STEVEN E. MERCER, ESQ., Deputy Attorney General, Los Angeles, Cal.; on behalf of the "
    "Petitioner."
)


def transcript_pdf(path: Path, numbers_first: bool, footer: bool = True) -> Path:
    """One page, its lines numbered 1-25 in the left margin. numbers_first: the numbers are
    drawn before the text (PDFium then gives them as a block of lines, as in the reference
    transcript); else each number just before its line (PDFium gives "1 IN THE ...")."""
    document = FPDF(format="letter", unit="pt")
    document.set_font("Courier", size=12)
    document.add_page()
    char = document.get_string_width("x")

    def y(n: int) -> float:
        return 72 + 25 * n

    if numbers_first:
        for n in range(1, 26):
            document.text(60, y(n), str(n))
    for n, (indent, text, colon) in enumerate(TRANSCRIPT, start=1):
        if not numbers_first:
            document.text(60, y(n), str(n))
        document.text(100 + indent * char, y(n), text)
        if colon:
            document.text(100 + 40 * char, y(n), ":")
        if text == "v.":
            document.text(100 + 42 * char, y(n), "No. 07-1315")
    if not numbers_first:
        for n in range(len(TRANSCRIPT) + 1, 26):
            document.text(60, y(n), str(n))
    if footer:
        document.set_font("Times", size=10)
        document.text(300, 740, "1")
        document.text(250, 760, "Alderson Reporting Company")
    document.output(str(path))
    return path


def _texts(path: Path, limits: LoaderLimits) -> list[str]:
    return [b.text for b in pdf.load(path, limits).blocks]


def _check_transcript(path: Path, limits: LoaderLimits) -> None:
    doc = pdf.load(path, limits)
    texts = [b.text for b in doc.blocks]
    assert PETITIONER in " ".join(texts)  # one sentence, not "Angeles, Cal.; ..." alone
    assert "CHARLES M. SEVILLA, ESQ., San Diego, Cal.; on behalf of the Respondent." in " ".join(
        texts
    )
    assert not any("Los" in " ".join(b.heading_path) for b in doc.blocks)
    joined = " ".join(texts)
    assert not re.search(r"\b\d{1,2} \d{1,2} \d{1,2}\b", joined)  # no margin numbers
    assert not re.search(r"(?:^|\s)\d{1,2} (?:IN|MICHAEL|argument|APPEARANCES)", joined)
    assert "- - -" not in joined and " :" not in joined
    assert "MICHAEL A. KNOWLES, WARDEN, Petitioner v. No. 07-1315 ALEXANDRE MIRZAYANCE." in joined
    assert "at 1:01 p.m." in joined
    assert doc.title == "IN THE SUPREME COURT OF THE UNITED STATES"


def test_margin_numbers_given_before_the_text_are_dropped(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    _check_transcript(transcript_pdf(tmp_path / "t.pdf", numbers_first=True), limits)


def test_margin_numbers_at_the_start_of_each_line_are_dropped(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    _check_transcript(transcript_pdf(tmp_path / "t.pdf", numbers_first=False), limits)


def test_a_page_number_over_a_footer_line_is_dropped(tmp_path: Path, limits: LoaderLimits) -> None:
    texts = _texts(transcript_pdf(tmp_path / "t.pdf", numbers_first=True), limits)
    assert texts[-1] == "Alderson Reporting Company"


def test_numbers_that_do_not_count_lines_are_kept(tmp_path: Path, limits: LoaderLimits) -> None:
    """Four numbered lines are a short list, and a figure alone on its line is content."""
    document = FPDF()
    document.set_font("Helvetica", size=11)
    document.add_page()
    lines = ["Steps to request leave:", "1 Ask your manager", "2 Fill in the form"]
    lines += ["3 Wait for approval", "4 Book the dates", "Days granted last year:", "42"]
    lines += ["The form is on the intranet, under People and leave requests."]
    for n, line in enumerate(lines):
        document.text(20, 30 + 8 * n, line)
    path = tmp_path / "list.pdf"
    document.output(str(path))
    joined = " ".join(_texts(path, limits))
    for kept in ("1 Ask your manager", "4 Book the dates", "Days granted last year: 42"):
        assert kept in joined


def test_values_counted_at_the_start_of_a_few_lines_keep_their_numbers(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """xfig's Fig format lists its colours "0 = Black", "1 = Blue", ...: eight lines counting
    up, but a few of the page's many, are the text's own (they had read "= Black")."""
    document = FPDF()
    document.set_font("Helvetica", size=11)
    document.add_page()
    lines = ["The two colour fields are defined as follows:"]
    lines += [f"{n} = {c}" for n, c in enumerate(["Black", "Blue", "Green", "Cyan", "Red"])]
    lines += [f"{n} = {c}" for n, c in enumerate(["Magenta", "Yellow", "White"], start=5)]
    lines += [f"Line {n} of the description of the file format goes on here." for n in range(12)]
    for n, line in enumerate(lines):
        document.text(20, 20 + 8 * n, line)
    path = tmp_path / "format.pdf"
    document.output(str(path))
    joined = " ".join(_texts(path, limits))
    assert "0 = Black 1 = Blue 2 = Green" in joined
    assert "7 = White" in joined


def test_a_title_case_line_with_commas_is_still_a_heading(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """Only a full line of names with initials ("MERCER, ESQ., ...") is read as a sentence
    that wraps; a slide title like "Containment, Eradication, and Recovery" heads its page."""
    document = FPDF()
    document.set_font("Helvetica", size=11)
    document.add_page()
    for n, line in enumerate(
        [
            "Containment, Eradication, and Recovery",
            "Once a threat is contained, the team removes it and",
            "restores the affected systems from clean backups.",
        ]
    ):
        document.text(20, 30 + 8 * n, line)
    path = tmp_path / "slide.pdf"
    document.output(str(path))
    blocks = pdf.load(path, limits).blocks
    assert blocks[0].heading_path == ("Containment, Eradication, and Recovery",)


def test_the_reference_transcript_reads_as_sentences(
    shared_data: Path, limits: LoaderLimits
) -> None:
    path = shared_data / "pdf_messy" / "linenumbers__pdfplumber_scotus-transcript-p1.pdf"
    doc = pdf.load(path, limits)
    joined = " ".join(b.text for b in doc.blocks)
    assert PETITIONER in joined
    assert "CHARLES M. SEVILLA, ESQ., San Diego, Cal.; on behalf of the Respondent." in joined
    assert "MICHAEL A. KNOWLES, WARDEN, Petitioner v. No. 07-1315 ALEXANDRE MIRZAYANCE." in joined
    assert not re.search(r"\b\d{1,2} \d{1,2} \d{1,2}\b", joined)
    assert not any(b.text.strip().isdigit() for b in doc.blocks)
    assert doc.blocks[-1].text == "Alderson Reporting Company"
    assert not doc.title.isdigit()


def test_a_hyphen_at_a_line_end_joins_a_word_but_stays_in_a_name(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """PDFium marks both line-end hyphens alike: "employ-" / "ment" is one word broken, but
    "Marsh-" / "Oduya" is a double-barrelled name and keeps its hyphen."""
    document = FPDF()
    document.add_page()
    document.set_font("Helvetica", size=11)
    for y, line in [
        (20, "Grievances are heard by the Chief Operating Officer, Dr Helen Marsh-"),
        (26, "Oduya. Every member of staff has a contract of employ-"),
        (32, "ment that sets out their hours and duties."),
    ]:
        document.text(20, y, line)
    path = tmp_path / "hyphens.pdf"
    document.output(str(path))
    text = " ".join(b.text for b in pdf.load(path, limits).blocks)
    assert "Dr Helen Marsh-Oduya." in text
    assert "a contract of employment that sets out" in text


def _hyphen_pdf(path: Path, lines: list[str], producer: str | None = None) -> Path:
    document = FPDF()
    if producer:
        document.set_producer(producer)
    document.add_page()
    document.set_font("Helvetica", size=11)
    for n, line in enumerate(lines):
        document.text(20, 20 + 6 * n, line)
    document.output(str(path))
    return path


def test_a_line_end_hyphen_follows_the_documents_own_spelling(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """A word broken at its own hyphen ("fixed-" / "term") keeps it when the document writes
    "fixed-term" elsewhere; one broken by hyphenation loses it when the document writes the
    word whole ("employ-" / "ment" beside "employment"); with no other spelling, a TeX
    document's hyphen goes (hyphenation) unless the word has another, and one exported by
    Chromium, Word or LibreOffice stays (they do not hyphenate unless asked)."""
    lines = [
        "A TLR3 allowance is paid for a fixed-term project. Every member of staff has a",
        "contract of employment. Allowances are paid for a project that is fixed-",
        "term and for a contract of employ-",
        "ment with us. The allowance is paid out-of-",
        "hours too, and set by the coun-",
        "cil.",
    ]
    tex = _hyphen_pdf(tmp_path / "tex.pdf", lines, "pdfTeX-1.40.24")
    text = " ".join(b.text for b in pdf.load(tex, limits).blocks)
    assert "a project that is fixed-term and for a contract of employment with us" in text
    assert "paid out-of-hours too, and set by the council." in text
    for producer in ("Skia/PDF m156", "Microsoft® Word for Microsoft 365", "LibreOffice 7.5"):
        export = _hyphen_pdf(tmp_path / "export.pdf", lines, producer)
        text = " ".join(b.text for b in pdf.load(export, limits).blocks)
        assert "fixed-term and for a contract of employment with us" in text
        assert "paid out-of-hours too, and set by the coun-cil." in text  # the rule's cost


def test_a_name_broken_after_its_underscore_is_joined() -> None:
    from pocketrag.loaders.pdf import joined_lines

    lines = ["Set the environment variable R_ENVIRON_", "USER to the file's path."]
    assert joined_lines(lines) == "Set the environment variable R_ENVIRON_USER to the file's path."
    assert (
        joined_lines(["Linux: __linux__", "macOS: __APPLE__"])
        == "Linux: __linux__ macOS: __APPLE__"
    )


def test_a_path_broken_at_a_slash_is_joined_without_a_space() -> None:
    """LaTeX breaks a long path or URL after a slash; the wrapped lines of a paragraph are
    joined by a space everywhere else ("/usr/share/doc/PACKAGE/ copyright" was unquotable
    as the path it is)."""
    from pocketrag.loaders.pdf import page_blocks

    lines = [
        "The copyright information must be copied verbatim into /usr/share/doc/PACKAGE/",
        "copyright, when all of the following hold: the licence requires it and the files",
        "are shipped in the binary package. See https://www.debian.org/doc/debian-policy/",
        "ch-docs.html for the details of where it goes.",
    ]
    blocks, _ = page_blocks(lines, 1, [])
    text = " ".join(b.text for b in blocks)
    assert "/usr/share/doc/PACKAGE/copyright, when all" in text
    assert "https://www.debian.org/doc/debian-policy/ch-docs.html for" in text
    assert "the licence requires it and the files are shipped" in text


def test_a_numbered_section_is_not_under_a_heading_of_another_number() -> None:
    """A numbered list item read as a heading ("5. Providing httpd ...") must not head the
    later section 11.11: a section sits only under the numbered heading its number extends."""
    from pocketrag.loaders.pdf import page_blocks

    headings = [(1, "11. Customized programs"), (2, "11.10 Web servers")]
    lines = [
        "5. Providing httpd and/or httpd-cgi",
        "A web server package should provide the virtual package httpd.",
        "11.11 Games",
        "The permissions on /var/games are mode 755, owner root and group root.",
        "11.11.1 Set-group-id games",
        "Games which need protected access may be made set-group-id (mode 2755).",
    ]
    blocks, _ = page_blocks(lines, 81, headings)
    # inside section 11.10, "5." is no chapter but a list's item: the section's text
    assert blocks[0].text.startswith("5. Providing httpd")
    assert [b.heading_path for b in blocks] == [
        ("11. Customized programs", "11.10 Web servers"),
        ("11. Customized programs", "11.11 Games"),  # not under "5. Providing ..."
        ("11. Customized programs", "11.11 Games", "11.11.1 Set-group-id games"),
    ]


def test_a_side_notes_label_leads_its_paragraph_in_and_heads_nothing() -> None:
    """DocBook's typeset "Tip" or "Warning" above a note had become a heading, and the
    parent of every numbered section after it ("Tip" > "10.1.3 Idioms for the archive")."""
    from pocketrag.loaders.pdf import page_blocks

    headings = [(2, "10.1 Sharing and backup")]
    lines = [
        "Tip",
        "Version control tools can function as multi-way copy tools.",
        "10.1.3 Idioms for the archive",
        "Here are several ways to archive the entire content of a directory.",
        "Warning:",
        "Do not copy a mounted filesystem while it is being written to.",
    ]
    blocks, _ = page_blocks(lines, 12, headings)
    assert [(b.heading_path, b.text) for b in blocks] == [
        (
            ("10.1 Sharing and backup",),
            "Tip: Version control tools can function as multi-way copy tools.",
        ),
        (
            ("10.1 Sharing and backup", "10.1.3 Idioms for the archive"),
            "Here are several ways to archive the entire content of a directory.",
        ),
        (
            ("10.1 Sharing and backup", "10.1.3 Idioms for the archive"),
            "Warning: Do not copy a mounted filesystem while it is being written to.",
        ),
    ]


def test_an_address_broken_at_a_line_end_is_joined_without_a_space() -> None:
    """Sphinx's LaTeX breaks "team@security.debian.org" after a dot; a sentence that ends
    in a full stop before a line starting with a domain is left alone."""
    from pocketrag.loaders.pdf import joined_lines

    assert joined_lines(["Write to team@security.", "debian.org for help."]) == (
        "Write to team@security.debian.org for help."
    )
    assert joined_lines(["See ftp.upload.", "debian.org now."]) == "See ftp.upload.debian.org now."
    assert joined_lines(["It ends here.", "debian.org is a site."]) == (
        "It ends here. debian.org is a site."
    )


def test_a_table_of_contents_is_not_content() -> None:
    """Contents lines run through dot leaders to a page number; a heading with a figure or
    a sentence ending in dots is kept."""
    from pocketrag.loaders.pdf_lines import clean_page

    lines = [
        "CONTENTS",
        "4.1 Standards conformance . . . . . . . . . . . . . . . . . . . . . . . . 19",
        "7.2 Binary Dependencies - Depends, Recommends, Suggests ......... 59",
        "4.2 Package relationships",
        "Packages must conform to version 3.0 of the FHS.",
        "Wait for it.... 5 minutes later the job runs.",
    ]
    assert clean_page(lines) == [
        "CONTENTS",
        "4.2 Package relationships",
        "Packages must conform to version 3.0 of the FHS.",
        "Wait for it.... 5 minutes later the job runs.",
    ]


def test_a_tex_accent_set_before_its_letter_is_composed_with_it() -> None:
    """TeX's old fonts give "ä" as a spacing "¨" then "a"; an accent that composes with no
    letter after it is left as it is (it belongs to the letter before: "Ageˆncia")."""
    from pocketrag.loaders.pdf import page_lines

    lines = page_lines("Hosted at the Wirtschaftsuniversit¨at Wien by the Ageˆncia Nacional.")
    assert lines == ["Hosted at the Wirtschaftsuniversität Wien by the Ageˆncia Nacional."]


def test_a_code_line_broken_by_the_typesetter_is_one_line_again() -> None:
    """LaTeX's listings (dblatex) end a broken code line with a hooked arrow, read "←-": it
    is no text, and the line goes on, inside a word or path without a space."""
    from pocketrag.loaders.pdf import page_lines

    raw = (
        "upsmon: certificate \u2190-\r\nverify failed\r\n"
        "yum install epel- \u2190-\r\nrelease-7-14.noarch.rpm\r\n"
        'PATH="/usr/local \u2190-\r\n/sbin"\r\nAn arrow \u2190- inside a line stays.'
    )
    assert page_lines(raw) == [
        "upsmon: certificate verify failed",
        "yum install epel-release-7-14.noarch.rpm",
        'PATH="/usr/local/sbin"',
        "An arrow \u2190- inside a line stays.",
    ]


def test_a_word_in_capitals_broken_at_a_line_end_is_decided_like_any_other() -> None:
    """PDFium's break mark before a capital is a hyphen of the text ("Marsh-Oduya"), but not
    inside a word in capitals: "DEBHEL-" / "PER" is the DEBHELPER the document writes."""
    from pocketrag.loaders.pdf import page_lines
    from pocketrag.loaders.pdf_hyphens import keep_hyphens

    raw = "Run DEBHEL\ufffe\nPER first, says Dr Marsh\ufffe\nOduya, and CON\ufffe\nFIG."
    raw += "\nSee DEBHELPER."
    pages = [page_lines(raw)]
    keep_hyphens(pages, "pdfTeX-1.40.25")
    assert pages == [["Run DEBHELPER first, says Dr Marsh-Oduya, and CONFIG.", "See DEBHELPER."]]
    pages = [page_lines(raw)]
    keep_hyphens(pages, "Skia/PDF m120")  # Chromium hyphenates no word unless asked
    assert pages[0][0] == "Run DEBHELPER first, says Dr Marsh-Oduya, and CON-FIG."


def _underscore_drawn(path: Path, rise: float) -> Path:
    """ "GNUPLOT", a short thin rule `rise` mm above the baseline, "LIB": LaTeX's `\\_` in a
    font without the glyph."""
    document = FPDF()
    document.set_font("Helvetica", size=11)
    document.add_page()
    x, y, said = 20, 40, "The search path is set by GNUPLOT"
    document.text(x, y, said)
    width = document.get_string_width(said)
    document.rect(x + width + 0.2, y - 0.3 - rise, 1.7, 0.3, style="F")
    document.text(x + width + 2.0, y, "LIB in the environment.")
    document.output(str(path))
    return path


def test_an_underscore_drawn_as_a_rule_is_read(tmp_path: Path, limits: LoaderLimits) -> None:
    """PDFium reads a space where the rule joins the words on their baseline; a rule above
    the baseline (a strike or an overline) is no underscore."""
    on_baseline = pdf.load(_underscore_drawn(tmp_path / "on.pdf", 0.0), limits)
    assert [b.text for b in on_baseline.blocks] == [
        "The search path is set by GNUPLOT_LIB in the environment."
    ]
    raised = pdf.load(_underscore_drawn(tmp_path / "raised.pdf", 1.5), limits)
    assert [b.text for b in raised.blocks] == [
        "The search path is set by GNUPLOT LIB in the environment."
    ]


def test_word_gaps_without_a_space_get_one(shared_data: Path) -> None:
    """The NICS report's PDF runs two cells together where a figure nearly fills its column
    (Guam's "3" and "0" read "30"); the gap between them is as wide as the row's spaces,
    so it gets one, and every state's row then holds as many figures as the others."""
    import pypdfium2 as pdfium

    from pocketrag.loaders.pdf_spaces import spaced

    path = shared_data / "pdf_messy" / "table__pdfplumber_nics-background-checks-2015-11.pdf"
    document = pdfium.PdfDocument(str(path))
    try:
        textpage = document[0].get_textpage()
        raw = textpage.get_text_range()
        fixed = spaced(raw, textpage)
    finally:
        document.close()
    guam = [line for line in fixed.splitlines() if line.startswith("Guam ")]
    assert guam == ["Guam 0 100 55 12 3 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 171"]
    assert "Guam 0 100 55 12 30 0 0 0 1 0" in raw  # as PDFium reads it

    def figures(text: str, state: str) -> int:
        row = next(x for x in text.splitlines() if x.startswith(f"{state} "))
        return len(row.split()) - len(state.split())

    glued = ["Guam", "Hawaii", "Maryland", "New Hampshire", "New Jersey", "Virginia"]
    assert {figures(raw, state) for state in glued} != {figures(raw, "Alabama")}
    assert {figures(fixed, state) for state in glued} == {figures(fixed, "Alabama")}


def test_signs_read_as_typed() -> None:
    """A minus sign reads as the hyphen a user types ("-o"); groff draws "~" and "^" with
    the tilde and circumflex accents, which only in its documents are the ASCII signs."""
    text = "bash −o vi reads ˜/.bashrc; ˆC interrupts; 2 − 1"
    groff = pdf.typed_signs({"Creator": "groff version 1.22.4"})
    assert text.translate(groff) == "bash -o vi reads ~/.bashrc; ^C interrupts; 2 - 1"
    tex = pdf.typed_signs({"Creator": "TeX"})
    assert text.translate(tex) == "bash -o vi reads ˜/.bashrc; ˆC interrupts; 2 - 1"


def test_a_contents_entry_wrapped_over_two_lines_is_dropped_whole() -> None:
    """Its first line has no dot leaders; left, it headed the next 90 pages of a manual."""
    from pocketrag.loaders.pdf_lines import clean_page

    lines = [
        "10.8 Optional Features . . . . . . . . . . . . . . . . . . . . . . 161",
        "Appendix A Reporting Bugs . . . . . . . . . . . . . . . . . . . 167",
        "Appendix B Major Differences From",
        "The Bourne Shell . . . . . . . . . . . . . . . . . . . . . . . . . 168",
        "Appendix C GNU Free Documentation License . . . . . . . . . 174",
    ]
    assert clean_page(lines) == []
    # on a page of body text, a line before a single dotted line stays
    assert clean_page(["Appendix B Major Differences", "Wait for it . . . . . 5"]) == [
        "Appendix B Major Differences"
    ]


def test_a_chapter_number_without_a_full_stop_heads_its_sections() -> None:
    """texinfo sets a chapter as "8 Command Line Editing"; with its section 8.1 on the page
    it is the chapter's heading. A sentence wrapped inside brackets is no heading, nor a
    line starting with a figure when no section of that number follows."""
    from pocketrag.loaders.pdf import page_blocks

    body = "This chapter describes the basic features of the GNU command line editing " * 2
    lines = [
        "8 Command Line Editing",
        body,
        "8.1 Introduction to Line Editing",
        body,
        "2. The words that are not variable assignments are expanded (see",
        "Section 3.5 [Shell Expansions], page 24) and the first word is the command.",
        "20 Days Notice",
        body,
    ]
    blocks, _ = page_blocks(lines, 123, [(1, "TIMEFORMAT")])
    assert [b.heading_path for b in blocks] == [
        ("8 Command Line Editing",),
        ("8 Command Line Editing", "8.1 Introduction to Line Editing"),
        ("8 Command Line Editing", "8.1 Introduction to Line Editing"),
        ("8 Command Line Editing", "8.1 Introduction to Line Editing"),
    ]
    assert blocks[-1].text.startswith("20 Days Notice")


def test_a_line_joined_at_a_hyphen_counts_as_two_for_the_page_width() -> None:
    from pocketrag.loaders.pdf import line_width
    from pocketrag.loaders.pdf_hyphens import LINE_END_HYPHEN

    full = "x" * 100
    joined = f"{full}{LINE_END_HYPHEN}{full}"
    assert line_width([full, joined, joined, joined, "short"]) == 100


def test_table_rows_do_not_set_a_pages_line_width() -> None:
    """A row is its cells joined with their headers, longer than any printed line: where the
    rows would set the width, the printed lines do (unless they are too few to measure)."""
    from pocketrag.loaders.pdf import line_width
    from pocketrag.loaders.pdf_tables import TableRow

    printed = ["x" * 60] * 11
    rows = [TableRow("y" * 300)] * 7
    assert line_width([*printed, *rows]) == 60
    assert line_width([*printed[:3], *rows]) == 300  # a long table under a few title lines
    assert line_width([*printed, rows[0]]) == 60


def test_a_sentence_carried_over_a_page_break_is_one_paragraph(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """A page break in mid-sentence does not cut the paragraph in two (neither half would
    be a whole sentence to quote); one after a finished sentence or a lead-in's colon
    does, however the next page begins."""
    path = make_pdf(
        tmp_path / "fees.pdf",
        [
            [
                "5. Professional fees",
                "The group pays for professional indemnity insurance through its policy with "
                "Marlstone Defence, which covers all clinical work. You do not need your own "
                "indemnity cover for your work with us,",
            ],
            [
                "but locum or private work outside the group is not covered.",
                "If you leave within 6 months of the group paying your fee, you are not "
                "asked to repay it. The fees the group pays are listed in the table of "
                "allowances and reviewed each April:",
            ],
            ["members of a second association pay their own fee.", "6. CPD allowance"],
        ],
    )
    blocks = pdf.load(path, limits).blocks
    texts = [b.text for b in blocks]
    joined = next(b for b in blocks if "work with us," in b.text)
    assert (
        "work with us, but locum or private work outside the group is not covered." in joined.text
    )
    assert joined.page == 1 and joined.heading_path == ("5. Professional fees",)
    assert "members of a second association pay their own fee." in texts  # after the colon
