"""Extractive answers with the real embedder over hand-built hits."""

from __future__ import annotations

import re

import numpy as np
import pytest

from pocketrag.documents import Hit
from pocketrag.generation.citations import clean_markers, split_sentences
from pocketrag.generation.extractive import HEDGE, NOTICE, _read_on, choose_units, compose
from pocketrag.generation.passages import units
from pocketrag.generation.ranking import Candidate, Ranked, candidate_units, rank_candidates
from pocketrag.generation.wording import (
    asked_acronym,
    changed_figures,
    conflicting_quantities,
    content_words,
    lexical_overlap,
    names_other_than,
    names_unmentioned,
    numbers_in,
    quantities,
    spells_out,
    states_code,
    states_number,
    stem_overlap,
    wants_code,
    wants_list,
)

pytestmark = pytest.mark.slow

BENEFITS = """All eligible employees are covered by private medical insurance with Meridian Health \
from their first day of employment. The company pays the full cost of cover for the employee.
You can add your partner and children to the policy at your own cost.
| Cover added | Monthly cost to you |
|---|---|
| Partner | £38.00 |
| Children (all children under 21) | £22.00 |
| Partner and children | £55.00 |
To make a claim, call Meridian Health before booking treatment."""
LEAVE = """The leave year runs from 1 January to 31 December.
- Full-time employees receive 25 days of paid annual leave each leave year, in addition to \
public holidays.
- After every two complete years of continuous service you receive one extra day, up to a \
maximum of 29 days.
Your current balance is always shown on the Leave page in PeopleHub."""
TRAVEL = "Book rail travel in standard class. First class is allowed for journeys over 3 hours."


def hits() -> list[Hit]:
    return [
        Hit(1, "a", "annual-leave.md", "Annual leave", LEAVE, None, None, "Entitlement", 0.1),
        Hit(2, "b", "benefits.docx", "Benefits", BENEFITS, 2, 2, "Medical", 0.1),
        Hit(3, "c", "travel.pdf", "Travel", TRAVEL, 1, 1, "Rail", 0.1),
    ]


def test_table_rows_are_read_with_their_header() -> None:
    texts = [c.text for c in candidate_units(hits())]
    assert "Cover added: Partner; Monthly cost to you: £38.00" in texts
    assert not any("---" in t for t in texts)
    assert "The leave year runs from 1 January to 31 December." in texts


@pytest.mark.parametrize(
    ("question", "must_contain", "source_n"),
    [
        ("How many days of annual leave do I get?", "25 days", 1),
        ("What is the maximum annual leave with long service?", "29 days", 1),
        ("How much does it cost to add my partner to medical insurance?", "£38.00", 2),
        ("Can I travel first class by train?", "First class", 3),
    ],
)
def test_best_sentence_answers_and_every_sentence_is_cited(
    embedder, question, must_contain, source_n
) -> None:
    text = compose(question, hits(), embedder.embed).text
    body, notice = text.rsplit("\n\n", 1)
    assert notice == f"({NOTICE})"
    assert must_contain in body
    assert len(body) <= 600  # short
    sentences = split_sentences(body)
    assert 1 <= len(sentences) <= 4
    for sentence in sentences:  # (no list units here: every sentence carries its marker)
        assert re.search(r"\[\d\]", sentence), sentence
    cited = clean_markers(body, 3)
    assert cited.invalid == [] and source_n in cited.used


SHARED = "Tell your manager as soon as possible."
SICK = f"Sickness absence\n{SHARED}"  # two-word lines are not quoted, but give context
TRAIN = f"Train bookings\n{SHARED}"


def test_the_quoted_document_is_the_one_whose_text_answers_not_the_top_ranked(embedder) -> None:
    """The same sentence sits in a travel chunk ranked first and in a sickness chunk ranked
    second: the answer quotes the sickness policy (its chunk is the better context; a bonus
    for the top-ranked document, the previous rule, quoted the travel policy)."""
    ranked_hits = [
        Hit(1, "t", "travel.pdf", "Travel", TRAIN, 2, 2, "Rail", 0.2),
        Hit(2, "s", "sick-leave.md", "Sickness absence", SICK, None, None, "Reporting", 0.1),
    ]
    text = compose("Who do I tell when I'm off sick?", ranked_hits, embedder.embed).text
    cited = clean_markers(text.rsplit("\n\n", 1)[0], 2)
    assert cited.used == [2], text


TOOLS = [  # a tools list: each tool a section whose text is a short phrase
    Hit(10, "t", "tools.md", "Tools We Use", text, None, None, f"Tools We Use > {name}", 0.1)
    for name, text in [
        ("Slack", "For team chat. And sharing cat videos."),
        ("Rollbar", "Our exception monitoring and logging platform."),
        ("GoDaddy", "Domain registration."),
    ]
]


def test_a_sentence_under_a_name_in_code_is_quoted_with_the_name() -> None:
    """A definition list's entry read as a heading and its text (a PDF manual's variables):
    the definition does not repeat the name a question about it asks for."""
    line = "The contents of the readline line buffer, for use with bind -x."
    texts = [
        c.text
        for c in candidate_units(
            [
                Hit(1, "b", "bash.pdf", "bash", line, 9, 9, "RANDOM > READLINE_LINE", 0.1),
                Hit(2, "b", "bash.pdf", "bash", line, 9, 9, "Shell Variables > Readline", 0.1),
                Hit(3, "n", "npm.md", "npm", "Run without writing.", None, None, "--dry-run", 0.1),
            ]
        )
    ]
    assert texts == [f"READLINE_LINE: {line}", line, "--dry-run: Run without writing."]


def test_a_short_phrase_under_a_name_is_quoted_with_the_name() -> None:
    texts = [c.text for c in candidate_units(TOOLS)]
    assert "Slack: For team chat." in texts
    assert "Rollbar: Our exception monitoring and logging platform." in texts
    assert "GoDaddy: Domain registration." in texts  # two words alone would be dropped
    # a name made of words the phrase uses apart still names something else
    hit = Hit(
        12,
        "m",
        "menu.md",
        "Menu",
        "Tetris-like games with falling blocks.",
        None,
        None,
        "Menu > Games/Blocks",
        0.1,
    )
    assert [c.text for c in candidate_units([hit])] == [
        "Games/Blocks: Tetris-like games with falling blocks."
    ]


def test_a_sentence_of_its_own_keeps_no_label() -> None:
    hit = Hit(11, "r", "travel.md", "Travel", TRAVEL, None, None, "Travel > Rail", 0.1)
    assert next(c.text for c in candidate_units([hit])) == "Book rail travel in standard class."


APPROVALS = """Expense claims over 1,000 pounds need a second approval before payment.
Claims over 1,000 pounds are approved by the Finance Director."""


def test_who_questions_prefer_the_unit_that_names_someone(embedder) -> None:
    hit = Hit(12, "e", "expenses.md", "Expenses", APPROVALS, None, None, "Approval", 0.1)
    extract = compose("Who approves expense claims over 1,000 pounds?", [hit], embedder.embed)
    assert "Finance Director" in extract.key  # the sentence the answer turns on


COURSES = """The following courses are mandatory and are assigned automatically in Brightpath:
Data protection (GDPR) refresher – every year;
Security awareness – every year;
Manual handling – every 3 years, field staff only.
Mandatory training does not use your learning budget. Overdue training blocks approvals."""


def _lists(hit: Hit) -> list[str]:
    return [c.text for c in candidate_units([hit]) if c.kind == "list"]


def test_items_that_lost_their_bullets_stay_with_their_lead_in() -> None:
    hit = Hit(13, "m", "training.docx", "Training", COURSES, None, None, "Mandatory", 0.1)
    lists = _lists(hit)
    assert lists == [
        "The following courses are mandatory and are assigned automatically in Brightpath:\n"
        "- Data protection (GDPR) refresher – every year;\n"
        "- Security awareness – every year;\n"
        "- Manual handling – every 3 years, field staff only."
    ]


ENTERTAINMENT = """Client entertainment must be approved in advance by a Director.
The limit is €60 per head (£50 in the UK), including drinks.
Gifts to clients are covered by the Code of Conduct, not by this policy."""


def test_the_figure_asked_for_joins_an_answer_that_lacks_it(embedder) -> None:
    hit = Hit(14, "x", "expenses.docx", "Expenses", ENTERTAINMENT, None, None, "Clients", 0.1)
    question = "What is the spending limit for client entertainment?"
    text = compose(question, [hit], embedder.embed).text
    assert "€60" in text


def test_a_clause_number_is_no_figure() -> None:
    """ "8.2 ... a limit stricter than the statutory limit." states no limit (so the next
    sentence, which does, may join the answer), and two clauses numbered differently do not
    disagree on that account."""
    assert not states_number("8.2 For safety-critical roles we set a stricter limit.")
    assert states_number("8.2 The limit is 9 micrograms in 100 millilitres of breath.")
    assert numbers_in("6.1 Confirm that you have read the Code every year.") == set()
    assert numbers_in("4.4 No more than 8 hours of overtime a week.") == {"8"}


