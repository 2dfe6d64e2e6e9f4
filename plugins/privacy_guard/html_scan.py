"""Find every reference in an HTML (or SVG) document that makes a browser contact a host.

The page is parsed by Lexbor, a WHATWG parser like the browsers' own, so what
counts is what a browser would build: entities decoded, `<noscript>` content
parsed as markup, conditional comments and template contents looked into.
Links (`<a href>`, canonical, rel=me...), xmlns, JSON-LD and code shown on the
page load nothing and are never reported.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .css_scan import scan_css
from .findings import Context, Reference
from .js_scan import scan_js
from .locate import LineLocator
from .signatures import find_signatures, has_signature_keyword
from .urls import Target, data_url_content, parse_srcset, parse_url, refresh_url

# Elements that can fetch by themselves; anything else only through the generic
# attributes (style, background, lazy-load data-*, event handlers).
_SELECTOR = ", ".join([
    "script", "link", "img", "source", "video", "audio", "track", "iframe", "frame", "embed",
    "object", "input", "button[formaction]", "form[action]", "[background]", "a[ping]",
    "area[ping]", "meta", "base[href]", "image", "use", "feImage", "[style]", "style",
    "html[manifest]",
])  # fmt: skip
# Page text that means some element needs every attribute looked at, not only the known ones.
# Each test is a literal-prefixed search on the lower-cased page: the regex engine
# jumps from literal to literal instead of trying a pattern at every offset.
_EVENT_HANDLER = re.compile(rb"on(?<=[\s/\"']on)[a-z]+\s*=")  # attribute running JavaScript
# A lazy-load or consent manager's attribute holding a source, or encoded markup.
_LAZY_LOAD = re.compile(
    rb"data-[\w-]*(?:src|original|bg|background|href|url|source|lazy|image|img|thumb|poster)"
    rb"|data-[\w-]+\s*=\s*[\"']?\s*(?:pg|pc|jmx0o|jtnd|&lt;|%3c|\{|\[)"
)
# javascript: URL on a link, or one hidden behind character references: plain substrings,
# which bytes.find finds faster than a regex (the references only on pages with an "&").
_CHARACTER_REFERENCES = (b"&#", b"&colon;", b"&tab;", b"&newline;")


_COMMENT = re.compile(rb"<!--(.*?)-->", re.DOTALL)
_BASE64 = re.compile(r"[A-Za-z0-9+/=\r\n]{16,}")
# An attribute value that may be encoded markup: base64 of "<" (PG, PC), or "&lt;", "%3C".
_ENCODED_HINT = re.compile(r"^\s*(?:PG|PC|Jmx0O|JTND)|<\s*[a-z]|%3C", re.IGNORECASE)
_MARKUP = re.compile(r"<\s*[a-z]", re.IGNORECASE)


def _decoded_markup(text: str, unescaped: bool) -> str | None:
    """The markup `text` holds encoded (base64, character references, percent-encoding), or
    None. `unescaped`: the parser decoded the references already (a template's text, an
    attribute), so markup there was written encoded. Markup written as it is in a data block
    (<script type="text/template">) stays the inert data it is."""
    candidate = text.strip()
    if _BASE64.fullmatch(candidate):
        try:
            compact = re.sub(r"\s+", "", candidate)
            candidate = base64.b64decode(compact + "=" * (-len(compact) % 4)).decode(
                "utf-8", "replace")  # fmt: skip
        except (binascii.Error, ValueError):
            return None
    elif "&" in candidate and not unescaped:
        candidate = html.unescape(candidate)
    elif "%3c" in candidate.lower():
        from urllib.parse import unquote

        candidate = unquote(candidate)
    elif not unescaped:
        return None
    return candidate if _MARKUP.search(candidate) else None


def _comments_worth_parsing(markup: bytes) -> bool:
    """Whether any comment holds markup, a conditional comment, or a signature keyword.

    Most pages only have comments like <!-- /#banner -->: not walking the tree for
    them saves a quarter of a page's scan time.
    """
    if b"<!--" not in markup:
        return False
    for match in _COMMENT.finditer(markup):
        body = match.group(1)
        if (
            b"<" in body
            or b"[if" in body.lower()
            or has_signature_keyword(body.decode("utf-8", "replace"))
        ):
            return True
    return False


def needs_all_elements(lowered: bytes) -> bool:
    """Whether some element needs all its attributes read (handlers, lazy-load, javascript:)."""
    return (
        b"javascript" in lowered
        or (b"&" in lowered and any(text in lowered for text in _CHARACTER_REFERENCES))
        or (b"data-" in lowered and _LAZY_LOAD.search(lowered) is not None)
        or _EVENT_HANDLER.search(lowered) is not None
    )


# Lazy loaders and consent placeholders keep an image here: data-src, data-bg,
# data-placeholder-image (Complianz), data-thumb, data-poster...
_LAZY_ATTRIBUTE = re.compile(
    r"data-[\w-]*(?:src|srcset|original|bg|background|image|img|thumb|thumbnail|poster)"
)
_LAZY_KEY = re.compile(r"src|source|original|lazy|bg|background|image|img|thumb|poster", re.I)
_ABSOLUTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)


def _json_urls(value: str) -> list[tuple[str, str]] | None:
    """(key, URL) of every absolute URL among the strings of `value` read as JSON, each with
    the nearest key above it (data-config='{"src": "https://..."}'); None when `value` is no
    JSON object or array. URLs a script puts together at run time are not found here."""
    text = value.strip()
    if text[:1] not in ("{", "["):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    found: list[tuple[str, str]] = []
    stack: list[tuple[str, object]] = [("", data)]
    while stack:
        key, item = stack.pop()
        if isinstance(item, dict):
            stack += [(str(name), inner) for name, inner in item.items()]
        elif isinstance(item, list):
            stack += [(key, inner) for inner in item]
        elif isinstance(item, str) and _ABSOLUTE.match(item):
            found.append((key, item))
    return found


_CONDITIONAL = re.compile(r"^\[if[^\]]*\]>(.*)<!\[endif\]$", re.DOTALL | re.IGNORECASE)

_LINK_KINDS = {
    "stylesheet": "stylesheet",
    "icon": "icon",
    "apple-touch-icon": "icon",
    "apple-touch-icon-precomposed": "icon",
    "mask-icon": "icon",
    "fluid-icon": "icon",
    "manifest": "manifest",
    "preload": "preload",
    "modulepreload": "preload",
    "prefetch": "preload",
    "prerender": "preload",
    "subresource": "preload",
    "preconnect": "preconnect",
    "dns-prefetch": "preconnect",
    "search": "opensearch",
    "import": "html-import",
}
_JS_TYPES = frozenset({
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "text/ecmascript", "application/x-javascript", "application/x-ecmascript",
    "text/x-javascript", "text/x-ecmascript", "text/jscript", "text/livescript",
    "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
    "text/javascript1.4", "text/javascript1.5",
})  # fmt: skip
_URL_LIST_SCRIPT_TYPES = frozenset({"importmap", "speculationrules"})
_JSON_URL = re.compile(r"\"((?:https?:)?//[^\"\s]+)\"", re.IGNORECASE)
# Fetched by link-preview crawlers, not by the visitor's browser: a warning, not an error.
_CRAWLER_META = frozenset({
    "og:image", "og:image:url", "og:image:secure_url", "og:video", "og:video:url",
    "og:video:secure_url", "og:audio", "og:audio:url", "og:audio:secure_url",
    "twitter:image", "twitter:image:src", "twitter:player", "twitter:player:stream", "image",
})  # fmt: skip
_SVG_HREF = ("href", "xlink:href")


@dataclass(frozen=True, slots=True)
class Hit:
    """A reference before it has a line: `needle` is what to look for in the source."""

    kind: str
    context: Context
    needle: str
    attribute: str = ""
    url: str = ""
    host: str = ""
    family: str = ""
    matched: str = ""


@dataclass(frozen=True, slots=True)
class Extraction:
    hits: tuple[Hit, ...]
    uses_javascript: bool
    head_meta: frozenset[str]  # "csp", "referrer" when the page has those meta tags


@dataclass(frozen=True, slots=True)
class HtmlScan:
    references: tuple[Reference, ...]
    uses_javascript: bool
    head_meta: frozenset[str]


def scan_html(source: bytes | str, context: Context = Context.LOAD) -> HtmlScan:
    """Scan a whole document (an HTML page or an SVG file) and give each reference its line."""
    raw = source.encode("utf-8") if isinstance(source, str) else source
    found = extract(raw, context)
    return HtmlScan(
        locate_hits(found.hits, LineLocator(raw)), found.uses_javascript, found.head_meta
    )


def extract(markup: bytes, context: Context = Context.LOAD) -> Extraction:
    """Every reference in `markup`, without line numbers (those depend on the outer file)."""
    scanner = _Scanner(context)
    scanner.scan_document(markup)
    return Extraction(tuple(scanner.hits), scanner.uses_javascript, frozenset(scanner.head_meta))


def locate_hits(hits: tuple[Hit, ...], locator: LineLocator) -> tuple[Reference, ...]:
    references = [
        Reference(
            locator.locate(hit.needle, hit.attribute, hit.host),
            hit.kind,
            hit.url,
            hit.host,
            hit.context,
            hit.family,
            hit.matched,
        )
        for hit in hits
    ]
    return tuple(sorted(references, key=lambda reference: reference.line))


class _Scanner:
    def __init__(self, context: Context):
        self.context = context
        self.hits: list[Hit] = []
        self.uses_javascript = False
        self.head_meta: set[str] = set()

    # -- document ---------------------------------------------------------

    def scan_document(self, markup: bytes) -> None:
        tree = LexborHTMLParser(markup)
        lowered = markup.lower()
        every_element = needs_all_elements(lowered)
        self.scan_nodes(tree.css("*" if every_element else _SELECTOR), every_element)
        if b"<template" in lowered:
            self.scan_templates(tree.template_fragments(), every_element)
        if _comments_worth_parsing(markup):
            self.scan_comments(tree)

    def scan_fragment(self, fragment: str, context: Context) -> None:
        """HTML inside HTML (srcdoc, a comment): parsed again, found in the same source."""
        outer = self.context
        self.context = context
        self.scan_document(fragment.encode("utf-8"))
        self.context = outer

    def scan_nodes(self, nodes: list[LexborNode], every_element: bool) -> None:
        seen: set[int] = set()
        for node in nodes:
            if node.mem_id in seen:  # a node matching two selector groups comes back twice
                continue
            seen.add(node.mem_id)
            attributes = {name.lower(): value or "" for name, value in node.attributes.items()}
            tag = (node.tag or "").lower()
            handler = _HANDLERS.get(tag)
            if handler is not None:
                handler(self, node, attributes)
            if tag in _LOADING_ELEMENTS and tag != "script":
                _held_sources(self, node, attributes)
            self.generic_attributes(attributes, every_element, tag)

    def scan_templates(self, fragments: list[LexborNode], every_element: bool) -> None:
        for fragment in fragments:  # content a script may clone into the page
            self.scan_nodes(fragment.css("*" if every_element else _SELECTOR), every_element)
            self.scan_templates(fragment.template_fragments(), every_element)
            text = fragment.text(deep=True)
            if "<" in text or _BASE64.fullmatch(text.strip() or "-"):  # escaped markup
                self.encoded_markup(text, unescaped=True)

    def scan_comments(self, tree: LexborHTMLParser) -> None:
        if tree.root is None:
            return
        document = tree.root.parent or tree.root  # comments may sit outside <html>
        for node in document.traverse(include_text=True):
            if not node.is_comment_node:
                continue
            text = node.comment_content or ""
            conditional = _CONDITIONAL.match(text.strip())
            if conditional:  # <!--[if IE]>...<![endif]-->: old IE loads it, so it counts
                self.scan_fragment(conditional.group(1), self.context)
            elif "<" in text:  # commented-out markup: one edit away from loading
                self.scan_fragment(text, Context.COMMENT)
            else:
                self.signatures(text, Context.COMMENT)

    # -- recording ----------------------------------------------------------

    def url(self, kind: str, raw: str, attribute: str = "", context: Context | None = None):
        parsed = parse_url(raw)
        if parsed.target is Target.HOST:
            if context is None or self.context is Context.COMMENT:
                context = self.context  # inside a comment everything is commented out
            self.hits.append(Hit(kind, context, raw, attribute, parsed.url, parsed.host))
        elif parsed.target is Target.SCRIPT:
            self.script(parsed.url)
        elif parsed.target is Target.NOWHERE and raw.strip()[:5].lower() == "data:":
            self.data_url(raw, kind)

    def script_source(self, raw: str, attribute: str) -> None:
        """A script's source: a URL, or a data: URL whose code is scanned."""
        if raw.strip()[:5].lower() == "data:":
            self.data_url(raw, "script")
        else:
            self.url("script", raw, attribute)

    def frame(self, raw: str, attribute: str) -> None:
        self.url("iframe", raw, attribute)

    def data_url(self, raw: str, kind: str) -> None:
        """What a data: URL carries loads like a file of its type: a script, a page in a frame,
        a stylesheet, an SVG image (which may load more)."""
        content = data_url_content(raw)
        if content is None:
            return
        media_type, text = content
        with self.found_at(raw):
            self._carried(media_type, text, kind)

    def _carried(self, media_type: str, text: str, kind: str) -> None:
        if "javascript" in media_type or "ecmascript" in media_type or kind == "script":
            self.script(text)
        elif "html" in media_type or "svg" in media_type or "xml" in media_type:
            self.scan_fragment(text, self.context)
        elif "css" in media_type:
            self.css(text)

    def encoded_markup(self, text: str, unescaped: bool = False) -> None:
        """Markup held encoded, as content blockers keep an embed until consent (base64 in a
        text/template script, entities in a template or an attribute): decoded and scanned."""
        decoded = _decoded_markup(text, unescaped)
        if decoded is not None:
            with self.found_at(text):
                self.scan_fragment(decoded, self.context)

    @contextmanager
    def found_at(self, encoded: str) -> Iterator[None]:
        """Hits in decoded content are found in the source by the encoded text that holds
        them: the decoded URL appears nowhere in the file."""
        start = len(self.hits)
        yield
        needle = encoded.strip()[:80]
        self.hits[start:] = [replace(hit, needle=needle, attribute="") for hit in self.hits[start:]]

    def script(self, code: str) -> None:
        self.uses_javascript = True
        for hit in scan_js(code, self.context):
            matched = hit.text if hit.family else ""
            self.hits.append(
                Hit(hit.kind, hit.context, hit.text, "", hit.url, hit.host, hit.family, matched)
            )

    def signatures(self, text: str, context: Context) -> None:
        for match in find_signatures(text):
            self.hits.append(
                Hit("signature", context, match.matched, family=match.family, matched=match.matched)
            )

    def css(self, text: str) -> None:
        for hit in scan_css(text):
            self.url(hit.kind, hit.raw_url, context=hit.context)

    # -- attributes on any element -------------------------------------------

    def generic_attributes(
        self, attributes: dict[str, str], every_element: bool, tag: str = ""
    ) -> None:
        if "style" in attributes:
            self.css(attributes["style"])
        if "background" in attributes:
            self.url("background", attributes["background"], "background")
        if not every_element:
            return
        for name, value in attributes.items():
            if name.startswith("on") and len(name) > 2 and value.strip():
                self.script(value)
            elif name.startswith("data-") and _LAZY_ATTRIBUTE.fullmatch(name):
                for url in parse_srcset(value) if "srcset" in name else [value]:
                    self.url("lazy-image", url, name)
            elif name.startswith("data-") and (found := _json_urls(value)) is not None:
                # A script's JSON settings name where it loads or reports from, whatever the
                # key; on another element, only keys named as a lazy loader's are (src, image).
                for key, url in found:
                    if tag == "script" or _LAZY_KEY.search(key):
                        self.url("data-json", url, name)
            elif name.startswith("data-") and len(value) > 16 and _ENCODED_HINT.search(value):
                self.encoded_markup(value, unescaped=True)


