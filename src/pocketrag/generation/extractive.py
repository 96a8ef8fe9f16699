"""The embedded default answer: the best supporting sentences of the top chunks, cited.

No network, no LLM: candidate sentences from the first few retrieved chunks are embedded
with the same small model used for search and ranked by cosine similarity to the question,
plus a lexical bonus for sharing the question's words (dense similarity alone favours
on-topic sentences that do not contain the figure asked for). A handful of chunks keeps it
cheap: ~30 short sentences, one embedding batch run, tens of milliseconds.
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


def rank_sentences(
    question: str,
    candidates: Sequence[Candidate],
    embed: EmbedFn,
    question_vector: np.ndarray | None = None,
) -> list[tuple[float, Candidate, np.ndarray]]:
    """(score, candidate, vector), best first."""
    if not candidates:
        return []
    vectors = embed([c.text for c in candidates])
    q = question_vector if question_vector is not None else embed([question])[0]
    dense = vectors @ q
    q_words = content_words(question)
    top_document = candidates[0].document
    scored = []
    for cand, vec, cos in zip(candidates, vectors, dense, strict=True):
        score = float(cos) + 0.35 * lexical_overlap(q_words, cand.text)
        score += 0.03 * (1.0 / cand.source_n)  # ties go to the better-ranked chunk
        if cand.document == top_document:
            score += TOP_DOCUMENT_BONUS
        scored.append((score, cand, vec))
    scored.sort(key=lambda item: item[0], reverse=True)
    return scored


# Retrieval (BM25 + dense over whole chunks, with their headings) judges the document
# better than one sentence can: a sentence elsewhere must beat the top document's by this.
TOP_DOCUMENT_BONUS = 0.15

# A runner-up sentence joins the best one only when nearly as good (score units: cosine
# + 0.35 x word overlap) and from the same document.
RUNNER_UP_GAP = 0.08


def extractive_answer(
    question: str,
    hits: Sequence[Hit],
    embed: EmbedFn,
    *,
    question_vector: np.ndarray | None = None,
    max_sentences: int = 3,
    max_chars: int = 480,
    notice: str = NOTICE,
) -> str:
    """A short cited answer: the best sentence, plus up to two close runners-up that add
    something (not near-duplicates), in reading order, each followed by its [n]."""
    ranked = rank_sentences(question, candidate_sentences(hits), embed, question_vector)
    if not ranked:
        return notice
    best_score = ranked[0][0]
    chosen: list[tuple[Candidate, np.ndarray]] = []
    length = 0
    tables: set[str] = set()
    best_doc = ranked[0][1].document
    for score, cand, vec in ranked:
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