def test_a_pointer_or_the_verb_may_is_no_figure() -> None:
    """ "as set out in clause 4.2" points elsewhere and "Staff may ..." is a verb: neither
    answers "What is the number?", so the unit that gives the number joins the answer."""
    assert not states_number("Absence Line: the number to call, as set out in clause 4.2.")
    assert not states_number("Staff may take their break at any time.")
    assert states_number("The Absence Line is 01632 960 333.")
    assert states_number("The office closes in May.")
    assert numbers_in("Overtime is paid as in clause 7.3 at 1.5 times the rate.") == {"1.5"}


ABSENCE = """Absence Line: the telephone number an Employee must call to report Sickness \
Absence, as set out in clause 4.2.
Rolling Period: the 12 months immediately before the most recent day of Sickness Absence.
Self-Certification Period: the first seven calendar days of any period of Sickness Absence.
4.1 An Employee who is unable to attend work must tell their Line Manager before their shift.
4.2 If the Line Manager cannot be reached, the Employee must call the Absence Line on \
01632 960 333, which is answered from 07:00."""


def test_the_number_asked_for_is_not_a_clause_reference(embedder) -> None:
    """The definition points to clause 4.2 for the number; the clause gives it."""
    hit = Hit(15, "s", "sickness.docx", "Sickness", ABSENCE, None, None, "Definitions", 0.1)
    extract = compose("What is the number of the Absence Line?", [hit], embedder.embed)
    assert "01632 960 333" in extract.key


MINUTES = """Minutes of the meeting held on Tuesday 24 November 2026, in the training room.
Minutes: Ffion Delahaye (Training Coordinator)."""


def test_a_date_is_no_name() -> None:
    asked = content_words("Who took the minutes?")
    assert not names_other_than(MINUTES.splitlines()[0], asked)
    assert names_other_than(MINUTES.splitlines()[1], asked)


def test_a_how_to_question_ranks_the_command_above_prose_on_the_subject(embedder) -> None:
    """ "How do I ...?" in a program's documentation is answered by a word of code, which
    the prose about the subject lacks; the small model ranks the prose first on its own."""
    text = (
        "A loghost is easy to set up. Start its syslogd with -r and point the other machines at it."
    )
    hit = Hit(16, "l", "harden.txt", "Securing Debian", text, None, None, "Loghost", 0.1)
    ranked = rank_candidates(
        "How do I make one machine collect everyone's logs?", [hit], embedder.embed
    )
    assert ranked[0].candidate.text.startswith("Start its syslogd with -r")


def test_words_of_code_and_the_questions_that_ask_for_them() -> None:
    assert wants_code("How do I book a room?") and wants_code("Which option turns it off?")
    assert not wants_code("What is the default port?")
    asked = "how do i collect logs with syslogd"
    for code in ("syslogd -r", "set lowmem=1", "in /etc/openvpn", "BASH_SOURCE", "${#name}"):
        assert states_code(code, asked), code
    for prose in ("staff and/or volunteers, e.g. cleaners", "a well-known part-time rule"):
        assert not states_code(prose, asked), prose
    assert not states_code("start syslogd", asked)  # the question's own word


def test_a_dates_day_is_a_figure_with_its_month() -> None:
    """ "1 November" and "1 October" are two values, not one "1" (a verb "may" is no month)."""
    assert numbers_in("The ballot opens on 1 November, closes on 30th November.") == {
        "1 nov",
        "30 nov",
    }
    assert numbers_in("Returns are due by March 31, 2027.") == {"31 mar", "2027"}
    assert numbers_in("Up to 4 people may attend.") == {"4"}


def test_two_policies_giving_a_date_differently_are_both_shown(embedder) -> None:
    policy = Hit(31, "lv", "leave-policy-2022.docx", "Attendance and Leave Policy 2022",
                 "1.4 The annual leave ballot for the following year opens on 1 November and "
                 "closes on 30 November.", None, None, "Annual leave", 0.1)  # fmt: skip
    handbook = Hit(32, "hb", "staff-handbook.md", "Staff Handbook",
                   "The annual leave ballot for next year opens on 1 October and closes on "
                   "30 October.", None, None, "Annual leave", 0.1)  # fmt: skip
    text = compose("When does the annual leave ballot open?", [policy, handbook],
                   embedder.embed).text  # fmt: skip
    assert text.startswith("The documents differ on this"), text
    assert "1 November" in text and "1 October" in text


COMMITTEE = """The Chief Executive has overall responsibility for health and safety.
The Health and Safety Committee meets quarterly. It is chaired by the Harbour Master, \
Captain Ian Trewin, and includes safety representatives nominated by the trade union.
Every employee must report hazards and near misses."""


def test_a_sentence_that_goes_on_by_a_pronoun_follows_the_one_it_continues(embedder) -> None:
    hit = Hit(16, "hs", "safety.docx", "Safety", COMMITTEE, None, None, "Responsibilities", 0.1)
    text = compose("Who chairs the Health and Safety Committee?", [hit], embedder.embed).text
    assert "meets quarterly [1]. It is chaired by the Harbour Master, Captain Ian Trewin" in text


CHECKS = """An offer of employment is always conditional on satisfactory pre-employment checks. \
These are:
1. Proof of the right to work in the UK.
2. Two satisfactory references covering at least the last 3 years.
3. A basic Disclosure and Barring Service (DBS) check for all posts."""


def test_a_short_lead_in_leads_in_with_the_sentence_before_it() -> None:
    hit = Hit(17, "rc", "recruitment.md", "Recruitment", CHECKS, None, None, "Checks", 0.1)
    lists = _lists(hit)
    assert lists == [
        "An offer of employment is always conditional on satisfactory pre-employment checks. "
        "These are:\n- Proof of the right to work in the UK.\n"
        "- Two satisfactory references covering at least the last 3 years.\n"
        "- A basic Disclosure and Barring Service (DBS) check for all posts."
    ]


def test_a_hedged_answer_quotes_the_closest_passage_not_only_its_best_sentence(embedder) -> None:
    hit = Hit(18, "hs", "safety.docx", "Safety", COMMITTEE, None, None, "Responsibilities", 0.1)
    question = "Who chairs the Health and Safety Committee?"
    text = compose(question, [hit], embedder.embed, hedged=True).text
    assert text.startswith(HEDGE)
    assert "Captain Ian Trewin" in text


SLIDES = """NIST Common Attack Vectors, cont.
• Impersonation: An attack that replaces something benign with something malicious. \
\uf0a7 Spoofing \uf0a7 Rogue access points • Improper Usage: Any incident resulting from a \
violation of acceptable use policies.

NIST and The National Cybersecurity Center of Excellence (NCCoE) • Established in 2012 \
• Identifies cybersecurity challenges in healthcare"""


def test_a_slides_flattened_bullets_are_its_list_under_its_title() -> None:
    """A PDF text layer flattens a slide's bullets into one line (symbol-font sub-bullets
    included); a title repeated with "cont." is a heading, and an unpunctuated title leads
    the items after it."""
    hit = Hit(19, "sl", "slides.pdf", "Slides", SLIDES, 4, 4, "NIST Common Attack Vectors", 0.1)
    units = candidate_units([hit])
    texts = [c.text for c in units]
    assert not any(t.startswith("NIST Common Attack Vectors, cont") for t in texts)
    assert "NIST and The National Cybersecurity Center of Excellence (NCCoE)" not in texts
    assert [c.text for c in units if c.kind == "list"] == [
        "NIST Common Attack Vectors:\n"
        "- Impersonation: An attack that replaces something benign with something malicious. "
        "Spoofing; Rogue access points\n"
        "- Improper Usage: Any incident resulting from a violation of acceptable use policies.",
        "NIST and The National Cybersecurity Center of Excellence (NCCoE):\n"
        "- Established in 2012\n- Identifies cybersecurity challenges in healthcare",
    ]


MEALS = """The following rates apply from 1 April 2025.
| Item | Rate or limit | Conditions |
|---|---|---|
| Breakfast | Up to £8.50 | Leaving home before 06:30 |
| Lunch | Up to £10.00 | Away from your normal workplace for more than 5 hours |
| Evening meal | Up to £25.00 | Returning home after 19:30 |
| Hotel, London (bed and breakfast) | Up to £160 per night | Booked through the travel service |"""


