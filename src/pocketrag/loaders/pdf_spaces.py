"""Word spaces PDFium missed. A producer that justifies lines by moving words rather than by
stretching space characters (groff's man pages: bash.pdf) leaves some gaps without a space
character, and PDFium's guess misses the narrower ones: "operator.The", "theyare read",
"anyredirections" (about one word in 30 of the bash man page). Such words cannot be
searched for or quoted as typed.

A line's own spaces say how wide a word space is on it (a justified line's are all alike):
a gap between two characters at least RATIO as wide as the line's narrowest space is a
word space too. The gap is measured between the characters' advance boxes (PDFium's loose
boxes), which touch within a word whatever the glyphs' shapes; only lines with
MIN_SPACES spaces of their own are judged, so a title or a table header set letter by
letter (a slide's "Cyber security") is left as PDFium reads it.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# A gap at least this share of the line's narrowest word space is one more word space...
RATIO = 0.75
# ...and at least this wide (in ems of the font size): closer characters are one word.
MIN_GAP_EM = 0.15
# Lines with fewer spaces of their own give no measure of a word space.
MIN_SPACES = 2
# Two characters are on one line when their baselines are this close (in ems).
BASELINE_SLACK_EM = 0.3

Box = tuple[float, float, float, float]  # left, right, bottom, font size


def spaced(raw: str, textpage: pdfium.PdfTextPage) -> str:
    """`raw` (the page's text) with a space wherever a word gap has none."""
    if textpage.count_chars() != len(raw):
        return raw  # the text and the characters must line up one to one
    gaps: list[int] = []
    start = 0
    for end in [*(i for i, c in enumerate(raw) if c in "\r\n"), len(raw)]:
        gaps += _line_gaps(raw, textpage, start, end)
        start = end + 1
    if not gaps:
        return raw
    out, last = [], 0
    for i in gaps:
        out += [raw[last:i], " "]
        last = i
    out.append(raw[last:])
    return "".join(out)


def _line_gaps(raw: str, textpage: pdfium.PdfTextPage, start: int, end: int) -> list[int]:
    """Indexes in raw[start:end] of characters that a missed word space precedes."""
    if raw.count(" ", start, end) < MIN_SPACES:
        return []
    boxes = [_box(textpage, i) if not raw[i].isspace() else None for i in range(start, end)]
    spaces: list[float] = []
    joined: list[tuple[int, float]] = []
    for k in range(1, len(boxes)):
        if (after := boxes[k]) is None:
            continue
        # the gap over one of the line's spaces, or between two characters with none
        space = boxes[k - 1] is None and k >= 2 and raw[start + k - 1] == " "
        before = boxes[k - 2] if space else boxes[k - 1]
        if before is None or (gap := _gap(before, after)) is None:
            continue
        if space:
            spaces.append(gap)
        else:
            joined.append((start + k, gap))
    if len(spaces) < MIN_SPACES:
        return []
    floor = max(MIN_GAP_EM, RATIO * min(spaces))
    return [i for i, gap in joined if gap >= floor]


def _gap(before: Box, after: Box) -> float | None:
    """The horizontal gap between two characters on one baseline, in ems; None when they
    are not side by side on one line."""
    size = after[3] or before[3]
    if size <= 0 or abs(after[2] - before[2]) > BASELINE_SLACK_EM * size:
        return None
    return (after[0] - before[1]) / size


def _box(textpage: pdfium.PdfTextPage, i: int) -> Box | None:
    """Character i's advance box; None for one PDFium made up (its word spaces, which
    pdf_underscores may have turned into "_") or without a box."""
    rect = pdfium_c.FS_RECTF()
    if pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1:
        return None
    if not pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, rect):
        return None
    return rect.left, rect.right, rect.bottom, pdfium_c.FPDFText_GetFontSize(textpage.raw, i)
