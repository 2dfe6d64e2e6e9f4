"""Scan the deploy header files the owner publishes: `_headers` (Netlify, Cloudflare Pages) and
`.htaccess` (Apache).

A header can make the browser contact a host as surely as a page can: `Link: <...>;
rel=preload` fetches, and `Report-To`, `Reporting-Endpoints` and a CSP's `report-uri` send
reports there. The block the privacy guard writes itself (between its BEGIN and END lines) is
skipped: it names only the site and the declared hosts.
"""

from __future__ import annotations

import json
import re

from .findings import Context, Reference
from .headers import BEGIN, END
from .urls import Target, parse_url

_APACHE_HEADER = re.compile(
    r"""^\s*Header\s+(?:always\s+)?(?:set|add|append|merge)\s+([\w-]+)\s+(?:"((?:[^"\\]|\\.)*)"|(\S+))""",
    re.IGNORECASE,
)
_LINK = re.compile(r"<([^>]*)>([^,<]*)")
_LOADING_RELS = frozenset({"preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload",
                           "stylesheet", "prerender", "icon"})  # fmt: skip
_REPORT_URI = re.compile(r"\breport-uri\s+([^;]+)", re.IGNORECASE)
_QUOTED_URL = re.compile(r"\"((?:https?:)?//[^\"\s]+)\"")


def scan_header_file(text: str) -> tuple[Reference, ...]:
    references: list[Reference] = []
    inside_ours = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() == BEGIN:
            inside_ours = True
        elif line.strip() == END:
            inside_ours = False
        elif not inside_ours:
            header = _header(line)
            if header is not None:
                references += _references(number, *header)
    return tuple(references)


def _header(line: str) -> tuple[str, str] | None:
    """(name, value) of a header line in either format, or None."""
    apache = _APACHE_HEADER.match(line)
    if apache is not None:
        value = apache.group(2) if apache.group(2) is not None else apache.group(3)
        return apache.group(1).lower(), value.replace('\\"', '"')
    if line[:1].isspace() and ":" in line:  # "  Name: value" under a path in _headers
        name, _, value = line.strip().partition(":")
        return name.strip().lower(), value.strip()
    return None


def _references(line: int, name: str, value: str) -> list[Reference]:
    found: list[tuple[str, str]] = []
    if name == "link":
        for url, parameters in _LINK.findall(value):
            rels = re.search(r"rel\s*=\s*\"?([^\";]*)", parameters, re.IGNORECASE)
            if rels and _LOADING_RELS & set(rels.group(1).lower().split()):
                found.append(("link-header", url))
    elif name in ("report-to", "nel", "reporting-endpoints"):
        found += [("report-to", url) for url in _report_urls(value)]
    elif name.startswith("content-security-policy"):
        for match in _REPORT_URI.finditer(value):
            found += [("report-uri", url) for url in match.group(1).split()]
    references = []
    for kind, raw in found:
        parsed = parse_url(raw)
        if parsed.target is Target.HOST:
            references.append(Reference(line, kind, parsed.url, parsed.host, Context.LOAD))
    return references


def _report_urls(value: str) -> list[str]:
    """Report-To is JSON (one group, or several joined by commas); Reporting-Endpoints is a
    dictionary of quoted URLs. Any URL in quotes is where reports go."""
    try:
        groups = json.loads(f"[{value}]")
    except ValueError:
        return _QUOTED_URL.findall(value)
    urls = []
    for group in groups:
        if isinstance(group, dict):
            for endpoint in group.get("endpoints", []) or []:
                if isinstance(endpoint, dict) and isinstance(endpoint.get("url"), str):
                    urls.append(endpoint["url"])
    return urls or _QUOTED_URL.findall(value)
