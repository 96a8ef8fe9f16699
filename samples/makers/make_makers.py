"""Render the PDF and DOCX documents of the Tollgate Makerspace corpus from samples/makers-src/.

samples/makers/ is the shared drive of an invented community makerspace (Tollgate
Makerspace), written blind for the held-out question set bench/answers/makers/: equipment
manuals and a members' price list rather than HR policies. The Markdown, text and HTML
documents are edited directly in this folder; the sources of the PDF and DOCX documents live
in samples/makers-src/ (outside this folder, so ingesting samples/makers does not index them
twice) and are rendered here:

- The laser cutter manual is a PDF made with reportlab's platypus layout (no earlier set used
  it: those used fpdf2 and headless Chromium): a running header and "Page n" footer, numbered
  procedures as indented flowables, WARNING callouts as shaded paragraphs, and the materials
  and error-code tables as reportlab Tables with a grid.
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles,
  List Bullet / List Number paragraphs, a grid table; fixed dates and zip timestamps).

reportlab is a tool for this generator only, not a pocketrag dependency: install it in your
own venv (`.venv/bin/pip install reportlab`). Its output is made deterministic here
(`rl_config.invariant`), but the committed files are the ones measured: re-run only to change
a document, and commit the output.

    .venv/bin/python samples/makers/make_makers.py [OUT_DIR]   (default: samples/makers)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "makers-src"
sys.path.insert(0, str(HERE.parent / "harbourview"))

import make_harbourview  # noqa: E402  (its Markdown parser and DOCX renderer)

ORG = "Tollgate Makerspace"
PDF_SOURCES = {"laser-cutter-manual": "Laser team, issue 4, January 2026"}
DOCX_SOURCES = ["wood-lathe-safety-sheet", "booking-and-fees-policy-2025"]


def inline(text: str) -> str:
    """Markdown **bold** -> reportlab <b>, with &, < and > escaped first."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)


def render_pdf(blocks: list[tuple], title: str, ref: str, out: Path) -> None:
    from reportlab import rl_config

    rl_config.invariant = 1  # fixed creation date and document id
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        ListFlowable,
        ListItem,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName="Times-Roman",
                          fontSize=10.5, leading=14, alignment=TA_LEFT, spaceAfter=5)  # fmt: skip
    warning = ParagraphStyle("warning", parent=body, fontName="Helvetica", fontSize=10,
                             backColor=colors.HexColor("#FFE8CC"), borderPadding=5,
                             leftIndent=5, rightIndent=5, spaceBefore=6, spaceAfter=10)  # fmt: skip
    cell = ParagraphStyle("cell", parent=body, fontName="Helvetica", fontSize=9, leading=11,
                          spaceAfter=0)  # fmt: skip
    head = {1: styles["Title"], 2: styles["Heading2"], 3: styles["Heading3"]}

    def page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica-Oblique", 8)
        canvas.drawString(20 * mm, A4[1] - 12 * mm, f"{ORG}  -  {title}")
        canvas.drawRightString(A4[0] - 20 * mm, A4[1] - 12 * mm, ref)
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    story: list = []
    for b in blocks:
        if b[0] == "h":
            story.append(Paragraph(inline(b[2]), head[b[1]]))
        elif b[0] == "p":
            if b[1].startswith("WARNING:"):
                text = "<b>WARNING:</b>" + inline(b[1][len("WARNING:") :])
                story.append(Paragraph(text, warning))
            else:
                story.append(Paragraph(inline(b[1]), body))
        elif b[0] in ("ul", "ol"):
            items = [ListItem(Paragraph(inline(t), body)) for t in b[1]]
            kind = {"bulletType": "bullet", "start": "-"} if b[0] == "ul" else {"bulletType": "1"}
            story.append(ListFlowable(items, leftIndent=16, bulletFontSize=10, **kind))
        elif b[0] == "table":
            rows = [[Paragraph(inline(c), cell) for c in row] for row in b[1]]
            table = Table(rows, repeatRows=1, hAlign="LEFT")
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))  # fmt: skip
            story += [table, Spacer(1, 8)]
    doc = SimpleDocTemplate(str(out), pagesize=A4, title=title, author=ORG,
                            leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                            bottomMargin=18 * mm)  # fmt: skip
    doc.build(story, onFirstPage=page, onLaterPages=page)


def main(out: Path = HERE) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, ref in PDF_SOURCES.items():
        blocks = make_harbourview.parse((SRC / f"{name}.md").read_text(encoding="utf-8"))
        title = make_harbourview.plain(next(b[2] for b in blocks if b[0] == "h"))
        render_pdf(blocks, title, ref, out / f"{name}.pdf")
        print("wrote", out / f"{name}.pdf")
    make_harbourview.render_docx_sources(SRC, DOCX_SOURCES, out, ORG)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
