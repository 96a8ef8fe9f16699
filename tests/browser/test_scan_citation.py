"""The chat page marks a citation whose text was read by OCR: "page 1, from a scan"."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_chat_page import ask, wait_until

from fake_llm import Reply
from live_server import wait_ready
from loaders.test_ocr import PARAGRAPH, image_only_pdf
from pocketrag.config import load_settings
from pocketrag.loaders.ocr import ocr_available
from pocketrag.pipeline import Pipeline

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_citation_of_a_scan_says_so(serve, tmp_path: Path, fake_llm, page_at) -> None:
    if not ocr_available():
        pytest.skip("the ocr extra is not installed (tests/loaders/test_ocr.py fails in CI)")
    data_dir = tmp_path / "data"
    with Pipeline(load_settings(data_dir=data_dir)) as pipeline:
        assert pipeline.ingest_paths([image_only_pdf(tmp_path, PARAGRAPH)]).ok
    fake_llm.default = Reply("Home office equipment claims are capped at 300 euros [1].")
    live = serve(
        data_dir=data_dir, read_only=True, llm_base_url=fake_llm.base_url, llm_model="fake"
    )
    wait_ready(live.url)
    page = page_at(live.url + "/")
    wait_until(page, "document.querySelector('#status').textContent.includes('document')")
    ask(page, "How much can I claim for home office equipment?")
    page.wait_for_selector(".msg.bot:not(.streaming)", timeout=60_000)
    answer = page.locator(".msg.bot").last
    assert "300 euros" in answer.inner_text()  # else the error the page shows
    chip = answer.locator(".chip").first
    assert "page 1, from a scan" in chip.inner_text()
    chip.click()
    assert "page 1, from a scan" in page.locator("#source-meta").inner_text()
    assert page.errors == []
