"""Which values in a script reach something that loads or sends.

A URL in JavaScript makes the browser contact its host only when it reaches a sink: an element's
source (`s.src = ...`, `setAttribute('src', ...)`), `fetch`, XHR, `sendBeacon`, `WebSocket`,
`EventSource`, `import()`, `importScripts`, a worker, a loader function (`loadScript(...)`),
markup written into the page, or a CSS value. A URL in an error message, a console warning, a
comparison or `window.open` (navigation, like a link) loads nothing: stock libraries are full of
those.

The flow is followed by name, through variables, object properties, function parameters and
return values, within the file: a name that reaches a sink anywhere carries every value ever
bound to it (the strict reading, a little wider than any one run of the code).
Each sink's expression is flattened into text, with PLACEHOLDER where a part is not a literal
(`'https://' + id + '.disqus.com/x.js'` -> `https://\0.disqus.com/x.js`), so a URL built from
pieces still names its host.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Node

PLACEHOLDER = "\x00"

# Where the value goes, by what the sink does with it.
URL, HTML, CSS = "url", "html", "css"

# Assigning to these properties loads: script/img/iframe/video src, srcset, form action...
_URL_PROPERTIES = frozenset({"src", "srcset", "poster", "action", "formAction", "background"})
_HTML_PROPERTIES = frozenset({"innerHTML", "outerHTML"})
_CSS_PROPERTIES = frozenset({"cssText", "background", "backgroundImage", "listStyleImage",
                             "borderImage", "borderImageSource", "content", "cursor", "mask",
                             "maskImage", "src"})  # fmt: skip
_URL_ATTRIBUTES = frozenset({"src", "srcset", "poster", "action", "formaction", "background",
                             "data", "xlink:href", "ping", "imagesrcset"})  # fmt: skip
# Functions whose arguments are fetched, by name (an identifier or a method).
_URL_CALLS = frozenset({"fetch", "importScripts", "sendBeacon", "getScript", "getJSON", "ajax",
                        "$script", "requirejs", "importScript", "loadCSS", "loadJS",
                        "io"})  # fmt: skip
# Settings a library loads or reports to: {src: ...}, {api_host: ...}, {dsn: ...}...
_LOADING_KEY = re.compile(
    r"src|srcset|poster|dsn|.*(?:endpoint|api_?host|api_?url|collector(?:_?url)?|beacon_?url|"
    r"tracker_?url|ingest(?:_?url)?|script_?url|sdk_?url|cdn_?url|host_?url|server_?url|"
    r"report_?uri|report_?url)",
    re.IGNORECASE,
)
_URL_METHODS_OF = {  # method -> objects it loads through ("" any)
    "get": frozenset({"$", "jQuery", "axios", "http", "request", "superagent"}),
    "post": frozenset({"$", "jQuery", "axios", "http", "request", "superagent"}),
    "put": frozenset({"axios"}),
    "request": frozenset({"axios", "http", "https"}),
    "register": frozenset({"serviceWorker"}),
    "load": frozenset({"LazyLoad", "head", "loadjs", "yepnope", "Modernizr"}),
}
_URL_CONSTRUCTORS = frozenset({"WebSocket", "EventSource", "Worker", "SharedWorker", "Audio",
                               "Request", "Image"})  # fmt: skip
_HTML_CALLS = frozenset({"write", "writeln", "insertAdjacentHTML", "html", "append", "prepend",
                         "after", "before", "replaceWith", "createContextualFragment",
                         "parseFromString", "setHTMLUnsafe"})  # fmt: skip
_CSS_CALLS = frozenset({"insertRule", "setProperty", "replaceSync", "replace"})
# A loader of the page's own making: loadScript(url), injectScript(url), addStylesheet(url)...
_LOADER_NAME = re.compile(
    r"(?:^|[a-z_$])(?:load|inject|add|append|insert|include|require|import|get|fetch|embed|"
    r"lazy|async|create)_?(?:script|js|css|style|stylesheet|font|image|img|iframe|frame|pixel|"
    r"resource|asset|module|lib|sdk|widget|tag)s?$",
    re.IGNORECASE,
)
# Values passed to these go nowhere: messages for a developer.
_MESSAGE_CALLS = frozenset({"log", "warn", "error", "info", "debug", "trace", "assert", "alert",
                            "confirm", "prompt", "Error", "TypeError", "RangeError",
                            "SyntaxError", "ReferenceError", "DOMException", "open"})  # fmt: skip
_STOP = frozenset({"throw_statement", "expression_statement", "if_statement", "while_statement",
                   "for_statement", "switch_statement", "statement_block", "program",
                   "class_body", "arrow_function", "function_expression", "function_declaration",
                   "method_definition", "generator_function", "generator_function_declaration",
                   "function"})  # fmt: skip
_FUNCTIONS = frozenset({"function_expression", "function_declaration", "arrow_function",
                        "method_definition", "generator_function",
                        "generator_function_declaration", "function"})  # fmt: skip
GLOBAL, PROPERTY = 0, -1  # scopes of a name bound outside any function, and of a property
MAX_CANDIDATES = 16  # flattened texts per sink: names bound many times give many
MAX_DEPTH = 4  # names followed through names


def _enclosing_function(node: Node) -> Node | None:
    parent = node.parent
    while parent is not None and parent.type not in _FUNCTIONS:
        parent = parent.parent
    return parent


def _scope(node: Node) -> int:
    function = _enclosing_function(node)
    return function.id if function is not None else GLOBAL


@cache
def _query():
    from tree_sitter import Query

    from .js_scan import language

    return Query(
        language(),
        """
        (variable_declarator) @declarator
        (pair) @pair
        [(assignment_expression) (augmented_assignment_expression)] @assignment
        [(call_expression) (new_expression)] @call
        [(function_expression) (function_declaration) (arrow_function) (method_definition)
         (generator_function) (generator_function_declaration)] @function
        (return_statement) @return
        (import_statement source: (string) @import)
        (export_statement source: (string) @import)
    """,
    )


@dataclass(frozen=True, slots=True)
class Piece:
    """A part of a flattened expression: literal text with its node, or a placeholder."""

    text: str
    node: Node | None


@dataclass(frozen=True, slots=True)
class SinkValue:
    """A flattened value that reaches a sink of `kind` (URL, HTML or CSS)."""

    kind: str
    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    def line_at(self, offset: int, fallback: int) -> int:
        """The line of the literal that holds character `offset` of the text."""
        position = 0
        for piece in self.pieces:
            end = position + len(piece.text)
            if piece.node is not None and position <= offset < end:
                inside = piece.text[: offset - position]
                return piece.node.start_point.row + 1 + inside.count("\n")
            position = end
        return fallback


def literal_text(node: Node, source: bytes) -> str:
    """A string or template literal's contents; substitutions become PLACEHOLDER."""
    if node.type == "string":
        return "".join(
            source[child.start_byte : child.end_byte].decode("utf-8", "replace")
            for child in node.children
            if child.type in ("string_fragment", "escape_sequence")
        )
    parts = []
    for child in node.children:
        if child.type == "template_substitution":
            parts.append(PLACEHOLDER)
        elif child.type in ("string_fragment", "escape_sequence"):
            parts.append(source[child.start_byte : child.end_byte].decode("utf-8", "replace"))
    return "".join(parts)


