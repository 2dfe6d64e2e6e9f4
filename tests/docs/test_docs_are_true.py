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


# Where the kit sends a reader to a section: `the README's "Writing a post"`, `"Performance" in
# the README`, `docs/deploying.md, "Netlify"`, a link's #anchor. The README once lost sections
# to docs/, and comments kept sending people to them.
MARKDOWN_FILE = r"(?:[\w.-]+/)*[\w-]+\.md|(?:the )?README"
SECTION_NAMED = (
    re.compile(rf"(?P<file>{MARKDOWN_FILE})'s \"(?P<section>[^\"]+)\""),
    re.compile(rf"\"(?P<section>[^\"]+)\" in (?P<file>{MARKDOWN_FILE})"),
    re.compile(rf"(?P<file>{MARKDOWN_FILE}), \"(?P<section>[^\"]+)\""),
    re.compile(r"(?P<file>the README)'s (?P<section>[\w ]+?) (?:section|table)\b"),
)
VAGUE = re.compile(r"\bsee (?:the )?README\b(?![.'/])", re.I)
KIT_TEXTS = sorted(
    {
        *DOCS,
        ROOT / "Makefile",
        ROOT / ".ci" / "run",
        ROOT / "netlify.toml",
        *(ROOT / ".github" / "workflows").glob("*.yml"),
        *ROOT.glob("*.py"),
        *(ROOT / "bench").glob("*.py"),
        *(ROOT / "plugins").rglob("*.py"),
        *(ROOT / "tests").rglob("*.py"),
    }
    - {Path(__file__).resolve()}
)


def headings(markdown: Path) -> dict[str, str]:
    """Each heading of a Markdown file by its GitHub anchor: 'Writing a post' -> writing-a-post."""
    found = {}
    for title in re.findall(r"^#+\s+(.+?)\s*$", markdown.read_text(encoding="utf-8"), re.M):
        anchor = re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")
        found[anchor] = title
    return found


def _names(title: str, section: str) -> bool:
    """'Netlify' names the heading '2. Netlify, with the inbox on a small server'."""
    title = re.sub(r"^\d+\.\s+", "", title).lower()
    return re.match(rf"{re.escape(section.lower())}(?:$|[ ,:(])", title) is not None


def _named_file(text_file: Path, name: str) -> Path:
    if name.removeprefix("the ") == "README":
        return ROOT / "README.md"
    beside = text_file.parent / name
    return beside if beside.exists() else ROOT / name


def section_problems(text_file: Path) -> list[str]:
    text = text_file.read_text(encoding="utf-8")
    where = text_file.relative_to(ROOT) if text_file.is_relative_to(ROOT) else text_file.name
    problems = [f"{where}: {m.group(0)!r}: which README and section?" for m in VAGUE.finditer(text)]
    for pattern in SECTION_NAMED:
        for match in pattern.finditer(" ".join(text.split())):  # a name may wrap in a comment
            markdown = _named_file(text_file, match["file"])
            titles = headings(markdown).values() if markdown.exists() else []
            if not any(_names(title, match["section"]) for title in titles):
                problems.append(f"{where}: {match.group(0)!r}: no such section in {match['file']}")
    if text_file.suffix == ".md":
        for target, anchor in re.findall(r"\]\(([^)#\s]*)#([^)\s]+)\)", text):
            markdown = (text_file.parent / target) if target else text_file
            if markdown.suffix == ".md" and markdown.exists() and anchor not in headings(markdown):
                problems.append(f"{where}: {target}#{anchor}: no such section")
    return problems


def test_every_section_the_kit_sends_a_reader_to_exists() -> None:
    problems = [p for text_file in KIT_TEXTS for p in section_problems(text_file)]
    assert not problems, "\n".join(problems)


def test_the_section_check_finds_a_missing_section(tmp_path: Path) -> None:
    comment = tmp_path / "settings.py"
    comment.write_text('# see the README\'s "Policy pages" section\n# (see README)\n')
    doc = tmp_path / "guide.md"
    doc.write_text("# Guide\n\n## Tests\n\n[run them](#tests), [not this](#testing)\n")
    assert [p.split(": ", 1)[1] for p in section_problems(comment)] == [
        "'see README': which README and section?",
        "'the README\\'s \"Policy pages\"': no such section in the README",
    ]
    assert [p.split(": ", 1)[1] for p in section_problems(doc)] == ["#testing: no such section"]


def test_the_project_layout_lists_every_plugin() -> None:
    """docs/development.md's layout names each package under plugins/, and no other."""
    text = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
    [layout] = [block for block in FENCE.findall(text) if "\nplugins/" in block]
    listed = set(re.findall(r"^  ([a-z_]+)/", layout.split("\nplugins/", 1)[1], re.M))
    packages = {p.parent.name for p in (ROOT / "plugins").glob("*/__init__.py")}
    assert listed == packages, (
        f"docs/development.md's layout lacks {sorted(packages - listed)}, "
        f"names {sorted(listed - packages)} that are not under plugins/"
    )
