"""What the words of a question and of a passage say, without a model: content words,
overlap, and what a question asks for (a number, a name) and whether a passage states one.
Shared by the extractive answer, answerability and the follow-up heuristic."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Mapping, Sequence
from itertools import pairwise

import apsw

_STOP = frozenset(
    """a an and are as at be by can do does for from get got has have how i if in is it its
    me my of on or our should so than that the their them there they this to up us was we
    what when where which who why will with would you your yours about any am did had into
    may must not no per tell know want need please much many ve ll re im don doesn isn
    aren didn won can't i'm i've""".split()  # noqa: SIM905
)
# A dotted or comma-grouped number is one word: "4.6.0" is not "4.2.0" plus a 6, and
# "1,000" is not "1" and "000" (versions, section numbers, amounts).
WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+", re.UNICODE)


def content_word_list(text: str) -> list[str]:
    """Lower-cased words minus stop words, with a crude plural strip (days -> day), in order."""
    words = []
    for w in WORD.findall(text.lower()):
        if w in _STOP or (len(w) < 2 and not w.isdigit()):
            continue
        plural = len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
        words.append(w[:-1] if plural else w)
    return words


def content_words(text: str) -> set[str]:
    return set(content_word_list(text))


def focus_overlap(focus: str, text: str) -> float:
    """How much of a follow-up's own wording the text has: its words and its word pairs
    ("part-time" must not match "full-time" just because both say "time")."""
    words = content_word_list(focus)
    if not words:
        return 0.0
    theirs = content_word_list(text)
    single = len(set(words) & set(theirs)) / len(set(words))
    pairs = set(pairwise(words))
    if not pairs:
        return single
    their_pairs = set(pairwise(theirs))
    return (single + len(pairs & their_pairs) / len(pairs)) / 2


def lexical_overlap(question_words: set[str], text: str) -> float:
    """Share of the question's content words found in the text (0..1), as written: whether
    a passage says what was asked (the hedge and answerability signals)."""
    if not question_words:
        return 0.0
    return len(question_words & content_words(text)) / len(question_words)


def stem_overlap(
    question_words: set[str], text: str, weights: Mapping[str, float] | None = None
) -> float:
    """Share of the question's content words whose stem the text has (0..1), as the lexical
    index (FTS5's porter tokenizer) compares them: for ranking a passage's units and for
    telling whether two documents' units answer the same question ("renewed every 3 years"
    and "ask you to renew it"). Measured against exact words on the 35 development sets:
    +57/-39 key facts in ranking, but as the hedge signal it let 12 unanswerable questions
    go unhedged, so that one stays exact. `weights`: each word's weight in the share (its
    IDF; a word without one weighs as their mean), else all alike."""
    if not question_words:
        return 0.0
    theirs = {_stem(w) for w in content_words(text)}
    if not weights:
        return sum(_stem(w) in theirs for w in question_words) / len(question_words)
    usual = sum(weights.values()) / len(weights)
    weight = {w: weights.get(w, usual) for w in question_words}
    return sum(v for w, v in weight.items() if _stem(w) in theirs) / sum(weight.values())


# SQLite's own porter stemmer (FTS5's, through apsw, already loaded for the index): the
# same stems the lexical index compares. snowballstemmer, measured first, loads its 33
# languages on import (3.4 MB), past the serving budget (DESIGN: 160 MB peak).
_PORTER = apsw.Connection(":memory:").fts5_tokenizer("porter", ["unicode61"])
_PORTER_LOCK = threading.Lock()


@functools.lru_cache(maxsize=16_384)
def _stem(word: str) -> str:
    if any(c.isdigit() for c in word):
        return word  # "4.6.0", "2fa": not English
    with _PORTER_LOCK:
        tokens = _PORTER(word.encode(), apsw.FTS5_TOKENIZE_DOCUMENT, None)
    return "".join(token[2] for token in tokens) or word


