"""Put the CSP and referrer <meta> tags into pages whose theme does not write them.

A theme that knows the plugin writes `{{ PRIVACY_GUARD_HEAD }}` itself and no
page is rewritten; any other theme still gets the tags, inserted as early in
<head> as possible (a CSP only governs what comes after it), but after
<meta charset>, which must stay within the first 1024 bytes.
"""

from __future__ import annotations

import html
import re

_CHARSET = re.compile(rb"<meta\s[^>]*charset[^>]*>", re.IGNORECASE)
_HEAD = re.compile(rb"<head(?:\s[^>]*)?>", re.IGNORECASE)
_HTML = re.compile(rb"<html(?:\s[^>]*)?>", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!doctype[^>]*>", re.IGNORECASE)


def csp_meta(csp: str) -> str:
    value = html.escape(csp, quote=False).replace('"', "&quot;")  # keep the ' of 'self' readable
    return f'<meta http-equiv="Content-Security-Policy" content="{value}">'


REFERRER_META = '<meta name="referrer" content="no-referrer">'


def head_tags(csp: str, missing: set[str] | frozenset[str] = frozenset({"csp", "referrer"})) -> str:
    tags = []
    if "csp" in missing:
        tags.append(csp_meta(csp))
    if "referrer" in missing:
        tags.append(REFERRER_META)
    return "".join(tags)


def insert_into_head(page: bytes, tags: str) -> bytes:
    encoded = tags.encode("utf-8")
    charset = _CHARSET.search(page, 0, 1024)
    for anchor in (charset, _HEAD.search(page), _HTML.search(page), _DOCTYPE.search(page)):
        if anchor is not None:
            return page[: anchor.end()] + encoded + page[anchor.end() :]
    return encoded + page
