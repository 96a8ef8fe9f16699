"""One JSON error shape for every failure, so the page, scripts and OpenAI clients can all
show the message: {"error": {"message", "code", "type", "status"}}.

The shape is OpenAI's (message/type/code under "error"), which the official client reads;
"status" repeats the HTTP status for people reading raw responses.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from pocketrag.documents import IndexModelMismatchError, LoaderError, PocketragError

log = logging.getLogger("pocketrag.api")

_DEFAULT_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(StarletteHTTPException):
    """An error for the API's user. A Starlette HTTPException subclass so FastAPI re-raises
    it unchanged even when it comes out of request-body reading."""

    def __init__(
        self,
        status_code: int,
        message: str,
        code: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(status_code=status_code, detail=message, headers=dict(headers or {}))
        self.code = code or _DEFAULT_CODES.get(status_code, "error")
        self.message = message


def error_body(status: int, message: str, code: str | None = None, **extra: object) -> dict:
    kind = "server_error" if status >= 500 else "invalid_request_error"
    body: dict[str, object] = {
        "message": message,
        "code": code or _DEFAULT_CODES.get(status, "error"),
        "type": kind,
        "status": status,
    }
    body.update(extra)
    return {"error": body}


def error_response(
    status: int,
    message: str,
    code: str | None = None,
    headers: Mapping[str, str] | None = None,
    **extra: object,
) -> JSONResponse:
    return JSONResponse(error_body(status, message, code, **extra), status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "Invalid request: " + "; ".join(parts) if parts else "Invalid request."


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status_code, exc.message, exc.code, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        if status == 404:
            message = f"Not found: {request.method} {request.url.path}"
        elif status == 405:
            message = f"Method {request.method} is not allowed on {request.url.path}."
        else:
            message = str(exc.detail)
        return error_response(status, message, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
            for e in exc.errors()[:20]
        ]
        return error_response(422, _validation_message(exc), details=details)

    @app.exception_handler(LoaderError)
    async def _loader(request: Request, exc: LoaderError) -> JSONResponse:
        return error_response(400, str(exc), "unreadable_document")

    @app.exception_handler(IndexModelMismatchError)
    async def _mismatch(request: Request, exc: IndexModelMismatchError) -> JSONResponse:
        # The deployment's configuration is wrong, not the request.
        return error_response(503, str(exc), "index_model_mismatch")

    @app.exception_handler(PocketragError)
    async def _pocketrag(request: Request, exc: PocketragError) -> JSONResponse:
        return error_response(400, str(exc), "bad_request")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(
            500, "Internal error; the server log has the details.", "internal_error"
        )


# What the operator can do about an index that will not open, by the error SQLite gave.
# "unable to open database file" alone names neither the cause nor the fix.
_INDEX_HINTS = {
    "ReadOnlyError": "the file or its directory is read-only for the server's user: make both "
    "writable (SQLite creates the -wal and -shm files beside the index), or serve a shipped "
    "index with POCKETRAG_READ_ONLY=true",
    "CantOpenError": "SQLite cannot open or create the file there: check that the path is a "
    "file (not a directory) in an existing directory the server's user can write (SQLite "
    "creates the -wal and -shm files beside it), or serve with POCKETRAG_READ_ONLY=true",
    "NotADBError": "the file is not a pocketrag index (not an SQLite database): move it away "
    "and rebuild with `pocketrag ingest PATH`, or point POCKETRAG_INDEX_PATH at the right file",
    "CorruptError": "the file is damaged: restore it from a backup or rebuild it with "
    "`pocketrag ingest PATH`",
    "PermissionError": "the server's user may not read or create it: fix the permissions of "
    "the file and its directory, or serve with POCKETRAG_READ_ONLY=true",
}


def index_open_message(where: str, exc: BaseException) -> str:
    """The 503 message for an index that cannot be opened: which file, why, what to do."""
    hint = _INDEX_HINTS.get(type(exc).__name__)
    if hint is None and isinstance(exc, OSError):
        hint = "check that the path and its directory exist and are writable by the server"
    message = f"The index at {where} cannot be opened: {exc}"
    return f"{message}. Likely cause: {hint}." if hint else f"{message}."
