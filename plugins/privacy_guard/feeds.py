"""Scan XML files: Atom and RSS feeds (whose entries carry escaped HTML), sitemaps, others.

A feed reader renders each entry's HTML and loads its images like a browser,
so entry HTML is unescaped and scanned as a page would be. Feed-level media
(enclosures, media:content, icons) are fetched by readers and podcast apps too.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from xml.parsers import expat

from .findings import Context, Reference
from .html_scan import Extraction, Hit, extract, locate_hits, scan_html
from .locate import LineLocator
from .urls import Target, parse_url

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
MEDIA = "http://search.yahoo.com/mrss/"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"

# Elements whose text is HTML (Atom only when type="html" or "xhtml").
_ATOM_HTML = frozenset(
    {f"{ATOM} {name}" for name in ("content", "summary", "title", "subtitle", "rights")}
)
_RSS_HTML = frozenset({"description", f"{CONTENT} encoded"})
# Elements whose URL attribute a reader fetches.
_MEDIA_ATTRIBUTES = {
    "enclosure": "url",
    f"{MEDIA} content": "url",
    f"{MEDIA} thumbnail": "url",
    f"{ITUNES} image": "href",
}
# Elements whose text is a URL a reader fetches (feed icons and logos).
_MEDIA_TEXT = frozenset({f"{ATOM} icon", f"{ATOM} logo", "url"})
# Atom links a reader or podcast app fetches: the episode (enclosure), and the feed's icons.
_FETCHED_RELS = frozenset({"enclosure", "icon", "logo"})


def _fetched_link(attributes: dict[str, str]) -> bool:
    rels = attributes.get("rel", "alternate").lower().split()
    return bool(attributes.get("href")) and any(rel in _FETCHED_RELS for rel in rels)


_STYLESHEET_HREF = re.compile(r"""href\s*=\s*(["'])(.*?)\1""", re.DOTALL)


@dataclass(frozen=True, slots=True)
class XmlScan:
    references: tuple[Reference, ...]
    is_feed: bool


@lru_cache(maxsize=8192)
def _entry(markup: str) -> Extraction:
    """The same article sits in several feeds (all, category, author): parse it once."""
    return extract(markup.encode("utf-8"), Context.LOAD)


def forget_entries() -> None:
    """Drop the parsed-entry memo (a benchmark's cold run starts without it)."""
    _entry.cache_clear()


class _FeedReader:
    def __init__(self, source: bytes) -> None:
        self.source = source
        self.locator = LineLocator(source)
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.text
        self.parser.ProcessingInstructionHandler = self.instruction
        self.references: list[Reference] = []
        self.is_feed = False
        self.stack: list[str] = []
        self.capture: tuple[str, str, int] | None = None  # (element, type, byte offset)
        self.chunks: list[str] = []

    def read(self) -> None:
        self.parser.Parse(self.source, True)

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if not self.stack and (name in ("rss", f"{ATOM} feed") or name.endswith(" RDF")):
            self.is_feed = True
        self.stack.append(name)
        if self.capture is not None:
            return
        offset = self.parser.CurrentByteIndex
        content_type = attributes.get("type", "text").lower()
        if name in _RSS_HTML or (name in _ATOM_HTML and content_type in ("html", "xhtml")):
            self.capture = (name, content_type, offset)
            self.chunks = []
        elif name in _MEDIA_ATTRIBUTES and attributes.get(_MEDIA_ATTRIBUTES[name]):
            self.media(attributes[_MEDIA_ATTRIBUTES[name]], offset)
        elif name == f"{ATOM} link" and _fetched_link(attributes):
            self.media(attributes["href"], offset)
        elif name in _MEDIA_TEXT:
            self.capture = (name, "url", offset)
            self.chunks = []

    def end(self, name: str) -> None:
        self.stack.pop()
        if self.capture is None or self.capture[0] != name:
            return
        _, content_type, offset = self.capture
        self.capture = None
        if content_type == "url":
            if name != "url" or (len(self.stack) >= 1 and self.stack[-1] == "image"):
                self.media("".join(self.chunks).strip(), offset)
        elif content_type == "xhtml":  # inline markup: the raw bytes between the tags
            inner = self.source[self.source.index(b">", offset) + 1 : self.parser.CurrentByteIndex]
            self.entry(inner.decode("utf-8", "replace"), offset)
        else:
            self.entry("".join(self.chunks), offset)

    def text(self, data: str) -> None:
        if self.capture is not None:
            self.chunks.append(data)

    def instruction(self, target: str, data: str) -> None:
        if target == "xml-stylesheet":
            self.stylesheet(data, self.parser.CurrentByteIndex)

    def entry(self, markup: str, offset: int) -> None:
        if markup.strip():
            self.locator.cursor = offset
            self.references.extend(locate_hits(_entry(markup).hits, self.locator))

    def media(self, url: str, offset: int) -> None:
        parsed = parse_url(url)
        if parsed.target is Target.HOST:
            self.locator.cursor = offset
            hit = Hit("feed-media", Context.LOAD, url, "", parsed.url, parsed.host)
            self.references.extend(locate_hits((hit,), self.locator))

    def stylesheet(self, data: str, offset: int) -> None:
        hit = _stylesheet_hit(data)
        if hit is not None:
            self.locator.cursor = offset
            self.references.extend(locate_hits((hit,), self.locator))


def _stylesheet_hit(data: str) -> Hit | None:
    """<?xml-stylesheet href="..."?>: browsers fetch it to display the document."""
    match = _STYLESHEET_HREF.search(data)
    if match is None:
        return None
    parsed = parse_url(html.unescape(match.group(2)))
    if parsed.target is not Target.HOST:
        return None
    return Hit("stylesheet", Context.LOAD, match.group(2), "href", parsed.url, parsed.host)


_INSTRUCTION = re.compile(rb"<\?xml-stylesheet\b(.*?)\?>", re.DOTALL)


def stylesheet_instructions(source: bytes) -> tuple[Reference, ...]:
    """The xml-stylesheet instructions of a file the HTML parser reads (an SVG image)."""
    hits = [
        hit
        for match in _INSTRUCTION.finditer(source)
        if (hit := _stylesheet_hit(match.group(1).decode("utf-8", "replace"))) is not None
    ]
    return locate_hits(tuple(hits), LineLocator(source))


def scan_xml(source: bytes) -> XmlScan:
    """References in an XML file; a file expat cannot read is scanned as tag soup instead."""
    reader = _FeedReader(source)
    try:
        reader.read()
    except expat.ExpatError:
        # Not well-formed: a browser would show it as text, a reader might still try.
        # Scan it as HTML with one more level of unescaping, the strict reading.
        unescaped = html.unescape(source.decode("utf-8", "replace"))
        return XmlScan(scan_html(unescaped).references, is_feed=False)
    references = sorted(reader.references, key=lambda reference: reference.line)
    return XmlScan(tuple(references), reader.is_feed)


# A JSON Feed's fields that readers fetch, and the one whose HTML they render.
_JSON_FEED_MEDIA = frozenset({"icon", "favicon", "image", "banner_image", "avatar", "url"})


def scan_json_feed(source: bytes, text: str) -> tuple[Reference, ...]:
    """A JSON Feed (jsonfeed.org): items' content_html renders like a page, and readers fetch
    icons, images, avatars and attachments. Other JSON files load nothing by themselves."""
    try:
        feed = json.loads(text)
    except ValueError:
        return ()
    if not (isinstance(feed, dict) and str(feed.get("version", "")).startswith(
            ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/"))):  # fmt: skip
        return ()
    locator = LineLocator(source)
    references: list[Reference] = []
    stack: list[tuple[str, object]] = [("", feed)]
    while stack:
        parent, value = stack.pop()
        if isinstance(value, list):
            stack += [(parent, item) for item in value]
        elif isinstance(value, dict):
            for key, item in value.items():
                if key == "content_html" and isinstance(item, str):
                    references += locate_hits(_entry(item).hits, locator)
                elif (
                    key in _JSON_FEED_MEDIA
                    and isinstance(item, str)
                    and (key != "url" or parent == "attachments")
                ):
                    parsed = parse_url(item)
                    if parsed.target is Target.HOST:
                        hit = Hit("feed-media", Context.LOAD, item, "", parsed.url, parsed.host)
                        references += locate_hits((hit,), locator)
                elif isinstance(item, (dict, list)):
                    stack.append((key, item))
    return tuple(sorted(references, key=lambda reference: reference.line))
