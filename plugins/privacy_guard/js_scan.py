"""Find hosts and tracker signatures in JavaScript.

tree-sitter's JavaScript grammar tells strings, comments and regular
expressions apart (a regex like /"/ would derail any hand-made tokenizer).
A URL counts when it reaches something that loads or sends (js_flow.py): an
error message or a documentation link in a stock library loads nothing. Some
strings count wherever they are, as nothing but a load uses them: a map tile
template ({s}.tile.example.org/{z}/{x}/{y}.png), a CSS value (url(...)), and
markup with a source. Bare host names come back as "bare-host" references,
which the judge counts when they name a known tracker or a subdomain of the
site itself (CNAME cloaking). Signatures count in code and strings; in comments
they only warn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .entities import is_tracker
from .findings import Context
from .js_flow import CSS, PLACEHOLDER, URL, Flow, SinkValue, literal_text
from .signatures import find_signatures
from .urls import Target, parse_url

if TYPE_CHECKING:
    from tree_sitter import Language, Parser, Query

# A URL with a host: "https://x", "//x" (not the middle of a path like "a//b"), "\0://x" (a
# scheme from a variable). The host may hold placeholders (\0) and {s}-style template fields.
_URL = re.compile(
    r"(?:\b(?:https?|wss?|ftp):|\x00:|(?<![\w/:.\-]))//(?=[\w\[%.\-\x00{])[^\s'\"`<>(){}]*"
    r"(?:\{[\w:,\-]*\}[^\s'\"`<>(){}]*)*",
    re.IGNORECASE,
)
_TEMPLATE_FIELD = re.compile(r"\{[\w:,\-]*\}")
# A whole literal that is a host name with at least two dots, perhaps with a path.
_BARE_HOST = re.compile(
    r"\.?((?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.){2,}[a-z]{2,})(?::\d+)?(?:/[^\s'\"`<>]*)?",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[a-z]", re.IGNORECASE)
_TILE = re.compile(r"\{[xyz]\}.*\{[xyz]\}", re.IGNORECASE)
_MARKUP = re.compile(r"<[a-z][^>]*\b(?:src|srcset|href|data|action|poster|background|style)\s*=",
                     re.IGNORECASE)  # fmt: skip
_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|(.))", re.S)
# XML namespace names look like URLs but nothing ever fetches them.
NAMESPACES = frozenset(
    f"http://www.w3.org/{path}"
    for path in ("2000/svg", "1999/xhtml", "1999/xlink", "1998/Math/MathML",
                 "XML/1998/namespace", "2000/xmlns/")
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class JsHit:
    """A host URL or a signature found in a script; `line` counts from the script's start."""

    line: int
    kind: str  # "js-url" or "signature"
    text: str  # the URL, or the matched signature text
    context: Context
    url: str = ""
    host: str = ""
    family: str = ""


@cache
def language() -> Language:
    """Imported on first use: a site without JavaScript never loads the grammar's library."""
    import tree_sitter_javascript
    from tree_sitter import Language

    return Language(tree_sitter_javascript.language())


@cache
def _parser() -> tuple[Parser, Query]:
    from tree_sitter import Parser, Query

    query = Query(language(), "[(string) (template_string) (comment)] @node")
    return Parser(language()), query


def _unescape(literal: str) -> str:
    def replace(match: re.Match) -> str:
        hex2, braced, hex4, other = match.groups()
        code = hex2 or braced or hex4
        if code:
            try:
                return chr(int(code, 16))
            except (ValueError, OverflowError):
                return ""
        return other

    return _ESCAPE.sub(replace, literal) if "\\" in literal else literal