# -- element handlers -----------------------------------------------------------


def _script(scanner: _Scanner, node: LexborNode, attributes: dict[str, str]) -> None:
    script_type = attributes.get("type", "").strip().lower()
    src = attributes.get("src") or attributes.get("href") or attributes.get("xlink:href")
    if script_type in _URL_LIST_SCRIPT_TYPES:
        for match in _JSON_URL.finditer(node.text(deep=True)):
            scanner.url("preload", match.group(1))
        return
    _script_configuration(scanner, attributes)
    held = [(name, value) for name, value in attributes.items() if _holds_source(name, value)]
    consent = _held_by_consent(attributes)
    if not (script_type in _JS_TYPES or _runs_later(script_type, attributes) or held or consent):
        if _TEMPLATE_TYPE.search(script_type):  # markup a script inserts: decoded if encoded
            scanner.encoded_markup(node.text(deep=True))
        return  # JSON-LD, data blocks: never run
    scanner.uses_javascript = True
    for name, value in ([("src", src)] if src else []) + held:
        scanner.script_source(value, name)
    text = node.text(deep=True)
    if src:
        return
    if consent and (text.lstrip().startswith("<") or _BASE64.fullmatch(text.strip() or "-")):
        scanner.encoded_markup(text, unescaped=True)  # a blocked embed, kept as markup
    else:
        scanner.script(text)


