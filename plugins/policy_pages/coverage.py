"""The coverage report: for each requirement id, where the policy meets it, or why not applicable.

Computed from the documents the pages are rendered from, so it cannot claim a
section the page does not have. A requirement that applies but that no page
meets is a gap, and the build refuses to publish a policy with a gap.
"""

from __future__ import annotations

from dataclasses import dataclass

from declaration import Declaration

from .catalog import CATALOG, Requirement, gdpr_reason
from .document import Document

FURTHER_PROCESSING = "gdpr.further_processing"


@dataclass(frozen=True)
class Coverage:
    report: dict[str, str]  # id -> "/privacy/#req-..." or "n/a: reason"
    gaps: tuple[Requirement, ...]


def where_met(documents: tuple[Document, ...]) -> dict[str, str]:
    """The first place (page, or page#anchor) that meets each requirement."""
    met: dict[str, str] = {}
    for document in documents:
        for requirement in document.meets:
            met.setdefault(requirement, f"/{document.url}")
        for part, _ in document.walk():
            for requirement in part.meets:
                met.setdefault(requirement, f"/{document.url}#{part.id}")
    return met


def coverage(
    declaration: Declaration, documents: tuple[Document, ...], purposes_added: bool
) -> Coverage:
    met = where_met(documents)
    report: dict[str, str] = {}
    gaps: list[Requirement] = []
    for requirement in CATALOG:
        reason = requirement.when(declaration)
        if reason is None and requirement.id not in met:
            gaps.append(requirement)
        report[requirement.id] = f"n/a: {reason}" if reason else met.get(requirement.id, "")
        if requirement.id == "gdpr.special_categories":
            report[FURTHER_PROCESSING] = _further_processing(declaration, met, purposes_added)
    return Coverage(report, tuple(gaps))


def _further_processing(declaration: Declaration, met: dict[str, str], added: bool) -> str:
    """GDPR 13(3): a purpose added after collection is announced in the history, dated."""
    reason = gdpr_reason(declaration) or (None if added else "no release added a purpose")
    return f"n/a: {reason}" if reason else met[FURTHER_PROCESSING]
