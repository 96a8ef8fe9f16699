"""Uploading a file whose name is already stored, in real Chromium: the page asks; Cancel
keeps both documents (the new one under a numbered name), OK replaces."""

from __future__ import annotations

import pytest

from live_server import wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTE = "# Bicycle allowance\n\nEmployees who cycle to work receive {} euros per month.\n"


def test_same_name_upload_asks_then_keeps_both_or_replaces(serve, tmp_path, page_at):
    live = serve(data_dir=tmp_path / "data")  # loopback without a key may upload
    wait_ready(live.url)
    note = tmp_path / "bikes.md"
    page = page_at(live.url + "/")
    page.click("#admin-toggle")  # no API key set: this machine is the admin
    page.click("#docs-toggle")
    asked: list[str] = []

    def upload(euros: int, answer: bool | None) -> str:
        note.write_text(NOTE.format(euros))
        if answer is not None:

            def reply(dialog) -> None:
                asked.append(dialog.message)
                dialog.accept() if answer else dialog.dismiss()

            page.once("dialog", reply)
        finished = ":is(.job.done, .job.failed)"  # a failure returns its reason
        count = page.locator(finished).count()
        page.set_input_files("#file", str(note))
        page.click("#upload-form button[type=submit]")
        page.wait_for_selector(f"{finished} >> nth={count}", timeout=60_000)
        return page.locator(".job .job-state").first.inner_text()

    assert upload(40, None) == "added"
    page.wait_for_selector("#doc-list li")
    assert upload(55, answer=False) == 'added as "bikes (2).md"'
    assert asked and '"bikes.md" is already in the index' in asked[-1]
    assert upload(70, answer=True) == "replaced"
    assert len(asked) == 2
    listed = page.locator("#doc-list .doc-src").all_inner_texts()
    assert sorted(listed) == ["bikes (2).md", "bikes.md"]
    hits = {
        h["source"]: h["text"]
        for h in page.request.post(
            live.url + "/v1/search", data={"query": "bicycle allowance euros", "k": 5}
        ).json()
    }
    assert "70 euros" in hits["bikes.md"] and "55 euros" in hits["bikes (2).md"]
    assert page.errors == []