# A consent manager or a delay loader gives a script a type that does not run, and changes it
# back when the visitor consents or moves: type="text/plain" with a category (Cookiebot,
# OneTrust, Complianz, Klaro, Usercentrics, iubenda...), or a type of its own (WP Rocket's
# rocketlazyloadscript, LiteSpeed's litespeed/javascript, Perfmatters' pmdelayedscript, Cloudflare
# Rocket Loader's "<hash>-text/javascript", WP Meteor's javascript/blocked...). Such code runs.
_LATER_TYPE = re.compile(
    r"script|javascript|ecmascript|delay|lazy|blocked|defer|rocket|litespeed|nitro|"
    r"cookie|consent|plain|babel|jsx"
)
_DATA_TYPE = re.compile(r"json|template|tmpl|handlebars|mustache|html|shader|markdown|xml|csv")
_TEMPLATE_TYPE = re.compile(r"template|tmpl|handlebars|mustache|html")


# What consent managers mark the scripts and embeds they hold with (attribute names, classes).
_CONSENT_MARKER = re.compile(
    r"cookie|consent|borlabs|cmplz|complianz|usercentrics|optanon|onetrust|klaro|_iub|iubenda|"
    r"cookieyes|termly|didomi|tarteaucitron|script-blocker|content-blocker|gdpr"
)


