"""What each make target installs on a fresh clone: a site build the runtime only, tests the rest.

A host that builds the site (Netlify, GitHub Pages, make publish on a server) should not spend
minutes installing pytest, Playwright, ruff and mypy; make test and make lint need them.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import tomllib
from pathlib import Path

import pytest
from kitclone import dry_run_on_a_fresh_clone
from sitebuild import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
TEST_EXTRAS = {re.split(r"[<>=\[ ]", r)[0] for r in PROJECT["optional-dependencies"]["test"]}
SITE_TARGETS = ("html", "regenerate", "serve", "publish", "init", "check", "policy-release")


def installs(commands: list[str]) -> list[str]:
    return [c for c in commands if " pip install " in c]


@pytest.mark.parametrize("target", SITE_TARGETS)
def test_a_site_target_installs_the_runtime_dependencies_only(tmp_path: Path, target: str) -> None:
    commands = dry_run_on_a_fresh_clone(tmp_path, target)
    assert any(re.search(r"-m venv \.venv$", c) for c in commands), commands
    assert [c.rsplit(" ", 1)[-1] for c in installs(commands)] == ["."], commands


@pytest.mark.parametrize("target", ["test", "lint"])
def test_test_and_lint_install_the_test_extras_once(tmp_path: Path, target: str) -> None:
    commands = dry_run_on_a_fresh_clone(tmp_path, target)
    assert any(re.search(r"-m venv \.venv$", c) for c in commands), commands
    assert [c.rsplit(" ", 1)[-1] for c in installs(commands)] == ["'.[test]'"], commands


def test_the_plugins_import_no_test_extra() -> None:
    """A plugin importing pytest or jsonschema would build in make test and fail on a host."""
    extras = {name.lower().replace("-", "_") for name in TEST_EXTRAS}
    for module in (ROOT / "plugins").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                used = {name.split(".")[0] for name in names} & extras
                assert not used, f"{module.relative_to(ROOT)}:{node.lineno} imports {used}"


def test_no_runtime_dependency_is_a_test_extra() -> None:
    """What the site needs to build must not hide in [test], or make html would fail."""
    runtime = {re.split(r"[<>=\[ ]", r)[0] for r in PROJECT["dependencies"]}
    assert not runtime & TEST_EXTRAS


def test_the_recipes_write_bytecode_whatever_the_shell_says() -> None:
    """Some images set PYTHONDONTWRITEBYTECODE: every fresh interpreter of a build or a test would
    compile Pelican and the plugins anew. The Makefile's recipes must not see it."""
    probe = 'probe-environment: ; @echo "[$$PYTHONDONTWRITEBYTECODE]"'
    result = subprocess.run(
        ["make", "--no-print-directory", "--eval", probe, "probe-environment"],
        cwd=ROOT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"
