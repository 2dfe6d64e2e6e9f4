"""`discreet-check` (make check): is the owner's site ready to publish? One line per problem.

Exit status: 0 when nothing is wrong, 1 with problems (each on a line, then one summary line).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from declaration import DeclarationError, load_declaration
from placeholders import find_placeholders

from .links import link_problems


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="discreet-check",
        description="Check your own site: the declaration, the placeholders, a strict build "
        "with the production settings (privacy guard included), internal links and images.",
    )
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--settings", type=Path, default=Path("publishconf.py"))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    started = time.monotonic()
    problems: list[str] = []
    declaration = args.content / "privacy.yml"
    step("the declaration")
    try:
        site_url = str(load_declaration(declaration).site.url).rstrip("/")
    except DeclarationError as error:
        problems += [str(problem) for problem in error.problems]
        site_url = ""
    step("placeholders")
    settings_files = [Path("pelicanconf.py"), args.settings]
    problems += [
        str(p) for p in find_placeholders(declaration, dict.fromkeys(settings_files), args.content)
    ]
    links: list[str] = []
    with tempfile.TemporaryDirectory(prefix="discreet-check-") as folder:
        step("a strict build with the production settings, and the privacy guard")
        output = Path(folder) / "output"
        build = _build(args.content, output, args.settings)
        if build.returncode:
            problems += build_problems(build.stderr, args.content)
        else:
            step("internal links and images")
            links = link_problems(output, args.content, site_url)
    seconds = time.monotonic() - started
    if problems or links:
        print("\n".join([*problems, *links]), file=sys.stderr)
        print(
            f"make check: {verdict(len(problems), len(links))} ({seconds:.1f} s)", file=sys.stderr
        )
        return 1
    print(f"make check: no problem found in {seconds:.1f} s; ready for make publish")
    return 0


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def verdict(refused: int, links: int) -> str:
    """The last line: what make publish would do, in the same terms as make publish. It refuses
    what the first steps find; an address that leads nowhere it publishes, as Pelican does."""
    parts = []
    if refused:
        parts.append(f"{_count(refused, 'problem', 'problems')} above make publish would refuse")
    if links:
        parts.append(
            f"{_count(links, 'address', 'addresses')} above leading nowhere, which make "
            f"publish would publish as {'it is' if links == 1 else 'they are'}: correct "
            f"{'it' if links == 1 else 'them'} first"
        )
    return "; ".join(parts)


# The build's own last lines ("error: build failed: ...", "policy: 2 problems above to
# correct") sum up the problem lines above them: they are no problem of their own.
_SUMMARY = re.compile(r"^(error: build failed\b|[\w -]+: \d+ problems? above to correct$)")
_LEVEL = re.compile(r"^(?:ERROR|WARNING|CRITICAL): ")
_SOURCE = re.compile(r"^([^\s:]+\.(?:md|markdown|html|htm|rst))(?=[: ])")


def build_problems(stderr: str, content: Path) -> list[str]:
    """The build's problem lines, one each, with a source file named from the working folder
    (content/articles/x.md, as the owner opens it; Pelican names it from the content folder)."""
    problems = []
    for line in stderr.splitlines():
        if not line.strip() or _SUMMARY.match(line) or line.startswith("<frozen "):
            continue
        line = _LEVEL.sub("", line)
        source = _SOURCE.match(line)
        if source and not Path(source[1]).is_file() and (content / source[1]).is_file():
            line = f"{content / source[1]}{line[source.end() :]}"
        problems.append(line)
    return problems


def step(what: str) -> None:
    print(f"checking {what}...", flush=True)


def _build(content: Path, output: Path, settings: Path) -> subprocess.CompletedProcess[str]:
    """The build make publish runs, into `output`, without its compressed copies; placeholders
    are listed above, not again as build errors."""
    overrides = ["PLACEHOLDERS_REFUSE=false", "PRECOMPRESSED=false"]
    command = [sys.executable, "-m", "strict_build.cli", str(content), "-o", str(output)]
    command += ["-s", str(settings), "--log-handler", "plain", "-e", *overrides]
    return subprocess.run(command, capture_output=True, text=True)


if __name__ == "__main__":
    sys.exit(main())
