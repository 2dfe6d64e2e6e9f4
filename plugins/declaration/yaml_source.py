"""Read the declaration file into plain data plus the line of every key and item.

The YAML is composed into nodes once: the nodes give positions and expose
duplicate keys (with both lines), and the same nodes are then constructed into
plain Python data for validation. File-level failures (missing, not UTF-8,
empty, syntax) raise a DeclarationError with a single problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import ComposerError
from ruamel.yaml.constructor import ConstructorError
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from .errors import DeclarationError, Loc, Problem, dotted, quoted

_SYNTAX_HINTS = {
    "mapping values are not allowed": 'put the value in quotes when it contains ": "',
    "found character '\\t'": "indent with spaces, not tabs",
    "could not find expected ':'": "each key needs a colon after it, or quote the whole value",
    "expected <block end>": "line this key up with the keys around it",
    "found undefined alias": "define the &anchor before using the *alias",
    "found unexpected end of stream": "close the open quote or bracket",
    "found incompatible YAML document": "remove the %YAML line",
}

# Longer integers are refused by Python's int() (CVE-2020-10735); no value here comes close.
_LONGEST_NUMBER = 1000
_INT_TAG = "tag:yaml.org,2002:int"
_STR_TAG = "tag:yaml.org,2002:str"
_TYPED_KEYS = {
    f"tag:yaml.org,2002:{kind}" for kind in ("null", "bool", "int", "float", "timestamp")
}

# Deeper nesting is a runaway bracket, not a declaration (which needs fewer than 10 levels); the
# limit keeps every later step far from Python's recursion limit.
_DEEPEST = 100
_TOO_DEEP = (
    "lists or mappings are nested far too deeply (a declaration needs fewer than 10 levels); "
    "look for runaway [ or { brackets"
)

# Aliases inside anchors multiply ("billion laughs"): a few lines can stand for billions of
# entries. A real declaration has a few hundred; walking stops long before the time runs out.
_MOST_ENTRIES = 100_000

# What was open when the parser failed: (how to name it, how to fix it).
_OPENED = {
    "while parsing a flow sequence": ("in the [ ] list", "close the list with ]"),
    "while parsing a flow mapping": ("in the { } mapping", "close the mapping with }"),
    "while scanning a quoted scalar": ("in the quoted text", "close the quote"),
}


@dataclass
class Source:
    """Plain data of the file and where each part of it was written."""

    file: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    anchors: dict[str, Node] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """Line of the node at `loc`, or of its nearest written parent (the document's start)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return 1

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.file, self.line_of(loc), dotted(loc), message)


def read_source(path: Path, raw: bytes | None = None) -> Source:
    """Load `path` (whose bytes `raw` may already have been read by `read_bytes`); raise
    DeclarationError for anything that stops reading it at all."""
    file = str(path)
    text = _decode(read_bytes(path) if raw is None else raw, file)
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_duplicate_keys = True  # found below, with both lines, among all other problems
    yaml.composer.warn_double_anchors = False  # likewise, instead of a multi-line warning
    try:
        node = yaml.compose(text)
        source = Source(file=file, data=None)
        if node is not None:
            source.lines[()] = node.start_mark.line + 1
            _walk(node, (), source, set())
            source.data = _construct(yaml, node, file)
    except MarkedYAMLError as error:
        raise _syntax_error(file, error) from None
    except ReaderError as error:
        raise _unprintable(file, text, error) from None
    except RecursionError:  # the parser itself recurses: too deep to even find the line
        raise _fail(file, None, _TOO_DEEP) from None
    except AssertionError:  # how ruamel refuses "%YAML 1.3"
        raise _fail(
            file,
            text[: max(text.find("%YAML"), 0)].count("\n") + 1,
            "the %YAML directive names a version this reader does not know; remove the %YAML line",
        ) from None
    if source.data is None:
        raise _fail(
            file, None, "the file is empty; write the declaration in it, starting with schema: 1"
        )
    if not isinstance(source.data, dict):
        raise _fail(
            file,
            1,
            "the file must hold a mapping of keys (schema:, site:, controller: ...), "
            f"not {_kind(source.data)}",
        )
    return source


