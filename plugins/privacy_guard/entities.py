"""Who is behind a host: the vendored third-party-web dataset, looked up by domain.

The dataset is read once, on first use, from `data/entities.json`
(refresh it with `python -m privacy_guard.refresh_entities`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATASET = Path(__file__).with_name("data") / "entities.json"
# Companies whose host in a script is tracker code wherever it stands, unless only a link to it.
TRACKER_CATEGORIES = frozenset({"advertising", "analytics", "tag manager", "marketing"})


@dataclass(frozen=True, slots=True)
class Entity:
    name: str  # product, e.g. "Google Analytics"
    company: str  # e.g. "Google"
    category: str  # analytics, advertising, social, tag manager, CDN, fonts, video...

    @property
    def label(self) -> str:
        """'Google Analytics (Google)', or just the name when it is the company."""
        return self.name if self.company == self.name else f"{self.name} ({self.company})"


class EntityIndex:
    """Exact domains win; otherwise the longest matching '*.domain' suffix entry."""

    def __init__(self, data: dict) -> None:
        rows = [Entity(*row) for row in data["entities"]]
        self.version: str = data.get("version", "")
        self._exact = {domain: rows[i] for domain, i in data["exact"].items()}
        self._suffix = {domain: rows[i] for domain, i in data["suffix"].items()}

    def lookup(self, host: str) -> Entity | None:
        found = self._exact.get(host)
        if found is not None:
            return found
        candidate = host
        while True:
            found = self._suffix.get(candidate)
            if found is not None:
                return found
            dot = candidate.find(".")
            if dot < 0:
                return None
            candidate = candidate[dot + 1 :]


@cache
def default_index() -> EntityIndex:
    with DATASET.open(encoding="utf-8") as handle:
        return EntityIndex(json.load(handle))


def lookup(host: str) -> Entity | None:
    """Loads the dataset on first use: a site that names no third-party host never does."""
    return default_index().lookup(host)


@cache
def dataset_version() -> str:
    """Names the dataset in cache keys without parsing it: a digest of its bytes."""
    return hashlib.blake2b(DATASET.read_bytes(), digest_size=8).hexdigest()


def is_tracker(host: str) -> bool:
    entity = lookup(host)
    return entity is not None and entity.category in TRACKER_CATEGORIES
