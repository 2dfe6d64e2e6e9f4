"""``python -m precompressed.worker``: compress the files named on standard input, NUL-separated.

The build hands every page to this separate process as soon as it is written, so compression runs
on another core while Pelican renders the next pages, with no share of the build's GIL and none of
its memory. Exit status 1 and one line per file on standard error when a file could not be
compressed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from precompressed.compress import compress


def main() -> int:
    failed = 0
    for raw in iter_paths():
        path = Path(raw)
        if not path.exists():
            continue  # announced before it was written (the guard's report page): final pass
        try:
            compress(path)
        except OSError as error:
            print(f"precompressed: cannot compress {path}: {error}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def iter_paths():
    """Paths as they arrive, so work starts before the build has written its last page."""
    pending = b""
    while chunk := sys.stdin.buffer.read1(65536):
        pending += chunk
        *complete, pending = pending.split(b"\0")
        yield from (p.decode("utf-8", "surrogateescape") for p in complete if p)
    if pending:
        yield pending.decode("utf-8", "surrogateescape")


if __name__ == "__main__":
    sys.exit(main())
