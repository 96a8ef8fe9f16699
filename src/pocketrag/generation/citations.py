"""Citation markers: parse [n], [1][2], [1, 2]; keep those that point at a given source.

A marker pointing nowhere ([9] with five sources) is removed from the text rather than
shown as a dead link; an LLM answer left with no valid citation is flagged by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pocketrag.documents import Hit

# [1]  [1, 2]  [1,2;3]  [Source 1]  [source 2, 3]
MARKER = re.compile(
    r"\[\s*(?:sources?\s*)?(\d{1,3}(?:\s*[,;]\s*(?:sources?\s*)?\d{1,3})*)\s*\]", re.IGNORECASE
)
# a stop ends a sentence; a dotted leader's dots do not, nor do spaced ones ("Hospital,
# Brindle Park ...... Priya Okafor RVN", "Tarrow Farm ... James Whitlow": rows of a notice's
# contacts had been quoted cut from their names)
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\.\.\.\.)(?<! \.\.\.)(?:\s*(?:\[[^\]]*\])+)?\s+(?=\S)")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
SNIPPET_CHARS = 240


@dataclass
class CitedText:
    text: str  # the answer with invalid markers removed
    used: list[int] = field(default_factory=list)  # valid source numbers, first use order
    invalid: list[int] = field(default_factory=list)  # markers that pointed nowhere


def marker_numbers(text: str) -> list[int]:
    return [int(n) for m in MARKER.finditer(text) for n in re.findall(r"\d+", m.group(1))]


_DROPPED = "\x00"  # where a marker was taken out (no document text holds a NUL)


def clean_markers(text: str, n_sources: int) -> CitedText:
    """Drop invalid numbers from markers (and empty markers), normalise to [1][2] style."""
    used: list[int] = []
    invalid: list[int] = []

    def fix(match: re.Match[str]) -> str:
        keep = []
        for n in (int(x) for x in re.findall(r"\d+", match.group(1))):
            if 1 <= n <= n_sources:
                if n not in keep:
                    keep.append(n)
                if n not in used:
                    used.append(n)
            elif n not in invalid:
                invalid.append(n)
        return "".join(f"[{n}]" for n in keep) or _DROPPED

    cleaned = MARKER.sub(fix, text.replace(_DROPPED, ""))
    # the space a dropped marker leaves before punctuation goes with it ("text [9]." ->
    # "text."); the document's own stays ("the wildcard characters * and ? can be used")
    cleaned = re.sub(rf"(?:[ \t]*{_DROPPED})+[ \t]*(?=[.,;:!?])", "", cleaned)
    cleaned = re.sub(r"(?<=\])[ \t]+(?=[.,;:!?])", "", cleaned)  # "text [1] ." -> "text [1]."
    cleaned = re.sub(r"[ \t]{2,}", " ", cleaned.replace(_DROPPED, "")).strip()
    return CitedText(cleaned, used, invalid)


def renumber(text: str, n_sources: int) -> tuple[str, list[int]]:
    """Markers renumbered 1, 2, ... in order of first use; returns the old numbers in that
    order (so sources can be reordered to match). For answers shown only once complete."""
    cited = clean_markers(text, n_sources)
    mapping = {old: new for new, old in enumerate(cited.used, start=1)}

    def fix(match: re.Match[str]) -> str:
        return "".join(f"[{mapping[int(n)]}]" for n in re.findall(r"\d+", match.group(1)))

    return MARKER.sub(fix, cited.text), cited.used


# A full stop that ends an abbreviation, not a sentence: "(ext. 4400)", "e.g. a taxi",
# "Dr. Patel"; and one that does so only before a number: "No. 5", "p. 12", "cl. 4.2" (a
# lone "No." answers a question).
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:e\.g|i\.e|ext|tel|approx|fig|vs|mr|mrs|ms|dr|pp|para|cf|incl|excl)\.$",
    re.IGNORECASE,
)
ABBREVIATION_TAIL = 10  # " approx." and its neighbours fit
_NUMBER_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:no|nos|p|sec|art|cl|ref|st)\.$", re.IGNORECASE)
# A capital letter's full stop after a name is an initial: "STEVEN E. MERCER", "Donald E.
# Knuth", "D. M. Bates": after a capitalised word (or before another initial) the name goes
# on. "Appendix A. This ..." and "MacOS X. It ..." end a sentence: the word after the
# letter is one a sentence starts with.
_INITIAL = re.compile(r"(?:^|[\s(])([A-Z][A-Za-z'.-]*\s|[-•*]\s*)?[A-Z]\.$")
_NAME_GOES_ON = re.compile(r"^[A-Z][A-Za-z'-]*\b")
_SENTENCE_STARTS = frozenset(
    "a all also an and any as at but by each for from he her here his how i if in it its "  # noqa: SIM905
    "no not note once or our please see she so that the their then there these they this "
    "those to we what when where which while who with you your".split()
)


def split_sentences(text: str) -> list[str]:
    """Sentences of an answer, each keeping the citation markers that follow its full stop."""
    parts: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*[-*•]|\s*\d+[.)]\s)", text):
        start = 0
        for m in _SENTENCE_END.finditer(paragraph):
            end = m.end()
            _append(parts, paragraph[start:end].strip())
            start = end
        _append(parts, paragraph[start:].strip())
    return [p for p in parts if p]


def _append(parts: list[str], part: str) -> None:
    """Add a sentence, or join it to the previous part when that ended on an abbreviation
    or it starts in lower case (no sentence does: "etc. and", "e.g. the")."""
    if not part:
        return
    previous = parts[-1] if parts else ""
    tail = previous[-ABBREVIATION_TAIL:]  # a sentence joined many times grows: look at its end
    joins = previous and (
        part[0].islower()
        or _ABBREVIATION.search(tail)
        or (part[0].isdigit() and _NUMBER_ABBREVIATION.search(tail))
        or _initial_before_name(previous, part)
    )
    if joins:
        parts[-1] = f"{previous} {part}"
    else:
        parts.append(part)


def _initial_before_name(previous: str, part: str) -> bool:
    initial = _INITIAL.search(previous[-2 * ABBREVIATION_TAIL :])
    name = _NAME_GOES_ON.match(part)
    if not initial or not name or name.group().lower() in _SENTENCE_STARTS:
        return False
    # after a capitalised word or a bullet, alone, or before another initial
    return bool(initial.group(1)) or len(previous) <= 3 or bool(re.match(r"[A-Z]\.", part))


def keep_cited_sentences(text: str) -> tuple[str, int]:
    """Strict mode: only sentences carrying a (valid, already cleaned) marker survive."""
    sentences = split_sentences(text)
    kept = [s for s in sentences if MARKER.search(s)]
    return " ".join(kept), len(sentences) - len(kept)


_BULLET = re.compile(r"^[-*•]\s+")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 2}


def best_snippet(source_text: str, claim: str, limit: int = SNIPPET_CHARS) -> str:
    """The source sentence sharing most words with the claim that cites it."""
    sentences = split_sentences(source_text) or [source_text]
    claim_words = _words(MARKER.sub("", claim))
    best = max(sentences, key=lambda s: len(_words(s) & claim_words))
    best = _BULLET.sub("", " ".join(best.split()))  # a list item's text, not its bullet
    return best if len(best) <= limit else best[: limit - 1].rsplit(" ", 1)[0] + " …"


def build_citations(text: str, sources: Sequence[Hit]) -> list[dict[str, object]]:
    """The citation objects for the valid markers in an already cleaned answer."""
    claims: dict[int, list[str]] = {}
    for sentence in split_sentences(text):
        for n in marker_numbers(sentence):
            claims.setdefault(n, []).append(sentence)
    citations = []
    for n in clean_markers(text, len(sources)).used:
        hit = sources[n - 1]
        citations.append(
            {
                "n": n,
                "document_id": hit.document_id,  # links to GET /v1/documents/{id}/file
                "source": hit.source,
                "title": hit.title,
                "page_start": hit.page_start,
                "page_end": hit.page_end,
                "heading": hit.heading,
                "from_scan": hit.from_scan,
                # the first sentence citing it: an extractive answer's lead, not the longest
                # of the sentences it quotes after it
                "snippet": best_snippet(hit.text, claims.get(n, [""])[0]),
                "text": hit.text,  # the whole passage: the page shows the quote inside it
                **({"also_in": list(hit.also_in)} if hit.also_in else {}),
            }
        )
    return citations
