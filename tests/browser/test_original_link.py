"""The citation dialog links to the kept original, at the cited page for a PDF."""

from __future__ import annotations

import httpx
import pytest

from browser.test_chat_page import ask
from live_server import SAMPLES, wait_job, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_citation_dialog_opens_the_original_pdf_at_the_cited_page(serve, tmp_path, page_at):
    live = serve(data_dir=tmp_path / "data")
    wait_ready(live.url)
    pdf = (SAMPLES / "expenses.pdf").read_bytes()
    with httpx.Client(base_url=live.url, timeout=60) as client:
        job = client.post("/v1/documents", files={"file": ("expenses.pdf", pdf)}).json()
        job = wait_job(client, job["id"])
    assert job["state"] == "succeeded", job

    page = page_at(live.url + "/")
    ask(page, "Within how many days must expense claims be submitted?")
    page.wait_for_selector(".msg.bot:not(.streaming)", timeout=60_000)
    page.locator(".msg.bot").last.locator(".chip").first.click()
    link = page.locator("#source-open")
    assert link.is_visible()
    href = link.get_attribute("href")
    assert href == f"/v1/documents/{job['document_id']}/file#page=1"
    assert "page 1" in link.inner_text()
    assert link.get_attribute("target") == "_blank"

    with page.context.expect_page() as opened:
        link.click()
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url == live.url + href
    # what the browser receives at that address is the uploaded PDF, shown inline
    fetched = page.evaluate(
        "async (u) => { const r = await fetch(u); "
        "return [r.status, r.headers.get('content-type'), (await r.arrayBuffer()).byteLength]; }",
        href,
    )
    assert fetched == [200, "application/pdf", len(pdf)]
    assert page.errors == []


def test_with_a_query_key_the_original_opens_from_a_fetched_copy(serve, tmp_path, page_at):
    live = serve(data_dir=tmp_path / "data", api_key="admin", query_key="reader")
    wait_ready(live.url, key="reader")
    pdf = (SAMPLES / "expenses.pdf").read_bytes()
    admin = {"Authorization": "Bearer admin"}
    with httpx.Client(base_url=live.url, timeout=60, headers=admin) as client:
        job = client.post("/v1/documents", files={"file": ("expenses.pdf", pdf)}).json()
        assert wait_job(client, job["id"])["state"] == "succeeded"

    page = page_at(live.url + "/")
    page.evaluate("sessionStorage.setItem('pocketrag.key', 'reader')")
    ask(page, "Within how many days must expense claims be submitted?")
    page.wait_for_selector(".msg.bot:not(.streaming)", timeout=60_000)
    page.locator(".msg.bot").last.locator(".chip").first.click()
    with page.context.expect_page() as opened:
        page.locator("#source-open").click()
    tab = opened.value
    deadline = 30
    while not tab.url.startswith("blob:") and deadline > 0:  # set once the fetch is done
        tab.wait_for_timeout(100)
        deadline -= 0.1
    assert tab.url.startswith(f"blob:{live.url}/") and tab.url.endswith("#page=1")
    assert page.errors == []
