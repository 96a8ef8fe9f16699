"""DOCX text kept outside the body's own paragraphs: floating text boxes, tables in the
page header (the rest of the DOCX loader's tests are in test_formats.py)."""

from __future__ import annotations

from pathlib import Path

from pocketrag.loaders import load_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NAMESPACES = (
    f"{W} "
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _paragraphs(*texts: str, style: str = "") -> str:
    style = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return "".join(f"<w:p>{style}<w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)


def _drawing(content: str) -> str:
    """A DrawingML text box as Word 2010 and later writes it (wp:anchor, wps:wsp)."""
    return (
        '<w:drawing><wp:anchor><wp:extent cx="2743200" cy="1503000"/><wp:docPr id="1" '
        'name="Text Box 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/'
        'office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:txbx>'
        f"<w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )


def _vml(content: str) -> str:
    """The same box as VML (w:pict, v:textbox): the fallback, or all that older Word wrote."""
    return (
        '<w:pict><v:shape id="Text Box 1" style="position:absolute;width:3in"><v:textbox>'
        f"<w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict>"
    )


def _anchor(run: str) -> str:
    """An empty paragraph whose one run holds a box."""
    return f"<w:p {NAMESPACES}><w:r>{run}</w:r></w:p>"


def test_docx_text_boxes_read_once_after_their_anchor(tmp_path: Path, limits) -> None:
    """A floating text box is a drawing inside a run, its paragraphs in w:txbxContent, and
    Word writes it twice (DrawingML in mc:Choice, VML in mc:Fallback). The boxes had been
    lost whole (penrick's driver guide: its "At a glance" box of phone, hours and rates).
    A box's paragraphs and tables follow the paragraph that anchors it, read once; a
    heading style inside a box names the box, not the body after it."""
    import docx
    from docx.oxml import parse_xml

    glance = _paragraphs("At a glance", "Bookings: by 12:00 noon the working day before.")
    cells = [("Mileage", "Rate"), ("Driver", "40p a mile"), ("Each patient", "5p a mile")]
    rows = ("".join(f"<w:tc>{_paragraphs(cell)}</w:tc>" for cell in row) for row in cells)
    table = "<w:tbl>" + "".join(f"<w:tr>{row}</w:tr>" for row in rows) + "</w:tbl>"
    older = _paragraphs("Breakdowns", style="Heading2") + table

    document = docx.Document()
    document.add_heading("Volunteer drivers", level=1)
    document.add_paragraph("Our drivers made 6,100 journeys last year.")
    body = document.element.body
    for xml in (
        _anchor(
            f"<mc:AlternateContent><mc:Choice Requires='wps'>{_drawing(glance)}</mc:Choice>"
            f"<mc:Fallback>{_vml(glance)}</mc:Fallback></mc:AlternateContent>"
        ),
        _anchor(_vml(older)),  # older Word: VML alone
    ):
        body.insert(len(body) - 1, parse_xml(xml))  # before the section properties
    document.add_paragraph("Ring the transport desk first.")
    document.save(str(tmp_path / "drivers.docx"))
    blocks = load_document(tmp_path / "drivers.docx", limits).blocks
    assert [(b.text, b.heading_path) for b in blocks] == [
        ("Our drivers made 6,100 journeys last year.", ("Volunteer drivers",)),
        ("At a glance", ("Volunteer drivers",)),
        ("Bookings: by 12:00 noon the working day before.", ("Volunteer drivers",)),
        ("Breakdowns", ("Volunteer drivers",)),
        ("Mileage | Rate", ("Volunteer drivers",)),
        ("Mileage: Driver; Rate: 40p a mile", ("Volunteer drivers",)),
        ("Mileage: Each patient; Rate: 5p a mile", ("Volunteer drivers",)),
        ("Ring the transport desk first.", ("Volunteer drivers",)),
    ]


def test_docx_text_box_read_from_the_fallback_when_there_is_no_choice(
    tmp_path: Path, limits
) -> None:
    """Only the first mc:Choice is read when there is one (the fallback repeats it, here
    with other words to tell them apart); the mc:Fallback when there is none. A box
    inside a box is read once, after the paragraph of the outer box that anchors it."""
    import docx
    from docx.oxml import parse_xml

    outer = _paragraphs("Outer box.") + f"<w:p><w:r>{_vml(_paragraphs('Inner box.'))}</w:r></w:p>"
    document = docx.Document()
    body = document.element.body
    for xml in (
        _anchor(
            f"<mc:AlternateContent><mc:Choice Requires='wps'>{_drawing(outer)}</mc:Choice>"
            f"<mc:Fallback>{_vml(_paragraphs('Fallback copy.'))}</mc:Fallback>"
            "</mc:AlternateContent>"
        ),
        _anchor(
            "<mc:AlternateContent><mc:Fallback>"
            f"{_vml(_paragraphs('Fallback only.'))}</mc:Fallback></mc:AlternateContent>"
        ),
    ):
        body.insert(len(body) - 1, parse_xml(xml))
    document.save(str(tmp_path / "boxes.docx"))
    blocks = load_document(tmp_path / "boxes.docx", limits).blocks
    assert [b.text for b in blocks] == ["Outer box.", "Inner box.", "Fallback only."]


def _fill(table, rows: list[tuple[str, str]], bold_header: bool = False) -> None:
    """A table's labels in bold in the first column, values beside them (a document
    control table); with `bold_header` the first row's values in bold too."""
    for i, (label, value) in enumerate(rows):
        table.cell(i, 0).paragraphs[0].add_run(label).bold = True
        table.cell(i, 1).paragraphs[0].add_run(value).bold = bold_header and i == 0


def test_docx_tables_labelled_in_bold_down_the_first_column_read_label_value(
    tmp_path: Path, limits
) -> None:
    """A key-value table ("Reference | PH/CL/11" over "Version | 4.0", each label in bold
    in the first column) has no row of column names: read under its first row, every row
    had said "Reference: Version; PH/CL/11: 4.0". Each row now reads "Label: value". A first
    row all in bold still names the columns, even over a first column in bold."""
    import docx

    document = docx.Document()
    document.add_heading("1. Principles", level=1)
    _fill(
        document.add_table(3, 2), [("Reference", "PH/CL/11"), ("Version", "4.0"), ("Owner", "Jo")]
    )
    _fill(document.add_table(3, 2), [("Band", "Days"), ("Junior", "2"), ("Senior", "3")], True)
    document.save(str(tmp_path / "control.docx"))
    blocks = load_document(tmp_path / "control.docx", limits).blocks
    assert [(b.text, b.heading_path) for b in blocks] == [
        ("Reference: PH/CL/11", ("1. Principles",)),
        ("Version: 4.0", ("1. Principles",)),
        ("Owner: Jo", ("1. Principles",)),
        ("Band | Days", ("1. Principles",)),
        ("Band: Junior; Days: 2", ("1. Principles",)),
        ("Band: Senior; Days: 3", ("1. Principles",)),
    ]


def test_docx_page_header_tables_are_read_once(tmp_path: Path, limits) -> None:
    """penrick's lone working policy keeps its reference, version, owner and review date in
    a table in the page header, which had been lost (only the header's paragraphs were
    read). Its rows read as the body's do ("Reference: PH/CL/11"), once however many
    sections repeat the header, in the header's place after the body, between the
    header's paragraphs before and after it."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.shared import Cm

    control = [("Reference", "PH/CL/11"), ("Version", "4.0")]

    document = docx.Document()
    document.add_heading("1. Principles", level=1)
    document.add_paragraph("No visit is so urgent that you must put yourself at risk.")
    header = document.sections[0].header
    header.paragraphs[0].text = "Penrick Hospice"
    _fill(header.add_table(2, 2, Cm(16)), control)
    header.add_paragraph("Uncontrolled when printed.")
    document.sections[0].footer.paragraphs[0].text = "Page 1"
    landscape = document.add_section(WD_SECTION.NEW_PAGE)
    landscape.header.is_linked_to_previous = False  # a header of its own, the same again
    landscape.header.paragraphs[0].text = "Penrick Hospice"
    _fill(landscape.header.add_table(2, 2, Cm(16)), control)
    landscape.header.add_paragraph("Uncontrolled when printed.")
    document.add_paragraph("Appendix: the HomeSafe app.")
    document.save(str(tmp_path / "lone.docx"))
    blocks = load_document(tmp_path / "lone.docx", limits).blocks
    assert [(b.text, b.heading_path) for b in blocks] == [
        ("No visit is so urgent that you must put yourself at risk.", ("1. Principles",)),
        ("Appendix: the HomeSafe app.", ("1. Principles",)),
        ("Penrick Hospice", ("Page header",)),
        ("Reference: PH/CL/11", ("Page header",)),
        ("Version: 4.0", ("Page header",)),
        ("Uncontrolled when printed.", ("Page header",)),
        ("Page 1", ("Page footer",)),
    ]
