"""JSON for the errors produced outside the routes: by uvicorn's HTTP parser and by CORS.

The app's exception handlers (api/errors.py) only see requests that reach the app. A request
h11 cannot parse (a bad Content-Length, no Host header, two Content-Lengths) is answered by
uvicorn itself, and a refused CORS preflight by Starlette's middleware, both in plain text;
here they get the same {"error": {...}} body as every other failure, so clients need one
error parser. uvicorn accepts a protocol class for exactly this (`http=`); only the 400
writer is replaced, the parser is uvicorn's own.
"""

from __future__ import annotations

import json

import h11
from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from uvicorn.protocols.http.h11_impl import H11Protocol

from pocketrag.api.errors import error_body, error_response

_BAD_REQUEST = (
    "The HTTP request could not be parsed (for example a malformed or repeated "
    "Content-Length, or no Host header)."
)


class JsonErrorH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, answering unparseable requests with a JSON 400."""

    def send_400_response(self, msg: str) -> None:
        payload = json.dumps(error_body(400, _BAD_REQUEST, "bad_http_request")).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(payload)).encode()),
            (b"connection", b"close"),
        ]
        for event in (
            h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
            h11.Data(data=payload),
            h11.EndOfMessage(),
        ):
            self.transport.write(self.conn.send(event))
        self.transport.close()


class JsonCORSMiddleware(CORSMiddleware):
    """Starlette's CORS middleware; a refused preflight says why in JSON (still a 400, with
    the same CORS headers, so a browser reports it the same way)."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        refused = bytes(response.body).decode().removeprefix("Disallowed CORS ")
        origin = request_headers.get("origin", "")[:100]
        message = (
            f"Cross-origin request from {origin!r} refused ({refused} not allowed); "
            "allowed origins are set with POCKETRAG_CORS_ORIGINS."
        )
        headers = {
            k: v for k, v in response.headers.items() if k not in {"content-length", "content-type"}
        }
        return error_response(response.status_code, message, "cors_refused", headers)
