"""Every make target, command, option and setting the docs name is real.

The docs are read as an owner reads them: what stands in code (`...` and fenced blocks) is what
they will type. Targets must be in the Makefile, commands must be installed console scripts or
importable modules whose --help lists the subcommand and options used, and every setting or
variable in capitals must be one that some code reads.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import io
import re
import shlex
import tomllib
from functools import cache
from pathlib import Path

import pelican
import pytest
from sitebuild import ROOT

DOCS = sorted(
    [
        ROOT / "README.md",
        ROOT / "bench" / "README.md",
        *(ROOT / "docs").glob("*.md"),
        *(ROOT / "plugins").glob("*/README.md"),
    ]
)
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
SPAN = re.compile(r"`([^`\n]+)`")
# A setting or variable: NAME_WITH_UNDERSCORES anywhere in code (CONTACT_SMTP_* for a family),
# or a single word in capitals when it is a whole code span (`PRECOMPRESSED`, `TIMEZONE`).
CAPITALS = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\*?|^[A-Z]{4,}$")
SEPARATORS = {"&&", "||", "|", ";", ">", "<", "2>", ">>"}


def code_of(text: str) -> list[str]:
    """The code an owner would type: fenced blocks line by line, then inline spans."""
    lines = [line for block in FENCE.findall(text) for line in block.splitlines()]
    return lines + SPAN.findall(FENCE.sub("", text))


@cache
def makefile() -> str:
    return (ROOT / "Makefile").read_text(encoding="utf-8")


@cache
def make_targets() -> frozenset[str]:
    return frozenset(re.findall(r"^([a-z][a-z-]*):", makefile(), re.M))


@cache
def console_scripts() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {name: target.split(":")[0] for name, target in project["project"]["scripts"].items()}


@cache
def help_text(module: str, subcommand: str | None = None) -> str:
    """What `module`'s main() prints for --help (of `subcommand`, when given)."""
    main = importlib.import_module(module).main
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        main([*([subcommand] if subcommand else []), "--help"])
    return out.getvalue()


def subcommands(module: str) -> set[str]:
    """The subcommands --help lists: as {a,b} among the positional arguments, or one per line
    under a metavar such as COMMAND."""
    text = help_text(module)
    listed = re.search(r"^ {2}\{([a-z,-]+)\}", text, re.M)
    if listed:
        return set(listed.group(1).split(","))
    return set(re.findall(r"^ {4}([a-z][a-z-]*) {2,}", text, re.M))


def _tokens(line: str) -> list[str]:
    try:
        return shlex.split(line, comments=True)
    except ValueError:
        return line.split()


def commands_in(line: str) -> list[tuple[str, list[str]]]:
    """(module, arguments) of each command on a line of code: console scripts, `python -m`."""
    found = []
    tokens = _tokens(line)
    for index, token in enumerate(tokens):
        module = console_scripts().get(Path(token).name)
        start = index + 1
        if token == "-m" and index + 1 < len(tokens):
            module, start = tokens[index + 1], index + 2
        elif token.startswith("RELEASE_OPTS="):
            module, start = console_scripts()["policy-release"], index
            tokens = [*tokens[:index], token.split("=", 1)[1], *tokens[index + 1 :]]
        if module is None:
            continue
        arguments = []
        for argument in tokens[start:]:
            if argument in SEPARATORS:
                break
            arguments.append(argument)
        found.append((module, arguments))
    return found


def _known_words() -> str:
    """Every file whose code could read a setting or variable: the kit's code, Makefile, CI,
    Pelican itself (its settings and bundled themes)."""
    paths = [
        ROOT / "Makefile",
        ROOT / ".ci" / "run",
        ROOT / "pelicanconf.py",
        ROOT / "publishconf.py",
    ]
    for folder in ("plugins", "bench", "tests", "theme"):
        paths += [p for p in (ROOT / folder).rglob("*") if p.suffix in (".py", ".html", ".j2")]
    pelican_root = Path(pelican.__file__).parent
    paths += [*pelican_root.glob("*.py"), *(pelican_root / "themes").rglob("*.html")]
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in paths)


@pytest.fixture(scope="module")
def known_words() -> str:
    return _known_words()


def _doc_id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("doc", DOCS, ids=_doc_id)
def test_every_make_target_exists(doc: Path) -> None:
    named = set()
    for code in code_of(doc.read_text(encoding="utf-8")):
        tokens = _tokens(code)
        for index, token in enumerate(tokens[:-1]):
            if token == "make" and re.fullmatch(r"[a-z][a-z-]*", tokens[index + 1]):
                named.add(tokens[index + 1])
                variables = [t.split("=")[0] for t in tokens[index + 2 :] if "=" in t]
                for variable in variables:
                    assert re.search(rf"\b{variable}\b", makefile()), (
                        f"{_doc_id(doc)}: make {tokens[index + 1]} {variable}=...: the Makefile "
                        "reads no such variable"
                    )
    assert named <= make_targets(), f"{_doc_id(doc)} names make targets that do not exist: " + (
        ", ".join(sorted(named - make_targets()))
    )


