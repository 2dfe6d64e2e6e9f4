"""`discreet-check` (make check): is the owner's site ready to publish? One line per problem.

Exit status: 0 when nothing is wrong, 1 with problems (each on a line, then one summary line).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from declaration import DeclarationError, load_declaration
from placeholders import find_placeholders

from .links import broken_links


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
    with tempfile.TemporaryDirectory(prefix="discreet-check-") as folder:
        step("a strict build with the production settings, and the privacy guard")
        output = Path(folder) / "output"
        build = _build(args.content, output, args.settings)
        if build.returncode:
            problems += [line for line in build.stderr.splitlines() if line.strip()]
        else:
            step("internal links and images")
            problems += broken_links(output, site_url)
    seconds = time.monotonic() - started
    if problems:
        print("\n".join(problems), file=sys.stderr)
        count = len(problems)
        print(
            f"make check: {count} problem{'s' if count != 1 else ''} in {seconds:.1f} s; "
            "make publish would not publish this site as it is",
            file=sys.stderr,
        )
        return 1
    print(f"make check: no problem found in {seconds:.1f} s; ready for make publish")
    return 0


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
