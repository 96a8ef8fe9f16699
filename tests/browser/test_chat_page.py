"""The chat page in real headless Chromium: ask, watch the answer stream, open a citation,
see the refusal and extractive states, upload a document, use it by keyboard at phone width.
Screenshots are written to test-artifacts/."""

from __future__ import annotations

import time

import pytest

from fake_llm import Reply
from live_server import wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUESTION = "How many days of annual leave do I get?"
OFF_TOPIC = "What is the airspeed velocity of an unladen swallow on Jupiter?"


def wait_until(page, expression: str, timeout: float = 30) -> None:
    """Poll a JS expression (page.wait_for_function would eval() it, which the page's
    Content-Security-Policy rightly forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {expression}")
        time.sleep(0.05)


def ask(page, question: str) -> None:
    page.fill("#question", question)
    page.press("#question", "Enter")  # Enter sends


def test_streamed_llm_answer_and_citation_dialog(serve, sample_index, fake_llm, page_at):
    fake_llm.default = Reply(
        "Full-time employees receive 25 days of paid annual leave each year [1].",
        token_delay=0.15,
    )
    live = serve(
        data_dir=sample_index, read_only=True, llm_base_url=fake_llm.base_url, llm_model="fake"
    )
    wait_ready(live.url)
    page = page_at(live.url + "/")
    wait_until(page, "document.querySelector('#status').textContent.includes('documents')")
    ask(page, QUESTION)
    answer = page.locator(".msg.bot").last
    # while streaming: partial text is on screen before the answer is complete
    page.wait_for_selector(".msg.bot.streaming .answer-text:not(:empty)")
    partial = answer.locator(".answer-text").inner_text()
    assert partial and "each year" not in partial
    page.wait_for_selector(".msg.bot:not(.streaming)", timeout=30_000)
    assert "25 days" in answer.locator(".answer-text").inner_text()
    assert answer.locator(".badge.extractive").count() == 0  # written by the (fake) LLM

    chip = answer.locator(".chip").first
    chip.click()
    dialog = page.locator("#source-dialog")
    assert dialog.is_visible()
    assert "Annual Leave" in page.locator("#source-title").inner_text()
    assert page.locator("#source-text").inner_text().strip()
    assert page.locator("#source-meta").inner_text().strip()  # page and/or section
    page.screenshot(path="test-artifacts/citation-dialog-1200px.png")
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.errors == []


def test_extractive_answer_is_labelled_and_refusal_is_distinct(serve, sample_index, page_at):
    live = serve(data_dir=sample_index, read_only=True)  # no LLM: extractive answers
    wait_ready(live.url)
    page = page_at(live.url + "/")
    ask(page, QUESTION)
    page.wait_for_selector(".msg.bot:not(.streaming)", timeout=60_000)
    first = page.locator(".msg.bot").last
    assert "Extractive answer" in first.locator(".badge.extractive").inner_text()
    assert first.locator(".chip").count() >= 1
    assert first.locator("button.cite").count() >= 1  # [n] markers are clickable
    # the key sentence is marked: the one the API names, once
    key = page.request.post(live.url + "/v1/ask", data={"question": QUESTION}).json()
    assert first.locator("mark.key").inner_text() == key["key_sentence"]

    ask(page, OFF_TOPIC)
    wait_until(page, "document.querySelectorAll('.msg.bot:not(.streaming)').length === 2")
    refusal = page.locator(".msg.bot").last
    assert "refused" in refusal.get_attribute("class")
    assert refusal.locator(".badge.refusal").inner_text() == "Not found in the documents"
    # the refusal looks different from an answer
    colours = page.evaluate(
        "[...document.querySelectorAll('.msg.bot')].map(e => getComputedStyle(e).backgroundColor)"
    )
    assert colours[0] != colours[1]
    assert page.errors == []


def test_upload_with_key_progress_and_delete(serve, tmp_path, sample_index, page_at):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(sample_index, data)
    live = serve(data_dir=data, api_key="s3cret")
    wait_ready(live.url)
    note = tmp_path / "bicycle-allowance.md"
    note.write_text(
        "# Bicycle allowance\n\nEmployees who cycle to work receive 40 euros per month.\n"
    )
    page = page_at(live.url + "/")
    assert page.locator("#docs-toggle").is_hidden()  # colleagues see the chat only
    page.click("#admin-toggle")
    # the server answers 401: the page asks for the key and retries with it
    page.wait_for_selector("#key-dialog:not([hidden])")
    page.fill("#key-input", "s3cret")
    page.press("#key-input", "Enter")
    page.wait_for_selector("#docs-toggle", state="visible")
    page.click("#docs-toggle")
    page.wait_for_selector("#doc-list li")
    count_before = page.locator("#doc-list li").count()
    page.set_input_files("#file", str(note))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector(".job.done", timeout=60_000)
    assert "added" in page.locator(".job.done .job-state").inner_text()
    wait_until(page, f"document.querySelectorAll('#doc-list li').length === {count_before + 1}")
    assert page.locator("#doc-list").get_by_text("Bicycle allowance").count() == 1
    assert page.evaluate("sessionStorage.getItem('pocketrag.key')") == "s3cret"

    page.on("dialog", lambda dialog: dialog.accept())  # the "delete?" confirmation
    row = page.locator("#doc-list li", has_text="Bicycle allowance")
    row.get_by_role("button", name="Delete Bicycle allowance").click()
    wait_until(page, f"document.querySelectorAll('#doc-list li').length === {count_before}")
    assert page.errors == []


def test_document_text_is_never_interpreted_as_html(serve, tmp_path, sample_index, page_at):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(sample_index, data)
    live = serve(data_dir=data)
    wait_ready(live.url)
    evil = tmp_path / "evil.md"
    evil.write_text(
        "# <img src=x onerror=\"document.body.dataset.pwned='yes'\">Gym policy\n\n"
        "The <b>gym</b> membership <script>document.body.dataset.pwned='yes'</script> "
        "costs 30 euros per month and is paid by the company gym benefit.\n"
    )
    page = page_at(live.url + "/")
    page.click("#admin-toggle")  # no API key set: this machine is the admin
    page.click("#docs-toggle")
    page.set_input_files("#file", str(evil))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector(".job.done", timeout=60_000)
    page.click("#docs-close")
    ask(page, "How much does the gym membership cost?")
    page.wait_for_selector(".msg.bot:not(.streaming)", timeout=60_000)
    chips = page.locator(".msg.bot").last.locator(".chip")
    if chips.count():
        chips.first.click()
    time.sleep(0.3)
    assert page.evaluate("document.body.dataset.pwned") is None
    assert page.locator("#log img, #log script, #source-dialog img").count() == 0


def test_phone_width_and_keyboard(serve, sample_index, page_at):
    live = serve(data_dir=sample_index, read_only=True)
    wait_ready(live.url)
    page = page_at(live.url + "/", width=390, height=844)
    # nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # keyboard only: the question box has focus on load; Enter sends
    assert page.evaluate("document.activeElement.id") == "question"
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    page.wait_for_selector(".msg.bot:not(.streaming)", timeout=60_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Tab reaches the citation chips, Enter opens one, Escape closes it
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('chip')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('chip')")
    page.keyboard.press("Enter")
    assert page.locator("#source-dialog").is_visible()
    page.screenshot(path="test-artifacts/citation-dialog-390px.png")
    page.keyboard.press("Escape")
    assert not page.locator("#source-dialog").is_visible()
    # every button has an accessible name
    unnamed = page.evaluate(
        "[...document.querySelectorAll('button')].filter(b => b.offsetParent &&"
        " !(b.getAttribute('aria-label') || b.textContent.trim())).length"
    )
    assert unnamed == 0
    page.click("#admin-toggle")
    page.wait_for_selector("#docs-toggle", state="visible")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # admin header fits
    page.screenshot(path="test-artifacts/admin-header-390px.png")
    page.click("#docs-toggle")
    assert page.locator("#docs-panel").is_visible()
    page.screenshot(path="test-artifacts/documents-panel-390px.png")
    assert page.errors == []


def test_query_key_is_asked_for_once_and_kept_for_the_tab(serve, sample_index, page_at):
    live = serve(data_dir=sample_index, read_only=True, query_key="team-key")
    wait_ready(live.url, key="team-key")
    page = page_at(live.url + "/")
    wait_until(page, "document.getElementById('status').textContent.includes('key')")
    ask(page, QUESTION)
    page.wait_for_selector("#key-dialog:not([hidden])")
    page.fill("#key-input", "wrong")
    page.press("#key-input", "Enter")
    # a wrong key: the answer shows the server's message, nothing is stored for good use
    page.wait_for_selector(".msg.bot.failed", timeout=30_000)
    assert "not valid" in page.locator(".msg.bot.failed").inner_text()
    page.evaluate("sessionStorage.removeItem('pocketrag.key')")
    ask(page, QUESTION)
    page.wait_for_selector("#key-dialog:not([hidden])")
    page.fill("#key-input", "team-key")
    page.press("#key-input", "Enter")
    wait_until(
        page, "document.querySelectorAll('.msg.bot:not(.streaming):not(.failed)').length === 1", 60
    )
    ask(page, "And how do I book it?")  # no second prompt: the key is kept for this tab
    wait_until(page, "document.querySelectorAll('.msg.bot:not(.streaming)').length === 3", 60)
    assert page.locator("#key-dialog").is_hidden()
    # with the key given, the status line reads /ready (which needs it) again
    wait_until(page, "document.getElementById('status').textContent.includes('documents')")
    assert page.errors == []
