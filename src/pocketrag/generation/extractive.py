"""The embedded default answer: the best supporting sentences of the top chunks, cited.

No network, no LLM: candidate sentences from the first few retrieved chunks are embedded
with the same small model used for search and ranked by cosine similarity to the question,
plus half their chunk's cosine (the sentence's context), plus a lexical bonus for sharing
the question's words (dense similarity alone favours on-topic sentences that do not contain
the figure asked for). A handful of chunks keeps it cheap: ~30 short sentences, one
embedding batch run, tens of milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from pocketrag.documents import Hit
from pocketrag.generation.citations import split_sentences

EmbedFn = Callable[[Sequence[str]], np.ndarray]

NOTICE = "Extractive answer: quoted from the documents; no language model was used."
FALLBACK_NOTICE = (
    "Extractive answer: the language model was unavailable, so this quotes the documents."
)

_STOP = frozenset(
    """a an and are as at be by can do does for from get got has have how i if in is it its
    me my of on or our should so than that the their them there they this to up us was we
    what when where which who why will with would you your yours about any am did had into
    may must not no per tell know want need please much many ve ll re im don doesn isn
    aren didn won can't i'm i've""".split()  # noqa: SIM905
)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")
_TABLE_RULE = re.compile(r":?-{2,}:?|")


def content_words(text: str) -> set[str]:
    """Lower-cased words minus stop words, with a crude plural strip (days -> day)."""
    words = set()
    for w in _TOKEN.findall(text.lower()):
        if w in _STOP or (len(w) < 2 and not w.isdigit()):
            continue
        plural = len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
        words.add(w[:-1] if plural else w)
    return words


def lexical_overlap(question_words: set[str], text: str) -> float:
    """Share of the question's content words found in the text (0..1)."""
    if not question_words:
        return 0.0
    return len(question_words & content_words(text)) / len(question_words)


@dataclass(frozen=True)
class Candidate:
    source_n: int  # 1-based position of its hit in the sources
    position: int  # order inside the chunk
    text: str
    table: str | None = None  # the whole (small) table this row belongs to
    document: str = ""  # document id: runners-up stay in the best sentence's document


def candidate_sentences(
    hits: Sequence[Hit], max_chunks: int = 4, per_chunk: int = 12
) -> list[Candidate]:
    """Sentences (and table rows / list items) worth quoting from the top chunks."""
    out: list[Candidate] = []
    for n, hit in enumerate(hits[:max_chunks], start=1):
        seen = 0
        for i, (piece, table) in enumerate(_pieces(hit.text)):
            piece = " ".join(piece.split())
            if len(_TOKEN.findall(piece)) < 3:
                continue  # headings and fragments read badly on their own
            if len(piece) > 320:
                piece = piece[:319].rsplit(" ", 1)[0] + " …"
            out.append(Candidate(n, i, piece, table, hit.document_id))
            seen += 1
            if seen >= per_chunk:
                break
    return out


def _pieces(text: str) -> list[tuple[str, str | None]]:
    """(sentence, whole table or None). Prose is split into sentences; a table row is read
    out with its header ("Cover added: Partner; Monthly cost: £38.00") because a bare row
    means nothing when quoted alone, and a small table is also kept whole, since the
    answer to "how much does X cost" is often best given as the table's few rows."""
    pieces: list[tuple[str, str | None]] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if len(rows) < 2:
            rows.clear()
            return
        header, body = rows[0], rows[1:]
        texts = [
            "; ".join(f"{h}: {c}" for h, c in zip(header, row, strict=True))
            if len(row) == len(header)
            else ", ".join(c for c in row if c)
            for row in body
        ]
        whole = " — ".join(header) + ": " + "; ".join(" — ".join(r) for r in body)
        table = whole if len(body) <= 6 and len(whole) <= 420 else None
        pieces.extend((t, table) for t in texts)
        rows.clear()

    for line in text.splitlines():
        if line.count("|") >= 2 or (line.count("|") == 1 and " | " in line):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(_TABLE_RULE.fullmatch(c) for c in cells):  # skip |---|---|
                rows.append(cells)
            continue
        flush()
        line = _BULLET.sub("", line).strip()
        if line:
            pieces.extend((sentence, None) for sentence in split_sentences(line))
    flush()
    return pieces


