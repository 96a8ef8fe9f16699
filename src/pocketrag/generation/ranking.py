"""Candidate units of the top chunks, scored for an extractive answer (extractive.py).

Each unit of the first few chunks (passages.units) is embedded with the same small model
used for search and scored: its cosine to the question, plus half its chunk's cosine (its
context), plus a share for the question's words it says (dense similarity alone favours
on-topic sentences that do not contain the figure asked for), plus small nudges for what
the question asks for (a figure, a name, a list, the row it names, an acronym spelled out).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from pocketrag.documents import Hit
from pocketrag.generation.passages import units
from pocketrag.generation.wording import (
    asked_acronym,
    content_words,
    focus_overlap,
    names_other_than,
    spells_out,
    states_code,
    states_number,
    stem_overlap,
    wants_code,
    wants_list,
    wants_name,
    wants_number,
)

EmbedFn = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class Candidate:
    source_n: int  # 1-based position of its hit in the sources
    position: int  # order inside the chunk
    text: str
    kind: str = "sentence"  # passages.Unit.kind
    document: str = ""  # document id: runners-up stay in the best unit's document
    paragraph: int = -1  # passages.Unit.paragraph


# The answer quotes from the first few chunks: cheap, and further chunks rarely answer.
CANDIDATE_CHUNKS = 4


def candidate_units(
    hits: Sequence[Hit], max_chunks: int = CANDIDATE_CHUNKS, per_chunk: int = 14
) -> list[Candidate]:
    """The quotable units (passages.units) of the top chunks."""
    out: list[Candidate] = []
    for n, hit in enumerate(hits[:max_chunks], start=1):
        for unit in units(hit)[:per_chunk]:
            out.append(
                Candidate(n, unit.position, unit.text, unit.kind, hit.document_id, unit.paragraph)
            )
    return out


# Score units for ranking candidate sentences (see rank_candidates). The chunk's cosine
# is the sentence's context: it decides between documents better than the retrieval rank
# (a fused BM25 + dense rank flips between near-tied chunks of different documents) and
# better than the sentence alone (a short sentence can match the question by accident).
# It replaced a fixed bonus for the top-ranked document: on the handbook questions the
# quoted document was right for 54 of 59 answerable questions instead of 51, and the
# count stayed at 54-55 across context weights 0.5-1 and lexical weights 0-0.35.
CONTEXT_WEIGHT = 0.5
LEXICAL_WEIGHT = 0.35

FOCUS_WEIGHT = 1.0
REPEAT_PENALTY = 0.3
NUMBER_BONUS = 0.1
NAME_BONUS = 0.1  # the same bonus for the same reason (not fitted separately)
# A table row whose first cell the question names ("standby allowance for Band 3" -> the
# "Pay band: Band 3; ..." row): rows of one table embed alike, their figures aside, so
# the row the question picks out needs the same nudge (not fitted separately either).
ROW_KEY_BONUS = 0.1
# A list (or a small table) when the question asks for several things (wording.wants_list):
# the same nudge, for the same reason as NUMBER_BONUS, not fitted separately.
LIST_BONUS = 0.1
# A word of code when the question asks how to do something or for a command, option or
# file (wording.wants_code): the same nudge, for the same reason, not fitted separately.
CODE_BONUS = 0.1
# A unit that spells out the acronym the question asks about ("What does TLR stand for?" ->
# "Teaching and Learning Responsibility (TLR) payments ..."): it answers by construction
# (wording.spells_out checks the initials), so it comes first whatever else it says.
SPELLS_OUT_BONUS = 1.0


@dataclass(frozen=True)
class Ranked:
    score: float  # support + LEXICAL_WEIGHT x word overlap (+ a rank tie-break)
    support: float  # cos(question, sentence) + CONTEXT_WEIGHT x cos(question, its chunk)
    candidate: Candidate
    vector: np.ndarray
    keyed: bool = False  # a table row whose first cell the question names


def chunk_cosines(hits: Sequence[Hit], question_vector: np.ndarray, embed: EmbedFn) -> list[float]:
    """Each hit's cosine to the question: the retriever's dense score when it carries one
    (computed from the stored vector), else embedded here."""
    values: list[float | None] = [h.scores.get("dense") for h in hits]
    missing = [i for i, v in enumerate(values) if v is None]
    if missing:
        vectors = embed([hits[i].text for i in missing])
        for i, vector in zip(missing, vectors, strict=True):
            values[i] = float(vector @ question_vector)
    return [float(v) for v in values]  # type: ignore[arg-type]


def rank_candidates(
    question: str,
    hits: Sequence[Hit],
    embed: EmbedFn,
    question_vector: np.ndarray | None = None,
    max_chunks: int = CANDIDATE_CHUNKS,
    focus: str = "",
    previous_answer: str = "",
    word_weights: Mapping[str, float] | None = None,
) -> list[Ranked]:
    """The candidate units of the top chunks, best first. One embedding batch; the
    answerability check reuses the result (its `support` signal), so it is computed once.

    `focus`: the user's own words when the question was completed from the conversation
    ("And what about part-time staff?"): a unit that says something about them wins over
    one that only answers the previous question again, and what the previous answer
    (`previous_answer`) already quoted loses. `word_weights`: the question's words' IDFs
    in the index (answerability.word_weights), so that the word overlap counts a rare word
    ("ignoreip", "NSEC3") above a common one ("example", "value"): over the 86 development
    sets (session 33) +385 key facts, -280."""
    candidates = candidate_units(hits, max_chunks=max_chunks)
    if not candidates:
        return []
    acronym = asked_acronym(focus or question)
    if acronym:
        candidates = [_under_definition(c, hits, acronym) for c in candidates]
    q = question_vector if question_vector is not None else embed([question])[0]
    vectors = embed([c.text for c in candidates])
    context = chunk_cosines(hits[:max_chunks], q, embed)
    q_words = content_words(question)
    # the follow-up's own words by meaning too: "what about dinner?" is the evening meal row
    own = embed([focus])[0] if focus else None
    focus_words = content_words(focus)  # a follow-up's rows: "and for band 7?"
    number_wanted = wants_number(question)
    name_wanted = wants_name(question)
    list_wanted = wants_list(question)
    code_wanted = wants_code(question)
    ranked = []
    for cand, vec, cos in zip(candidates, vectors, vectors @ q, strict=True):
        support = float(cos) + CONTEXT_WEIGHT * context[cand.source_n - 1]
        # the words of the section a unit sits under count as its own: "PPE" in the
        # heading "Personal protective equipment (PPE)" is what its list is about
        heading = hits[cand.source_n - 1].heading
        overlap = stem_overlap(q_words, f"{heading}\n{cand.text}", word_weights)
        score = support + LEXICAL_WEIGHT * overlap
        if own is not None:
            score += FOCUS_WEIGHT * (focus_overlap(focus, cand.text) + float(vec @ own))
            if _said(cand.text, previous_answer):
                score -= REPEAT_PENALTY
        if number_wanted and states_number(cand.text):
            score += NUMBER_BONUS
        if name_wanted and names_other_than(cand.text, q_words):
            score += NAME_BONUS
        if code_wanted and states_code(cand.text, question):
            score += CODE_BONUS
        if list_wanted and cand.kind in {"list", "table"}:
            score += LIST_BONUS
        if acronym and spells_out(cand.text, acronym):
            score += SPELLS_OUT_BONUS
        keyed = cand.kind == "row" and _keyed_by(cand.text, focus_words or q_words)
        if keyed:
            score += ROW_KEY_BONUS
        score += 0.03 * (1.0 / cand.source_n)  # ties go to the better-ranked chunk
        ranked.append(Ranked(score, support, cand, vec, keyed))
    ranked.sort(key=lambda r: r.score, reverse=True)
    return ranked


def _under_definition(cand: Candidate, hits: Sequence[Hit], acronym: str) -> Candidate:
    """A glossary entry's first unit with its term ("Educational Visits Coordinator (EVC):
    The member of staff ..."), when the term is the chunk's heading (a definition list's
    <dt>, a bold line) and spells out the acronym asked about."""
    term = hits[cand.source_n - 1].heading.split(" > ")[-1].strip()
    if cand.position or spells_out(cand.text, acronym) or not spells_out(term, acronym):
        return cand
    return replace(cand, text=f"{term}: {cand.text}")


def _keyed_by(row: str, question_words: set[str]) -> bool:
    """Whether the question names the row's first cell ("Header: Band 3; ...")."""
    key = row.split(";", 1)[0].split(": ", 1)[-1]
    words = content_words(key)
    return bool(words) and words <= question_words


def _said(text: str, previous_answer: str) -> bool:
    return bool(previous_answer) and " ".join(text.split()).rstrip(".") in " ".join(
        previous_answer.split()
    )


def repeats(a: Ranked, b: Ranked) -> bool:
    """Nothing new: nearly the same words, or already quoted inside the other unit. (Not
    vector similarity: two table rows that differ only in their figures embed alike.)"""
    if inside(a.candidate, b.candidate):
        return True
    words_a, words_b = content_words(a.candidate.text), content_words(b.candidate.text)
    union = len(words_a | words_b)
    return bool(union) and len(words_a & words_b) / union > 0.8


def inside(a: Candidate, b: Candidate) -> bool:
    """One unit already quoted as part of the other (a list item and its list)."""
    return quotes(a, b) or quotes(b, a)


def quotes(a: Candidate, b: Candidate) -> bool:
    """Whether unit a quotes unit b whole (a list and one of its items)."""
    return a.source_n == b.source_n and b.text.rstrip(" .…") in a.text
