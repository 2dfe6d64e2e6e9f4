"""Scan one output file, whatever its type, into a FileScan."""

from __future__ import annotations

import codecs
import json
import re

from .css_scan import scan_css
from .feeds import scan_json_feed, scan_xml, stylesheet_instructions
from .findings import Context, FileScan, Reference
from .header_file import scan_header_file
from .html_scan import Hit, locate_hits, scan_html
from .js_scan import scan_js
from .locate import LineLocator
from .urls import Target, parse_url

FILE_TYPES = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".svg": "svg",
    ".css": "css",
    ".js": "js",
    ".mjs": "js",
    ".xml": "xml",
    ".atom": "xml",
    ".rss": "xml",
    ".webmanifest": "manifest",
    ".json": "json",
    ".xsl": "xsl",
    ".xslt": "xsl",
    ".shtml": "html",
}
# Files named, not typed: the deploy headers a host reads (Netlify and Cloudflare Pages, Apache).
FILE_NAMES = {"manifest.json": "manifest", "_headers": "headers", ".htaccess": "headers"}


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def file_type(name: str) -> str | None:
    """The scanner for a file name, or None for files that cannot make a client fetch."""
    named = FILE_NAMES.get(name.lower())
    if named is not None:
        return named
    dot = name.rfind(".")
    return FILE_TYPES.get(name[dot:].lower()) if dot >= 0 else None


def as_browsers_read(data: bytes) -> bytes:
    """A UTF-16 byte-order mark wins over any declared charset in a browser, for pages,
    stylesheets and scripts alike: such a file is scanned as the UTF-8 text it reads as."""
    if data[:2] in _UTF16_BOMS:
        return data.decode("utf-16", "replace").encode("utf-8")
    return data


def scan_file(path: str, data: bytes, kind: str) -> FileScan:
    if kind == "html":
        page = scan_html(data)
        return FileScan(path, kind, page.references, page.uses_javascript, page.head_meta)
    if kind == "svg":
        image = scan_html(data)
        references = image.references + stylesheet_instructions(data)
        references = tuple(sorted(references, key=lambda reference: reference.line))
        return FileScan(path, kind, references, image.uses_javascript)
    text = data.decode("utf-8", "replace")
    if kind == "css":
        return FileScan(path, kind, _css_references(text))
    if kind == "js":
        return FileScan(path, kind, _js_references(text), uses_javascript=True)
    if kind == "manifest":
        return FileScan(path, kind, _manifest_references(data, text))
    if kind == "json":
        return FileScan(path, kind, scan_json_feed(data, text))
    if kind == "headers":
        return FileScan(path, kind, scan_header_file(text))
    if kind == "xsl":
        return FileScan(path, kind, _xsl_references(data))
    feed = scan_xml(data)
    return FileScan(path, "feed" if feed.is_feed else "xml", feed.references)


def _css_references(text: str) -> tuple[Reference, ...]:
    references = []
    for hit in scan_css(text):
        parsed = parse_url(hit.raw_url)
        if parsed.target is Target.HOST:
            references.append(Reference(hit.line, hit.kind, parsed.url, parsed.host, hit.context))
    return tuple(references)


def _js_references(text: str) -> tuple[Reference, ...]:
    return tuple(
        Reference(
            hit.line,
            hit.kind,
            hit.url,
            hit.host,
            hit.context,
            hit.family,
            hit.text if hit.family else "",
        )
        for hit in scan_js(text)
    )


_MANIFEST_URL_KEYS = frozenset({"src"})  # icons, screenshots, shortcut icons


def _manifest_references(data: bytes, text: str) -> tuple[Reference, ...]:
    """A web app manifest's icons are fetched by the browser that reads it."""
    try:
        manifest = json.loads(text)
    except ValueError:
        manifest = {}
    hits = []
    stack = [manifest]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if key in _MANIFEST_URL_KEYS and isinstance(item, str):
                    parsed = parse_url(item)
                    if parsed.target is Target.HOST:
                        hits.append(
                            Hit("manifest-icon", Context.LOAD, item, "", parsed.url, parsed.host)
                        )
                else:
                    stack.append(item)
        elif isinstance(value, list):
            stack.extend(value)
    return locate_hits(tuple(hits), LineLocator(data))


_XSL_FETCH = re.compile(
    r"""<xsl:(?:import|include)\b[^>]*\bhref\s*=\s*["']([^"']+)|\bdocument\(\s*['"]([^'"]+)""",
    re.IGNORECASE,
)


def _xsl_references(data: bytes) -> tuple[Reference, ...]:
    """An XSL stylesheet's output is a page: its literal elements load like the page's own
    (read by the HTML parser), and xsl:import, xsl:include and document() fetch more."""
    page = scan_html(data)
    text = data.decode("utf-8", "replace")
    hits = []
    for match in _XSL_FETCH.finditer(text):
        raw = match.group(1) or match.group(2)
        parsed = parse_url(raw)
        if parsed.target is Target.HOST:
            hits.append(Hit("xsl-import", Context.LOAD, raw, "", parsed.url, parsed.host))
    found = page.references + stylesheet_instructions(data) + locate_hits(
        tuple(hits), LineLocator(data))  # fmt: skip
    return tuple(sorted(found, key=lambda reference: reference.line))