# Score units for ranking candidate sentences (see rank_candidates). The chunk's cosine
# is the sentence's context: it decides between documents better than the retrieval rank
# (a fused BM25 + dense rank flips between near-tied chunks of different documents) and
# better than the sentence alone (a short sentence can match the question by accident).
# It replaced a fixed bonus for the top-ranked document: on the handbook questions the
# quoted document was right for 54 of 59 answerable questions instead of 51, and the
# count stayed at 54-55 across context weights 0.5-1 and lexical weights 0-0.35.
CONTEXT_WEIGHT = 0.5
LEXICAL_WEIGHT = 0.35

# A runner-up sentence joins the best one only when nearly as good (score units) and
# from the same document.
RUNNER_UP_GAP = 0.08


@dataclass(frozen=True)
class Ranked:
    score: float  # support + LEXICAL_WEIGHT x word overlap (+ a rank tie-break)
    support: float  # cos(question, sentence) + CONTEXT_WEIGHT x cos(question, its chunk)
    candidate: Candidate
    vector: np.ndarray


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
    max_chunks: int = 4,
) -> list[Ranked]:
    """The candidate sentences of the top chunks, best first. One embedding batch; the
    answerability check reuses the result (its `support` signal), so it is computed once."""
    candidates = candidate_sentences(hits, max_chunks=max_chunks)
    if not candidates:
        return []
    q = question_vector if question_vector is not None else embed([question])[0]
    vectors = embed([c.text for c in candidates])
    context = chunk_cosines(hits[:max_chunks], q, embed)
    q_words = content_words(question)
    ranked = []
    for cand, vec, cos in zip(candidates, vectors, vectors @ q, strict=True):
        support = float(cos) + CONTEXT_WEIGHT * context[cand.source_n - 1]
        score = support + LEXICAL_WEIGHT * lexical_overlap(q_words, cand.text)
        score += 0.03 * (1.0 / cand.source_n)  # ties go to the better-ranked chunk
        ranked.append(Ranked(score, support, cand, vec))
    ranked.sort(key=lambda r: r.score, reverse=True)
    return ranked


def extractive_answer(
    question: str,
    hits: Sequence[Hit],
    embed: EmbedFn,
    *,
    question_vector: np.ndarray | None = None,
    ranked: Sequence[Ranked] | None = None,
    max_sentences: int = 3,
    max_chars: int = 480,
    notice: str = NOTICE,
) -> str:
    """A short cited answer: the best sentence, plus up to two close runners-up that add
    something (not near-duplicates), in reading order, each followed by its [n]. All from
    the best sentence's document: citing a second policy misled more often than it helped.
    `ranked` (from rank_candidates over the same hits) saves embedding the sentences again."""
    if ranked is None:
        ranked = rank_candidates(question, hits, embed, question_vector)
    if not ranked:
        return notice
    best_score = ranked[0].score
    chosen: list[tuple[Candidate, np.ndarray]] = []
    length = 0
    tables: set[str] = set()
    best_doc = ranked[0].candidate.document
    for item in ranked:
        score, cand, vec = item.score, item.candidate, item.vector
        if len(chosen) >= max_sentences:
            break
        if chosen and score < best_score - RUNNER_UP_GAP:
            break
        if cand.document != best_doc:
            continue  # one policy per answer: citing another one misleads more than it helps
        if cand.table in tables or any(float(vec @ other) > 0.9 for _, other in chosen):
            continue
        text = cand.table or cand.text
        if chosen and length + len(text) > max_chars:
            continue
        if cand.table:
            tables.add(cand.table)
        chosen.append((Candidate(cand.source_n, cand.position, text), vec))
        length += len(text)
    chosen.sort(key=lambda item: (item[0].source_n, item[0].position))
    body = " ".join(_with_marker(c.text, c.source_n) for c, _ in chosen)
    return f"{body}\n\n({notice})"


def _with_marker(sentence: str, n: int) -> str:
    """Put [n] before the closing full stop, as a reader expects."""
    sentence = sentence.rstrip()
    if sentence[-1:] in ".!?":
        return f"{sentence[:-1]} [{n}]{sentence[-1]}"
    return f"{sentence} [{n}]."