# A name a question asks about by its own spelling: an acronym ("BIMI", "QNX", "DSLs") or
# an identifier with a digit, an inner capital, a dot or an underscore ("IPv6",
# "tune.ssl.lifetime", "mod_dir"). Plain capitalised words ("Linux", "October") are not:
# documents about them often never say them.
_ASKED_NAME = re.compile(
    r"\b(?:[A-Z]{2,}[A-Za-z0-9]*|[A-Za-z]+\d[\w.-]*|[a-z]+[A-Z]\w*|\w+(?:[._]\w+)+)\b"
)
_TITLE_WORDS = re.compile(r"(?:[A-Z][\w'’-]*(?:\s+(?:of|and|for|the|on|&)\b)?\s*){2,}")


def names_unmentioned(question: str, texts: Sequence[str]) -> bool:
    """Whether the question names something (see _ASKED_NAME) that none of the texts
    mentions, by that name (a plural's "s" aside) or by the words of an acronym ("GNU Free
    Documentation License" for "GFDL"): the passages are about something else, however
    close their words ("How do we publish BIMI logos?" against the DKIM chapter)."""
    said = " ".join(texts)
    lower = said.lower()
    for match in _ASKED_NAME.finditer(question):
        name = match.group(0)
        single = name[:-1] if name[-1:] == "s" and name[:-1].isupper() else name
        if single.lower() not in lower and not _spelled(said, single):
            return True
    return False


def _spelled(text: str, acronym: str) -> bool:
    letters = "".join(c.lower() for c in acronym if c.isupper())
    if len(letters) < 2 or not acronym.isalpha():
        return False
    return any(
        letters in "".join(w[0].lower() for w in run.group(0).split() if w[0].isupper())
        for run in _TITLE_WORDS.finditer(text)
    )


# Questions that ask for a quantity, a time or a rate: a unit stating a number beats
# on-topic prose that lacks one ("How much is the stipend?" -> the sentence with GBP 300).
_WANTS_NUMBER = re.compile(
    r"\b(how (much|many|long|often|soon|far|early|late)|what (percentage|proportion)|"
    r"(rate|amount|limit|maximum|minimum|cost|price|allowance|stipend|fee|budget|salary|"
    r"deadline|notice period|number)\b|when\b|what (time|date|day))",
    re.IGNORECASE,
)
# Days and months only as names ("in May", "by Friday"): in lower case "may" is the verb
# of half the sentences of a policy ("Staff may ..."), which then "stated a figure".
_NUMBER = re.compile(
    r"\d|£|\$|€|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|half)\b|"
    r"\b(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b",
    re.IGNORECASE,
)


# Questions that ask for a person, role, tool or organisation: a unit naming one (a
# capitalised word that is not the question's own) beats prose about the subject that
# names nobody ("Who is the Designated Officer?" -> "Priya Raman", not the officer's duties).
_WANTS_NAME = re.compile(
    r"^\s*(who|whom|whose)\b|\bwho (do|should|can|must|will|is|are|approves|decides)\b|"
    r"\b(which|what) (tool|tools|service|app|application|software|system|platform|provider|"
    r"vendor|company|firm|person|role|team|department|body|agency|account|program|programme)\b",
    re.IGNORECASE,
)
# A name: two or more capitalised words ("Priya Raman", "Finance Director"), or one after
# a lower-case word ("keep them in Passpack"); a capitalised word at the start of a
# sentence, line or table cell ("Full pay: 2 weeks") is no name.
_NAME = re.compile(r"\b[A-Z][\w&'-]*(?:[ \t]+[A-Z][\w&'-]*)+|(?<=[a-z,] )[A-Z][\w&'-]*")


def wants_name(question: str) -> bool:
    return bool(_WANTS_NAME.search(question))


def names_other_than(text: str, question_words: set[str]) -> bool:
    """Whether the text names something (see _NAME) the question does not name."""
    for match in _NAME.finditer(text):
        # a date is no name ("held on Tuesday 24 November" answers no "Who took the minutes?")
        words = content_words(match.group(0)) - _CALENDAR
        if words - question_words:
            return True
    return False


def wants_number(question: str) -> bool:
    return bool(_WANTS_NUMBER.search(question))


