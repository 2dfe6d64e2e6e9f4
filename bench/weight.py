"""Page weight of the full site's build: the heaviest page and the archives index, gzipped.

Read from the .gz copies a publish build writes (what a host serving them sends), or, for a
development build, which writes none, compressed here the same way; plus the one stylesheet every
page links. tests/performance/test_page_weight.py holds the 14 KB budget.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from precompressed.compress import GZIP_LEVEL

ARCHIVES = Path("archives/index.html")


def gzipped(path: Path) -> int:
    copy = path.with_name(path.name + ".gz")
    if copy.exists():
        return copy.stat().st_size
    return len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0))


def describe(output: Path) -> str:
    stylesheets = sorted(output.rglob("*.css"))
    css = sum(gzipped(sheet) for sheet in stylesheets)
    heaviest, heaviest_page = 0, Path()
    archives = 0
    for page in output.rglob("*.html"):
        weight = gzipped(page) + css
        relative = page.relative_to(output)
        if relative == ARCHIVES:
            archives = weight
        elif weight > heaviest:
            heaviest, heaviest_page = weight, relative
    return (
        f"Page weight (gzip, with its stylesheet): heaviest page {heaviest / 1024:.1f} KB "
        f"(/{heaviest_page.parent.as_posix()}/), budget 14 KB; the archives index, the one "
        f"exception, {archives / 1024:.1f} KB."
    )