def test_a_follow_ups_own_words_count_by_meaning(embedder) -> None:
    """ "what about dinner?" after a breakfast question: the evening meal row, which shares
    no word with it, not the breakfast row again. The row alone and the whole table stand
    within 0.01 of each other, and which comes first turns on the int8 graph's rounding
    (7-bit weights on CPUs without VNNI, embedding/cpu.py): either quotes the dinner limit."""
    hit = Hit(21, "tr", "travel.docx", "Travel", MEALS, None, None, "Rates and limits", 0.1)
    follow_up = "what about dinner?"
    question = f"{follow_up} (What's the limit for breakfast when I travel for work?)"
    ranked = rank_candidates(question, [hit], embedder.embed, focus=follow_up)
    best = ranked[0].candidate
    assert "Item: Evening meal; Rate or limit: Up to £25.00" in best.text
    assert best.kind == "table" or best.text.startswith("Item: Evening meal")


def test_a_list_item_that_only_names_a_thing_is_not_quoted_alone() -> None:
    text = (
        "What Is a Plan?\n• Incident Response Policy\n• Established in 2012\n• Ann Lee, Treasurer"
    )
    hit = Hit(22, "pl", "slides.pdf", "Slides", text, 5, 5, "What Is a Plan?", 0.1)
    alone = [c.text for c in candidate_units([hit]) if c.kind == "sentence"]
    assert alone == ["Established in 2012", "Ann Lee, Treasurer"]


BANDS = """Allowances from 1 April 2026.
| Pay band | Evening shift (£ per shift) | Saturday (£ per hour) | Standby (£ per 24 hours) |
|---|---|---|---|
| Band 1 | 11.20 | 2.10 | 28.00 |
| Band 2 | 12.40 | 2.35 | 28.00 |
| Band 3 | 13.60 | 2.60 | 32.00 |
| Band 4 | 14.90 | 2.85 | 32.00 |
| Band 5 | 16.30 | 3.15 | 36.50 |
| Band 6 | 17.80 | 3.45 | 36.50 |"""


@pytest.mark.parametrize("band", ["1", "3", "4", "6"])
def test_the_row_the_question_names_is_quoted_without_its_neighbours(embedder, band: str) -> None:
    """Rows of one table embed alike, and other rows' figures hold the band's number too
    ("3.15"): the row whose first cell the question names is quoted, not the rows around
    it, which differ only in their figures."""
    hit = Hit(23, "al", "allowances.pdf", "Allowances", BANDS, 1, 1, "Allowances", 0.1)
    text = compose(f"What is the standby allowance for Band {band}?", [hit], embedder.embed).text
    quoted = re.findall(r"Pay band: Band (\d)", text)
    assert quoted == [band]


def test_the_answer_starts_with_the_passage_it_is_built_on(embedder) -> None:
    """A runner-up from an earlier-ranked chunk of the same policy (a side rule) comes after
    the sentence that answers, not before it."""
    buying = "Once a year, during the January purchase window (1 to 31 January), you may buy \
up to 5 extra days of leave. Ask your manager before you buy."
    entitlement = "Full-time employees receive 25 days of paid annual leave each leave year, \
in addition to public holidays. Part-time employees receive a pro-rata entitlement."
    hits = [
        Hit(
            24,
            "al",
            "annual-leave.md",
            "Annual leave",
            buying,
            None,
            None,
            "Buying extra leave",
            0.2,
        ),
        Hit(
            25,
            "al",
            "annual-leave.md",
            "Annual leave",
            entitlement,
            None,
            None,
            "Your entitlement",
            0.1,
        ),
    ]
    extract = compose("How many days of annual leave do I get?", hits, embedder.embed)
    assert extract.text.startswith("Full-time employees receive 25 days")
    assert "buy up to 5 extra days" in extract.text  # the side rule, after it


WORKSHOP = """The workshop provides safety equipment free of charge. On the workshop floor the \
following rules apply:
safety glasses must be worn by anyone within 3 metres of a running lathe or saw;
steel-toe boots must be worn at all times in the timber store;
ear defenders must be worn when the dust extractor is running.
Visitors to the workshop floor must be escorted and given the same safety equipment."""


def test_a_question_asking_for_several_things_is_answered_with_the_list(embedder) -> None:
    """The short last sentence shares the question's words best, but the question asks what
    is required (several things): the lead-in and its items answer, and the sentence, one
    of those items, is not quoted twice."""
    hit = Hit(17, "ws", "workshop.docx", "Workshop", WORKSHOP, None, None, "Equipment", 0.1)
    text = compose("What safety equipment is required on the workshop floor?", [hit],
                   embedder.embed).text  # fmt: skip
    for item in ("safety glasses", "steel-toe boots", "ear defenders"):
        assert item in text
    assert text.count("Visitors to the workshop floor") <= 1


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What PPE is required in operational areas?", True),
        ("Which expenses are not reimbursed?", True),
        ("what do I need to include with a claim", True),
        ("how do I start up the laser cutter", True),  # a procedure: its steps
        ("what do i do if the laser catches fire", True),
        ("What is the mileage rate?", False),  # a figure
        ("How many days of leave do I get?", False),
        ("Who approves overtime?", False),
    ],
)
def test_questions_that_ask_for_several_things(question: str, expected: bool) -> None:
    assert wants_list(question) is expected


PATERNITY_2022 = """Paternity leave is two weeks, taken in one block.
Paternity pay: the Trust pays 1 week at full pay.
The second week, if taken, is paid at the statutory rate of paternity pay."""
PATERNITY_2026 = """From 1 September the Trust improves family pay.
Paternity pay is now 2 weeks at full pay (previously only the first week was at full pay)."""


@pytest.mark.parametrize(
    "question", ["what paternity pay does the trust pay?", "what is paternity pay"]
)
def test_a_newer_figure_is_compared_with_the_older_documents_figure(embedder, question) -> None:
    """The older policy's sentence most like the newer one ("The second week ... statutory
    rate") states no figure; the one that does ("1 week at full pay") is its counterpart,
    so the two documents are shown as differing instead of quoting the old rule alone."""
    old = Hit(18, "p22", "family-leave-2022.docx", "Family Leave Policy", PATERNITY_2022,
              None, None, "Paternity", 0.1)  # fmt: skip
    new = Hit(19, "p26", "changes-email.txt", "Changes to family pay", PATERNITY_2026,
              None, None, "", 0.1)  # fmt: skip
    text = compose(question, [old, new], embedder.embed).text
    assert text.startswith("The documents differ on this:")
    assert "1 week at full pay" in text and "2 weeks at full pay" in text


STANDBY_RATES = """Allowance: Weekday standby (Monday to Thursday night); Who: Repairs operatives; \
Rate: £18.50 per night
Allowance: Weekend standby (Friday to Monday); Who: Repairs operatives; Rate: £95.00 per weekend"""
STANDBY_EMAIL = """Subject: Changes to standby pay from 1 November
The weekday standby allowance for repairs operatives (Monday to Thursday nights) goes up \
from £18.50 to £21.00 per night. The weekend rate does not change."""


def test_a_change_from_the_old_figure_is_a_disagreement(embedder) -> None:
    """An e-mail that says the rate "goes up from £18.50 to £21.00" states the table's
    figure and one more, which alone would read as agreeing ("one figure more"); a change
    from the figure the other document states means that document is out of date."""
    table = Hit(30, "pay", "pay-and-allowances.pdf", "Pay and Allowances", STANDBY_RATES,
                3, 3, "Standby", 0.1)  # fmt: skip
    email = Hit(31, "mail", "standby-changes.txt", "Changes to standby pay", STANDBY_EMAIL,
                None, None, "", 0.1)  # fmt: skip
    question = "What is the weekday standby allowance for repairs operatives?"
    text = compose(question, [table, email], embedder.embed).text
    assert text.startswith("The documents differ on this")
    assert "£18.50 per night [1]" in text and "to £21.00 per night [2]" in text


STANDBY_EMAIL_LATER = """Subject: On-call changes from 1 December
Until 30 November the weekday standby allowance for repairs operatives stays at £18.50 per night.
From 1 December the weekday standby allowance for repairs operatives goes up from £18.50 to \
£21.00 per night."""


def test_a_change_below_the_other_documents_best_sentence_is_still_seen(embedder) -> None:
    """The e-mail's best sentence for the question is often another of its sentences (here
    one restating the old figure, which agrees with the table); its change of the table's
    figure is what disagrees, wherever it ranks among the e-mail's sentences."""
    table = Hit(30, "pay", "pay-and-allowances.pdf", "Pay and Allowances", STANDBY_RATES,
                3, 3, "Standby", 0.1)  # fmt: skip
    email = Hit(31, "mail", "on-call-changes.txt", "On-call changes", STANDBY_EMAIL_LATER,
                None, None, "", 0.1)  # fmt: skip
    question = "What is the weekday standby allowance for repairs operatives?"
    text = compose(question, [table, email], embedder.embed).text
    assert text.startswith("The documents differ on this")
    assert "£18.50 per night [1]" in text and "to £21.00 per night [2]" in text


