"""What the public transparency report (/privacy/report/) says, from this build's audit.

Plain data for a template: the theme owns the markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .audit import AuditResult


@dataclass(frozen=True)
class ThirdParty:
    host: str
    recipient: str  # the declared recipient's name
    purpose: str
    company: str  # from the tracker dataset, or "" when unknown
    category: str


@dataclass(frozen=True)
class Storage:
    name: str
    type: str
    provider: str
    purpose: str
    duration: str


@dataclass(frozen=True)
class Script:
    path: str  # where it is served, relative to the site's root
    known: str  # a reviewed script's key (known_scripts.py), or "" for one the guard does not know


@dataclass(frozen=True)
class TransparencyReport:
    build_date: datetime
    pages_scanned: int
    files_scanned: int
    third_parties: tuple[ThirdParty, ...]  # empty: the page says "none"
    storage: tuple[Storage, ...]  # cookies and the like, as declared; empty: "none"
    uses_javascript: bool
    tracker_code: tuple[str, ...]  # declared tracker script families that run
    scripts: tuple[Script, ...]  # the site's own script files, named where the guard knows them
    errors: int
    warnings: int


def build_report(
    result: AuditResult,
    build_date: datetime,
    storage: Iterable[object] = (),
    recipient_names: dict[str, str] | None = None,
    scripts: Iterable[Script] = (),
) -> TransparencyReport:
    third_parties = tuple(
        ThirdParty(
            host=use.host,
            recipient=use.recipient.name if use.recipient else "not declared",
            purpose=use.recipient.purpose if use.recipient else "",
            company=use.entity.company if use.entity else "",
            category=use.entity.category if use.entity else "",
        )
        for use in result.third_parties
    )
    names = recipient_names or {}
    return TransparencyReport(
        build_date=build_date,
        pages_scanned=result.pages_scanned,
        files_scanned=result.files_scanned,
        third_parties=third_parties,
        storage=tuple(_storage(item, names) for item in storage),
        uses_javascript=result.uses_javascript,
        tracker_code=result.tracker_families,
        scripts=tuple(scripts),
        errors=result.errors,
        warnings=result.warnings,
    )


def _storage(item: object, recipient_names: dict[str, str]) -> Storage:
    """A declaration storage entry (cookie, local storage...) in words."""

    def field(name: str) -> object:
        return item.get(name) if isinstance(item, dict) else getattr(item, name, None)

    kind = field("type")
    provider = str(field("provider") or "")
    return Storage(
        name=str(field("name") or ""),
        type=str(getattr(kind, "label", None) or kind or "").replace("_", " "),
        provider="this website"
        if provider == "first_party"
        else recipient_names.get(provider, provider),
        purpose=str(field("purpose") or ""),
        duration=duration_words(field("duration")),
    )


_UNITS = (("years", "year"), ("months", "month"), ("weeks", "week"), ("days", "day"),
          ("hours", "hour"), ("minutes", "minute"), ("seconds", "second"))  # fmt: skip


def duration_words(duration: object) -> str:
    """'P1Y6M' -> '1 year 6 months'; 'session' and 'until_cleared' in plain words."""
    iso = getattr(duration, "iso", None)
    if iso is None:
        return "" if duration is None else str(duration)
    if iso == "session":
        return "until you close the browser"
    if iso == "until_cleared":
        return "until you clear it"
    parts = []
    for attribute, unit in _UNITS:
        count = getattr(duration, attribute, 0)
        if count:
            parts.append(f"{count} {unit}{'' if count == 1 else 's'}")
    return " ".join(parts) or iso
