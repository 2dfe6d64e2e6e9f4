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
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # missing or damaged: start over, it is only a cache
        if isinstance(stored, dict) and stored.get("key") == self.key:
            self.entries = stored.get("files", {})

    def get(self, path: str, content_digest: str) -> FileScan | None:
        entry = self.entries.get(path)
        if entry is None or entry[0] != content_digest:
            return None
        try:
            scan = FileScan.from_dict(path, entry[1])
        except (KeyError, TypeError, ValueError):
            return None
        self.fresh[path] = entry
        self.hits += 1
        return scan

    def put(self, scan: FileScan, content_digest: str) -> None:
        self.fresh[scan.path] = [content_digest, scan.to_dict()]

    def save(self) -> None:
        """Keep only this run's files; write atomically so a crash leaves the old cache."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + f".{os.getpid()}.partial")
        data = {"key": self.key, "files": self.fresh}
        partial.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        partial.replace(self.path)
