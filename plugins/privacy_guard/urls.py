"""Turn a raw URL, as written in a page, into the host a browser would contact.

Browsers forgive a lot: padding, tabs and newlines inside the URL, upper-case
schemes, backslashes for slashes, extra slashes, user-info and percent-encoded
hosts. A tracker hidden behind any of those still loads, so the audit follows
the WHATWG URL rules that matter for finding the host, and nothing more.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import re
from dataclasses import dataclass
from enum import Enum
from urllib.parse import unquote, unquote_to_bytes

# Schemes whose URLs have a host the browser connects to.
_NETWORK_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp"})
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_STRIP = "".join(chr(c) for c in range(0x21))  # C0 controls and space, as browsers strip
_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_AUTHORITY_END = re.compile(r"[/?#]")


class Target(Enum):
    """Where following a URL leads."""

    NOWHERE = "nowhere"  # data:, mailto:, fragment-only...: nothing is fetched from a host
    SAME_SITE = "same-site"  # relative: the site's own origin
    HOST = "host"  # an absolute or protocol-relative URL naming a host
    SCRIPT = "script"  # javascript: — code to scan, not a place


@dataclass(frozen=True, slots=True)
class ParsedURL:
    target: Target
    url: str = ""  # normalised absolute URL (HOST) or the code (SCRIPT)
    host: str = ""  # lower-case ASCII host without port or trailing dot


NOWHERE = ParsedURL(Target.NOWHERE)
SAME_SITE = ParsedURL(Target.SAME_SITE)


def parse_url(raw: str) -> ParsedURL:
    """Classify a URL the way a browser resolving it against an https page would."""
    text = _TAB_NEWLINE.sub("", raw.strip(_STRIP))
    if not text:
        return NOWHERE
    match = _SCHEME.match(text)
    if match:
        scheme = match.group(1).lower()
        rest = text[match.end() :]
        if scheme == "javascript":
            return ParsedURL(Target.SCRIPT, url=rest)
        if scheme not in _NETWORK_SCHEMES:
            return NOWHERE
        # "https:host/x" (no slashes) reaches the host when the page's scheme differs,
        # so it is treated as naming a host: the strict reading.
        return _with_authority(scheme, rest)
    slashed = text.replace("\\", "/")
    if slashed.startswith("//"):
        return _with_authority("https", slashed)
    return SAME_SITE


def _with_authority(scheme: str, rest: str) -> ParsedURL:
    rest = rest.replace("\\", "/").lstrip("/")  # special schemes ignore any number of slashes
    end = _AUTHORITY_END.search(rest)
    authority, tail = (rest[: end.start()], rest[end.start() :]) if end else (rest, "")
    host = normalise_host(authority.rpartition("@")[2])
    if not host:
        return NOWHERE
    return ParsedURL(Target.HOST, url=f"{scheme}://{host}{tail or '/'}", host=host)


def normalise_host(authority: str) -> str:
    """Lower-case ASCII host, without port, trailing dot or percent-encoding."""
    host = (unquote(authority) if "%" in authority else authority).strip().lower()
    if host.startswith("["):  # IPv6 literal keeps its colons
        return host.partition("]")[0] + "]"
    host = host.partition(":")[0].rstrip(".")
    if not host.isascii():
        with contextlib.suppress(UnicodeError):  # not a valid IDN: compare as written
            host = host.encode("idna").decode("ascii")
    return host


def host_of(url: str) -> str:
    """The host an absolute URL such as a declaration's site.url names, or ''."""
    parsed = parse_url(url)
    return parsed.host if parsed.target is Target.HOST else ""


def parse_srcset(value: str) -> list[str]:
    """URLs of a srcset/imagesrcset list (URLs may contain commas; descriptors follow)."""
    urls: list[str] = []
    pos, size = 0, len(value)
    while pos < size:
        while pos < size and (value[pos].isspace() or value[pos] == ","):
            pos += 1
        start = pos
        while pos < size and not value[pos].isspace():
            pos += 1
        candidate = value[start:pos]
        if not candidate:
            break
        url = candidate.rstrip(",")
        if url:
            urls.append(url)
        if candidate.endswith(","):
            continue
        depth = 0
        while pos < size:  # skip descriptors up to the next top-level comma
            char = value[pos]
            pos += 1
            if char == "(":
                depth += 1
            elif char == ")":
                depth = max(0, depth - 1)
            elif char == "," and depth == 0:
                break
    return urls


_REFRESH = re.compile(
    r"""^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(?P<q>['"]?)(?P<url>.*?)(?P=q)\s*$""",
    re.IGNORECASE | re.DOTALL,
)


def refresh_url(content: str) -> str:
    """The URL of a <meta http-equiv=refresh> content ("5; url=...")."""
    match = _REFRESH.match(content)
    return match.group("url") if match else ""


def data_url_content(url: str) -> tuple[str, str] | None:
    """(media type, text) of a data: URL, base64 or percent-encoded; None if it is not one.

    A script, frame or stylesheet whose source is a data: URL runs what it carries: the
    carried text is scanned like a file of that type.
    """
    text = _TAB_NEWLINE.sub("", url.strip(_STRIP))
    if text[:5].lower() != "data:" or "," not in text:
        return None
    header, _, payload = text[5:].partition(",")
    media_type = header.split(";")[0].strip().lower() or "text/plain"
    try:
        if header.lower().rstrip().endswith(";base64"):
            compact = re.sub(r"\s+", "", unquote(payload))
            raw = base64.b64decode(compact + "=" * (-len(compact) % 4))
        else:
            raw = unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None
    return media_type, raw.decode("utf-8", "replace")
