"""``strict-build``: Pelican's command line, with every warning fatal and no half-written output.

It accepts Pelican's own arguments (``strict-build content -o output -s pelicanconf.py``), so the
Makefile keeps Pelican's conventions.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from collections.abc import Iterator

import watchfiles
from pelican import LOG_HANDLERS, get_config, parse_arguments
from pelican.log import init as init_logging
from pelican.settings import read_settings
from pelican.utils import FileChangeFilter

from strict_build.runner import BuildFailed, build


def plain_handler() -> logging.Handler:
    """One line per record: Pelican's "plain" choice installs no handler at all."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    return handler


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    # One line per problem unless `--log-handler rich` is asked for: Pelican's default, Rich,
    # adds a time and a source column and wraps each problem over several lines.
    given = sys.argv[1:] if argv is None else argv
    chosen = any(a == "--log-handler" or a.startswith("--log-handler=") for a in given)
    init_logging(
        level=args.verbosity,
        name="pelican",
        handler=(LOG_HANDLERS[args.log_handler] if chosen else None) or plain_handler(),
        logs_dedup_min_level=getattr(logging, args.logs_dedup_min_level),
    )
    if args.autoreload:
        once = [a for a in (sys.argv[1:] if argv is None else argv) if a not in AUTORELOAD]
        return regenerate(args, once)
    return build_once(args)


def build_once(args: argparse.Namespace) -> int:
    """One strict build: 0 and where it published, or 1 (130 for Ctrl-C) after its errors."""
    try:
        output = build(args)
    except KeyboardInterrupt:
        print("error: build interrupted; the output folder was left unchanged", file=sys.stderr)
        return 130  # the shell's status for a command ended by Ctrl-C
    except BuildFailed as failure:
        for line in str(failure).splitlines():
            print(f"error: {line}", file=sys.stderr)
        return 1
    except Exception as exc:  # a plugin or Pelican raised: say what, in one line
        if args.verbosity == logging.DEBUG:
            raise
        print(f"error: build failed: {exc}", file=sys.stderr)
        # Pelican's convention: an exception with an exit code is an expected, explained
        # failure (the privacy guard's verdict, say); only a surprise deserves the traceback.
        if not hasattr(exc, "exitcode"):
            print("(run with -D for the full traceback)", file=sys.stderr)
        return 1
    print(f"Published the build to {output}", flush=True)
    return 0


AUTORELOAD = ("-r", "--autoreload")


def regenerate(args: argparse.Namespace, once: list[str]) -> int:
    """`make regenerate`: a strict build after every change, each staged and published only when
    clean, as `make html` does, so output/ never holds a page that failed (Pelican's own -r
    writes straight into output/). Each build is `strict-build` with the same arguments in a
    process of its own, exactly as make html runs it; the watch starts before the first build,
    so a change made while a build runs is never missed."""
    settings = read_settings(args.settings, override=get_config(args))
    watcher = watchfiles.watch(
        *_watched(args.settings, settings),
        watch_filter=FileChangeFilter(ignore_file_patterns=set(settings.get("IGNORE_FILES", []))),
        rust_timeout=1000,
        yield_on_timeout=True,
    )
    print("Rebuilding after every change to the content, the theme or the settings; Ctrl-C stops.")
    try:
        next(watcher)  # watching from now on
        for _ in _changes(watcher):
            done = subprocess.run([sys.executable, "-m", "strict_build.cli", *once])
            if done.returncode == 130:
                return 130
            print("Waiting for changes...", flush=True)
    except KeyboardInterrupt:
        return 0
    return 0


def _changes(watcher: Iterator[set]) -> Iterator[set]:
    """The first build at once, then one for every batch of changes."""
    yield set()
    for changes in watcher:
        if changes:
            changed = sorted({path for _, path in changes})
            print(f"Changed: {', '.join(changed)}; building again.", flush=True)
            yield changes


def _watched(settings_file: str | None, settings: dict) -> list[str]:
    """What Pelican's -r watches: the settings file, the theme, the content and its static
    folders; those that do not exist (yet) are left out instead of warned about."""
    content = settings.get("PATH", "")
    paths = [settings_file or "", settings.get("THEME", ""), content]
    paths += [os.path.join(content, path) for path in settings.get("STATIC_PATHS", [])]
    return [os.path.abspath(path) for path in paths if path and os.path.exists(path)]


if __name__ == "__main__":
    sys.exit(main())