SICKNESS_STAGES = """7.2 A formal absence review meeting (Stage 1) takes place when an Employee \
reaches three separate periods of Sickness Absence or eight Working Days of Sickness Absence in \
total in the Rolling Period.
7.3 A Stage 2 meeting takes place if the absence continues within 6 months of Stage 1.
7.4 A Stage 3 meeting may lead to dismissal and is heard by a Head of Service with a member of \
the People team present."""
MEETINGS_GUIDE = """For a Stage 1, 2 or 3 absence review meeting, invite the employee in writing \
with at least seven calendar days' notice, and tell them they can be accompanied by a colleague."""


def test_the_best_unit_stays_in_an_answer_whose_documents_differ(embedder) -> None:
    """The policy's unit that another document counts otherwise (Stage 1's "eight Working
    Days" against the guide's "seven calendar days") stood alone for the policy, and the
    sentence that answers, the best of all, was left out of the answer."""
    policy = Hit(40, "sick", "sickness-absence-policy.docx", "Sickness Absence Policy",
                 SICKNESS_STAGES, None, None, "7. Formal stages", 0.1)  # fmt: skip
    guide = Hit(41, "guide", "managers-guide.md", "Managers' Guide to Absence", MEETINGS_GUIDE,
                None, None, "Meetings", 0.1)  # fmt: skip
    question = "Does a Stage 3 absence meeting risk dismissal, and who hears it?"
    text = compose(question, [policy, guide], embedder.embed).text
    assert text.startswith("The documents differ on this")
    assert "7.4 A Stage 3 meeting may lead to dismissal and is heard by a Head of Service" in text
    # in reading order, within the policy's side, before the guide's
    assert text.index("7.2 A formal") < text.index("7.4 A Stage 3") < text.index("For a Stage 1")


def test_a_short_row_is_not_followed_by_the_table_that_holds_it(embedder) -> None:
    """A row answers alone; reading on past a short answer must not quote its own table
    again, which repeated the row among its neighbours."""
    rows = STANDBY_RATES + (
        "\nAllowance: Bank holiday standby (24 hours); Who: Repairs operatives; "
        "Rate: £48.00 per day"
    )
    table = Hit(32, "pay", "pay-and-allowances.pdf", "Pay and Allowances", rows, 3, 3,
                "6. Standby, on-call and call-out", 0.1)  # fmt: skip
    question = "How much is bank holiday standby for repairs operatives?"
    text = compose(question, [table], embedder.embed).text
    assert "Rate: £48.00 per day" in text
    assert text.count("Bank holiday standby") == 1, text


def test_a_change_names_its_figures_with_their_units() -> None:
    """ "from £32 a night to £38 a night": a figure's unit of two words is read past."""
    text = "The standby allowance goes up from £32 a night to £38 a night."
    assert changed_figures(text) == [({"32"}, {"38"})]


def test_a_range_of_times_is_no_change() -> None:
    assert changed_figures("Open from 9:00 to 17:00, Monday to Friday.") == []
    assert changed_figures("Notice was reduced from four weeks to two weeks.") == [({"4"}, {"2"})]


MANDATORY = """The following courses are mandatory and are assigned automatically in Brightpath:
Data protection (GDPR) refresher – every year;
Code of Conduct – every 2 years;
Manual handling – every 3 years, field staff only.
Mandatory training does not use your learning budget.
The Code of Conduct course must be completed in Brightpath within a month of being assigned."""
CODE = """Every employee must confirm that they have read and will follow the Code each year, \
in Brightpath, by 31 January.
Breaches of the Code are handled under the Disciplinary Policy."""


def test_the_best_unit_of_another_document_joins_the_passage_answer(embedder) -> None:
    """The training policy's passage has two good units and wins; the Code's one sentence
    is the best unit of all and the one that says by when. It joins the answer, named by
    its document's title, since it is not the passage's document."""
    training = Hit(20, "tr", "training.docx", "Training and Education Policy", MANDATORY,
                   None, None, "Mandatory training", 0.1)  # fmt: skip
    code = Hit(21, "cc", "code.pdf", "Code of Conduct", CODE, 1, 1, "Annual declaration", 0.1)
    question = "By when do I have to confirm the Code of Conduct each year?"
    text = compose(question, [training, code], embedder.embed).text
    assert "every 2 years" in text
    assert "Code of Conduct: Every employee must confirm" in text and "31 January [2]" in text


def _ranked(score: float, n: int, position: int, document: str, words: int) -> Ranked:
    text = " ".join(f"{document}word{position}x{i}" for i in range(words)) + "."
    cand = Candidate(n, position, text, "sentence", document, paragraph=position)
    return Ranked(score, score, cand, np.zeros(3, dtype=np.float32))


def test_a_rare_word_of_the_question_outweighs_common_ones_in_the_overlap() -> None:
    words = content_words("What example value does jail.conf give for ignoreip?")
    rare = "#ignoreip = 127.0.0.1/8 ::1"
    common = "For instance, an example value in jail.conf."
    assert stem_overlap(words, rare) < stem_overlap(words, common)  # a share of words
    weights = {"ignoreip": 6.0, "example": 1.0, "value": 1.0, "jail": 1.5, "conf": 1.5}
    assert stem_overlap(words, rare, weights) > stem_overlap(words, common, weights)
    # "give" has no weight of its own: it weighs as the mean, 2.2
    assert stem_overlap(words, rare, weights) == pytest.approx(6.0 / (11.0 + 2.2))


def test_the_passage_leaves_room_for_the_best_unit_of_another_document() -> None:
    """A passage of two good units wins over another document's one better unit, which
    then joins the answer (above) if it fits: the passage's lesser units had taken the
    word budget first, and the best unit of all, often the direct answer, was left out."""
    lead, second, third = (
        _ranked(1.0, 1, 0, "a", 8),
        _ranked(0.95, 1, 1, "a", 40),
        _ranked(0.93, 1, 2, "a", 40),
    )
    best, other = _ranked(1.05, 2, 0, "b", 30), _ranked(0.6, 2, 1, "b", 10)
    chosen, key, _ = choose_units([best, lead, second, third, other])
    assert key == lead.candidate  # the passage of two good units won
    assert best.candidate in chosen and lead.candidate in chosen and second.candidate in chosen
    assert third.candidate not in chosen  # (it would have filled the budget: 88 of 100 words)


def _unit(score: float, n: int, document: str, text: str) -> Ranked:
    cand = Candidate(n, 0, text, "sentence", document, paragraph=0)
    return Ranked(score, score, cand, np.zeros(3, dtype=np.float32))


def test_another_documents_nearly_tied_unit_joins_when_it_says_what_the_answer_does_not() -> None:
    """One policy per answer, except for another document's unit nearly tied with the lead
    that states the figure asked for (or a question word) the chosen units do not."""
    lead = _unit(1.0, 1, "faq", "Night staff get free drinks from the machines during peak.")
    figure = _unit(0.97, 2, "canteen", "Outside peak the machines charge 50p a cup.")
    asks_for = lambda text: "50p" in text or "£" in text  # noqa: E731
    chosen, _, _ = choose_units([lead, figure], asks_for=asks_for)
    assert figure.candidate in chosen and lead.candidate in chosen
    # not into a hedged answer: its passage is a guess already
    assert (
        figure.candidate
        not in choose_units([lead, figure], asks_for=asks_for, from_others=False)[0]
    )
    # the same unit further behind, or when the answer states a figure already, stays out
    behind = _unit(0.9, 2, "canteen", figure.candidate.text)
    assert behind.candidate not in choose_units([lead, behind], asks_for=asks_for)[0]
    stated = _unit(1.0, 1, "faq", "Night staff pay £1 a cup during peak.")
    assert figure.candidate not in choose_units([stated, figure], asks_for=asks_for)[0]
    # a question word the answer does not say brings it in; one it says already does not
    words = content_words("What do the machines charge outside peak?")
    assert (
        figure.candidate in choose_units([lead, figure], question_words=words, headings=["", ""])[0]
    )
    repeated = _unit(0.97, 2, "canteen", "During peak the drinks are free for night staff.")
    assert (
        repeated.candidate
        not in choose_units([lead, repeated], question_words=words, headings=["", ""])[0]
    )


TRIGGERS = """A trigger point is the level of absence at which your manager holds an attendance \
review meeting with you. The triggers are any of the following in a rolling year:
- four separate periods of sickness absence;
- a total of ten working days of sickness absence;
- a pattern of absence, such as repeated Fridays.
Absence related to a disability is recorded separately."""


