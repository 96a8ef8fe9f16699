"""Bearer-key access control.

POCKETRAG_API_KEY guards document changes (upload, delete) and the admin's questions log;
POCKETRAG_QUERY_KEY, when set, guards queries and listings (the API key is accepted there
too). No key presented: 401 with
WWW-Authenticate; a wrong key: 403. Keys are compared with hmac.compare_digest so the time
taken does not reveal how much of a guess was right.

With no API key configured, document changes are accepted only from this machine
(loopback), and only when the Host and Origin headers show they do not come from a page on
another site (api/site_guard.py): `make demo` works out of the box, a server exposed on a
network without a key cannot be emptied by a stranger, and a web page the user happens to
visit cannot upload or delete through the user's browser.
"""

from __future__ import annotations

import hmac

from fastapi import Request

from pocketrag.api.errors import ApiError
from pocketrag.api.site_guard import is_loopback_address, require_same_site
from pocketrag.config import Settings

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="pocketrag"'}


def presented_key(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def _matches(given: str, expected: str | None) -> bool:
    if not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def is_loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    return is_loopback_address(host) or host in {"localhost", "testclient"}


def _settings(request: Request) -> Settings:
    return request.app.state.settings


def require_query_access(request: Request) -> None:
    """Dependency for search, ask, chat and listings."""
    settings = _settings(request)
    if not settings.query_key:
        return
    key = presented_key(request)
    if key is None:
        raise ApiError(
            401,
            "This server needs a key for queries: send 'Authorization: Bearer <key>'.",
            "missing_key",
            _CHALLENGE,
        )
    if not (_matches(key, settings.query_key) or _matches(key, settings.api_key)):
        raise ApiError(403, "The key sent is not valid for queries.", "invalid_key")


def require_admin(request: Request) -> None:
    """Dependency for document changes (upload, delete)."""
    settings = _settings(request)
    if settings.read_only:
        raise ApiError(
            403,
            "This server is read-only (POCKETRAG_READ_ONLY=true): documents cannot be changed.",
            "read_only",
        )
    require_admin_key(request)


def require_admin_key(request: Request) -> None:
    """Dependency for the admin's views (the questions log): the API key, or this machine
    when none is set; unlike document changes, allowed on a read-only server."""
    settings = _settings(request)
    if not settings.api_key:
        if is_loopback(request):
            require_same_site(request.scope, settings)
            return
        raise ApiError(
            403,
            "Document changes and the questions log are disabled: set POCKETRAG_API_KEY on "
            "the server and send it as 'Authorization: Bearer <key>'.",
            "changes_disabled",
        )
    key = presented_key(request)
    if key is None:
        raise ApiError(
            401,
            "Changing documents and reading the questions log need the API key: send "
            "'Authorization: Bearer <key>'.",
            "missing_key",
            _CHALLENGE,
        )
    if not _matches(key, settings.api_key):
        raise ApiError(403, "The API key sent is not valid.", "invalid_key")