# Questions that ask for several things ("What PPE is required?", "Which expenses are not
# reimbursed?", "What do I need to include?"): a lead-in with its list beats one sentence
# that shares the question's words ("Visitors ... must be given the same PPE").
_WANTS_LIST = re.compile(
    r"^\s*(what|which)\b(?=.*\b(are|rules|steps|list|types|kinds|requirements|conditions|"
    r"criteria|documents|things|required|needed|mandatory|allowed|permitted|need|have to|must|"
    r"can't|cannot|can|should)\b)",
    re.IGNORECASE,
)


# Questions that ask for a procedure ("How do I start up the laser cutter?", "what do I do
# if the laser catches fire", "What should I check before switching the lathe on?"): the
# steps are a list, and one step alone does not answer.
_WANTS_STEPS = re.compile(
    r"^\s*(?:how (?:do|can|should|would) (?:i|we|you)\b|how to\b|"
    r"what (?:do|should|must) (?:i|we|you) (?:do|check)\b|what (?:are )?the steps\b)",
    re.IGNORECASE,
)


# Questions that ask how to do something, or for a command, option, setting, variable or
# file: in a program's documentation the answer is a word of code ("ethtool -T", "lowmem=1",
# "default.stt", "BASH_SOURCE"), which the on-topic prose about the feature lacks.
_WANTS_CODE = re.compile(
    r"^\s*how (?:do|can|should|would) (?:i|we|you)\b|\bhow to\b|"
    r"\b(?:which|what)\s+(?:\w+\s+)?(?:commands?|options?|settings?|directives?|variables?|"
    r"parameters?|flags?|files?|director(?:y|ies)|keys?|functions?|modules?|packages?|"
    r"fields?|keywords?|syntax|switch(?:es)?|propert(?:y|ies))\b",
    re.IGNORECASE,
)
# A word of code: an option, a name joined by "_", ".", ":" or "=", a path, a sigil, or a
# capital inside a word (a hyphen alone joins English words: "well-known", "part-time").
_CODE = re.compile(
    r"(?:(?<=[\s(\"'`])|^)--?[A-Za-z][\w-]*"  # -T, --foreground
    r"|\w[\w-]*(?:[_.:=]\w[\w-]*)+"  # BASH_SOURCE, default.stt, ly:grob-property, lowmem=1
    r"|(?:(?<=[\s(\"'`])|^)~?/[\w.-]+(?:/[\w.-]*)*"  # /etc/openvpn
    r"|[$%@]\{?#?\w+"  # ${#name}, %Cx
    r"|\b[a-z]+[A-Z]\w*|\b[A-Z][a-z]+[A-Z]\w*"  # camelCase, RequestReadTimeout
)
_NOT_CODE = {"e.g", "i.e", "etc", "a.m", "p.m"}


def wants_code(question: str) -> bool:
    return bool(_WANTS_CODE.search(question))


def states_code(text: str, question: str) -> bool:
    """Whether the text holds a word of code (_CODE) the question does not say."""
    asked = question.lower()
    for match in _CODE.finditer(text):
        token = match.group(0).strip(".:").lower()
        if token not in _NOT_CODE and any(c.isalpha() for c in token) and token not in asked:
            return True
    return False


# "What is the default work_mem?", "Is it on by default?", "what does it default to?"
DEFAULT_WORD = re.compile(r"\bdefault(?:s|ed)?\b", re.IGNORECASE)


def wants_default(question: str) -> bool:
    return bool(DEFAULT_WORD.search(question))


def wants_list(question: str) -> bool:
    if _WANTS_STEPS.search(question):
        return True
    return bool(_WANTS_LIST.search(question)) and not wants_number(question)


# A clause's own number ("8.2 For safety-critical roles ...") states no figure.
CLAUSE_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+")


def states_number(text: str) -> bool:
    """Whether the text states a figure: not its clause number, nor a pointer to another
    part ("as set out in clause 4.2"), which answers no "what is the number?"."""
    return bool(_NUMBER.search(_REFERENCE.sub(" ", CLAUSE_NUMBER.sub("", text, count=1))))