def read_bytes(path: Path) -> bytes:
    """The file's bytes; DeclarationError, one line, when it cannot be read."""
    file = str(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise _fail(file, None, "file not found; create it from the declaration example") from None
    except IsADirectoryError:
        raise _fail(file, None, "is a folder; give the path of the declaration file") from None
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise _fail(file, None, f"cannot be read ({reason}); check its permissions") from None


def _decode(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        raise _fail(
            file, line, f"byte 0x{byte:02X} is not UTF-8 text; save the file as UTF-8"
        ) from None


def _walk(node: Node, loc: Loc, source: Source, seen: set[int]) -> None:
    """Record the line of every key and item below `node`; report duplicate keys."""
    if id(node) in seen:  # an alias that refers back to one of its own parents
        return
    seen = seen | {id(node)}
    if len(loc) > _DEEPEST:
        raise _fail(source.file, node.start_mark.line + 1, _TOO_DEEP)
    if len(source.lines) > _MOST_ENTRIES:
        raise DeclarationError(
            [
                source.problem(
                    loc[:1],
                    f"the *aliases expand to more than {_MOST_ENTRIES} entries; write the "
                    "repeated parts out, or use fewer aliases inside anchors",
                )
            ]
        )
    _check_anchor(node, loc, source)
    if isinstance(node, ScalarNode):
        _check_number(node, source.file)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            source.lines[(*loc, index)] = item.start_mark.line + 1
            _walk(item, (*loc, index), source, seen)
    elif isinstance(node, MappingNode):
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                source.problems.append(
                    Problem(source.file, line, dotted(loc), "a key must be a plain word")
                )
                continue
            if key_node.tag in _TYPED_KEYS:  # 3:, true:, ~: are keys as written, so unknown keys
                key_node.tag = _STR_TAG
            key = key_node.value
            if key in first_lines:
                source.problems.append(
                    Problem(
                        source.file,
                        line,
                        dotted((*loc, key)),
                        f"duplicate key; it is first given on line {first_lines[key]}; "
                        "keep only one of them",
                    )
                )
                continue
            first_lines[key] = line
            source.lines[(*loc, key)] = line
            _walk(value_node, (*loc, key), source, seen)


def _construct(yaml: YAML, root: Node, file: str) -> Any:
    """Plain data of the document; a scalar Python cannot make (2026-02-30, !!int abc) is named."""
    try:
        return yaml.constructor.construct_document(root)
    except (ValueError, KeyError, OverflowError):
        pass
    pending, seen = [root], set()
    while pending:  # in file order, each node once (aliases share nodes)
        node = pending.pop(0)
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            pending[:0] = node.value
        elif isinstance(node, MappingNode):
            pending[:0] = [part for pair in node.value for part in pair]
        elif not _constructs(yaml, node):
            kind = (node.tag or "").rsplit(":", 1)[-1]
            if kind == "timestamp":
                hint = (
                    "looks like a date but is not one; write a real date, or put the text in quotes"
                )
            else:
                hint = f"cannot be read as !!{kind}; remove the tag and write a plain value"
            raise _fail(file, node.start_mark.line + 1, f"{quoted(node.value)} {hint}")
    raise _fail(file, None, "a value cannot be read; check the values written with a !! tag")


def _constructs(yaml: YAML, node: Node) -> bool:
    make = yaml.constructor.yaml_constructors.get(node.tag)
    if make is None:  # a tag of its own: refused while constructing, with its line
        return True
    try:
        make(yaml.constructor, node)
    except (ValueError, KeyError, OverflowError):
        return False
    return True


def _check_anchor(node: Node, loc: Loc, source: Source) -> None:
    """An &anchor defined twice: YAML lets the second win, which is seldom what was meant."""
    if not node.anchor:
        return
    first = source.anchors.setdefault(node.anchor, node)
    if first is not node:
        source.problems.append(
            source.problem(
                loc,
                f"the anchor &{node.anchor} is already defined on line "
                f"{first.start_mark.line + 1}; give each anchor its own name",
            )
        )


def _check_number(node: ScalarNode, file: str) -> None:
    """Stop before constructing an integer too long to read; Python refuses it with a ValueError."""
    if node.tag != _INT_TAG or len(node.value) <= _LONGEST_NUMBER:
        return
    digits = sum(character.isdigit() for character in node.value)
    raise _fail(
        file,
        node.start_mark.line + 1,
        f"a number of {digits} digits is far too long for any value here; shorten it, "
        "or put it in quotes if it is text",
    )


def _unprintable(file: str, text: str, error: ReaderError) -> DeclarationError:
    """YAML allows no control characters but tab and line breaks; editors often hide them."""
    line = text[: error.position].count("\n") + 1
    return _fail(
        file,
        line,
        f"the character U+{ord(text[error.position]):04X} is not allowed in YAML text; "
        "delete it (most editors do not show it)",
    )


def _syntax_error(file: str, error: MarkedYAMLError) -> DeclarationError:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    problem = (error.problem or error.context or "unreadable YAML").strip()
    if isinstance(error, ConstructorError) and "for merging" in problem:
        return _fail(file, line, f"{problem}; after <<: write the *alias of an &anchored mapping")
    if isinstance(error, ConstructorError):
        return _fail(file, line, f"{problem}; remove the tag and write a plain value")
    if isinstance(error, ComposerError) and problem.endswith("another document"):
        return _fail(file, line, "the file holds more than one YAML document; remove the extra ---")
    hint = next(
        (text for start, text in _SYNTAX_HINTS.items() if problem.startswith(start)),
        "check the indentation and quotes on this line and the one before",
    )
    context = error.context_mark
    opened = _OPENED.get((error.context or "").strip())
    if opened and context is not None and context.line + 1 != line:
        problem += f" ({opened[0]} that starts on line {context.line + 1})"
        hint = opened[1]
    return _fail(file, line, f"YAML syntax error: {problem}; {hint}")


def _kind(data: object) -> str:
    return "a list" if isinstance(data, list) else f"a single value, {quoted(data)}"


def _fail(file: str, line: int | None, message: str) -> DeclarationError:
    return DeclarationError([Problem(file, line, "", message)])
