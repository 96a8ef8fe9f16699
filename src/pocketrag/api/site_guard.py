"""Which web pages may reach a server on this machine: the DNS-rebinding and cross-site checks.

A browser sends requests to 127.0.0.1 on behalf of any page it shows. A page on another
site can POST there with `fetch(url, {mode: "no-cors"})` (it cannot read the answer, but
the upload happens), and a page whose own name is re-pointed at 127.0.0.1 (DNS rebinding)
may even read the answers, since the browser then thinks it is talking to that page's site.
Two checks close both doors without getting in the way of curl, scripts or the chat page:

- Host: a request that arrives on a loopback address must name this server in its Host
  header (localhost, a loopback address, the address it arrived on, the configured host, or
  a name in POCKETRAG_ALLOWED_HOSTS). A rebinding page sends its own name: 400. /health is
  exempt so a platform's health check works whatever name it uses.
- Origin: without an API key, document changes are accepted only from loopback clients whose
  Origin header, if sent, is the server's own (same host:port) or one of
  POCKETRAG_CORS_ORIGINS. Browsers always send Origin on a cross-site POST or DELETE, so a
  cross-site form or no-cors fetch is refused (403); curl and scripts send none.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

from pocketrag.api.errors import ApiError, error_response
from pocketrag.config import Settings

_LOOPBACK_NAMES = {"localhost"}
_WILDCARD_BINDS = {"", "0.0.0.0", "::"}
_EXEMPT_PATHS = {"/health"}


def is_loopback_address(host: str) -> bool:
    """127.0.0.0/8, ::1, and 127.x seen through a dual-stack socket (::ffff:127.0.0.1)."""
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return (mapped or ip).is_loopback


def host_name(host_header: str) -> str:
    """The name in a Host header, without port, brackets or trailing dot, lower-cased:
    "[::1]:8000" -> "::1", "LocalHost.:80" -> "localhost"."""
    value = host_header.strip().lower()
    if value.startswith("["):
        return value[1:].partition("]")[0]
    name, colon, port = value.rpartition(":")
    if colon and port.isdigit() and ":" not in name:
        value = name
    return value.rstrip(".")


def split_list(value: str) -> list[str]:
    """A comma-separated setting as a list of non-empty, stripped entries."""
    return [part.strip() for part in value.split(",") if part.strip()]


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


def host_allowed(scope: Scope, settings: Settings) -> bool:
    """Whether the request's Host header names this server (see the module docstring)."""
    header = _header(scope, b"host")
    if header is None:
        return False
    name = host_name(header)
    allowed = {host_name(h) for h in split_list(settings.allowed_hosts)}
    if "*" in allowed or name in allowed:
        return True
    if name in _LOOPBACK_NAMES or name.endswith(".localhost") or is_loopback_address(name):
        return True
    server = scope.get("server") or ("", 0)
    if name == host_name(str(server[0])):
        return True
    return settings.host not in _WILDCARD_BINDS and name == host_name(settings.host)


def arrived_on_loopback(scope: Scope) -> bool:
    server = scope.get("server")
    return bool(server) and is_loopback_address(str(server[0]))


def host_refused_message(scope: Scope) -> str:
    name = host_name(_header(scope, b"host") or "")
    return (
        f"This server does not answer to the host name {name[:100]!r}. If you reach it through "
        "a reverse proxy or a DNS name, list that name in POCKETRAG_ALLOWED_HOSTS."
    )


class HostCheckMiddleware:
    """Refuses (400, JSON) requests that arrived on a loopback address but name another
    host: the DNS-rebinding defence. Requests arriving on other addresses pass untouched."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope.get("path") not in _EXEMPT_PATHS
            and arrived_on_loopback(scope)
            and not host_allowed(scope, self.settings)
        ):
            response = error_response(400, host_refused_message(scope), "host_not_allowed")
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def origin_allowed(scope: Scope, settings: Settings) -> bool:
    """No Origin (curl, scripts), the server's own origin, or a listed CORS origin."""
    origin = _header(scope, b"origin")
    if origin is None:
        return True
    origin = origin.strip().lower().rstrip("/")
    if origin in {o.lower().rstrip("/") for o in split_list(settings.cors_origins)}:
        return True
    parts = urlsplit(origin)
    host = _header(scope, b"host")
    return parts.scheme in {"http", "https"} and host is not None and parts.netloc == host.lower()


def require_same_site(scope: Scope, settings: Settings) -> None:
    """For changes without an API key: the Host must name this server and the Origin, if
    any, must be its own; raises ApiError(403) otherwise."""
    if not host_allowed(scope, settings):
        raise ApiError(403, host_refused_message(scope), "host_not_allowed")
    if not origin_allowed(scope, settings):
        origin = (_header(scope, b"origin") or "")[:100]
        raise ApiError(
            403,
            f"Document changes from a page on another site ({origin!r}) are refused. Without "
            "POCKETRAG_API_KEY, only this server's own page, curl and scripts on this machine "
            "may change documents; list a trusted page's origin in POCKETRAG_CORS_ORIGINS.",
            "cross_site_refused",
        )


def access_rule(settings: Settings) -> str:
    """One line for `pocketrag serve` (and so `make demo`) saying who may change documents."""
    if settings.read_only:
        return "Read-only: uploads and deletes are refused."
    if settings.api_key:
        return "Uploads and deletes need POCKETRAG_API_KEY as 'Authorization: Bearer <key>'."
    return (
        "No POCKETRAG_API_KEY: uploads and deletes are accepted only from this machine, from "
        "this server's own page or from clients that send no Origin (curl, scripts); pages on "
        "other sites and other host names are refused."
    )
