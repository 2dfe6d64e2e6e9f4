"""Find hosts and tracker signatures in JavaScript.

tree-sitter's JavaScript grammar tells strings, comments and regular
expressions apart (a regex like /"/ would derail any hand-made tokenizer), so
URLs are only taken from string literals, signatures from code and strings,
and comments only warn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .entities import lookup
from .findings import Context
from .signatures import find_signatures
from .urls import Target, parse_url

if TYPE_CHECKING:
    from tree_sitter import Parser, Query

# A URL with a host: "https://x", "//x" (not the middle of a path like "a//b").
_URL = re.compile(
    r"(?:\b(?:https?|wss?|ftp):|(?<![\w/:.\-]))//(?=[\w\[%.\-])[^\s'\"`<>(){}]*",
    re.IGNORECASE,
)
# A bare host name inside a string, as in 'https://' + id + '.disqus.com/count.js'.
_HOST_LITERAL = re.compile(
    r"(?<![\w.\-@/])\.?((?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,})(?![\w\-])",
    re.IGNORECASE,
)
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
def _parser() -> tuple[Parser, Query]:
    """Imported on first use: a site without JavaScript never loads the grammar's library."""
    import tree_sitter_javascript
    from tree_sitter import Language, Parser, Query

    language = Language(tree_sitter_javascript.language())
    query = Query(language, "[(string) (template_string) (comment)] @node")
    return Parser(language), query


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
    """Host URLs in strings, known tracker hosts in strings, signatures in code.

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
    for node in nodes:
        if node.start_byte < position:
            continue  # a string inside a template string already taken whole
        if node.type == "comment":
            between = source[position : node.start_byte]
            comment = source[node.start_byte : node.end_byte]
            code_parts += [between, _blank(comment)]
            comment_parts += [_blank(between), comment]
            position = node.end_byte
        else:
            text = source[node.start_byte : node.end_byte].decode("utf-8", "replace")
            hits.extend(_string_hits(_unescape(text), node.start_point.row + 1, context))
    code_parts.append(source[position:])
    comment_parts.append(_blank(source[position:]))
    hits += _signature_hits(b"".join(code_parts), context)
    hits += _signature_hits(b"".join(comment_parts), Context.COMMENT)
    return _unique(hits)


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


def _string_hits(text: str, line: int, context: Context) -> list[JsHit]:
    hits = []
    for match in _URL.finditer(text):
        parsed = parse_url(match.group())
        if parsed.target is Target.HOST and parsed.url not in NAMESPACES:
            hits.append(_url_hit(line, match.group(), parsed.url, parsed.host, context, text))
    for match in _HOST_LITERAL.finditer(_URL.sub(" ", text)):
        host = match.group(1).lower()
        if lookup(host) is not None:  # the whole literal ('.disqus.com/count.js') finds the line
            literal = text.strip("'\"`")
            hits.append(_url_hit(line, literal, f"https://{host}/", host, context, text))
    return hits


def _url_hit(line: int, raw: str, url: str, host: str, context: Context, text: str) -> JsHit:
    return JsHit(line + text.count("\n", 0, text.find(raw)), "js-url", raw, context, url, host)


def _unique(hits: list[JsHit]) -> list[JsHit]:
    """One hit per line and host or family: `dataLayer` and `gtag(` on one line are one snippet."""
    seen: set[tuple] = set()
    unique = []
    for hit in sorted(hits, key=lambda h: h.line):
        key = (hit.line, hit.kind, hit.context, hit.family or hit.text)
        if key not in seen:
            seen.add(key)
            unique.append(hit)
    return unique
