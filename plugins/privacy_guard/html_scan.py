"""Find every reference in an HTML (or SVG) document that makes a browser contact a host.

The page is parsed by Lexbor, a WHATWG parser like the browsers' own, so what
counts is what a browser would build: entities decoded, `<noscript>` content
parsed as markup, conditional comments and template contents looked into.
Links (`<a href>`, canonical, rel=me...), xmlns, JSON-LD and code shown on the
page load nothing and are never reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .css_scan import scan_css
from .findings import Context, Reference
from .js_scan import scan_js
from .locate import LineLocator
from .signatures import find_signatures, has_signature_keyword
from .urls import Target, parse_srcset, parse_url, refresh_url

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
_LAZY_LOAD = re.compile(rb"data-[\w-]*(?:src|original|bg|background)")  # lazy-load attribute
# javascript: URL on a link, or one hidden behind character references: plain substrings,
# which bytes.find finds faster than a regex (the references only on pages with an "&").
_CHARACTER_REFERENCES = (b"&#", b"&colon;", b"&tab;", b"&newline;")


_COMMENT = re.compile(rb"<!--(.*?)-->", re.DOTALL)


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


_LAZY_ATTRIBUTE = re.compile(r"data-[\w-]*(?:src|srcset|original|bg|background)")
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
            handler = _HANDLERS.get((node.tag or "").lower())
            if handler is not None:
                handler(self, node, attributes)
            self.generic_attributes(attributes, every_element)

    def scan_templates(self, fragments: list[LexborNode], every_element: bool) -> None:
        for fragment in fragments:  # content a script may clone into the page
            self.scan_nodes(fragment.css("*" if every_element else _SELECTOR), every_element)
            self.scan_templates(fragment.template_fragments(), every_element)

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

    def generic_attributes(self, attributes: dict[str, str], every_element: bool) -> None:
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


# -- element handlers -----------------------------------------------------------


def _script(scanner: _Scanner, node: LexborNode, attributes: dict[str, str]) -> None:
    script_type = attributes.get("type", "").strip().lower()
    src = attributes.get("src") or attributes.get("href") or attributes.get("xlink:href")
    if script_type in _URL_LIST_SCRIPT_TYPES:
        for match in _JSON_URL.finditer(node.text(deep=True)):
            scanner.url("preload", match.group(1))
        return
    if script_type not in _JS_TYPES:
        return  # JSON-LD, templates, data blocks: never run
    scanner.uses_javascript = True
    if src:
        scanner.url("script", src, "src")
    else:
        scanner.script(node.text(deep=True))


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
    if attributes.get("src"):
        scanner.url("iframe", attributes["src"], "src")
    if attributes.get("srcdoc"):  # a whole document in an attribute: parse it again
        scanner.scan_fragment(attributes["srcdoc"], scanner.context)


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
