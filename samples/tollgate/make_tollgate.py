"""Render the PDF and DOCX documents of the Tollgate held-out corpus from samples/tollgate-src/.

samples/tollgate/ is the shared drive of an invented community makerspace (Tollgate
Makerspace): equipment manuals and procedures, written blind for the held-out question set
bench/answers/tollgate/. The Markdown, text and HTML documents are edited directly in this
folder; the sources of the PDF and DOCX documents live in samples/tollgate-src/ (outside this
folder, so ingesting samples/tollgate does not index them twice) and are rendered here:

- PDFs are drawn with reportlab's platypus (not fpdf2 or Chromium, unlike the earlier sets):
  the laser cutter manual on A4 with a running header and "Page n" footer, numbered
  procedures, boxed WARNING callouts (a paragraph starting "WARNING:" in the source) and a
  ruled materials table that runs over a page break with its header repeated; the lathe
  safety sheet in two columns (two frames per page) with the same callouts and a speed table.
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles,
  List Bullet / List Number paragraphs, a grid table; fixed dates and zip timestamps).

reportlab is a generator tool, not a pocketrag dependency: install it into the venv by hand
(`.venv/bin/pip install reportlab`). The output is made with reportlab's invariant mode, but
the committed files are the ones measured: re-run only to change a document, and commit it.

    .venv/bin/python samples/tollgate/make_tollgate.py [OUT_DIR]   (default: samples/tollgate)
"""

from __future__ import annotations

import re
import sys
from html import escape
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "tollgate-src"
sys.path.insert(0, str(HERE.parent / "harbourview"))

import make_harbourview  # noqa: E402  (its Markdown parser and DOCX renderer)

rl_config.invariant = 1  # fixed creation date and document id
# PDF name -> (running header, columns per page)
PDF_SOURCES = {
    "laser-cutter-manual": ("Ferrox LC-6040 Operating Manual  |  LC-OM-03 rev. C", 1),
    "wood-lathe-safety-sheet": ("Tollgate Makerspace  |  Wood Workshop  |  Safety sheet WS-02", 2),
}
DOCX_SOURCES = ["induction-and-booking-rules-2026", "maintenance-schedule"]

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", STYLES["BodyText"], fontSize=9.5, leading=12.5, spaceAfter=5)
ITEM = ParagraphStyle("item", BODY, leftIndent=14, firstLineIndent=-10, spaceAfter=3)
CELL = ParagraphStyle("cell", BODY, fontSize=8, leading=10, spaceAfter=0)
HEAD = {1: STYLES["Heading1"], 2: STYLES["Heading2"], 3: STYLES["Heading3"]}
WARNING = ParagraphStyle(
    "warning", BODY, borderWidth=1.5, borderColor=colors.black, borderPadding=6,
    backColor=colors.HexColor("#fff3c4"), spaceBefore=8, spaceAfter=12,
)  # fmt: skip


def markup(text: str) -> str:
    """Source text -> reportlab paragraph markup (escaped, **bold** -> <b>)."""
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escape(text, quote=False))


def flowables(blocks: list[tuple], width: float) -> list:
    out: list = []
    for b in blocks:
        if b[0] == "h":
            out.append(Paragraph(markup(b[2]), HEAD[b[1]]))
        elif b[0] == "p":
            style = WARNING if b[1].startswith("WARNING:") else BODY
            out.append(Paragraph(markup(b[1]), style))
        elif b[0] in ("ul", "ol"):
            for n, item in enumerate(b[1], 1):
                mark = "&bull;" if b[0] == "ul" else f"{n}."
                out.append(Paragraph(f"{mark}&nbsp;{markup(item)}", ITEM))
            out.append(Spacer(1, 4))
        elif b[0] == "table":
            rows = [[Paragraph(markup(c), CELL) for c in row] for row in b[1]]
            table = Table(rows, colWidths=[width / len(rows[0])] * len(rows[0]), repeatRows=1)
            table.setStyle(
                TableStyle([
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ])
            )  # fmt: skip
            out += [table, Spacer(1, 8)]
    return out


def render_pdf(blocks: list[tuple], title: str, header: str, columns: int, out: Path) -> None:
    margin, gap = 18 * mm, 8 * mm
    width = (A4[0] - 2 * margin - (columns - 1) * gap) / columns
    height = A4[1] - 2 * margin - 10 * mm
    frames = [
        Frame(margin + i * (width + gap), margin, width, height, id=f"col{i}")
        for i in range(columns)
    ]

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica-Oblique", 7.5)
        canvas.drawRightString(A4[0] - margin, A4[1] - 12 * mm, header)
        canvas.setFont("Helvetica", 7.5)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    doc = BaseDocTemplate(str(out), pagesize=A4, title=title, author="Tollgate Makerspace")
    doc.addPageTemplates([PageTemplate(frames=frames, onPage=decorate)])
    doc.build(flowables(blocks, width))


def render_sources(src: Path, pdfs: dict[str, tuple[str, int]], out: Path) -> None:
    """Each Markdown source `name` in `src` -> out/name.pdf, with its (running header,
    columns per page): the riverside and millbrook sets' leaflets."""
    for name, (header, columns) in pdfs.items():
        blocks = make_harbourview.parse((src / f"{name}.md").read_text(encoding="utf-8"))
        title = make_harbourview.plain(next(b[2] for b in blocks if b[0] == "h"))
        render_pdf(blocks, title, header, columns, out / f"{name}.pdf")
        print("wrote", out / f"{name}.pdf")


def main(out: Path = HERE) -> None:
    out.mkdir(parents=True, exist_ok=True)
    make_harbourview.ORG = "Tollgate Makerspace"  # the DOCX author in core properties
    for name in [*PDF_SOURCES, *DOCX_SOURCES]:
        blocks = make_harbourview.parse((SRC / f"{name}.md").read_text(encoding="utf-8"))
        title = make_harbourview.plain(next(b[2] for b in blocks if b[0] == "h"))
        if name in PDF_SOURCES:
            header, columns = PDF_SOURCES[name]
            render_pdf(blocks, title, header, columns, out / f"{name}.pdf")
            print("wrote", out / f"{name}.pdf")
        else:
            make_harbourview.render_docx(blocks, title, out / f"{name}.docx")
            print("wrote", out / f"{name}.docx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
