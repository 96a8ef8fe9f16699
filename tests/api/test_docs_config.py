"""docs/CONFIGURATION.md lists every setting (it is the user's reference)."""

from __future__ import annotations

from pathlib import Path

from pocketrag.config import Settings

DOC = Path(__file__).resolve().parents[2] / "docs" / "CONFIGURATION.md"


def test_every_setting_is_documented():
    text = DOC.read_text()
    missing = [
        f"POCKETRAG_{name.upper()}"
        for name in Settings.model_fields
        if f"POCKETRAG_{name.upper()}" not in text
    ]
    assert not missing, f"add to docs/CONFIGURATION.md: {missing}"


def test_seed_names_are_documented():
    text = DOC.read_text()
    for name in (
        "OPENROUTER_API_KEY",
        "GROQ_API_KEY",
        "MAX_TOKENS",
        "GUARDRAILS_LEVEL",
        "VECTOR_STORE_PATH",
        "`PORT`",
    ):
        assert name in text, name
