"""The refusal names the closest sections once, in plain words, without the document's
title repeated inside its own heading path."""

from __future__ import annotations

import pytest

from pocketrag.documents import Hit, display_names, heading_under_title, title_without_site_suffix
from pocketrag.generation.answerer import refusal_text


def hit(title: str, heading: str, page: int | None) -> Hit:
    return Hit(1, "d", f"{title}.pdf", title, "text", page, page, heading, 0.1)


def test_heading_under_title_drops_only_the_repeated_title() -> None:
    assert heading_under_title("Policy Manual", "Policy Manual > Policy Manual > Leave") == "Leave"
    assert heading_under_title("Policy Manual", "policy manual") == ""
    assert heading_under_title("Travel", "Booking > Travel") == "Booking > Travel"
    assert heading_under_title("Travel", "") == ""


@pytest.mark.parametrize(
    ("title", "first_heading", "expected"),
    [
        ("Expenses | Larkfield Intranet", "Expenses policy", "Expenses"),
        ("Larkfield Intranet - Expenses policy", "Expenses policy", "Expenses policy"),
        ("Travel - booking rules", "Booking", "Travel - booking rules"),
        ("Home · Staff Portal", "", "Home"),
        ("Benefits Guide", "Benefits Guide", "Benefits Guide"),
    ],
)
def test_title_without_site_suffix(title: str, first_heading: str, expected: str) -> None:
    assert title_without_site_suffix(title, first_heading) == expected


def test_display_names_drop_the_suffix_and_the_repeated_title() -> None:
    assert display_names(
        "Code of Conduct | Larkfield Intranet", "Code of Conduct > 4. Bribery and corruption"
    ) == ("Code of Conduct", "4. Bribery and corruption")


def test_refusal_names_each_closest_section_once_in_plain_words() -> None:
    hits = [
        hit("Policy Manual", "Policy Manual > Booking leave", 3),
        hit("Policy Manual", "Policy Manual > Booking leave", 3),  # the same section again
        hit("Benefits Guide", "", None),
        hit("Code of Conduct | Larkfield Intranet", "Code of Conduct > Gifts", None),
    ]
    assert refusal_text(hits) == (
        "I couldn't find this in the documents. The closest sections were: "
        "Policy Manual (Booking leave, page 3); Benefits Guide."
    )
    assert refusal_text(hits[2:]) == (
        "I couldn't find this in the documents. The closest sections were: "
        "Benefits Guide; Code of Conduct (Gifts)."
    )