def _held_by_consent(attributes: dict[str, str]) -> bool:
    """Whether a consent manager holds this element until the visitor agrees: its code (or
    markup) then runs, whatever type it carries meanwhile (Borlabs uses text/template)."""
    marks = " ".join(name for name in attributes if name.startswith("data-"))
    return _CONSENT_MARKER.search(f"{marks} {attributes.get('class', '')}".lower()) is not None


def _runs_later(script_type: str, attributes: dict[str, str]) -> bool:
    if _DATA_TYPE.search(script_type) or not _LATER_TYPE.search(script_type):
        return False
    if script_type != "text/plain":
        return True
    # text/plain alone may be a data block; a consent manager always marks its scripts.
    return any(name.startswith("data-") or name == "class" for name in attributes)


def _holds_source(name: str, value: str) -> bool:
    """A data-* attribute where a consent manager or lazy loader keeps the real source:
    data-src, data-cookieblock-src, data-src-cmplz, data-suppressedsrc, data-rocket-src..."""
    return name.startswith("data-") and _HELD_SOURCE.search(name[5:]) is not None and bool(
        value.strip())  # fmt: skip


_HELD_SOURCE = re.compile(r"src|href|source|original|lazy")
_LOADING_ELEMENTS = frozenset({"script", "iframe", "frame", "img", "video", "audio", "source",
                               "embed", "object", "link", "input", "track"})  # fmt: skip
