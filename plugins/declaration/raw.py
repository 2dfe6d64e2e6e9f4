"""Careful reading of the not-yet-validated YAML data, for the cross-field checks.

The checks run on the raw data, beside the model's validation, so that a
missing legitimate interest is reported in the same run as a typo elsewhere.
These helpers return nothing for a part of the wrong shape: validation
already reports that, and a check must never report a second, confusing error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from .errors import Loc

E = TypeVar("E", bound=StrEnum)


@dataclass
class Findings:
    """Problems found by the checks, as (path, message) pairs."""

    items: list[tuple[Loc, str]] = field(default_factory=list)
    required: set[Loc] = field(default_factory=set)  # where a missing key was reported

    def add(self, loc: Loc, message: str) -> None:
        self.items.append((loc, message))

    def require(self, loc: Loc, key: str, reason: str, write: str) -> None:
        """`key` under `loc` is needed because of `reason`; `write` shows what to add."""
        self.required.add((*loc, key))
        self.add((*loc, key), f"required because {reason}; add {key}: {write}")

    def forbid(self, loc: Loc, key: str, reason: str, fix: str = "remove it") -> None:
        """`key` under `loc` is given although `reason` says it has no place there."""
        self.add((*loc, key), f"given, but {reason}; {fix}")

    def only_when(
        self,
        part: dict[str, Any],
        loc: Loc,
        key: str,
        needed: bool,
        why: tuple[str, str],
        write: str,
        fix: str = "remove it",
    ) -> None:
        """`key` of `part` must be given exactly when `needed`; why = (why needed, why not)."""
        if needed and not given(part, key):
            self.require(loc, key, why[0], write)
        elif not needed and given(part, key):
            self.forbid(loc, key, why[1], fix)


def mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def entries(data: dict[str, Any], key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, entry) for each mapping in the list `data[key]`."""
    for index, entry in enumerate(items(data.get(key))):
        if isinstance(entry, dict):
            yield index, entry


def text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def given(data: dict[str, Any], key: str) -> bool:
    """The key is present with a value (null counts as absent)."""
    return data.get(key) is not None


def member(value: Any, enum: type[E]) -> E | None:
    """The enum member for a valid value; None for anything else."""
    return enum(value) if isinstance(value, str) and value in enum._value2member_map_ else None


def ids(data: dict[str, Any], key: str) -> dict[str, int]:
    """Declared ids of the list `data[key]`, each with the index of its first entry."""
    found: dict[str, int] = {}
    for index, entry in entries(data, key):
        ident = text(entry.get("id"))
        if ident is not None and ident not in found:
            found[ident] = index
    return found


def url_host(url: Any) -> str | None:
    """Lower-case host of an http(s) URL written in the file, or None."""
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        return None
    return url.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0].lower() or None
