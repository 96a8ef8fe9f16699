"""Two documents that answer differently (a consolidated handbook and a newer policy):
which units disagree, which side is newer, and what each side quotes (extractive.compose).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

from pocketrag.documents import Hit
from pocketrag.generation.ranking import Candidate, Ranked, repeats
from pocketrag.generation.wording import (
    QUOTED_WORDS_FLOOR,
    changed_figures,
    conflicting_quantities,
    content_words,
    numbers_in,
    stem_overlap,
)

# Another document's unit on the same subject (cosine between the two units), within this
# gap, stating other figures, is a disagreement. The gap is wide because the other policy
# is often a long consolidated handbook whose mixed chunk gives its units less context.
DISAGREE_GAP = 0.4
SAME_SUBJECT = 0.7
# Below SAME_SUBJECT, the answer's own unit and another document's still disagree when they
# count the same thing with other figures ("carry over up to 5 days" / "up to 3 days",
# cosine 0.56) and both say a word of the question: the small model puts two phrasings of
# one rule at 0.55-0.7, unrelated units of one domain mostly under 0.5.
NEAR_SUBJECT = 0.5


def disagreeing(
    ranked: Sequence[Ranked], sources: Sequence[Hit], question: str = ""
) -> tuple[Ranked, Ranked] | None:
    """Two policies that disagree (a consolidated handbook and a newer policy): a unit from
    another document that answers nearly as well as the best one, and the best document's
    unit on the same rule (the most similar of its relevant units), stating other figures.
    Both are then shown; quoting one alone would hide the conflict. Comparing with the
    counterpart, not with the best unit, keeps "2 extra days after five years" from
    contradicting "25 days a year" in another document. Of another document, its relevant
    units that state a figure are compared best first until one is on our rule
    (SAME_SUBJECT), and any table row named like one of ours (two price lists' "Maker"
    rows): its best unit is often another sentence of the passage ("Requests are welcome
    at any time." before "An employee can make one request in any 12-month period"). A
    unit only near the same subject (NEAR_SUBJECT) disagrees with the best unit itself
    when the two count one thing with other figures (_counts_otherwise), unless the
    question names the best unit's figure; any relevant unit of another document is tried
    so, not only its best (a handbook's "Mileage ...: 45p per mile" row ranked below its
    sentence on car insurance, and the e-mail raising it to 50p had answered alone). A
    unit further down another document disagrees only with the answer's own unit,
    counting the same thing with other figures (conflicting_quantities): with any of ours,
    or by bare numbers, neighbouring rules ("carry over up to 5 days" / "up to 8 days" for
    a question on the Christmas closure) and section numbers ("see Section 4.10") had read
    as conflicts."""
    best = ranked[0]
    relevant = [r for r in ranked if r.score >= best.score - DISAGREE_GAP]
    # the best document's units that state a figure: only those can contradict one
    ours = [
        r
        for r in relevant
        if r.candidate.document == best.candidate.document and numbers_in(r.candidate.text)
    ]
    if not ours:
        return None
    best_hit = sources[best.candidate.source_n - 1]
    if (changed := _changed_by(best, relevant, sources)) is not None:
        return changed  # the clearest case, whatever else the other document says
    question_words = content_words(question)
    # the question names a figure the answer's unit states: it asks about that rule
    figure_asked = bool(numbers_in(question) & numbers_in(best.candidate.text))
    done = {best.candidate.document}  # documents whose unit on our rule was compared
    met = set()  # documents whose best unit was met
    our_rows = {_row_name(r.candidate) for r in ours} - {""}
    for other in relevant:
        cand = other.candidate
        named = cand.document != best.candidate.document and _row_name(cand) in our_rows
        if (cand.document in done and not named) or _same_document(
            sources[cand.source_n - 1], best_hit
        ):
            continue
        later = cand.document in met  # not the document's best unit
        met.add(cand.document)
        if not numbers_in(cand.text):
            continue  # it cannot contradict a figure ("Requests are welcome at any time.")
        counterpart = max(ours, key=lambda r: _alike(r, other))
        if _alike(counterpart, other) < SAME_SUBJECT:
            # nearly the same subject: only against the answer's own unit, as below, and
            # not when the question names its figure ("What does it take to fast-track a
            # deprecation to 3 months?" is not asking which period holds)
            if not figure_asked and _counts_otherwise(best, other, question_words):
                return best, other
            continue  # another subject
        if (
            later
            and not named
            and not (counterpart is best and conflicting_quantities(best.candidate.text, cand.text))
        ):
            continue  # further down: only the answer's own rule counted otherwise
        done.add(cand.document)
        mine, theirs = numbers_in(counterpart.candidate.text), numbers_in(cand.text)
        if mine and theirs and not (mine <= theirs or theirs <= mine):
            return counterpart, other  # (one stating a figure more is not a conflict)
        # the answer's own unit announcing a change from their figure (the other way round,
        # their change of ours, is _changed_by's); on its own rule only: the e-mail that
        # raises the weekday rate does not contradict the bank-holiday row
        if counterpart is best and _supersedes(counterpart.candidate.text, theirs):
            return counterpart, other
    return None


def _same_document(a: Hit, b: Hit) -> bool:
    """The same document in another format (the handbook as PDF and as DOCX): the same
    title in a file of another type. Not a superseded version, which keeps its title in a
    file of the same type ("cash-handling-policy-2023.docx" beside the current one): its
    other figures are what the reader must see."""
    return a.title == b.title and PurePath(a.source).suffix != PurePath(b.source).suffix


def _changed_by(
    best: Ranked, relevant: Sequence[Ranked], sources: Sequence[Hit]
) -> tuple[Ranked, Ranked] | None:
    """Another document's unit that announces a change of the best unit's figure ("The
    standby allowance for weekday nights goes up from £32 a night to £38 a night." against
    the rate table's £32 row), wherever it ranks among that document's relevant units: the
    e-mail's best unit was often another of its sentences ("The weekend allowances are not
    changing"): the change went unseen, or that sentence's "2 hours" was shown as differing
    from the £32. Or the other way round: the best unit announces a change of another
    document's figure ("rises from 45p to 50p per mile" against the handbook's "45p per
    mile"), which the two units' cosine alone (under SAME_SUBJECT) had not shown."""
    figures = numbers_in(best.candidate.text)
    best_hit = sources[best.candidate.source_n - 1]
    for other in relevant:
        cand = other.candidate
        if (
            cand.document != best.candidate.document
            and not _same_document(sources[cand.source_n - 1], best_hit)
            and _alike(best, other) >= NEAR_SUBJECT
            and (
                _supersedes(cand.text, figures)
                or _supersedes(best.candidate.text, numbers_in(cand.text))
            )
        ):
            return best, other
    return None


def _counts_otherwise(a: Ranked, b: Ranked, question_words: set[str]) -> bool:
    """Whether two units near the same subject (NEAR_SUBJECT) give the question's rule
    different figures: they share one of its words, each says as many of them as an answer
    must (QUOTED_WORDS_FLOOR: a unit on a neighbouring rule, "only one request in any
    12-month period" for "How long can the Trust take to decide on a request?", does not),
    and they count one thing differently."""
    texts = (a.candidate.text, b.candidate.text)
    shared = content_words(texts[0]) & content_words(texts[1])
    return (
        _alike(a, b) >= NEAR_SUBJECT
        and bool(shared & question_words)
        and all(stem_overlap(question_words, t) >= QUOTED_WORDS_FLOOR for t in texts)
        and conflicting_quantities(*texts)
    )


def _supersedes(text: str, figures: set[str]) -> bool:
    """Whether `text` announces a change from a figure the other unit states to one it
    does not ("goes up from £18.50 to £21.00" against the rate table's £18.50): stating both
    figures, it is no subset's "one figure more"."""
    return any(old <= figures and not new & figures for old, new in changed_figures(text))


def _alike(a: Ranked, b: Ranked) -> float:
    """How surely two units are about the same thing: their cosine, or certainty for two
    table rows of the same name ("Membership: Maker; Monthly fee: £30" in last year's
    policy, "Tier: Maker; Price: £35 per month" in this year's price list), whose other
    column names make them embed apart."""
    key_a, key_b = _row_name(a.candidate), _row_name(b.candidate)
    if key_a and key_a == key_b:
        return 1.0
    return float(a.vector @ b.vector)


def _row_name(cand: Candidate) -> str:
    """A table row's first value, the name of what it is about ("Maker")."""
    if cand.kind != "row":
        return ""
    return " ".join(cand.text.split(";", 1)[0].partition(": ")[2].lower().split())


DIFFER = "The documents differ on this:"
DIFFER_DATED = "The documents differ on this; the newer one first:"
# a disagreement in an answer hedged as a weak match (answerability)
HEDGED_DIFFER = "The documents may not answer this directly, and the closest passages differ:"
HEDGED_DIFFER_DATED = (
    "The documents may not answer this directly, and the closest passages differ; the newer "
    "one first:"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _year(hit: Hit) -> int | None:
    """The year a document's title or file name gives ("Holiday Policy 2025",
    "staff-handbook-2023.pdf", "Pay and allowances 2026-27"): the latest, if any."""
    years = [int(y) for y in _YEAR.findall(f"{hit.title} {PurePath(hit.source).name}")]
    return max(years) if years else None


def newest_first(
    pair: tuple[Ranked, Ranked], hits: Sequence[Hit], hedged: bool = False
) -> tuple[list[tuple[Ranked, str]], str]:
    """The two sides of a disagreement, each with its document's title, and the answer's
    opening (`hedged`: an answer hedged as a weak match's). When both documents name
    different years, the newer comes first and each title carries its year: a reader has to
    know which rule is current, and a superseded note says so only by its date. Without
    years, a side announcing a change from the other side's figure ("rises from 45p to 50p"
    against the handbook's 45p) is the newer."""
    plain, dated = (HEDGED_DIFFER, HEDGED_DIFFER_DATED) if hedged else (DIFFER, DIFFER_DATED)
    docs = [hits[r.candidate.source_n - 1] for r in pair]
    titles = [d.title or "One document" for d in docs]
    years = [_year(d) for d in docs]
    if None in years or years[0] == years[1]:
        sides = list(zip(pair, titles, strict=True))
        for newer, older in (sides, sides[::-1]):
            if _supersedes(newer[0].candidate.text, numbers_in(older[0].candidate.text)):
                return [newer, older], dated
        return sides, plain
    labels = [t if str(y) in t else f"{t} ({y})" for t, y in zip(titles, years, strict=True)]
    sides = sorted(zip(pair, labels, years, strict=True), key=lambda side: -side[2])
    return [(r, label) for r, label, _ in sides], dated


def side_units(unit: Ranked, pair: tuple[Ranked, Ranked], best: Ranked) -> list[Candidate]:
    """What one side of a disagreement quotes: its unit, and on the best unit's side that
    unit too, in reading order, when the unit that disagrees is another of its document's
    ("A Stage 3 meeting may lead to dismissal ..." beside the Stage 1 trigger points that
    the other policy counts otherwise): the best unit is what answers the question."""
    if unit is not pair[0] or unit is best or repeats(best, unit):
        return [unit.candidate]
    both = sorted((best, unit), key=lambda r: (r.candidate.source_n, r.candidate.position))
    return [r.candidate for r in both]