def test_the_list_a_definition_goes_on_to_give_answers_what_are_questions(embedder) -> None:
    """The one-line definition matches "What are the trigger points" best; the list right
    after it, which the question asks for, ranks far behind and joins it all the same."""
    hit = Hit(22, "ab", "absence-faq.md", "Absence FAQ", TRIGGERS, None, None, "Triggers", 0.1)
    text = compose("What are the trigger points for an attendance review?", [hit],
                   embedder.embed).text  # fmt: skip
    assert "A trigger point is the level of absence" in text
    assert "four separate periods" in text and "ten working days" in text


@pytest.mark.parametrize(
    ("question", "acronym"),
    [
        ("What does TLR stand for?", "TLR"),
        ("What's a MAT?", "MAT"),
        ("ok thanks. what does LADO mean?", "LADO"),
        ("What is RIDDOR?", "RIDDOR"),
        ("What is the PPE policy for visitors?", None),  # asks about the policy
        ("What PPE do I need?", None),
        ("How many days of leave do I get?", None),
    ],
)
def test_questions_asking_what_an_acronym_stands_for(question: str, acronym) -> None:
    assert asked_acronym(question) == acronym


@pytest.mark.parametrize(
    ("text", "acronym", "expected"),
    [
        ("Fernhill is a multi-academy trust (MAT) of six academies.", "MAT", True),
        ("Contact the LADO (Local Authority Designated Officer) directly.", "LADO", True),
        ("Teachers get planning, preparation and assessment (PPA) time.", "PPA", True),
        ("PPE – personal protective equipment – is free.", "PPE", True),
        ("Hold the MiDAS (Minibus Driver Awareness Scheme) certificate.", "MiDAS", True),
        ("Tell the LADO (or the headteacher) at once.", "LADO", False),
        ("The trust and its schools (MAT) are large.", "MAT", False),
    ],
)
def test_a_passage_spells_out_an_acronym_when_the_initials_match(text, acronym, expected) -> None:
    assert spells_out(text, acronym) is expected


GIFTS = """Never accept cash or vouchers.
Small tokens of thanks, such as a calendar or a box of biscuits, can be accepted if they \
are worth £40 or less.
Anything worth more than that must be declined, and every gift you accept must be recorded \
in the gifts register."""


def test_a_sentence_that_compares_with_that_brings_the_one_before(embedder) -> None:
    """ "Anything worth more than that must be declined" matches "the most a gift can be
    worth" best, but "that" is the £40 of the sentence before, which is quoted with it."""
    hit = Hit(23, "gf", "conduct.pdf", "Code of Conduct", GIFTS, 2, 2, "Gifts", 0.1)
    text = compose("What is the most a gift can be worth for me to accept it?", [hit],
                   embedder.embed).text  # fmt: skip
    assert "£40 or less [1]. Anything worth more than that must be declined" in text


def test_two_dated_documents_that_differ_are_shown_newest_first(embedder) -> None:
    """The 2022 policy ranks first, but a reader must know which rule is current: the
    2026 note leads, and each side names its year."""
    old = Hit(24, "p22", "family-leave-policy.docx", "Family Leave Policy 2022",
              PATERNITY_2022, None, None, "Paternity", 0.1)  # fmt: skip
    new = Hit(25, "p26", "family-pay-changes-2026.txt", "Changes to family pay",
              PATERNITY_2026, None, None, "", 0.1)  # fmt: skip
    text = compose("what is paternity pay", [old, new], embedder.embed).text
    assert text.startswith("The documents differ on this; the newer one first: ")
    assert text.index("Changes to family pay (2026): ") < text.index("Family Leave Policy 2022: ")
    assert text.index("2 weeks at full pay") < text.index("1 week at full pay")


def test_undated_documents_that_differ_keep_the_plain_opening(embedder) -> None:
    old = Hit(18, "p22", "family-leave.docx", "Family Leave Policy", PATERNITY_2022,
              None, None, "Paternity", 0.1)  # fmt: skip
    new = Hit(19, "p26", "changes-email.txt", "Changes to family pay", PATERNITY_2026,
              None, None, "", 0.1)  # fmt: skip
    text = compose("what is paternity pay", [old, new], embedder.embed).text
    assert text.startswith("The documents differ on this: ")


HOMES = """System users are created with adduser --system in the postinst script.
The canonical non-existent home directory is /nonexistent. Users who should not have a \
home directory should have their home directory set to this value.
The build daemons set HOME to a directory that cannot be written."""


def test_a_sentence_taking_up_this_value_brings_the_sentence_that_gives_it(embedder) -> None:
    hit = Hit(26, "hm", "policy.pdf", "Policy", HOMES, 81, 81, "Home directories", 0.1)
    text = compose("What home directory do I give a system user that doesn't need one?", [hit],
                   embedder.embed).text  # fmt: skip
    assert "/nonexistent [1]. Users who should not have a home directory" in text


STEPS = """To shut down the laser cutter at the end of your session:
1. Close the design software on the laser PC and remove your file from the desktop folder.
2. Leave the fume extraction running for a further ten minutes with the lid shut.
3. Switch off the air assist compressor at the wall and check the gauge drops to zero bar.
4. Turn the key switch on the laser to OFF and take the key back to the host desk.
5. Sweep the honeycomb bed clear of offcuts and empty the crumb tray into the red bin.
6. Write the finish time and any faults in the laser log book before you leave the room."""


def test_a_list_of_long_steps_keeps_the_figures_at_their_ends() -> None:
    """Six steps of 15-17 words each: shortened to fit a list unit, each step must still
    reach its figure or its last object ("ten minutes", "zero bar", "red bin")."""
    hit = Hit(28, "sd", "laser-manual.pdf", "Laser manual", STEPS, 4, 4, "Shut-down", 0.1)
    lists = [u.text for u in units(hit) if u.kind == "list"]
    assert lists, units(hit)
    for words in ("ten minutes", "zero bar", "red bin", "laser log book"):
        assert words in lists[0], (words, lists[0])


CONTINUED_STEPS = """Switch on the fume extraction at the wall isolator marked LASER EXTRACT.

6. Switch on the air assist compressor. Check that the gauge reads between 0.2 and 0.4 bar.
7. Turn the key switch on the laser to ON and release the emergency stop.
8. Write your name and the start time in the laser log book."""

BULLETS_AFTER_PROSE = """Part-time staff receive leave pro rata to their contracted hours.
- Bank holidays are pro rata as well.
- Leave is rounded up to the nearest half day."""


def test_numbered_steps_after_prose_are_a_list_under_the_section_heading() -> None:
    """Steps 6 to 8 of a start-up procedure whose first steps closed the previous chunk (the
    chunk opens on the end of step 5): one list under the section's heading, from the step
    the chunk opens on; quoted one sentence at a time, the procedure loses its steps."""
    hit = Hit(
        29,
        "su",
        "laser-manual.pdf",
        "Laser manual",
        CONTINUED_STEPS,
        2,
        2,
        "3. Start-up procedure",
        0.1,
    )
    assert _lists(hit) == [
        "3. Start-up procedure:\n"
        "- Switch on the fume extraction at the wall isolator marked LASER EXTRACT.\n"
        "- Switch on the air assist compressor. Check that the gauge reads between 0.2 and "
        "0.4 bar.\n"
        "- Turn the key switch on the laser to ON and release the emergency stop.\n"
        "- Write your name and the start time in the laser log book."
    ]
    # bullets after a sentence that does not lead in to them are no procedure
    hit = Hit(30, "pt", "leave.md", "Leave", BULLETS_AFTER_PROSE, None, None, "Part-time", 0.1)
    assert _lists(hit) == []


UID_CLASSES = (
    "Packages which need a single statically allocated uid should use one of these.\n\n"
    "100-999:\n\n"
    "Dynamically allocated system users and groups. Packages which need a user should use "
    "adduser.\n\n"
    "1000-59999:\n\n"
    "Dynamically allocated user accounts. By default adduser will choose UIDs for user "
    "accounts in this range, though adduser.conf may change it."
)


def test_a_term_on_its_own_line_labels_the_paragraph_after_it(embedder) -> None:
    """A PDF's definition list ("1000-59999:" over its definition): the term is what the
    definition is about, and "in this range" means nothing without it."""
    hit = Hit(31, "uid", "policy.pdf", "Policy", UID_CLASSES, 81, 81, "UID classes", 0.1)
    texts = [c.text for c in candidate_units([hit])]
    assert "1000-59999: Dynamically allocated user accounts." in texts
    assert "100-999: Dynamically allocated system users and groups." in texts
    answer = compose(
        "Which uids does adduser pick for user accounts by default?", [hit], embedder.embed
    ).text
    assert "1000-59999" in answer, answer


