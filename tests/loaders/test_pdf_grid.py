"""Messy data tables read as "Header: cell; Header: cell" rows (loaders/pdf_grid.py,
pdf_columns.py, pdf_order.py): two stacked tables with crossing columns, cells run
together, descriptions wrapped under their row, a sideways margin label, a title that
PDFium gives after the table, a superscript and a wrapped header line. Each case on a page
drawn here with fpdf2, text object by text object, then on the reference files."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from pocketrag.loaders import pdf
from pocketrag.loaders.pdf_grid import wrap_joint
from pocketrag.settings_views import LoaderLimits


class Page:
    """Text drawn at given places (Helvetica 9 pt), in the order given; x is where the
    text starts (L), ends (R) or is centred (C)."""

    def __init__(self, document: FPDF) -> None:
        self.document = document
        document.add_page()
        document.set_font("Helvetica", size=9)

    def put(self, x: float, y: float, text: str, align: str = "L") -> None:
        width = self.document.get_string_width(text)
        left = {"L": x, "R": x - width, "C": x - width / 2}[align]
        self.document.text(left, y, text)

    def row(self, y: float, cells: list[tuple[float, str, str]]) -> None:
        for x, text, align in cells:
            self.put(x, y, text, align)


def _pdf() -> FPDF:
    document = FPDF(unit="pt", format="letter")
    document.set_auto_page_break(False)
    return document


def _texts(path: Path, limits: LoaderLimits) -> list[str]:
    return [b.text for b in pdf.load(path, limits).blocks]


NOTICES = [
    ("Northwind Traders Incorporated", "Fresno", "120"),
    ("Contoso Pharmaceuticals", "Oakland", "85"),
    ("Fabrikam Motors", "Torrance", "3000"),
    ("Tailspin Toys", "San Jose", "42"),
]
# month, notices, employees, permanent layoff, temporary layoff
MONTHS = [
    ("July 2015", "71", "8,574", "30", "2"),
    ("August 2015", "69", "5,890", "28", "2"),
    ("September 2015", "76", "4,864", "47", "2"),
    ("October 2015", "71", "6,102", "38", "1"),
    ("Total", "287", "25,430", "143", "7"),
]
# right edges of the summary's figure columns, and where its headers are centred
FIGURES = [170.0, 230.0, 290.0, 350.0]
HEADS = ["Notices", "Employees", "Permanent", "Temporary"]
SUBHEADS = ["", "Affected", "Layoff", "Layoff"]


def stacked_tables_pdf(path: Path) -> Path:
    """Page 1: notices in three columns, then, after a gap, the first two months of a
    summary in five other columns (headers centred over right-aligned figures, on two
    lines); page 2: the rest of the summary, without its header."""
    document = _pdf()
    page = Page(document)
    page.put(40, 50, "Notices received this month are listed below.")
    page.row(80, [(40, "Company", "L"), (200, "City", "L"), (300, "Employees", "L")])
    for n, (company, city, employees) in enumerate(NOTICES):
        page.row(95 + 15 * n, [(40, company, "L"), (200, city, "L"), (300, employees, "L")])
    page.row(200, [(40, "Summary by", "L"), *_centred(HEADS)])
    page.row(211, [(40, "Month", "L"), *_centred(SUBHEADS)])
    for n, month in enumerate(MONTHS[:2]):
        page.row(226 + 15 * n, _month_cells(month))
    page = Page(document)
    for n, month in enumerate(MONTHS[2:]):
        page.row(50 + 15 * n, _month_cells(month))
    page.put(40, 140, "** Lay-offs that were cancelled are marked with two asterisks.")
    document.output(str(path))
    return path


def _centred(names: list[str]) -> list[tuple[float, str, str]]:
    """Header words centred over right-aligned figures: they do not overlap them."""
    return [(x - 15, name, "C") for x, name in zip(FIGURES, names, strict=True)]


def _month_cells(month: tuple[str, ...]) -> list[tuple[float, str, str]]:
    return [(40, month[0], "L"), *((x, v, "R") for x, v in zip(FIGURES, month[1:], strict=True))]


def test_stacked_tables_keep_their_own_columns(tmp_path: Path, limits: LoaderLimits) -> None:
    texts = _texts(stacked_tables_pdf(tmp_path / "stacked.pdf"), limits)
    for company, city, employees in NOTICES:
        assert f"Company: {company}; City: {city}; Employees: {employees}" in texts
    for month, notices, employees, permanent, temporary in MONTHS:
        assert (
            f"Summary by Month: {month}; Notices: {notices}; Employees Affected: {employees}; "
            f"Permanent Layoff: {permanent}; Temporary Layoff: {temporary}"
        ) in texts
    assert texts[-1] == "** Lay-offs that were cancelled are marked with two asterisks."


def test_two_cells_run_together_are_cut_between_the_columns(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """A company name long enough to reach its city: PDFium gives one phrase across two
    columns, among the row's other cells; it is cut at the word gap where the city column
    starts."""
    document = _pdf()
    page = Page(document)
    buca = "Buca Restaurants 2, Inc.(CANCELLED)**"
    city_x = 40 + document.get_string_width(f"{buca} ")  # its city starts the City column
    header = [(40, "Company", "L"), (city_x, "City", "L"), (350, "Employees", "L")]
    page.row(60, [*header, (420, "Kind", "L")])
    rows = [*NOTICES[:2], (buca, "Santa Monica", "61"), *NOTICES[2:]]
    for n, (company, city, employees) in enumerate(rows):
        y = 75 + 15 * n
        if company == buca:  # one text object over both columns
            cells = [(40, f"{company} {city}", "L"), (350, employees, "L")]
        else:
            cells = [(40, company, "L"), (city_x, city, "L"), (350, employees, "L")]
        page.row(y, [*cells, (420, "Closure", "L")])
    path = tmp_path / "runs.pdf"
    document.output(str(path))
    texts = _texts(path, limits)
    assert (
        "Company: Buca Restaurants 2, Inc.(CANCELLED)**; City: Santa Monica; Employees: 61; "
        "Kind: Closure"
    ) in texts
    assert sum(t.startswith("Company: ") for t in texts) == len(rows)


PAPERS = [
    ("Letter", "8.5in x 11in", "Letter"),
    ("Legal", "8.5in x 14in", "Legal"),
    ("ANSI A", "8.5in x 11in", "A"),
    ("ANSI B", "11in x 17in", "B"),
    ("ISO A4", "210mm x 297mm", "A4"),
]


def test_a_ruled_rows_two_cells_run_together_are_cut_at_the_rule(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """htmldoc sets a cell's text so close to the next one's that PDFium gives them as one
    phrase ("ANSI A 8.5in x 11in"): a row of two phrases in a grid of three columns, which
    had broken the Xfig paper-size table in two, the second half under a row as header."""
    document = _pdf()
    page = Page(document)
    walls = [40.0, 95.0, 175.0, 235.0]
    top, pitch = 60.0, 15.0
    first_x = 42.0
    size_x = 42 + document.get_string_width("ANSI A ")  # the Size column's text starts here
    walls[1] = size_x - 2.5
    page.row(top + 11, [(first_x, "Paper", "L"), (size_x, "Size", "L"), (178, "Option", "L")])
    for n, (paper, size, option) in enumerate(PAPERS, start=1):
        y = top + n * pitch + 11
        if paper.startswith("ANSI"):  # one text object over the first two cells
            page.row(y, [(first_x, f"{paper} {size}", "L"), (178, option, "L")])
        else:
            page.row(y, [(first_x, paper, "L"), (size_x, size, "L"), (178, option, "L")])
    bottom = top + (len(PAPERS) + 1) * pitch
    for n in range(len(PAPERS) + 2):
        document.line(walls[0], top + n * pitch, walls[-1], top + n * pitch)
    for x in walls:
        document.line(x, top, x, bottom)
    path = tmp_path / "papers.pdf"
    document.output(str(path))
    texts = _texts(path, limits)
    rows = [f"Paper: {p}; Size: {s}; Option: {o}" for p, s, o in PAPERS]
    assert [t for t in texts if t.startswith("Paper: ")] == rows


def test_an_underscore_stays_in_its_word_in_a_cell(tmp_path: Path, limits: LoaderLimits) -> None:
    """An underscore's glyph hangs below the baseline, under its letters' boxes: it had
    started a phrase of its own, and a cell read "x86 _ 64-linux-gnu" (debmake's multiarch
    tables, debref's "KERN _ EMERG")."""
    document = _pdf()
    page = Page(document)
    page.row(60, [(40, "Arch", "L"), (140, "Library path", "L"), (330, "Level", "L")])
    rows = [("amd64", "/usr/lib/x86_64-linux-gnu/", "KERN_EMERG"), ("i386", "/usr/lib/i386/", "0")]
    rows += [("arm64", "/usr/lib/aarch64-linux-gnu/", "KERN_ALERT")]
    for n, (arch, path, level) in enumerate(rows):
        page.row(75 + 15 * n, [(40, arch, "L"), (140, path, "L"), (330, level, "L")])
    path = tmp_path / "paths.pdf"
    document.output(str(path))
    texts = _texts(path, limits)
    assert "Arch: amd64; Library path: /usr/lib/x86_64-linux-gnu/; Level: KERN_EMERG" in texts


LEDGER = [
    ("DHAW20190004", "903.90", ["STAFF TRANSPORTATION", "AIRFARE FOR K FORD 3/21 WASHINGTON"]),
    ("DHAW20190005", "798.90", ["SENATOR'S TRANSPORTATION", "AIRFARE FOR SEN HAWLEY", "TO NY"]),
    ("DHAW20190026", "521.00", ["STAFF TRANSPORTATION", "AIRFARE FOR M BERG AND RETURN"]),
    ("DHAW20190031", "618.00", ["SENATOR'S TRANSPORTATION"]),
    ("DHAW20190032", "553.30", ["SENATOR'S TRANSPORTATION", "TRAIN FARE TO NEW YORK", "RETURN"]),
]


def ledger_pdf(path: Path, margin_label: bool = False) -> Path:
    """A ledger whose descriptions wrap under their row, every line at the same pitch (as
    in the Senate expenditure report); optionally a label set sideways in the margin."""
    document = _pdf()
    page = Page(document)
    page.row(60, [(40, "DOCUMENT NO.", "L"), (150, "DESCRIPTION", "L"), (450, "AMOUNT ($)", "R")])
    y = 80.0
    for number, amount, lines in LEDGER:
        page.row(y, [(40, number, "L"), (150, lines[0], "L"), (450, amount, "R")])
        for line in lines[1:]:
            y += 11
            page.put(150, y, line)
        y += 11
    if margin_label:
        with document.rotation(90, 520, 150):
            document.text(520, 150, "B-1191")
    document.output(str(path))
    return path


def _ledger_rows() -> list[str]:
    return [
        f"DOCUMENT NO.: {number}; DESCRIPTION: {' '.join(lines)}; AMOUNT ($): {amount}"
        for number, amount, lines in LEDGER
    ]


def test_a_description_wrapped_under_its_row_stays_in_it(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    texts = _texts(ledger_pdf(tmp_path / "ledger.pdf"), limits)
    assert [t for t in texts if t.startswith("DOCUMENT NO.")] == _ledger_rows()


def test_a_sideways_margin_label_is_not_a_column(tmp_path: Path, limits: LoaderLimits) -> None:
    texts = _texts(ledger_pdf(tmp_path / "ledger.pdf", margin_label=True), limits)
    assert [t for t in texts if t.startswith("DOCUMENT NO.")] == _ledger_rows()
    assert any("B-1191" in t for t in texts)  # still in the text, as text


def _notices_table(page: Page, top: float) -> None:
    """The notices table (a header row and NOTICES) drawn from `top` down."""
    page.row(top, [(40, "Company", "L"), (200, "City", "L"), (300, "Employees", "L")])
    for n, (company, city, employees) in enumerate(NOTICES):
        page.row(top + 15 * (n + 1), [(40, company, "L"), (200, city, "L"), (300, employees, "L")])


def test_a_title_given_after_the_table_comes_before_it(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """The table is drawn first and its title and introduction after it (content-stream
    order, as in the WARN report): the rows follow the text that stands above them."""
    document = _pdf()
    page = Page(document)
    _notices_table(page, 120)
    page.put(40, 240, "Notices are kept for three years.")
    document.set_font("Helvetica", size=16)
    page.put(40, 60, "WARN Report Summary")
    document.set_font("Helvetica", size=9)
    page.put(40, 90, "This bi-weekly report is updated on the 10th and 25th of each month.")
    path = tmp_path / "order.pdf"
    document.output(str(path))
    doc = pdf.load(path, limits)
    texts = [b.text for b in doc.blocks]
    assert doc.title == "WARN Report Summary"
    note = next(i for i, t in enumerate(texts) if "10th and 25th" in t)
    first_row = next(i for i, t in enumerate(texts) if t.startswith("Company: "))
    assert note < first_row
    assert texts[-1] == "Notices are kept for three years."


def test_a_superscript_and_a_wrapped_header_keep_one_name_per_column(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """ "Area (km²)" with a raised 2 (a digit inside a word is not a figure, so the line is
    header), and a header that wraps onto a line holding a figure ("(£ per" / "24 hours)")."""
    document = _pdf()
    page = Page(document)
    page.put(40, 60, "Country")
    document.set_xy(150, 53.5)  # the line's top, for write()
    document.write(9, "Area (km")
    document.char_vpos = "SUP"
    document.write(9, "2")
    document.char_vpos = "LINE"
    document.write(9, ")")
    page.put(300, 60, "Standby (£ per")
    page.put(300, 70, "24 hours)")
    countries = [("Austria", "83,879", "28.00"), ("Belgium", "30,689", "32.00")]
    countries += [("Finland", "338,424", "36.50")]
    for n, (country, area, standby) in enumerate(countries):
        page.row(85 + 13 * n, [(40, country, "L"), (150, area, "L"), (300, standby, "L")])
    path = tmp_path / "headers.pdf"
    document.output(str(path))
    texts = _texts(path, limits)
    for country, area, standby in countries:
        row = f"Country: {country}; Area (km2): {area}; Standby (£ per 24 hours): {standby}"
        assert row in texts


def test_the_reference_warn_report_reads_its_summary_and_notes(
    shared_data: Path, limits: LoaderLimits
) -> None:
    path = shared_data / "pdf_messy" / "table__pdfplumber_ca-warn-report.pdf"
    doc = pdf.load(path, limits)
    texts = [b.text for b in doc.blocks]
    assert doc.title == "WARN Report*"
    # the title, set larger than the rest, heads the report (pdf_display)
    assert doc.blocks[0].heading_path == ("WARN Report*",)
    assert texts[0] == "Summary by Received Date 07/01/2015 - 03/25/2016"
    assert any("updated on the 10th and 25th of each month" in t for t in texts[:3])
    assert (
        "Summary by Month: December 2015; Notices: 69; Employees Affected: 8,729; "
        "Permanent Layoff: 21; Temporary Layoff: 2; Not Identified Layoff: 7; "
        "Permanent Closure: 35; Temporary Closure: 2; Not Identified Closure: 2"
    ) in texts
    assert (
        "Summary by Month: Total; Notices: 632; Employees Affected: 53,454; "
        "Permanent Layoff: 295; Temporary Layoff: 11; Not Identified Layoff: 90; "
        "Permanent Closure: 212; Temporary Closure: 12; Not Identified Closure: 12"
    ) in texts
    assert "** Lay-offs have been cancelled by the Company." in texts
    assert (
        "Notice Date: 07/29/2015; Effective: 09/28/2015; Received: 07/30/2015; "
        "Company: Buca Restaurants 2, Inc.(CANCELLED)**; City: Santa Monica; No. Of: 61; "
        "Layoff/Closure: Closure Permanent"
    ) in texts
    assert sum(t.startswith("Summary by Month: ") for t in texts) == 10  # 9 months + total


def test_the_reference_ledger_keeps_descriptions_in_their_rows(
    shared_data: Path, limits: LoaderLimits
) -> None:
    path = shared_data / "pdf_messy" / "table__pdfplumber_senate-expenditures.pdf"
    texts = [b.text for b in pdf.load(path, limits).blocks]
    rows = [t for t in texts if t.startswith("DOCUMENT NO.: ")]
    assert len(rows) == 22
    assert (
        "DOCUMENT NO.: DHAW20190004; DATE POSTED: 04/03/2019; PAYEE NAME: CITIBANK - TRAVEL "
        "CBA CARD; OBLIGATION/SERVICE DATES START: 03/21/2019; OBLIGATION/SERVICE DATES END: "
        "03/24/2019; DESCRIPTION: STAFF TRANSPORTATION AIRFARE FOR K FORD 3/21 WASHINGTON DC "
        "TO SAINT LOUIS, KANSAS CITY; 3/24 SAINT LOUIS TO WASHINGTON DC; AMOUNT ($): 903.90"
    ) in rows
    assert rows[-1].endswith(
        "DESCRIPTION: STAFF TRANSPORTATION AIRFARE FOR C WEIHS WASHINGTON DC TO SPRINGFIELD "
        "AND RETURN; AMOUNT ($): 411.49"
    )
    assert not any("B-1191" in r or r.endswith(("): B", "): 1", "): 9")) for r in rows)


def test_the_reference_two_column_paper_reads_its_country_table(
    shared_data: Path, limits: LoaderLimits
) -> None:
    path = shared_data / "pdf_messy" / "multicol__samplefiles_026-multicolumn.pdf"
    texts = [b.text for b in pdf.load(path, limits).blocks]
    assert (
        "Country: Belgium; Population (millions): 11.5; Area (km2): 30,689; Capital: Brussels; "
        "Official Language: Dutch, French, German"
    ) in texts
    assert sum(t.startswith("Country: ") for t in texts) == 5


def test_text_moved_below_a_table_keeps_its_line_breaks(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """A page header drawn last (a browser's print header) stands above the table, so the
    text between the table and it is moved below the table: with its line breaks, so
    a wrapped sentence keeps the space between its lines and a heading stays a line."""
    document = _pdf()
    page = Page(document)
    _notices_table(page, 120)
    page.put(40, 240, "The remaining training days are Friday 23 October and Thursday 22")
    page.put(40, 252, "July 2027, when every academy is closed to pupils.")
    page.put(40, 280, "3. Working time")
    page.put(40, 300, "Full-time support staff work 37 hours a week.")
    page.put(40, 30, "Staff Handbook 2026-27 (printed 12/4/26)")
    path = tmp_path / "header.pdf"
    document.output(str(path))
    text = "\n".join(_texts(path, limits))
    assert "Thursday 22 July 2027, when every academy" in text
    assert "Thursday 22July" not in text and "pupils.3." not in text
    assert text.index("Company: ") < text.index("Thursday 22 July")


# Chromium's padded table: columns 40, 90 and 70 pt wide, a cell that does not fit wraps
# onto a second line at the line pitch (11 pt), rows 35 pt apart (fernhill's term dates)
TERM_ROWS = [
    [("Autumn", "2026"), ("Tuesday 1 September", "2026"), ("Wednesday 2", "September 2026")],
    [("Spring", "2027"), ("Monday 4 January", "2027"), ("Tuesday 5", "January 2027")],
    [("Summer", "2027"), ("Monday 12 April 2027", ""), ("Monday 12 April", "2027")],
]


def test_cells_wrapped_onto_a_second_line_stay_in_their_row(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """Every cell's second line, even the first column's, belongs to the row above."""
    document = _pdf()
    page = Page(document)
    columns = (40, 100, 210)
    page.row(
        60, [(40, "Term", "L"), (100, "Staff return (INSET", "L"), (210, "First day for", "L")]
    )
    page.row(71, [(100, "day)", "L"), (210, "pupils", "L")])
    y = 95.0
    for row in TERM_ROWS:
        page.row(y, [(x, cell[0], "L") for x, cell in zip(columns, row, strict=True)])
        page.row(y + 11, [(x, cell[1], "L") for x, cell in zip(columns, row, strict=True)])
        y += 35
    page.put(40, y, "INSET days are working days for all teaching staff.")
    path = tmp_path / "terms.pdf"
    document.output(str(path))
    rows = [t for t in _texts(path, limits) if t.startswith("Term: ")]
    assert rows == [
        "Term: Autumn 2026; Staff return (INSET day): Tuesday 1 September 2026; "
        "First day for pupils: Wednesday 2 September 2026",
        "Term: Spring 2027; Staff return (INSET day): Monday 4 January 2027; "
        "First day for pupils: Tuesday 5 January 2027",
        "Term: Summer 2027; Staff return (INSET day): Monday 12 April 2027; "
        "First day for pupils: Monday 12 April 2027",
    ]


# a poster's table set glyph by glyph (letter-spaced): many one-letter text boxes, and the
# narrow ones ("l", "i", "t") are taller than wide, though the text runs across the page
LEADS = [
    ("Fernhill Primary Academy", "Mrs Rachel Okafor", "Mr Ben Tilley"),
    ("Willowbrook Academy", "Ms Priya Chauhan", "Mr Lewis Dunmore"),
    ("Oakmere Academy", "Mr David Haslam", "Ms Erin Callow"),
    ("Linden Lane Primary Academy", "Mr Kwame Asante", "Mrs Lucy Penhale"),
]


def test_a_table_set_glyph_by_glyph_is_read_across_the_page(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    document = _pdf()
    page = Page(document)
    page.put(40, 50, "Tell the Designated Safeguarding Lead (DSL) or a deputy straight away.")
    page.put(40, 62, "Record what you saw or heard, in the child's own words, on SafeLog.")

    def spaced(x: float, y: float, text: str) -> None:
        for char in text:
            page.put(x, y, char)
            x += document.get_string_width(char) + 0.6

    for n, row in enumerate([("Academy", "DSL", "Deputy DSL"), *LEADS]):
        for x, cell in zip((40, 230, 370), row, strict=True):
            spaced(x, 90 + 20 * n, cell)
    path = tmp_path / "poster.pdf"
    document.output(str(path))
    rows = [t for t in _texts(path, limits) if t.startswith("Academy: ")]
    assert rows == [f"Academy: {a}; DSL: {d}; Deputy DSL: {e}" for a, d, e in LEADS]


def test_a_cell_wrapped_at_its_hyphen_is_one_word_again() -> None:
    # Chromium wraps "30-minute" after its hyphen; a line ending in a dash keeps its space
    assert wrap_joint(list("a paid 30-"), list("minute break")) == []
    assert wrap_joint(list("Nights -"), list("see the rota")) == [" "]
    assert wrap_joint(list("a paid"), list("30-minute break")) == [" "]
    assert wrap_joint(list("ends in -"), list("(note)")) == [" "]
