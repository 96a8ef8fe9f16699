"""Do the retrieved passages answer the question? Three outcomes, from signals that mean the
same on any corpus (DESIGN decision 7).

    relevance  = support + 0.6 x coverage + 0.4 x specific
    confidence = support + 0.75 x coverage + 0.6 x background - 0.35 x [a word is unseen]
    relevance  <  refusal_threshold    -> "not_found" (nothing retrieved is about it)
    confidence <  confident_threshold  -> "hedged" (quote the closest passage, say so)
    otherwise                                   -> "answered"

Two questions, two scores. Whether anything retrieved is about the question is mostly the
meaning (support); whether the passage answers it confidently also needs the question's own
words in it (coverage), and a word no passage holds is a reason for doubt. The confidence
weights were fitted by logistic regression on the 47 development sets' answers that the
refusal gate let through (8,928 questions, bench/calibrate/confidence_fit.py). Fitted
without one corpus at a time, it answered 11.7% of the left-out corpus's unanswerable
questions confidently where the former rule (relevance >= 0.8) answered 22.1%, at the same
share of answerable questions hedged (19.4%). The background term gives back part of what
support subtracts: the 1.5 x background there over-corrects for this decision.

A question with a rare word no passage of the index holds (`unseen`: "Homebrew", "latexmk",
"sabbatical") asks about something the documents never mention, unless the rest of it is
matched well: its refusal bar is UNSEEN_RAISE higher, and its confidence is lower.

With an LLM the gate before the call is the lower llm_refusal_threshold (only clearly
off-topic questions); the model decides the rest.

- support: the best quotable unit read in its context, max over the units the extractive
  step would quote of cos(question, unit) + 0.5 x cos(question, its chunk), *minus the
  same quantity for an average passage of this index* (1.5 x the question's average cosine
  to the index's other passages, from the mean of its vectors). Raw cosines depend on the
  corpus: in a homogeneous HR corpus every HR question is somewhat close to every passage.
  What carries over from one corpus to another is how far the best passage stands out from
  the index's background.
- unseen: how many of the question's rare words no passage holds (by the index's own
  stemming; a spelling or version variant the passages use counts as held). Rare: a word the
  embedding model's vocabulary spells with RARE_PIECES pieces or more ("homebrew" is "home
  ##bre ##w"), or with two if not inflected ("wireguard" is "wire ##guard"), without digits
  ("3mm" is a quantity), and not a retrieved word typed with a slip ("secretery") or cut
  short ("defib"). Near misses name what the documents lack; answerable questions also
  use common words the documents happen not to ("many", "boss") and inflected or chatty
  ones ("fi ##ddling", "ins ##ta"), less often rarer ones.
- specific: how much the best unit's match owes to the question's most specific word (its
  highest-IDF word by the index's own counts): cos(question, unit) minus cos(question
  without that word, unit). A passage that holds what the question names loses when the
  word goes; a near miss matches the rest of the question ("Is there a cycle-to-work
  scheme?" against the travel policy) and loses nothing, or gains. Added in session 21:
  over the 50 development sets' 10,388 questions, 0.5 x specific refused 45.5% of the
  unanswerable questions instead of 43.1%, at the same threshold, with answerable ones
  refused 1.60% instead of 1.53% and the same 2 sets above 5% (docs/BENCHMARKS.md).
- coverage: the IDF-weighted share of the question's search terms that the best of the top
  three chunks holds (IDF from the index's own document frequencies; a word the index has
  never seen weighs most). A share, so it does not grow with the corpus the way raw BM25
  does: adding an unrelated manual raised every BM25 score and let off-topic questions
  through under the previous rule (heading cosine + 0.08 x BM25 + 0.5 x support).

Weights and thresholds were fitted on two tuning corpora (samples/handbook and
samples/larkfield) and are reported on corpora held out from that fit (docs/BENCHMARKS.md
"Answers", bench/answer_quality.py, bench/calibrate/answerability_fit.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Protocol

import numpy as np

from pocketrag.documents import Hit
from pocketrag.generation.ranking import CONTEXT_WEIGHT, EmbedFn, Ranked
from pocketrag.generation.wording import (
    asked_acronym,
    content_words,
    initialisms_spelled,
    lexical_overlap,
    other_spelling,
    spells_out,
    versions_apart,
    without_bare_contractions,
    written_for,
)
from pocketrag.settings_views import AnswerThresholds
from pocketrag.store.base import TermStats, search_terms

# The relevance score's weights, the unseen word's raise (UNSEEN_RAISE) and the refusal
# threshold (config) were chosen on the 95 development sets' questions without history
# (21,912 answerable, 2,322 not; bench/calibrate/refusal_fit.py on session 37's runs): the
# most unanswerable questions refused while no kind of answerable question (colloquial,
# paraphrase, direct, ...) is refused more often than under the former rule (0.5, 0.5 and
# 0.125 at 0.55), and no set that met the 5% target misses it. Unanswerable refused 58.0% ->
# 59.4%, answerable 1.75% -> 1.60% (docs/BENCHMARKS.md "Session 38"). Weighting coverage
# more (a logistic fit: 62%) refused more colloquial questions ("When's payday?").
COVERAGE_WEIGHT = 0.6
SPECIFIC_WEIGHT = 0.4
# The confidence score's weights (module docstring), rounded from the fit on all 47 sets:
# 0.749, 0.625 and 0.351 (bench/calibrate/confidence_fit.py on session 19's runs).
CONFIDENCE_COVERAGE = 0.75
CONFIDENCE_BACKGROUND = 0.6
CONFIDENCE_UNSEEN = 0.35
# A word the embedding model's vocabulary spells with this many pieces or more is rare
# (docs/BENCHMARKS.md "Session 17": with two, 2.7 near misses refused for each answerable
# question on the development sets of then; with three, 6).
RARE_PIECES = 3
# ... and so is a word of two pieces ("halal" is "hal ##al", "webp" "web ##p") of four
# letters or more (a shorter one is an abbreviation, "gpg", often written out instead),
# unless it ends as an English word inflected does: the model splits "fiddling" ("fi
# ##ddling") for its ending, and an answerable question says it. Session 33, over the 86
# development sets: all two-piece words refused 116 more near misses and 34 more answerable
# questions, all of them hedged before, the handbook's "fiddling" among them (its third
# refused of 59, past the 5% target); without the inflected ones 100 and 21 (unanswerable
# refused 51.6% -> 56.2%, answerable 1.74% -> 1.85%; docs/BENCHMARKS.md "Session 33").
TWO_PIECE_MIN_LETTERS = 4
_INFLECTED = ("s", "ed", "ing", "est", "ly")
# How much higher the refusal bar of a question with an unseen word stands (chosen with
# the weights above; until session 38 0.125, halfway to where relevance was confident).
UNSEEN_RAISE = 0.2
# A question's average cosine to an index's passages is about 0.15 (median 0.13-0.16 on
# the tuning corpora); an index of a few chunks cannot measure its own, so the measured
# value is averaged with this one as if it came from 10 more chunks.
TYPICAL_BACKGROUND = 0.15
BACKGROUND_PRIOR_CHUNKS = 10
_WORD = re.compile(r"\w+")
SIGNALS = ("support", "coverage", "background", "specific", "dense", "bm25", "lexical", "unseen")


class IndexLike(Protocol):
    def term_stats(self, query: str, chunk_ids: Sequence[int]) -> TermStats: ...

    def vector_mean(self) -> np.ndarray | None: ...


class Background:
    """The index's mean vector, recomputed when the number of chunks changes (a scan of the
    stored vectors in blocks: tens of milliseconds per 10k chunks, once per change)."""

    def __init__(self) -> None:
        self._key: int | None = None
        self._mean: np.ndarray | None = None

    def mean(self, index: IndexLike, chunks: int) -> np.ndarray | None:
        if self._key != chunks:
            self._mean, self._key = index.vector_mean(), chunks
        return self._mean


def idf(df: int, n: int) -> float:
    """BM25's IDF, kept positive for words in most chunks (the +1 inside the log)."""
    return math.log((n - df + 0.5) / (df + 0.5) + 1.0)