@pytest.mark.parametrize("doc", DOCS, ids=_doc_id)
def test_every_command_and_option_exists(doc: Path) -> None:
    wrong = []
    for code in code_of(doc.read_text(encoding="utf-8")):
        for module, arguments in commands_in(code):
            try:
                main_module = module
                if not hasattr(importlib.import_module(module), "main"):
                    main_module = f"{module}.__main__"
                    importlib.import_module(main_module)
            except ImportError:
                wrong.append(f"{code}: no module {module}")
                continue
            main = getattr(importlib.import_module(main_module), "main", None)
            if main is None or not inspect.signature(main).parameters:
                continue  # a script without options (the benchmarks)
            sub = None
            if subcommands(main_module):
                sub = next((a for a in arguments if not a.startswith("-")), None)
                if sub is not None and sub not in subcommands(main_module):
                    wrong.append(f"{code}: no subcommand {sub!r}")
                    continue
            text = help_text(main_module, sub)
            for argument in arguments:
                option = argument.split("=")[0]
                if option.startswith("--") and not re.search(rf"{re.escape(option)}\b", text):
                    wrong.append(f"{code}: {option} is not an option of {module} {sub or ''}")
    assert not wrong, f"{_doc_id(doc)}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("doc", DOCS, ids=_doc_id)
def test_every_setting_and_variable_is_read_somewhere(doc: Path, known_words: str) -> None:
    named = {
        name for code in code_of(doc.read_text(encoding="utf-8")) for name in CAPITALS.findall(code)
    }
    unknown = sorted(
        name for name in named if not re.search(rf"\b{re.escape(name.rstrip('*'))}", known_words)
    )
    assert not unknown, f"{_doc_id(doc)} names settings no code reads: {', '.join(unknown)}"


def test_each_plugin_documents_its_settings() -> None:
    """A setting a plugin reads appears in the docs, so its table is never missing a row."""
    prefixes = {
        "policy_pages": "POLICY_",
        "contact_form": "CONTACT_",
        "privacy_guard": "PRIVACY_GUARD_",
        "redirects": "REDIRECTS_",
        "placeholders": "PLACEHOLDERS_",
        "deploy": "DEPLOY_",
        "embeds": "EMBEDS_",
        "share": "SHARE_",
        "hashed_assets": "HASHED_ASSETS",
        "precompressed": "PRECOMPRESSED",
        "fast_build": "FAST_BUILD_",
    }
    docs = "\n".join(path.read_text(encoding="utf-8") for path in DOCS)
    missing = []
    for plugin, prefix in prefixes.items():
        code = "\n".join(
            path.read_text(encoding="utf-8") for path in (ROOT / "plugins" / plugin).glob("*.py")
        )
        for name in sorted(set(re.findall(rf'"({prefix}[A-Z0-9_]+)"', code))):
            if not re.search(rf"\b{name}\b", docs) and not any(
                name.startswith(n.rstrip("*")) for n in re.findall(rf"{prefix}[A-Z_]*\*", docs)
            ):
                missing.append(f"{plugin}: {name}")
    assert not missing, "settings read but not documented:\n" + "\n".join(missing)


def test_the_readme_stays_short() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").count("\n")
    assert lines <= 300, f"README.md has {lines} lines; move the reference to docs/"


def test_the_declaration_reference_is_the_models() -> None:
    from declaration.reference import markdown_reference

    published = (ROOT / "docs" / "declaration-reference.md").read_text(encoding="utf-8")
    assert published == markdown_reference(), (
        "docs/declaration-reference.md is out of date; run "
        ".venv/bin/python -m declaration reference > docs/declaration-reference.md"
    )


def test_the_docs_link_to_files_that_exist() -> None:
    broken = []
    for doc in DOCS:
        prose = SPAN.sub("", FENCE.sub("", doc.read_text(encoding="utf-8")))
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", prose):
            if "://" not in target and not (doc.parent / target).exists():
                broken.append(f"{_doc_id(doc)}: {target}")
    assert not broken, "links to missing files:\n" + "\n".join(broken)


TEST_NAMED = re.compile(r"\b(test_\w+\.py)(?:::(test_\w+))?")


def test_the_tests_the_docs_name_exist() -> None:
    """A README that promises a test names a file (and function) that is really there: the
    vendored libraries' README once named a test file nobody had written."""
    readmes = [*DOCS, *(ROOT / "tests").rglob("README.md")]
    test_files = {path.name: path for path in (ROOT / "tests").rglob("test_*.py")}
    missing = []
    for doc in readmes:
        for name, function in TEST_NAMED.findall(doc.read_text(encoding="utf-8")):
            path = test_files.get(name)
            if path is None:
                missing.append(f"{_doc_id(doc)}: {name}")
            elif function and f"def {function}(" not in path.read_text(encoding="utf-8"):
                missing.append(f"{_doc_id(doc)}: {name}::{function}")
    assert not missing, "tests named in the docs that do not exist:\n" + "\n".join(missing)
