"""Receive a multipart upload straight to disk, counting bytes as they arrive.

Starlette's form parser would spool the file before we could check its size; here the
python-multipart streaming parser writes each piece to the staging file and the upload is
cut off (413) the moment it passes the bound, so a huge body never sits in memory or fills
the disk. File names are reduced to a safe base name: no directories, no hidden files, no
control or shell-special characters. That name becomes the document's name; the staged file
itself gets a generated one ("upload.pdf" in the job's own directory), so a name the file
system cannot hold (100 Chinese characters are 300 bytes, over the usual 255) still works.

A body that stops before the closing boundary is refused (the client was cut off: indexing
the part that arrived would store a truncated document). A failure to write the staged file
is the server's problem, not the client's: 507 when the disk is full, 500 otherwise, and the
message never shows server paths.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from fastapi import Request
from python_multipart.multipart import MultipartParser, parse_options_header

from pocketrag.api.errors import ApiError
from pocketrag.api.limits import BodyTooLarge, too_large_message

log = logging.getLogger("pocketrag.api")
_STAGED_STEM = "upload"
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT}
_NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}
_UNSAFE = re.compile(r"[^\w .()+,=@-]+")
_MAX_NAME = 120
_MAX_FIELD = 1024


def safe_filename(raw: str) -> str:
    """A base name safe to create anywhere; raises ApiError(400) when nothing usable is left.

    "../../etc/x.md" -> "x.md"; "C:\\a\\b.pdf" -> "b.pdf"; ".env.md" -> "env.md".
    """
    name = unicodedata.normalize("NFC", raw).replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE.sub("_", name).strip(" ._-")
    name = re.sub(r"_+", "_", name)
    if len(name) > _MAX_NAME:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: _MAX_NAME - len(suffix) - 1] + dot + suffix) if dot else name[:_MAX_NAME]
    if not name or "." not in name or name.startswith("."):
        raise ApiError(400, f"The file name {raw[:80]!r} is not usable; rename the file.")
    return name


@dataclass
class Upload:
    filename: str
    path: Path
    size: int
    fields: dict[str, str] = field(default_factory=dict)


class _Receiver:
    """python-multipart callbacks: one file part to disk, small text fields to memory."""

    def __init__(self, dest_dir: Path, max_bytes: int) -> None:
        self.dest_dir = dest_dir
        self.max_bytes = max_bytes
        self.fields: dict[str, str] = {}
        self.upload: Upload | None = None
        self._file: BinaryIO | None = None
        self._headers: dict[str, bytes] = {}
        self._header_field = b""
        self._header_value = b""
        self._field_name: str | None = None
        self._field_value = bytearray()
        self._in_file = False
        self.complete = False  # the closing boundary arrived

    def callbacks(self) -> dict:
        return {
            "on_part_begin": self._part_begin,
            "on_header_field": lambda d, s, e: self._add("_header_field", d[s:e]),
            "on_header_value": lambda d, s, e: self._add("_header_value", d[s:e]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
            "on_end": self._end,
        }

    def _add(self, attr: str, data: bytes) -> None:
        setattr(self, attr, getattr(self, attr) + data)

    def _part_begin(self) -> None:
        self._headers = {}
        self._field_name = None
        self._field_value = bytearray()
        self._in_file = False

    def _header_end(self) -> None:
        self._headers[self._header_field.decode("latin-1").lower()] = self._header_value
        self._header_field = b""
        self._header_value = b""

    def _headers_finished(self) -> None:
        _, params = parse_options_header(self._headers.get("content-disposition", b""))
        name = params.get(b"name", b"").decode("utf-8", "replace")
        raw_filename = params.get(b"filename")
        if raw_filename is None:
            self._field_name = name
            return
        if self.upload is not None:
            raise ApiError(400, "Upload one file per request.")
        filename = safe_filename(raw_filename.decode("utf-8", "replace"))
        from pocketrag.pipeline import supported_suffixes

        suffixes = supported_suffixes()
        matching = [s for s in suffixes if filename.lower().endswith(s)]
        if not matching:
            raise ApiError(
                415,
                f"{filename}: unsupported file type; supported: {', '.join(sorted(suffixes))}.",
                "unsupported_type",
            )
        self.dest_dir.mkdir(parents=True, exist_ok=True)
        path = self.dest_dir / (_STAGED_STEM + max(matching, key=len))
        self._file = path.open("wb")
        self.upload = Upload(filename, path, 0)
        self._in_file = True

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self._in_file and self._file is not None and self.upload is not None:
            self.upload.size += end - start
            if self.upload.size > self.max_bytes:
                raise BodyTooLarge(too_large_message("uploaded file", self.max_bytes))
            self._file.write(data[start:end])
        elif self._field_name is not None:
            self._field_value += data[start:end]
            if len(self._field_value) > _MAX_FIELD:
                raise ApiError(400, f"Form field {self._field_name!r} is too long.")

    def _part_end(self) -> None:
        if self._in_file and self._file is not None:
            self._file.close()
            self._file = None
            self._in_file = False
        elif self._field_name is not None:
            self.fields[self._field_name] = self._field_value.decode("utf-8", "replace").strip()

    def _end(self) -> None:
        self.complete = True

    def close(self) -> None:
        """After a failed upload: the staged file is about to be removed, so a write error
        while flushing it (a full disk) must not hide the first error."""
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
            self._file = None


async def receive_upload(request: Request, dest_dir: Path, max_bytes: int) -> Upload:
    """Stream the request's multipart body into dest_dir; the caller removes dest_dir on
    any error (this function leaves partial files there)."""
    content_type, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise ApiError(
            415,
            "Send the file as multipart/form-data with a 'file' field "
            "(curl -F file=@handbook.pdf ...).",
            "unsupported_media_type",
        )
    receiver = _Receiver(dest_dir, max_bytes)
    parser = MultipartParser(boundary, receiver.callbacks())
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except ApiError:
        raise
    except OSError as exc:
        raise staging_error(exc) from exc
    except Exception as exc:  # python-multipart's parse errors
        raise ApiError(400, f"The upload is not valid multipart data: {exc}") from exc
    finally:
        receiver.close()
    if not receiver.complete:
        raise ApiError(
            400,
            "The upload ended before the multipart closing boundary: the body was cut off "
            "on the way. Nothing was stored; send the file again.",
            "truncated_upload",
        )
    if receiver.upload is None:
        raise ApiError(400, "No file in the upload: send it in a 'file' form field.")
    if receiver.upload.size == 0:
        raise ApiError(400, f"{receiver.upload.filename} is empty.")
    receiver.upload.fields = receiver.fields
    return receiver.upload


def staging_error(exc: OSError) -> ApiError:
    """The client's answer when the server cannot write an upload: 507 for a full disk,
    500 otherwise, naming the cause but no server path (the log has the details)."""
    log.error("cannot stage an upload: %s", exc)
    reason = exc.strerror or type(exc).__name__
    if exc.errno in _DISK_FULL:
        return ApiError(
            507,
            f"The server has no disk space left for uploads ({reason}). Nothing was stored; "
            "try again later or ask the operator to free space.",
            "insufficient_storage",
        )
    if exc.errno in _NOT_WRITABLE:
        message = (
            f"The server cannot store uploads: its data directory is not writable ({reason}). "
            "The operator must make POCKETRAG_DATA_DIR writable, or serve with "
            "POCKETRAG_READ_ONLY=true to refuse changes up front."
        )
    else:
        message = f"The server could not store the upload ({reason}); the server log has details."
    return ApiError(500, message, "upload_storage_failed")
