"""/docs: the interactive API reference (Swagger UI), served entirely from this server.

FastAPI's built-in /docs fetches Swagger UI from a CDN and starts it with an inline script:
a blank page without internet, and one the chat page's Content-Security-Policy would block.
Here the Swagger UI files come from the fastapi-offline package (MIT; it ships Swagger UI's
own Apache-2.0 build as package data, so no JavaScript is vendored in this repository) under
/docs-assets, and the start-up code is our own static/docs.js, so the page works offline
under the same strict CSP as the chat page.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, Depends, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from pocketrag.api.routes_ops import _PAGE_HEADERS
from pocketrag.api.security import require_query_access

ASSETS_DIR = Path(fastapi_offline.__file__).resolve().parent / "static"

# Relative URLs, so the page also works behind a proxy that serves pocketrag under a prefix.
_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>pocketrag API</title>
  <link rel="stylesheet" href="docs-assets/swagger-ui.css">
  <link rel="icon" href="docs-assets/favicon.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="docs-assets/swagger-ui-bundle.js"></script>
  <script src="static/docs.js"></script>
</body>
</html>
"""

# Behind POCKETRAG_QUERY_KEY when one is set, like /openapi.json (api/app.py).
router = APIRouter(include_in_schema=False, dependencies=[Depends(require_query_access)])


@router.get("/docs")
async def api_docs() -> HTMLResponse:
    return HTMLResponse(_PAGE, headers=_PAGE_HEADERS)


def install_docs(app: FastAPI) -> None:
    """Serve /docs and its assets (create the app with docs_url=None)."""
    app.include_router(router)
    app.mount("/docs-assets", StaticFiles(directory=ASSETS_DIR), name="docs-assets")