_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}


# A pointer to a part of a document: its number is no figure the text states ("see
# section 58.1" beside "documented in RFC 6376" had read as two documents disagreeing)
_REFERENCE = re.compile(
    r"\b(?:sections?|chapters?|clauses?|paragraphs?|para\.?|rfc|figures?|fig\.|tables?|pages?|"
    r"appendix|annex|schedule|§)\s*\d[\d.]*",
    re.IGNORECASE,
)


def numbers_in(text: str, fragment: bool = False) -> set[str]:
    """The figures a text states, "two" and "2" alike; a date's day with its month ("1
    november"): two policies' "opens on 1 November" and "opens on 1 October" differ. Not a
    reference's number ("section 4.18.2", "RFC 6376"), nor a clause number opening the text,
    unless the text is a `fragment` cut from a sentence ("180 per home", the new figure of
    "GBP 180 per home (was GBP 120)")."""
    if not fragment:
        text = CLAUSE_NUMBER.sub("", text, count=1)
    text = _REFERENCE.sub(" ", text)
    dates = {_day_month(m) for m in _DATE.finditer(text)}
    text = _DATE.sub(" ", text)
    found = {m.replace(",", "") for m in re.findall(r"\d[\d,.]*\d|\d", text)} | dates
    found |= {_NUMBER_WORDS[w] for w in WORD.findall(text.lower()) if w in _NUMBER_WORDS}
    return found


# A figure with what it counts: "5 days", "45p", "£25", "GBP 50", "4 consecutive ...".
_QUANTITY = re.compile(
    r"(?P<currency>[£$€]|\b(?:gbp|usd|eur)\s?)?\b(?P<number>\d[\d,.]*\d|\d|"
    + "|".join(_NUMBER_WORDS)
    + r")(?:(?P<suffix>p\b|%)|\b)(?:\s+(?:working|calendar|business|clear|full|consecutive)\b)?"
    # a kind of day or month is no other measure: "10 working days" against "14 days"
    + r"(?:\s+(?P<measure>[^\W\d_]+))?"
)
_CURRENCY = {"gbp": "£", "usd": "$", "eur": "€"}
# a date's month is not what a figure counts: two documents' "1 November" and "16 November"
# are usually different events, not two values of one rule
_MONTHS = frozenset(
    """january february march april may june july august september october november
    december""".split()  # noqa: SIM905
)
# a date is no name (names_other_than: "held on Tuesday 24 November")
_CALENDAR = _MONTHS | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()  # noqa: SIM905
)
# The months as dates name them (numbers_in), capitalised: "may" is a verb.
_MONTH_NAMES = (
    "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    "Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_NAMES})\b|"
    rf"\b(?P<month2>{_MONTH_NAMES})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\d)"
)


def _day_month(match: re.Match[str]) -> str:
    day = match.group("day") or match.group("day2")
    month = (match.group("month") or match.group("month2")).lower()[:3]
    return f"{int(day)} {month}"


def quantities(text: str) -> dict[str, set[str]]:
    """The figures a text states, by what they count ("day" -> {"5"}, "p" -> {"45"},
    "£" -> {"25"}); a figure followed by no counted word is left out."""
    found: dict[str, set[str]] = {}
    for m in _QUANTITY.finditer(CLAUSE_NUMBER.sub("", text, count=1).lower()):
        number = _NUMBER_WORDS.get(m["number"], m["number"].replace(",", ""))
        currency = (m["currency"] or "").strip()
        measure = m["suffix"] or _CURRENCY.get(currency, currency)
        if not measure and m["measure"] and m["measure"] not in _MONTHS:
            measure = next(iter(content_word_list(m["measure"])), "")
        if measure:
            found.setdefault(measure, set()).add(number)
    return found


