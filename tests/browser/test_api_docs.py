"""/docs in real headless Chromium with every non-loopback request aborted: the Swagger UI
comes from the server itself and runs under the page's strict Content-Security-Policy."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_docs_render_offline_under_csp(serve, tmp_path, browser):
    live = serve(data_dir=tmp_path, warm_up=False)
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    outside: list[str] = []

    def loopback_only(route) -> None:
        if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", loopback_only)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on(
        "console",
        lambda msg: problems.append(msg.text) if msg.type in ("error", "warning") else None,
    )
    try:
        response = page.goto(live.url + "/docs")
        assert response.status == 200
        assert "script-src 'self'" in response.headers["content-security-policy"]
        # the operations are listed: the UI loaded, started and read /openapi.json
        page.wait_for_selector(".opblock-summary-path[data-path='/v1/ask']", timeout=30_000)
        assert "pocketrag" in page.locator(".information-container .title").inner_text()
        page.locator(".opblock-summary-path[data-path='/v1/ask']").first.click()
        page.wait_for_selector(".opblock.is-open .opblock-body", timeout=10_000)
        assert outside == []
        assert problems == []
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "docs-offline.png"), full_page=False)
        context.close()
