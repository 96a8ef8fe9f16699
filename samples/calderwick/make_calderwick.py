"""Render the PDF and DOCX documents of the Calderwick held-out corpus (samples/calderwick-src/).

samples/calderwick/ holds the staff shared drive of an invented building contractor in Askerdale,
an invented county in northern England (Calderwick Construction: new homes for housing
associations and developers and school extensions, run from Calderwick Yard in Hebbleton; about
260 staff: site managers, trades operatives, plant operators, apprentices, quantity surveyors, a
yard and fleet team and a small head office), written blind in session 32 for the held-out
question set bench/answers/calderwick/. The Markdown, text and HTML documents are edited directly
in this folder; the sources of the PDF and DOCX documents live in samples/calderwick-src/ (outside
this folder, so ingesting samples/calderwick does not index them twice) and are rendered here
with the existing renderers:

- the plant operators, pre-use checks and thorough examinations guide is printed from HTML by
  headless Chromium with Fernhill's print_pdf, with Chromium's running header and footer and
  the plant register running over a page break;
- the accidents, near misses and RIDDOR leaflet is drawn in two columns with Tollgate's
  reportlab renderer (running header, page numbers, a boxed WARNING callout, a who-to-tell
  table);
- the training and cards matrix is one reportlab page whose table has merged header cells (two
  refresher columns under one heading) and full-width section rows, drawn with Fellgate's
  `render_spanning` and Cobbleford's `header_spans`;
- DOCX files (the working at height and scaffolding policy and its superseded 2023 version, and
  the drug and alcohol policy) reuse the Harbourview renderer (Markdown subset -> Title/Heading
  styles, List Bullet / List Number paragraphs, grid tables; fixed dates and zip timestamps).
  The current working at height policy then gets a page header and footer and a table of
  contents from Dunmere's `add_header_footer_and_toc`.

New here, and drawn by `render_footnoted` below: the travel, lodging and tool allowances policy
is a DOCX with footnotes, as Word writes them. In the source, `[^1]` in the text is a footnote's
mark and a line `[^1]: text` at the end is its text; the mark becomes a superscript run holding
a `w:footnoteReference`, and the text a `w:footnote` in word/footnotes.xml (after Word's
separator and continuation separator), tied to the document by a relationship and a content
type. The footnotes carry facts the body does not repeat (where travel time is measured from,
the passenger rate, the Friday night, the insurance excess, ...): a reader takes them as part of
the text, each where its mark stands.

Chromium's output is not byte-identical between runs, so the committed plant guide PDF is the
one measured: re-run only to change a document, and commit the output. The reportlab and DOCX
files are byte-identical between runs.

Needs python-docx and reportlab (a scratch venv such as /tmp/corrvenv with both, and fpdf2 for
the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/corrvenv/bin/python samples/calderwick/make_calderwick.py [OUT_DIR]
(default: samples/calderwick)
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
import zipfile
from pathlib import Path

from docx.oxml import parse_xml

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "calderwick-src"
ORG = "Calderwick Construction"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

make_harbourview = make_dunmere.make_fernhill.make_harbourview

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"plant-operators-checks-and-examinations": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "accidents-near-misses-and-riddor": (
        "Calderwick Construction  |  Leaflet CC-HS9  |  September 2026",
        2,
    ),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"training-and-cards-matrix-2026": (42, 44, 44, 26, 26)}
DOCX_SOURCES = [
    "working-at-height-and-scaffolding-policy",
    "working-at-height-and-scaffolding-policy-2023",
    "drug-and-alcohol-policy",
]
# DOCX name -> (page header, page footer); these also get a table of contents
HEADED_DOCX = {
    "working-at-height-and-scaffolding-policy": (
        "Calderwick Construction  |  Working at Height and Scaffolding Policy  |  CC/HS/04 v5",
        "Uncontrolled when printed. Check the shared drive for the current version.",
    ),
}
FOOTNOTED = "travel-lodging-and-tool-allowances-policy"
FIXED_ZIP_TIME = (2026, 2, 2, 9, 0, 0)
NOTE_MARK = re.compile(r"\[\^(\w+)\]")
NOTE_TEXT = re.compile(r"^\[\^(\w+)\]:\s*(.*)$")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FOOTNOTES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Notes:
    """Turns `[^label]` marks into numbered footnote references, in reading order."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def add_runs(self, par, text: str) -> None:
        """Harbourview's add_runs, with each `[^label]` mark as a superscript run holding a
        w:footnoteReference."""
        for k, part in enumerate(NOTE_MARK.split(text)):
            if k % 2 == 0:
                if part:
                    ORIGINAL_ADD_RUNS(par, part)
                continue
            number = self.ids.setdefault(part, len(self.ids) + 1)
            par._p.append(
                parse_xml(
                    f'<w:r {W}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:footnoteReference w:id="{number}"/></w:r>'
                )
            )


ORIGINAL_ADD_RUNS = make_harbourview.add_runs


def _footnotes_xml(notes: list[tuple[int, str]]) -> bytes:
    """word/footnotes.xml: Word's separator (-1) and continuation separator (0), then each
    note as a paragraph opening on its superscript w:footnoteRef mark."""
    parts = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W}>',
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>",
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>",
    ]
    for number, text in notes:
        parts.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {_esc(text)}'
            "</w:t></w:r></w:p></w:footnote>"
        )
    parts.append("</w:footnotes>")
    return "".join(parts).encode("utf-8")


def render_footnoted(out: Path) -> None:
    """The travel, lodging and tool allowances policy: Harbourview's DOCX renderer with the
    source's footnote marks as w:footnoteReference runs and its footnote lines in
    word/footnotes.xml (with its relationship and content type)."""
    lines = (SRC / f"{FOOTNOTED}.md").read_text(encoding="utf-8").splitlines()
    texts = {m.group(1): m.group(2) for m in map(NOTE_TEXT.match, lines) if m}
    body = "\n".join(line for line in lines if not NOTE_TEXT.match(line)) + "\n"
    notes = _Notes()
    make_harbourview.add_runs = notes.add_runs
    try:
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / f"{FOOTNOTED}.md").write_text(body, encoding="utf-8")
            make_harbourview.render_docx_sources(Path(tmp), [FOOTNOTED], out, ORG)
    finally:
        make_harbourview.add_runs = ORIGINAL_ADD_RUNS
    assert set(notes.ids) == set(texts), (sorted(notes.ids), sorted(texts))
    numbered = sorted((number, texts[label]) for label, number in notes.ids.items())
    path = out / f"{FOOTNOTED}.docx"
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    files = {info.filename: src.read(info.filename) for info in src.infolist()}
    files["word/footnotes.xml"] = _footnotes_xml(numbered)
    rels = files["word/_rels/document.xml.rels"].decode("utf-8")
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rId90" Type="{FOOTNOTES_TYPE}" Target="footnotes.xml"/>'
        "</Relationships>",
    )
    files["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    types = files["[Content_Types].xml"].decode("utf-8")
    types = types.replace(
        "</Types>",
        f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_CONTENT}"/></Types>',
    )
    files["[Content_Types].xml"] = types.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files, key=lambda x: x != "[Content_Types].xml"):
            entry = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(entry, files[name])
    print("added", len(numbered), "footnotes to", path)


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(
        SRC, ORG, CHROMIUM_PDFS, DOCX_SOURCES, HEADED_DOCX, REPORTLAB_PDFS, SPANNING_PDFS, out
    )
    render_footnoted(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