def conflicting_quantities(a: str, b: str) -> bool:
    """Whether two texts count the same thing with different figures and none in common
    ("carry over up to 5 days" against "up to 3 days"; "50p per mile" against "45p"), or
    each give one length of time and the two differ ("within one calendar month" against
    "we have 40 days"; "30 minutes" against "2 hours")."""
    ours, theirs = quantities(a), quantities(b)
    if any(m in theirs and not n & theirs[m] for m, n in ours.items()):
        return True
    spans = [_durations(found) for found in (ours, theirs)]
    return all(len(hours) == 1 for hours in spans) and not _about_equal(*spans[0], *spans[1])


# Lengths of time in hours, to compare a month with days (a month as 30 days: "one month"
# and "30 days" or "4 weeks" are one rule said two ways, within ABOUT_EQUAL)
_HOURS = {"minute": 1 / 60, "hour": 1, "day": 24, "week": 168, "month": 720, "year": 8760}
ABOUT_EQUAL = 0.1


def _durations(found: dict[str, set[str]]) -> set[float]:
    hours = set()
    for measure, numbers in found.items():
        if measure not in _HOURS:
            continue
        for number in numbers:
            try:
                hours.add(float(number) * _HOURS[measure])
            except ValueError:
                continue  # "1.5.2", a version
    return hours


def _about_equal(a: float, b: float) -> bool:
    return abs(a - b) <= ABOUT_EQUAL * max(a, b)


# "goes up from £18.50 to £21.00", "was reduced from 10 to 8 days": a figure changed
_CHANGE = re.compile(
    r"\b(?:goes|go|went|gone|going|rises?|rose|risen|increas\w*|rais\w*|falls?|fell|fallen"
    r"|reduc\w*|decreas\w*|cut|chang\w*|mov\w*|drops?|dropped|extend\w*|shorten\w*)"
    # a figure and up to two words of its unit: "from £32 a night to £38 a night"
    r"(?:\s+(?:up|down))?\s+from\s+(\S+(?:\s\S+){0,2}?)\s+to\s+(\S+(?:\s\S+){0,2})",
    re.IGNORECASE,
)


# "valid for 18 months, not 12", "£70.00 a night (was £67.50)", "3 days instead of 5",
# "up to 3 days (not 5)", "1,500 copies a term (it was 2,000)": the new figure, then the old.
# The new one may stand eight words before ("1,500 copies a term on the staffroom copier (it
# was 2,000)"); a wider window only adds figures, which makes "superseded" harder to claim.
_CORRECTION = re.compile(
    r"(\S+(?:\s\S+){0,7}?)(?:,\s+not|\s+\((?:not|(?:it\s+)?was|previously|formerly)"
    r"|\s+instead\s+of|\s+rather\s+than)\s+(\S+(?:\s\S+){0,2})",
    re.IGNORECASE,
)
# "no more than 3 unused days (5 at present)", "£7.50 (currently £6)": the same, the old
# figure named as today's (not "now": "3 rooms (now 4)" names the new one)
_STILL_CURRENT = re.compile(
    r"(\S+(?:\s\S+){0,7}?)\s+\((?:(?:currently|at\s+present)\s+([^()]{1,30}?)"
    r"|([^()]{1,30}?)\s+(?:currently|at\s+present))\)",
    re.IGNORECASE,
)


def changed_figures(text: str) -> list[tuple[set[str], set[str]]]:
    """The (old, new) figures of each change a text announces ("the allowance goes up from
    £18.50 to £21.00 per night", "valid for 18 months, not 12"): a document that states
    the old figure is superseded."""
    changes = [(m.group(1), m.group(2)) for m in _CHANGE.finditer(text)]
    changes += [(m.group(2), m.group(1)) for m in _CORRECTION.finditer(text)]
    changes += [(m.group(2) or m.group(3), m.group(1)) for m in _STILL_CURRENT.finditer(text)]
    out = []
    for before, after in changes:
        old, new = numbers_in(before, fragment=True), numbers_in(after, fragment=True)
        if old and new and not old & new:
            out.append((old, new))
    return out


