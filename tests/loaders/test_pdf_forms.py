"""A filled PDF form: the typed answers are read beside their printed labels (pdf_forms).

The fixture is made as form software makes one: fpdf2 prints the labels, pypdf adds the
AcroForm and a widget per field holding its value (/V), with no appearance drawn."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from pocketrag.loaders import load_document
from pocketrag.settings_views import LoaderLimits

PAGE_HEIGHT = 841.89  # A4, in points
LABELS = ["Staff Trip Approval", "Ratio approved", "Decision: approved", "Risk assessment seen"]
LABELS += ["Notes", "Keep this form for 3 years."]


def _labels_pdf(path: Path) -> list[float]:
    """The printed page: each label on its own line; returns each line's baseline (from the
    top, in points)."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    baselines = [100.0 + 40 * i for i in range(len(LABELS) + 1)]
    for text, y in zip(LABELS, baselines, strict=False):
        pdf.text(60, y, text)
    pdf.output(str(path))
    return baselines


def _widget(writer: PdfWriter, baseline: float, entries: dict[str, object]) -> object:
    """A widget annotation on the band of the line at `baseline`, right of its label."""
    bottom = PAGE_HEIGHT - baseline - 4
    box = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/F"): NumberObject(4),
            NameObject("/Rect"): ArrayObject(
                [FloatObject(260), FloatObject(bottom), FloatObject(520), FloatObject(bottom + 16)]
            ),
        }
    )
    for key, value in entries.items():
        box[NameObject(key)] = value  # type: ignore[assignment]
    return writer._add_object(box)


def _text(name: str, value: str) -> dict[str, object]:
    return {"/FT": NameObject("/Tx"), "/T": TextStringObject(name), "/V": TextStringObject(value)}


def _tick(writer: PdfWriter, name: str, ticked: bool) -> dict[str, object]:
    state = NameObject("/Yes" if ticked else "/Off")
    looks = {NameObject(s): writer._add_object(StreamObject()) for s in ("/Yes", "/Off")}
    return {
        "/FT": NameObject("/Btn"),
        "/T": TextStringObject(name),
        "/V": state,
        "/AS": state,
        "/AP": DictionaryObject({NameObject("/N"): DictionaryObject(looks)}),
    }


def _form(tmp_path: Path) -> Path:
    blank = tmp_path / "labels.pdf"
    baselines = _labels_pdf(blank)
    writer = PdfWriter(clone_from=str(blank))
    unlabelled = {**_text("contact", "01632 960 111"), "/TU": TextStringObject("Trip contact")}
    widgets = [
        _widget(writer, baselines[1], _text("ratio", "1 to 6")),
        _widget(writer, baselines[2], _tick(writer, "approved", ticked=True)),
        _widget(writer, baselines[3], _tick(writer, "seen", ticked=False)),
        _widget(writer, baselines[4], _text("notes", "")),
        _widget(writer, baselines[-1], unlabelled),  # below the last line: nothing printed
    ]
    writer.pages[0][NameObject("/Annots")] = ArrayObject(widgets)
    writer.root_object[NameObject("/AcroForm")] = DictionaryObject(
        {
            NameObject("/Fields"): ArrayObject(widgets),
            NameObject("/NeedAppearances"): BooleanObject(True),
        }
    )
    path = tmp_path / "trip-approval.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


def test_a_filled_forms_values_are_read_beside_their_labels(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    texts = [b.text for b in load_document(_form(tmp_path), limits).blocks]
    assert "Ratio approved: 1 to 6" in texts
    assert "Decision: approved: yes" in texts
    # a box with nothing printed beside it is named by its tooltip, after the other fields
    assert "Trip contact: 01632 960 111" in texts
    assert texts.index("Trip contact: 01632 960 111") > texts.index("Ratio approved: 1 to 6")
    joined = "\n".join(texts)
    # an unticked box and an empty field add nothing; their labels stay as printed
    assert "Risk assessment seen" in joined and "Risk assessment seen:" not in joined
    assert "Notes:" not in joined
    assert "Keep this form for 3 years." in joined


def test_the_labels_alone_are_read_from_the_form_without_its_fields(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    """The printed page without the AcroForm: the same labels, no values (the difference
    above is the form's)."""
    blank = tmp_path / "labels.pdf"
    _labels_pdf(blank)
    joined = "\n".join(b.text for b in load_document(blank, limits).blocks)
    assert "Ratio approved" in joined and "1 to 6" not in joined
