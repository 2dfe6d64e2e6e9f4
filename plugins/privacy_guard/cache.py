"""Skip files whose content has not changed since the last audit.

Scans are stored by content hash; they do not depend on the declaration, so a
changed declaration needs no rescan. The key holds the engine and dataset
versions: a new scanner or a refreshed dataset invalidates everything.

The file has a header line, then one line per file: its content digest, its
path and its scan, as JSON. Lines are written one at a time and a scan is
parsed only when its file is unchanged, so neither saving nor loading holds a
second copy of every scan in memory.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .findings import FileScan

ENGINE_VERSION = "3"


def digest(data: bytes) -> str:
    """SHA-256, which processors compute in hardware (faster here than BLAKE2b)."""
    return hashlib.sha256(data).hexdigest()[:32]


class ScanCache:
    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self.key = f"{ENGINE_VERSION}/{key}"
        self.entries: dict[str, tuple[str, str]] = {}  # path -> (digest, scan as JSON)
        self.fresh: dict[str, tuple[str, FileScan]] = {}
        self.hits = 0
        self.trusted: list[str] | None = None
        try:
            with path.open(encoding="utf-8") as handle:
                header = json.loads(handle.readline())
                if not isinstance(header, dict) or header.get("key") != self.key:
                    return
                entries = {}
                for line in handle:
                    content_digest, name, scan = line.split("\t", 2)
                    entries[json.loads(name)] = (content_digest, scan)
        except (OSError, ValueError):
            return  # missing or damaged: start over, it is only a cache
        self.entries = entries
        self.trusted = header.get("trusted")

    def bind(self, trusted: frozenset[str] | None) -> None:
        """Scans made for other first-party hosts may have skipped the parser wrongly."""
        wanted = sorted(trusted) if trusted is not None else None
        if wanted != self.trusted:
            self.entries = {}
        self.trusted = wanted

    def lookup(self, path: str, content_digest: str) -> FileScan | None:
        entry = self.entries.get(path)
        if entry is None or entry[0] != content_digest:
            return None
        try:
            return FileScan.from_dict(path, json.loads(entry[1]))
        except (KeyError, TypeError, ValueError):
            return None

    def keep(self, scan: FileScan, content_digest: str, reused: bool) -> None:
        """Remember this run's scan of a file (only this run's files are saved)."""
        self.fresh[scan.path] = (content_digest, scan)
        self.hits += reused

    def save(self) -> None:
        """Keep only this run's files; write atomically so a crash leaves the old cache."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + f".{os.getpid()}.partial")
        try:
            with partial.open("w", encoding="utf-8") as handle:
                header = {"key": self.key, "trusted": self.trusted}
                handle.write(json.dumps(header, separators=(",", ":")) + "\n")
                for name, (content_digest, scan) in self.fresh.items():
                    line = (
                        f"{json.dumps(name)}\t{json.dumps(scan.to_dict(), separators=(',', ':'))}"
                    )
                    handle.write(f"{content_digest}\t{line}\n")
            partial.replace(self.path)
        except OSError as e:  # leave no half-written file; name the cache, not the partial
            partial.unlink(missing_ok=True)
            raise OSError(e.errno, e.strerror, str(self.path)) from None
