"""Example questions from section headings: readable, topical, spread over documents."""

from __future__ import annotations

from pocketrag.suggestions import question_for, suggest


def test_question_for_a_section() -> None:
    assert (
        question_for("Business Travel Policy", "1. Before you travel > 1.2 Booking")
        == "What does the Business Travel Policy say about booking?"
    )
    assert (
        question_for("Code of Conduct | Larkfield Intranet", "Code of Conduct > 4. Gifts")
        == "What does the Code of Conduct say about gifts?"
    )
    assert (
        question_for("Data Protection Policy", "RETENTION")
        == "What does the Data Protection Policy say about retention?"
    )
    assert (
        question_for("IT Guide", "Generative AI tools")
        == "What does the IT Guide say about generative AI tools?"
    )
    assert question_for("Benefits Guide", "Contacts") is None  # names no topic
    assert question_for("Benefits Guide", "Benefits Guide") is None  # only the title again


def test_suggest_spreads_over_documents() -> None:
    headings = [(f"Policy {d}", f"Topic {d}.{s}") for d in range(8) for s in range(3)]
    questions = suggest(headings, 4)
    assert len(questions) == 4
    assert len({q.split(" say about ")[0] for q in questions}) == 4
    assert suggest([], 4) == []
    assert suggest([("Benefits Guide", "Contacts")], 4) == []
