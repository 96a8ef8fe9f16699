"""Real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright for Python."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():  # like tests/conftest.py's require(): skip here, fail in CI
        reason = "Debian chromium not installed (apt-get install chromium)"
        pytest.fail(reason) if IN_CI else pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page_at(browser, request) -> Iterator[Callable[..., object]]:
    """page_at(url, width=1200, height=800) -> a fresh page; console errors are collected
    on page.errors and a final screenshot goes to test-artifacts/<test name>.png."""
    pages = []

    def _open(url: str, width: int = 1200, height: int = 800):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))
        page.goto(url)
        pages.append((page, width))
        return page

    yield _open
    ARTIFACTS.mkdir(exist_ok=True)
    for page, width in pages:
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{width}px.png"), full_page=True)
        page.context.close()
