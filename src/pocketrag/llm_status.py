"""The LLM's configuration and circuit-breaker state for /ready and `pocketrag status`,
read without building the answerer or a pipeline just to look (re-exported by
pocketrag.pipeline, the door api/ uses)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pocketrag.config import Settings
from pocketrag.settings_views import LLMSettings

if TYPE_CHECKING:
    from pocketrag.pipeline import Pipeline


def llm_status(settings: Settings, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """The LLM's configuration and breaker state, without building the answerer (or the
    pipeline) just to look: the breaker is "closed" until an answerer exists."""
    from pocketrag.generation.llm import resolve_llm_config

    try:
        config = resolve_llm_config(LLMSettings.from_settings(settings))
    except Exception as exc:  # a misconfiguration is worth showing, not a 500
        return {"configured": False, "error": str(exc)}
    if config is None:
        return {"configured": False, "mode": "extractive"}
    answerer = vars(pipeline).get("answerer") if pipeline is not None else None
    breaker = getattr(getattr(answerer, "llm", None), "breaker", None)
    return {
        "configured": True,
        "provider": config.provider,
        "model": config.model,
        "breaker": breaker.state if breaker is not None else "closed",
    }
