"""One error family: every error an owner must act on is a plugin_support.DiscreetError, which
carries its `problems`, and no two errors share a name (a reader never wonders which one)."""

from __future__ import annotations

import ast
import builtins
from collections import defaultdict
from functools import cache

from sitebuild import ROOT

# Python's errors; not Ctrl-C and exits (KeyboardInterrupt, SystemExit), which are no mistakes.
BUILTIN_ERRORS = {
    name
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, Exception)
}
# Exceptions no owner reads, and why they stay on Python's own.
OUTSIDE = {
    "DiscreetError": "the family's base",
    "DurationFormatError": "raised in pydantic validators, which turn only ValueError into the "
    "declaration's errors",
    "UnsupportedForm": "a visitor's request, answered with 415",
    "MalformedForm": "a visitor's request, answered with 400",
    "Lingering": "no mistake: deleted text another reader still holds; the CLI words its numbers",
}


@cache
def _classes() -> list[tuple[str, ast.ClassDef]]:
    found = []
    for path in sorted((ROOT / "plugins").glob("*/**/*.py")):
        where = str(path.relative_to(ROOT))
        found += [(where, node) for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                  if isinstance(node, ast.ClassDef)]  # fmt: skip
    return found


def test_every_error_of_the_kit_is_a_discreet_error() -> None:
    outside = [
        f"{where}:{node.lineno} {node.name}({', '.join(map(ast.unparse, node.bases))})"
        for where, node in _classes()
        if any(ast.unparse(base) in BUILTIN_ERRORS for base in node.bases)
        and not node.name.startswith("_")  # control flow inside one module
        and node.name not in OUTSIDE
    ]
    assert not outside, "not on plugin_support.DiscreetError:\n" + "\n".join(outside)


def _is_error(node: ast.ClassDef) -> bool:
    bases = [ast.unparse(base).rpartition(".")[2] for base in node.bases]
    return node.name.endswith("Error") or any(
        base in BUILTIN_ERRORS or base.endswith(("Error", "Exception")) for base in bases
    )


def test_no_two_errors_share_a_name() -> None:
    places: dict[str, list[str]] = defaultdict(list)
    for where, node in _classes():
        if _is_error(node) and not node.name.startswith("_"):
            places[node.name].append(f"{where}:{node.lineno}")
    shared = {name: found for name, found in places.items() if len(found) > 1}
    assert not shared, f"errors that share a name: {shared}"
