"""Data tables in PDFs read as "Header: cell; Header: cell" rows (loaders/pdf_tables.py),
on PDFs made here with fpdf2 and on the reference files; pages without a grid unchanged."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from fpdf import FPDF

from pocketrag.loaders import pdf, pdf_tables
from pocketrag.settings_views import LoaderLimits
from table_pdf import LAYOFFS, make_table_pdf

from .conftest import make_pdf

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
# Pages of the reference files that really hold a grid, and so change (docs/PDF_EXTRACTION.md),
# by folder and name (two sample sets each have a laser-cutter-manual.pdf).
HOLDS_A_GRID = {
    "handbook/travel.pdf": {2},  # 2.2 Air: flight time / class / approval
    "harbourview/shift-and-standby-allowances-2026.pdf": {1},  # allowances by band
    "brightwater/overtime-and-on-call.pdf": {2},  # fpdf2, ruled: on-call allowances
    "fernhill/staff-handbook-2026-27.pdf": {1, 5},  # Chromium: term dates, contacts
    "fernhill/safeguarding-poster.pdf": {1},  # academy, DSL, deputy (set glyph by glyph)
    # reportlab: specifications (two columns, ruled), materials, error codes
    "tollgate/laser-cutter-manual.pdf": {1, 3, 4, 5},
    "tollgate/wood-lathe-safety-sheet.pdf": {1},  # speed table in the right-hand column
    "makers/laser-cutter-manual.pdf": {2, 3},  # reportlab: materials table over a page break
    "kestrel/pay-and-allowances-2026-27.pdf": {1, 2, 3, 4},  # Chromium, a glyph a box: pay
    # reportlab, two columns: two-column ruled tables (allowances, key contacts)
    "kestrel/lone-working-and-on-call-guidance-wardens.pdf": {1, 2},
    "ashgrove/pay-and-conditions-2026-27.pdf": {1, 2, 3, 4},  # the same printer: pay ranges
    "ashgrove/school-trips-and-off-site-visits.pdf": {1},  # ratios, in one of two columns
    "riverside/pay-expenses-and-allowances-2026-27.pdf": {1, 2, 3},  # Chromium: expenses, spine
    "millbrook/pay-and-allowances-2026-27.pdf": {1, 2, 3},  # Chromium: allowances, pay spine
    "millbrook/health-and-safety-essentials.pdf": {1},  # reportlab, two columns: a PPE table
    # Chromium: hourly rates over a page break, premiums, overtime, sick pay
    "wrenfield/pay-shift-premiums-and-allowances-2026-27.pdf": {1, 2, 3},
    "wrenfield/assaults-and-body-worn-cameras.pdf": {1},  # reportlab, two columns: retention
    # Chromium: salary scales over a page break, on-call payments, CPD, allowances
    "oakhurst/pay-on-call-and-allowances-2026-27.pdf": {1, 2, 3},
    "oakhurst/staying-safe-at-work.pdf": {1, 2},  # reportlab, two columns: incident forms
    "thornbury/lone-working-first-aid-and-medicines.pdf": {1},  # two columns: first aid cover
    # Chromium: teacher pay ranges, TLR levels, support staff spine over a page break, and
    # two-column casual rates and expenses (ruled; the expenses header and first row, alone
    # at the foot of page 3, are not)
    "thornbury/pay-and-allowances-2026-27.pdf": {1, 2, 3, 4},
    # a slide's three-column table, a two-column ruled one (team services); the next page's
    # heading path follows each change
    "pdf_messy/imageheavy__ghostwolves_cybersecurity-incident-response-plans.pdf": {*range(45, 50)},
    # Chromium: grades, pay spine over a page break, shift allowances, meals, and the
    # two-column tables (ruled)
    "hollowmere/pay-and-allowances-2026-27.pdf": {1, 2, 3, 4},
    "hollowmere/lone-working-and-home-visits.pdf": {1},  # reportlab, two columns: risk levels
    # Chromium: stipends, demonstrating rates, overseas allowances over a page break, facility
    # charges and boats
    "saltmarsh/fieldwork-travel-and-research-rates-2026-27.pdf": {1, 2, 3},
    "saltmarsh/boat-operations-safety-leaflet.pdf": {1},  # reportlab, two columns: the boats
    # Chromium: pay bands, the pay scale over a page break, shifts, mileage
    "kingsmere/pay-hours-and-rota-guide-2026-27.pdf": {1, 2, 3},
    "kingsmere/lone-working-and-home-visits.pdf": {1},  # reportlab, two columns: risk levels
    # Chromium: grades, the pay scale over a page break, overtime rates, allowances
    "amberholt/pay-overtime-and-allowances-2026-27.pdf": {1, 2, 3},
    "amberholt/opening-and-closing-alone.pdf": {1},  # reportlab, two columns: key holders
    "amberholt/schools-programme-spring-2027.pdf": {1},  # reportlab, no ruled lines: timetable
    # Chromium: rents over a page break, service charges, repairs responsibilities over a page
    # break
    "fellgate/rent-service-charges-and-repairs-2026-27.pdf": {1, 2, 3, 4},
    # reportlab leaflet, ruled: its cost column's cells read on like prose ("... free, we pay
    # the electricity cost" / "free, fitted by the co-op")
    "fellgate/damp-mould-and-condensation.pdf": {1},
    # reportlab, ruled, merged header cells ("2025-26" over "Budget" and "Actual") and a row
    # of a group's name ("Income") between the header and the first rows
    "fellgate/annual-budget-summary-2026-27.pdf": {1},
    # Chromium: first aiders over a page break, accidents, allergic reactions
    "cobbleford/first-aid-allergies-and-medical-needs-2026-27.pdf": {1, 2, 3},
    "cobbleford/cpd-budget-2026-27.pdf": {1},  # reportlab: merged header cells, groups
    "cobbleford/safeguarding-fire-and-lockdown.pdf": {1},  # reportlab, two columns: lanyards
    # Chromium: the training matrix over a page break
    "pennock/mandatory-training-and-appraisal-2026-27.pdf": {1, 2, 3},
    # reportlab: merged header cells, sections of two or three rows ruled across the table
    "pennock/training-budget-2026-27.pdf": {1},
    "pennock/emergencies-at-work.pdf": {1},  # reportlab, two columns: fire wardens
    # Chromium: hourly rates, the qualification matrix over a page break
    "dunmere/casual-pay-rates-and-qualifications-2026-27.pdf": {1, 2, 3},
    "dunmere/casual-staffing-budget-2026-27.pdf": {1},  # reportlab: merged header cells
    # reportlab, two columns: radio calls; page 2's heading path follows the change
    "dunmere/emergency-procedures.pdf": {1, 2},
    # Chromium: lending charges over a page break, printing, local studies, the Makerspace, room
    # hire
    "wexcombe/fees-and-charges-2026-27.pdf": {1, 2, 3},
    "wexcombe/book-fund-2026-27.pdf": {1},  # reportlab: merged header cells, groups
    # reportlab, two columns: assembly points; page 2's heading path follows the change
    "wexcombe/building-emergencies.pdf": {1, 2},
    # Chromium: Dial-a-Ride, shuttle and Car Scheme fares, the group hire rates over a page
    # break and the other group hire charges
    "corrington/fares-and-charges-2026-27.pdf": {1, 2, 3},
    "corrington/fleet-budget-2026-27.pdf": {1},  # reportlab: merged header cells, groups
    # reportlab, two columns: who to ring; page 2's heading path follows the change
    "corrington/breakdowns-and-accidents.pdf": {1, 2},
    # Chromium: room hire, the Main House technical specification over a page break, visiting
    # company deals, staffing charges, the Long Gallery
    "marlstone/hire-rates-and-technical-specification-2026-27.pdf": {1, 2, 3},
    "marlstone/operating-budget-2026-27.pdf": {1},  # reportlab: merged header cells, groups
    "marlstone/emergency-procedures-front-of-house.pdf": {1},  # reportlab, two columns: assembly
    # Chromium: room attendant times, the cleaning schedule over a page break, room checks
    "quillhaven/housekeeping-standards-and-cleaning-schedule.pdf": {1, 2, 3},
    "quillhaven/fire-and-evacuation-procedure.pdf": {1},  # reportlab, two columns: assembly
    # reportlab: the spa menu, merged header cells, sections of two rows ruled across it
    "quillhaven/spa-treatments-and-contraindications.pdf": {1},
    # Chromium: radiation protection supervisors, the exposure chart over a page break
    "hazelbrook/radiation-safety-local-rules.pdf": {1, 3, 4},
    "hazelbrook/lone-working-and-home-visits.pdf": {1},  # reportlab, two columns: checking in
    "hazelbrook/clinical-waste-and-sharps.pdf": {1},  # reportlab: merged header cells, groups
    # Chromium: sling sizes, the equipment register over a page break
    "brackenfold/moving-and-handling-guide.pdf": {1, 2, 3, 4},
    "brackenfold/falls-and-incident-reporting.pdf": {1},  # reportlab, two columns: who to tell
    "brackenfold/mandatory-training-matrix.pdf": {1},  # reportlab: merged header cells, groups
    # Chromium: the courses table, the MHE fleet table over a page break
    "gorsebrook/mhe-licences-and-training-guide.pdf": {1, 2, 3, 4},
    "gorsebrook/manual-handling-and-accident-reporting.pdf": {1},  # reportlab, two columns
    "gorsebrook/ppe-issue-sheet.pdf": {1},  # reportlab: merged header cells, groups
    # Chromium: the thorough examinations table, the plant register over a page break
    "calderwick/plant-operators-checks-and-examinations.pdf": {2, 3, 4},
    # reportlab, two columns: the who-to-tell table, its last row on the next page
    "calderwick/accidents-near-misses-and-riddor.pdf": {1, 2},
    "calderwick/training-and-cards-matrix-2026.pdf": {1},  # reportlab: merged header cells
    # Chromium: the vehicle fleet table over a page break
    "ellerby/farm-visits-vehicles-and-mileage.pdf": {2, 3},
    # reportlab, two columns: the waste and who-to-tell tables, the last row on the next page
    "ellerby/bites-scratches-sharps-and-clinical-waste.pdf": {1, 2},
    "ellerby/uniform-and-ppe-issue-sheet-2026.pdf": {1},  # reportlab: merged header cells
    # reportlab, one column: the shops table, the shop managers' checklist
    "penrick/retail-shop-manual.pdf": {1, 3},
    # reportlab, two columns: the extinguishers and other emergencies tables
    "penrick/fire-safety-and-emergencies.pdf": {1},
    "penrick/mandatory-training-matrix-2026.pdf": {1},  # reportlab: merged header cells
    # reportlab, one column: the keg and cask weights table
    "tunwick/packaging-and-warehouse-safety.pdf": {2},
    # reportlab, two columns: the tronc points table
    "tunwick/pay-holiday-and-tronc-guide-2026.pdf": {1},
    "tunwick/training-matrix-2026.pdf": {1},  # reportlab: merged header cells
    # reportlab, one column: the infections and PPE tables
    "hartsmoor/zoonoses-hygiene-and-ppe.pdf": {1, 2},
    "hartsmoor/ppe-and-uniform-issue-2026.pdf": {1},  # reportlab: merged header cells
    # reportlab, one column: the retirement table
    "holmbrack/ppe-inspection-and-loler-schedule.pdf": {1},
    # reportlab, one column: the weights table; the landscape rota printed on /Rotate 90 pages
    "larchwick/yard-forklift-and-manual-handling.pdf": {1},
    "larchwick/christmas-2026-opening-hours-and-rota.pdf": {1, 2},
    # reportlab, one column: the fire points table
    "gullcombe/fire-safety-and-caravan-spacing.pdf": {1},
    # reportlab, one column: the hourly rates table (footnotes at the page's foot); the
    # retention periods table
    "ravensholt/fees-and-billing-guide.pdf": {1},
    "ravensholt/file-retention-and-archiving.pdf": {1},
    # reportlab, landscape: the ten-column fee table
    "bramblecote/fees-nhs-and-private-2026-27.pdf": {1},
    # reportlab, one column: the radiation protection supervisors and reference levels tables
    "bramblecote/radiography-local-rules.pdf": {1},
    "pdf_messy/multicol__samplefiles_026-multicolumn.pdf": {3},  # the EU countries table
}


def test_table_rows_are_written_with_their_header(tmp_path: Path, limits: LoaderLimits) -> None:
    doc = pdf.load(make_table_pdf(tmp_path / "layoffs.pdf"), limits)
    texts = [b.text for b in doc.blocks]
    assert any(t.startswith("The state publishes every notice") for t in texts)  # paragraph kept
    for company, city, employees, kind in LAYOFFS:
        row = f"Company: {company}; City: {city}; Employees: {employees}; Layoff or closure: {kind}"
        assert row in texts
    assert texts[-1].startswith("Notices are kept for three years")


def test_an_empty_cell_is_left_out(tmp_path: Path, limits: LoaderLimits) -> None:
    rows = [("Company", "City", "Employees", "Layoff or closure"), ("Acme Ltd", "", "12", "Layoff")]
    rows += [("Beta Inc", "Leeds", "30", "Closure"), ("Gamma plc", "York", "7", "Layoff")]
    doc = pdf.load(make_table_pdf(tmp_path / "gaps.pdf", rows=rows), limits)
    assert "Company: Acme Ltd; Employees: 12; Layoff or closure: Layoff" in [
        b.text for b in doc.blocks
    ]


def test_a_cells_semicolon_stays_a_semicolon(tmp_path: Path, limits: LoaderLimits) -> None:
    # wexcombe's fees: "For research items only; reading room use may be required" had come
    # out with a comma, unlike the same table read from HTML
    rows = [("Company", "City", "Employees", "Layoff or closure"), *LAYOFFS[:3]]
    rows += [("Acme Ltd", "Leeds", "12", "Layoff; 3 more in May")]
    doc = pdf.load(make_table_pdf(tmp_path / "semicolon.pdf", rows=rows), limits)
    assert (
        "Company: Acme Ltd; City: Leeds; Employees: 12; Layoff or closure: Layoff; 3 more in May"
        in [b.text for b in doc.blocks]
    )


def _lined_up(path: Path, font: str) -> Path:
    """Five lines of gnuplot set word by word at the same four x positions, as TeX sets a
    code example: a grid to the eye whatever the font."""
    document = FPDF()
    document.add_page()
    document.set_font("Helvetica", size=11)
    document.multi_cell(0, 6, "Set the ranges first, as in this example:", new_x="LMARGIN")
    document.set_font(font, size=10)
    y = document.get_y() + 6
    for words in [
        ("set", "xrange", "[-10:10]", "writeback"),
        ("set", "yrange", "[0:5]", "restore"),
        ("plot", "sin(x)", "with", "lines"),
        ("plot", "cos(x)", "title", "'cosine'"),
        ("set", "key", "left", "top"),
    ]:
        for x, word in zip((20, 40, 65, 95), words, strict=True):
            document.text(x, y, word)
        y += 5
    document.output(str(path))
    return path


def test_code_lined_up_in_a_typewriter_font_is_no_table(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """Code set in a typewriter font had been cut into cells ("set: plot; xrange: sin(x)")."""
    blocks = pdf.load(_lined_up(tmp_path / "c.pdf", "Courier"), limits).blocks
    code = " ".join(b.text for b in blocks)
    assert "set xrange [-10:10] writeback set yrange [0:5] restore plot sin(x)" in code
    # the same grid in a proportional font is read as a table: the font decides
    grid = [b.text for b in pdf.load(_lined_up(tmp_path / "t.pdf", "Helvetica"), limits).blocks]
    assert any(text.startswith("set: plot;") for text in grid)


def test_a_prose_only_pdf_is_unchanged(tmp_path: Path, limits: LoaderLimits) -> None:
    first = [
        "Staff Handbook",
        "Employees receive 25 days of annual leave each year, plus public holidays.",
        "Requests go to your line manager at least two weeks ahead.",
    ]
    second = ["Sick leave is reported to your manager before 10am on the first day of absence."]
    lines = first + second
    path = make_pdf(tmp_path / "prose.pdf", [first, second])
    document = pdf.open_pdf(path, None)
    try:
        reader = pdf_tables.TableReader()
        for page in document:
            textpage = page.get_textpage()
            assert reader.find(textpage, textpage.get_text_range(), page.get_rotation()) is None
    finally:
        document.close()
    texts = [b.text for b in pdf.load(path, limits).blocks]
    assert all(any(line in t for t in texts) for line in lines[1:])
    assert not any(isinstance(t, pdf_tables.TableRow) for t in texts)


def _blocks(path: Path, limits: LoaderLimits) -> list[tuple[int, tuple[str, ...], str]] | str:
    try:
        return [(b.page, b.heading_path, b.text) for b in pdf.load(path, limits).blocks]
    except Exception as exc:
        return repr(exc)


def _reference_pdfs(shared: Path) -> list[Path]:
    messy = [p for p in (shared / "pdf_messy").glob("*.pdf") if not p.name.startswith("table")]
    return [
        *sorted(SAMPLES.rglob("*.pdf")),
        *sorted((shared / "hr_manual_multiformat" / "pdf").glob("*.pdf")),
        *sorted(messy),
    ]


def _key(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def test_pages_without_a_grid_read_exactly_as_before(
    shared_data: Path, limits: LoaderLimits
) -> None:
    """Every PDF in samples/ and the reference data, with table reading off (the loader as
    it was) and on: the same blocks, page by page, except on the pages listed above."""
    files = _reference_pdfs(shared_data)
    assert len(files) >= 14
    after = {_key(p): _blocks(p, limits) for p in files}
    plain = dataclasses.replace(limits, pdf_tables=False)  # POCKETRAG_PDF_TABLES=false
    before = {_key(p): _blocks(p, plain) for p in files}
    for name, old in before.items():
        new = after[name]
        if isinstance(old, str) or isinstance(new, str):
            assert old == new, name
            continue
        allowed = HOLDS_A_GRID.get(name, set())
        pages = {p for p, _, _ in old} | {p for p, _, _ in new}
        for page in sorted(pages - allowed):
            assert [b for b in old if b[0] == page] == [b for b in new if b[0] == page], (
                f"{name} page {page}"
            )


def test_the_travel_table_reads_with_its_header(limits: LoaderLimits) -> None:
    texts = [b.text for b in pdf.load(SAMPLES / "handbook" / "travel.pdf", limits).blocks]
    assert (
        "Scheduled flight time: Up to 6 hours; Class allowed: Economy; "
        "Approval: Line manager (domestic), department head (international)"
    ) in texts


def test_the_fernhill_tables_read_whole_rows(limits: LoaderLimits) -> None:
    """Chromium's wrapped cells stay in their row; the letter-spaced poster's table is read."""
    handbook = pdf.load(SAMPLES / "fernhill" / "staff-handbook-2026-27.pdf", limits)
    texts = [b.text for b in handbook.blocks]
    assert (
        "Term: Spring 2027; Staff return (INSET day): Monday 4 January 2027; "
        "First day for pupils: Tuesday 5 January 2027; Half-term holiday: 15 to 19 February "
        "2027; Last day of term: Thursday 25 March 2027"
    ) in texts
    # "e-" / "mail" wrapped in its cell: PDFium's line-end hyphen mark, kept as the hyphen
    assert (
        "For: Passwords, devices and e-mail; Contact: IT Service Desk; How: extension 2040 or "
        "itsupport@fernhilltrust.example"
    ) in texts
    autumn = next(t for t in texts if t.startswith("Term: Autumn 2026; "))
    assert "Wednesday 2 September 2026" in autumn and "Friday 18 December 2026" in autumn
    poster = pdf.load(SAMPLES / "fernhill" / "safeguarding-poster.pdf", limits)
    assert (
        "Academy: Willowbrook Academy; DSL: Ms Priya Chauhan; Deputy DSL: Mr Lewis Dunmore"
    ) in [b.text for b in poster.blocks]
    assert not any("Ms Erin Callow" in " ".join(b.heading_path) for b in poster.blocks)


def test_a_row_wrapped_in_every_cell_stays_one_row(limits: LoaderLimits) -> None:
    """Chromium, no rules: every cell of a row wrapped onto a second line; "every" would
    have fitted after "Co-op (fitting and testing" only without the space before it."""
    path = SAMPLES / "fellgate" / "rent-service-charges-and-repairs-2026-27.pdf"
    texts = [b.text for b in pdf.load(path, limits).blocks]
    assert (
        "Item: Smoke and carbon monoxide alarms; Co-op repairs: Co-op (fitting and testing "
        "every 12 months); Member repairs: Testing monthly; replacing batteries in "
        "battery-only alarms"
    ) in texts
    assert (
        "Item: Blocked sinks, baths and toilets; Co-op repairs: Co-op (if caused by a fault in "
        "the pipework or a shared drain); Member repairs: Member (if caused by what has been "
        "put down them)"
    ) in texts


def test_a_ruled_rows_lines_stay_one_row_by_its_padding(limits: LoaderLimits) -> None:
    """Chromium, ruled: a cell's third line without descenders ("November" / "2026") stands
    further below the second than glyph heights allow, and a row wrapped in every cell has
    as many cells on its second line as on its first; both are one row by the padding
    between its lines and its rules. The split "2026" had made Gemma Stokes's row the
    header of the rest of the page; and the heading over a page of rows stays a heading."""
    path = SAMPLES / "cobbleford" / "first-aid-allergies-and-medical-needs-2026-27.pdf"
    blocks = pdf.load(path, limits).blocks
    texts = [b.text for b in blocks]
    assert (
        "Name: Gemma Stokes; Role: KS2 TA; Qualification: First Aid at Work (3-day); "
        "Valid until: 30 November 2026; Usual base: Willow and Ash"
    ) in texts
    assert (
        "Name: Chris Penhale; Role: Year 4 teacher; Qualification: Emergency First Aid at Work "
        "(1-day); Valid until: 1 September 2029; Usual base: Beech"
    ) in texts
    assert not any(t.startswith("Gemma Stokes: ") for t in texts)
    assert (
        "What happened: Minor injury at playtime or lunchtime (graze, bump, nosebleed); "
        "Where it is recorded: The accident book in the duty bumbag, on the day; "
        'Who tells parents, and how: Class teacher, at home time; a "Today I had first aid" '
        "slip goes home"
    ) in texts
    allergies = next(b for b in blocks if b.text.startswith("Children with a severe allergy"))
    assert allergies.heading_path[-1] == "4. Allergies and anaphylaxis"
    assert any(t.startswith("Reaction: Severe: anaphylaxis; Signs: Airway: ") for t in texts)


def test_a_ruled_tables_wrapped_cells_stay_in_their_row(limits: LoaderLimits) -> None:
    """A table ruled between its rows (reportlab's grid): the lines between two rules are
    one row, its first cell wrapped ("Cast acrylic" / "(PMMA)") and its header too ("Engrave
    power /" / "speed"); read from positions alone, the first body row became the header."""
    texts = [
        b.text for b in pdf.load(SAMPLES / "tollgate" / "laser-cutter-manual.pdf", limits).blocks
    ]
    assert (
        "Material: Cast acrylic (PMMA); Thickness: 2 mm; Permitted?: Yes; Cut power / speed: "
        "50% / 20 mm/s; Engrave power / speed: 15% / 300 mm/s; Notes: Peel protective film off "
        "the engrave side only"
    ) in texts
    assert (
        "Material: Birch plywood; Thickness: 6 mm; Permitted?: Yes; Cut power / speed: "
        "80% / 5 mm/s; Engrave power / speed: 20% / 300 mm/s; Notes: Two passes at 8 mm/s if "
        "charring"
    ) in texts
    assert not any(t.startswith("Material Cast acrylic") for t in texts)


def test_a_ruled_table_above_a_boxed_note_of_its_width_is_read(limits: LoaderLimits) -> None:
    """oakhurst's leaflet: a warning box as wide as the table further down the column had
    joined the table's rules, so no side rule reached them all and the grid went unseen; the
    header was read into the first row and each wrapped cell twice."""
    leaflet = pdf.load(SAMPLES / "oakhurst" / "staying-safe-at-work.pdf", limits)
    texts = [b.text for b in leaflet.blocks]
    assert (
        "What happened: Needlestick or sharps injury; Form: Incident Report IR1 on the Safety "
        "Hub; Deadline: Within 24 hours"
    ) in texts
    assert (
        "What happened: Suspected zoonotic infection; Form: IR1 and tell occupational health; "
        "Deadline: Within 24 hours of your diagnosis"
    ) in texts


def test_ruled_tables_of_other_columns_and_of_two_columns_are_read(
    limits: LoaderLimits,
) -> None:
    """thornbury's pay summary (Chromium): the TLR levels, ruled under the pay ranges in
    columns of their own, had made one group of rules with them that no side rule crossed,
    and both went unseen; its two-column tables (casual rates, expenses) have too few
    phrases to a row to be told from prose by their positions, but they are ruled."""
    document = pdf.load(SAMPLES / "thornbury" / "pay-and-allowances-2026-27.pdf", limits)
    texts = [b.text for b in document.blocks]
    assert "Range: Main pay range; Point: M1; Annual salary (full time): £32,916" in texts
    assert (
        "Level: TLR 2; Typical post: Subject leader (secondary), key stage leader (primary), "
        "head of year; Annual value: £3,550 (TLR 2a), £5,300 (TLR 2b) or £7,150 (TLR 2c)"
    ) in texts
    assert "Work: Senior invigilator (casual); Rate: £14.25 an hour" in texts
    # "than 5 hours" has no letter below the line: it is still the rest of its cell
    assert (
        "Expense: Lunch on a course that is away from your school for more than 5 hours; "
        "Rate or limit: up to £8.50"
    ) in texts
    rates = next(b for b in document.blocks if b.text.startswith("Work: Senior"))
    assert rates.heading_path[-1] == "6. Casual and sessional rates"


def test_a_table_of_cell_boxes_is_read(limits: LoaderLimits) -> None:
    """fpdf2 draws each cell's border as a box: the boxes' edges rule the rows, and the
    allowance table, whose first column wraps, is read (it was left as one run-on line)."""
    document = pdf.load(SAMPLES / "brightwater" / "overtime-and-on-call.pdf", limits)
    texts = [b.text for b in document.blocks]
    assert (
        "Period: Weekend day (Friday 17:30 to Monday 08:30, per day); Ireland: €90 per day; "
        "UK: £76 per day"
    ) in texts


def test_prose_beside_a_table_stays_prose(limits: LoaderLimits) -> None:
    """On a two-column page the lines of the left column share baselines with a table's
    cells in the right one: the prose is read as prose, whole, and the table without it,
    its two-line header as one (the lathe sheet's speed table; the wardens' guide's
    two-column tables, ruled)."""
    lathe = [
        b.text
        for b in pdf.load(SAMPLES / "tollgate" / "wood-lathe-safety-sheet.pdf", limits).blocks
    ]
    assert any(
        t.startswith(
            "Only members who have completed the lathe induction and have been signed off by "
            "a Lathe Steward may use the Hollin WL-36."
        )
        and t.endswith("but must be in the Wood Workshop and know where the emergency stop is.")
        for t in lathe
    )
    assert (
        "Blank diameter: 250 to 360 mm; Maximum speed for roughing: 400 rpm; Maximum speed for "
        "finishing: 700 rpm"
    ) in lathe
    guide = SAMPLES / "kestrel" / "lone-working-and-on-call-guidance-wardens.pdf"
    texts = [b.text for b in pdf.load(guide, limits).blocks]
    assert "Who: Guardline ARC; Number: 01632 960 555" in texts
    assert any(
        t.endswith("The person receiving the call must call 999 and give your location.")
        for t in texts
    )
    assert any(
        t.startswith("Every incident of verbal abuse, threat or violence is reported on Assure")
        for t in texts
    )


def test_a_reference_table_reads_with_its_header(shared_data: Path, limits: LoaderLimits) -> None:
    path = shared_data / "pdf_messy" / "table__pdfplumber_ca-warn-report.pdf"
    texts = [b.text for b in pdf.load(path, limits).blocks]
    assert (
        "Notice Date: 07/20/2015; Effective: 12/31/2017; Received: 07/22/2015; "
        "Company: Toyota Motor North America; City: Torrance; No. Of: 3000; "
        "Layoff/Closure: Closure Permanent"
    ) in texts
    # the table runs on over 16 pages; pages without its header keep page 1's
    assert sum(t.startswith("Notice Date: ") for t in texts) > 600


def test_a_rotated_table_reads_like_the_upright_one(
    shared_data: Path, limits: LoaderLimits
) -> None:
    folder = shared_data / "pdf_messy"
    upright = pdf.load(folder / "table__pdfplumber_nics-background-checks-2015-11.pdf", limits)
    rotated = pdf.load(folder / "table_rotated__pdfplumber_nics-2015-11-rotated.pdf", limits)
    rows = [b.text for b in upright.blocks if b.text.startswith("State / Territory: ")]
    assert len(rows) > 50
    assert rows == [b.text for b in rotated.blocks if b.text.startswith("State / Territory: ")]
    assert any(
        r.startswith("State / Territory: Alabama; Permit: 18,870; Handgun: 23,022") for r in rows
    )


def test_many_segments_stay_linear(tmp_path: Path, limits: LoaderLimits) -> None:
    """A page of 2,000 short numbers in a 40 x 50 grid: read in well under a second."""
    import time

    document = FPDF(format=(1400, 2000), unit="pt")
    document.set_font("Helvetica", size=8)
    document.add_page()
    for r in range(50):
        for c in range(40):
            document.text(20 + c * 34, 40 + r * 12, f"{r * 40 + c}" if r else _name(c))
    path = tmp_path / "grid.pdf"
    document.output(str(path))
    start = time.perf_counter()
    doc = pdf.load(path, limits)
    assert time.perf_counter() - start < 5
    assert doc.blocks[0].text.startswith("KAA: 40; KBA: 41; KCA: 42")
    assert len(doc.blocks) == 49


def _name(column: int) -> str:
    """A header without digits (a row of figures is body): KAA, KBA, ..."""
    return "K" + chr(65 + column % 26) + chr(65 + column // 26)


def test_a_table_under_a_browsers_running_header_keeps_its_header(limits: LoaderLimits) -> None:
    """Chromium prints each page with its date and title above the page's text, and sets
    every glyph in a box of its own: the pay spine runs over a page break with its first
    column (spine points 3 to 40) and its header on both pages; the furniture is dropped."""
    doc = pdf.load(SAMPLES / "kestrel" / "pay-and-allowances-2026-27.pdf", limits)
    texts = [b.text for b in doc.blocks]
    spine = [t for t in texts if t.startswith("Spine point: ")]
    assert [t.split(";")[0] for t in spine] == [f"Spine point: {n}" for n in range(3, 41)]
    assert (
        "Spine point: 38; Annual salary (full-time): £62,837; Hourly rate: £32.57; Grade(s): K8"
    ) in spine
    assert (
        "Allowance: Tool allowance; Amount: £250 a year; Conditions: Repairs operatives who "
        "supply their own hand tools (paid in two halves, April and October)"
    ) in texts  # a long last cell: a row, not a line of prose
    assert not any("9:58 PM" in t or "file:///" in t for t in texts)


def test_a_last_row_in_words_stays_a_row(tmp_path: Path, limits: LoaderLimits) -> None:
    """Under rows of figures, a row without any starts a new header only when figures
    follow it; the last row of the table ("minimum to maximum") was being lost."""
    rows = [("Range", "Point", "Annual salary"), ("Main", "M1", "32,916"), ("Main", "M2", "34,823")]
    rows += [("Upper", "U1", "47,472"), ("Unqualified", "minimum to maximum", "26,210 to 40,906")]
    doc = pdf.load(make_table_pdf(tmp_path / "ranges.pdf", rows=rows), limits)
    texts = [b.text for b in doc.blocks]
    assert "Range: Upper; Point: U1; Annual salary: 47,472" in texts
    assert (
        "Range: Unqualified; Point: minimum to maximum; Annual salary: 26,210 to 40,906"
    ) in texts


def test_a_row_named_like_the_rows_around_it_is_no_header(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """NUT's variable tables: a value in words ("charging") among figures had made its row
    the header of every row after it ("battery.charger.status: battery.voltage; ..."), and a
    first row in words had joined the header."""
    rows = [("Name", "Description", "Example value"), ("battery.present", "Battery fitted", "yes")]
    rows += [("battery.charge", "Battery charge (percent)", "100.0")]
    rows += [("battery.charge.low", "Level when UPS switches to LB (percent)", "20")]
    rows += [("battery.charger.status", "Status of the battery charger", "charging")]
    rows += [("battery.voltage", "Battery voltage (V)", "24.84")]
    rows += [("battery.runtime", "Battery runtime (seconds)", "1080")]
    doc = pdf.load(make_table_pdf(tmp_path / "variables.pdf", rows=rows), limits)
    texts = [b.text for b in doc.blocks]
    assert "Name: battery.present; Description: Battery fitted; Example value: yes" in texts
    assert (
        "Name: battery.charger.status; Description: Status of the battery charger; "
        "Example value: charging"
    ) in texts
    assert "Name: battery.voltage; Description: Battery voltage (V); Example value: 24.84" in texts


def test_a_ruled_table_in_one_column_of_two_keeps_its_wrapped_cells(
    limits: LoaderLimits,
) -> None:
    """reportlab leaflets set in two columns: each line of the page had been read across
    both columns, so no line of the table lay inside its rules and each wrapped line of a
    cell was a row of its own ("When: A CAR entry for" / "When: verbal abuse, or a")."""
    leaflet = SAMPLES / "hollowmere" / "lone-working-and-home-visits.pdf"
    texts = [b.text for b in pdf.load(leaflet, limits).blocks]
    assert (
        "Risk level: Medium; When: A CAR entry for verbal abuse, or a first visit to a "
        "complaint about a neighbour dispute; What you do: Visit with a colleague, or meet the "
        "person at the Civic Centre or a council office"
    ) in texts
    # the left column's numbered steps, level with the table, read whole as before
    assert (
        "1. Check the Caution Alert Register (CAR) in the CRM system for the address and the "
        "person. An entry means there has been violence, threats or another risk there in "
        "the last 3 years."
    ) in texts
    ppe = SAMPLES / "millbrook" / "health-and-safety-essentials.pdf"
    assert (
        "Item: Safety boots (S3, with midsole); When to wear it: At all times on site; "
        "Replaced: Every 12 months, or sooner if damaged"
    ) in [b.text for b in pdf.load(ppe, limits).blocks]


def test_a_numbered_heading_wrapped_in_a_narrow_column_heads_its_section(
    limits: LoaderLimits,
) -> None:
    """ "2. The buddy system and" / "check-in times": read apart, neither line was a heading,
    and the heading ran into the first bullet under the previous section's heading; a full
    line of body text after a heading ending on "for" is not the heading's rest."""
    leaflet = pdf.load(SAMPLES / "hollowmere" / "lone-working-and-home-visits.pdf", limits)
    bullet = next(b for b in leaflet.blocks if b.text.startswith("• Check in with your buddy"))
    assert bullet.heading_path[-1] == "2. The buddy system and check-in times"
    guide = SAMPLES / "kestrel" / "lone-working-and-on-call-guidance-wardens.pdf"
    first = next(
        b for b in pdf.load(guide, limits).blocks if "This guidance applies to every" in b.text
    )
    assert first.heading_path[-1] == "1. Who this is for"
    assert first.text.startswith("This guidance applies to every Sheltered Housing Warden")


def test_a_row_with_an_amount_in_words_is_no_header(limits: LoaderLimits) -> None:
    """ "Group exercise instructor | F2 | £24.00 per class hour | -" holds no bare figure: it
    had been read as the header of a second table stacked under the first, and named the
    columns of the seven rows under it ("Group exercise instructor: Receptionist")."""
    rates = SAMPLES / "dunmere" / "casual-pay-rates-and-qualifications-2026-27.pdf"
    texts = [b.text for b in pdf.load(rates, limits).blocks]
    assert (
        "Role: Group exercise instructor; Grade: F2; Hourly rate: £24.00 per class hour; "
        "Moving up: -"
    ) in texts
    assert "Role: Receptionist; Grade: R1; Hourly rate: £12.75; Moving up: -" in texts


def test_a_table_of_words_continued_under_its_repeated_header_keeps_it(
    limits: LoaderLimits,
) -> None:
    """Chromium repeats a table's header on each page; the rest of a row split by the page
    break stood under it ("authority"), so the header was read apart from the table and its
    first row became the header of the page's rows ("Care navigation: Information
    governance for leads")."""
    matrix = SAMPLES / "pennock" / "mandatory-training-and-appraisal-2026-27.pdf"
    texts = [b.text for b in pdf.load(matrix, limits).blocks]
    assert (
        "Module: Care navigation; Who: reception and care navigators; Level: -; Renew: once, "
        "then at each protocol change; How: with Carol Beddows"
    ) in texts
    assert (
        "Module: Information governance for leads; Who: Caldicott Guardian, IG lead; Level: -; "
        "Renew: every year; How: ICB workshop"
    ) in texts


def test_the_rest_of_a_row_split_by_the_page_break_joins_that_row(limits: LoaderLimits) -> None:
    """Chromium prints a ruled table's header again on each page, and the rest of a row the
    break split under it ("store" of "Main house, equipment store"; "(overdue, booked 8
    December)" of a date). Read as a row of one cell, the rest ended the grid: it stood
    with the header's words as a line of text, and the last page's two rows, too few under
    it to make a table, lost their labels."""
    guide = SAMPLES / "brackenfold" / "moving-and-handling-guide.pdf"
    blocks = pdf.load(guide, limits).blocks
    texts = [b.text for b in blocks]
    assert (
        "Home: Tŷ Celyn; Equipment: Mobile hoist; Model: Orbis 180; Where it lives: Main "
        "house, equipment store; Safe working load: 180 kg; Last examined: 2 August 2026; "
        "Next due: February 2027"
    ) in texts
    assert (
        "Home: Hollins Lea; Equipment: Mobile hoist; Model: Oxford Stature; Where it lives: "
        "Back hall; Safe working load: 155 kg; Last examined: 27 May 2026; Next due: November "
        "2026 (overdue, booked 8 December)"
    ) in texts
    last = next(b for b in blocks if "Office cupboard" in b.text)
    assert last.text.startswith("Home: Hollins Lea; Equipment: Lifting cushion; Model: Camel;")
    assert last.page == 4
    assert not any("Last examined Next due" in t for t in texts)  # the header, read as text
    assert all(b.heading_path[-1] == "6. Equipment register" for b in blocks if b.page == 4)


def test_a_ruled_row_whose_last_cell_wraps_alone_stays_one_row(limits: LoaderLimits) -> None:
    """ "1 day, every 3" / "years": a row's one wrapped line stood a little more than a line
    below its first (a box of capitals over one without), and read as a row of one cell
    it ended the grid; the next row became the header of the rows under it ("D1: K1;
    Reach truck: ..."). Nor is a ruled column prose because its cells read on ("1 day,
    every 3 years" / "half a day, ..."): the Refresher column had gone to the page's text."""
    guide = SAMPLES / "gorsebrook" / "mhe-licences-and-training-guide.pdf"
    texts = [b.text for b in pdf.load(guide, limits).blocks]
    assert (
        "Category: D1; Truck: Reach truck; Novice course: 5 days; Experienced operator / "
        "conversion: 2 days; Refresher: 1 day, every 3 years"
    ) in texts
    assert (
        "Category: TT; Truck: Tow tractor; Novice course: 1 day; Experienced operator / "
        "conversion: half a day; Refresher: half a day, every 3 years"
    ) in texts
    assert any(t.startswith("Courses end with a theory test") for t in texts)


BRANCHES = [
    (
        "Central and larger branches",
        [
            ("Central Library", "Owen Threlfall", "18,500", "12,500"),
            ("Ashcott", "Priya Halloran", "6,200", "5,400"),
            ("Kingsford", "Lorraine Besant", "5,900", "4,700"),
        ],
    ),
    (
        "One-person branches",
        [
            ("Stowey Cross", "Nadia Foulkes", "1,600", "1,400"),
            ("Hatherden", "Lorraine Besant", "1,500", "1,000"),
            ("Pelham Green", "Priya Halloran", "1,400", "1,200"),
        ],
    ),
]


def _grouped_table_pdf(
    path: Path,
    intro: str,
    widths: tuple[int, ...],
    header: tuple[str, str, str, tuple[str, str]],
    groups: list[tuple[str, list[tuple[str, ...]]]],
) -> Path:
    """A ruled table (fpdf2's, like reportlab's) of four columns: the last two names merged
    under a group name over both (`header`'s last item, under its third), the other names
    merged down over the two header rows, and each group's rows under a row of the group's
    name merged across the table."""
    document = FPDF(unit="pt", format="A4")
    document.add_page()
    document.set_font("Helvetica", size=8)
    document.multi_cell(0, 12, intro, new_x="LMARGIN")
    with document.table(
        col_widths=widths, width=sum(widths), first_row_as_headings=False, text_align="LEFT"
    ) as table:
        first, second, over, under = header
        row = table.row()
        row.cell(first, rowspan=2)
        row.cell(second, rowspan=2)
        row.cell(over, colspan=2)
        row = table.row()
        for name in under:
            row.cell(name)
        for group, rows in groups:
            table.row().cell(group, colspan=4)
            for cells in rows:
                row = table.row()
                for cell in cells:
                    row.cell(cell)
    document.output(str(path))
    return path


def _fund_pdf(path: Path) -> Path:
    header = ("Library", "Stock lead", "Stock category 2026-27", ("Adult fiction", "Children's"))
    return _grouped_table_pdf(path, "All amounts in pounds.", (110, 90, 70, 70), header, BRANCHES)


def test_merged_header_cells_name_each_column_they_span(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    # the group header's words cover only the first of its columns; its ruled cell covers
    # both; a group's name between the header and the first rows had ended the grid there
    texts = [b.text for b in pdf.load(_fund_pdf(tmp_path / "fund.pdf"), limits).blocks]
    row = (
        "Library: {}; Stock lead: {}; Stock category 2026-27 Adult fiction: {}; "
        "Stock category 2026-27 Children's: {}"
    )
    for group, rows in BRANCHES:
        first = texts.index(group)  # a line of its own, over its group's rows
        assert texts[first + 1 : first + 4] == [row.format(*cells) for cells in rows]


def test_a_shaded_cells_edge_does_not_swallow_the_border_beside_it(
    limits: LoaderLimits,
) -> None:
    """Chromium draws a shaded header cell as a box whose left edge stands a third of a
    point from the column's border, drawn cell by cell. Sorted apart by their rounded
    places, the border's pieces were joined into the box's edge and lost, and the ruled
    two-column tables with them: fellgate's other charges and, on the page after a break,
    marlstone's stage specification and the hire terms under it (which had taken the
    specification's column names)."""
    charges = SAMPLES / "fellgate" / "rent-service-charges-and-repairs-2026-27.pdf"
    texts = [b.text for b in pdf.load(charges, limits).blocks]
    assert "Item: Garage (Ashby Close), non-members; Charge: £12.75 a week plus VAT" in texts
    hire = SAMPLES / "marlstone" / "hire-rates-and-technical-specification-2026-27.pdf"
    texts = [b.text for b in pdf.load(hire, limits).blocks]
    assert "Item: Get-out; Specification: Must be finished by 00:30" in texts
    assert "Arrangement: Rehearsal day without an audience; Terms: £600" in texts


def test_a_row_with_a_long_cell_of_words_is_no_header(limits: LoaderLimits) -> None:
    """A row of words in a table of amounts starts a stacked table's header only when its
    cells are a few words each: "Front-of-house volunteers | Free | We provide the minimum
    team for the audience size" had named the chaperone's row under it."""
    hire = SAMPLES / "marlstone" / "hire-rates-and-technical-specification-2026-27.pdf"
    texts = [b.text for b in pdf.load(hire, limits).blocks]
    assert (
        "Who: Chaperone (for hirers with child performers); Rate per hour: £18.00; "
        "Notes: Only if the hirer has none of their own"
    ) in texts


TREATMENTS = [
    ("Massage", [("Back and shoulders", "30", "£42", "£48"), ("Hot stones", "75", "£88", "£98")]),
    ("Facials", [("Sea mineral facial", "60", "£68", "£75"), ("Express", "30", "£40", "£45")]),
    ("Packages", [("Spa day", "360", "-", "£120"), ("Bridal morning", "180", "£95", "£105")]),
]


def _price_list_pdf(path: Path) -> Path:
    """A ruled price list whose sections have two rows each: the column rules stop at each
    section's row across the table, so only the table's sides reach from top to bottom."""
    header = ("Treatment", "Minutes", "Price 2026-27", ("Hotel guest", "Day visitor"))
    intro = "Prices per treatment, including VAT."
    return _grouped_table_pdf(path, intro, (130, 60, 70, 70), header, TREATMENTS)


def test_sections_of_two_rows_ruled_across_a_table_are_read(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """quillhaven's spa menu: every section of two rows had been too short for a grid, and
    the whole menu read as a run of words."""
    texts = [b.text for b in pdf.load(_price_list_pdf(tmp_path / "spa.pdf"), limits).blocks]
    row = "Treatment: {}; Minutes: {}; Price 2026-27 Hotel guest: {}; Price 2026-27 Day visitor: {}"
    for section, rows in TREATMENTS:
        first = texts.index(section)  # a line of its own, over its section's rows
        assert texts[first + 1 : first + 3] == [row.format(*cells) for cells in rows]