class Flow:
    """The sinks of one script and the values bound to each name, found in one walk."""

    def __init__(self, root: Node, source: bytes, unescape) -> None:
        self.source = source
        self.unescape = unescape
        # A variable is known in the function that declares it (minified code names a
        # thousand unrelated variables `e`); a property or a function by its name alone.
        self.bindings: dict[tuple[str, int], list[Node]] = defaultdict(list)
        self.declared: set[tuple[str, int]] = set()
        self.functions: dict[str, list[Node]] = defaultdict(list)
        self.sinks: list[tuple[str, Node]] = []
        self.navigations: list[Node] = []  # window.open(x), location = x, a.href = x
        self._walk(root)

    # -- the walk ------------------------------------------------------------------------

    def _walk(self, root: Node) -> None:
        """Names and functions first (a function may be called above its declaration, and an
        element created below the line that sets its href), then the sinks. A query finds the
        nodes in the grammar's own code: walking every node in Python took seconds a library."""
        from tree_sitter import QueryCursor

        found = QueryCursor(_query()).captures(root)
        for node in found.get("function", []):
            self._function(node)
        for node in found.get("declarator", []):
            name = node.child_by_field_name("name")
            if name is not None and name.type == "identifier":
                self.declared.add((self._text(name), _scope(node)))
            self._bind(name, node.child_by_field_name("value"))
        for node in found.get("pair", []):
            key, value = node.child_by_field_name("key"), node.child_by_field_name("value")
            self._bind(key, value)
            if key is not None and value is not None and _LOADING_KEY.fullmatch(self._name(key)):
                self.sinks.append((URL, value))
        self.sinks.extend((URL, node) for node in found.get("import", []))  # import ... from
        for node in found.get("assignment", []):
            self._bind(node.child_by_field_name("left"), node.child_by_field_name("right"))
        for node in found.get("return", []):
            self._return(node)
        for node in found.get("assignment", []):
            self._assignment(node)
        for node in found.get("call", []):
            self._call(node)

    def _text(self, node: Node | None) -> str:
        if node is None:
            return ""
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def _bind(self, target: Node | None, value: Node | None) -> None:
        if target is None or value is None:
            return
        key = self._key(target)
        if key is not None:
            self.bindings[key].append(value)

    def _key(self, node: Node) -> tuple[str, int] | None:
        """Where a name's values are kept: a variable in the scope that declares it (or the
        global one), a property or a key under its name alone (scope -1)."""
        name = self._name(node)
        if not name:
            return None
        if node.type not in ("identifier", "shorthand_property_identifier"):
            return (name, PROPERTY)
        scope: Node | None = node
        while scope is not None:
            scope = _enclosing_function(scope)
            key = (name, scope.id if scope is not None else GLOBAL)
            if key in self.declared:
                return key
        return (name, GLOBAL)

    def _name(self, node: Node) -> str:
        """The name a value is known by: `x`, the property of `a.b.x`, a key `x:`/`'x':`."""
        if node.type in ("identifier", "property_identifier", "shorthand_property_identifier",
                         "private_property_identifier"):  # fmt: skip
            return self._text(node)
        if node.type == "member_expression":
            return self._name(node.child_by_field_name("property"))  # type: ignore[arg-type]
        if node.type == "subscript_expression":
            index = node.child_by_field_name("index")
            return literal_text(index, self.source) if index and index.type == "string" else ""
        if node.type == "string":
            return literal_text(node, self.source)
        return ""

    def _assignment(self, node: Node) -> None:
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None:
            return
        if left.type not in ("member_expression", "subscript_expression"):
            if self._name(left) == "location":
                self.navigations.append(right)
            return
        prop = self._name(left)
        owner = left.child_by_field_name("object")
        owner_name = self._name(owner) if owner is not None else ""
        if prop in _URL_PROPERTIES and owner_name != "style":
            self.sinks.append((URL, right))
        elif prop == "href" and owner_name not in ("location", "window", "top", "parent"):
            if self._is_loading_element(owner):
                self.sinks.append((URL, right))
            else:
                self.navigations.append(right)
        elif prop in ("href", "location"):
            self.navigations.append(right)
        elif prop in _HTML_PROPERTIES:
            self.sinks.append((HTML, right))
        if owner_name == "style" and prop in _CSS_PROPERTIES:
            self.sinks.append((CSS, right))

    def _is_loading_element(self, owner: Node | None) -> bool:
        """Whether a `.href` assignment's element is a <link> (a stylesheet, a preload) rather
        than a link the visitor follows: known when the script created it by that name."""
        if owner is None:
            return False
        key = self._key(owner)
        for value in self.bindings.get(key, []) if key is not None else []:
            text = self._text(value)
            if "createElement" in text and re.search(r"""\(\s*['"`](?:link|use|image)['"`]""",
                                                     text):  # fmt: skip
                return True
        return False

    def _call(self, node: Node) -> None:
        callee = node.child_by_field_name("function") or node.child_by_field_name("constructor")
        arguments = node.child_by_field_name("arguments")
        if callee is None or arguments is None:
            return
        args = [child for child in arguments.named_children if child.type != "comment"]
        if callee.type in ("function_expression", "arrow_function", "parenthesized_expression"):
            function = callee
            while function.type == "parenthesized_expression" and function.named_children:
                function = function.named_children[0]
            if function.type in _FUNCTIONS:  # an IIFE: its arguments are its parameters
                self._bind_parameters(function, args)
            return
        if callee.type == "import":
            self.sinks.extend((URL, arg) for arg in args[:1])
            return
        name = self._name(callee)
        for function in self.functions.get(name, []):
            self._bind_parameters(function, args)
        owner = callee.child_by_field_name("object") if callee.type == "member_expression" else None
        owner_name = self._name(owner) if owner is not None else ""
        if node.type == "new_expression":
            if name in _URL_CONSTRUCTORS:
                self.sinks.extend((URL, arg) for arg in args[:1])
            return
        if (
            name in _URL_CALLS
            or _LOADER_NAME.search(name)
            or (name in _URL_METHODS_OF and (owner_name in _URL_METHODS_OF[name]))
        ):
            self.sinks.extend((URL, arg) for arg in args)
        elif name == "open" and (owner is None or owner_name in ("window", "top", "parent")):
            self.navigations.extend(args[:1])  # a new window: navigation, like a link
        elif name in ("assign", "replace") and owner_name == "location":
            self.navigations.extend(args[:1])
        elif name == "open" and owner_name != "document":
            self.sinks.extend((URL, arg) for arg in args[1:2])  # XMLHttpRequest.open(method, url)
        elif name in ("setAttribute", "setAttributeNS"):
            attribute_at = 1 if name == "setAttributeNS" else 0
            if len(args) > attribute_at + 1 and args[attribute_at].type == "string":
                attribute = literal_text(args[attribute_at], self.source).lower()
                if attribute in _URL_ATTRIBUTES or (
                    attribute == "href" and (self._is_loading_element(owner) or name.endswith("NS"))
                ):
                    self.sinks.append((URL, args[attribute_at + 1]))
                elif attribute == "style":
                    self.sinks.append((CSS, args[attribute_at + 1]))
                elif attribute == "srcdoc":
                    self.sinks.append((HTML, args[attribute_at + 1]))
        elif name in _HTML_CALLS and owner is not None:
            self.sinks.extend((HTML, arg) for arg in args)
        elif (name in _CSS_CALLS and owner is not None and name != "replace") or (
            name == "replace" and owner_name in ("sheet", "styleSheet")
        ):
            self.sinks.extend((CSS, arg) for arg in args)

    def _function(self, node: Node) -> None:
        parameters = node.child_by_field_name("parameters") or node.child_by_field_name(
            "parameter")  # fmt: skip
        if parameters is not None:
            names = [parameters] if parameters.type == "identifier" else parameters.named_children
            for parameter in names:
                if parameter.type == "assignment_pattern":
                    parameter = parameter.child_by_field_name("left") or parameter
                if parameter.type == "identifier":
                    self.declared.add((self._text(parameter), node.id))
        name_node = node.child_by_field_name("name")
        if name_node is not None:
            self.functions[self._text(name_node)].append(node)
        elif node.parent is not None and node.parent.type in ("variable_declarator", "pair",
                                                              "assignment_expression"):  # fmt: skip
            target = node.parent.child_by_field_name("name") or node.parent.child_by_field_name(
                "key") or node.parent.child_by_field_name("left")  # fmt: skip
            if target is not None and (name := self._name(target)):
                self.functions[name].append(node)

    def _return(self, node: Node) -> None:
        value = next((child for child in node.named_children if child.type != "comment"), None)
        function = node.parent
        while function is not None and function.type not in _FUNCTIONS:
            function = function.parent
        if value is None or function is None:
            return
        name = self._function_name(function)
        if name:
            self.bindings[(name + "()", PROPERTY)].append(value)

    def _function_name(self, function: Node) -> str:
        name_node = function.child_by_field_name("name")
        if name_node is not None:
            return self._text(name_node)
        parent = function.parent
        if parent is not None and parent.type in ("variable_declarator", "pair",
                                                  "assignment_expression"):  # fmt: skip
            target = parent.child_by_field_name("name") or parent.child_by_field_name(
                "key") or parent.child_by_field_name("left")  # fmt: skip
            return self._name(target) if target is not None else ""
        return ""

    def _bind_parameters(self, function: Node, args: list[Node]) -> None:
        parameters = function.child_by_field_name("parameters") or function.child_by_field_name(
            "parameter")  # fmt: skip
        if parameters is None:
            return
        names = [parameters] if parameters.type == "identifier" else [
            child for child in parameters.named_children if child.type != "comment"]  # fmt: skip
        for parameter, arg in zip(names, args, strict=False):
            if parameter.type == "assignment_pattern":
                parameter = parameter.child_by_field_name("left") or parameter
            if parameter.type == "identifier":
                self.bindings[(self._text(parameter), function.id)].append(arg)

    # -- flattening ----------------------------------------------------------------------

    def navigation_literals(self) -> set[int]:
        """The ids of the literals that go where the visitor navigates (and nowhere else)."""
        found: set[int] = set()
        for node in self.navigations:
            for pieces in self._flatten(node, MAX_DEPTH, frozenset()):
                found.update(piece.node.id for piece in pieces if piece.node is not None)
        return found

    def sink_values(self) -> list[SinkValue]:
        values = []
        for kind, node in self.sinks:
            for pieces in self._flatten(node, MAX_DEPTH, frozenset()):
                values.append(SinkValue(kind, pieces))
        return values

    def _flatten(self, node: Node, depth: int, seen: frozenset[str]) -> list[tuple[Piece, ...]]:
        """Every text the expression may have, literals kept, the rest PLACEHOLDER."""
        kind = node.type
        hole: list[tuple[Piece, ...]] = [(Piece(PLACEHOLDER, None),)]
        if kind == "string":
            return [(Piece(self.unescape(literal_text(node, self.source)), node),)]
        if kind == "template_string":
            return self._template(node, depth, seen)
        if kind == "parenthesized_expression" and node.named_children:
            return self._flatten(node.named_children[-1], depth, seen)
        if kind == "binary_expression":
            operator = node.child_by_field_name("operator")
            if operator is not None and self._text(operator) == "+":
                left = self._flatten(node.child_by_field_name("left"), depth, seen)  # type: ignore[arg-type]
                right = self._flatten(node.child_by_field_name("right"), depth, seen)  # type: ignore[arg-type]
                return [a + b for a in left for b in right][:MAX_CANDIDATES]
            if operator is not None and self._text(operator) in ("||", "??", "&&"):
                return self._either(node.child_by_field_name("left"),
                                    node.child_by_field_name("right"), depth, seen)  # fmt: skip
            return hole
        if kind == "ternary_expression":
            return self._either(node.child_by_field_name("consequence"),
                                node.child_by_field_name("alternative"), depth, seen)  # fmt: skip
        if kind in ("array", "object", "arguments", "spread_element", "await_expression"):
            return self._each(node.named_children, depth, seen)
        if kind == "pair":
            value = node.child_by_field_name("value")
            return self._flatten(value, depth, seen) if value is not None else hole
        if kind in ("call_expression", "new_expression"):
            callee = node.child_by_field_name("function") or node.child_by_field_name(
                "constructor")  # fmt: skip
            found: list[tuple[Piece, ...]] = []
            name = self._name(callee) if callee is not None else ""
            if name and name + "()" not in seen and depth > 0:
                for value in self.bindings.get((name + "()", PROPERTY), [])[:MAX_CANDIDATES]:
                    found += self._flatten(value, depth - 1, seen | {name + "()"})
            if callee is not None and callee.type == "member_expression":  # 'x'.concat()
                owner = callee.child_by_field_name("object")
                found += self._flatten(owner, depth, seen) if owner is not None else []
            arguments = node.child_by_field_name("arguments")
            if arguments is not None and name not in _MESSAGE_CALLS:
                found += self._each(arguments.named_children, depth, seen)
            return found[:MAX_CANDIDATES] or hole
        if kind in ("identifier", "member_expression", "shorthand_property_identifier",
                    "subscript_expression"):  # fmt: skip
            key = self._key(node)
            if key is None or key[0] in seen or depth <= 0:
                return hole
            found = []
            for value in self.bindings.get(key, [])[:MAX_CANDIDATES]:
                found += self._flatten(value, depth - 1, seen | {key[0]})
            return found[:MAX_CANDIDATES] or hole
        return hole

    def _template(self, node: Node, depth: int, seen) -> list[tuple[Piece, ...]]:
        """`https://${host}/x`: each substitution flattened like any expression."""
        found: list[tuple[Piece, ...]] = [()]
        parts: list[tuple[Piece, ...]]
        for child in node.children:
            if child.type == "template_substitution":
                inner = [c for c in child.named_children if c.type != "comment"]
                parts = self._flatten(inner[0], depth, seen) if inner else [()]
            elif child.type in ("string_fragment", "escape_sequence"):
                parts = [(Piece(self.unescape(self._text(child)), child),)]
            else:
                continue
            found = [a + b for a in found for b in parts][:MAX_CANDIDATES]
        return found

    def _either(self, first: Node | None, second: Node | None, depth: int, seen):
        found = []
        for node in (first, second):
            if node is not None:
                found += self._flatten(node, depth, seen)
        return found[:MAX_CANDIDATES] or [(Piece(PLACEHOLDER, None),)]

    def _each(self, nodes, depth: int, seen):
        found = []
        for node in nodes:
            if node.type != "comment":
                found += self._flatten(node, depth, seen)
        return found[:MAX_CANDIDATES] or [(Piece(PLACEHOLDER, None),)]
