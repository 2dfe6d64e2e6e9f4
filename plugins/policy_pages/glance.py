"""'At a glance': the whole policy in a few plain lines, before the detail.

Every line is derived from the same declaration as the sections below and links
to the part that says more, so the summary can never promise what the detail
does not say.
"""

from __future__ import annotations

from declaration import Declaration, Jurisdiction, LegalBasis

from .document import Bullets, Declared, Link, Section, Spans
from .lang import fill, language_of, words_for
from .sections_caloppa import third_party_storage
from .wording import (
    address_text,
    channels_list,
    gdpr_name,
    join,
    joined,
    labels,
    purpose_link,
    retention_spans,
    url_of,
)


def glance_section(declaration: Declaration) -> Section:
    c = declaration.controller
    w = words_for(declaration)
    language = language_of(declaration)
    items: list[Spans] = [
        fill(
            w.GLANCE_WHO,
            name=Declared(c.legal_name, ("controller", "legal_name"), lint=False),
            address=address_text(c.address, language),
        )
    ]
    for index, entry in enumerate(declaration.processing):
        kept = retention_spans(
            entry.retention,
            ("processing", index, "retention"),
            c.address.country,
            form=entry.form is not None,
            language=language,
        )
        period = entry.retention.duration or entry.retention.statutory
        items.append(
            fill(
                w.GLANCE_PURPOSE,
                purpose=purpose_link(entry),
                data=labels(declaration, entry),
                kept=fill(w.FOR, period=kept) if period else kept,
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
    return Section(w.GLANCE_HEADING, (Bullets(tuple(items)),), anchor="at-a-glance")


def _recipients(declaration: Declaration) -> Spans:
    w = words_for(declaration)
    if not declaration.recipients:
        return (w.GLANCE_NOBODY,)
    names = [
        (
            Link(r.name, f"#recipient-{r.id}"),
            f" ({w.country(r.country)}{w.COLON}",
            Declared(r.purpose, ("recipients", index, "purpose")),
            ")",
        )
        for index, r in enumerate(declaration.recipients)
    ]
    return fill(w.GLANCE_RECIPIENTS, names=joined(names, w.AND))


def _storage(declaration: Declaration) -> Spans:
    w = words_for(declaration)
    if not declaration.storage:
        return (w.GLANCE_NO_STORAGE,)
    count = len(declaration.storage)
    consent = sum(1 for item in declaration.storage if item.consent_required)
    link = Link(w.COOKIE_STATEMENT_LINK, url_of(declaration, "cookies"))
    return fill(w.glance_storage(count, consent), link=link)


def _tracking(declaration: Declaration) -> Spans:
    w = words_for(declaration)
    trackers = third_party_storage(declaration)
    if not trackers:
        return (w.GLANCE_NO_TRACKING,)
    names = joined([(Link(r.name, f"#recipient-{r.id}"),) for r in trackers], w.AND)
    return fill(w.GLANCE_TRACKING, names=names)


def _rights(declaration: Declaration) -> Spans | None:
    w = words_for(declaration)
    words: list[str] = []
    target = "#your-rights"
    if gdpr_name(declaration):
        bases = declaration.legal_bases
        said = w.GLANCE_RIGHTS
        words = [said["access"], said["restrict"]]
        if bases & {LegalBasis.CONSENT, LegalBasis.CONTRACT}:
            words.append(said["portability"])
        if bases & {LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK}:
            words.append(said["object"])
        if LegalBasis.CONSENT in bases or any(i.consent_required for i in declaration.storage):
            words.append(said["withdraw"])
        words.append(
            w.complain_to(
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
    ways = joined(list(channels_list(declaration)), w.OR)
    return fill(
        w.GLANCE_YOUR_RIGHTS,
        rights=Link(w.RIGHTS_HEADING, target),
        can=join(words, w.AND),
        ways=ways,
    )
