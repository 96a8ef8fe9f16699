"""The ask flow: guardrails -> condense -> retrieve -> answerable? -> LLM or extractive
-> validated citations -> Answer.

`Answerer.ask_stream` is the one implementation; `ask` drains it. Events are plain dicts:
  {"type": "token", "text": str}          answer text as it is produced
  {"type": "notice", "message": str}      e.g. falling back to extractive, stream cut off
  {"type": "citations", "citations": [...]}
  {"type": "done", "answer": Answer}      the final Answer; its text is authoritative
                                          (invalid [n] markers removed, strict filtering)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from pocketrag.documents import Hit, display_names
from pocketrag.formatting import pages_label
from pocketrag.generation.answerability import (
    Background,
    IndexLike,
    confidence_score,
    decide,
    relevance_score,
    relevance_signals,
    spelled_out,
    word_weights,
)
from pocketrag.generation.citations import (
    build_citations,
    clean_markers,
    keep_cited_sentences,
    renumber,
)
from pocketrag.generation.condense import condense, normalise_history
from pocketrag.generation.extractive import FALLBACK_NOTICE, NOTICE, compose
from pocketrag.generation.guardrails import check_question, install_pii_masking
from pocketrag.generation.llm import (
    LLMClient,
    LLMError,
    LLMStreamInterrupted,
    resolve_llm_config,
)
from pocketrag.generation.passages import neutralised
from pocketrag.generation.prompts import REFUSAL, build_answer_prompt
from pocketrag.generation.ranking import CANDIDATE_CHUNKS, rank_candidates
from pocketrag.generation.wording import asked_acronym, content_words, spells_out
from pocketrag.settings_views import AnswerPolicy

log = logging.getLogger("pocketrag.answer")
# An acronym's defining passage is looked for among the chunks the extractive answer reads
# (ranking.CANDIDATE_CHUNKS) and, failing that, among this many keyword hits for it.
ACRONYM_LOOKUP_K = 20


class SearchFn(Protocol):
    def __call__(
        self,
        query: str,
        *,
        k: int,
        collection: str | None,
        document_ids: Sequence[str] | None,
        mode: str = "hybrid",
    ) -> list[Hit]: ...


class EmbedderLike(Protocol):
    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    @property
    def word_pieces(self) -> Callable[[str], int] | None: ...


@dataclass
class Answer:
    answer: str
    citations: list[dict[str, object]]
    refused: bool
    mode: str  # "llm" | "extractive"
    timings_ms: dict[str, float]
    question: str = ""  # the standalone question that was searched
    sources: list[Hit] = field(default_factory=list)  # what was retrieved (closest first)
    relevance: float = 0.0
    certainty: float = 0.0  # answerability.confidence_score: "answered" or "hedged"
    flags: list[str] = field(default_factory=list)
    notice: str | None = None
    signals: dict[str, float] = field(default_factory=dict)  # answerability's evidence
    # "high": the documents answer it; "low": a hedged answer (the closest passage, which
    # may not answer it directly); "none": not found (refused)
    confidence: str = "high"
    # the sentence an extractive answer turns on, verbatim in `answer` (the page marks it)
    key_sentence: str | None = None

    @property
    def outcome(self) -> str:
        """ "answered" | "hedged" | "not_found": what the admin log and reports count."""
        if self.refused:
            return "not_found"
        return "hedged" if self.confidence == "low" else "answered"

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "answer": self.answer,
            "citations": self.citations,
            "refused": self.refused,
            "mode": self.mode,
            "confidence": "none" if self.refused else self.confidence,
            "outcome": self.outcome,
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }
        if self.flags:
            out["flags"] = self.flags
        if self.notice:
            out["notice"] = self.notice
        if self.key_sentence and not self.refused:
            out["key_sentence"] = self.key_sentence
        if self.refused:
            out["closest_sources"] = [hit.to_json() for hit in self.sources[:3]]
        return out


class Answerer:
    """Holds the long-lived parts (LLM client with its circuit breaker, the index's
    background vector) across questions. `index` gives the store (answerability's term
    statistics and mean vector), lazily like `embedder`. `policy` is the answerer's view of
    the settings (Pipeline builds it); each step gets its own part of it."""

    def __init__(
        self,
        policy: AnswerPolicy,
        search: SearchFn,
        embedder: Callable[[], EmbedderLike],
        index: Callable[[], IndexLike],
        llm: LLMClient | str | None = "auto",
    ) -> None:
        self.policy = policy
        self._search = search
        self._embedder = embedder
        self._index = index
        self._background = Background()
        if llm == "auto":
            config = resolve_llm_config(policy.llm)
            llm = LLMClient(config) if config else None
        self.llm: LLMClient | None = llm  # type: ignore[assignment]
        install_pii_masking(policy.question)

    def _with_definition(
        self,
        hits: list[Hit],
        acronym: str,
        collection: str | None,
        document_ids: Sequence[str] | None,
    ) -> list[Hit]:
        """The hits, led by a passage that spells out the acronym asked about when none of
        them does: an acronym is defined once ("Educational Visits Coordinator (EVC)") and
        used everywhere else, so "What does EVC stand for?" ranks its uses first. Found by
        a keyword search for the acronym itself (no embedding)."""
        if any(_spells(h, acronym) for h in hits[:CANDIDATE_CHUNKS]):
            return hits
        found = self._search(
            acronym, k=ACRONYM_LOOKUP_K, mode="bm25", collection=collection,
            document_ids=document_ids,
        )  # fmt: skip
        defining = next((h for h in neutralised(found) if _spells(h, acronym)), None)
        if defining is None:
            return hits
        return [defining, *(h for h in hits if h.chunk_id != defining.chunk_id)][: len(hits)]

    def close(self) -> None:
        if self.llm is not None:
            self.llm.close()

    def ask(self, question: str, history: Sequence[Any] = (), **kwargs: Any) -> Answer:
        for event in self.ask_stream(question, history, **kwargs):
            if event["type"] == "done":
                return event["answer"]
        raise RuntimeError("ask_stream ended without an answer")  # pragma: no cover

    def ask_stream(
        self,
        question: str,
        history: Sequence[Any] = (),
        *,
        k: int | None = None,
        collection: str | None = None,
        document_ids: Sequence[str] | None = None,
        use_llm: bool = True,
    ) -> Iterator[dict[str, Any]]:
        started = time.perf_counter()
        checked = check_question(question, self.policy.question)
        flags = list(checked.flags)
        llm = self.llm if use_llm else None
        turns = normalise_history(history)
        standalone, how = condense(
            turns, checked.text, llm, self.policy.question.max_question_chars
        )
        if how != "none":
            flags.append(f"condensed_{how}")
        k = k or self.policy.top_k
        # (Pipeline.search already shows near-duplicates as one hit.) Bracketed numbers in
        # the text are neutralised: only the answer's own markers look like [n].
        hits = neutralised(
            self._search(standalone, k=k, collection=collection, document_ids=document_ids)
        )
        if acronym := asked_acronym(checked.text):
            hits = self._with_definition(hits, acronym, collection, document_ids)
        embedder = self._embedder()
        q_vec = embedder.embed([standalone])[0]
        retrieved = time.perf_counter()  # "generate" from here: answerability + answer
        # the user's own words of a follow-up completed from the conversation
        focus = checked.text if how == "heuristic" else ""
        # the extractive step's ranked units: evidence for the answerability decision as well
        previous = next((text for role, text in reversed(turns) if role == "assistant"), "")
        weights = word_weights(self._index(), content_words(standalone))
        ranked = rank_candidates(
            standalone, hits, embedder.embed, q_vec, focus=focus, previous_answer=previous,
            word_weights=weights,
        )  # fmt: skip
        signals = relevance_signals(
            standalone, hits, q_vec, ranked, self._index(), self._background, own_words=focus,
            word_pieces=embedder.word_pieces, embed=embedder.embed,
        )  # fmt: skip
        relevance, certainty = relevance_score(signals), confidence_score(signals)
        # without the model (no LLM, or it failed): "hedged" quotes the closest passage
        extractive_outcome = decide(signals, self.policy.thresholds) if hits else "not_found"
        outcome = extractive_outcome
        if llm is not None and hits:
            outcome = decide(signals, self.policy.thresholds, llm=True)
        if extractive_outcome != "answered" and spelled_out(checked.text, ranked):
            # the passages spell out the acronym asked about
            outcome = extractive_outcome = "answered"
        # the question's text only where asked for (POCKETRAG_LOG_QUESTION_TEXT)
        asked = f"question {standalone!r}: " if self.policy.log_question_text else ""
        log.info(
            "%srelevance %.3f, confidence %.3f over %d hits: %s",
            asked, relevance, certainty, len(hits), outcome,
        )  # fmt: skip

        def finish(text: str, mode: str, refused: bool, sources: list[Hit], notice=None, key=None):
            citations = [] if refused else build_citations(text, sources)
            done = time.perf_counter()
            answer = Answer(
                answer=text,
                citations=citations,
                refused=refused,
                mode=mode,
                timings_ms={
                    "retrieve": (retrieved - started) * 1000,
                    "generate": (done - retrieved) * 1000,
                    "total": (done - started) * 1000,
                },
                question=standalone,
                sources=list(hits),
                relevance=relevance,
                certainty=certainty,
                signals=signals,
                flags=flags,
                notice=notice,
                confidence="none" if refused else confidence,
                key_sentence=key,
            )
            yield {"type": "citations", "citations": citations}
            yield {"type": "done", "answer": answer}

        # Only a question nothing retrieved is about is refused before the LLM; with an LLM
        # the model decides the rest (DESIGN decision 7), without one a weak match is hedged.
        if outcome == "not_found":
            text = refusal_text(hits)
            yield {"type": "token", "text": text}
            yield from finish(text, "extractive", True, list(hits))  # no LLM call
            return
        # an extractive answer to a weak match is hedged; an LLM's answer is its decision
        extractive_confidence = "low" if extractive_outcome == "hedged" else "high"
        confidence = extractive_confidence if llm is None else "high"

        def refused_without_model() -> Iterator[dict[str, Any]]:
            """The model failed on a question it alone could have answered (relevance
            between the two gates): the extractive rule refuses it."""
            text = refusal_text(hits)
            yield {"type": "token", "text": text}
            yield from finish(text, "extractive", True, list(hits))

        def extractive(notice: str) -> tuple[str, list[Hit], str | None]:
            """The extractive answer with its citations numbered [1], [2], ... and the
            sources reordered to match (it is shown whole, so renumbering is safe), and
            its key sentence. An answer that quotes few of the question's words is hedged
            (wording.QUOTED_WORDS_FLOOR)."""
            nonlocal confidence
            extract = compose(
                standalone, hits, embedder.embed, question_vector=q_vec, ranked=ranked,
                notice=notice, hedged=extractive_outcome == "hedged",
            )  # fmt: skip
            if extract.hedged:
                confidence = "low"
            text, order = renumber(extract.text, len(hits))
            return text, [hits[n - 1] for n in order], extract.key

        if llm is None:
            text, cited_hits, key = extractive(NOTICE)
            yield {"type": "token", "text": text}
            yield from finish(text, "extractive", False, cited_hits, NOTICE, key)
            return

        prompt = build_answer_prompt(
            standalone,
            hits,
            budget_tokens=self.policy.llm_context_tokens,
            max_answer_tokens=self.policy.llm.max_tokens,
        )
        strict = self.policy.question.guardrails_level == "strict"
        pieces: list[str] = []
        notice = None
        try:
            for token in llm.stream(prompt.messages):
                pieces.append(token)
                if not strict:  # strict buffers: uncited sentences must never be shown
                    yield {"type": "token", "text": token}
        except LLMStreamInterrupted as exc:
            notice = f"The answer was cut off: {exc}"
            flags.append("incomplete")
            yield {"type": "notice", "message": notice}
        except LLMError as exc:
            log.warning("LLM failed, answering extractively: %s", exc)
            flags.append("llm_failed")
            confidence = extractive_confidence
            yield {"type": "notice", "message": f"{exc} Answering from the documents instead."}
            if extractive_outcome == "not_found":
                yield from refused_without_model()
                return
            text, cited_hits, key = extractive(FALLBACK_NOTICE)
            yield {"type": "token", "text": text}
            yield from finish(text, "extractive", False, cited_hits, FALLBACK_NOTICE, key)
            return

        raw = "".join(pieces).strip()
        sources = prompt.sources
        cited = clean_markers(raw, len(sources))
        if cited.invalid:
            flags.append("invalid_citations_dropped")
        text = cited.text
        if is_refusal(text) and not cited.used:
            if strict:
                yield {"type": "token", "text": text}
            yield from finish(text, "llm", True, list(hits), notice)
            return
        if not cited.used:
            flags.append("uncited")
        if strict:
            if cited.used:
                text, dropped = keep_cited_sentences(text)
                if dropped:
                    flags.append(f"dropped_uncited_sentences:{dropped}")
            if not cited.used or not text:
                notice = "The language model's answer carried no valid citation; quoting instead."
                confidence = extractive_confidence
                if extractive_outcome == "not_found":
                    yield {"type": "notice", "message": notice}
                    yield from refused_without_model()
                    return
                text, cited_hits, key = extractive(notice)
                yield {"type": "notice", "message": notice}
                yield {"type": "token", "text": text}
                yield from finish(text, "extractive", False, cited_hits, notice, key)
                return
            yield {"type": "token", "text": text}
        yield from finish(text, "llm", False, sources, notice)


def _spells(hit: Hit, acronym: str) -> bool:
    """Whether the passage, or its heading (a glossary's term), spells out the acronym."""
    return spells_out(f"{hit.heading}\n{hit.text}", acronym)


def is_refusal(text: str) -> bool:
    head = text.strip().lower().replace("’", "'")[:120]
    return head.startswith(("i couldn't find", "i could not find", "i can't find")) or (
        REFUSAL.lower().rstrip(".") in head
    )


def refusal_text(hits: Sequence[Hit]) -> str:
    """The refusal, naming the closest sections so the user knows where else to look."""
    if not hits:
        return REFUSAL
    seen: list[str] = []
    for hit in hits[:3]:
        # "Travel Policy (Booking, page 2)": the section without its title repeated
        title, section = display_names(hit.title, hit.heading)
        details = [section]
        if hit.page_start is not None:
            details.append(f"page {pages_label(hit)}")
        where = title or hit.source
        if any(details):
            where += f" ({', '.join(d for d in details if d)})"
        if where not in seen:
            seen.append(where)
    return f"{REFUSAL} The closest sections were: " + "; ".join(seen) + "."