_HOST_VALUE = re.compile(r"(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:/\S*)?",
                         re.IGNORECASE)  # fmt: skip


def _script_configuration(scanner: _Scanner, attributes: dict[str, str]) -> None:
    """A script's data-* settings that name where it reports to (data-host-url, data-api,
    data-goatcounter...): self-hosted analytics snippets configure their endpoint so."""
    for name, value in attributes.items():
        if not name.startswith("data-") or _holds_source(name, value):
            continue
        text = value.strip()
        if text[:1] in ("{", "["):
            continue  # JSON settings: each URL in them, in generic_attributes
        if "//" in text:
            scanner.url("script-config", text, name)
        elif _HOST_VALUE.fullmatch(text) and text.count(".") >= 2 and not text[0].isdigit():
            host = text.split("/")[0].split(":")[0].lower()
            scanner.hits.append(Hit("bare-host", scanner.context, text, name,
                                    f"https://{host}/", host))  # fmt: skip


def _held_sources(scanner: _Scanner, node: LexborNode, attributes: dict[str, str]) -> None:
    for name, value in attributes.items():
        if _holds_source(name, value) and not _LAZY_ATTRIBUTE.fullmatch(name):
            for url in parse_srcset(value) if "srcset" in name else [value]:
                scanner.url("held-source", url, name)


