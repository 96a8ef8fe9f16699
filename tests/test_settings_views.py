"""The leaf modules' views of Settings (settings_views.py, issue 15): each view carries
exactly the fields its module reads, under Settings' names, and loaders/ and generation/
never import Settings (parsed with `ast`, like tests/test_import_contract.py)."""

from __future__ import annotations

import ast
import json
from dataclasses import asdict, fields
from pathlib import Path

import pytest

from pocketrag.config import load_settings
from pocketrag.parse_worker import ParseLimits
from pocketrag.settings_views import (
    AnswerPolicy,
    AnswerThresholds,
    LLMSettings,
    LoaderLimits,
    QuestionLimits,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "pocketrag"
FLAT_VIEWS = [LoaderLimits, QuestionLimits, AnswerThresholds, LLMSettings]


def field_names(view: type) -> set[str]:
    return {f.name for f in fields(view)}


def attributes_read(paths: list[Path], name: str) -> set[str]:
    """Every `name.x` and `self.name.x` in these files: what the module reads off its view."""
    read = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Attribute):
                continue
            value = node.value
            if (isinstance(value, ast.Name) and value.id == name) or (
                isinstance(value, ast.Attribute) and value.attr == name
            ):
                read.add(node.attr)
    return read


@pytest.mark.parametrize("view", FLAT_VIEWS, ids=lambda view: view.__name__)
def test_a_view_holds_the_settings_of_the_same_names(view: type) -> None:
    settings = load_settings()
    built = view.from_settings(settings)
    for name in field_names(view):
        assert getattr(built, name) == getattr(settings, name), name


def test_views_carry_the_configured_values() -> None:
    settings = load_settings(
        max_pages=7, refusal_threshold=0.4, guardrails_level="strict", llm_model="m"
    )
    assert LoaderLimits.from_settings(settings).max_pages == 7
    assert LoaderLimits.from_settings(settings).ort_threads == settings.ort_threads
    policy = AnswerPolicy.from_settings(settings)
    assert policy.thresholds == AnswerThresholds(
        0.4, settings.confident_threshold, settings.llm_refusal_threshold
    )
    assert policy.question.guardrails_level == "strict"
    assert policy.llm.llm_model == "m" and policy.llm.max_tokens == settings.max_tokens
    assert policy.top_k == settings.top_k


def test_the_llm_view_never_shows_the_key() -> None:
    view = LLMSettings.from_settings(load_settings(llm_api_key="sk-or-v1-SECRETSECRET"))
    assert view.llm_api_key == "sk-or-v1-SECRETSECRET"
    assert "SECRET" not in repr(view) and "SECRET" not in repr(
        AnswerPolicy(*[None] * 2, view, 5, 1, False)
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("view", "paths", "name"),
    [
        (LoaderLimits, sorted((SRC / "loaders").glob("*.py")), "limits"),
        (QuestionLimits, [SRC / "generation" / "guardrails.py"], "limits"),
        (AnswerThresholds, [SRC / "generation" / "answerability.py"], "thresholds"),
        (LLMSettings, [SRC / "generation" / "llm.py"], "llm"),
        (AnswerPolicy, [SRC / "generation" / "answerer.py"], "policy"),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else "",
)
def test_a_view_carries_exactly_what_its_module_reads(view: type, paths, name: str) -> None:
    """A field nobody reads is a dependency that is not there; a read the view lacks fails
    at run time. Both show up here."""
    assert attributes_read(paths, name) == field_names(view)


def test_the_parse_worker_gets_the_loaders_view_over_json() -> None:
    limits = ParseLimits.from_settings(load_settings(max_file_mb=3), "tokenizer.json")
    assert isinstance(limits.loader, LoaderLimits) and limits.loader.max_file_mb == 3
    assert limits.loader.ort_threads == 1  # one OCR thread in the bounded worker
    assert ParseLimits.from_json(json.loads(json.dumps(asdict(limits)))) == limits


@pytest.mark.parametrize("folder", ["loaders", "generation"])
def test_leaf_modules_do_not_import_settings(folder: str) -> None:
    """They take their view; Pipeline (and the parse worker's ParseLimits) build it."""
    offenders = [
        path.relative_to(SRC).as_posix()
        for path in sorted((SRC / folder).rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if imports_config(node)
    ]
    assert offenders == []


def imports_config(node: ast.AST) -> bool:
    """`import pocketrag.config`, `from pocketrag.config import ...`, `from pocketrag import
    config`."""
    if isinstance(node, ast.Import):
        return any(alias.name == "pocketrag.config" for alias in node.names)
    if isinstance(node, ast.ImportFrom):
        named = {alias.name for alias in node.names}
        return node.module == "pocketrag.config" or (
            node.module == "pocketrag" and "config" in named
        )
    return False
