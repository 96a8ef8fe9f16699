"""A PDF with a paragraph, a four-column table (fpdf2's table(): a real grid) and a closing
paragraph, shared by the loader and the answer tests."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

LAYOFFS = [
    ("Northwind Traders", "Fresno", "120", "Layoff"),
    ("Contoso Pharmaceuticals", "Oakland", "85", "Closure"),
    ("Fabrikam Motors", "Torrance", "3000", "Closure"),
    ("Tailspin Toys", "San Jose", "42", "Layoff"),
]


def make_table_pdf(path: Path, rows: list[tuple[str, ...]] | None = None) -> Path:
    rows = rows or [("Company", "City", "Employees", "Layoff or closure"), *LAYOFFS]
    document = FPDF()
    document.set_font("Helvetica", size=11)
    document.add_page()
    document.multi_cell(
        0,
        6,
        "The state publishes every notice of a mass layoff or closure it receives. "
        "The notices received this month are listed in the table below.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    document.ln(4)
    with document.table() as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    document.ln(4)
    document.multi_cell(
        0, 6, "Notices are kept for three years after the layoff date.", new_x="LMARGIN"
    )
    document.output(str(path))
    return path
