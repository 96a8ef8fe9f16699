"""Which questions lean on the conversation, and which stand on their own."""

import pytest

from pocketrag.generation.condense import condense, condense_heuristic, looks_like_follow_up

HISTORY = [
    ("user", "How long do I have to submit an expense claim?"),
    ("assistant", "Within 30 days [1]."),
]


@pytest.mark.parametrize(
    "question",
    [
        "And for contractors?",
        "What about part-timers?",
        "Does it apply to interns?",
        "Can I carry them over?",
        "Why?",
        "How long does the first one keep them?",  # a reference among four content words
        "Is it safe to just go with whatever it decides?",
    ],
)
def test_follow_ups_get_the_previous_question(question: str) -> None:
    assert looks_like_follow_up(question)
    standalone = condense_heuristic(HISTORY, question)
    # the user's own words lead (the answer is about them), the topic follows for retrieval
    assert standalone.startswith(question) and HISTORY[0][1] in standalone


@pytest.mark.parametrize(
    "question",
    [
        "Is there an office dog policy?",  # existential "there" points at nothing
        "Can one carry annual leave over to next year?",
        "How many days of sick leave do I get before a doctor's note is needed?",
        "ok, different thing: when was policy 4.5.0 released?",  # the user says it is new
        "Different question: what's the default deadlock_timeout?",
        "Is it true that part-time staff get their leave pro rata to their hours?",
    ],
)
def test_new_topics_stand_on_their_own(question: str) -> None:
    assert not looks_like_follow_up(question)
    assert condense_heuristic(HISTORY, question) == question


@pytest.mark.parametrize(
    ("lead_in", "asked"),
    [
        ("Different question: ", "what's the default deadlock_timeout?"),
        ("Unrelated, but ", "where's the fire assembly point?"),
        ("New topic - ", "how many failed sign-ins lock an account?"),
        ("OK, and on another subject, ", "what's the bar's licence number?"),
        ("Switching topics completely: ", "does it apply to interns?"),
        # no lead-in, or nothing left to ask without it: the question as typed
        ("", "By default, how often does the UPS test itself?"),
        ("", "Another question about leave: how many days?"),
        ("", "Different question: why?"),
    ],
)
def test_a_lead_in_changing_the_subject_is_no_part_of_the_question(
    lead_in: str, asked: str
) -> None:
    # searched and weighed with "different", "switching" and "topics" as words of the
    # question that no passage holds, answerable questions had been hedged; the rest stands
    # alone even where it would read as a follow-up ("does it apply ...")
    assert condense(HISTORY, lead_in + asked) == (asked, "none")
    assert condense([], lead_in + asked) == (asked, "none")
