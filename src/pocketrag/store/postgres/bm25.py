"""BM25 on PostgreSQL: exact statistics kept by the store, top-k found by threshold pruning.

Why not `ts_rank`'s own score: it has no IDF, and ranks SciFact several nDCG points below
BM25. Why not score every row the GIN index matches: a 100k-chunk index matches tens of
thousands of rows for a question with one common word, and even at ~2 us a row (below)
that is far over a 50 ms budget. Instead, in the spirit of MaxScore (Turtle & Flood 1995):

1. Score the rows that can reach a high threshold tau, chosen so that about
   max(PHASE1_POSTINGS, k) rows qualify (CandidatePlan: rows holding enough of the
   query's terms, found by the GIN index as an OR of ANDs). If the k-th score found is
   >= tau, no other row can beat it: the answer is exact, from a few hundred rows.
2. Otherwise the k-th score found is a floor: if the rows that can reach it are estimated
   at most MAX_POSTINGS, score them. Still exact. If pass 1 found fewer than k rows, or
   the floor lets in too many, repeat 1 with four times the rows, up to MAX_POSTINGS.
3. Only if that is still not exact (questions made only of very common words) is the
   answer the best of the rows reaching the last tau: a bounded approximation that can
   miss rows holding few of the words, with high frequencies; if it has fewer than k
   rows, the best of a bounded sample of the other matching rows fill the list. Every
   returned score is the row's true BM25 score either way.

Formula and constants follow SQLite FTS5's bm25() (k1=1.2, b=0.75, IDF floored at 1e-6)
so both backends give comparable scores.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import psycopg

K1 = 1.2
B = 0.75
MAX_QUERY_TERMS = 64
PHASE1_POSTINGS = 500  # rows the first pass aims to score (estimated), to set a floor
MAX_POSTINGS = 3_000  # bound on rows scored per query (see the module docstring)
MAX_CLAUSES = 24  # bound on the AND-clauses of a candidate tsquery


@dataclass
class Delta:
    """Changes to the corpus statistics made by one transaction."""

    lexemes: Counter[str] = field(default_factory=Counter)
    chunks: int = 0
    total_dl: int = 0

    def __iadd__(self, other: Delta) -> Delta:
        self.lexemes.update(other.lexemes)
        self.chunks += other.chunks
        self.total_dl += other.total_dl
        return self


_STATS_OF = """
SELECT (SELECT count(*) FROM rows), (SELECT coalesce(sum(dl), 0) FROM rows),
       (SELECT coalesce(jsonb_object_agg(lexeme, n), '{}'::jsonb) FROM
          (SELECT u.lexeme, count(*) AS n FROM rows, unnest(rows.tsv) u GROUP BY u.lexeme) x)
"""


def _delta(row: tuple | None, sign: int) -> Delta:
    assert row is not None
    count, total, lexemes = row
    return Delta(
        Counter({lex: sign * int(n) for lex, n in lexemes.items()}),
        sign * int(count),
        sign * int(total),
    )


def delete_chunks(cur: psycopg.Cursor, document_ids: list[str]) -> Delta:
    """Delete the documents' chunks; returns the statistics to subtract."""
    row = cur.execute(
        "WITH rows AS (DELETE FROM chunk_terms WHERE document_id = ANY(%s) RETURNING tsv, dl)"
        + _STATS_OF,
        (document_ids,),
    ).fetchone()
    cur.execute("DELETE FROM chunks WHERE document_id = ANY(%s)", (document_ids,))
    return _delta(row, -1)


def chunk_stats(cur: psycopg.Cursor, document_ids: list[str]) -> Delta:
    """Statistics of the documents' (just inserted) chunks, to add."""
    row = cur.execute(
        "WITH rows AS (SELECT tsv, dl FROM chunk_terms WHERE document_id = ANY(%s))" + _STATS_OF,
        (document_ids,),
    ).fetchone()
    return _delta(row, 1)


def apply(cur: psycopg.Cursor, delta: Delta) -> None:
    """Write a Delta. Rows are locked in lexeme order, then the single stats row, so two
    concurrent writers always take shared locks in the same order (no deadlock)."""
    items = sorted((lex, n) for lex, n in delta.lexemes.items() if n)
    if items:
        cur.execute(
            "INSERT INTO lexemes (lexeme, df) "
            "SELECT * FROM unnest(%s::text[], %s::int[]) ORDER BY 1 "
            "ON CONFLICT (lexeme) DO UPDATE SET df = lexemes.df + EXCLUDED.df",
            ([lex for lex, _ in items], [n for _, n in items]),
        )
        gone = [lex for lex, n in items if n < 0]
        if gone:
            cur.execute("DELETE FROM lexemes WHERE lexeme = ANY(%s) AND df <= 0", (gone,))
    if delta.chunks or delta.total_dl:
        cur.execute(
            "UPDATE corpus_stats SET chunks = chunks + %s, total_dl = total_dl + %s WHERE id = 1",
            (delta.chunks, delta.total_dl),
        )


