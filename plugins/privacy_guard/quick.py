"""Skip parsing a page that provably contacts no host but trusted ones and runs no script.

Parsing is most of the audit's time, and most pages of a site name no host but
the site's own, or name others only in links. A page may skip the parser when
its raw text shows none of what could hide a host or run code, and every `//`
in it leads to a trusted (first-party) host or sits in an `<a href>`. Anything
unusual (script, escapes, character references, event handlers, srcdoc,
comments holding markup) sends the page to the parser. The parser stays the
only judge of what a page loads; this only decides when it has nothing to judge.
"""

from __future__ import annotations

import re
from functools import cache

from .html_scan import needs_all_elements
from .policy import host_matches
from .urls import normalise_host

# Scripts and srcdoc (and, see _markup_declaration, comments, scanned for markup and tracker
# code; conditional comments; CDATA) send a page to the parser. Plain substrings, which bytes.find
# finds faster than a regex does, and as few tests as the rules allow: each reads the whole page.
_PING = re.compile(rb"ping\s*=")
# A data: URL whose content can load more: markup, SVG, script or style (an image cannot).
_LOADING_DATA = re.compile(rb"data:\s*(?:text/|application/|image/svg|[,;])")
# https:host without slashes names a host too
_BARE_SCHEME = re.compile(rb":(?![/\\])(?:(?<=https:)|(?<=http:)|(?<=wss:)|(?<=ws:)|(?<=ftp:))")
# Character references that read as text are harmless; any other might spell a URL.
_REFERENCE = re.compile(rb"&([a-z][a-z0-9]*);?")
_HARMLESS_REFERENCES = frozenset(
    b"amp lt gt quot apos nbsp mdash ndash hellip lsquo rsquo ldquo rdquo laquo raquo "
    b"copy reg trade middot bull times euro pound deg para sect shy zwj zwnj".split()
)
_AUTHORITY = re.compile(rb"//+([^/\s\"'<>?#()\[\]]*)")
# <a href="https://...: other attributes may come first but hold no quotes, so nothing
# between the tag's start and the URL can be an attribute value pretending to be a tag.
_LINK_HREF = re.compile(rb"<a\s(?:[^<>\"'=]*\s)?href\s*=\s*[\"']?(?:https?:)?")
_VALUE_BEFORE = re.compile(rb"=\s*$")
_CSP = re.compile(rb"http-equiv\s*=\s*[\"']?content-security-policy")
_REFERRER = re.compile(rb"name\s*=\s*[\"']?referrer")
# A Content-Security-Policy <meta> at the very start of <head>, after nothing but the doctype,
# <html>, <head> and <meta charset> (where the theme and inject.py write it): the tokenizer is
# then provably between tags, so its content is the policy, which loads nothing, and the hosts
# it names (the site's own and the declared ones) need no parser. Anywhere else it might be
# part of another tag's attribute value, and the page goes to the parser as before.
_ATTRIBUTE = rb'\s+[a-z-]+=(?:"[^"<>]*"|[a-z0-9_-]+)'
_HEAD_CSP = re.compile(
    rb"\s*<!doctype html>\s*<html(?:" + _ATTRIBUTE + rb")*\s*>\s*<head>\s*"
    rb"(?:<meta charset=(?:\"[a-z0-9_-]+\"|[a-z0-9_-]+)>\s*)?"
    rb'<meta http-equiv="content-security-policy" content="([^"<>]*)">'
)


# One frozenset per combination, shared by all pages, not one per page.
_HEAD_META = {
    (csp, referrer): frozenset(name for name, on in (("csp", csp), ("referrer", referrer)) if on)
    for csp in (False, True)
    for referrer in (False, True)
}


def provably_clean(page: bytes, trusted: frozenset[str]) -> frozenset[str] | None:
    """The page's head meta ("csp", "referrer") when it needs no parsing, else None.

    `trusted`: first-party hosts (patterns like *.example.com allowed).
    """
    if b"\\" in page:  # escapes or backslash slashes: one byte, the cheapest test first
        return None
    lowered = page.lower()
    if b"<script" in lowered or b"srcdoc" in lowered or _markup_declaration(lowered):
        return None
    # Template contents (decoded when encoded) and data: URLs carrying code or markup: what
    # they load needs no "//" in the page.
    if b"<template" in lowered or (b"data:" in lowered and _LOADING_DATA.search(lowered)):
        return None
    if needs_all_elements(lowered):
        return None
    if (b"ping" in lowered and _PING.search(lowered)) or _BARE_SCHEME.search(lowered):
        return None
    if b"&" in lowered:  # one byte: a search as fast as memchr
        for match in _REFERENCE.finditer(lowered):
            if match.group(1) not in _HARMLESS_REFERENCES:
                return None
    policy = _HEAD_CSP.match(lowered)
    policy_start, policy_end = policy.span(1) if policy else (0, 0)
    exact = _exact_hosts(trusted)
    for match in _AUTHORITY.finditer(lowered):
        authority = match.group(1)
        if not authority or authority in exact or policy_start <= match.start() < policy_end:
            continue
        if _in_link_href(lowered, match.start()):
            continue
        host_part = authority.rpartition(b"@")[2]
        if b"%" in host_part:
            return None
        host = normalise_host(host_part.decode("utf-8", "replace"))
        if host and not _trusted(host, trusted):
            return None
    csp = policy is not None or _CSP.search(lowered) is not None
    return _HEAD_META[csp, _REFERRER.search(lowered) is not None]


def _markup_declaration(lowered: bytes) -> bool:
    """Whether '<!' appears after the doctype; found through the '!', a byte rare in pages,
    which a one-byte search (memchr) finds faster than the two-byte '<!'."""
    position = lowered.find(b"!", 2)
    while position >= 0:
        if lowered[position - 1] == 0x3C:  # "<"
            return True
        position = lowered.find(b"!", position + 1)
    return False


@cache
def _exact_hosts(trusted: frozenset[str]) -> frozenset[bytes]:
    return frozenset(host.encode() for host in trusted if not host.startswith("*."))


def _trusted(host: str, trusted: frozenset[str]) -> bool:
    return host in trusted or any(host_matches(pattern, host) for pattern in trusted)


def _in_link_href(lowered: bytes, position: int) -> bool:
    """Whether `position` starts the URL of an <a href> (a link: nothing loads)."""
    start = lowered.rfind(b"<", 0, position)
    if start < 0 or _LINK_HREF.fullmatch(lowered, start, position) is None:
        return False
    # `title=<a href=...`: that "<a" is an unquoted attribute value, not a tag.
    return _VALUE_BEFORE.search(lowered, max(0, start - 32), start) is None
