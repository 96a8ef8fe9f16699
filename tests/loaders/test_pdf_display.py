"""Titles and headings set larger than the body text (loaders/pdf_display.py): a title
wrapped over two lines is one heading over the document, and a sentence-case heading over
numbered steps heads them (gaps the writers of the wexcombe question set reported on a
reportlab leaflet). Pages drawn here with fpdf2."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from pocketrag.loaders import pdf
from pocketrag.settings_views import LoaderLimits

BODY = [
    "Staff leaflet LIB-H3 for every library and the mobile library. Keep it by the counter",
    "at all times, and read it again whenever the fire drill comes round each term.",
]
STEPS = [
    "1. Call 999 for anyone who is unconscious, not breathing normally or has chest pain.",
    "2. Call for the first aider and send someone for the defibrillator by the counter.",
    "3. Send someone to meet the ambulance at the door.",
]


def _leaflet(path: Path, lines: list[tuple[float, str]]) -> Path:
    """One page: each (size, text) on a line of its own, top down."""
    document = FPDF(unit="pt", format="A4")
    document.add_page()
    y = 60.0
    for size, text in lines:
        document.set_font("Helvetica", size=size)
        y += 1.3 * size
        document.text(50, y, text)
    document.output(str(path))
    return path


def test_a_wrapped_title_and_headings_over_steps_head_their_text(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    lines = [(18.0, "Building emergencies:"), (18.0, "what to do")]
    lines += [(9.5, t) for t in BODY] + [(14.0, "Medical emergency")]
    lines += [(9.5, t) for t in STEPS] + [(14.0, "A missing child")]
    lines += [(9.5, "1. Get a description from the parent: name, age, clothes and where seen.")]
    doc = pdf.load(_leaflet(tmp_path / "leaflet.pdf", lines), limits)

    def path(start: str) -> tuple[str, ...]:
        return next(b.heading_path for b in doc.blocks if b.text.startswith(start))

    title = "Building emergencies: what to do"
    assert path("Staff leaflet") == (title,)
    assert path("1. Call 999") == (title, "Medical emergency")
    assert path("3. Send someone") == (title, "Medical emergency")
    assert path("1. Get a description") == (title, "A missing child")
    assert not any(b.text.startswith(("Building", "what to do", "Medical")) for b in doc.blocks)


def test_a_contents_page_first_is_no_title_over_the_document(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    # htmldoc prints the contents first: "Table of Contents" in the title's type had been
    # the document's title and the head of every heading path (the Xfig reference)
    lines = [(18.0, "Table of Contents"), (9.5, "Medical emergency - A missing child")]
    lines += [(18.0, "Building emergencies")] + [(9.5, t) for t in BODY]
    lines += [(14.0, "Medical emergency")] + [(9.5, t) for t in STEPS]
    doc = pdf.load(_leaflet(tmp_path / "manual.pdf", lines), limits)
    assert doc.title == "manual"
    assert doc.blocks[0].heading_path == ("Table of Contents",)  # the contents' own lines
    step = next(b for b in doc.blocks if b.text.startswith("1. Call 999"))
    assert step.heading_path == ("Medical emergency",)


def test_the_same_lines_in_body_type_stay_text(tmp_path: Path, limits: LoaderLimits) -> None:
    # what the type size says: set like the body, "Medical emergency" over numbered steps
    # reads as the paragraph it looks like to the text alone
    lines = [(9.5, t) for t in BODY] + [(9.5, "Medical emergency")] + [(9.5, t) for t in STEPS]
    doc = pdf.load(_leaflet(tmp_path / "plain.pdf", lines), limits)
    assert all(b.heading_path == () for b in doc.blocks)


def test_notation_set_large_is_no_heading(tmp_path: Path, limits: LoaderLimits) -> None:
    # LilyPond's noteheads and dynamics read as letters in a large notation font: "h h h"
    lines = [(9.5, BODY[0]), (20.0, "h h h a h"), (20.0, "pp N ff"), (9.5, BODY[1])]
    lines += [(14.0, "Medical emergency")] + [(9.5, t) for t in STEPS]
    doc = pdf.load(_leaflet(tmp_path / "music.pdf", lines), limits)
    headings = {h for b in doc.blocks for h in b.heading_path}
    assert headings == {"Medical emergency"}


def test_a_full_line_of_capitalised_words_under_a_heading_is_its_text(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    # holmbrack's two-column guide: the first line of a section's text reads like a title
    # ("The Designated Safeguarding Lead (DSL) is Priya"); read as a heading, it replaced
    # the one set larger above it, which was lost
    lines = [(18.0, "First Aid and Safeguarding Guide")] + [(9.5, t) for t in BODY]
    lines += [(14.0, "Safeguarding: who to tell")]
    lines += [(9.5, "The Designated Safeguarding Lead (DSL) Is Priya Halden Of The Office")]
    lines += [(9.5, "Team, extension 203. Out of hours, phone the duty manager, who can reach")]
    lines += [(9.5, "either of them at any time of the day or the night, on the duty phone.")]
    doc = pdf.load(_leaflet(tmp_path / "guide.pdf", lines), limits)
    block = next(b for b in doc.blocks if "Designated" in b.text)
    assert block.heading_path == ("First Aid and Safeguarding Guide", "Safeguarding: who to tell")
    assert block.text.startswith("The Designated Safeguarding Lead (DSL) Is Priya Halden")
