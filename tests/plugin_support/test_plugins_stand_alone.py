"""A plugin works in a plain `pelican` build too: no plugin imports strict-build, the command
that runs builds in a staging folder; what both need lives in plugin_support."""

from __future__ import annotations

import ast

from sitebuild import ROOT


def test_no_plugin_imports_strict_build() -> None:
    importers = []
    for path in sorted((ROOT / "plugins").glob("*/**/*.py")):
        if path.relative_to(ROOT / "plugins").parts[0] == "strict_build":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] == "strict_build" for name in names):
                importers.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not importers, f"import strict_build: {', '.join(importers)}"
