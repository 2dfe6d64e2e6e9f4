"""Find what a stylesheet fetches: url(), @import, image-set() and src() values.

tinycss2 tokenizes as the CSS Syntax spec says, so escapes (`\\75rl(`),
quoting and comments are handled the way browsers handle them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import tinycss2
from tinycss2 import ast

from .findings import Context

# Every fetch in CSS goes through one of these words (or hides behind an escape).
_MAY_FETCH = re.compile(r"url|image-set|@import|src|\\", re.IGNORECASE)
_STRING_URL_FUNCTIONS = frozenset({"image-set", "-webkit-image-set", "src"})


@dataclass(frozen=True, slots=True)
class CssHit:
    line: int  # counted from the start of the CSS text
    kind: str  # "css-import" or "css-url"
    raw_url: str
    context: Context


def scan_css(css: str, context: Context = Context.LOAD) -> list[CssHit]:
    if not _MAY_FETCH.search(css):
        return []
    hits: list[CssHit] = []
    _walk(tinycss2.parse_component_value_list(css, skip_comments=False), context, hits, 0)
    return hits


def _walk(nodes: list, context: Context, hits: list[CssHit], line_offset: int) -> None:
    at_keyword = ""  # the at-rule whose prelude we are in, until its ; or block
    for node in nodes:
        line = line_offset + getattr(node, "source_line", 1)
        if isinstance(node, ast.Comment):
            for hit in scan_css(node.value, Context.COMMENT):
                hits.append(CssHit(line + hit.line - 1, hit.kind, hit.raw_url, Context.COMMENT))
        elif isinstance(node, ast.AtKeywordToken):
            at_keyword = node.lower_value
        elif isinstance(node, ast.LiteralToken) and node.value == ";":
            at_keyword = ""
        elif isinstance(node, ast.URLToken) or (
            isinstance(node, ast.StringToken) and at_keyword == "import"
        ):
            _add(hits, line, at_keyword, node.value, context)
        elif isinstance(node, ast.FunctionBlock):
            name = node.lower_name
            if name == "url":  # url("quoted") is a function, url(bare) a URL token
                for argument in node.arguments:
                    if isinstance(argument, ast.StringToken):
                        _add(hits, line, at_keyword, argument.value, context)
            elif name in _STRING_URL_FUNCTIONS:
                for argument in node.arguments:
                    if isinstance(argument, ast.StringToken):
                        _add(hits, line, "", argument.value, context)
            _walk(node.arguments, context, hits, line_offset)
        elif isinstance(node, ast.CurlyBracketsBlock):
            at_keyword = ""
            _walk(node.content, context, hits, line_offset)
        elif isinstance(node, (ast.ParenthesesBlock, ast.SquareBracketsBlock)):
            _walk(node.content, context, hits, line_offset)


def _add(hits: list[CssHit], line: int, at_keyword: str, url: str, context: Context) -> None:
    if at_keyword == "namespace":  # @namespace url(...) names, it does not fetch
        return
    kind = "css-import" if at_keyword == "import" else "css-url"
    hits.append(CssHit(line, kind, url, context))
