"""POCKETRAG_TOP_K is the default number of passages everywhere, not only in the API:
Pipeline.search/ask and the CLI's `search` and `ask`, where -k/--top-k (and ask's old --k)
override it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fake_llm import Reply
from pocketrag.config import load_settings
from pocketrag.pipeline import Pipeline
from test_ask import LEAVE_Q, llm_env, run_cli

pytestmark = pytest.mark.slow


def test_pipeline_defaults_to_the_top_k_setting(handbook_index: Path) -> None:
    with Pipeline(load_settings(data_dir=handbook_index, top_k=2, read_only=True)) as pipeline:
        assert len(pipeline.search(LEAVE_Q)) == 2
        assert len(pipeline.ask(LEAVE_Q, use_llm=False).sources) == 2
        assert len(pipeline.search(LEAVE_Q, k=3)) == 3  # an explicit k wins


def test_cli_search_honours_top_k_and_the_flag_overrides_it(handbook_index: Path) -> None:
    env = {"POCKETRAG_TOP_K": "2"}
    data = ["--data-dir", str(handbook_index)]
    hits = json.loads(run_cli(*data, "search", LEAVE_Q, "--json", env_extra=env).stdout)
    assert len(hits) == 2
    flagged = run_cli(*data, "search", LEAVE_Q, "--json", "--top-k", "3", env_extra=env)
    assert flagged.returncode == 0, flagged.stderr
    assert len(json.loads(flagged.stdout)) == 3


def test_cli_ask_honours_top_k_and_both_flag_spellings(handbook_index: Path, fake_llm) -> None:
    """The number of passages the LLM is shown is the k the ask retrieved."""
    data = ["--data-dir", str(handbook_index)]
    for flags, env, shown in (
        ((), {"POCKETRAG_TOP_K": "2"}, 2),
        (("--top-k", "1"), {"POCKETRAG_TOP_K": "3"}, 1),
        (("--k", "3"), {}, 3),  # the old spelling still works
    ):
        fake_llm.reset()
        fake_llm.script(Reply("Full-time staff get 25 days of annual leave [1]."))
        out = run_cli(*data, "ask", LEAVE_Q, *flags, env_extra={**llm_env(fake_llm), **env})
        assert out.returncode == 0, out.stderr
        (request,) = fake_llm.requests
        assert f'<source n="{shown}"' in request.prompt_text, flags
        assert f'<source n="{shown + 1}"' not in request.prompt_text, flags


def test_top_k_setting_is_validated() -> None:
    with pytest.raises(ValueError, match="top_k"):
        load_settings(top_k=0)