def test_a_version_number_is_one_word() -> None:
    """ "4.6.0" shares nothing with "4.2.0" (a release list quoted the wrong release), and a
    heading "Version 4.6.0" is short enough to label the one sentence under it."""
    assert content_words("When was 4.6.0 released?") == {"4.6.0", "released"}
    assert content_words("costs £1,000 at 0.2 bar") == {"cost", "1,000", "0.2", "bar"}
    hit = Hit(
        32,
        "v",
        "checklist.txt",
        "Checklist",
        "Released August, 2021.",
        None,
        None,
        "10.4. Version 4.6.0",
        0.1,
    )
    assert [c.text for c in candidate_units([hit])] == ["Version 4.6.0: Released August, 2021."]


def test_a_row_whose_value_holds_a_semicolon_is_still_a_row() -> None:
    text = (
        "Tier | Price | What is included\n"
        "Tier: Day pass; Price: £12 per visit; What is included: Hand tools; no sign-offs\n"
        "Tier: Maker; Price: £35 per month; What is included: All inductions"
    )
    hit = Hit(33, "p", "prices.html", "Prices", text, None, None, "Membership tiers", 0.1)
    rows = [c.text for c in candidate_units([hit]) if c.kind == "row"]
    assert rows[0] == (
        "Tier: Day pass; Price: £12 per visit; What is included: Hand tools; no sign-offs"
    )
    assert len(rows) == 2


def test_a_row_led_by_its_name_under_an_empty_corner_is_one_row() -> None:
    # a statistics table's row (pspp's coefficients): read as sentences, it had been cut at
    # "Std." and quoted from "Error: .20; ..."
    text = (
        "Unstandardized Coefficients B | Unstandardized Coefficients Std. Error | t\n"
        "(Constant); Unstandardized Coefficients B: 9.90; "
        "Unstandardized Coefficients Std. Error: 2.10; t: 4.71\n"
        "Mean time between failures (months); Unstandardized Coefficients B: 3.01; "
        "Unstandardized Coefficients Std. Error: .20; t: 15.21"
    )
    text += "\noccupation; Artist; Count; sex Male: 2; sex Female: 6; Total: 8"  # names
    hit = Hit(36, "r", "regression.html", "Regression", text, None, None, "Coefficients", 0.1)
    rows = [c.text for c in candidate_units([hit]) if c.kind == "row"]
    assert rows == text.split("\n")[1:]


FEES_2025 = """The fees for 2025 are:
Plan | Per month | Hours
Plan: Maker; Per month: £30; Hours: 7am to 10pm with a fob
Plan: Keyholder; Per month: £50; Hours: 24 hours a day"""
PRICES_2026 = """Tier | Price | When you can come in
Tier: Maker; Price: £35 per month; When you can come in: 7am to 10pm, every day
Tier: Keyholder; Price: £55 per month; When you can come in: 24 hours a day"""


def test_two_price_lists_rows_of_the_same_name_that_differ_are_both_shown(embedder) -> None:
    """Last year's policy and this year's price list name their columns differently, so
    their "Maker" rows embed apart; the same row name makes them the same subject."""
    old = Hit(34, "f25", "booking-and-fees-policy-2025.docx", "Booking and Fees Policy 2025",
              FEES_2025, None, None, "1. Membership fees", 0.1)  # fmt: skip
    new = Hit(35, "p26", "membership-and-prices-2026.html", "Membership and prices 2026",
              PRICES_2026, None, None, "Membership tiers", 0.1)  # fmt: skip
    text = compose("How much is the Maker membership?", [old, new], embedder.embed).text
    assert text.startswith("The documents differ on this; the newer one first:"), text
    assert text.index("£35") < text.index("£30"), text


ROOT_MAIL = """Choose one host to receive the logs of all the other systems. Root's mail should be \
considered also, many security controls send alerts to root's mailbox. This mailbox usually \
points to the first user created in the system (check /etc/aliases). Take care to send root's \
mail to some place where it will be read, either locally or remotely. There are other role \
accounts and aliases on the system worth reviewing."""


def test_a_sentence_between_two_quoted_ones_is_quoted_too(embedder) -> None:
    """A passage is not quoted with a hole in its middle: the sentence between two chosen
    ones (here the one naming the file) comes with them."""
    hit = Hit(30, "lg", "logs.html", "Logging", ROOT_MAIL, None, None, "Root's mail", 0.1)
    text = compose("who actually gets root's mail", [hit], embedder.embed).text
    assert "Root's mail should be considered also" in text
    assert "Take care to send root's mail" in text
    assert "(check /etc/aliases)" in text


def test_the_question_words_in_a_units_heading_count_as_its_own(embedder) -> None:
    """Both passages name the wardens; only one sits under the heading that names what is
    asked about (PPE), and its sentence answers."""
    standby = Hit(33, "pay", "pay.pdf", "Pay and Allowances",
                  "Sheltered Housing Wardens on the on-call rota receive £22.75 per night.\n"
                  "Sheltered Housing Wardens on call at a weekend receive £105.00.",
                  3, 3, "Standby and on-call", 0.1)  # fmt: skip
    ppe = Hit(34, "hs", "health-and-safety.txt", "Health and Safety Standards",
              "Sheltered Housing Wardens: non-slip safety shoes, disposable gloves and aprons.\n"
              "Replacements are ordered through your manager.",
              None, None, "Personal protective equipment (PPE)", 0.1)  # fmt: skip
    text = compose("What PPE are sheltered housing wardens issued with?", [standby, ppe],
                   embedder.embed).text  # fmt: skip
    assert "non-slip safety shoes" in text, text


def test_the_passages_sentence_naming_what_is_asked_joins_the_answer(embedder) -> None:
    """The passage is about donations in general; only its last sentence names Bitcoin, and
    the small model ranks it below the others."""
    donations = Hit(35, "gd", "maintain.html", "Information for Maintainers of GNU Software",
                    "As a maintainer, you might want to accept donations for your work, "
                    "especially if you pay for any of your own hosting or development "
                    "infrastructure.\nThe FSF can collect donations for a limited number of "
                    "projects; if you want to propose that for your project, write to "
                    "maintainers@gnu.org.\nThe FSF is required to supervise the spending of "
                    "these funds.\nWe have no objections to using Bitcoin to receive donations.",
                    None, None, "Donations", 0.1)  # fmt: skip
    text = compose("Can GNU maintainers accept donations in Bitcoin?", [donations],
                   embedder.embed).text  # fmt: skip
    assert "no objections to using Bitcoin" in text, text


def test_a_list_item_is_not_quoted_again_after_its_list(embedder) -> None:
    """A one-item list after its lead-in: the item is also a unit of its own, and reading on
    after the list must not quote it a second time."""
    hit = Hit(36, "tb", "manage-ag-tablespaces.html", "Tablespaces",
              "Tables, indexes, and entire databases can be assigned to particular tablespaces."
              "\nFor example, the following creates a table in the tablespace space1:\n\n"
              "CREATE TABLE foo(i int) TABLESPACE space1;",
              None, None, "Tablespaces", 0.1)  # fmt: skip
    text = compose("How do I create a table in the tablespace space1?", [hit], embedder.embed).text
    assert text.count("CREATE TABLE foo(i int) TABLESPACE space1") == 1, text


def test_a_list_the_chunk_cut_goes_on_into_the_next_retrieved_chunk(embedder) -> None:
    """The list's last items are in the document's next chunk (which repeats the item the
    two share): they follow the list, cited to their own chunk; the paragraph after the
    list does not."""
    first = Hit(37, "um", "user-manual.html", "Git User Manual",
                "Your fellow developers will want to read your patches.\n\n"
                "So the ideal is usually to produce a series of patches such that:\n\n"
                "Each patch can be applied in order.\n\n"
                "Each patch includes a single logical change, together with a message.",
                None, None, "Creating the perfect patch series", 0.1, ordinal=156)  # fmt: skip
    rest = Hit(38, "um", "user-manual.html", "Git User Manual",
               "Each patch includes a single logical change, together with a message.\n\n"
               "No patch introduces a regression.\n\n"
               "The complete series produces the same end result as your own development.\n\n"
               "We will introduce some tools that can help you do this. Then we explain the "
               "problems that can arise because you are rewriting history.",
               None, None, "Creating the perfect patch series", 0.1, ordinal=157)  # fmt: skip
    text = compose("What should a perfect patch series be like?", [first, rest],
                   embedder.embed).text  # fmt: skip
    assert "- Each patch can be applied in order." in text, text
    assert "- No patch introduces a regression." in text, text
    assert "- The complete series produces the same end result as your own development. [2]" in text
    assert text.count("Each patch includes a single logical change") == 1, text
    assert "We will introduce some tools" not in text, text