# Per-row term frequencies without unnesting the tsvector: ts_rank with every weight 1 and a
# one-lexeme query is sum_{j<=tf} 1/j^2 / (pi^2/6) (PostgreSQL's calc_rank_or, unchanged
# since 8.3), strictly increasing in tf, and 1 / (pi^2/6 * (1 - r)) - 1/2 rounds back to tf
# exactly for every tf a tsvector can hold (1..255; tested against the stored positions).
# One C call per query term and row instead of unnest + join + group by: scoring a row got
# ~3x cheaper (measured, docs/BENCHMARKS.md "PostgreSQL").
_TF = (
    "round(1 / (1.64493406685::float8 * (1 - ts_rank('{{1,1,1,1}}', c.tsv, "
    "%(t{i})s::tsquery, 0)::float8)) - 0.5) AS tf{i}"
)
# OFFSET 0 keeps the planner from inlining each tf expression into every use of it.
_SCORE = """
SELECT chunk_id, {score} AS score
FROM (SELECT c.chunk_id, %(k1)s * (%(omb)s + %(b)s * c.dl / %(avgdl)s) AS norm, {tfs}
      FROM chunk_terms c WHERE c.tsv @@ %(tsq)s::tsquery{where} {limit}) scored
ORDER BY score DESC, chunk_id
LIMIT %(k)s
"""


@dataclass(frozen=True)
class Term:
    lexeme: str
    df: int
    idf: float

    @property
    def bound(self) -> float:
        """The most this term can add to a row's score (tf -> infinity)."""
        return self.idf * (K1 + 1)


class CandidatePlan:
    """Which rows can still reach a score threshold, as a tsquery the GIN index answers.

    A row matching the set M of query terms scores less than sum(bound(t) for t in M), so
    for a threshold tau only rows matching some *minimal* term set with bounds summing to
    tau can score tau or more: the candidates are the OR of those sets' ANDs. GIN
    intersects posting lists without reading rows, so a question of common words fetches
    the rows holding several of them rather than every row holding one. (MaxScore's
    essential/non-essential split is the special case of sets that are prefixes.)
    """

    def __init__(self, terms: list[Term], n_chunks: int) -> None:
        self.terms = sorted(terms, key=lambda t: -t.bound)
        self.bounds = [t.bound for t in self.terms]
        self.share = [t.df / max(n_chunks, 1) for t in self.terms]
        self.n_chunks = n_chunks

    def term_sets(self, tau: float) -> list[tuple[int, ...]]:
        """Term sets (indexes into self.terms) such that every row that can reach tau
        holds all the terms of one of them.

        Normally the minimal sets whose bounds reach tau. If there are more than
        MAX_CLAUSES of those (long questions, low tau), MaxScore's coarser but still safe
        sets instead: each term on its own, except the commonest ones whose bounds
        together stay under tau (a row holding only those cannot reach it).
        """
        n = len(self.terms)
        out: list[tuple[int, ...]] = []
        rest = [0.0] * (n + 1)
        for i in range(n - 1, -1, -1):
            rest[i] = rest[i + 1] + self.bounds[i]

        def extend(start: int, chosen: tuple[int, ...], total: float) -> bool:
            for i in range(start, n):
                if total + rest[i] < tau:
                    return True
                if total + self.bounds[i] >= tau:
                    out.append((*chosen, i))  # minimal: bounds are sorted descending
                    if len(out) > MAX_CLAUSES:
                        return False
                elif not extend(i + 1, (*chosen, i), total + self.bounds[i]):
                    return False
            return True

        if extend(0, (), 0.0):
            return out or [tuple(range(n))]  # nothing reaches tau: the best rows there are
        essential = n
        while essential > 1 and rest[essential - 1] < tau:
            essential -= 1
        return [(i,) for i in range(essential)]

    def estimate(self, sets: list[tuple[int, ...]]) -> float:
        """Expected candidate rows if terms occurred independently (an over-estimate of
        the union, usually an under-estimate of one set's rows in real text)."""
        return self.n_chunks * sum(math.prod(self.share[i] for i in s) for s in sets)

    def threshold(self, rows: int) -> float:
        """About the lowest threshold whose candidates number at most `rows`."""
        low, high = 0.0, sum(self.bounds)
        for _ in range(16):
            mid = (low + high) / 2
            if self.estimate(self.term_sets(mid)) <= rows:
                high = mid
            else:
                low = mid
        return high

    def tsquery(self, sets: list[tuple[int, ...]]) -> str:
        return " | ".join(
            "(" + " & ".join(_quote(self.terms[i].lexeme) for i in s) + ")" for s in sets
        )


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery_any(lexemes: list[str]) -> str:
    """`'a' | 'b'` with every lexeme quoted, so no user text is read as tsquery syntax."""
    return " | ".join(_quote(x) for x in lexemes)


