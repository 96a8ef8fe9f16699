"""Citation markers: parsing, validation against the sources given, snippets."""

from __future__ import annotations

from pocketrag.documents import Hit
from pocketrag.generation.citations import (
    best_snippet,
    build_citations,
    clean_markers,
    keep_cited_sentences,
    marker_numbers,
    renumber,
    split_sentences,
)


def hit(n: int, text: str, page: int | None = None) -> Hit:
    return Hit(n, f"doc{n}", f"handbook/doc{n}.pdf", f"Doc {n}", text, page, page, "Sec", 0.5)


SOURCES = [
    hit(1, "Annual leave is 25 days a year. Carry-over is capped at 5 days.", 3),
    hit(2, "Sick pay is full pay for 10 days.", 7),
]


def test_marker_forms() -> None:
    assert marker_numbers("a [1] b [1][2] c [1, 2] d [Source 2] e [3;4]") == [
        1,
        1,
        2,
        1,
        2,
        2,
        3,
        4,
    ]


def test_invalid_markers_are_dropped_and_reported() -> None:
    cited = clean_markers("Leave is 25 days [1][9]. Sick pay is full [2, 7]. Odd [9].", 2)
    assert cited.text == "Leave is 25 days [1]. Sick pay is full [2]. Odd."
    assert cited.used == [1, 2]
    assert cited.invalid == [9, 7]


def test_punctuation_the_document_spaces_stays_spaced() -> None:
    # only the space a dropped marker leaves goes; "* and?" and "the character:" had
    # changed what the manual says
    cited = clean_markers("The wildcard characters * and ? can be used [1]. Not : [7].", 2)
    assert cited.text == "The wildcard characters * and ? can be used [1]. Not :."


def test_no_valid_marker() -> None:
    cited = clean_markers("Leave is 25 days [0] [12].", 2)
    assert cited.used == [] and cited.text == "Leave is 25 days."


def test_citation_objects_carry_source_page_heading_and_best_snippet() -> None:
    citations = build_citations("Carry-over is capped at five days [1].", SOURCES)
    assert citations == [
        {
            "n": 1,
            "document_id": "doc1",  # for the link to GET /v1/documents/{id}/file
            "source": "handbook/doc1.pdf",
            "title": "Doc 1",
            "page_start": 3,
            "page_end": 3,
            "heading": "Sec",
            "from_scan": False,
            "snippet": "Carry-over is capped at 5 days.",
            "text": "Annual leave is 25 days a year. Carry-over is capped at 5 days.",
        }
    ]


def test_strict_keeps_only_cited_sentences() -> None:
    text, dropped = keep_cited_sentences(
        "Leave is 25 days [1]. I think it is generous. Sick pay [2]."
    )
    assert text == "Leave is 25 days [1]. Sick pay [2]."
    assert dropped == 1


def test_split_sentences_keeps_markers_after_full_stop() -> None:
    assert split_sentences("One. [1] Two [2]. Three") == ["One. [1]", "Two [2].", "Three"]


def test_an_abbreviation_does_not_end_a_sentence() -> None:
    text = (
        "Report a lost laptop to the IT Service Desk (ext. 4400) within 1 hour. "
        "Claim taxis only when needed, e.g. late at night. See clause No. 5 and p. 12. "
        "Can I go home? No. Someone must stay. Bring pens, paper, etc. and a laptop."
    )
    assert split_sentences(text) == [
        "Report a lost laptop to the IT Service Desk (ext. 4400) within 1 hour.",
        "Claim taxis only when needed, e.g. late at night.",
        "See clause No. 5 and p. 12.",
        "Can I go home?",
        "No.",
        "Someone must stay.",
        "Bring pens, paper, etc. and a laptop.",
    ]


def test_a_dotted_leader_does_not_end_a_sentence_but_an_ellipsis_does() -> None:
    # rows of a notice's contacts (oakhurst's) had been quoted cut from their names
    text = (
        "Hospital, Brindle Park ....... Priya Okafor RVN. Equine Clinic, Tarrow Farm ... "
        "James Whitlow MRCVS. We waited... Then it rang."
    )
    assert split_sentences(text) == [
        "Hospital, Brindle Park ....... Priya Okafor RVN.",
        "Equine Clinic, Tarrow Farm ... James Whitlow MRCVS.",
        "We waited...",
        "Then it rang.",
    ]


def test_an_initial_does_not_end_a_sentence_but_a_lettered_name_does() -> None:
    text = (
        "STEVEN E. MERCER, ESQ., argued for the Petitioner. Written by D. M. Bates and "
        "Donald E. Knuth. See Appendix A. This applies to all. Set the value Y. If not, stop."
    )
    assert split_sentences(text) == [
        "STEVEN E. MERCER, ESQ., argued for the Petitioner.",
        "Written by D. M. Bates and Donald E. Knuth.",
        "See Appendix A.",
        "This applies to all.",
        "Set the value Y.",
        "If not, stop.",
    ]


def test_renumber_in_order_of_first_use() -> None:
    text, order = renumber("B is true [3]. A is true [1][3]. Bad [7].", 3)
    assert text == "B is true [1]. A is true [2][1]. Bad."
    assert order == [3, 1]


def test_the_snippet_is_where_the_first_sentence_citing_it_is_quoted_from() -> None:
    """An answer quoting two sentences of one passage: the page highlights the first (the
    lead), not the one sharing most words with both together (the longer second one)."""
    second = "Unused leave days can be carried over into the next leave year, up to five days."
    source = hit(1, f"Leave is 25 days a year. {second}")
    answer = f"Leave is 25 days a year [1]. {second[:-1]} [1]."
    assert build_citations(answer, [source])[0]["snippet"] == "Leave is 25 days a year."


def test_a_snippet_from_a_list_item_has_no_bullet() -> None:
    source = (
        "Leave entitlement:\n- Full-time employees receive 25 days a year.\n- Part-time pro rata."
    )
    snippet = best_snippet(source, "Full-time employees receive 25 days a year [1].")
    assert snippet == "Full-time employees receive 25 days a year."
