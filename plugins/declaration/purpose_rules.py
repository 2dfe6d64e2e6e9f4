"""Rules for each processing purpose: what its legal basis, sources, data and form demand.

These are the mistakes that make a policy wrong rather than unreadable: a
legitimate-interests purpose that never says which interest, a consent purpose
with no way to withdraw, a retention that never ends.
"""

from __future__ import annotations

from typing import Any

from .countries import country_in_sentence
from .errors import Loc, closest
from .model import BROWSER, DATA_SUBJECT
from .raw import Findings, entries, given, items, mapping, member, text
from .statutory import RECORD_ADVICE, known_countries, record_periods
from .vocab import (
    Jurisdiction,
    LegalBasis,
    SensitiveKind,
    SpecialCategoryCondition,
    StatutoryRecords,
)

_VAGUE = "as long as necessary"


def check_purposes(data: dict[str, Any], laws: set[Jurisdiction], findings: Findings) -> None:
    sensitive = _sensitive_categories(data)
    gdpr = bool(laws & {Jurisdiction.EU_GDPR, Jurisdiction.UK_GDPR})
    country = mapping(mapping(data.get("controller")).get("address")).get("country")
    for index, entry in entries(data, "processing"):
        loc: Loc = ("processing", index)
        _basis(entry, loc, findings)
        _sources(entry, loc, findings)
        _retention(entry, loc, findings)
        _statutory(entry, loc, country, findings)
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
    unknown = False
    for position, source in enumerate(sources):
        if source not in (DATA_SUBJECT, BROWSER) and " " not in source.strip():
            unknown = True
            how = (
                f"write {DATA_SUBJECT} for data people give themselves, {BROWSER} for what their "
                'browser sends by itself, or name the source in words, e.g. "the public trade '
                'register"'
            )
            guess = closest(source, [DATA_SUBJECT, BROWSER])
            if guess:
                how = f"did you mean {guess}? ({how})"
            findings.add((*loc, "sources", position), f'"{source}" is not a known source; {how}')
    from_person = DATA_SUBJECT in sources or BROWSER in sources
    # GDPR Art. 13(2)(e): whether giving the data is a statutory or contractual requirement,
    # whether people must give it, and what happens if they do not.
    if from_person and not given(entry, "provision"):
        findings.require(
            loc,
            "provision",
            "the data comes from the people themselves (GDPR Art. 13(2)(e))",
            '{obligation: none, consequence: "what happens without the data"}',
        )
    form = text(entry.get("form"))
    if form and sources and DATA_SUBJECT not in sources and not unknown:
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
    if given(retention, "statutory"):
        if has_duration or has_criteria:
            key = "duration" if has_duration else "criteria"
            findings.forbid(where, key, "statutory sets the period", "keep only statutory")
        return
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


def _statutory(entry: dict[str, Any], loc: Loc, country: Any, findings: Findings) -> None:
    """A statutory record-keeping purpose: Art. 6(1)(c) GDPR, with the controller's country's
    periods (statutory.py), never a form's messages."""
    where: Loc = (*loc, "retention", "statutory")
    records = member(mapping(entry.get("retention")).get("statutory"), StatutoryRecords)
    if records is None:
        return
    basis = member(entry.get("legal_basis"), LegalBasis)
    if basis is not None and basis is not LegalBasis.LEGAL_OBLIGATION:
        findings.add(
            (*loc, "legal_basis"),
            f"records kept because a law requires it rely on legal_obligation (GDPR Art. 6(1)(c)), "
            f"not {basis}; write legal_basis: legal_obligation",
        )
    if given(entry, "form"):
        findings.forbid(
            loc, "form", "a form's messages follow its own retention, not statutory records"
        )
    if isinstance(country, str) and not record_periods(records, country):
        duration, law = RECORD_ADVICE.get(country, ("P6Y", ""))
        advice = f"duration: {duration} ({law})" if law else f"e.g. duration: {duration}"
        findings.add(
            where,
            f"the kit knows the periods for {records} only in "
            f"{', '.join(known_countries(records))}, not in {country_in_sentence(country)}; "
            f"write the duration your law sets instead, {advice}, and name the law in purpose",
        )
