"""Every format on the real HR manual (../shared/data/hr_manual_multiformat), and on
small files the tests make themselves."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from pocketrag.loaders import SUPPORTED_TYPES, detect_type, load_document

from .conftest import make_docx, make_pdf

# Sentences from the manual's Markdown source (the original); every format must carry them.
KEY_SENTENCES = [
    "We serve those who serve the people in America's legislatures.",
    "The OpenGov Foundation is committed to equal employment opportunity.",
    "Harassment of third parties by our employees is also prohibited.",
]
KEY_HEADINGS = ["Our Mission", "Harassment, Bullying, Violence in the Workplace Policy"]


def normal(text: str) -> str:
    """Compare text across formats: quotes and whitespace unified, case folded."""
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).casefold()


@pytest.mark.parametrize(
    ("folder", "name", "doc_type"),
    [
        ("markdown", "manual.md", "markdown"),
        ("html", "manual.html", "html"),
        ("docx", "manual.docx", "docx"),
        ("pdf", "manual.pdf", "pdf"),
    ],
)
def test_hr_manual_every_format(shared_data: Path, limits, folder, name, doc_type) -> None:
    path = shared_data / "hr_manual_multiformat" / folder / name
    document = load_document(path, limits)
    assert document.doc_type == doc_type
    assert document.title == "Policy Manual"
    text = normal(" ".join(b.text for b in document.blocks))
    for sentence in KEY_SENTENCES:
        assert normal(sentence) in text, sentence
    headings = {h for b in document.blocks for h in b.heading_path}
    for heading in KEY_HEADINGS:
        assert heading in headings
    # The sentence sits under its own heading, not under a neighbour's.
    mission = next(b for b in document.blocks if "serve those who serve" in b.text)
    assert mission.heading_path[-1] == "Our Mission"
    if doc_type == "pdf":
        assert document.pages == 10
        assert [b.page for b in document.blocks] == sorted(b.page for b in document.blocks)
        assert {b.page for b in document.blocks} == set(range(1, 11))
    else:
        assert all(b.page is None for b in document.blocks)


def test_structured_formats_keep_the_heading_tree(shared_data: Path, limits) -> None:
    base = shared_data / "hr_manual_multiformat"
    for path in (base / "markdown/tools.md", base / "html/tools.html", base / "docx/tools.docx"):
        document = load_document(path, limits)
        slack = next(b for b in document.blocks if b.text.startswith("For team chat"))
        assert slack.heading_path == ("Tools We Use", "Used by Most Everyone", "Slack"), path


def test_pdf_pages_and_numbered_headings(tmp_path: Path, limits) -> None:
    long = "Staff may carry over up to five days of unused leave into the next year. " * 3
    path = make_pdf(
        tmp_path / "policy.pdf",
        [["1. Annual Leave", long], ["2. Expenses", "Claims are paid monthly. " * 8]],
    )
    document = load_document(path, limits)
    assert document.pages == 2
    assert [(b.page, b.heading_path) for b in document.blocks] == [
        (1, ("1. Annual Leave",)),
        (2, ("2. Expenses",)),
    ]
    assert "carry over up to five days" in document.blocks[0].text


def test_pdf_running_headers_dropped_and_numbered_levels(tmp_path: Path, limits) -> None:
    body = "Every claim needs an itemised receipt from the supplier, kept for six years. " * 3
    pages = [
        ["Acme Ltd - Staff Handbook", "2. Claims", "2.1 Receipts", body, "Page 1 of 3"],
        ["Acme Ltd - Staff Handbook", "2.2 Mileage", body, "Page 2 of 3"],
        ["Acme Ltd - Staff Handbook", "3. Cards", body, "Page 3 of 3"],
    ]
    document = load_document(make_pdf(tmp_path / "claims.pdf", pages), limits)
    assert [(b.page, b.heading_path) for b in document.blocks] == [
        (1, ("2. Claims", "2.1 Receipts")),
        (2, ("2. Claims", "2.2 Mileage")),
        (3, ("3. Cards",)),
    ]
    text = " ".join(b.text for b in document.blocks)
    assert "Acme Ltd" not in text and "Page 2 of 3" not in text


def test_pdf_numbered_clauses_sentence_case_headings_and_a_heading_ending_a_page(
    tmp_path: Path, limits
) -> None:
    body = "Raise a concern with your line manager or with the Designated Officer. " * 3
    pages = [
        [
            "Acme Ltd - Whistleblowing",
            "5. Roles",
            body,
            # wraps: its first line reads like a numbered heading on its own
            "5.2 The Designated Officer acknowledges every concern within 5 working days "
            "and aims to conclude the investigation within 3 months.",
            "Working from home and abroad",
            body,
            "6. Protection",  # the page's last line: its section starts on the next page
            "Page 1 of 2",
        ],
        ["Acme Ltd - Whistleblowing", body, "Page 2 of 2"],
    ]
    document = load_document(make_pdf(tmp_path / "policy.pdf", pages), limits)
    paths = [(b.page, b.heading_path) for b in document.blocks]
    assert paths == [
        (1, ("5. Roles",)),
        (1, ("5. Roles",)),
        (1, ("5. Roles", "Working from home and abroad")),
        (2, ("6. Protection",)),
    ]
    assert document.blocks[1].text.startswith("5.2 The Designated Officer acknowledges")


def test_docx_headings_tables_and_body_order(tmp_path: Path, limits) -> None:
    document = load_document(make_docx(tmp_path / "handbook.docx"), limits)
    assert document.title == "Staff Handbook"
    texts = [b.text for b in document.blocks]
    assert texts == [
        "Employees receive 25 days of annual leave each year.",
        "Report sickness to your manager before 10am.",
        "Band | Days",
        "Band: Junior; Days: 20",
        "Band: Senior; Days: 30",
        "After the table comes this closing paragraph.",
        "Submit receipts within 30 days.",
    ]
    assert document.blocks[0].heading_path == ("Leave",)
    assert document.blocks[3].heading_path == ("Leave", "Sick leave")
    assert document.blocks[-1].heading_path == ("Expenses",)


class _WordList:
    """A document with a list of our own in numbering.xml (`levels`: each level's lvl
    elements' inner XML), numbered as Word numbers it."""

    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def __init__(self, levels: list[str]) -> None:
        import docx
        from docx.oxml import parse_xml

        self.document = docx.Document()
        numbering = self.document.part.numbering_part.element
        lvls = "".join(f'<w:lvl w:ilvl="{i}">{x}</w:lvl>' for i, x in enumerate(levels))
        numbering.insert(
            0, parse_xml(f'<w:abstractNum {self.W} w:abstractNumId="90">{lvls}</w:abstractNum>')
        )
        numbering.append(
            parse_xml(f'<w:num {self.W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
        )

    def item(self, text: str, level: int) -> None:
        numbered = self.document.add_paragraph(text)._p.get_or_add_pPr().get_or_add_numPr()
        numbered.get_or_add_ilvl().val = level
        numbered.get_or_add_numId().val = 90


def test_docx_numbers_word_draws_are_read(tmp_path: Path, limits) -> None:
    """A policy whose clause numbers Word draws: a three-level list ("1.", "1.1", "(a)") of
    our own, the built-in "List Number" style, and bullets."""
    clauses = _WordList([
        '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>',
        '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>',
        '<w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/>',
    ])  # fmt: skip
    for text, level in [
        ("Scope", 0),
        ("This policy covers all staff.", 1),
        ("Mileage", 0),
        ("The rate is 45p a mile.", 1),
        ("for the first 10,000 miles;", 2),
        ("25p a mile after that.", 2),
        ("Claims go to Finance monthly.", 1),
    ]:
        clauses.item(text, level)
    clauses.document.add_paragraph("Check the receipt.", style="List Number")
    clauses.document.add_paragraph("Keep a copy.", style="List Bullet")
    clauses.document.add_paragraph("Submit it.", style="List Number")
    clauses.document.save(str(tmp_path / "mileage.docx"))
    assert [b.text for b in load_document(tmp_path / "mileage.docx", limits).blocks] == [
        "1. Scope",
        "1.1 This policy covers all staff.",
        "2. Mileage",
        "2.1 The rate is 45p a mile.",
        "(a) for the first 10,000 miles;",
        "(b) 25p a mile after that.",
        "2.2 Claims go to Finance monthly.",
        "1. Check the receipt.",
        "Keep a copy.",  # a bullet: read as before, without it
        "2. Submit it.",  # the list counts on through the document, as Word does
    ]


def test_docx_contents_skipped_and_page_header_and_footer_read(tmp_path: Path, limits) -> None:
    """Word's table of contents repeats the headings with page numbers: it had been a
    section of its own. The page header and footer are kept apart from the body, once,
    and may say what the body does not ("Uncontrolled when printed")."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.styles.add_style("TOC 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_heading("Contents", level=1)
    document.add_paragraph("1. The pools\t1", style="TOC 1")
    document.add_heading("1. The pools", level=1)
    document.add_paragraph("The main pool is 25 m long.")
    document.sections[0].header.paragraphs[0].text = "Pool Operating Procedure | version 6"
    document.sections[0].footer.paragraphs[0].text = "Uncontrolled when printed."
    document.save(str(tmp_path / "nop.docx"))
    blocks = load_document(tmp_path / "nop.docx", limits).blocks
    assert [(b.text, b.heading_path) for b in blocks] == [
        ("The main pool is 25 m long.", ("1. The pools",)),
        ("Pool Operating Procedure | version 6", ("Page header",)),
        ("Uncontrolled when printed.", ("Page footer",)),
    ]


def test_docx_form_fields_tick_boxes_and_part_titles_are_read(tmp_path: Path, limits) -> None:
    """A Word form's answers are content controls (w:sdt) around runs, and around whole
    paragraphs; a tick box is one holding "☐" or "☒"; an empty field shows its prompt. The
    answers had been lost (only the labels read), and the part's title across the table had
    named every row's columns ("Part A. The resident: Home; ...")."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def field(text: str, prompt: bool = False) -> str:
        shown = "<w:showingPlcHdr/>" if prompt else ""
        return (
            f"<w:sdt {w}><w:sdtPr>{shown}</w:sdtPr><w:sdtContent>"
            f"<w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:sdtContent></w:sdt>"
        )

    document = docx.Document()
    document.add_paragraph("Complete on the day of admission.")
    body = document.element.body
    body.insert(
        len(body) - 1,  # before the section properties
        parse_xml(
            f"<w:sdt {w}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Admitted on a weekday.</w:t>"
            "</w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    table = document.add_table(rows=4, cols=2)
    title = table.cell(0, 0).merge(table.cell(0, 1))
    title.paragraphs[0].text = "Part A. The resident"
    answers = [
        ("Resident's full name", [field("Mrs Gwenda Probert")]),
        ("Home", [field("☐") + "<w:r><w:t xml:space='preserve'> Tŷ Celyn</w:t></w:r>",
                  field("☒") + "<w:r><w:t xml:space='preserve'> The Larches</w:t></w:r>"]),
        ("Countersigned by", [field("Click or tap here to enter text.", prompt=True)]),
    ]  # fmt: skip
    for row, (label, paragraphs) in enumerate(answers, start=1):
        table.cell(row, 0).paragraphs[0].text = label
        cell = table.cell(row, 1)._tc
        cell.remove(cell.find(f"{{{w[9:-1]}}}p"))
        for inner in paragraphs:
            cell.append(parse_xml(f"<w:p {w}>{inner}</w:p>"))
    document.save(str(tmp_path / "form.docx"))
    assert [b.text for b in load_document(tmp_path / "form.docx", limits).blocks] == [
        "Complete on the day of admission.",
        "Admitted on a weekday.",
        "Part A. The resident",
        "Resident's full name | Mrs Gwenda Probert",
        "Home | ☐ Tŷ Celyn ☒ The Larches",
        "Countersigned by",
    ]


def test_docx_footnotes_and_endnotes_follow_what_refers_to_them(tmp_path: Path, limits) -> None:
    """Word keeps a note's text apart from the body, with only a reference mark in the
    paragraph; the notes were not read at all, and a footnote carried the rule's condition
    (calderwick's travel policy). Each follows what first refers to it, numbered as shown."""
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def notes(kind: str, texts: dict[str, str]) -> bytes:
        separator = (
            f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            f"</w:{kind}>"
        )
        written = "".join(
            f'<w:{kind} w:id="{n}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> '
            f"{text}</w:t></w:r></w:p></w:{kind}>"
            for n, text in texts.items()
        )
        return f"<w:{kind}s {w}>{separator}{written}</w:{kind}s>".encode()

    def referring(text: str, kind: str, n: str) -> str:
        return (
            f'<w:p {w}><w:r><w:t>{text}</w:t></w:r><w:r><w:{kind}Reference w:id="{n}"/></w:r></w:p>'
        )

    document = docx.Document()
    document.add_heading("3. Mileage", level=1)
    body = document.element.body
    for xml in (
        referring("Mileage is paid at 40p a mile.", "footnote", "7"),
        referring("Claims are paid weekly.", "endnote", "2"),
        referring("Mileage is paid monthly for agency staff.", "footnote", "7"),
    ):
        body.insert(len(body) - 1, parse_xml(xml))  # before the section properties
    package = document.part.package
    for kind, content_type, reltype, texts in (
        ("footnote", CT.WML_FOOTNOTES, RT.FOOTNOTES, {"7": "An extra 5p a mile per passenger."}),
        ("endnote", CT.WML_ENDNOTES, RT.ENDNOTES, {"2": "Late claims are not paid."}),
    ):
        part = Part(PackURI(f"/word/{kind}s.xml"), content_type, notes(kind, texts), package)
        document.part.relate_to(part, reltype)
    document.save(str(tmp_path / "travel.docx"))
    blocks = load_document(tmp_path / "travel.docx", limits).blocks
    assert [(b.text, b.heading_path) for b in blocks] == [
        ("Mileage is paid at 40p a mile.", ("3. Mileage",)),
        ("Footnote 1: An extra 5p a mile per passenger.", ("3. Mileage",)),
        ("Claims are paid weekly.", ("3. Mileage",)),
        ("Endnote 1: Late claims are not paid.", ("3. Mileage",)),
        ("Mileage is paid monthly for agency staff.", ("3. Mileage",)),
    ]


def test_docx_damaged_or_hostile_numbering_still_reads(tmp_path: Path, limits) -> None:
    """A start of 10**12 in letters would print a letter 38 billion times; "x" is no
    number: the clause reads, numbered as far as sense allows."""
    odd = _WordList([
        '<w:start w:val="1000000000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/>',
        '<w:start w:val="x"/>',
    ])  # fmt: skip
    odd.item("Clause text.", 0)
    odd.document.save(str(tmp_path / "odd.docx"))
    assert [b.text for b in load_document(tmp_path / "odd.docx", limits).blocks] == [
        "1000000) Clause text."
    ]


def test_html_main_text_only(tmp_path: Path, limits) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        """<!doctype html><html><head><title>Leave policy</title>
        <style>p { color: red }</style><script>var secret = "SCRIPT";</script></head>
        <body><header>SITE HEADER</header><nav><a href="/">NAV LINK</a></nav>
        <h1>Leave</h1><p>You get <b>25</b> days &amp; more.</p>
        <h2>Sick<br>leave</h2><div><p>Call in sick.</p></div>
        <table><tr><th>Band</th><th>Days</th></tr><tr><td>Junior</td><td>20</td></tr></table>
        <aside><ul><li><a href="/pay">ASIDE LINK</a></li></ul></aside>
        <form>FORM TEXT</form><footer>FOOTER</footer></body></html>""",
        encoding="utf-8",
    )
    document = load_document(path, limits)
    assert document.title == "Leave policy"
    assert [(b.text, b.heading_path) for b in document.blocks] == [
        ("You get 25 days & more.", ("Leave",)),
        ("Call in sick.", ("Leave", "Sick leave")),
        ("Band | Days", ("Leave", "Sick leave")),
        ("Band: Junior; Days: 20", ("Leave", "Sick leave")),
    ]


def test_html_a_side_notes_label_leads_its_paragraph(tmp_path: Path, limits) -> None:
    # DocBook draws a note as a table headed "Note", Sphinx gives it a title paragraph:
    # either way the label was a block of one word, apart from what it labels
    path = tmp_path / "notes.html"
    path.write_text(
        "<html><body><h1>Time stamps</h1>"
        '<div class="note"><table><tr><th>Note</th></tr>'
        "<tr><td><p>USB network adapters give poor time stamps.</p></td></tr></table></div>"
        '<div class="admonition warning"><p class="admonition-title">Warning</p>'
        "<p>Never edit the file by hand.</p><p>Use the dialog.</p></div>"
        "</body></html>"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "Note: USB network adapters give poor time stamps.",
        "Warning: Never edit the file by hand.",
        "Use the dialog.",
    ]


def test_html_a_docbook_notes_heading_is_its_label_not_a_section(tmp_path: Path, limits) -> None:
    """DocBook's HTML heads a note with its label (<div class="note"><h3 class="title">):
    read as a section, "Note" had headed every paragraph and numbered section after it
    (Mutt's manual: "12. ... > Note > 12.2.1. ..."); a titled note ("Missing environment
    variables", Apache's) leads its text in the same way."""
    path = tmp_path / "docbook.html"
    path.write_text(
        "<html><body><h2>12. Hooks</h2><p>Hooks run commands.</p>"
        '<div class="note"><h3 class="title">Note</h3><p>Hooks run in order.</p></div>'
        "<p>A hook's pattern is matched first.</p>"
        '<div class="warning"><h3 class="title">Missing variables</h3>'
        "<p>Pass them on yourself.</p></div>"
        "<h3>12.2.1. Folder hooks</h3><p>They run on entering a folder.</p>"
        "</body></html>"
    )
    blocks = [(b.text, b.heading_path) for b in load_document(path, limits).blocks]
    assert blocks == [
        ("Hooks run commands.", ("12. Hooks",)),
        ("Note: Hooks run in order.", ("12. Hooks",)),
        ("A hook's pattern is matched first.", ("12. Hooks",)),
        ("Missing variables: Pass them on yourself.", ("12. Hooks",)),
        ("They run on entering a folder.", ("12. Hooks", "12.2.1. Folder hooks")),
    ]


def test_html_asciidoctor_admonition_label_leads_its_note(tmp_path: Path, limits) -> None:
    # asciidoctor draws a note as a one-row table: the label's cell (a font icon's title, a
    # picture's alt text or plain text), then the note's; it had read as "Tip | ..." or lost
    # the label with the icon
    cells = [
        '<i class="fa icon-tip" title="Tip"></i>',
        '<img src="images/icons/warning.png" alt="Warning">',
        '<div class="title">Caution</div>',
    ]
    path = tmp_path / "guide.html"
    path.write_text(
        "<html><body><h1>Guide</h1>"
        + "".join(
            f'<div class="admonitionblock"><table><tr><td class="icon">{cell}</td>'
            f'<td class="content">Note {n}.</td></tr></table></div>'
            for n, cell in enumerate(cells)
        )
        + "<table><tr><td>Tipping</td><td>10%</td></tr></table></body></html>"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "Tip: Note 0.",
        "Warning: Note 1.",
        "Caution: Note 2.",
        "Tipping | 10%",
    ]


def test_html_a_details_summary_heads_its_answer(tmp_path: Path, limits) -> None:
    # an FAQ of <details>: each answer's paragraphs had stood apart from their question
    path = tmp_path / "faq.html"
    path.write_text(
        "<html><body><h1>Staff FAQ</h1><h2>Keys</h2>"
        "<details><summary>Who holds keys?</summary><p>Four people.</p><ul><li>Owen</li>"
        "</ul></details><details><summary>When do we <b>lock up</b>?</summary><p>At 22:00.</p>"
        "<details><summary>And at weekends?</summary><p>At 18:00.</p></details>"
        "<p>Ring the duty manager.</p></details><p>Ask Owen for a spare.</p>"
        "<table><tr><td><details><summary>In a cell</summary><p>x</p></details></td></tr></table>"
        "</body></html>"
    )
    assert [(b.text, b.heading_path) for b in load_document(path, limits).blocks] == [
        ("Four people.", ("Staff FAQ", "Keys", "Who holds keys?")),
        ("Owen", ("Staff FAQ", "Keys", "Who holds keys?")),
        ("At 22:00.", ("Staff FAQ", "Keys", "When do we lock up?")),
        ("At 18:00.", ("Staff FAQ", "Keys", "When do we lock up?", "And at weekends?")),
        ("Ring the duty manager.", ("Staff FAQ", "Keys", "When do we lock up?")),
        ("Ask Owen for a spare.", ("Staff FAQ", "Keys")),
        ("In a cell x", ("Staff FAQ", "Keys")),
    ]


def test_html_a_manual_pages_label_heads_its_indented_text(tmp_path: Path, limits) -> None:
    # mandoc's ".PP label" + ".RS ... .RE" (smb.conf(5)'s parameters): each description had
    # sat under the section's heading alone, never saying which parameter it describes; the
    # label also opens the first block, so that a quoted description names its option
    path = tmp_path / "smb.conf.5.html"
    path.write_text(
        '<html><body><h1 class="Sh">PARAMETERS</h1>'
        '<p class="Pp">allow trusted domains (G)</p><p class="Pp"></p>'
        '<div class="Bd-indent">Only with security = ads.<p class="Pp">Default: yes</p>'
        '<p class="Pp">-d level</p><div class="Bd-indent">Debug level.</div>'
        "<p>After the nested one.</p></div>"
        '<p class="Pp">If leases are used:</p><div class="Bd-indent">Lease lines.</div>'
        '<p class="Pp">Using symbolic variables.</p><div class="Bd-indent"><pre>define x = 1'
        '</pre></div><p class="Pp">Plain again</p><p class="Pp">x</p><h2>Other</h2>'
        '<div class="Bd-indent">No label before it.</div>'
        '<p class="Pp">async dns timeout (G)</p><table><tr><td>a</td></tr></table>'
        '<div class="Bd-indent">A table came between.</div></body></html>'
    )
    label, nested = ("PARAMETERS", "allow trusted domains (G)"), ("-d level",)
    assert [(b.text, b.heading_path) for b in load_document(path, limits).blocks] == [
        ("allow trusted domains (G): Only with security = ads.", label),
        ("Default: yes", label),
        ("-d level: Debug level.", label + nested),
        ("After the nested one.", label),
        ("If leases are used:", ("PARAMETERS",)),
        ("Lease lines.", ("PARAMETERS",)),
        ("Using symbolic variables.", ("PARAMETERS",)),
        ("define x = 1", ("PARAMETERS",)),
        ("Plain again", ("PARAMETERS",)),
        ("x", ("PARAMETERS",)),
        ("No label before it.", ("PARAMETERS", "Other")),
        ("async dns timeout (G)", ("PARAMETERS", "Other")),
        ("a", ("PARAMETERS", "Other")),
        ("A table came between.", ("PARAMETERS", "Other")),
    ]


def test_zero_width_spaces_are_dropped(tmp_path: Path, limits) -> None:
    # asciidoctor writes "Options…" with a zero-width space after it: invisible, it kept
    # "Capture Options… dialog" as typed from ever matching the page's text
    path = tmp_path / "capture.html"
    path.write_text(
        "<html><body><p>Open the Capture Options\u2026\u200b dialog; set the ring\u200bbuffer."
        "</p></body></html>",
        encoding="utf-8",
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "Open the Capture Options\u2026 dialog; set the ringbuffer."
    ]


def test_html_table_rows_name_their_columns_and_keep_their_cells_whole(
    tmp_path: Path, limits
) -> None:
    # a row read alone (a chunk cuts the table) still says what each figure is; a
    # paragraph inside a cell (Sphinx writes <td><p>) does not split the row
    path = tmp_path / "fees.html"
    path.write_text(
        "<table><caption>Fees</caption><thead><tr><th>Tier</th><th>Monthly fee</th></tr></thead>"
        "<tbody><tr><td><p>Hobbyist</p></td><td><p>£25</p><p>per month</p></td></tr>"
        "<tr><td></td><td>£40</td></tr></tbody></table>"
        "<p>Then</p><table><tr><td>Band</td><td>Band</td></tr><tr><td>A</td><td>1"  # unclosed
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "Fees",
        "Tier | Monthly fee",
        "Tier: Hobbyist; Monthly fee: £25 per month",
        "Monthly fee: £40",
        "Then",
        "Band | Band",  # no header: two columns of one name
        "A | 1",
    ]


def test_html_spanned_cells_stay_in_their_columns(tmp_path: Path, limits) -> None:
    # a rowspan's cell belongs to the rows below it too (without it they read one column to
    # the left, under the wrong names); a header spanning columns groups them, and with the
    # header row under it makes one row of names; a data cell spanning columns is said once,
    # and a hostile colspan does not multiply it
    path = tmp_path / "spans.html"
    path.write_text(
        "<table><tr><th rowspan=2>Requested</th><th colspan=2>Current mode</th></tr>"
        "<tr><th>SHARE</th><th>EXCL.</th></tr>"
        "<tr><td>SHARE</td><td></td><td>X</td></tr></table>"
        "<table><tr><th>Group</th><th>Name</th><th>Rate</th></tr>"
        "<tr><td rowspan='2'>EC</td><td>Standard</td><td>17.5%</td></tr>"
        "<tr><td>Zero</td><td>0%</td></tr>"
        "<tr><td>US</td><td>County</td><td>2%</td></tr>"
        "<tr><td colspan=3>Rates as of 2010</td></tr>"
        "<tr><td colspan=100000 rowspan=-1>x</td></tr></table>"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "Requested | Current mode SHARE | Current mode EXCL.",
        "Requested: SHARE; Current mode EXCL.: X",
        "Group | Name | Rate",
        "Group: EC; Name: Standard; Rate: 17.5%",
        "Group: EC; Name: Zero; Rate: 0%",
        "Group: US; Name: County; Rate: 2%",
        "Group: Rates as of 2010",
        "Group: x",
    ]


def test_html_spanned_cells_cannot_multiply_a_page(tmp_path: Path, limits) -> None:
    # every 20 bytes of "<td rowspan=1000>" would fill 999 rows below; the page's copies
    # stop at MAX_SPAN_COPIES (one cell more at most), and the page still loads
    from pocketrag.loaders.html import MAX_COLSPAN, MAX_ROWSPAN, MAX_SPAN_COPIES

    seed = "<tr>" + "<td rowspan=1000>x</td>" * 100 + "</tr>" + "<tr></tr>" * 999
    path = tmp_path / "spans.html"
    path.write_text(f"<table>{seed * 5}</table>")
    copies = sum(b.text.split().count("x") for b in load_document(path, limits).blocks)
    assert 500 < copies <= 500 + MAX_SPAN_COPIES + MAX_COLSPAN * MAX_ROWSPAN < 500 * 1000


def test_a_table_whose_first_row_is_sentences_has_no_header(tmp_path: Path, limits) -> None:
    """Without header cells, a first row of sentences is data: it must not name every other
    row's cells ("A SHARED lock ...: The database may be read ..."). A header row of header
    cells stays one whatever it says."""
    locks = (
        "<tr><td>SHARED</td><td>The database may be read but not written.</td></tr>"
        "<tr><td>RESERVED</td><td>A process is planning to write to the database file.</td></tr>"
    )
    path = tmp_path / "locks.html"
    path.write_text(
        f"<table>{locks}</table><p>Then</p>"
        "<table><tr><th>Lock</th><th>What the process may do with the file.</th></tr>"
        f"{locks}</table>"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "SHARED | The database may be read but not written.",
        "RESERVED | A process is planning to write to the database file.",
        "Then",
        "Lock | What the process may do with the file.",
        "Lock: SHARED; What the process may do with the file.: The database may be read but "
        "not written.",
        "Lock: RESERVED; What the process may do with the file.: A process is planning to "
        "write to the database file.",
    ]


def test_html_prefers_main_and_keeps_its_header(tmp_path: Path, limits) -> None:
    path = tmp_path / "a.htm"
    path.write_text(
        "<html><body><div>SIDEBAR MENU</div><main><header><h1>Travel</h1></header>"
        "<p>Book trains.</p><footer>MAIN FOOTER</footer></main><p>OUTSIDE</p></body></html>"
    )
    document = load_document(path, limits)
    assert document.title == "Travel"
    assert [(b.text, b.heading_path) for b in document.blocks] == [("Book trains.", ("Travel",))]


def test_html_main_mentioned_only_in_a_script(tmp_path: Path, limits) -> None:
    path = tmp_path / "b.html"
    path.write_text("<script>el.innerHTML = '<main>';</script><h1>Pay</h1><p>Paid monthly.</p>")
    document = load_document(path, limits)
    assert [(b.text, b.heading_path) for b in document.blocks] == [("Paid monthly.", ("Pay",))]


def test_html_source_line_breaks_are_spaces_but_br_and_pre_keep_theirs(
    tmp_path: Path, limits
) -> None:
    # DocBook writes <p> hard-wrapped at 72 columns; a browser shows one paragraph
    path = tmp_path / "wrapped.html"
    path.write_text(
        "<p>Perl searches several locations for modules,\n   referred to as core\nand site.</p>"
        "<p>Line one<br>line two</p><pre>make\n  install</pre>"
    )
    document = load_document(path, limits)
    assert [b.text for b in document.blocks] == [
        "Perl searches several locations for modules, referred to as core and site.",
        "Line one\nline two",
        "make\ninstall",
    ]


def test_html_definition_list_term_opens_its_definition(tmp_path: Path, limits) -> None:
    # apart, "Tetris-like games ..." never says which section it defines; terms in a row
    # share the definition after them
    path = tmp_path / "menu.html"
    path.write_text(
        "<h1>Menu</h1><dl><dt><span>Games/Blocks</span></dt><dd><p>Tetris-like games.</p>"
        "<p>Examples: netris</p></dd><dt>Games/Card</dt><dt>Games/Cards:</dt>"
        "<dd>Games with a deck.</dd><dt>Games/Tools</dt></dl><h2>Next</h2><p>Text.</p>"
    )
    document = load_document(path, limits)
    assert [b.text for b in document.blocks] == [
        "Games/Blocks: Tetris-like games.",
        "Examples: netris",
        "Games/Card, Games/Cards: Games with a deck.",
        "Games/Tools",
        "Text.",
    ]
    assert document.blocks[-2].heading_path == ("Menu",)


def test_html_definition_terms_without_end_tags_open_their_definitions(
    tmp_path: Path, limits
) -> None:
    # LinuxDoc (Squid's release notes) and man2html (CUPS's man pages) leave out </dt>:
    # each term had been a block of its own, apart from what it defines
    path = tmp_path / "notes.html"
    path.write_text(
        "<H2>New directives</H2><P>\n<DL>\n<DT><B>auth_schemes</B><DD>\n<P>New access"
        " control to customize schemes.</P>\n<DT><B>-E</B><DT><CODE>-U username</CODE><DD>"
        "Forces encryption.\n<DT>happy_eyeballs<DD><P>Spare connections.</P></DL>"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "auth_schemes: New access control to customize schemes.",
        "-E, -U username: Forces encryption.",
        "happy_eyeballs: Spare connections.",
    ]


def test_html_definition_list_inside_a_definition_names_its_option(tmp_path: Path, limits) -> None:
    # Tor's manual: SocksPort's flags are a list inside its definition, and each flag had
    # been read with no word of the option it is a flag of; a heading's word ("If") or a
    # term that names it already is left alone
    path = tmp_path / "tor.html"
    path.write_text(
        "<dl><dt>SocksPort [address:]port [flags]</dt><dd><p>Open this port.</p>"
        "<dl><dt>IsolateDestPort</dt><dd><p>Don't share circuits by port.</p></dd></dl></dd>"
        "<dt>If</dt><dd><p>Conditions:</p><dl><dt>Secure</dt><dd>Signed.</dd></dl></dd>"
        "<dt>Applications</dt><dd><p>Programs.</p><dl><dt>Applications/Science</dt>"
        "<dd>Lab tools.</dd></dl></dd></dl>"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "SocksPort [address:]port [flags]: Open this port.",
        "IsolateDestPort (SocksPort): Don't share circuits by port.",
        "If: Conditions:",
        "Secure: Signed.",
        "Applications: Programs.",
        "Applications/Science: Lab tools.",
    ]


def test_html_charset_from_meta(tmp_path: Path, limits) -> None:
    path = tmp_path / "latin.html"
    path.write_bytes(
        '<html><head><meta charset="windows-1252"></head><body><p>Café crème — naïve</p>'
        "</body></html>".encode("cp1252")
    )
    assert load_document(path, limits).blocks[0].text == "Café crème — naïve"


def test_html_latin1_label_means_windows_1252(tmp_path: Path, limits) -> None:
    path = tmp_path / "old.html"
    path.write_bytes(
        b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        + "<p>It’s “fine” – 5 €</p>".encode("cp1252")
    )
    assert load_document(path, limits).blocks[0].text == "It’s “fine” – 5 €"


def test_html_said_to_be_utf8_keeps_its_utf8_around_a_stray_byte(tmp_path: Path, limits) -> None:
    # a no-break space saved as the one Windows-1252 byte 0xA0 in a page that says UTF-8:
    # guessing the page's code page from it had read every such byte as a letter
    path = tmp_path / "mixed.html"
    path.write_bytes(
        b'<html><head><meta charset="utf-8"></head><body>'
        + "<p>Café policy: the backup runs at 02:00</p>".encode()
        + b"<p>Next\xa0page \x93quoted\x94</p></body></html>"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "Café policy: the backup runs at 02:00",
        "Next page “quoted”",
    ]


def test_html_charset_guessed_without_meta(tmp_path: Path, limits) -> None:
    path = tmp_path / "guess.html"
    body = "<p>Привет, это документ о правилах отпуска для сотрудников компании.</p>" * 20
    path.write_bytes(f"<html><body>{body}</body></html>".encode("cp1251"))
    assert "правилах отпуска" in load_document(path, limits).blocks[0].text


def test_markdown_front_matter_setext_and_fences(tmp_path: Path, limits) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "---\ntitle: Remote Work\nowner: HR\n---\n"
        "Overview\n========\n\nWork from **anywhere** in the [EU](https://eu.example).\n\n"
        "Equipment\n---------\n\n```bash\n# not a heading\necho hi\n```\n\n"
        "### Laptops ###\n- one laptop\n- one screen\n"
    )
    document = load_document(path, limits)
    assert document.title == "Remote Work"
    assert [(b.text, b.heading_path) for b in document.blocks] == [
        ("Owner: HR", ("Remote Work",)),
        ("Work from anywhere in the EU.", ("Overview",)),
        ("# not a heading\necho hi", ("Overview", "Equipment")),
        ("- one laptop\n- one screen", ("Overview", "Equipment", "Laptops")),
    ]


def test_markdown_front_matter_facts_are_text_and_site_settings_are_not(
    tmp_path: Path, limits
) -> None:
    # a policy's owner and review date are often written only in its front matter
    path = tmp_path / "leave.md"
    path.write_text(
        "---\ntitle: Annual Leave\nlayout: policy\npermalink: /leave/\ndraft: false\n"
        "policy_ref: KCH-PEO-02\napproved-by: Trust Board\neffective: 2026-01-01\n"
        "review: December 2027\ntags: [hr]\n---\n\n# Annual Leave\n\nYou get 25 days.\n"
    )
    document = load_document(path, limits)
    assert [b.text for b in document.blocks] == [
        "Policy ref: KCH-PEO-02; Approved by: Trust Board; Effective: 2026-01-01; "
        "Review: December 2027",
        "You get 25 days.",
    ]
    assert document.blocks[0].heading_path == ("Annual Leave",)  # what the facts are about


def test_myst_directives_are_read_as_text_with_their_labels(tmp_path: Path, limits) -> None:
    """Sphinx projects' Markdown (MyST): a version note keeps its version, a tab its name,
    an admonition's body is text; a project's own directive stays code, and targets,
    link definitions and footnote marks are not text."""
    path = tmp_path / "caching.md"
    path.write_text(
        "# Caching\n\n```{versionadded} 6.0\n\n```\n\n(wheel-caching)=\n\n"
        "## Default paths\n\n````{tab} Linux\n```\n~/.cache/pip\n```\n\n"
        "pip will also respect `XDG_CACHE_HOME`.\n````\n\n"
        "```{note}\n:class: tip\nPins are *not* checked.\n```\n\n"
        "```{pip-cli}\n$ pip cache dir\n```\n\n"
        "See {ref}`--pre <install_--pre>`, {pep}`517` and <https://bootstrap.pypa.io/pip.pyz>,"
        " with `==3.*` and `<venv path>`[^py].\n\n"
        "[pypa/get-pip]: https://github.com/pypa/get-pip\n"
    )
    assert [(b.text, b.heading_path[-1]) for b in load_document(path, limits).blocks] == [
        ("New in version 6.0.", "Caching"),
        ("Linux:", "Default paths"),
        ("~/.cache/pip", "Default paths"),
        ("pip will also respect XDG_CACHE_HOME.", "Default paths"),
        ("Pins are not checked.", "Default paths"),
        ("$ pip cache dir", "Default paths"),
        (
            "See --pre, PEP 517 and https://bootstrap.pypa.io/pip.pyz, with ==3.* and <venv path>.",
            "Default paths",
        ),
    ]


def test_markdown_wrapped_list_items_stay_one_line_each(tmp_path: Path, limits) -> None:
    # a continuation line is part of its item, not an item (or a paragraph) of its own
    path = tmp_path / "steps.md"
    path.write_text(
        "# Cold pull\n\nThe steps are as\nfollows:\n- Heat the nozzle\n  to 250 °C.\n"
        "- Pull **out**\n  the filament.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "The steps are as follows:\n- Heat the nozzle to 250 °C.\n- Pull out the filament.",
        "a | b\na: 1; b: 2",  # a table's rows name their columns, as in DOCX and HTML
    ]


def test_text_a_wrapped_line_ending_on_the_is_no_heading(tmp_path: Path, limits) -> None:
    # title-cased by its names, but a heading never ends on "the": the sentence goes on
    path = tmp_path / "LGPL-3.txt"
    path.write_text(
        "GNU LESSER GENERAL PUBLIC LICENSE\n\n"
        '  The "Minimal Corresponding Source" for a Combined Work means the\n'
        "Corresponding Source for the Combined Work, excluding any source code\n"
        "for portions of the Combined Work.\n\n"
        "  1. Exception to Section 3 of the GNU GPL.\n"
    )
    blocks = load_document(path, limits).blocks
    texts = [b.text for b in blocks]
    assert any(t.startswith('The "Minimal Corresponding Source" for a Combined Work means the C')
               for t in texts), texts  # fmt: skip
    assert not any("Minimal" in part for b in blocks for part in b.heading_path)


def test_text_a_numbered_title_ending_in_a_full_stop_is_a_heading(tmp_path: Path, limits) -> None:
    # licence texts title their sections "8. Termination."; a numbered step that is a
    # sentence ("1. Submit the form.") stays body text
    path = tmp_path / "GPL-3.txt"
    path.write_text(
        "GNU GENERAL PUBLIC LICENSE\n\n  8. Termination.\n\n"
        "  You may not propagate or modify a covered work except as expressly\n"
        "provided under this License.\n\n"
        "  9. Acceptance Not Required for Having Copies.\n\n"
        "  You are not required to accept this License in order to receive a copy.\n\n"
        "  1. Submit the form.\n"
    )
    blocks = load_document(path, limits).blocks
    assert [(b.text, b.heading_path) for b in blocks[1:]] == [
        (
            "You may not propagate or modify a covered work except as expressly provided "
            "under this License.",
            ("8. Termination.",),
        ),
        (
            "You are not required to accept this License in order to receive a copy.",
            ("9. Acceptance Not Required for Having Copies.",),
        ),
        ("1. Submit the form.", ("9. Acceptance Not Required for Having Copies.",)),
    ]


def test_text_a_box_drawn_in_asterisks_is_read_without_it(tmp_path: Path, limits) -> None:
    # MPL-2.0 sets its disclaimer in a box; its "*"s ended up inside sentences
    rows = ["", "6. Disclaimer of Warranty", "-" * 25, "",
            "Covered Software is provided under this License on an as is basis,",
            "without warranty of any kind; this does not limit liability for death",
            "or personal injury."]  # fmt: skip
    box = ["*" * 72, *(f"*  {row:<68}*" for row in rows), "*" * 72]
    path = tmp_path / "MPL-2.0.txt"
    path.write_text("Mozilla Public License\n\n" + "\n".join(box) + "\n\n*Note*\n")
    blocks = load_document(path, limits).blocks
    assert [(b.text, b.heading_path[-1:]) for b in blocks[1:]] == [
        (
            "Covered Software is provided under this License on an as is basis, without "
            "warranty of any kind; this does not limit liability for death or personal injury.",
            ("6. Disclaimer of Warranty",),
        ),
        ("*Note*", ("6. Disclaimer of Warranty",)),
    ]


def test_markdown_title_falls_back_to_first_heading(tmp_path: Path, limits) -> None:
    path = tmp_path / "x.markdown"
    path.write_text("Intro line.\n\n# Benefits\n\nDental is covered.\n")
    assert load_document(path, limits).title == "Benefits"


def test_text_encodings(tmp_path: Path, limits) -> None:
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Überstunden werden bezahlt.\n\nZweiter Absatz.".encode("utf-16"))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Ma\xefs et cr\xe8me br\xfbl\xe9e.".encode("latin-1"))
    utf8 = tmp_path / "notes"  # no extension: sniffed as text
    utf8.write_text("Zoë’s notes.\n\nSecond paragraph.", encoding="utf-8")
    assert [b.text for b in load_document(utf16, limits).blocks] == [
        "Überstunden werden bezahlt.",
        "Zweiter Absatz.",
    ]
    assert load_document(latin1, limits).blocks[0].text == "Maïs et crème brûlée."
    cp1252 = tmp_path / "windows.md"
    cp1252.write_bytes("# Costs\n\nIt’s “only” 5 €.".encode("cp1252"))
    assert load_document(cp1252, limits).blocks[0].text == "It’s “only” 5 €."
    # UTF-8 with Windows-1252 bytes pasted in stays UTF-8 around them (0x81, unassigned in
    # Windows-1252, is a control character, which the clean-up drops)
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes("Zoë’s notes, ".encode() + b"\x93pasted\x94\x81.")
    assert load_document(mixed, limits).blocks[0].text == "Zoë’s notes, “pasted”."
    assert load_document(utf8, limits).doc_type == "text"
    assert [b.text for b in load_document(utf8, limits).blocks] == [
        "Zoë’s notes.",
        "Second paragraph.",
    ]


def test_an_email_saved_as_text_is_titled_by_its_subject(tmp_path: Path, limits) -> None:
    mail = tmp_path / "standby.txt"
    mail.write_text(
        "From: Helen Marchetti <helen@example.org>\nTo: All Repairs Staff <all@example.org>\n"
        "Date: Mon, 16 Nov 2026 09:12:44 +0000\nSubject: Changes to standby pay\n from 1 December"
        "\n\nDear colleagues,\n\nThe weekday standby allowance goes up to £21.00 per night.\n",
        encoding="utf-8",
    )
    doc = load_document(mail, limits)
    assert doc.title == "Changes to standby pay from 1 December"  # a folded header, unfolded
    assert "goes up to £21.00 per night" in " ".join(b.text for b in doc.blocks)
    note = tmp_path / "note.txt"
    note.write_text("From the editor\n\nSubject: none of this is a header.\n", encoding="utf-8")
    assert load_document(note, limits).title == "From the editor"


def test_text_headings_from_underlines_and_standalone_lines(tmp_path: Path, limits) -> None:
    path = tmp_path / "policy.txt"
    path.write_text(
        "GIFTS POLICY\nAcme Ltd\n\nPurpose\n-------\nWhy we have rules.\n\n"
        "1. RECEIVING GIFTS\n\nDeclare gifts over 50 pounds.\n\n1.1 Cash\n\nNever accept cash.\n\n"
        "Thank you for reading this policy.\n"
    )
    document = load_document(path, limits)
    assert document.title == "GIFTS POLICY"
    assert [(b.text, b.heading_path) for b in document.blocks] == [
        ("GIFTS POLICY\nAcme Ltd", ()),
        ("Why we have rules.", ("Purpose",)),
        ("Declare gifts over 50 pounds.", ("1. RECEIVING GIFTS",)),
        ("Never accept cash.", ("1. RECEIVING GIFTS", "1.1 Cash")),
        ("Thank you for reading this policy.", ("1. RECEIVING GIFTS", "1.1 Cash")),
    ]


def test_text_a_heading_with_nothing_under_it_is_still_text(tmp_path: Path, limits) -> None:
    """A heading replaced by the next before any text came under it had been lost from the
    whole document: Vim's help tag lines, a minutes' "Apologies:" line, a sign-off."""
    path = tmp_path / "help.txt"
    path.write_text(
        "WINDOWS\n\nCTRL-W z\n\nCTRL-W CTRL-Z\n\nClose the preview window when it is open "
        "and nothing else.\n\nRegards\n\nHelen Marchbank\n"
    )
    document = load_document(path, limits)
    texts = [b.text for b in document.blocks]
    assert "CTRL-W z" in texts
    closing = next(b for b in document.blocks if b.text.startswith("Close the preview"))
    assert closing.heading_path == ("CTRL-W CTRL-Z",)
    words = {w for b in document.blocks for w in re.findall(r"\w+", f"{b.text} {b.heading_path}")}
    assert set(re.findall(r"\w+", path.read_text())) <= words


def test_sample_text_files_lose_no_word(limits) -> None:
    samples = Path(__file__).resolve().parents[2] / "samples"
    files = sorted(samples.rglob("*.txt"))
    assert len(files) >= 10
    for path in files:
        document = load_document(path, limits)
        read = " ".join(f"{b.text} {' '.join(b.heading_path)}" for b in document.blocks)
        missing = set(re.findall(r"\w+", _as_written(path))) - set(re.findall(r"\w+", read))
        assert not missing, (path.name, sorted(missing)[:10])


def _as_written(path: Path) -> str:
    """A sample's text: UTF-16 after its byte-order mark as Notepad's "Unicode" saves it
    (holmbrack's notice), UTF-8, or Windows-1252 as Notepad saves it (hartsmoor's notice)."""
    raw = path.read_bytes()
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def test_text_boxed_headings_leading_headings_and_hard_wrapped_lines(
    tmp_path: Path, limits
) -> None:
    rule = "-" * 60
    path = tmp_path / "equipment.txt"
    path.write_text(
        "ACME LTD\nEQUIPMENT GUIDANCE\n\n"
        f"{rule}\n1. WHAT YOU GET\n{rule}\n"
        "Company mobile phones are issued only to staff on an on-call rota, field\n"
        "technicians and managers at grade B5 and above. Everyone else may use\n"
        "their own phone.\n\n"
        "You can order the following for home through the portal:\n"
        "* one 27-inch monitor\n* a keyboard and mouse\n\n"
        "  During probation (first 6 months):          1 week, by either side\n"
        "  After probation, job levels 1 to 4:         1 month, by either side\n\n"
        "Lost devices\nReport a lost laptop to the IT Service Desk within 24 hours.\n"
    )
    document = load_document(path, limits)
    assert document.title == "ACME LTD - EQUIPMENT GUIDANCE"  # letterhead and name
    assert [(b.text, b.heading_path) for b in document.blocks] == [
        ("ACME LTD\nEQUIPMENT GUIDANCE", ()),
        (
            "Company mobile phones are issued only to staff on an on-call rota, field "
            "technicians and managers at grade B5 and above. Everyone else may use their "
            "own phone.",
            ("1. WHAT YOU GET",),
        ),
        (
            "You can order the following for home through the portal:\n"
            "* one 27-inch monitor\n* a keyboard and mouse",
            ("1. WHAT YOU GET",),
        ),
        (  # set in columns: rows, not wrapped lines
            "During probation (first 6 months): 1 week, by either side\n"
            "After probation, job levels 1 to 4: 1 month, by either side",
            ("1. WHAT YOU GET",),
        ),
        ("Report a lost laptop to the IT Service Desk within 24 hours.", ("Lost devices",)),
    ]


def test_text_a_word_wrapped_at_its_hyphen_is_one_word_again(tmp_path: Path, limits) -> None:
    # Python's textwrap (and Debian's upgrading checklist) break lines after a hyphen: the
    # address and the option must read whole; a spaced dash keeps its space
    path = tmp_path / "notice.txt"
    path.write_text(
        "Out-of-hours working in the labs must be booked with the technician team -\n"
        "write to geo-lab-\nsafety@example.ac.uk at least two working days before, and\n"
        "strip binaries with --remove-\nsection=.comment as the packaging tools already do.\n"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "Out-of-hours working in the labs must be booked with the technician team - write "
        "to geo-lab-safety@example.ac.uk at least two working days before, and strip "
        "binaries with --remove-section=.comment as the packaging tools already do."
    ]


def test_text_a_comment_wrapped_over_hash_lines_reads_as_one_sentence(
    tmp_path: Path, limits
) -> None:
    # a sample configuration file's comments wrap on "#" lines; joined, the marks stayed
    # inside the sentence ("... the battery # falls below"), and a bare "#" was glued on
    path = tmp_path / "ups.conf.txt"
    path.write_text(
        "UPS DAEMON CONFIGURATION\n\n"
        "# BATTERYLEVEL <percent>\n"
        "# The shutdown starts when the charge left in the battery falls\n"
        "# below this many percent, or when the runtime left is shorter than\n"
        "# MINUTES says.\n#\n# Set it to 0 to rely on MINUTES alone.\nBATTERYLEVEL 5\n"
    )
    assert [b.text for b in load_document(path, limits).blocks][1:] == [
        "# BATTERYLEVEL <percent>\n# The shutdown starts when the charge left in the battery"
        " falls below this many percent, or when the runtime left is shorter than MINUTES"
        " says.\n"
        "#\n# Set it to 0 to rely on MINUTES alone.\nBATTERYLEVEL 5"
    ]


def test_text_e_mail_quoted_reply_and_signature(tmp_path: Path, limits) -> None:
    # a wrapped quoted line kept its "> " inside the sentence, and the sender's name and
    # role under "Many thanks," became the heading of the quoted message below them
    path = tmp_path / "thread.txt"
    path.write_text(
        "From: Helen Ashdown <helen@example.org>\nSubject: Re: Parking permits\n\n"
        "Following the committee meeting, permits will now cost 15 pounds a year, not\n"
        "the 10 pounds proposed below.\n\nMany thanks,\n\nHelen Ashdown\n\n"
        "Housing Officer, Fellside Co-op\n\n"
        "> On 20 Nov 2026, Janet Price wrote:\n"
        "> We propose that parking permits cost 10 pounds a year from January, and\n"
        "> that each household may hold two permits.\n>\n> Janet\n"
    )
    blocks = load_document(path, limits).blocks
    assert all(b.heading_path == () for b in blocks)
    assert [b.text for b in blocks][-3:] == [
        "Helen Ashdown",
        "Housing Officer, Fellside Co-op",
        "> On 20 Nov 2026, Janet Price wrote:\n> We propose that parking permits cost 10 "
        "pounds a year from January, and that each household may hold two permits.\n>\n> Janet",
    ]


def test_text_e_mail_closing_thanks_and_the_first_name_under_it(tmp_path: Path, limits) -> None:
    # "Owen" under a closing sentence of thanks had headed the signature and every quoted
    # message under it
    path = tmp_path / "thread.txt"
    path.write_text(
        "From: Owen Tasker <owen@example.org>\nSubject: RE: Exchanges\n\n"
        "Tickets can be exchanged up to 24 hours before the performance.\n\n"
        "Thanks all, especially Priya for pulling this together.\n\nOwen\n\n"
        "Owen Tasker | General Manager\n\n"
        "> From: Jas Mehta <jas@example.org>\n> Could we go to 24 hours?\n"
    )
    assert all(b.heading_path == () for b in load_document(path, limits).blocks)


def test_text_release_notes_put_each_change_under_its_release(tmp_path: Path, limits) -> None:
    # "3.14.14 -- 31 May 2016" was body text, so "BUG FIXES" headed the changes of every
    # release alike and "which version fixed ...?" had nothing to go on
    path = tmp_path / "ReleaseNotes.txt"
    path.write_text(
        "Release Notes for Pumpkin 3.x\n\n"
        "3.2.1 -- 31 May 2016\n\nBUG FIXES\n\n  * Fix the crash on shutdown\n\n"
        "Version 3.2.0 (2015-02-02)\n\nNEW FEATURES\n\n  * USB support\n\n"
        "BUG FIXES\n\n  * Fix the status display\n"
    )
    assert [(b.text, b.heading_path) for b in load_document(path, limits).blocks][1:] == [
        ("* Fix the crash on shutdown", ("3.2.1 -- 31 May 2016", "BUG FIXES")),
        ("* USB support", ("Version 3.2.0 (2015-02-02)", "NEW FEATURES")),
        ("* Fix the status display", ("Version 3.2.0 (2015-02-02)", "BUG FIXES")),
    ]


def test_release_lines_with_a_name_a_patchlevel_or_a_timestamp_head_their_changes(
    tmp_path: Path, limits
) -> None:
    # fetchmail's NEWS and OLDNEWS, xfig's CHANGES: each release's line had been a block of
    # its own under the file's title, and no change said which release it came in
    path = tmp_path / "NEWS.txt"
    path.write_text(
        "Pumpkin Release Notes\n=====================\n\n"
        "-----\npumpkin-6.4.35 (released 2023-01-04, 31707 LoC):\n\n"
        "# BREAKING CHANGES:\n* Pumpkin now rejects OpenSSL before 1.1.1s.\n\n"
        "-----\nPatchlevel 8b (Aug 2021)\n\n* Adding points to splines works.\n\n"
        "pumpkin-5.9.14 (Fri Sep  6 05:03:25 EDT 2002), 21932 lines:\n\n"
        "* Sunil's patch to stop multiple bounces.\n"
    )
    blocks = [(b.text, b.heading_path[-1:]) for b in load_document(path, limits).blocks]
    assert blocks[-3:] == [
        (
            "# BREAKING CHANGES:\n* Pumpkin now rejects OpenSSL before 1.1.1s.",
            ("pumpkin-6.4.35 (released 2023-01-04, 31707 LoC):",),
        ),
        ("* Adding points to splines works.", ("Patchlevel 8b (Aug 2021)",)),
        (
            "* Sunil's patch to stop multiple bounces.",
            ("pumpkin-5.9.14 (Fri Sep 6 05:03:25 EDT 2002), 21932 lines:",),
        ),
    ]


def test_a_line_of_code_or_a_setting_is_no_heading(tmp_path: Path, limits) -> None:
    # LilyPond's manual had "BASIC_PROGRESS" and "MIDIDIR := MIDI" over its pages as
    # headings; a numbered heading may still name a setting
    path = tmp_path / "build.txt"
    path.write_text(
        "BUILD NOTES\n\nBASIC_PROGRESS\nShows the progress of each build step.\n\n"
        "MIDIDIR := MIDI\n\nSICK PAY\nYou get ten days at full pay.\n\n"
        "2.1 The max_connections setting\nIt limits how many clients may connect at once.\n"
    )
    assert [(b.text, b.heading_path) for b in load_document(path, limits).blocks] == [
        ("BUILD NOTES", ()),
        ("BASIC_PROGRESS\nShows the progress of each build step.", ()),
        ("MIDIDIR := MIDI", ()),
        ("You get ten days at full pay.", ("SICK PAY",)),
        (
            "It limits how many clients may connect at once.",
            ("SICK PAY", "2.1 The max_connections setting"),
        ),
    ]


def test_text_hard_wrapped_numbered_clauses_are_body_text_not_headings(
    tmp_path: Path, limits
) -> None:
    """A numbered clause wrapped at 72 columns starts like a numbered heading ("3.2
    Passwords must ..."), but its sentence ends inside the line or carries on in lower case
    on the next: it is body text under its section, so its facts can be quoted."""
    path = tmp_path / "it-policy.txt"
    path.write_text(
        "TRUST IT POLICY\n\n3. ACCOUNTS AND PASSWORDS\n\n"
        "3.2 Passwords must be at least 12 characters long. We recommend a\n"
        "    passphrase of three random words, with a number or symbol added. Do\n"
        "    not use a password that you use for any personal account.\n\n"
        "3.5 Accounts of staff who leave are disabled at 5pm on their last\n"
        "    working day. Make sure anything you need to keep for the academy has\n"
        "    been moved to a shared area before then.\n"
    )
    document = load_document(path, limits)
    assert [(b.text, b.heading_path) for b in document.blocks[1:]] == [
        (
            "3.2 Passwords must be at least 12 characters long. We recommend a passphrase "
            "of three random words, with a number or symbol added. Do not use a password "
            "that you use for any personal account.",
            ("3. ACCOUNTS AND PASSWORDS",),
        ),
        (
            "3.5 Accounts of staff who leave are disabled at 5pm on their last working day. "
            "Make sure anything you need to keep for the academy has been moved to a shared "
            "area before then.",
            ("3. ACCOUNTS AND PASSWORDS",),
        ),
    ]


def test_detect_type_by_content(tmp_path: Path) -> None:
    pdf_named_txt = make_pdf(tmp_path / "real.pdf", [["Hello there."]]).rename(tmp_path / "a.txt")
    docx_named_html = make_docx(tmp_path / "real.docx").rename(tmp_path / "b.html")
    html_named_pdf = tmp_path / "c.pdf"
    html_named_pdf.write_text("<!DOCTYPE html><html><body><p>Not found</p></body></html>")
    html_no_ext = tmp_path / "page"
    html_no_ext.write_text("<html><body><p>x</p></body></html>")
    assert detect_type(pdf_named_txt) == "pdf"
    assert detect_type(docx_named_html) == "docx"
    assert detect_type(html_named_pdf) == "html"
    assert detect_type(html_no_ext) == "html"
    assert set(SUPPORTED_TYPES) == {"pdf", "docx", "html", "markdown", "text"}


def test_html_navigation_bars_drawn_with_ordinary_tags_are_not_text(tmp_path: Path, limits) -> None:
    # DocBook/Publican pages: "Prev / Next" lists and nav divs, nested divs inside them
    path = tmp_path / "ch11.html"
    path.write_text(
        "<html><body><div class='navheader'><div><a href='a.html'>Prev</a></div>"
        "<div>11.5. Analysis of malware</div></div>"
        "<h2>11.1. General behavior</h2><p>Disconnect the machine from the network.</p>"
        "<ul class='docnav'><li><a href='b.html'>Next</a></li><li>11.2. Backups</li></ul>"
        "<div role='navigation'><p>Home</p></div><p>Keep a copy of the logs.</p>"
        "</body></html>"
    )
    blocks = load_document(path, limits).blocks
    assert [b.text for b in blocks] == [
        "Disconnect the machine from the network.",
        "Keep a copy of the logs.",
    ]


def test_html_permalink_marks_are_not_text(tmp_path: Path, limits) -> None:
    # Sphinx, the Apache manual and Texinfo end headings and terms with a "¶" link
    path = tmp_path / "manual.html"
    path.write_text(
        "<html><body>"
        "<h1>Caching Guide<a class='headerlink' href='#c' title='Permalink'>¶</a></h1>"
        "<h2 id='i'>Introduction <a title='Permanent link' href='#i' class='permalink'>&para;</a>"
        "</h2><p>Caching can speed up a server.</p><dl><dt><span><code>prefix</code>"
        "<a href='#index-prefix' class='copiable-anchor'> &para;</a></span></dt>"
        "<dd><p>A prefix used in constructing the default values.</p></dd></dl>"
        "<p>A paragraph sign in text stays: see ¶ 4.</p></body></html>",
        encoding="utf-8",
    )
    blocks = load_document(path, limits).blocks
    assert {b.heading_path for b in blocks} == {("Caching Guide", "Introduction")}
    assert [b.text for b in blocks] == [
        "Caching can speed up a server.",
        "prefix: A prefix used in constructing the default values.",
        "A paragraph sign in text stays: see ¶ 4.",
    ]


def test_html_permalinks_holding_words_keep_them(tmp_path: Path, limits) -> None:
    # mandoc's manual pages make each heading and each option's name a permalink: skipped
    # whole, sshd_config(5) had lost every option's name (the openssh set's writer)
    path = tmp_path / "sshd_config.5.html"
    path.write_text(
        "<html><body><section class='Sh'><h1 class='Sh' id='DESCRIPTION'>"
        "<a class='permalink' href='#DESCRIPTION'>DESCRIPTION</a></h1>"
        "<p>The possible keywords and their meanings are as follows:</p><dl class='Bl-tag'>"
        "<dt id='Port'><a class='permalink' href='#Port'><code class='Cm'>Port</code></a></dt>"
        "<dd>Specifies the port number that sshd(8) listens on. The default is 22.</dd>"
        "<dt id='_.'><a class='permalink' href='#_.'><code class='Cm'>~.</code></a></dt>"
        "<dd>Disconnect.</dd>"
        # a name of pieces (logrotate(8), slapd(8)): no contents line, its spaces and commas kept
        "<dt id='f'><a class='permalink' href='#f'><b>-f</b>, <b>--force</b></a></dt>"
        "<dd>Force the rotation.</dd>"
        "<dt id='b'><a class='permalink' href='#b'><b>-b</b><i>&#x00A0;searchbase</i></a></dt>"
        "<dd>Use searchbase.</dd></dl></section></body></html>",
        encoding="utf-8",
    )
    blocks = load_document(path, limits).blocks
    assert [(b.text, b.heading_path) for b in blocks] == [
        ("The possible keywords and their meanings are as follows:", ("DESCRIPTION",)),
        (
            "Port: Specifies the port number that sshd(8) listens on. The default is 22.",
            ("DESCRIPTION",),
        ),
        ("~.: Disconnect.", ("DESCRIPTION",)),  # a command of signs is no mark (ssh(1))
        ("-f, --force: Force the rotation.", ("DESCRIPTION",)),
        ("-b searchbase: Use searchbase.", ("DESCRIPTION",)),
    ]


def test_html_abbreviations_are_expanded_once(tmp_path: Path, limits) -> None:
    # a reader sees an <abbr>'s title by pointing at it: left out, the page never said
    # what "DPS" is, nor whom "PLH" names (the larchwick set's writer)
    path = tmp_path / "licence.html"
    path.write_text(
        "<html><body><p>Owned by Martin Cole, the "
        "<abbr title='Designated  Premises Supervisor'>DPS</abbr>.</p>"
        "<p>Every sale is approved by a <abbr title='personal licence holder: Martin Cole or "
        "Priya Nandra'>PLH</abbr>. The <abbr title='Designated Premises Supervisor'>DPS</abbr>"
        " checks the book.</p></body></html>",
        encoding="utf-8",
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "Owned by Martin Cole, the DPS (Designated Premises Supervisor).",
        "Every sale is approved by a PLH (personal licence holder: Martin Cole or Priya "
        "Nandra). The DPS checks the book.",
    ]


def test_html_powers_keep_their_caret(tmp_path: Path, limits) -> None:
    # "2<sup>64</sup>" is two to the 64th, not the number 264
    path = tmp_path / "limits.html"
    path.write_text(
        "<html><body><p>Up to 2<sup>64</sup> rows and 2<sup>31</sup>-1 bytes, "
        "10<sup>-3</sup> seconds.</p><table><tr><th>Limit</th><th>Value</th></tr>"
        "<tr><td>pages</td><td>2<sup>32</sup></td></tr></table>"
        "<p>The 5<sup>th</sup> day, as noted<sup>1</sup>.</p></body></html>",
        encoding="utf-8",
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "Up to 2^64 rows and 2^31-1 bytes, 10^-3 seconds.",
        "Limit | Value",
        "Limit: pages; Value: 2^32",
        "The 5th day, as noted1.",
    ]


def test_html_rows_that_open_with_a_header_cell_read_as_name_and_value(
    tmp_path: Path, limits
) -> None:
    # the Apache manual's directive tables; a table with a header row keeps its columns
    path = tmp_path / "mpm_common.html"
    path.write_text(
        "<html><body><h2>StartServers Directive</h2><table class='directive'>"
        "<tr><th>Description:</th><td>Number of child server processes created at startup</td></tr>"
        "<tr><th>Syntax:</th><td><code>StartServers <var>number</var></code></td></tr>"
        "<tr><th>Default:</th><td>See usage for details</td></tr></table>"
        "<table><tr><th>MPM</th><th>Default</th></tr><tr><th>event</th><td>3</td></tr>"
        "<tr><th>prefork</th><td>5</td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "Description: Number of child server processes created at startup",
        "Syntax: StartServers number",
        "Default: See usage for details",
        "MPM | Default",
        "MPM: event; Default: 3",
        "MPM: prefork; Default: 5",
    ]


def test_a_table_with_an_empty_corner_pairs_each_row_with_the_column_names(
    tmp_path: Path, limits
) -> None:
    """A statistics package's output table: an empty corner cell over the rows' names, all
    in one <tbody> inside a framing table. Each row keeps its name and names its columns."""
    path = tmp_path / "descriptives.html"
    path.write_text(
        "<html><body><h2>Descriptives Example</h2><table class='cartouche'><tr><td><table>"
        "<caption>Descriptive Statistics</caption><tbody>"
        "<tr><th></th><th>N</th><th>Mean</th><th>Std Dev</th></tr>"
        "<tr><th>Height in millimeters</th><td>40</td><td>1677.12</td><td>262.87</td></tr>"
        "<tr><th>Valid N (listwise)</th><td>40</td><td></td><td></td></tr>"
        "</tbody></table></td></tr></table></body></html>",
        encoding="utf-8",
    )
    texts = [b.text for b in load_document(path, limits).blocks]
    assert "Height in millimeters; N: 40; Mean: 1677.12; Std Dev: 262.87" in texts
    assert "Valid N (listwise); N: 40" in texts


def test_a_crosstabulations_corner_over_several_name_columns_pairs_each_row(
    tmp_path: Path, limits
) -> None:
    """A crosstabulation: a corner three cells wide over the rows' names, under a header of
    two levels ("sex" over "Male" and "Female"); its rows had read as bare cells."""
    path = tmp_path / "crosstabs.html"
    path.write_text(
        "<table><caption>occupation × sex</caption><tbody>"
        "<tr><th></th><th></th><th></th><th colspan='2'>sex</th><th rowspan='2'>Total</th></tr>"
        "<tr><th></th><th></th><th></th><th>Male</th><th>Female</th></tr>"
        "<tr><th rowspan='2'>occupation</th><th rowspan='2'>Artist</th><th>Count</th>"
        "<td>2</td><td>6</td><td>8</td></tr>"
        "<tr><th>Expected</th><td>4.89</td><td>3.11</td><td>.15</td></tr>"
        "</tbody></table>",
        encoding="utf-8",
    )
    texts = [b.text for b in load_document(path, limits).blocks]
    assert "occupation; Artist; Count; sex Male: 2; sex Female: 6; Total: 8" in texts
    assert "occupation; Artist; Expected; sex Male: 4.89; sex Female: 3.11; Total: .15" in texts


def test_texinfo_node_links_are_not_text(tmp_path: Path, limits) -> None:
    """makeinfo's "Next: ..., Up: ... [Contents][Index]" over and under each node (Texinfo 6
    and 7) and texi2html's "[ << ] [ < ] [ Up ]" bar are navigation, not the node's text; a
    table row classed "header" is still the table's header."""
    path = tmp_path / "DESCRIPTIVES.html"
    nav = (
        "<p>Next: <a href='FREQUENCIES.html' accesskey='n' rel='next'>FREQUENCIES</a>, Up: "
        "<a href='Statistics.html' rel='up'>Statistics</a> &nbsp; "
        "[<a href='index.html#SEC_Contents' rel='contents'>Contents</a>]</p>"
    )
    path.write_text(
        f"<html><body><div class='header'>{nav}</div><hr><h3>15.1 DESCRIPTIVES</h3>"
        "<table class='header'><tr><td>[<a href='a.html'> &lt;&lt; </a>]</td>"
        "<td>[<a href='index.html'> Up </a>]</td></tr></table>"
        "<p>The DESCRIPTIVES procedure reads the active dataset.</p>"
        "<table><tr class='header'><th>Keyword</th><th>Meaning</th></tr>"
        "<tr><td>MEAN</td><td>Arithmetic mean.</td></tr></table>"
        f"<div class='nav-panel'>{nav}</div></body></html>",
        encoding="utf-8",
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "The DESCRIPTIVES procedure reads the active dataset.",
        "Keyword | Meaning",
        "Keyword: MEAN; Meaning: Arithmetic mean.",
    ]


def test_html_hidden_menus_site_banners_and_furniture_are_not_text(tmp_path: Path, limits) -> None:
    """HAProxy's Bootstrap menu after every keyword mention and its sidebar; Exim's site
    banner h1, "nav" bar, previous/next links and footer; text styled or marked hidden."""
    path = tmp_path / "spec.html"
    path.write_text(
        "<html><body><h1 id='header'><a href='http://www.exim.org'>Exim Internet Mailer</a></h1>"
        "<ul id='nav_flow' class='nav'><li><a href='/'>Home</a></li></ul>"
        "<div id='sidebar'><p>Keyboard navigation : arrow keys</p></div>"
        "<a class='previous_page' href='a.html'>&lt;-previous</a>"
        "<h2><a href='ch-acl.html'>Chapter 44 - Access control lists</a></h2>"
        "<p>Settings of sockets declared in &quot;<span class='dropdown'><a href='#'>bind</a>"
        "<ul class='dropdown-menu'><li>This keyword is available in sections :</li>"
        "<li><a href='#p'>Peers</a></li></ul></span>&quot; statements.</p>"
        "<div hidden>Draft text.</div><div style='display: none'>Old text.</div>"
        "<div id='footer'>Website design by somebody.</div></body></html>"
    )
    document = load_document(path, limits)
    assert [(b.text, b.heading_path) for b in document.blocks] == [
        ('Settings of sockets declared in "bind" statements.',
         ("Chapter 44 - Access control lists",)),
    ]  # fmt: skip


def test_html_sphinx_sidebar_chapter_buttons_and_footer_are_not_text(
    tmp_path: Path, limits
) -> None:
    """A Sphinx theme whose sidebar has no role="navigation" (BorgBackup's): its table of
    contents had opened every page, and "© Copyright ... Created using Sphinx." and the
    previous/next chapter buttons had closed it."""
    path = tmp_path / "prune.html"
    path.write_text(
        "<html><body><div id='left-column'><div class='sphinxsidebar'>"
        "<a href='../index.html'>Borg 1.2.4</a><ul><li><a href='init.html'>borg init</a></li>"
        "</ul></div></div><div class='body'><h1>borg prune</h1>"
        "<p>Prune a repository by deleting archives.</p></div>"
        "<div class='footer-relations'><a href='delete.html'>borg delete</a></div>"
        "<div class='footer'>&copy; Copyright 2010-2023. Created using Sphinx.</div>"
        "</body></html>"
    )
    assert [(b.text, b.heading_path) for b in load_document(path, limits).blocks] == [
        ("Prune a repository by deleting archives.", ("borg prune",)),
    ]


def test_html_hidden_element_whose_end_tag_may_be_left_out_loses_nothing(
    tmp_path: Path, limits
) -> None:
    # "<p hidden>" closes at the next "<p>" without an end tag: skipped until "</p>", it
    # had taken the rest of the page with it (and "<li class='nav'>" the rest of its list)
    path = tmp_path / "page.html"
    path.write_text(
        "<p hidden>Draft text<p>Visible text one.<ul><li class='nav'>Home<li>Item two</ul>"
        "<p>Visible text two."
    )
    # read whole rather than lose the page: an optional-end element is never skipped
    assert [b.text for b in load_document(path, limits).blocks] == [
        "Draft text",
        "Visible text one.",
        "Home",
        "Item two",
        "Visible text two.",
    ]


def test_html_a_page_heading_that_links_elsewhere_stays_below_level_one(
    tmp_path: Path, limits
) -> None:
    # only an h1 made wholly of a link to another site is a banner
    path = tmp_path / "page.html"
    path.write_text(
        "<h1>Mail <a href='https://www.exim.org'>Exim</a></h1>"
        "<h2><a href='https://example.org/x'>Mirrors</a></h2><p>Use a mirror.</p>"
    )
    assert [b.heading_path for b in load_document(path, limits).blocks] == [
        ("Mail Exim", "Mirrors")
    ]


def test_html_table_without_header_cells_and_pictures_in_cells(tmp_path: Path, limits) -> None:
    """With no header cell anywhere, a first row is data unless it is in bold (Exim's key and
    value tables had named every row's columns after their first row); a picture in a cell
    reads as its alt text (HAProxy's keyword matrix marks "X" with an image)."""
    path = tmp_path / "tables.html"
    path.write_text(
        "<table><tr><td>acl_not_smtp</td><td>ACL for non-SMTP messages</td></tr>"
        "<tr><td>acl_smtp_auth</td><td>ACL for AUTH</td></tr></table>"
        "<table><tr><td><b>Text data</b></td><td><strong>Binary data</strong></td></tr>"
        "<tr><td>str</td><td>bytes</td></tr></table>"
        "<table><thead><tr><th>keyword</th><th>defaults</th><th>frontend</th></tr></thead>"
        "<tr><td>backlog</td><td><img src='check.png' alt='X'></td>"
        "<td>yes<br><img alt='yes'></td></tr>"
        "</table>"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "acl_not_smtp | ACL for non-SMTP messages",
        "acl_smtp_auth | ACL for AUTH",
        "Text data | Binary data",
        "Text data: str; Binary data: bytes",
        "keyword | defaults | frontend",
        "keyword: backlog; defaults: X; frontend: yes",
    ]


def test_html_table_names_in_a_plain_first_row_and_a_caption_across_the_header(
    tmp_path: Path, limits
) -> None:
    """asciidoctor's tables in NTPsec's pages: a first row of capitalised names in plain
    cells over two rows or more names the columns ("Item | Units | Description"); a header
    cell across every column is the table's caption ("The Mode Word"), and the row under it
    names the columns. Each had read as a row of data."""
    path = tmp_path / "tables.html"
    path.write_text(
        "<table><tr><td>Item</td><td>Units</td><td>Description</td></tr>"
        "<tr><td>49213</td><td>MJD</td><td>modified Julian day number</td></tr>"
        "<tr><td>3712.987</td><td>s</td><td>time past UTC midnight</td></tr></table>"
        "<table><thead><tr><th colspan='3'>The Mode Word</th></tr></thead><tbody>"
        "<tr><td>Bits</td><td>Value</td><td>Description</td></tr>"
        "<tr><td>0..1</td><td>0</td><td>IBT only operation</td></tr>"
        "<tr><td>0..1</td><td>1</td><td>Strict operation</td></tr></tbody></table>"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "Item | Units | Description",
        "Item: 49213; Units: MJD; Description: modified Julian day number",
        "Item: 3712.987; Units: s; Description: time past UTC midnight",
        "The Mode Word",
        "Bits | Value | Description",
        "Bits: 0..1; Value: 0; Description: IBT only operation",
        "Bits: 0..1; Value: 1; Description: Strict operation",
    ]


def test_html_icon_in_running_text_reads_as_its_name(tmp_path: Path, limits) -> None:
    """An icon in a sentence reads as its alt text (Wireshark's "configuration icon ()" had
    lost its name); a picture alone on its line is a figure, and decorations, file names
    (asciidoctor's default: the file's stem and icon size, "erc 24") and a <pre>'s callout
    marks add nothing."""
    path = tmp_path / "icons.html"
    path.write_text(
        "<p>Click the <img src='s.png' alt='Save'> button.</p>"
        "<p>Shown by an icon (<span><img alt='x capture options'></span>).</p>"
        "<li><img alt='Run'> starts a capture</li>"
        "<p>The main window:<br><img alt='Main window'></p>"
        "<p><img alt='Main window'></p>"
        "<p>A cassette <img alt='Image idle'> or <img alt='image4'> or "
        "<img alt='screenshot.png'> or <img alt='[Note]'> or <img alt='Tip'> or <img alt=''>"
        " or <img alt='erc 24'> appears.</p>"
        "<pre>virt-install <img alt='1'>\n  --name x</pre>"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "Click the Save button.",
        "Shown by an icon (x capture options).",
        "Run starts a capture",
        "The main window:",
        "A cassette or or or or or or appears.",
        "virt-install\n--name x",
    ]


def test_html_page_table_of_contents_is_dropped(tmp_path: Path, limits) -> None:
    """A page's own table of contents, marked as one (asciidoctor, DocBook, docutils) or a
    list or lines only of links to the page's anchors (Postfix's topic lists, fetchmail's
    FAQ index), is not read: its titles had been blocks matching questions by their words.
    A list of links to other pages, or with words of its own, is content."""
    path = tmp_path / "manual.html"
    path.write_text(
        "<body class='book toc2 toc-left'><h1>Manual</h1>"
        "<div id='toc' class='toc2'><div id='toctitle'>Table of Contents</div>"
        "<ul><li><a href='#_install'>1. Installing</a></li></ul></div>"
        "<div class='toc'><p><b>Table of Contents</b></p>"
        "<dl><dt><a href='ch02.html'>2. Upgrading</a></dt></dl></div>"
        "<div class='contents topic' id='contents'><p class='topic-title'>Contents</p>"
        "<ul class='simple'><li><a href='#install'>Install</a></li></ul></div>"
        "<p>This document covers the following topics:</p>"
        "<ul><li><a href='#install'>Installing</a><ul><li><a href='#deps'>Dependencies</a>"
        "</li></ul></li></ul>"
        "<h2 id='install'>1. Installing</h2><p>Run the installer.</p>"
        "<ul><li><a href='upgrade.html'>Upgrading</a></li><li><a href='faq.html'>FAQ</a></li>"
        "</ul>"
        "<ul><li>See <a href='#install'>Installing</a></li><li><a href='#deps'>Deps</a></li>"
        "</ul><h2>Questions</h2><a href='#G1'>G1. What is it?</a><br/>"
        "<a href='#G2'>G2. Where is it?</a><br/>"
        "<p><a href='#G1'>G1</a> is <a href='#G2'>G2</a>'s neighbour.</p></body>"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "This document covers the following topics:",
        "Run the installer.",
        "Upgrading",
        "FAQ",
        "See Installing",
        "Deps",
        "G1 is G2's neighbour.",  # lines only of such links, parted by <br>, are contents
    ]


def test_html_page_of_only_a_table_of_contents_still_loads(tmp_path: Path, limits) -> None:
    """A manual's front page that is nothing but its table of contents says what it lists,
    rather than loading as an empty document (an error)."""
    path = tmp_path / "index.html"
    path.write_text(
        "<h1>Guide</h1><div class='toc'><dl><dt><a href='ch01.html'>1. Start</a></dt>"
        "<dt><a href='ch02.html'>2. Use</a></dt></dl></div>"
    )
    assert [b.text for b in load_document(path, limits).blocks] == ["1. Start", "2. Use"]


def test_html_two_row_table_of_names_over_numbers_pairs_by_column(tmp_path: Path, limits) -> None:
    """With no header markup, a row of names over a row of numbers (KiCad's unit suffixes)
    pairs by column, as a reader reads it; two records stay two records."""
    path = tmp_path / "units.html"
    path.write_text(
        "<table><tr><td>k</td><td>meg</td><td>g</td></tr>"
        "<tr><td>10<sup>3</sup></td><td>10<sup>6</sup></td><td>10<sup>9</sup></td></tr>"
        "</table>"
        "<table><tr><td>eth0</td><td>1500</td></tr><tr><td>wlan0</td><td>1400</td></tr></table>"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "k | meg | g",
        "k: 10^3; meg: 10^6; g: 10^9",
        "eth0 | 1500",
        "wlan0 | 1400",
    ]


def test_html_prose_hard_wrapped_in_pre_is_unwrapped_and_code_is_not(
    tmp_path: Path, limits
) -> None:
    """HAProxy's manuals are text files shown in <pre>: a sentence wrapped at 80 columns is
    one line again (it had been cut into units at each line end). Commands, settings and a
    <pre><code> block keep their lines."""
    path = tmp_path / "configuration.html"
    path.write_text(
        "<pre class='text'>Sets how long a cached SSL session may remain valid. This time is\n"
        "expressed in seconds and defaults to 300 (5 min). It is important to understand\n"
        "that it does not guarantee that sessions will last that long.\n  \n"
        "A paragraph after a blank line is a block of its own, however long the line\n"
        "before it is on the page.\n\n"
        "Example :\n    tune.ssl.lifetime 600</pre>"
        "<pre>global\n    maxconn 4096 # the most connections at once, for all of them\n"
        "    tune.ssl.lifetime 300</pre>"
        "<pre><code>This line of words is in a code block and it must keep\n"
        "its own line breaks whatever it looks like to a reader.</code></pre>"
        "<pre class='programlisting'># Security updates\n"
        "deb http://security.debian.org/ bullseye-security main contrib non-free\n"
        "deb-src http://security.debian.org/ bullseye-security main contrib non-free\n\n"
        "# Stable updates\n"
        "deb https://deb.debian.org/debian bullseye-updates main contrib non-free\n"
        "deb-src https://deb.debian.org/debian bullseye-updates main contrib non-free</pre>"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "Sets how long a cached SSL session may remain valid. This time is expressed in "
        "seconds and defaults to 300 (5 min). It is important to understand that it does not "
        "guarantee that sessions will last that long.",
        "A paragraph after a blank line is a block of its own, however long the line before "
        "it is on the page.",
        "Example :\ntune.ssl.lifetime 600",
        "global\nmaxconn 4096 # the most connections at once, for all of them\n"
        "tune.ssl.lifetime 300",
        "This line of words is in a code block and it must keep\n"
        "its own line breaks whatever it looks like to a reader.",
        "# Security updates\n"
        "deb http://security.debian.org/ bullseye-security main contrib non-free\n"
        "deb-src http://security.debian.org/ bullseye-security main contrib non-free\n"
        "# Stable updates\n"
        "deb https://deb.debian.org/debian bullseye-updates main contrib non-free\n"
        "deb-src https://deb.debian.org/debian bullseye-updates main contrib non-free",
    ]


def test_html_footnotes_and_topics_are_text_and_a_sidebars_links_are_not(
    tmp_path: Path, limits
) -> None:
    # docutils' HTML5 writer (Sphinx) puts footnotes in <aside class="footnote"> and a
    # "topic" box (a part of the text set apart) in <aside class="topic">; a sidebar's list
    # of links to other pages is navigation, even a footnote's list of links is not
    path = tmp_path / "general.html"
    path.write_text(
        "<html><body><h1>Standards</h1>"
        "<p>BIND complies with RFC 1035 <a class='footnote-reference brackets' href='#f1'>"
        "1</a>.</p>"
        "<aside class='sidebar'><ul><li><a href='/related'>Related topics</a></li></ul>"
        "</aside>"
        "<aside class='topic'><p class='topic-title'>Finding a precise rule</p>"
        "<p>Run udevadm monitor and connect the drive.</p></aside>"
        "<aside class='footnote-list brackets'>"
        "<aside class='footnote brackets' id='f1' role='doc-footnote'>"
        "<span class='label'><span class='fn-bracket'>[</span>"
        "<a role='doc-backlink' href='#r1'>1</a><span class='fn-bracket'>]</span></span>"
        "<p>Queries to zones that have failed to load return SERVFAIL.</p>"
        "<ul><li><a href='https://example.org/rfc'>RFC 1035</a></li></ul></aside>"
        "</aside><p>The end.</p></body></html>",
        encoding="utf-8",
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "BIND complies with RFC 1035 1.",
        "Finding a precise rule",
        "Run udevadm monitor and connect the drive.",
        "[1] Queries to zones that have failed to load return SERVFAIL.",
        "RFC 1035",
        "The end.",
    ]


def test_html_a_sidebars_text_is_read_outside_main(tmp_path: Path, limits) -> None:
    # an intranet page's sidebar beside <main> holds what its readers ring or write to
    # ("HR is open Monday to Friday"); its lists of links to other pages are navigation
    path = tmp_path / "faq.html"
    path.write_text(
        "<html><body><header>SITE</header><aside class='sidebar'><h2>Pay pages</h2>"
        "<ul><li><a href='/pay'>Pay dates</a></li><li><a href='/forms'>Forms</a></li></ul>"
        "<h2>HR and payroll</h2><ul><li>Priya Castellan, 01632 960410</li></ul>"
        "<p>HR is open Monday to Friday, 09:00 to 17:00.</p></aside>"
        "<main><h1>HR FAQ</h1><p>Payday is the last Friday.</p></main></body></html>",
        encoding="utf-8",
    )
    assert [(b.text, b.heading_path) for b in load_document(path, limits).blocks] == [
        ("Priya Castellan, 01632 960410", ("HR and payroll",)),
        ("HR is open Monday to Friday, 09:00 to 17:00.", ("HR and payroll",)),
        ("Payday is the last Friday.", ("HR FAQ",)),
    ]


def test_html_code_line_numbers_are_not_code(tmp_path: Path, limits) -> None:
    # Pygments (Sphinx) numbers code lines in <span class="linenos"> inside the <pre>, or in
    # a table column of their own ("highlighttable"); read as text, "2$TTL 2d"
    path = tmp_path / "zones.html"
    path.write_text(
        "<html><body><p>An example zone file:</p>"
        "<div class='highlight'><pre><span></span><span class='linenos'>1</span>"
        "<span class='p'>$ORIGIN</span> example.com.\n<span class='linenos'>2</span>"
        "$TTL 2d\n</pre></div>"
        "<table class='highlighttable'><tr><td class='linenos'><div class='linenodiv'>"
        "<pre>1\n2</pre></div></td><td class='code'><div class='highlight'><pre>"
        'options {\n  directory "/var/cache/bind";\n</pre></div></td></tr></table>'
        "</body></html>",
        encoding="utf-8",
    )
    texts = [b.text for b in load_document(path, limits).blocks]
    assert texts[1:] == [
        "$ORIGIN example.com.\n$TTL 2d",
        'options {\ndirectory "/var/cache/bind";',  # (lines lose their indent, as in any <pre>)
    ]
