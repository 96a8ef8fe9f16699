"""Leaflets set in two narrow columns (reportlab): reading order around a table in one
column, headings wrapped in a column, numbered steps and the lines of a wrapped sentence
(gaps the writers of the pennock and dunmere question sets reported)."""

from __future__ import annotations

from pathlib import Path

from pocketrag.loaders import pdf
from pocketrag.settings_views import LoaderLimits

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
EMERGENCIES = SAMPLES / "pennock" / "emergencies-at-work.pdf"
BOATS = SAMPLES / "saltmarsh" / "boat-operations-safety-leaflet.pdf"


def _first(texts: list[str], start: str) -> int:
    return next(i for i, t in enumerate(texts) if t.startswith(start))


def test_a_table_in_one_column_stays_among_that_columns_text(limits: LoaderLimits) -> None:
    # the other column's top stands above the table but comes after it in the file: it had
    # been read before the table, and the rest of the table's own column after it
    texts = [b.text for b in pdf.load(EMERGENCIES, limits).blocks]
    order = [
        _first(texts, "The fire warden brings the day's staff signing-in sheet"),
        _first(texts, "Site: Pennock, ground floor; Fire warden: Carol Beddows"),
        _first(texts, "Fire alarms are tested every Monday at 8:15am"),
        _first(texts, "Every consulting room and both reception desks"),
        _first(texts, "When the alarm goes off, the nearest two members of staff"),
    ]
    assert order == sorted(order)
    boats = [b.text for b in pdf.load(BOATS, limits).blocks]
    assert (
        "• Tell the skipper in confidence about any medical condition that could affect you "
        "at sea. Nobody under 16 goes on board."
    ) in boats


def test_numbered_steps_and_wrapped_lines_are_no_headings(limits: LoaderLimits) -> None:
    blocks = pdf.load(EMERGENCIES, limits).blocks
    # "5. Ring ... on 01632" / "960 630. If ...": the fifth step, after the fourth
    step = next(b for b in blocks if b.text.startswith("5. Ring Dalesway Occupational Health"))
    assert step.text.startswith("5. Ring Dalesway Occupational Health on 01632 960 630.")
    # "5. Needlestick and sharps" / "injuries": one heading over its steps
    assert step.heading_path[-1] == "5. Needlestick and sharps injuries"
    # "Pennock Vale Surgery and Hollinbeck Branch" / "Surgery. Staff leaflet E-2, ...": a
    # sentence wrapped, not a heading over it
    assert blocks[0].text.startswith(
        "Pennock Vale Surgery and Hollinbeck Branch Surgery. Staff leaflet E-2, revised"
    )


def test_headings_over_bullets_and_wrapped_in_a_column_head_their_text(
    limits: LoaderLimits,
) -> None:
    boats = pdf.load(BOATS, limits).blocks
    bullet = next(b for b in boats if b.text.startswith("• Everyone on board must complete"))
    assert bullet.heading_path[-1] == "Training and fitness"
    essentials = pdf.load(SAMPLES / "millbrook" / "health-and-safety-essentials.pdf", limits)
    report = next(b for b in essentials.blocks if b.text.startswith("Report every accident"))
    assert report.heading_path[-1] == "6. Reporting accidents and near misses"
