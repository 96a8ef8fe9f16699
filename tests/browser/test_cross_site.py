"""A page on another origin cannot upload through the user's browser to a keyless server.

The attack from issue 12: `fetch(url, {method: "POST", mode: "no-cors", body: form})` from a
page the user happens to visit. The browser sends it (the page just cannot read the answer),
so the server must refuse it. A second server that lists the page's origin in
POCKETRAG_CORS_ORIGINS accepts the very same request: proof that the browser delivered it
and that the Origin rule, not the browser, is what stops the first.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

pytestmark = pytest.mark.slow

PAGE = b"<!doctype html><title>A page on another site</title><p>Nothing to see.</p>"

# Runs in the other site's page. The file is no real PDF: the accepted upload's job fails
# fast in the loader, and this test needs no model.
NO_CORS_UPLOAD = """async (target) => {
  const form = new FormData();
  form.append("file", new Blob(["planted"], {type: "application/pdf"}), "planted.pdf");
  const response = await fetch(target + "/v1/documents",
                               {method: "POST", mode: "no-cors", body: form});
  return response.type;
}"""


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def other_site() -> Iterator[str]:
    """An unrelated page on this machine: http://localhost:<port>, another origin than the
    server's http://127.0.0.1:<port>."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_no_cors_cross_site_upload_is_refused(serve, tmp_path, page_at, other_site):
    keyless = serve(data_dir=tmp_path / "keyless", warm_up=False)
    trusting = serve(data_dir=tmp_path / "trusting", warm_up=False, cors_origins=other_site)
    page = page_at(f"{other_site}/")
    for live in (keyless, trusting):
        assert page.evaluate(NO_CORS_UPLOAD, live.url) == "opaque"
    assert httpx.get(f"{keyless.url}/v1/jobs").json() == []
    planted = httpx.get(f"{trusting.url}/v1/jobs").json()
    assert [job["filename"] for job in planted] == ["planted.pdf"]
    assert not page.errors
