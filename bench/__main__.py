"""`make bench` (python -m bench): the full site against plain Pelican on synthetic content.

Prints a Markdown table of medians and ratios and writes it to bench/results/latest.md, from which
bench/README.md's "Builds against plain Pelican" table is refreshed. `make bench N=200` (or
BENCH_ARTICLES=200) makes a quick run; BENCH_ROUNDS changes the number of alternating rounds.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

from bench.audit import time_audit
from bench.corpus import write_content
from bench.machine import describe, load_average
from bench.report import Context, render
from bench.runs import BuildError
from bench.sites import ROOT, full_site, plain_site
from bench.suite import run_rounds
from bench.weight import describe as describe_weight

RESULTS = ROOT / "bench" / "results" / "latest.md"


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=int(os.environ.get("BENCH_ARTICLES") or 2000)
    )
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS") or 3))
    parser.add_argument("--seed", type=int, default=2012)
    parser.add_argument("--keep", action="store_true", help="keep the work folder for a look")
    parser.add_argument(
        "--no-publish", action="store_true", help="skip the publish builds (make publish)"
    )
    arguments = parser.parse_args(argv)
    if arguments.articles < 1 or arguments.rounds < 1:
        parser.error("--articles and --rounds must be at least 1")
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    workdir = Path(tempfile.mkdtemp(prefix="discreet-bench-"))
    load_before = load_average()
    # An owner's second build reads compiled bytecode. Where PYTHONDONTWRITEBYTECODE is set (as
    # on the shared development machine) nothing is ever written, and `make venv` installs with
    # pip's --no-compile: every build would compile the plugins and every library it imports
    # again (pydantic, Babel, Jinja2, Pelican itself: about 340 modules, 3 s of a build under
    # cProfile), a cost that falls on both sides, more on ours. Compiled once here, as an
    # owner's first build leaves them.
    compileall.compile_dir(ROOT / "plugins", quiet=1)
    compileall.compile_dir(sysconfig.get_paths()["purelib"], quiet=1)
    try:
        print(f"Writing {arguments.articles:,} synthetic articles into {workdir}")
        content = write_content(ROOT / "content", workdir / "content", arguments.articles)
        plain = plain_site(workdir / "plain", content)
        site = full_site(workdir / "site", content)
        publish = None
        if not arguments.no_publish:
            publish = (
                plain_site(workdir / "plain-publish", content, publish=True),
                full_site(workdir / "site-publish", content, publish=True),
            )
        try:
            results = run_rounds(plain, site, content, arguments.rounds, publish=publish)
        except BuildError as error:
            print(f"error: a benchmarked build failed: {error}", file=sys.stderr)
            return 1
        audit = time_audit(site.output, arguments.rounds, content / "privacy.yml")
        context = Context(
            articles=arguments.articles,
            rounds=arguments.rounds,
            pages=audit.pages,
            machine=describe(),
            load_before=load_before,
            load_after=load_average(),
            weight=describe_weight(site.output),
        )
        report = render(results, audit, context)
    finally:
        if arguments.keep:
            print(f"Kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    print(f"Written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
