"""PostgreSQL-specific behaviour the backend-neutral contract suite cannot see: BM25 against
an independent implementation, statistics kept exact through replace/delete/concurrency,
migrations racing, pool and connection errors, HNSW with filters."""

from __future__ import annotations

import math
import subprocess
import sys
import textwrap
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import psycopg
import pytest

from pocketrag.documents import Chunk, Document, PocketragError
from pocketrag.store.postgres import PostgresStore, parse_vector, vector_literal
from pocketrag.store.postgres import bm25 as postgres_bm25
from pocketrag.store.postgres.schema import SCHEMA_VERSION

pytestmark = pytest.mark.postgres

DIM = 16
WORDS = [
    "leave",
    "salary",
    "travel",
    "expense",
    "receipt",
    "laptop",
    "password",
    "holiday",
    "pension",
    "contract",
    "manager",
    "review",
    "training",
    "parking",
    "badge",
    "overtime",
    "sick",
    "remote",
    "office",
    "meal",
    "hotel",
    "flight",
    "budget",
    "approval",
    "invoice",
    "insurance",
    "dental",
    "vision",
    "bonus",
    "stock",
    "benefit",
]


def unit(rng: np.random.Generator, n: int = 1) -> np.ndarray:
    v = rng.standard_normal((n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def zipf_text(rng: np.random.Generator, n_words: int) -> str:
    """Words drawn with Zipf-like frequencies, so some terms are common and some rare."""
    p = 1.0 / np.arange(1, len(WORDS) + 1)
    return " ".join(rng.choice(WORDS, size=n_words, p=p / p.sum()))


def make(source: str, texts: list[str], rng: np.random.Generator, title: str = "Policy"):
    document = Document(source=source, title=title, doc_type="text", blocks=[], pages=1)
    chunks = [
        Chunk(t, i, 1, 1, ("Section", str(i)), 0, len(t), f"{title}\n{t}")
        for i, t in enumerate(texts)
    ]
    return document, chunks, unit(rng, len(texts))


def fill(store: PostgresStore, n_docs: int = 40, seed: int = 7, collection: str = "default"):
    rng = np.random.default_rng(seed)
    for d in range(n_docs):
        texts = [zipf_text(rng, int(rng.integers(5, 40))) for _ in range(3)]
        store.add_document(*make(f"doc{d}.md", texts, rng), sha256=str(d), collection=collection)


def reference_bm25(url: str, query: str) -> dict[int, float]:
    """BM25 recomputed from scratch in Python (FTS5's formula) from the stored tsvectors."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT c.chunk_id, u.lexeme, cardinality(u.positions) "
            "FROM chunk_terms c, unnest(c.tsv) u"
        ).fetchall()
        q = {
            r[0]
            for r in conn.execute("SELECT lexeme FROM unnest(to_tsvector('english', %s))", (query,))
        }
    tf: dict[int, Counter] = {}
    for chunk_id, lexeme, count in rows:
        tf.setdefault(chunk_id, Counter())[lexeme] += count
    n = len(tf)
    avgdl = sum(sum(c.values()) for c in tf.values()) / n
    df = Counter(lex for c in tf.values() for lex in c)
    scores = {}
    for chunk_id, counts in tf.items():
        dl = sum(counts.values())
        s = 0.0
        for lex in q & counts.keys():
            idf = max(math.log((n - df[lex] + 0.5) / (df[lex] + 0.5)), 1e-6)
            f = counts[lex]
            s += idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * dl / avgdl))
        if s:
            scores[chunk_id] = s
    return scores


def assert_stats_consistent(url: str) -> None:
    """The kept statistics equal a recount from the chunks table."""
    with psycopg.connect(url) as conn:
        kept = dict(conn.execute("SELECT lexeme, df FROM lexemes").fetchall())
        recount = dict(
            conn.execute(
                "SELECT u.lexeme, count(*) FROM chunk_terms c, unnest(c.tsv) u GROUP BY 1"
            ).fetchall()
        )
        stats = conn.execute("SELECT chunks, total_dl FROM corpus_stats").fetchone()
        actual = conn.execute(
            "SELECT count(*), coalesce(sum(pocketrag_tsv_length(tsv)), 0) FROM chunk_terms"
        ).fetchone()
    assert kept == recount
    assert tuple(stats) == tuple(actual)


@pytest.fixture
def store(pg_url):
    s = PostgresStore(pg_url, pool_size=3)
    yield s
    s.close()


@pytest.mark.parametrize("budgets", [(2_000, 6_000), (3, 6_000), (1, 1_000_000)])
@pytest.mark.parametrize(
    "query",
    [
        "dental vision insurance",
        "leave",
        "hotel flight budget",
        "leave salary travel expense receipt laptop password holiday pension contract review",
    ],
)
def test_bm25_matches_an_independent_implementation(store, pg_url, monkeypatch, budgets, query):
    monkeypatch.setattr(postgres_bm25, "PHASE1_POSTINGS", budgets[0])  # force MaxScore pruning
    monkeypatch.setattr(postgres_bm25, "MAX_POSTINGS", budgets[1])
    fill(store)
    expected = sorted(reference_bm25(pg_url, query).items(), key=lambda p: (-p[1], p[0]))[:10]
    hits = store.lexical_search(query, 10)
    assert [round(h.score, 9) for h in hits] == [round(s, 9) for _, s in expected]
    # ids may swap only among exactly tied scores
    assert Counter(round(s, 9) for _, s in expected) == Counter(round(h.score, 9) for h in hits)
    assert {h.chunk_id for h in hits} <= set(reference_bm25(pg_url, query))


@pytest.mark.parametrize("query", ["leave salary travel", "leave", "bonus stock leave"])
def test_bm25_past_its_row_budget_still_ranks_true_scores_and_fills_k(
    store, pg_url, monkeypatch, query
):
    """With a row budget far too small for exactness, the hits are fewer rows' but each
    carries its true BM25 score, best first, and the list is filled to k."""
    monkeypatch.setattr(postgres_bm25, "PHASE1_POSTINGS", 1)
    monkeypatch.setattr(postgres_bm25, "MAX_POSTINGS", 5)
    fill(store)
    reference = reference_bm25(pg_url, query)
    hits = store.lexical_search(query, 20)
    assert len(hits) == min(20, len(reference))
    assert len({h.chunk_id for h in hits}) == len(hits)
    for hit in hits:
        assert hit.score == pytest.approx(reference[hit.chunk_id], rel=1e-9)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_statistics_stay_exact_through_replace_and_delete(store, pg_url):
    fill(store, n_docs=20)
    rng = np.random.default_rng(1)
    for d in range(0, 20, 3):  # replace some with different text
        store.add_document(*make(f"doc{d}.md", [zipf_text(rng, 12)], rng), sha256="v2")
    for d in range(1, 20, 4):
        assert store.delete_document(f"doc{d}.md") == 1
    assert_stats_consistent(pg_url)
    assert store.counts()["documents"] == 20 - 5


def test_concurrent_ingest_of_one_file_by_two_processes_ends_as_one_document(pg_url, store):
    """Two OS processes replace the same source (and add others) at the same time."""
    script = textwrap.dedent(
        f"""
        import sys, numpy as np
        from pocketrag.documents import Chunk, Document
        from pocketrag.store.postgres import PostgresStore
        worker = int(sys.argv[1]); rng = np.random.default_rng(worker)
        store = PostgresStore({pg_url!r}, pool_size=1)
        for i in range(15):
            for source in ("shared.md", f"own-{{worker}}-{{i}}.md"):
                texts = [f"worker {{worker}} round {{i}} text leave salary"] * (1 + i % 3)
                chunks = [Chunk(t, n, 1, 1, (), 0, len(t), t) for n, t in enumerate(texts)]
                v = rng.standard_normal((len(texts), {DIM})).astype(np.float32)
                v /= np.linalg.norm(v, axis=1, keepdims=True)
                doc = Document(source=source, title="T", doc_type="text", blocks=[])
                store.add_document(doc, chunks, v, sha256=f"{{worker}}-{{i}}")
        store.close()
        """
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(w)]) for w in (1, 2)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    shared = [d for d in store.list_documents() if d.source == "shared.md"]
    assert len(shared) == 1
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute(
            "SELECT count(*) FROM chunks WHERE document_id = %s", (shared[0].id,)
        ).fetchone()
    assert rows[0] == shared[0].chunk_count
    assert store.counts() == {
        "documents": 31,
        "chunks": sum(d.chunk_count for d in store.list_documents()),
    }
    assert_stats_consistent(pg_url)


def test_replicas_starting_together_migrate_once(pg_url):
    with ThreadPoolExecutor(4) as pool:
        stores = list(pool.map(lambda _: PostgresStore(pg_url, pool_size=1), range(4)))
    for s in stores:
        s.close()
    with psycopg.connect(pg_url) as conn:
        versions = conn.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
    assert versions == [(v,) for v in range(1, SCHEMA_VERSION + 1)]


def gin_options(url: str) -> list[str] | None:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT reloptions FROM pg_class WHERE relname = 'chunk_terms_tsv_gin'"
        ).fetchone()
    return row[0] if row else None


def test_version_1_database_is_upgraded_to_a_gin_index_without_pending_list(pg_url):
    """An index written by the first schema (GIN fastupdate on, rows pending) is upgraded
    on open: the option is off, pending rows are merged, searches still find them."""
    from pocketrag.store.postgres.schema import MIGRATIONS

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        conn.execute(
            "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
            "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        for statement in MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version (version) VALUES (1)")
        # one chunk written the way version 1 wrote it (its GIN entry goes to the pending list)
        conn.execute(
            "INSERT INTO documents VALUES ('d1', 'default', 'a.md', 'Policy', 'x', 'text', 1, "
            "1, 't', 't', '{}')"
        )
        conn.execute(
            "INSERT INTO chunks (document_id, collection, ordinal, text, embed_text, heading, "
            "char_start, char_end) VALUES ('d1', 'default', 0, 'parking badge', "
            "'parking badge', '', 0, 13)"
        )
        conn.execute(
            "INSERT INTO chunk_terms SELECT id, 'd1', 'default', pocketrag_tsv_length(t), t "
            "FROM chunks, to_tsvector('english', 'parking badge') t"
        )
        conn.execute(
            "INSERT INTO lexemes SELECT lexeme, 1 FROM unnest(to_tsvector('english', "
            "'parking badge'))"
        )
        conn.execute("UPDATE corpus_stats SET chunks = 1, total_dl = 2")
    assert gin_options(pg_url) is None  # PostgreSQL's default: fastupdate on
    with PostgresStore(pg_url, pool_size=1) as store:
        assert gin_options(pg_url) == ["fastupdate=off"]
        assert [h.source for h in store.lexical_search("badge", 5)] == ["a.md"]


def test_gin_index_has_no_pending_list_after_bulk_load(store, pg_url):
    assert gin_options(pg_url) == ["fastupdate=off"]
    with store.bulk_load():
        fill(store, n_docs=2)
    assert gin_options(pg_url) == ["fastupdate=off"]


def test_read_only_open_of_an_empty_database_says_what_to_do(pg_url):
    with pytest.raises(PocketragError, match="without read-only"):
        PostgresStore(pg_url, read_only=True)


def test_bad_url_error_names_the_server_but_not_the_password(pg_server):
    url = (
        pg_server.get_uri()
        .replace("postgres:@", "postgres:s3cret@", 1)
        .replace("/postgres?", "/no_such_db?", 1)
    )
    with pytest.raises(PocketragError, match="no_such_db") as info:
        PostgresStore(url)
    assert "s3cret" not in str(info.value)


def test_missing_vector_extension_without_privilege_explains_the_fix(pg_server, pg_url):
    with psycopg.connect(pg_server.get_uri(), autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS app_user")
        admin.execute("CREATE ROLE app_user LOGIN")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("GRANT CREATE ON SCHEMA public TO app_user")
    url = pg_url.replace("postgres:@", "app_user:@", 1)
    with pytest.raises(PocketragError, match="CREATE EXTENSION vector"):
        PostgresStore(url)


def test_dimension_is_fixed_by_the_first_document(store):
    rng = np.random.default_rng(0)
    store.add_document(*make("a.md", ["leave"], rng), sha256="a")
    document, chunks, _ = make("b.md", ["salary"], rng)
    with pytest.raises(PocketragError, match="16-dimensional"):
        store.add_document(document, chunks, np.ones((1, 8), np.float32), sha256="b")
    with pytest.raises(PocketragError, match="dimensions"):
        store.dense_search(np.ones(8, np.float32), 3)
    assert store.counts() == {"documents": 1, "chunks": 1}


def test_busy_pool_gives_a_clear_error(pg_url):
    store = PostgresStore(pg_url, pool_size=1, pool_timeout=0.5)
    try:
        with store._pool.connection(), pytest.raises(PocketragError, match="POOL_SIZE"):
            store.counts()
    finally:
        store.close()


def test_vectors_round_trip_exactly(store):
    rng = np.random.default_rng(3)
    document, chunks, vectors = make("a.md", ["leave", "salary"], rng)
    store.add_document(document, chunks, vectors, sha256="a")
    info = store.find_document("a.md")
    stored = [v for _, v in store.iter_chunks(info.id)]
    assert np.array_equal(np.stack(stored), vectors)
    assert np.array_equal(parse_vector(vector_literal(vectors[0])), vectors[0])


def test_small_collection_gets_k_hits_from_hnsw_with_fallback(store):
    fill(store, n_docs=60, collection="big")
    fill(store, n_docs=2, seed=9, collection="small")  # 6 chunks among 186
    rng = np.random.default_rng(5)
    hits = store.dense_search(unit(rng)[0], 5, collection="small")
    assert len(hits) == 5 and {h.collection for h in hits} == {"small"}
    exact = store.dense_search(
        unit(np.random.default_rng(5))[0],
        5,
        collection="small",
        document_ids=[d.id for d in store.list_documents("small")],
    )
    assert [h.chunk_id for h in hits] == [h.chunk_id for h in exact]


def test_bulk_load_rebuilds_the_hnsw_index(store, pg_url):
    fill(store, n_docs=3)
    with store.bulk_load():
        fill(store, n_docs=10, seed=11, collection="bulk")
        with psycopg.connect(pg_url) as conn:
            assert not conn.execute(
                "SELECT 1 FROM pg_indexes WHERE indexname = 'chunks_embedding_hnsw'"
            ).fetchone()
    with psycopg.connect(pg_url) as conn:
        assert conn.execute(
            "SELECT 1 FROM pg_indexes WHERE indexname = 'chunks_embedding_hnsw'"
        ).fetchone()
    assert store.dense_search(unit(np.random.default_rng(0))[0], 3)
