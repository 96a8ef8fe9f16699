"""The embedded default answer: the best supporting sentences of the top chunks, cited.

No network, no LLM: the units of the first few retrieved chunks are ranked against the
question (ranking.py); the best passage's best unit leads, and its close runners-up and
what it needs to read whole join it within a word budget (choose_units); compose writes the
cited answer, or both sides when two documents disagree (disagreement.py). A handful of
chunks keeps it cheap: ~30 short sentences, one embedding batch run, tens of milliseconds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from pocketrag.documents import Hit
from pocketrag.generation.disagreement import disagreeing, newest_first, side_units
from pocketrag.generation.passages import (
    MAX_ITEM_WORDS,
    MAX_LIST_WORDS,
    Unit,
    needs_antecedent,
    refers_back,
    units,
    word_count,
)
from pocketrag.generation.ranking import (
    Candidate,
    EmbedFn,
    Ranked,
    quotes,
    rank_candidates,
    repeats,
)
from pocketrag.generation.wording import (
    DEFAULT_WORD,
    QUOTED_WORDS_FLOOR,
    content_words,
    lexical_overlap,
    names_other_than,
    names_unmentioned,
    states_number,
    wants_default,
    wants_list,
    wants_name,
    wants_number,
)

NOTICE = "Extractive answer: quoted from the documents; no language model was used."
FALLBACK_NOTICE = (
    "Extractive answer: the language model was unavailable, so this quotes the documents."
)


# A runner-up unit joins the best one only when nearly as good (score units) and from the
# same document; answers stay short (issue 11: a median under 80 words). 90 words and 4
# units, not 70 and 3 (session 9): +34 answers gained a key fact and 4 lost one over the
# development sets, medians +0-11 words (licences 61 -> 72); nearly all of it is the
# words, which let a second sentence of the passage join (docs/BENCHMARKS.md). 100, not 90
# (session 30): over the 80 development sets +234 key facts, -62, pooled 0.6619 -> 0.6691;
# sets with a median over 80 words 1 -> 4 (at most 86). 110 gained more (+420 -62) but
# left 9 sets over 80 words: the bound on length wins there.
RUNNER_UP_GAP = 0.15
MAX_ANSWER_WORDS = 100
# An answer shorter than this reads on in its paragraph (_read_on, _filled): 20 and 30
# gained key facts on the development sets without losing any; 40 with _filled, session 10:
# +11 answers, -0, medians +0-3 words; 50 added 3 more for 2-4 more words (BENCHMARKS).
READ_ON_WORDS = 40
# An answer still this short after reading on in its paragraph takes the unit after it
# whatever it is, the next paragraph's sentence or a table (_next_unit): "ERROR: database
# is not accepting commands ..." is the symptom, the paragraph after it what to do.
# Development sets, session 10: +5 answers, -0 (BENCHMARKS).
BARE_WORDS = 20
# How many sentences back a chosen one's antecedents go (_antecedents): the one before, and
# the one before that when the first refers back in turn.
ANTECEDENT_STEPS = 2
# At most this many units missing between two quoted ones of a chunk are quoted too (_gaps).
MAX_GAP_UNITS = 2
# How far behind the lead a unit of the same passage may be and still join the answer
# because only it states the figure or name asked for (choose_units). Set by reasoning,
# not fitted: three times the runner-up gap, below the gap between a passage's on-topic
# units and its off-topic ones on the handbook (~0.3-0.4).
FIGURE_GAP = 0.25
# How far behind the lead another document's unit may be and still join the answer, when it
# says what the chosen units do not (_joins_from_another): a man page's option line nearly
# tied with the configuration file's comment the answer quotes. A third of RUNNER_UP_GAP: of
# 0.05, 0.08 and 0.12 over the 95 development sets (session 39), 0.12 gained the most key facts
# (+260 -29) but quoted an unexpected document in 533 more answers, 0.05 +115 -10 in 185; kept
# out of hedged answers too (the sample handbook's citation accuracy had fallen 0.93 -> 0.89),
# +77 -4 in 130.
OTHER_DOCUMENT_GAP = 0.05


def best_passage(ranked: Sequence[Ranked]) -> int:
    """The chunk (source number) whose two best units together answer best. A single best
    sentence is often a side rule ("carry over up to 3 days") next to the passage that
    answers ("Full-time staff receive 25 days ..."), which the small model scores a little
    lower; a passage with two good units is the better place to quote from."""
    by_chunk: dict[int, list[float]] = {}
    for item in ranked:  # best first, so each list is sorted
        by_chunk.setdefault(item.candidate.source_n, []).append(item.score)

    def passage_score(scores: list[float]) -> float:
        return scores[0] if len(scores) < 2 else (scores[0] + 0.5 * scores[1]) / 1.5

    return max(by_chunk, key=lambda n: (passage_score(by_chunk[n]), -n))


def choose_units(
    ranked: Sequence[Ranked],
    max_units: int = 4,
    asks_for: Callable[[str], bool] | None = None,
    question_words: set[str] | None = None,
    headings: Sequence[str] = (),
    default_wanted: bool = False,
    from_others: bool = True,
) -> tuple[list[Candidate], Candidate, list[Candidate]]:
    """The best passage's best unit and its close runners-up (from that passage first, then
    from the same document, then one nearly tied from another: _joins_from_another), that
    add something, within the word budget, in reading order,
    and the best unit of all if another document's; and the passage's best unit (the key
    sentence). `asks_for(text)`: whether a unit
    states what the question asks for (a figure, a name); when none of the chosen does,
    the passage's best unit that does joins them, from further behind (FIGURE_GAP): "Client
    entertainment must be approved by a Director." answers "What is the spending limit?"
    only with the next sentence, "The limit is €60 per head". `question_words`: units of the
    document that say one the answer does not yet say join it (_covering); they are
    returned a third time, apart. `default_wanted`: the question asks for a default, which
    the passage's unit stating one gives (_default_of). `from_others`: another document's
    nearly tied unit may join (_joins_from_another); not for a hedged answer, whose passage
    is already a guess."""
    passage = best_passage(ranked)
    # a setting line ("CHECKMAIL:FALSE") leads no answer when its passage has a sentence: it
    # joins the sentence that says what it sets, as a runner-up, instead of standing alone
    in_passage = [r for r in ranked if r.candidate.source_n == passage]
    lead = next((r for r in in_passage if r.candidate.kind != "lines"), in_passage[0])
    top = ranked[0]
    # the best unit of all comes right after the lead when it is of the lead's document
    # (another chunk of it): the passage's lesser units had taken the word budget first
    ordered = [lead]
    if top is not lead and top.candidate.document == lead.candidate.document:
        ordered.append(top)
    rest = [r for r in ranked if all(r is not o for o in ordered)]
    ordered += [r for r in rest if r.candidate.source_n == passage]
    ordered += [r for r in rest if r.candidate.source_n != passage]
    # room kept for the best unit of all when another document's passage won (see below):
    # the passage's lesser units had filled the budget first (development sets, session 31:
    # +26 key facts, -7)
    elsewhere = top.candidate.document != lead.candidate.document
    kept = word_count(top.candidate.text) if elsewhere else 0
    chosen: list[Ranked] = []
    words = 0
    for item in ordered:
        cand = item.candidate
        if len(chosen) >= max_units:
            break
        if chosen and item.score < lead.score - RUNNER_UP_GAP:
            continue
        if cand.document != lead.candidate.document and not (
            from_others
            and _joins_from_another(item, lead, chosen, elsewhere, asks_for, question_words)
        ):
            continue  # one policy per answer unless they disagree (see disagreeing)
        if lead.keyed and cand.kind == "row" and not item.keyed:
            continue  # the row asked for, not its neighbours that differ in figures only
        if any(repeats(item, c) for c in chosen):
            continue
        size = word_count(cand.text)
        if chosen and words + size > MAX_ANSWER_WORDS - kept:
            continue
        chosen.append(item)
        words += size
    if asks_for is not None and not any(asks_for(r.candidate.text) for r in chosen):
        stating = (
            r
            for r in ordered
            if r.candidate.source_n == passage
            and (r.score >= lead.score - FIGURE_GAP or (asks_for is _is_list and _next_to(r, lead)))
            and asks_for(r.candidate.text)
            and not any(repeats(r, c) and not quotes(r.candidate, c.candidate) for c in chosen)
        )
        if (extra := next(stating, None)) is not None:
            # a list holding a chosen sentence as one of its items takes its place
            chosen = [c for c in chosen if not quotes(extra.candidate, c.candidate)] + [extra]
    if default_wanted and not any(DEFAULT_WORD.search(r.candidate.text) for r in chosen):
        chosen += _default_of(lead, chosen, ordered)
    covering = _covering(lead, chosen, ordered, question_words, headings) if question_words else []
    chosen += covering
    words = _words(chosen)
    # The best unit of all, when another document's passage won (two good units beat one
    # better unit): it is often the direct answer ("... the Code each year, by 31 January"
    # beside "Code of Conduct - every 2 years"). Named by its title in the answer (compose).
    if elsewhere and not any(repeats(top, c) for c in chosen):
        size = word_count(top.candidate.text)
        if words + size <= MAX_ANSWER_WORDS:
            chosen.append(top)
            words += size
    chosen += _antecedents(chosen, ranked)
    chosen += _continuations(chosen, ranked, MAX_ANSWER_WORDS - words)
    chosen += _gaps(chosen, ranked, MAX_ANSWER_WORDS - _words(chosen))
    lone_and_short = len(chosen) == 1 and words < READ_ON_WORDS
    room = None if lone_and_short else MAX_ANSWER_WORDS - _words(chosen)
    chosen += _read_on(lead, chosen, ranked, room, each=True)
    chosen += _filled(lead, chosen, ranked)
    if _words(chosen) < BARE_WORDS:
        after = _next_unit(lead, chosen, ranked, MAX_ANSWER_WORDS - _words(chosen))
        # the next unit may be the list or table that holds the answer's one unit: it
        # takes that unit's place instead of repeating it ("A submodule is considered
        # active," then its conditions; a row, then its table with the row it points to)
        chosen = [c for c in chosen if not any(quotes(a.candidate, c.candidate) for a in after)]
        chosen += after
    # the passage the answer is built on first, then in reading order
    chosen.sort(
        key=lambda r: (r.candidate.source_n != passage, r.candidate.source_n, r.candidate.position)
    )
    return [r.candidate for r in chosen], lead.candidate, [r.candidate for r in covering]


def _joins_from_another(
    item: Ranked,
    lead: Ranked,
    chosen: Sequence[Ranked],
    elsewhere: bool,
    asks_for: Callable[[str], bool] | None,
    question_words: set[str] | None,
) -> bool:
    """Whether another document's unit joins the lead's as a runner-up: one such unit, nearly
    tied with the lead (OTHER_DOCUMENT_GAP), stating the figure or name asked for when no
    chosen unit does, or a question word none says ("%?: The return status of the last
    command" beside "? <S>: The exit status returned by the last command"). Not when the
    best unit of all is another document's already: it joins anyway (choose_units)."""
    if elsewhere or item.score < lead.score - OTHER_DOCUMENT_GAP:
        return False
    if any(c.candidate.document != lead.candidate.document for c in chosen):
        return False
    text, said = item.candidate.text, " ".join(c.candidate.text for c in chosen)
    if asks_for is not None and asks_for(text) and not asks_for(said):
        return True
    return bool(question_words and (content_words(text) & question_words) - content_words(said))


def _default_of(lead: Ranked, chosen: list[Ranked], ordered: Sequence[Ranked]) -> list[Ranked]:
    """The unit of the lead's passage that states a default, wherever it ranks, for a
    question that asks for one: a setting's description gives its default in a short
    sentence of its own ("The default value is 8.") that shares one word with "What's the
    default for max_worker_processes?" and ranks far behind the description. Of those, the
    nearest after the lead, which it describes, else the nearest before."""
    here = lead.candidate.position
    stating = [
        r
        for r in ordered
        if r.candidate.source_n == lead.candidate.source_n
        and DEFAULT_WORD.search(r.candidate.text)
        and not any(repeats(r, c) for c in chosen)
        and word_count(r.candidate.text) <= MAX_ANSWER_WORDS - _words(chosen)
    ]
    # one that gives a figure, if any: "a default freshness lifetime is applied" only
    # announces the one that "is one hour"
    stating = [r for r in stating if states_number(r.candidate.text)] or stating
    if not stating:
        return []
    return [
        min(stating, key=lambda r: (r.candidate.position < here, abs(r.candidate.position - here)))
    ]


def _covering(
    lead: Ranked,
    chosen: list[Ranked],
    ordered: Sequence[Ranked],
    question_words: set[str],
    headings: Sequence[str],
) -> list[Ranked]:
    """Units of the lead's document that say a question word no chosen unit (nor the
    passage's heading) says, within FIGURE_GAP of the lead and the word budget: "Can
    maintainers accept donations in Bitcoin?" is answered by the passage's one sentence that
    names Bitcoin ("We have no objections to using Bitcoin ..."), which the small model
    ranks below the sentences about donations in general. Development sets, session 13:
    from the lead's passage +27 answers, -5; from its document's other chunks too, +27 more,
    -5; medians +1-4 words (docs/BENCHMARKS.md)."""
    n = lead.candidate.source_n
    covered = content_words(" ".join(r.candidate.text for r in chosen) + " " + headings[n - 1])
    room = MAX_ANSWER_WORDS - _words(chosen)
    out = []
    for item in ordered:
        cand = item.candidate
        if cand.document != lead.candidate.document or item.score < lead.score - FIGURE_GAP:
            continue
        if any(repeats(item, c) for c in chosen + out):  # (a unit repeats itself)
            continue
        new = (content_words(cand.text) & question_words) - covered
        size = word_count(cand.text)
        if new and size <= room:
            out.append(item)
            covered |= new
            room -= size
    return out


def _antecedents(chosen: list[Ranked], ranked: Sequence[Ranked]) -> list[Ranked]:
    """The sentences right before chosen ones that need them ("Small gifts can be accepted
    if they are worth £50 or less." before "Anything worth more than that must be
    declined."): quoted alone, the chosen one leaves out what it refers to. One that needs
    its own is taken with it, ANTECEDENT_STEPS back at most ("Warning: since 2011 Eaton
    does not support NUT anymore." / "This may still evolve in the future." / "But for now,
    please do not consider ...")."""
    out: list[Ranked] = []
    for _ in range(ANTECEDENT_STEPS):
        found = _neighbours(chosen + out, ranked, -1, lambda item, _: needs_antecedent(item.text))
        if not found:
            break
        out += found
    return out


def _continuations(chosen: list[Ranked], ranked: Sequence[Ranked], room: int) -> list[Ranked]:
    """The sentences right after chosen ones that go on about the same subject by a pronoun
    ("The Health and Safety Committee meets quarterly. It is chaired by Captain Ian
    Trewin."): the chosen sentence introduced what they say, and alone they rank low, since
    "It" names nothing the question asks about."""

    def fits(_: Candidate, following: Candidate) -> bool:
        nonlocal room
        size = word_count(following.text)
        if not refers_back(following.text) or size > room:
            return False
        room -= size
        return True

    return _neighbours(chosen, ranked, 1, fits)


def _gaps(chosen: list[Ranked], ranked: Sequence[Ranked], room: int) -> list[Ranked]:
    """The one or two units between two chosen units of a chunk: a passage quoted with a
    sentence missing from its middle reads as two fragments, and the missing one is often
    the answer the small model ranked low, a line of configuration or a file name ("...
    (check /etc/aliases)" between "Root's mail should be considered also" and "Take care to
    send root's mail to some place where it will be read")."""
    by_place = {(r.candidate.source_n, r.candidate.position): r for r in ranked}
    taken = sorted((r.candidate.source_n, r.candidate.position) for r in chosen)
    out = []
    for (source_n, before), (next_n, after) in pairwise(taken):
        if next_n != source_n or not 1 < after - before <= 1 + MAX_GAP_UNITS:
            continue
        middle = [by_place.get((source_n, p)) for p in range(before + 1, after)]
        if None in middle:
            continue
        size = sum(word_count(m.candidate.text) for m in middle)
        if size <= room and not any(repeats(m, c) for m in middle for c in chosen):
            out += middle
            room -= size
    return out


def _read_on(
    lead: Ranked,
    chosen: list[Ranked],
    ranked: Sequence[Ranked],
    room: int | None,
    each: bool = False,
) -> list[Ranked]:
    """The sentence after the lead in its paragraph, when it fits in `room` words (None: a
    lone short answer, which always reads on): a paragraph states a rule and then how it
    applies ("Filament soaks up moisture and prints stringy." / "Dry it at 45 °C for 4
    hours."; "max_wal_senders (integer): Specifies the maximum number of ... WAL sender
    processes." / "The default is 10."), and the small model ranks the first sentence,
    which names the subject, above the second, which holds the answer. `each`: then after
    each other chosen sentence of the lead's document too, the best first, while they fit
    ("Two tablespaces are automatically created ..." / "The pg_global tablespace is used
    for shared system catalogs.")."""

    def same_paragraph(first: Candidate, following: Candidate) -> bool:
        nonlocal room
        size = word_count(following.text)
        if first.paragraph < 0 or following.paragraph != first.paragraph:
            return False
        if room is not None and size > room:
            return False
        room = None if room is None else room - size
        return True

    if not any(r is lead for r in chosen):
        return []  # the lead gave way to the list that quotes it
    readers = [lead]
    if each:
        others = (
            r for r in chosen if r is not lead and r.candidate.document == lead.candidate.document
        )
        readers += sorted(others, key=lambda r: -r.score)
    # the list a paragraph ends on ("... The following formats are supported:" and its
    # formats) is read on into like its sentences
    following = _neighbours(readers, ranked, 1, same_paragraph, frozenset({"sentence", "list"}))
    return [r for r in following if not _quoted_already(r, chosen)]


def _filled(lead: Ranked, chosen: list[Ranked], ranked: Sequence[Ranked]) -> list[Ranked]:
    """A short answer (under READ_ON_WORDS) reads on past its last sentence in the lead's
    paragraph until it is not: two short sentences that name the subject ("The
    experimental distribution is a special distribution." / "It is not a full
    distribution ...") come before the one that says what it is for ("Instead, it is a
    staging area ...")."""
    out: list[Ranked] = []
    while _words(chosen + out) < READ_ON_WORDS:
        last = _last_quoted(lead, chosen + out)
        following = _read_on(last, chosen + out, ranked, None) if last is not None else []
        if not following:
            break
        out += following
    return out


def _next_unit(
    lead: Ranked, chosen: list[Ranked], ranked: Sequence[Ranked], room: int
) -> list[Ranked]:
    """The unit after the answer's last one in the lead's chunk, of any kind and paragraph
    but a table row (a row is whole, with its header; the next is a neighbour that differs
    in its figures), when it fits in `room` words (see BARE_WORDS)."""
    last = _last_quoted(lead, chosen)
    if last is None:
        return []
    place = (last.candidate.source_n, last.candidate.position + 1)
    return [
        r
        for r in ranked
        if (r.candidate.source_n, r.candidate.position) == place
        and r.candidate.kind != "row"
        and word_count(r.candidate.text) <= room
        and not _quoted_already(r, chosen)
    ]


def _quoted_already(item: Ranked, chosen: Sequence[Ranked]) -> bool:
    """Chosen, or quoted inside a chosen unit: a list's one item is also a unit of its own."""
    return any(item is c or quotes(c.candidate, item.candidate) for c in chosen)


def _last_quoted(lead: Ranked, chosen: Sequence[Ranked]) -> Ranked | None:
    """The answer's last unit in the lead's chunk (None: the lead gave way to another's)."""
    passage = [r for r in chosen if r.candidate.source_n == lead.candidate.source_n]
    return max(passage, key=lambda r: r.candidate.position, default=None)


def _words(chosen: Sequence[Ranked]) -> int:
    return sum(word_count(r.candidate.text) for r in chosen)


def _neighbours(
    chosen: list[Ranked],
    ranked: Sequence[Ranked],
    offset: int,
    takes: Callable[[Candidate, Candidate], bool],
    kinds: frozenset[str] = frozenset({"sentence"}),
) -> list[Ranked]:
    """The unit of one of `kinds` `offset` places from each chosen unit in its chunk, not
    chosen already, where takes(chosen unit, that unit)."""
    by_place = {(r.candidate.source_n, r.candidate.position): r for r in ranked}
    taken = {(r.candidate.source_n, r.candidate.position) for r in chosen}
    out = []
    for item in chosen:
        place = (item.candidate.source_n, item.candidate.position + offset)
        other = by_place.get(place)
        if other is None or place in taken or other.candidate.kind not in kinds:
            continue
        if takes(item.candidate, other.candidate):
            out.append(other)
            taken.add(place)
    return out


def _next_to(item: Ranked, lead: Ranked) -> bool:
    """The unit right after the lead in its chunk: the list the lead goes on to give ("A
    trigger point is ... The triggers are any of the following: ..."), however far
    behind it ranks (a list embeds less like the question than its one-line definition)."""
    a, b = item.candidate, lead.candidate
    return a.source_n == b.source_n and a.position == b.position + 1


HEDGE = "The documents may not answer this directly; the closest passage says:"


@dataclass(frozen=True)
class Extract:
    text: str
    # The sentence the answer turns on, for the page to mark: the first line (a list's
    # lead-in) of the unit the answer is built around, without its closing punctuation, so
    # it is found verbatim in `text`. None when two documents disagree: both sides count.
    key: str | None = None
    # the passages matched well, but the quoted units hold few of the question's words
    # (compose): the answer opens with HEDGE and counts as hedged
    hedged: bool = False


def compose(
    question: str,
    hits: Sequence[Hit],
    embed: EmbedFn,
    *,
    question_vector: np.ndarray | None = None,
    ranked: Sequence[Ranked] | None = None,
    notice: str = NOTICE,
    hedged: bool = False,
) -> Extract:
    """A short cited answer made of whole units (see passages.py), each followed by its
    [n]. From the best unit's document, unless another document answers nearly as well
    with different figures: then both, each cited, saying that they differ. `hedged`
    introduces the closest passage's units as possibly not answering the question (the
    whole passage, not its best unit alone: a weak match's best unit is often the wrong
    sentence of the right passage).
    `ranked` (from rank_candidates over the same hits) saves embedding the units again."""
    if ranked is None:
        ranked = rank_candidates(question, hits, embed, question_vector)
    if not ranked:
        return Extract(notice)
    # a hedged answer shows both sides too, saying so: quoting one of two disagreeing
    # documents hides the conflict however weak the match (development sets, session 41:
    # disagreement questions +18 key facts -3, others -5)
    pair = disagreeing(ranked, hits, question)
    if pair is not None:
        sides, lead_in = newest_first(pair, hits, hedged)
        parts = [
            f"{label}: " + " ".join(_with_marker(u) for u in side_units(r, pair, ranked[0]))
            for r, label in sides
        ]
        return Extract(f"{lead_in} " + " ".join(parts) + f"\n\n({notice})")
    chosen, lead, covering = choose_units(
        ranked,
        asks_for=_asks_for(question, ranked),
        question_words=content_words(question),
        headings=[h.heading for h in hits],
        default_wanted=wants_default(question),
        from_others=not hedged,
    )
    chosen = _lists_carried_on(chosen, hits)
    body = " ".join(
        _with_marker(c)
        if c.document == lead.document
        else f"{hits[c.source_n - 1].title or 'Another document'}: " + _with_marker(c)
        for c in chosen
    ).replace(" \n", "\n")  # a list's rest carried on from the next chunk starts a line
    # the units chosen for their words do not count: they say the question's words by
    # construction, and would pass an answer that does not answer (QUOTED_WORDS_FLOOR)
    quoted = " ".join(c.text for c in chosen if c not in covering)
    # ... and an answer whose passages never mention the acronym or identifier the question
    # names ("BIMI", "tune.ssl.lifetime") is about something else. Over the 38 development
    # sets: 13 more unanswerable questions hedged, 22 more answerable ones (of 6,313), no
    # key fact lost (the text is the same, introduced as possibly not answering).
    weak = not hedged and (
        lexical_overlap(content_words(question), quoted) < QUOTED_WORDS_FLOOR
        or names_unmentioned(question, [f"{h.title} {h.heading} {h.text}" for h in hits])
    )
    if hedged or weak:
        body = f"{HEDGE} {body}"
    return Extract(f"{body}\n\n({notice})", _key_of(lead.text), hedged=weak)


def _lists_carried_on(chosen: Sequence[Candidate], hits: Sequence[Hit]) -> list[Candidate]:
    """`chosen`, each list the chunk cut followed by its rest: when a list unit ends its
    chunk and the document's next chunk was retrieved too, that chunk's first one-sentence
    paragraphs (after the sentence the two chunks share) are its next items, quoted as such
    and cited to their own chunk: "the ideal is ... patches such that: / - Each patch can be
    applied in order. / - Each patch includes a single logical change ..." goes on "- No
    patch introduces a regression ..." in the next chunk."""
    source_of = {(h.document_id, h.ordinal): n for n, h in enumerate(hits, start=1)}
    out: list[Candidate] = []
    for cand in chosen:
        out.append(cand)
        if cand.kind != "list" or not _ends_chunk(cand, hits):
            continue
        hit = hits[cand.source_n - 1]
        n = source_of.get((hit.document_id, hit.ordinal + 1))
        if n is None or any(c.source_n == n for c in chosen):
            continue
        # the list's own budget (passages.MAX_LIST_WORDS), as if the chunk had not cut it
        items = _first_items(units(hits[n - 1]), cand.text, MAX_LIST_WORDS - word_count(cand.text))
        if items:
            text = "\n" + "\n".join(f"- {t}" for t in items)
            out.append(Candidate(n, -1, text, "list", hit.document_id))
    return out


def _ends_chunk(cut: Candidate, hits: Sequence[Hit]) -> bool:
    """Whether a list unit's last item, whole, ends its chunk's text."""
    tail = cut.text.splitlines()[-1].removeprefix("- ")
    text = " ".join(hits[cut.source_n - 1].text.split())
    return not tail.endswith("…") and text.endswith(" ".join(tail.split()))


def _first_items(found: Sequence[Unit], quoted: str, room: int) -> list[str]:
    """A chunk's opening one-sentence paragraphs, after any the quoted list holds already,
    until a longer paragraph, another lead-in or the word budget."""
    per_paragraph = Counter(u.paragraph for u in found)
    items: list[str] = []
    for unit in found:
        if unit.kind != "sentence":
            break
        if not items and unit.text.rstrip(" .…") in quoted:
            continue  # the sentence the two chunks share
        size = word_count(unit.text)
        if per_paragraph[unit.paragraph] > 1 or size > MAX_ITEM_WORDS or size > room:
            break
        if unit.text.rstrip().endswith(":"):
            break  # another list's lead-in
        items.append(unit.text)
        room -= size
    return items


def _asks_for(question: str, ranked: Sequence[Ranked]) -> Callable[[str], bool] | None:
    """What a unit must state to answer the question: a figure, a name, several things (a
    list), or nothing."""
    if wants_number(question):
        return states_number
    if wants_name(question):
        words = content_words(question)
        return lambda text: names_other_than(text, words)
    if wants_list(question):
        return _is_list
    return None


def _is_list(text: str) -> bool:
    """A list or table unit: a lead-in (or title) line, then "- " items (passages.py)."""
    return "\n- " in text


def _key_of(text: str) -> str:
    return text.strip().splitlines()[0].strip().rstrip(".!?")


def _with_marker(unit: Candidate) -> str:
    """Put [n] before the closing full stop, as a reader expects; after a list or a setting
    (passages' "lines": "port = 24"), at its end, with no full stop added to it."""
    text, n = unit.text.rstrip(), unit.source_n
    if "\n" in text or unit.kind == "lines":
        return f"{text} [{n}]"
    if text[-1:] in ".!?":
        return f"{text[:-1]} [{n}]{text[-1]}"
    return f"{text} [{n}]."