def word_weights(index: IndexLike, words: set[str]) -> dict[str, float]:
    """Each word's IDF by the index's own counts, asked a word at a time (the PostgreSQL
    store counts lexemes); none for a word that is several search terms ("4.6.0") or none
    (a stop word)."""
    weights = {}
    for word in words:
        stats = index.term_stats(word, ())
        if len(stats.terms) == 1:
            weights[word] = idf(stats.terms[0][0], stats.chunks)
    return weights


def coverage(stats: TermStats, chunk_ids: Sequence[int]) -> float:
    """IDF-weighted share of the query's terms held by the best of `chunk_ids`."""
    weights = [idf(df, stats.chunks) for df, _ in stats.terms]
    total = sum(weights)
    if not total or not chunk_ids:
        return 0.0
    held = (
        sum(w for w, (_, ids) in zip(weights, stats.terms, strict=True) if chunk in ids)
        for chunk in chunk_ids
    )
    return max(held) / total


def relevance_signals(
    question: str,
    hits: Sequence[Hit],
    question_vector: np.ndarray,
    ranked: Sequence[Ranked],
    index: IndexLike,
    background: Background,
    own_words: str = "",
    word_pieces: Callable[[str], int] | None = None,
    embed: EmbedFn | None = None,
) -> dict[str, float]:
    """The signals above for the top hits; `ranked` are the extractive step's ranked units
    (ranking.rank_candidates), whose `support` values are reused. `own_words`: the
    user's words of a follow-up completed from the conversation ("What about jury
    service?"); coverage is then the mean of the whole question's and of those words',
    since the rest repeats the previous question, which the passages answered already: a
    new subject they never mention must count, however well they match the old one.
    `word_pieces`: the embedding model's tokenizer (Embedder.word_pieces); without it no
    word counts as rare. `embed`: the embedding model, for `specific` (0 without it)."""
    if not hits:
        return dict.fromkeys(SIGNALS, 0.0)
    top = list(hits[:3])
    ids = [int(h.chunk_id) for h in top]  # type: ignore[arg-type]
    stats = index.term_stats(question, ids)
    covered = coverage(stats, ids)
    apart = versions_apart(question)
    spelled = initialisms_spelled(apart, [h.text for h in top])
    variants = {question, apart, other_spelling(question), spelled, other_spelling(spelled)}
    for variant in variants - {question}:
        # "gplv3", "mpl" and "license" (against "licence") are unseen words, the heaviest
        # in coverage; "gpl 3", "Mozilla Public License" and "licence" are what the text says
        covered = max(covered, coverage(index.term_stats(variant, ids), ids))
    # a document's file name counts: "the README" names knot-README.md, whose text never
    # says "README"
    known = {
        w.lower()
        for h in hits
        for w in _WORD.findall(f"{h.title} {h.heading} {h.text} {PurePath(h.source).stem}")
    }
    unseen = min(_unseen(index, variant, word_pieces, known) for variant in variants)
    if content_words(own_words):
        covered = (covered + coverage(index.term_stats(own_words, ids), ids)) / 2
    mean = background.mean(index, stats.chunks)
    base = _background_cosine(mean, question_vector, stats.chunks, top)
    raw_support = max((r.support for r in ranked), default=0.0)
    words = content_words(question)
    return {
        "support": raw_support - (1.0 + CONTEXT_WEIGHT) * base,
        "coverage": covered,
        "background": base,
        "specific": specificity(question, ranked, question_vector, index, embed),
        "dense": max(float(h.scores.get("dense", 0.0)) for h in top),
        "bm25": max(float(h.scores.get("bm25", 0.0)) for h in hits),
        "lexical": max(lexical_overlap(words, f"{h.title} {h.heading} {h.text}") for h in top),
        "unseen": float(unseen),
    }