def test_a_question_for_a_default_gets_the_sentence_stating_it(embedder) -> None:
    """A setting's default sits in a short sentence of its own that shares one word with the
    question and ranks far behind the description: it is quoted all the same."""
    hit = Hit(39, "rc", "runtime-config-resource.html", "Resource Consumption",
              "max_worker_processes (integer): Sets the maximum number of background processes "
              "that the cluster can support. This parameter can only be set at server start. "
              "When running a standby server, you must set this parameter to the same or "
              "higher value than on the primary server. Otherwise, queries will not be allowed "
              "in the standby server. When changing this value, consider also adjusting "
              "max_parallel_workers, max_parallel_maintenance_workers and "
              "max_parallel_workers_per_gather, which take their workers from this pool. "
              "The default is 8.",
              None, None, "Asynchronous Behavior", 0.1)  # fmt: skip
    text = compose("What's the default for max_worker_processes?", [hit], embedder.embed).text
    assert "The default is 8 [1]." in text, text
    assert text.index("Sets the maximum number") < text.index("The default is 8"), text


def test_figures_are_read_with_what_they_count() -> None:
    assert quantities("You may carry over up to 5 days (37 hours, pro rata).") == {
        "day": {"5"},
        "hour": {"37"},
    }
    assert quantities("From 1 December 2026 we pay 50p per mile, up to £25 or GBP 30.") == {
        "p": {"50"},
        "£": {"25", "30"},
    }
    assert quantities("at least two days a week") == {"day": {"2"}}
    assert conflicting_quantities("carry over up to 5 days", "up to 3 days into the next year")
    # a figure in common: one stating a figure more is not a conflict
    assert not conflicting_quantities("up to 5 days", "usually 5 days, or 10 days after five years")
    assert not conflicting_quantities("on 1 November", "on 16 November")  # dates, not counts


def test_lengths_of_time_compare_across_their_units() -> None:
    """A kind of day is no other measure, and one length of time against another is
    compared in hours, a month as 30 days (the SAR deadlines of two documents: "one
    calendar month" and "40 days")."""
    assert quantities("About 10 working days.") == {"day": {"10"}}
    assert conflicting_quantities("within 10 working days", "within 14 days")
    assert conflicting_quantities("within one calendar month", "and we have 40 days to reply")
    assert conflicting_quantities("call in within 30 minutes", "call in within 2 hours")
    # one rule said two ways
    assert not conflicting_quantities("within 2 weeks", "within 14 days")
    assert not conflicting_quantities("within 30 days", "within one month")
    # several lengths in one text: which is the rule's is unknown
    assert not conflicting_quantities("for 2 hours after 30 minutes", "within 1 week")


def test_a_correction_names_the_old_figure_after_the_new() -> None:
    assert changed_figures("A credit note will now be valid for 18 months, not 12.") == [
        ({"12"}, {"18"})
    ]
    assert changed_figures("Carry-over is 3 days instead of 5.") == [({"5"}, {"3"})]
    assert changed_figures("The fee is £30 (was £25).") == [({"25"}, {"30"})]
    assert changed_figures("Do not touch the cable, not even with a tool.") == []
    assert changed_figures("Staff may carry over up to 3 days (not 5) from April.") == [
        ({"5"}, {"3"})
    ]
    assert changed_figures("It is 1,500 copies a term on the staffroom copier (it was 2,000).") == [
        ({"2000"}, {"1500"})
    ]
    # the old figure named as today's; "now" names the new one, so it is no such sign
    assert changed_figures("Staff may carry over no more than 3 days (5 at present).") == [
        ({"5"}, {"3"})
    ]
    assert changed_figures("The three meeting rooms (now 4) are booked online.") == []


def test_a_new_figure_opening_the_corrected_words_is_no_clause_number() -> None:
    """The new figure of "GBP 180 per home (was GBP 120)" opens the words before "(was":
    read as a clause number, it was dropped and the change went unseen."""
    text = "The allowance is GBP 30 per room, up to GBP 180 per home (was GBP 120)."
    assert changed_figures(text) == [({"120"}, {"180"})]


CARRY_OVER_POLICY = "You may carry over up to 5 days (37 hours, pro rata for part-time staff) \
into the next leave year."
CARRY_OVER_FAQ = "You can carry over up to 3 days into the next year, and you have to use them \
by the end of March."


def test_two_documents_counting_one_rule_differently_are_both_shown(embedder) -> None:
    """A policy and an FAQ phrase one rule apart enough that the small model puts them
    below SAME_SUBJECT (cosine 0.56); they count the same thing (days carried over) with
    other figures, so both are shown."""
    policy = Hit(40, "al", "annual-leave.md", "Annual leave", CARRY_OVER_POLICY,
                 None, None, "Carrying leave over", 0.1)  # fmt: skip
    faq = Hit(41, "faq", "staff-faq.md", "Staff FAQ", CARRY_OVER_FAQ,
              None, None, "Leave", 0.1)  # fmt: skip
    text = compose("How much annual leave can I carry over into next year?", [policy, faq],
                   embedder.embed).text  # fmt: skip
    assert text.startswith("The documents differ on this"), text
    assert "up to 5 days" in text and "up to 3 days" in text, text


