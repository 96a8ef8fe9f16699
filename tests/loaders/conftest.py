"""Fixture files the loader tests build themselves, in tmp dirs."""

from __future__ import annotations

from pathlib import Path

import pytest

from pocketrag.config import load_settings
from pocketrag.settings_views import LoaderLimits


def loader_limits(**settings: object) -> LoaderLimits:
    """The loaders' view of the settings (defaults, with `settings` on top)."""
    return LoaderLimits.from_settings(load_settings(**settings))


@pytest.fixture
def limits(tmp_path: Path) -> LoaderLimits:
    return loader_limits(data_dir=tmp_path / "data")


def make_pdf(path: Path, pages: list[list[str]], rect_only: bool = False) -> Path:
    """A PDF with one page per entry, each line of text a cell (fpdf2)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        if rect_only:
            pdf.rect(20, 20, 100, 60, style="F")
        for line in lines:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    pdf.output(str(path))
    return path


def encrypt_pdf(source: Path, target: Path, password: str) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(source))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    with target.open("wb") as f:
        writer.write(f)
    return target


def make_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Staff Handbook", level=0)
    document.add_heading("Leave", level=1)
    document.add_paragraph("Employees receive 25 days of annual leave each year.")
    document.add_heading("Sick leave", level=2)
    document.add_paragraph("Report sickness to your manager before 10am.")
    table = document.add_table(rows=3, cols=2)
    for row, (a, b) in zip(
        table.rows, [("Band", "Days"), ("Junior", "20"), ("Senior", "30")], strict=True
    ):
        row.cells[0].text, row.cells[1].text = a, b
    document.add_paragraph("After the table comes this closing paragraph.")
    document.add_heading("Expenses", level=1)
    document.add_paragraph("Submit receipts within 30 days.")
    document.save(str(path))
    return path
