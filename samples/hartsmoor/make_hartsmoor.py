"""Render the PDF and DOCX documents of the Hartsmoor held-out corpus (samples/hartsmoor-src/).

samples/hartsmoor/ holds the staff shared drive of an invented English zoo and wildlife park
charity (Hartsmoor Wildlife Park, Stallbridge Road, Hartsmoor: big cats, primates, a reptile
house, the Home Farm and petting barn, aviaries and the Flight walkthrough, a vet team, visitor
services, education, grounds and estates; about 150 staff, 80 volunteers and 40 seasonal
staff), written blind in session 36 for the held-out question set bench/answers/hartsmoor/. The
Markdown, text and HTML documents are edited directly in this folder; the sources of the PDF
and DOCX documents live in samples/hartsmoor-src/ (outside this folder, so ingesting
samples/hartsmoor does not index them twice) and are rendered here with the existing renderers:

- the zoonoses, hand hygiene and PPE guidance is drawn in one column and the working at height
  safe system of work in two, with Tollgate's reportlab renderer;
- the PPE and uniform issue sheet is one reportlab page whose table has merged header cells
  (two replacement columns under one heading) and full-width section rows (Fellgate's
  `render_spanning` with Cobbleford's `header_spans`);
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles, grid
  tables; fixed dates and zip timestamps).

New in this set, drawn below (`render_commented`): the volunteer handbook 2027 is a Word draft
out for review, carrying reviewers' comments as Word keeps them: the comment text in
`word/comments.xml`, anchored in the body by `w:commentRangeStart`, `w:commentRangeEnd` and a
`w:commentReference` run. The comments question or propose changes; they are not the policy.
In the source a paragraph ending ` {cmN}` is anchored to comment N of COMMENTS below.

The other two new structures are edited by hand in samples/hartsmoor/: the summer staff
induction pack is Markdown holding a raw HTML `<table>` (shift times and hourly rates), and the
Big Cats section's local note on keys and lock-out is a plain-text notice as Windows Notepad
saves it in Windows-1252 with CRLF line ends (an en dash 0x96, curly quotes 0x92-0x94, a pound
sign 0xA3).

The reportlab and DOCX files are byte-identical between runs (no Chromium PDF in this set).

Needs python-docx (1.2 or later, for comments) and reportlab (a scratch venv such as
/tmp/penvenv with both, and fpdf2 for the Harbourview module's import):
    /tmp/penvenv/bin/python samples/hartsmoor/make_hartsmoor.py [OUT_DIR]
(default: samples/hartsmoor)
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "hartsmoor-src"
ORG = "Hartsmoor Wildlife Trust"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "zoonoses-hygiene-and-ppe": ("Hartsmoor Wildlife Park  |  Vet team  |  VET-03 Issue 3", 1),
    "working-at-height-in-aviaries": ("Hartsmoor Wildlife Park  |  SSW-12  |  Issue 2", 2),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"ppe-and-uniform-issue-2026": (48, 46, 34, 27, 27)}
COMMENTED_DOCX = "volunteer-handbook-2027-draft"
DOCX_SOURCES = [
    "dangerous-animals-and-escape-procedure",
    "dangerous-animals-and-escape-procedure-2023",
    COMMENTED_DOCX,
]
FIXED_ZIP_TIME = (2026, 11, 20, 9, 0, 0)
# comment number -> (author, initials, text)
COMMENTS = {
    1: (
        "Hannah Pryce",
        "HP",
        "Our insurer has asked whether we should raise this to 18 for all animal work. "
        "Can we discuss at the section leads' meeting?",
    ),
    2: (
        "Megan Price",
        "MP",
        "Farm would prefer 48 hours' notice, as we plan the feed round the day before.",
    ),
    3: (
        "Hannah Pryce",
        "HP",
        "Finance have proposed 40p a mile for volunteers from April to match the staff rate "
        "review. Not agreed yet.",
    ),
    4: (
        "Sophie Caird",
        "SC",
        "Could we offer 15% to volunteers with more than 100 hours? Happy to trial it.",
    ),
}
COMMENT_DATE = dt.datetime(2026, 11, 25, 10, 0, 0)


def render_commented(path: Path) -> None:
    """Anchor comment N of COMMENTS to the paragraph ending ` {cmN}`, the marker removed:
    python-docx writes word/comments.xml and the range marks and reference run."""
    d = docx.Document(str(path))
    added = 0
    for par in d.paragraphs:
        for number, (author, initials, text) in COMMENTS.items():
            marker = f" {{cm{number}}}"
            if not par.text.endswith(marker):
                continue
            last = par.runs[-1]
            assert last.text.endswith(marker), last.text
            last.text = last.text[: -len(marker)]
            comment = d.add_comment(par.runs, text=text, author=author, initials=initials)
            comment._comment_elm.set(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}date",
                COMMENT_DATE.strftime("%Y-%m-%dT%H:%M:%SZ"),
            )
            added += 1
    assert added == len(COMMENTS), added
    assert all("{cm" not in p.text for p in d.paragraphs), path
    buf = io.BytesIO()
    d.save(buf)
    make_dunmere.rezip(buf.getvalue(), path, FIXED_ZIP_TIME)
    print("added", added, "reviewers' comments to", path)


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(SRC, ORG, {}, DOCX_SOURCES, {}, REPORTLAB_PDFS, SPANNING_PDFS, out)
    render_commented(out / f"{COMMENTED_DOCX}.docx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