def specificity(
    question: str,
    ranked: Sequence[Ranked],
    question_vector: np.ndarray,
    index: IndexLike,
    embed: EmbedFn | None,
) -> float:
    """cos(question, best unit) - cos(question without its most specific word, best unit):
    see the module docstring. 0 for a question of fewer than two search words."""
    words = search_terms(question)
    if embed is None or not ranked or len(words) < 2:
        return 0.0
    frequencies = {}  # each word's on its own: the PostgreSQL store counts lexemes
    for word in words:
        counts = [df for df, _ in index.term_stats(word, ()).terms]
        if counts:  # (none for a word PostgreSQL's stop list drops)
            frequencies[word] = min(counts)
    if not frequencies:
        return 0.0
    rarest = min(frequencies, key=lambda w: frequencies[w])
    without = " ".join(re.sub(rf"\b{re.escape(rarest)}\b", " ", question, flags=re.I).split())
    unit = ranked[0].vector
    return float(unit @ question_vector - unit @ embed([without])[0])


def _unseen(
    index: IndexLike, text: str, word_pieces: Callable[[str], int] | None, known: set[str]
) -> int:
    """How many of the text's rare words no passage of the index holds; a retrieved word
    typed with a slip or cut short ("secretery", "defib") is not one."""
    if word_pieces is None:
        return 0
    words = dict.fromkeys(w.lower() for w in _WORD.findall(without_bare_contractions(text)))
    rare = [
        w
        for w in words
        if not any(c.isdigit() for c in w)
        and _rare(w, word_pieces(w))
        and w not in known  # (a file name's word, which no passage holds)
        and not written_for(w, known)
    ]
    if not rare:
        return 0
    stats = index.term_stats(" ".join(rare), ())
    if len(stats.terms) != len(rare):  # (a word the store's stop list drops)
        return sum(df == 0 for df, _ in stats.terms)
    held_nowhere = [w for w, (df, _) in zip(rare, stats.terms, strict=True) if df == 0]
    return sum(not _derived(index, w) for w in held_nowhere)


