"""Request and response models: they validate input and document the API at /docs.

Documents, hits and citations are the shared shapes of pocketrag.schemas, which the CLI's
`--json` renders too (and answers are Answer.to_json() in both), so a script can switch
between `pocketrag ask --json` and the HTTP API without changes.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from pocketrag.schemas import CitationOut, DocumentOut, HitOut

__all__ = ["CitationOut", "DocumentOut", "HitOut"]  # the shared shapes, for the routes

Collection = Field(
    default=None,
    max_length=100,
    pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
    description="Limit to one collection (default: all collections).",
)


class SearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: str = Field(min_length=1, description="What to look for, in plain words.")
    k: int | None = Field(
        default=None, ge=1, le=50, description="How many hits to return (POCKETRAG_TOP_K)."
    )
    collection: str | None = Collection
    mode: Literal["hybrid", "bm25", "dense"] = "hybrid"


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    content: str = Field(max_length=20_000)


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1, description="The question, in plain language.")
    history: list[Turn] = Field(
        default_factory=list, max_length=40, description="Earlier turns, oldest first."
    )
    k: int | None = Field(
        default=None, ge=1, le=20, description="Sources to retrieve (POCKETRAG_TOP_K)."
    )
    collection: str | None = Collection
    stream: bool = Field(default=False, description="Answer as Server-Sent Events.")
    use_llm: bool = Field(default=True, description="False forces an extractive answer.")


class AskResponse(BaseModel):
    """Answer.to_json(): the answer text with [n] markers, the cited sources, and whether
    the documents did not hold the answer (refused)."""

    model_config = ConfigDict(extra="allow")
    answer: str
    citations: list[CitationOut]
    refused: bool
    mode: str
    confidence: Literal["high", "low", "none"] = Field(
        default="high", description='"low": a hedged answer; "none": not found.'
    )
    outcome: Literal["answered", "hedged", "not_found"] = "answered"
    key_sentence: str | None = Field(
        default=None,
        description="Extractive answers: the sentence the answer turns on, verbatim in "
        "`answer` (the chat page marks it).",
    )
    timings_ms: dict[str, float]
    log_id: str | None = Field(
        default=None,
        description="This ask's entry in the questions log, for POST /v1/feedback "
        "(null when the log is off or the index is read-only).",
    )


class ChatContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str
    text: str | None = None


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: str | list[ChatContentPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "\n".join(p.text or "" for p in self.content if p.type == "text")
        return self.content or ""


class ChatCompletionRequest(BaseModel):
    """OpenAI's chat-completions request; sampling options are accepted and ignored (the
    answer is grounded in the documents, not sampled freely)."""

    model_config = ConfigDict(extra="allow")
    model: str | None = "pocketrag"
    messages: list[ChatMessage] = Field(min_length=1, max_length=100)
    stream: bool = False
    collection: str | None = Collection


class JobOut(BaseModel):
    id: str
    state: Literal["queued", "running", "succeeded", "failed"]
    filename: str
    collection: str
    replace: bool = Field(
        default=False, description="Asked to replace a different file of the same name."
    )
    source: str | None = Field(
        default=None,
        description="The name the document is stored under: the file name, or e.g. "
        "'policy (2).pdf' when the collection holds a different file of that name and "
        "replace was not asked for.",
    )
    size_bytes: int
    progress: dict[str, Any]
    result: str | None = Field(
        default=None, description="added, updated or unchanged once the job succeeded."
    )
    document_id: str | None = None
    error: str | None = None
    created_at: str
    finished_at: str | None = None


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    log_id: str = Field(min_length=1, max_length=64, description="The ask's `log_id`.")
    rating: Literal["up", "down"]
