"""The pieces of PostgreSQL BM25 pruning on their own: the candidate term sets (pure
Python, against brute-force enumeration) and the term-frequency expression (against the
positions PostgreSQL stores). End-to-end ranking is tested in test_postgres_store.py."""

from __future__ import annotations

import itertools
import math

import numpy as np
import psycopg
import pytest

from pocketrag.store.postgres import bm25 as postgres_bm25
from pocketrag.store.postgres.bm25 import CandidatePlan, Term


def random_plan(rng: np.random.Generator, n_terms: int) -> CandidatePlan:
    n_chunks = 10_000
    terms = []
    for i in range(n_terms):
        df = int(rng.integers(1, n_chunks // 2))
        idf = max(math.log((n_chunks - df + 0.5) / (df + 0.5)), 1e-6)
        terms.append(Term(f"w{i}", df, idf))
    return CandidatePlan(terms, n_chunks)


def reaching(plan: CandidatePlan, tau: float) -> list[frozenset[int]]:
    """Every term set (brute force) whose bounds sum to at least tau."""
    n = len(plan.terms)
    return [
        frozenset(s)
        for r in range(1, n + 1)
        for s in itertools.combinations(range(n), r)
        if sum(plan.bounds[i] for i in s) >= tau
    ]


@pytest.mark.parametrize("seed", range(6))
def test_term_sets_are_exactly_the_minimal_sets_reaching_the_threshold(seed):
    rng = np.random.default_rng(seed)
    plan = random_plan(rng, int(rng.integers(2, 8)))
    for tau in rng.uniform(0.1, sum(plan.bounds), size=5):
        found = {frozenset(s) for s in plan.term_sets(float(tau))}
        every = reaching(plan, float(tau))
        minimal = {s for s in every if not any(o < s for o in every)}
        assert found == minimal
        # so a row holding any reaching set of terms matches the candidate tsquery
        assert all(any(m <= s for m in found) for s in every)


def test_past_the_clause_bound_term_sets_fall_back_to_maxscore(monkeypatch):
    monkeypatch.setattr(postgres_bm25, "MAX_CLAUSES", 10)
    rng = np.random.default_rng(11)
    plan = random_plan(rng, 12)
    assert plan.term_sets(0.0) == [(i,) for i in range(12)]  # any term reaches 0
    for tau in rng.uniform(0.1, sum(plan.bounds) / 3, size=8):
        sets = plan.term_sets(float(tau))
        assert len(sets) <= 12  # single terms, never a clause explosion
        found = {frozenset(s) for s in sets}
        # still safe: every term set that can reach tau holds one of them
        assert all(any(m <= s for m in found) for s in reaching(plan, float(tau)))


def test_threshold_fits_the_row_budget_and_tsquery_quotes_lexemes():
    rng = np.random.default_rng(3)
    plan = random_plan(rng, 5)
    for rows in (10, 300, 5_000):
        tau = plan.threshold(rows)
        sets = plan.term_sets(tau)
        assert plan.estimate(sets) <= rows or sets == [tuple(range(5))]
    odd = CandidatePlan([Term("it's", 3, 2.0), Term("a\\b", 5, 1.0)], 100)
    assert odd.tsquery([(0, 1)]) == "('it''s' & 'a\\\\b')"


@pytest.mark.postgres
def test_term_frequency_expression_recovers_every_stored_frequency(pg_url):
    """The ts_rank-based tf equals cardinality(positions) for every tf a tsvector holds
    (positions are capped per lexeme, so 300 repeats read as the cap both ways)."""
    tf_sql = postgres_bm25._TF.format(i=0).split(" AS ")[0]
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TEMP TABLE c (tsv tsvector)")
        conn.execute(
            "INSERT INTO c SELECT to_tsvector('simple', 'other words ' || repeat('zork ', n)) "
            "FROM generate_series(1, 300) n"
        )
        rows = conn.execute(
            f"SELECT (SELECT cardinality(positions) FROM unnest(c.tsv) WHERE lexeme = 'zork'),"
            f" {tf_sql}, round(1 / (1.64493406685::float8 * (1 - ts_rank('{{1,1,1,1}}', c.tsv,"
            " 'absent'::tsquery, 0)::float8)) - 0.5) FROM c",
            {"t0": "'zork'"},
        ).fetchall()
    assert len(rows) == 300
    stored = [int(r[0]) for r in rows]
    assert stored[:250] == list(range(1, 251))  # then capped (255 in PostgreSQL 16)
    assert all(int(derived) == int(stored) for stored, derived, _ in rows)
    assert all(absent == 0 for _, _, absent in rows)
