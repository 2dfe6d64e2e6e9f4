"""What the last build left in an output folder: for each page, its fingerprint and file stamp.

It lives in the cache folder, one file per output folder (named after the folder's device and
inode, which survive the renames strict-build publishes with), never inside the output itself.
An entry is trusted only while the file still has the size and modification time recorded when
it was written, so a file that anything else changed since is rendered again.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path

FORMAT = 2  # 2: entries with __slots__ (100 bytes less each, 3,600 pages a build)
KEEP = 4  # manifests of folders no longer in use are pruned beyond this many


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: bytes
    size: int
    mtime_ns: int

    def matches(self, path: str) -> bool:
        try:
            stat = os.stat(path)
        except OSError:
            return False
        return stat.st_size == self.size and stat.st_mtime_ns == self.mtime_ns


def manifest_path(cache: Path, output: Path) -> Path:
    stat = os.stat(output)
    return cache / "fast-build" / f"{stat.st_dev}-{stat.st_ino}.pickle"


def load(cache: Path, output: Path) -> dict[str, Entry]:
    try:
        with open(manifest_path(cache, output), "rb") as handle:
            version, entries = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        return {}
    return entries if version == FORMAT else {}


def save(cache: Path, output: Path, entries: dict[str, Entry]) -> None:
    """Write atomically, then prune manifests of folders that are long gone."""
    path = manifest_path(cache, output)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with open(partial, "wb") as handle:
        pickle.dump((FORMAT, entries), handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)
    others = sorted(
        (p for p in path.parent.glob("*.pickle") if p != path),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in others[KEEP - 1 :]:
        old.unlink(missing_ok=True)
