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
class TransparencyReport:
    build_date: datetime
    pages_scanned: int
    files_scanned: int
    third_parties: tuple[ThirdParty, ...]  # empty: the page says "none"
    storage: tuple[Storage, ...]  # cookies and the like, as declared; empty: "none"
    uses_javascript: bool
    tracker_code: tuple[str, ...]  # declared tracker script families that run
    errors: int
    warnings: int


def build_report(
    result: AuditResult, build_date: datetime, storage: Iterable[object] = ()
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
    return TransparencyReport(
        build_date=build_date,
        pages_scanned=result.pages_scanned,
        files_scanned=result.files_scanned,
        third_parties=third_parties,
        storage=tuple(_storage(item) for item in storage),
        uses_javascript=result.uses_javascript,
        tracker_code=result.tracker_families,
        errors=result.errors,
        warnings=result.warnings,
    )


def _storage(item: object) -> Storage:
    """A declaration storage entry (cookie, local storage...), read by attribute or key."""

    def field(name: str) -> str:
        value = item.get(name) if isinstance(item, dict) else getattr(item, name, None)
        return "" if value is None else str(getattr(value, "value", value))

    return Storage(
        field("name"), field("type"), field("provider"), field("purpose"), field("duration")
    )