# A word made from one the passages hold ("reread", "reachable", "unsigned") asks about what
# they hold: the model's vocabulary splits it for its affix, not for a rare subject.
_PREFIXES = ("re", "un", "pre", "non")
_SUFFIXES = ("able", "ible", "ness", "ment", "er", "ers")
MIN_BASE_LETTERS = 4


def _derived(index: IndexLike, word: str) -> bool:
    """Whether `word` is an affix on a word the index holds."""
    bases = [word[len(p) :] for p in _PREFIXES if word.startswith(p)]
    bases += [word[: -len(s)] for s in _SUFFIXES if word.endswith(s)]
    bases = [b for b in bases if len(b) >= MIN_BASE_LETTERS]
    return any(df > 0 for b in bases for df, _ in index.term_stats(b, ()).terms)


def _rare(word: str, pieces: int) -> bool:
    """Rare by the model's vocabulary (RARE_PIECES, TWO_PIECE_MIN_LETTERS)."""
    two = pieces == 2 and len(word) >= TWO_PIECE_MIN_LETTERS and not word.endswith(_INFLECTED)
    return pieces >= RARE_PIECES or two


def _background_cosine(
    mean: np.ndarray | None, question_vector: np.ndarray, chunks: int, top: Sequence[Hit]
) -> float:
    """The question's average cosine to the index's passages other than the top hits (in a
    small index the top hits are a large part of the mean and would hide themselves),
    shrunk towards a typical value while there are few of them to average."""
    cosines = [float(h.scores["dense"]) for h in top if "dense" in h.scores]
    rest = chunks - len(cosines)
    if mean is None or rest < 1:
        return TYPICAL_BACKGROUND
    measured = (chunks * float(mean @ question_vector) - sum(cosines)) / rest
    return (rest * measured + BACKGROUND_PRIOR_CHUNKS * TYPICAL_BACKGROUND) / (
        rest + BACKGROUND_PRIOR_CHUNKS
    )


def relevance_score(signals: dict[str, float]) -> float:
    return (
        signals["support"]
        + COVERAGE_WEIGHT * signals["coverage"]
        + SPECIFIC_WEIGHT * signals.get("specific", 0.0)
    )


def confidence_score(signals: dict[str, float]) -> float:
    return (
        signals["support"]
        + CONFIDENCE_COVERAGE * signals["coverage"]
        + CONFIDENCE_BACKGROUND * signals["background"]
        - CONFIDENCE_UNSEEN * (signals["unseen"] > 0)
    )


def decide(signals: dict[str, float], thresholds: AnswerThresholds, llm: bool = False) -> str:
    """ "answered" | "hedged" | "not_found" (see the module docstring). With an LLM only a
    clearly off-topic question is "not_found" before the call: questions asked in words the
    documents do not use score low on coverage yet are answerable, and the model, reading
    the passages, can tell; it says so when they do not answer (answerer.is_refusal).
    Without an LLM a question with a word no passage holds has a higher refusal bar."""
    bar = thresholds.llm_refusal_threshold if llm else thresholds.refusal_threshold
    if signals["unseen"] > 0 and not llm:
        bar = max(bar, thresholds.refusal_threshold + UNSEEN_RAISE)
    if relevance_score(signals) < bar:
        return "not_found"
    return "hedged" if confidence_score(signals) < thresholds.confident_threshold else "answered"


def spelled_out(question: str, ranked: Sequence[Ranked]) -> bool:
    """Whether the question asks what an acronym stands for and a retrieved unit spells it
    out: then the documents answer it, however weak the other signals (a defining clause
    shares one word with "What does MiDAS stand for?" and is often about something else)."""
    acronym = asked_acronym(question)
    return acronym is not None and any(spells_out(r.candidate.text, acronym) for r in ranked)
