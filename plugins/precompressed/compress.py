"""Write .gz and .br copies beside each text file, for static hosts that serve them as they are.

A copy counts as current when its modification time equals its source's: the compressor sets it
so after writing, and any rewrite of the source changes the source's time. Unchanged files are
therefore never compressed twice, and a source changed after it was compressed (by a later plugin)
is caught by the final pass. gzip runs at level 6 and Brotli at quality 5: the highest levels
save little on these pages for many times the CPU (bench/README.md). Both are deterministic: the
gzip header carries no time and no name.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from pathlib import Path

TEXT_SUFFIXES = frozenset({".html", ".css", ".xml", ".txt", ".svg", ".json", ".js", ".atom"})
GZIP_LEVEL = 6
BROTLI_QUALITY = 5
COPIES = (".gz", ".br")


def is_text_asset(path: Path | str) -> bool:
    return os.path.splitext(path)[1].lower() in TEXT_SUFFIXES


def text_assets(folder: Path) -> Iterator[Path]:
    for root, _, files in os.walk(folder):
        for name in files:
            if is_text_asset(name):
                yield Path(root, name)


def copy_paths(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")


def is_current(path: Path, mtime_ns: int) -> bool:
    try:
        return all(os.stat(copy).st_mtime_ns == mtime_ns for copy in copy_paths(path))
    except OSError:
        return False


def compress_file(path: Path) -> bool:
    """Bring ``path``'s copies up to date; False when the file changed while being read."""
    before = os.stat(path)
    if is_current(path, before.st_mtime_ns):
        return True
    data = path.read_bytes()
    after = os.stat(path)
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        return False
    import brotli  # here: the build's own process only asks is_current(), never compresses

    blobs = (
        gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0),
        brotli.compress(data, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY),
    )
    for copy, blob in zip(copy_paths(path), blobs, strict=True):
        with open(copy, "wb") as handle:
            handle.write(blob)
        os.utime(copy, ns=(before.st_atime_ns, before.st_mtime_ns))
    return True


def compress(path: Path) -> None:
    """Bring `path`'s copies up to date, trying twice; OSError when it keeps changing."""
    if not (compress_file(path) or compress_file(path)):
        raise OSError("it kept changing while being read")
