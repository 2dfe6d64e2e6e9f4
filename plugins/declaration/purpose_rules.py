"""Rules for each processing purpose: what its legal basis, sources, data and form demand.

These are the mistakes that make a policy wrong rather than unreadable: a
legitimate-interests purpose that never says which interest, a consent purpose
with no way to withdraw, a retention that never ends.
"""

from __future__ import annotations

from typing import Any

from .errors import Loc, closest
from .model import DATA_SUBJECT
from .raw import Findings, entries, given, items, member, text
from .vocab import Jurisdiction, LegalBasis, SensitiveKind, SpecialCategoryCondition

_VAGUE = "as long as necessary"


def check_purposes(data: dict[str, Any], laws: set[Jurisdiction], findings: Findings) -> None:
    sensitive = _sensitive_categories(data)
    gdpr = bool(laws & {Jurisdiction.EU_GDPR, Jurisdiction.UK_GDPR})
    for index, entry in entries(data, "processing"):
        loc: Loc = ("processing", index)
        _basis(entry, loc, findings)
        _sources(entry, loc, findings)
        _retention(entry, loc, findings)
        if gdpr:
            _special_categories(entry, sensitive, loc, findings)


def _basis(entry: dict[str, Any], loc: Loc, findings: Findings) -> None:
    basis = member(entry.get("legal_basis"), LegalBasis)
    if basis is None:
        return
    findings.only_when(
        entry,
        loc,
        "legitimate_interest",
        basis is LegalBasis.LEGITIMATE_INTERESTS,
        ("legal_basis is legitimate_interests", f"legal_basis is {basis}"),
        'the specific interest pursued, e.g. "Replying to enquiries about our products"',
        "remove it, or set legal_basis: legitimate_interests",
    )
    findings.only_when(
        entry,
        loc,
        "consent",
        basis is LegalBasis.CONSENT,
        ("legal_basis is consent (GDPR Art. 7(3))", f"legal_basis is {basis}"),
        '{withdraw: "how to withdraw, e.g. the unsubscribe link in each e-mail"}',
        "remove it, or set legal_basis: consent",
    )


def _sources(entry: dict[str, Any], loc: Loc, findings: Findings) -> None:
    sources = [source for source in items(entry.get("sources")) if isinstance(source, str)]
    for position, source in enumerate(sources):
        if source != DATA_SUBJECT and " " not in source.strip():
            how = (
                f"write {DATA_SUBJECT} for data people give themselves, or name the source in "
                'words, e.g. "the public trade register"'
            )
            if closest(source, [DATA_SUBJECT]):
                how = f"did you mean {DATA_SUBJECT}? ({how})"
            findings.add((*loc, "sources", position), f'"{source}" is not a known source; {how}')
    from_person = DATA_SUBJECT in sources
    if from_person and not given(entry, "provision"):
        findings.require(
            loc,
            "provision",
            "sources include data_subject (GDPR Art. 13(2)(e))",
            '{required: true, consequence: "what happens without the data"}',
        )
    form = text(entry.get("form"))
    if form and sources and not from_person:
        findings.add(
            (*loc, "sources"),
            f'the form "{form}" collects data from the people who fill it in; '
            f"add {DATA_SUBJECT} to sources",
        )


def _retention(entry: dict[str, Any], loc: Loc, findings: Findings) -> None:
    retention = entry.get("retention")
    if not isinstance(retention, dict):
        return
    where: Loc = (*loc, "retention")
    has_duration, has_criteria = given(retention, "duration"), given(retention, "criteria")
    form = text(entry.get("form"))
    if form and not has_duration:
        findings.require(
            where,
            "duration",
            f'the form "{form}" collects for this purpose and its messages are deleted after '
            "this duration",
            "an ISO 8601 duration like P6M",
        )
    elif not has_duration and not has_criteria:
        findings.require(
            where,
            "duration",
            "the policy must say how long the data is kept",
            "an ISO 8601 duration like P6M (or criteria: the event that ends it)",
        )
    elif has_duration and has_criteria:
        findings.forbid(where, "criteria", "a duration is given too", "keep only one of the two")
    after = text(retention.get("after"))
    if form and after:
        # One retention rule: the inbox deletes a message by the moment it received it, which is
        # all it knows; a period counted from anything else would be promised but not kept.
        findings.add(
            (*where, "after"),
            f"the contact inbox deletes each message a fixed time after receiving it and cannot "
            f'know when "{after}"; remove after: (the period then counts from when the message '
            "is received)",
        )
    criteria = text(retention.get("criteria"))
    if criteria and _VAGUE in criteria.lower():
        findings.add(
            (*where, "criteria"),
            f'"{_VAGUE}" does not say when the data is deleted; name the event that ends it '
            '(e.g. "you unsubscribe") or give a duration',
        )


def _sensitive_categories(data: dict[str, Any]) -> dict[str, SensitiveKind]:
    found: dict[str, SensitiveKind] = {}
    for _, category in entries(data, "data_categories"):
        ident, kind = text(category.get("id")), member(category.get("sensitive"), SensitiveKind)
        if ident and kind and kind.gdpr_special:
            found.setdefault(ident, kind)
    return found


def _special_categories(
    entry: dict[str, Any], sensitive: dict[str, SensitiveKind], loc: Loc, findings: Findings
) -> None:
    special = [i for i in items(entry.get("data")) if isinstance(i, str) and i in sensitive]
    if special and not given(entry, "special_category_condition"):
        kind = sensitive[special[0]]
        findings.require(
            loc,
            "special_category_condition",
            f"data category {special[0]} is {kind.label}, a special category of GDPR Art. 9",
            "the Art. 9(2) condition, one of " + ", ".join(SpecialCategoryCondition),
        )
    elif not special and given(entry, "special_category_condition"):
        findings.forbid(
            loc,
            "special_category_condition",
            "none of this purpose's data categories is a GDPR special category",
            "remove it, or mark the data category with sensitive: <kind>",
        )
