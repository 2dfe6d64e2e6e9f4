"""'At a glance': the whole policy in a few plain lines, before the detail.

Every line is derived from the same declaration as the sections below and links
to the part that says more, so the summary can never promise what the detail
does not say.
"""

from __future__ import annotations

from declaration import Declaration, Jurisdiction, LegalBasis

from .document import Bullets, Declared, Link, Section, Spans
from .lang import words_for
from .sections_caloppa import third_party_storage
from .wording import (
    COOKIES_URL,
    address_text,
    channels_list,
    gdpr_name,
    join,
    joined,
    labels,
    purpose_link,
    retention_spans,
)


def glance_section(declaration: Declaration) -> Section:
    c = declaration.controller
    items: list[Spans] = [
        (
            "Who we are: ",
            Declared(c.legal_name, ("controller", "legal_name"), lint=False),
            f", {address_text(c.address)}.",
        )
    ]
    for index, entry in enumerate(declaration.processing):
        kept = retention_spans(
            entry.retention,
            ("processing", index, "retention"),
            c.address.country,
            form=entry.form is not None,
        )
        items.append(
            (
                purpose_link(entry),
                ": ",
                *labels(declaration, entry),
                "; kept ",
                *(
                    ("for ", *kept)
                    if entry.retention.duration or entry.retention.statutory
                    else kept
                ),
                ".",
            )
        )
    items.append(_recipients(declaration))
    items.append(_storage(declaration))
    items.append(_tracking(declaration))
    if declaration.ccpa.applies:
        ccpa = declaration.ccpa
        done = [w for w, on in (("sell", ccpa.sells), ("share", ccpa.shares)) if on]
        items.append(
            (f"We {join(done)} personal information.",)
            if done
            else ("We do not sell or share your personal information.",)
        )
    rights = _rights(declaration)
    if rights:
        items.append(rights)
    return Section("At a glance", (Bullets(tuple(items)),), anchor="at-a-glance")


def _recipients(declaration: Declaration) -> Spans:
    if not declaration.recipients:
        return ("Nobody outside us receives your personal data.",)
    names = [
        (
            Link(r.name, f"#recipient-{r.id}"),
            f" ({r.country_name}: ",
            Declared(r.purpose, ("recipients", index, "purpose")),
            ")",
        )
        for index, r in enumerate(declaration.recipients)
    ]
    return ("Who else receives it: ", *joined(names), ".")


def _storage(declaration: Declaration) -> Spans:
    if not declaration.storage:
        return ("Cookies: none. This site stores nothing on your device.",)
    count = len(declaration.storage)
    consent = sum(1 for item in declaration.storage if item.consent_required)
    words = f"{count} item{'s' if count != 1 else ''}"
    if consent:
        words += f", {consent} of them only with your consent"
    return (
        f"Cookies and similar storage: {words}; see the ",
        Link("cookie statement", COOKIES_URL),
        ".",
    )


def _tracking(declaration: Declaration) -> Spans:
    trackers = third_party_storage(declaration)
    if not trackers:
        return ("No other company tracks your visits across websites through this site.",)
    return (
        "Other companies that set storage on your device here: ",
        *joined([(Link(r.name, f"#recipient-{r.id}"),) for r in trackers]),
        ".",
    )


def _rights(declaration: Declaration) -> Spans | None:
    words: list[str] = []
    target = "#your-rights"
    if gdpr_name(declaration):
        bases = declaration.legal_bases
        words = ["see, correct and delete your data", "restrict its use"]
        if bases & {LegalBasis.CONSENT, LegalBasis.CONTRACT}:
            words.append("take it with you")
        if bases & {LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK}:
            words.append("object to its use")
        if LegalBasis.CONSENT in bases or any(i.consent_required for i in declaration.storage):
            words.append("withdraw your consent")
        words.append(
            words_for(declaration).complain_to(
                declaration.applies(Jurisdiction.EU_GDPR), declaration.applies(Jurisdiction.UK_GDPR)
            )
        )
    elif declaration.ccpa.applies:
        words = ["know, delete and correct your data", "opt out of its sale or sharing"]
        target = "#req-ccpa.categories_collected"
    elif declaration.applies(Jurisdiction.CA_PIPEDA):
        words = ["see and correct your data", "withdraw your consent"]
        target = "#canada"
    if not words:
        return None
    ways = joined(list(channels_list(declaration)), "or")
    return (
        Link("Your rights", target),
        f": you can {join(words)}. Ask us ",
        *ways,
        ".",
    )
