"""``strict-build``: Pelican's command line, with every warning fatal and no half-written output.

It accepts Pelican's own arguments (``strict-build content -o output -s pelicanconf.py``), so the
Makefile keeps Pelican's conventions.
"""

from __future__ import annotations

import logging
import sys

from pelican import LOG_HANDLERS, parse_arguments
from pelican.log import init as init_logging

from strict_build.runner import BuildFailed, build


def plain_handler() -> logging.Handler:
    """One line per record: Pelican's "plain" choice installs no handler at all."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    return handler


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    init_logging(
        level=args.verbosity,
        name="pelican",
        handler=LOG_HANDLERS[args.log_handler] or plain_handler(),
        logs_dedup_min_level=getattr(logging, args.logs_dedup_min_level),
    )
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
    print(f"Published the build to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