def scan_js(code: str, context: Context = Context.LOAD) -> list[JsHit]:
    """URLs that reach a load, strings only loads use, bare host names, and signatures.

    Signatures inside comments come back with the COMMENT context (a warning:
    commented-out tracker code); URLs inside comments are not reported at all,
    they are documentation, not code.
    """
    if not code.strip():
        return []
    source = code.encode("utf-8")
    parser, query = _parser()
    from tree_sitter import QueryCursor  # loaded by _parser() already

    tree = parser.parse(source)
    nodes = sorted(
        QueryCursor(query).captures(tree.root_node).get("node", []), key=lambda n: n.start_byte
    )
    code_parts: list[bytes] = []
    comment_parts: list[bytes] = []
    hits: list[JsHit] = []
    position = 0
    flow = Flow(tree.root_node, source, _unescape) if _may_load(nodes, source) else None
    navigation = flow.navigation_literals() if flow is not None else set()
    for node in nodes:
        if node.type == "comment":
            if node.start_byte < position:
                continue
            between = source[position : node.start_byte]
            comment = source[node.start_byte : node.end_byte]
            code_parts += [between, _blank(comment)]
            comment_parts += [_blank(between), comment]
            position = node.end_byte
        elif _has_host_text(node, source):
            text = _unescape(literal_text(node, source))
            hits.extend(_literal_hits(text, node.start_point.row + 1, context))
            if node.id not in navigation and not _TAG.search(text):  # markup: scanned as such
                hits.extend(_tracker_hits(text, node.start_point.row + 1, context))
    code_parts.append(source[position:])
    comment_parts.append(_blank(source[position:]))
    for value in flow.sink_values() if flow is not None else ():
        hits.extend(_sink_hits(value, context))
    hits += _signature_hits(b"".join(code_parts), context)
    hits += _signature_hits(b"".join(comment_parts), Context.COMMENT)
    return _unique(hits)


def _may_load(nodes, source: bytes) -> bool:
    """Whether any literal holds the start of a URL: if none does, no value can name a host."""
    return any(
        node.type != "comment"
        and (b"//" in (text := source[node.start_byte : node.end_byte])
             or b"data:" in text or b"\\" in text)
        for node in nodes
    )  # fmt: skip


def _has_host_text(node, source: bytes) -> bool:
    """Whether a literal could name a host at all: most strings of a script cannot."""
    text = source[node.start_byte : node.end_byte]
    return b"." in text or b"/" in text or b"\\" in text


_NOT_NEWLINE = re.compile(rb"[^\n]")


def _blank(chunk: bytes) -> bytes:
    """Same length and line breaks, no content: offsets and line numbers survive."""
    return _NOT_NEWLINE.sub(b" ", chunk)


def _signature_hits(blanked: bytes, context: Context) -> list[JsHit]:
    text = blanked.decode("utf-8", "replace")
    return [
        JsHit(
            text.count("\n", 0, match.offset) + 1,
            "signature",
            match.matched,
            context,
            family=match.family,
        )
        for match in find_signatures(text)
    ]


def url_host(raw: str) -> tuple[str, str] | None:
    """(normalised URL, host) of a URL that may be built: "\0://host/x" (a scheme variable),
    "https://\0.disqus.com/x" or "https://{s}.tile.example.org/..." (a templated first label).
    None when the host itself is unknown."""
    text = raw.replace(PLACEHOLDER + ":", "https:", 1) if raw.startswith(PLACEHOLDER) else raw
    scheme, slashes, rest = text.partition("//")
    end = re.search(r"[/?#\\]", rest)
    authority, tail = (rest[: end.start()], rest[end.start() :]) if end else (rest, "")
    host = _TEMPLATE_FIELD.sub(PLACEHOLDER, authority.rpartition("@")[2])
    if PLACEHOLDER in host:
        known = host.rpartition(PLACEHOLDER)[2]
        if not known.startswith(".") or known.count(".") < 2:
            return None  # "\0", "\0.com" or "cdn.\0": no host to name
        host = known[1:]
    tail = tail.replace(PLACEHOLDER, "x")
    parsed = parse_url(f"{scheme}{slashes}{host}{_TEMPLATE_FIELD.sub('x', tail)}")
    if parsed.target is not Target.HOST or parsed.url in NAMESPACES:
        return None
    return parsed.url, parsed.host


def _urls(text: str) -> list[tuple[int, str, str, str]]:
    """(offset, raw, url, host) of each URL in `text`."""
    found = []
    for match in _URL.finditer(text):
        named = url_host(match.group())
        if named is not None:
            found.append((match.start(), match.group(), *named))
    return found


def _literal_hits(text: str, line: int, context: Context) -> list[JsHit]:
    """What a string counts as wherever it is: a tile template, CSS, markup, a bare host."""
    hits = []
    if "{" in text and _TILE.search(text):
        for offset, raw, url, host in _urls(text):
            hits.append(_hit(line + text.count("\n", 0, offset), raw, url, host, context))
    if "url(" in text.lower() or "@import" in text.lower():
        hits += _css_hits(text, line, context)
    if "<" in text and _MARKUP.search(text):
        hits += _markup_hits(text, lambda offset: line + text.count("\n", 0, offset), context)
    bare = _BARE_HOST.fullmatch(text.strip())
    if bare is not None and "//" not in text:
        host = bare.group(1).lower()
        hits.append(JsHit(line, "bare-host", text.strip(), context, f"https://{host}/", host))
    return hits


