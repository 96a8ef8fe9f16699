"""Which questions lean on the conversation, and which stand on their own."""

import pytest

from pocketrag.generation.condense import condense_heuristic, looks_like_follow_up

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
