"""The build's own lines in the files static hosts read, and the marked blocks that hold them.

`_headers` (Netlify, Cloudflare Pages) gets the long caching of each hashed theme file by its
exact path: neither host matches a pattern inside a name. Both hosts already revalidate
everything else, compress on their own and redirect HTTP to HTTPS themselves. `.htaccess` gets
the Apache block (apache.htaccess_block). Each block sits between its own markers, so the
privacy guard's and the redirects plugin's blocks in the same files stay as they wrote them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .site import LONG_CACHE

HEADERS_BEGIN = "# BEGIN Discreet deploy: hashed theme files, written by the build"
HEADERS_END = "# END Discreet deploy"


def headers_block(hashed_paths: Iterable[str]) -> str:
    lines = [HEADERS_BEGIN]
    for path in sorted(hashed_paths):
        lines += [path, f"  Cache-Control: {LONG_CACHE}"]
    return "\n".join([*lines, HEADERS_END]) + "\n"


def merge_block(existing: str, block: str, begin: str, end: str) -> str:
    """Replace the block between `begin` and `end` in `existing`, or append it."""
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end) + r"\n?", re.DOTALL)
    if pattern.search(existing):
        return pattern.sub(lambda _: block, existing, count=1)
    separator = "" if not existing or existing.endswith("\n") else "\n"
    return existing + separator + ("\n" if existing else "") + block