# "What does TLR stand for?", "what's a MAT?", "what does LADO mean?": an acronym to be
# spelled out; a passage that spells it out answers it, however little else it shares with
# the question ("Teaching and Learning Responsibility (TLR) payments are ...").
_ACRONYM = re.compile(r"\b[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b")
# what comes before and after the acronym in such a question, and nothing else
_MEANING_BEFORE = re.compile(
    r"(\bwhat(?:'s|\s+is|\s+are|\s+does|\s+do)?(?:\s+an?|\s+the)?|\bmeaning of|\bdefine)\s*$",
    re.IGNORECASE,
)
_MEANING_AFTER = re.compile(r"^'?s?\s*(stands? for|means?|short for)?\s*[?.!]*\s*$", re.IGNORECASE)
_SMALL_WORDS = frozenset({"and", "of", "the", "for", "to", "in", "on", "a", "an", "&"})


def asked_acronym(question: str) -> str | None:
    """The acronym a "what does X stand for / what does X mean / what's a X" question asks
    to be spelled out, if it is one."""
    for match in _ACRONYM.finditer(question):
        token = match.group(0)
        if len(token) > 8 or sum(c.isupper() for c in token) * 2 < len(token):
            continue
        before, after = question[: match.start()], question[match.end() :]
        if _MEANING_BEFORE.search(before) and _MEANING_AFTER.match(after):
            return token
    return None


def _initials(words: str) -> list[str]:
    parts = re.split(r"[\s,-]+", words)
    return [w[0].lower() for w in parts if w and w.lower() not in _SMALL_WORDS]


def spells_out(text: str, acronym: str) -> bool:
    """Whether the text gives the acronym's words: "Local Authority Designated Officer
    (LADO)", "LADO (Local Authority ...)" or "PPE – personal protective equipment", the
    words' initials (small words aside) being the acronym's capitals."""
    letters = [c.lower() for c in acronym if c.isupper()]
    name = re.escape(acronym)
    for match in re.finditer(rf"([\w&', -]{{3,160}}?)\s*\(\s*{name}s?\s*\)", text):
        if _initials(match.group(1))[-len(letters) :] == letters:
            return True
    for match in re.finditer(rf"\b{name}s?\s*(?:\(|[–—:-]\s*)([\w&' -]{{3,160}})", text):
        if _initials(match.group(1))[: len(letters)] == letters:
            return True
    return False


# A negation written without its apostrophe ("isnt", "doesnt", "cant"): chat, not a word
# the documents would use.
_BARE_CONTRACTION = re.compile(
    r"\b(?:is|are|was|were|do|does|did|ca|could|would|should|wo|have|has|had|must|need|ai)nt\b",
    re.IGNORECASE,
)


def without_bare_contractions(text: str) -> str:
    return _BARE_CONTRACTION.sub(" ", text)


def written_for(word: str, known: set[str]) -> bool:
    """Whether `word` is a known word typed with one slip ("secretery", "reprot": one letter
    changed, added, dropped or two swapped) or cut short ("defib"). A handful of comparisons
    per retrieved word, so no fuzzy-matching library (rapidfuzz) is worth its import."""
    if len(word) >= 4 and any(k.startswith(word) and len(k) > len(word) for k in known):
        return True
    return len(word) >= 5 and any(_one_edit(word, k) for k in known if abs(len(k) - len(word)) <= 1)


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return False
    if len(a) == len(b):
        apart = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(apart) == 1:
            return True
        i, j = apart if len(apart) == 2 else (0, 0)
        return j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


# A name run together with its version ("GPLv3", "gpl3", "MPL2"): the documents write
# "GPL" and "version 3" apart, so the run-together word is one the index has never seen.
_VERSIONED = re.compile(r"\b([A-Za-z]{2,}?)v?(\d+(?:\.\d+)*)\b")


def versions_apart(text: str) -> str:
    """ "GPLv3" -> "GPL 3", "gpl3" -> "gpl 3"; the rest unchanged."""
    return _VERSIONED.sub(r"\1 \2", text)