def query_terms(conn: psycopg.Connection, query: str) -> tuple[list[Term], int, float]:
    """The query's indexed lexemes with their statistics, and (chunks, average length)."""
    rows = conn.execute(
        "SELECT q.lexeme, l.df, s.chunks, s.total_dl "
        "FROM (SELECT DISTINCT lexeme FROM unnest(to_tsvector('english', %s))) q "
        "JOIN lexemes l USING (lexeme) CROSS JOIN corpus_stats s WHERE l.df > 0",
        (query,),
    ).fetchall()
    if not rows:
        return [], 0, 1.0
    n = int(rows[0][2])
    avgdl = max(int(rows[0][3]) / max(n, 1), 1e-9)
    terms = [
        Term(lex, int(df), max(math.log((n - df + 0.5) / (df + 0.5)), 1e-6)) for lex, df, *_ in rows
    ]
    terms.sort(key=lambda t: (-t.idf, t.lexeme))  # rarest first
    return terms[:MAX_QUERY_TERMS], n, avgdl


def search(
    conn: psycopg.Connection,
    query: str,
    k: int,
    where: str,
    params: dict[str, object],
    *,
    exhaustive: bool = False,
) -> list[tuple[int, float]]:
    """Top-k (chunk id, BM25 score), best first.

    `exhaustive` scores every matching row (for filters that already bound the rows, such
    as a few documents); otherwise rows are pruned as the module docstring explains.
    """
    # The planner prices a GIN scan for an OR of ANDs as one index scan per clause's
    # lexeme (the executor shares them) and often picks a sequential scan that evaluates
    # the whole tsquery on every row instead: up to 10x slower (measured). SET LOCAL lasts
    # for this transaction only, so connections behind a pooler are left as they were.
    with conn.transaction():
        conn.execute("SET LOCAL enable_seqscan = off")
        return _search(conn, query, k, where, params, exhaustive)


def _search(
    conn: psycopg.Connection,
    query: str,
    k: int,
    where: str,
    params: dict[str, object],
    exhaustive: bool,
) -> list[tuple[int, float]]:
    terms, n, avgdl = query_terms(conn, query)
    if not terms:
        return []
    plan = CandidatePlan(terms, n)
    terms = plan.terms
    tfs = ", ".join(_TF.format(i=i) for i in range(len(terms)))
    score = " + ".join(f"%(idf{i})s * tf{i} * %(k1p1)s / (tf{i} + norm)" for i in range(len(terms)))
    args: dict[str, object] = {
        **params,
        "k1p1": K1 + 1,
        "k1": K1,
        "omb": 1 - B,
        "b": B,
        "avgdl": avgdl,
        "k": k,
    }
    for i, term in enumerate(terms):
        args[f"t{i}"] = _quote(term.lexeme)
        args[f"idf{i}"] = term.idf

    def scored(tsq: str) -> list[tuple[int, float]]:
        sql = _SCORE.format(score=score, tfs=tfs, where=where, limit="OFFSET 0")
        return [(int(r[0]), float(r[1])) for r in conn.execute(sql, {**args, "tsq": tsq})]

    def top(*lists: list[tuple[int, float]]) -> list[tuple[int, float]]:
        best = dict(p for found in lists for p in found)  # a chunk's score is its score
        return sorted(best.items(), key=lambda p: (-p[1], p[0]))[:k]

    every = tsquery_any([t.lexeme for t in terms])
    if exhaustive:
        return scored(every)
    found: list[tuple[int, float]] = []
    budget, done = max(PHASE1_POSTINGS, k), None
    while True:
        # Score the rows that can reach a threshold tau (about `budget` of them). If the
        # k-th score found is at least tau, no other row can beat it: exact.
        tau = plan.threshold(budget)
        sets = plan.term_sets(tau)
        if sets != done:
            found, done = top(found, scored(plan.tsquery(sets))), sets
        floor = found[k - 1][1] if len(found) >= k else 0.0
        if floor >= tau:
            return found
        # Otherwise the k-th score (0 with fewer than k rows) is a floor: the rows that
        # can reach it are the rest of the exact answer, if they are few enough to score.
        rest = plan.term_sets(floor)
        if rest == done:  # all of them were just scored
            return found
        if plan.estimate(rest) <= MAX_POSTINGS:
            return top(found, scored(plan.tsquery(rest)))
        if budget >= MAX_POSTINGS:
            break
        budget = min(4 * budget, MAX_POSTINGS)
    # Approximate (module docstring): the best of the rows reaching the last tau, filled
    # to k with a bounded sample of the other matching rows if they are too few.
    if len(found) < k:
        fill = _SCORE.format(
            score=score,
            tfs=tfs,
            where=where + " AND c.chunk_id <> ALL(%(seen)s)",
            limit="LIMIT %(rows)s",
        )
        seen = [chunk_id for chunk_id, _ in found]
        rows = conn.execute(
            fill, {**args, "tsq": every, "seen": seen, "rows": max(MAX_POSTINGS, k)}
        )
        found = top(found, [(int(r[0]), float(r[1])) for r in rows])
    return found
