"""Skip files whose content has not changed since the last audit.

Scans are stored by content hash; they do not depend on the declaration, so a
changed declaration needs no rescan. The key holds the engine and dataset
versions: a new scanner or a refreshed dataset invalidates everything.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .findings import FileScan

ENGINE_VERSION = "1"


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class ScanCache:
    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self.key = f"{ENGINE_VERSION}/{key}"
        self.entries: dict[str, list] = {}
        self.fresh: dict[str, list] = {}
        self.hits = 0
        self.trusted: list[str] | None = None
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # missing or damaged: start over, it is only a cache
        if isinstance(stored, dict) and stored.get("key") == self.key:
            self.entries = stored.get("files", {})
            self.trusted = stored.get("trusted")

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
            return FileScan.from_dict(path, entry[1])
        except (KeyError, TypeError, ValueError):
            return None

    def keep(self, scan: FileScan, content_digest: str, reused: bool) -> None:
        """Remember this run's scan of a file (only this run's files are saved)."""
        self.fresh[scan.path] = [content_digest, scan.to_dict()]
        self.hits += reused

    def save(self) -> None:
        """Keep only this run's files; write atomically so a crash leaves the old cache."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + f".{os.getpid()}.partial")
        data = {"key": self.key, "trusted": self.trusted, "files": self.fresh}
        partial.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        partial.replace(self.path)
