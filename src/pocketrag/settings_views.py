"""Small typed views of Settings for the leaf modules: each holds what one part reads.

`Settings` has some 60 fields (where files live, S3, the API's limits, ...); a loader or the
answerability rule needs a handful. Passing the whole object hid what a part depends on and
made tests build the world to check one threshold. So the leaves take a frozen dataclass
with exactly their fields, under the names Settings gives them (a grep for a setting finds
its readers), and `Pipeline` builds the views: `View.from_settings(settings)` for all of
them, the one way.

Plain dataclasses, no pydantic: the parse worker receives `LoaderLimits` as JSON and never
imports pydantic (parse_worker.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pocketrag.config import Settings

_View = TypeVar("_View")


def _copy_fields(cls: type[_View], settings: Settings, **nested: Any) -> _View:
    """`cls` with each field read from the Settings attribute of the same name (nested views
    passed in)."""
    values = {f.name: getattr(settings, f.name) for f in fields(cls) if f.name not in nested}  # type: ignore[arg-type]
    return cls(**values, **nested)


@dataclass(frozen=True)
class LoaderLimits:
    """The loaders' bounds on a file (DESIGN decision 6) and the OCR of scanned pages
    (loaders/, loaders/ocr.py). The parse worker gets these inside its ParseLimits."""

    max_file_mb: float
    max_pages: int
    max_text_chars: int
    max_docx_uncompressed_mb: float
    pdf_tables: bool  # PDF data tables read with their header (loaders/pdf_tables.py)
    ocr: str  # "auto" | "off" | "force"
    ocr_dpi: int
    ocr_page_seconds: float
    ocr_file_seconds: float
    ort_threads: int  # the OCR engine's ONNX Runtime threads

    @classmethod
    def from_settings(cls, settings: Settings) -> LoaderLimits:
        return _copy_fields(cls, settings)


@dataclass(frozen=True)
class QuestionLimits:
    """What generation/guardrails.py checks a question against and whether it masks logs."""

    max_question_chars: int
    guardrails_level: str  # "off" | "standard" | "strict"

    @classmethod
    def from_settings(cls, settings: Settings) -> QuestionLimits:
        return _copy_fields(cls, settings)


@dataclass(frozen=True)
class AnswerThresholds:
    """The thresholds of generation/answerability.decide: relevance below refusal "not
    found", confidence below confident "hedged", else "answered"; with an LLM, relevance
    below llm_refusal "not found" and the model decides the rest."""

    refusal_threshold: float
    confident_threshold: float
    llm_refusal_threshold: float

    @classmethod
    def from_settings(cls, settings: Settings) -> AnswerThresholds:
        return _copy_fields(cls, settings)


@dataclass(frozen=True)
class LLMSettings:
    """What generation/llm.resolve_llm_config turns into an LLMConfig (provider presets
    fill what is not set)."""

    llm_provider: str | None
    llm_base_url: str | None
    llm_api_key: str | None = field(repr=False)  # never in a log line or a traceback
    llm_model: str | None
    max_tokens: int
    llm_connect_timeout: float
    llm_first_token_timeout: float
    llm_total_timeout: float
    llm_retries: int
    llm_backoff_s: float
    llm_breaker_threshold: int
    llm_breaker_cooldown_s: float

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMSettings:
        return _copy_fields(cls, settings)


@dataclass(frozen=True)
class AnswerPolicy:
    """Everything generation/answerer.py reads: the views of the steps it runs (guardrails,
    answerability, the LLM) and its own few values."""

    question: QuestionLimits
    thresholds: AnswerThresholds
    llm: LLMSettings
    top_k: int  # passages per ask unless the caller says
    llm_context_tokens: int  # the prompt's token budget (prompts.py)
    log_question_text: bool  # the question's text in the process log

    @classmethod
    def from_settings(cls, settings: Settings) -> AnswerPolicy:
        return _copy_fields(
            cls,
            settings,
            question=QuestionLimits.from_settings(settings),
            thresholds=AnswerThresholds.from_settings(settings),
            llm=LLMSettings.from_settings(settings),
        )