def _tracker_hits(text: str, line: int, context: Context) -> list[JsHit]:
    """A known tracker's URL is tracker code wherever it stands, but a link the visitor opens
    (window.open, location) is navigation."""
    if "//" not in text:
        return []
    return [
        _hit(line + text.count("\n", 0, offset), raw, url, host, context)
        for offset, raw, url, host in _urls(text)
        if is_tracker(host)
    ]


def _sink_hits(value: SinkValue, context: Context) -> list[JsHit]:
    text = value.text
    first = next((piece.node for piece in value.pieces if piece.node is not None), None)
    fallback = first.start_point.row + 1 if first is not None else 1
    if value.kind == URL:
        hits = []
        for offset, raw, url, host in _urls(text):
            at = offset + text[offset:].find("//") + 2
            line = value.line_at(at, fallback)
            hits.append(_hit(line, _needle(value, at, raw), url, host, context))
        if text.lower().startswith("data:"):
            hits += _data_url_hits(text, fallback, context)
        bare = _BARE_HOST.fullmatch(text.strip(PLACEHOLDER).strip())
        if not hits and bare is not None:  # e.g. a host name that a loader prefixes
            host = bare.group(1).lower()
            hits.append(_hit(value.line_at(text.find(bare.group(1)), fallback), bare.group(1),
                             f"https://{host}/", host, context))  # fmt: skip
        return hits
    if value.kind == CSS:
        return _css_hits(text, fallback, context)
    return _markup_hits(text, lambda offset: value.line_at(offset, fallback), context)


def _needle(value: SinkValue, offset: int, raw: str) -> str:
    """Text of the source that holds the host, for finding the line in an outer file."""
    position = 0
    for piece in value.pieces:
        end = position + len(piece.text)
        if piece.node is not None and position <= offset < end:
            return piece.text
        position = end
    return raw.replace(PLACEHOLDER, "")


def _css_hits(text: str, line: int, context: Context) -> list[JsHit]:
    from .css_scan import scan_css

    hits = []
    for found in scan_css(text.replace(PLACEHOLDER, "x")):
        parsed = parse_url(found.raw_url)
        if parsed.target is Target.HOST:
            at = line + found.line - 1
            hits.append(_hit(at, found.raw_url, parsed.url, parsed.host, context))
    return hits


def _markup_hits(text: str, line_at, context: Context) -> list[JsHit]:
    """Markup a script writes into the page loads like the page's own."""
    from .html_scan import extract  # html_scan imports this module

    hits = []
    markup = text.replace(PLACEHOLDER, "x")
    for found in extract(markup.encode("utf-8"), context).hits:
        if found.context is not Context.LOAD or not found.host:
            continue
        at = markup.find(found.needle)
        hits.append(_hit(line_at(max(at, 0)), found.needle, found.url, found.host, context))
    return hits


def _data_url_hits(text: str, line: int, context: Context) -> list[JsHit]:
    from .urls import data_url_content

    content = data_url_content(text.replace(PLACEHOLDER, ""))
    if content is None:
        return []
    media_type, body = content
    if "javascript" in media_type or "ecmascript" in media_type:
        return [_at_line(hit, line) for hit in scan_js(body, context)]
    if "html" in media_type or "svg" in media_type:
        return _markup_hits(body, lambda offset: line, context)
    if "css" in media_type:
        return _css_hits(body, line, context)
    return []


def _at_line(hit: JsHit, line: int) -> JsHit:
    """A hit of decoded code, placed on the line of the data: URL that holds it."""
    return JsHit(line, hit.kind, hit.text, hit.context, hit.url, hit.host, hit.family)


def _hit(line: int, raw: str, url: str, host: str, context: Context) -> JsHit:
    return JsHit(line, "js-url", raw, context, url, host)


def _unique(hits: list[JsHit]) -> list[JsHit]:
    """One hit per line and host or family: `dataLayer` and `gtag(` on one line are one snippet."""
    seen: set[tuple] = set()
    unique = []
    for hit in sorted(hits, key=lambda h: h.line):
        key = (hit.line, hit.kind, hit.context, hit.family or hit.host or hit.text)
        if key not in seen:
            seen.add(key)
            unique.append(hit)
    return unique