# Two documents' figures that are no disagreement: the question names the figure of the rule
# it asks about ("... fast-track a deprecation to 3 months?" is not asking which period
# holds); two deadlines in weeks for different steps of one process.
NOT_DISAGREEING = [
    (
        "What does it take to fast-track a deprecation to 3 months?",
        ("release-process.md", "Release process", "Deprecation policy",
         "Certain changes may be fast tracked and have a deprecation period of 3 months. This "
         "requires at least two members of the pip team to be in favor of doing so, and no "
         "pip maintainers opposing."),
        ("NEWS.rst", "NEWS", "Process",
         "Formally document our deprecation process as a minimum of 6 months of deprecation "
         "warnings."),
    ),
    (
        "How long does VisitGate keep trip records?",
        ("visits-policy.docx", "Educational Visits Policy", "Records",
         "VisitGate keeps all records of a visit, including the risk assessment and consent "
         "forms, for three years. Within two weeks of a visit's return the Visit Leader "
         "completes the evaluation on VisitGate."),
        ("staff-handbook.pdf", "Staff Handbook", "Visits",
         "9.2 Plans for residential visits must be submitted on VisitGate at least 8 weeks "
         "before departure."),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("question", "first", "second"), NOT_DISAGREEING, ids=["named", "other"])
def test_figures_of_other_rules_are_not_a_disagreement(embedder, question, first, second) -> None:
    hits = [
        Hit(44 + n, f"d{n}", source, title, text, None, None, heading, 0.1)
        for n, (source, title, heading, text) in enumerate((first, second))
    ]
    text = compose(question, hits, embedder.embed).text
    assert not text.startswith("The documents differ"), text


def test_word_forms_meet_by_their_stems_in_ranking_and_not_in_the_hedge_signal() -> None:
    """ "renewing" in the question, "renew" in the FAQ: the same rule (ranking and telling
    two documents' answers apart compare stems, as the lexical index does); whether the
    quoted text says the question's own words (the hedge signal) stays exact."""
    words = content_words("How often does a DBS check need renewing?")
    faq = "Your DBS check lasts 5 years and then we'll ask you to renew it."
    assert stem_overlap(words, faq) == 3 / 4  # dbs, check, renewing (not "often")
    assert lexical_overlap(words, faq) == 2 / 4
    assert stem_overlap({"4.6.0", "release"}, "Released in 4.6.0.") == 1.0
    assert stem_overlap(set(), faq) == 0.0


DKIM = """Exim can sign outgoing messages with DKIM. The private key is given by the \
dkim_private_key option of the smtp transport, and the selector by dkim_selector."""


def test_a_question_naming_what_no_passage_mentions_is_hedged(embedder) -> None:
    """ "BIMI" is in no retrieved passage: the DKIM chapter says three of the question's
    four words, but about something else. The same question about DKIM is answered."""
    hit = Hit(60, "dk", "ch-dkim.html", "DKIM, SPF, SRS and DMARC", DKIM, None, None,
              "Signing outgoing messages", 0.1)  # fmt: skip
    bimi = compose("How do we sign outgoing messages with BIMI?", [hit], embedder.embed)
    assert bimi.hedged and bimi.text.startswith(HEDGE), bimi.text
    dkim = compose("How do we sign outgoing messages with DKIM?", [hit], embedder.embed)
    assert not dkim.hedged and not dkim.text.startswith(HEDGE), dkim.text


def test_an_acronym_is_mentioned_by_its_words_or_its_plural() -> None:
    text = ["Modified versions under the GNU Free Documentation License", "The DSL is Ms Khan."]
    assert not names_unmentioned("How long can a cover text be in the GFDL?", text)
    assert not names_unmentioned("Who are the deputy DSLs?", text)
    assert names_unmentioned("Is the ICO told?", text)
    assert not names_unmentioned("How long can a cover text be?", text)  # names nothing


def test_each_chosen_sentence_reads_on_in_its_paragraph_while_the_answer_has_room() -> None:
    """The lead reads on first, then each other chosen sentence of its document, the best
    first: "Two tablespaces are created ..." needs "The pg_global tablespace is ...", which
    names neither question word and ranks far behind. Never past a paragraph, nor over the
    room left."""
    sentences = [
        (0, "Tablespaces define where database files are stored."),
        (0, "They are created with CREATE TABLESPACE."),
        (1, "Two tablespaces are automatically created when the cluster is initialized."),
        (1, "The pg_global tablespace is used for shared system catalogs."),
        (2, "The pg_default tablespace is the default of template1."),
    ]
    ranked = [
        Ranked(1.0 - n / 10, 1.0, Candidate(1, n, text, document="d", paragraph=p), np.zeros(3))
        for n, (p, text) in enumerate(sentences)
    ]
    lead, runner_up = ranked[0], ranked[2]
    following = _read_on(lead, [lead, runner_up], ranked, room=40, each=True)
    assert [r.candidate.position for r in following] == [1, 3]
    assert [r.candidate.position for r in _read_on(lead, [lead, runner_up], ranked, 40)] == [1]
    tight = _read_on(lead, [lead, runner_up], ranked, room=10, each=True)
    assert [r.candidate.position for r in tight] == [1]  # 7 words, then 9 more do not fit


def test_a_superseded_version_under_the_same_title_is_shown_as_differing(embedder) -> None:
    """Last year's policy keeps its title in a file of the same type: it is another version,
    not the same document in another format, and its other figure must be seen."""
    current = Hit(50, "cash", "cash-handling-policy.docx", "Cash Handling Policy",
                  "3.1 When the notes in a till reach £200, do a safe drop: count the notes "
                  "above the float into a drop bag with the duty manager.",
                  None, None, "3. Tills", 0.1)  # fmt: skip
    older = Hit(51, "cash23", "cash-handling-policy-2023.docx", "Cash Handling Policy",
                "3.1 When the notes in a till reach £300, do a safe drop: put the notes above "
                "the float into a drop bag.",
                None, None, "3. Tills", 0.1)  # fmt: skip
    text = compose("At what amount in the till do I do a safe drop?", [current, older],
                   embedder.embed).text  # fmt: skip
    assert text.startswith("The documents differ on this")
    assert "£200" in text and "£300" in text


def test_the_best_unit_announcing_a_change_of_anothers_figure_is_shown_as_differing(
    embedder,
) -> None:
    """The minutes raise the handbook's mileage rate; the two sentences embed apart (under
    SAME_SUBJECT), but the minutes name the handbook's 45p as the old rate."""
    minutes = Hit(52, "min", "minutes-partners-meeting-2026-11-25.txt", "Partners' meeting",
                  "AGREED: the mileage rate for travel between the two sites and for home "
                  "visits by car rises from 45p to 50p per mile from 1 January 2027.",
                  None, None, "4. Finance", 0.1)  # fmt: skip
    handbook = Hit(53, "hb", "staff-handbook.md", "Staff Handbook",
                   "If you travel between the two sites for work, claim mileage at 45p per "
                   "mile on the expenses form.", None, None, "Expenses", 0.1)  # fmt: skip
    text = compose("What's the mileage rate for going between sites?", [minutes, handbook],
                   embedder.embed).text  # fmt: skip
    # the minutes name the old rate: they are the newer, whatever the file names say
    assert text.startswith("The documents differ on this; the newer one first: Partners"), text
    assert "50p" in text and "claim mileage at 45p" in text
    text = compose("What's the mileage rate for going between sites?", [handbook, minutes],
                   embedder.embed).text  # fmt: skip
    assert text.startswith("The documents differ on this; the newer one first: Partners"), text


FLEXIBLE_NEW = """Every employee may ask for flexible working from their first day of \
employment. You can make up to two requests for flexible working in any 12-month period. Your \
manager meets you to discuss the request, normally within 2 weeks."""
FLEXIBLE_OLD = """All staff can make flexible working requests, at any time of the year. An \
employee can make one request in any 12-month period."""


def test_the_other_documents_unit_on_the_same_rule_is_compared(embedder) -> None:
    """The other policy's best sentence for the question states no figure; its sentence on
    how many requests, further down, is the one on our rule, and it states another figure."""
    new = Hit(60, "flex", "flexible-and-hybrid-working-policy.md", "Flexible and Hybrid Working",
              FLEXIBLE_NEW, None, None, "Making a request", 0.1)  # fmt: skip
    old = Hit(61, "flex19", "flexible-working-policy-2019.md", "Flexible Working Policy 2019",
              FLEXIBLE_OLD, None, None, "Eligibility", 0.1)  # fmt: skip
    text = compose("How many flexible working requests can I make in a year?", [new, old],
                   embedder.embed).text  # fmt: skip
    assert text.startswith("The documents differ on this")
    assert "two requests" in text and "one request" in text


def test_a_section_number_is_no_conflicting_figure(embedder) -> None:
    """A pointer's number is no figure: "see section 58.1" against "documented in RFC 6376"
    had read as two documents disagreeing."""
    dkim = Hit(70, "dkim", "ch-dkim.html", "58. DKIM, SPF, SRS and DMARC",
               "DKIM support is compiled into Exim by default if TLS support is present. "
               "DKIM is documented in RFC 6376.", None, None, "58.1 DKIM", 0.1)  # fmt: skip
    acl = Hit(71, "acl", "ch-acl.html", "44. Access control lists",
              "The DKIM ACL is run for each signature in a message. For details on the "
              "operation of DKIM, see section 58.1.", None, None, "44.8 DKIM", 0.1)  # fmt: skip
    text = compose("is dkim support compiled in by default or do i need to enable it",
                   [dkim, acl], embedder.embed).text  # fmt: skip
    assert not text.startswith("The documents differ"), text
    assert "compiled into Exim by default" in text


def test_a_hedged_answer_shows_both_sides_of_a_disagreement(embedder) -> None:
    """A weak match is hedged, and when two documents differ on it both are still shown:
    quoting one alone hid the conflict. The opening says both things."""
    old = Hit(18, "p22", "family-leave.docx", "Family Leave Policy", PATERNITY_2022,
              None, None, "Paternity", 0.1)  # fmt: skip
    new = Hit(19, "p26", "changes-email.txt", "Changes to family pay", PATERNITY_2026,
              None, None, "", 0.1)  # fmt: skip
    text = compose("what is paternity pay", [old, new], embedder.embed, hedged=True).text
    assert text.startswith(
        "The documents may not answer this directly, and the closest passages differ: "
    )
    assert "2 weeks at full pay" in text and "1 week at full pay" in text
    assert not compose("what is paternity pay", [old, new], embedder.embed).text.startswith(
        HEDGE.split(";")[0]
    )


MILEAGE_POLICY = """Expenses and mileage
The Trust does not pay per mile for the journey between home and your usual place of work \
in your own car.
Claims are paid with the next month's salary.
| Expense | Rate or limit | Notes |
|---|---|---|
| Mileage in your own car or van | 45p per mile | Business-use insurance required |
| Passenger supplement | 5p per passenger per mile | |"""
MILEAGE_EMAIL = """From 1 December the Trust will pay 50p per mile for business journeys in \
your own car or van. The passenger supplement is not changing."""


def test_a_figure_below_the_other_documents_best_sentence_can_disagree(embedder) -> None:
    """The policy's best sentence for the question gives no figure (the journey it does not
    pay for); its mileage row, ranked below it, counts the same thing as the e-mail with
    another figure."""
    policy = Hit(40, "pol", "expenses-and-mileage.html", "Expenses and mileage",
                 MILEAGE_POLICY, None, None, "Mileage", 0.1)  # fmt: skip
    email = Hit(41, "mail", "email-mileage.txt", "Mileage rate", MILEAGE_EMAIL,
                None, None, "", 0.1)  # fmt: skip
    question = "How much does the Trust pay per mile when I use my own car?"
    text = compose(question, [email, policy], embedder.embed).text
    assert "differ" in text.split(":")[0]
    assert "50p per mile" in text and "45p per mile" in text


EATON = """Eaton has been the main supporter of the project in the past, between 2007 and 2011.
Warning: the situation has evolved, and since 2011 Eaton does not support the project anymore.
This may still evolve in the future.
But for now, please do not consider that buying Eaton products will provide you with official \
support from Eaton."""


def test_a_sentence_that_needs_the_one_before_brings_that_ones_antecedent_too(embedder) -> None:
    """ "But for now ..." needs "This may still evolve ...", which needs the warning before
    it: the answer reads back two sentences."""
    hit = Hit(42, "ups", "manual.pdf", "User manual", EATON, 12, 12, "Support", 0.1)
    text = compose("Does buying Eaton get us official support?", [hit], embedder.embed).text
    assert "since 2011 Eaton does not support the project anymore [1]. This may still" in text
