"""Decode a form submission's body into (name, value) pairs, strictly.

Werkzeug's own form parsing replaces invalid UTF-8 with U+FFFD; the inbox must refuse it
instead (nothing garbled gets stored), so the two form encodings are decoded here.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from werkzeug.http import parse_options_header
from werkzeug.sansio.multipart import Data, Epilogue, Field, File, MultipartDecoder, NeedData

URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
FORM_TYPES = (URLENCODED, MULTIPART)


class UnsupportedForm(ValueError):
    """The body is not one of the form content types (answered with 415)."""


class MalformedForm(ValueError):
    """The body claims a form type but cannot be decoded (answered with 400)."""


def decode_form(content_type: str | None, body: bytes) -> list[tuple[str, str]]:
    """Return the body's fields in order; raise UnsupportedForm or MalformedForm."""
    mimetype, options = parse_options_header(content_type or "")
    mimetype = mimetype.lower()  # media types are case-insensitive
    charset = options.get("charset", "utf-8").lower()
    if mimetype not in FORM_TYPES:
        raise UnsupportedForm(f"expected a form ({' or '.join(FORM_TYPES)}), got {mimetype!r}")
    if charset not in ("utf-8", "utf8"):
        raise UnsupportedForm(f"expected UTF-8, got charset {charset!r}")
    if mimetype == URLENCODED:
        return _decode_urlencoded(body)
    boundary = options.get("boundary", "")
    if not boundary:
        raise MalformedForm("multipart form without a boundary")
    return _decode_multipart(boundary.encode("latin-1", "replace"), body)


def _decode_urlencoded(body: bytes) -> list[tuple[str, str]]:
    try:
        return parse_qsl(body.decode("utf-8"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as error:
        raise MalformedForm("the form is not valid UTF-8") from error
    except ValueError as error:
        raise MalformedForm(f"the form cannot be read: {error}") from error


def _decode_multipart(boundary: bytes, body: bytes) -> list[tuple[str, str]]:
    decoder = MultipartDecoder(boundary, max_form_memory_size=len(body) + 1)
    decoder.receive_data(body)
    decoder.receive_data(None)
    pairs: list[tuple[str, str]] = []
    name: str | None = None
    chunks: list[bytes] = []
    try:
        while True:
            event = decoder.next_event()
            if isinstance(event, File):
                raise MalformedForm("the form carries a file; the contact form takes text only")
            if isinstance(event, Field):
                name, chunks = event.name, []
            elif isinstance(event, Data) and name is not None:
                chunks.append(event.data)
                if not event.more_data:
                    pairs.append((name, b"".join(chunks).decode("utf-8")))
                    name = None
            elif isinstance(event, Epilogue | NeedData):
                break
    except MalformedForm:
        raise
    except UnicodeDecodeError as error:
        raise MalformedForm("the form is not valid UTF-8") from error
    except ValueError as error:  # werkzeug raises ValueError on a broken multipart stream
        raise MalformedForm(f"the form cannot be read: {error}") from error
    if not isinstance(event, Epilogue):
        raise MalformedForm("the multipart form ends too early")
    return pairs