def _link(scanner: _Scanner, node: LexborNode, attributes: dict[str, str]) -> None:
    rels = attributes.get("rel", "").lower().split()
    href = attributes.get("href", "")
    if "image_src" in rels and href:
        scanner.url("og-image", href, "href", Context.CRAWLER)
    kinds = [_LINK_KINDS[rel] for rel in rels if rel in _LINK_KINDS]
    if not kinds:
        return
    if href:
        scanner.url(kinds[0], href, "href")
    for url in parse_srcset(attributes.get("imagesrcset", "")):
        scanner.url(kinds[0], url, "imagesrcset")


def _sources(kind: str, *attributes: str):
    def handler(scanner: _Scanner, node: LexborNode, present: dict[str, str]) -> None:
        for name in attributes:
            value = present.get(name)
            if not value:
                continue
            for url in parse_srcset(value) if name.endswith("srcset") else [value]:
                scanner.url(kind, url, name)

    return handler


def _iframe(scanner: _Scanner, node: LexborNode, attributes: dict[str, str]) -> None:
    if "srcdoc" in attributes:  # a whole document in an attribute; the browser ignores src
        scanner.scan_fragment(attributes["srcdoc"], scanner.context)
    elif attributes.get("src"):
        scanner.frame(attributes["src"], "src")


def _input(scanner: _Scanner, node: LexborNode, attributes: dict[str, str]) -> None:
    if attributes.get("type", "").strip().lower() == "image" and attributes.get("src"):
        scanner.url("image", attributes["src"], "src")
    if attributes.get("formaction"):
        scanner.url("form-action", attributes["formaction"], "formaction")


def _ping(scanner: _Scanner, node: LexborNode, attributes: dict[str, str]) -> None:
    for url in attributes.get("ping", "").split():
        scanner.url("ping", url, "ping")
    href = attributes.get("href", "")
    if href and parse_url(href).target is Target.SCRIPT:
        scanner.url("link", href)


def _meta(scanner: _Scanner, node: LexborNode, attributes: dict[str, str]) -> None:
    equiv = attributes.get("http-equiv", "").strip().lower()
    content = attributes.get("content", "")
    if equiv == "refresh":
        scanner.url("meta-refresh", refresh_url(content), "content")
    elif equiv == "content-security-policy":
        scanner.head_meta.add("csp")
    name = (attributes.get("property") or attributes.get("name") or "").strip().lower()
    if name == "referrer":
        scanner.head_meta.add("referrer")
    elif (name in _CRAWLER_META or attributes.get("itemprop", "").lower() == "image") and content:
        scanner.url("og-image", content, "content", Context.CRAWLER)


def _svg_href(kind: str):
    def handler(scanner: _Scanner, node: LexborNode, attributes: dict[str, str]) -> None:
        for name in _SVG_HREF:
            if attributes.get(name):
                scanner.url(kind, attributes[name], name)

    return handler


def _style(scanner: _Scanner, node: LexborNode, attributes: dict[str, str]) -> None:
    scanner.css(node.text(deep=True))


_HANDLERS = {
    "script": _script,
    "link": _link,
    "img": _sources("image", "src", "srcset"),
    "source": _sources("media", "src", "srcset"),
    "video": _sources("video", "src", "poster"),
    "audio": _sources("audio", "src"),
    "track": _sources("track", "src"),
    "iframe": _iframe,
    "frame": _sources("iframe", "src"),
    "embed": _sources("embed", "src"),
    "object": _sources("object", "data"),
    "input": _input,
    "button": _sources("form-action", "formaction"),
    "form": _sources("form-action", "action"),
    "a": _ping,
    "area": _ping,
    "meta": _meta,
    "base": _sources("base", "href"),
    "image": _svg_href("svg-image"),
    "feimage": _svg_href("svg-image"),
    "use": _svg_href("svg-use"),
    "style": _style,
    "html": _sources("manifest", "manifest"),
}
