"""The refusal names the closest sections once, in plain words, without the document's
title repeated inside its own heading path."""

from __future__ import annotations

from pocketrag.documents import Hit, heading_under_title
from pocketrag.generation.answerer import refusal_text


def hit(title: str, heading: str, page: int | None) -> Hit:
    return Hit(1, "d", f"{title}.pdf", title, "text", page, page, heading, 0.1)


def test_heading_under_title_drops_only_the_repeated_title() -> None:
    assert heading_under_title("Policy Manual", "Policy Manual > Policy Manual > Leave") == "Leave"
    assert heading_under_title("Policy Manual", "policy manual") == ""
    assert heading_under_title("Travel", "Booking > Travel") == "Booking > Travel"
    assert heading_under_title("Travel", "") == ""


def test_refusal_names_each_closest_section_once_in_plain_words() -> None:
    hits = [
        hit("Policy Manual", "Policy Manual > Booking leave", 3),
        hit("Policy Manual", "Policy Manual > Booking leave", 3),  # the same section again
        hit("Benefits Guide", "", None),
    ]
    assert refusal_text(hits) == (
        "I couldn't find this in the documents. The closest sections were: "
        "Policy Manual (Booking leave, page 3); Benefits Guide."
    )
