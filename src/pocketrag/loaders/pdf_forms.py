"""A filled PDF form's answers, as "Label: value" lines in the page's text.

A form's printed page holds only its labels ("Activity", "Ratio approved"); what was typed
into it is the value of each widget annotation's field, which a page's text layer never
holds. PDFium's form API reads the values (pypdfium2 `init_forms`, FPDFAnnot_*). Each value
is named by the printed text to the left of its box on the same band, as a reader pairs
them; a box with nothing printed beside it is named by its field's tooltip or name.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pocketrag.loaders._common import clean_inline
from pocketrag.loaders.pdf_grid import TableRow

_CHECKABLE = (pdfium_c.FPDF_FORMFIELD_CHECKBOX, pdfium_c.FPDF_FORMFIELD_RADIOBUTTON)
_TEXTUAL = (
    pdfium_c.FPDF_FORMFIELD_TEXTFIELD,
    pdfium_c.FPDF_FORMFIELD_COMBOBOX,
    pdfium_c.FPDF_FORMFIELD_LISTBOX,
)
# A hostile form can hold any number of widgets on a page: more than a real form's are not
# read (the page's text budget bounds their length as it bounds the page's).
MAX_FIELDS_PER_PAGE = 500


class Field(NamedTuple):
    label: str
    value: str


def has_form(pdf: pdfium.PdfDocument) -> bool:
    return pdfium_c.FPDF_GetFormType(pdf.raw) != pdfium_c.FORMTYPE_NONE


def filled(
    pdf: pdfium.PdfDocument, page: pdfium.PdfPage, textpage: pdfium.PdfTextPage
) -> list[Field]:
    """The page's filled fields, top to bottom (PDF coordinates rise up the page). `pdf` must
    have had `init_forms()` before its pages were loaded."""
    if not pdf.formenv:
        return []
    form = pdf.formenv.raw
    found: list[tuple[float, float, Field]] = []
    count = min(pdfium_c.FPDFPage_GetAnnotCount(page.raw), MAX_FIELDS_PER_PAGE)
    for i in range(count):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) != pdfium_c.FPDF_ANNOT_WIDGET:
                continue
            value = _value(form, annot)
            if not value:
                continue
            rect = pdfium_c.FS_RECTF()
            if not pdfium_c.FPDFAnnot_GetRect(annot, rect):
                continue
            printed = clean_inline(textpage.get_text_bounded(0, rect.bottom, rect.left, rect.top))
            label = printed or clean_inline(
                _utf16(pdfium_c.FPDFAnnot_GetFormFieldAlternateName, form, annot)
                or _utf16(pdfium_c.FPDFAnnot_GetFormFieldName, form, annot)
            )
            found.append((-rect.top, rect.left, Field(label, value)))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return [field for _, _, field in sorted(found)]


def _value(form: object, annot: object) -> str:
    """A text or choice field's value; "yes" for a ticked box; "" for an empty or unticked
    one (an unfilled form says nothing)."""
    kind = pdfium_c.FPDFAnnot_GetFormFieldType(form, annot)
    if kind in _CHECKABLE:
        return "yes" if pdfium_c.FPDFAnnot_IsChecked(form, annot) else ""
    if kind in _TEXTUAL:
        return clean_inline(_utf16(pdfium_c.FPDFAnnot_GetFormFieldValue, form, annot))
    return ""


def _utf16(read: Callable[..., int], *args: object) -> str:
    """PDFium's UTF-16LE string getters: asked for the size first, then filled."""
    size = read(*args, None, 0)
    if size <= 2:
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    read(*args, buffer, size)
    return bytes(buffer).decode("utf-16-le", errors="replace").rstrip("\x00")


def merged(lines: list[str], fields: list[Field]) -> list[str]:
    """The page's lines with each field's label line holding its value ("Ratio approved: 1
    to 6"), a block of its own as a table row is; a field whose label is no line of its own
    goes after the previous field's line (after the page's last line for the first)."""
    out = list(lines)
    after = len(out)
    for field in fields:
        line = TableRow(f"{field.label}: {field.value}" if field.label else field.value)
        spot = next((i for i, x in enumerate(out) if x == field.label), None)
        if spot is None:
            out.insert(after, line)
            after += 1
        else:
            out[spot] = line
            after = spot + 1
    return out