# British and American spellings of the same word. A question in one spelling over
# documents in the other ("license fee" against "licence") would count the word as one the
# index has never seen, the heaviest in coverage. Only coverage uses the other spelling; a
# spelling the documents do not use changes nothing (answerability takes the better of the
# two). A short list and three regular endings, not a dictionary, to keep memory flat.
_SPELLING_PAIRS = """licence:license licences:licenses defence:defense offence:offense
    centre:center centres:centers metre:meter metres:meters litre:liter litres:liters
    fibre:fiber theatre:theater programme:program programmes:programs catalogue:catalog
    cheque:check enquiry:inquiry enquiries:inquiries judgement:judgment ageing:aging
    aluminium:aluminum grey:gray tyre:tire tyres:tires travelled:traveled
    travelling:traveling traveller:traveler travellers:travelers cancelled:canceled
    cancelling:canceling labelled:labeled labelling:labeling modelling:modeling
    fuelled:fueled counselling:counseling enrol:enroll enrolment:enrollment
    instalment:installment fulfil:fulfill skilful:skillful analyse:analyze
    analysed:analyzed paediatric:pediatric anaesthetic:anesthetic colour:color
    colours:colors behaviour:behavior labour:labor favour:favor honour:honor
    neighbour:neighbor harbour:harbor rumour:rumor vapour:vapor endeavour:endeavor
    saviour:savior""".split()  # noqa: SIM905
_SPELLINGS = dict(pair.split(":") for pair in _SPELLING_PAIRS)
_SPELLINGS |= {american: british for british, american in _SPELLINGS.items()}
# organise/organize, organisation/organization, recognised/recognized, ...
_ISE = re.compile(r"\b([a-z]{3,})i([sz])(e|es|ed|ing|ation|ations)\b")


def other_spelling(text: str) -> str:
    """The text with each word in the other of its British and American spellings
    ("licence" <-> "license", "organise" <-> "organize"); words with one spelling kept."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        other = _SPELLINGS.get(word.lower())
        if other is None:
            ise = _ISE.fullmatch(word.lower())
            if ise is None or ise.group(1) in _NOT_ISE:
                return word
            stem, letter, ending = ise.groups()
            other = f"{stem}i{'z' if letter == 's' else 's'}{ending}"
        return other.capitalize() if word[:1].isupper() else other

    return re.sub(r"[A-Za-z]+", swap, text)


# Words ending in -ise/-ize that have one spelling ("advise", "exercise", "size", "prize").
_NOT_ISE = frozenset(
    """adv compr desp dev disgu enterpr exerc exorc franch improv incis prec prem rev superv
    telev surpr s pr se prom""".split()  # noqa: SIM905
)


# A run of capitalised words ("General Public License", "Paid Time Off"): where a name's
# initials can be found when the documents never write the initialism itself.
# capitalised words, an all-capitals one among them ("GNU Free Documentation License")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][A-Za-z]+(?:[ -]+[A-Z][A-Za-z]+)+\b")


def initialisms_spelled(question: str, texts: Sequence[str]) -> str:
    """The question with each short word that the texts never use replaced by a run of
    capitalised words of theirs whose initials it is: "gpl 3" over the licence itself,
    which says "GNU General Public License", reads "General Public License 3"."""
    said = {w.lower() for text in texts for w in WORD.findall(text)}

    def spell(match: re.Match[str]) -> str:
        word = match.group(0)
        low = word.lower()
        if not 2 <= len(low) <= 6 or low in said or low in _STOP:
            return word
        for text in texts:
            for run in _CAPITALISED_RUN.finditer(text):
                words = re.split(r"[ -]+", run.group(0))
                for i in range(len(words) - len(low) + 1):
                    window = words[i : i + len(low)]
                    if "".join(w[0] for w in window).lower() == low:
                        return " ".join(window)
        return word

    return re.sub(r"\b[A-Za-z]+\b", spell, question)


# An answer that quotes less than this share of the question's content words may not
# answer it, however well its passage matched (an unanswerable question about a neighbouring
# fact: "What bandwidth is the oscilloscope?" -> "The oscilloscope probes are set to x10."):
# it is hedged. On the development sets this hedged 11 of the 51 confidently answered
# unanswerable questions and 78 of 850 answerable ones (docs/BENCHMARKS.md).
QUOTED_WORDS_FLOOR = 0.4
