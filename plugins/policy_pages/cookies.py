"""Cookies and similar storage: the inventory (or the plain statement that there is none).

The same inventory section appears in the privacy policy and opens the cookie
statement; the cookie statement adds how to consent, refuse and withdraw when
an item needs consent (ePrivacy Art. 5(3); UK PECR reg. 6 and Sch. A1).
"""

from __future__ import annotations

from datetime import date

from declaration import (
    FIRST_PARTY,
    ConsentRecord,
    Declaration,
    Jurisdiction,
    LegalBasis,
    StorageExemption,
    StorageItem,
)

from .document import (
    Block,
    Bullets,
    Declared,
    Document,
    Link,
    Paragraph,
    Row,
    Section,
    Spans,
    Table,
)
from .lang import words_for
from .wording import (
    COOKIES_URL,
    channels_list,
    joined,
    last_updated,
    privacy_policy_section,
    purpose_link,
    site_link,
    stop,
)

# The provision that exempts each kind of storage from consent, by law (checked 2026-12-03):
# Germany's §25(2) TDDDG (No. 1: transmission, No. 2: strictly necessary) implements ePrivacy
# Art. 5(3) for providers established there; elsewhere in the EU the Directive's own words;
# the UK's PECR reg. 6(4)(a)/(b), and Sch. A1 for statistics and appearance (DUAA 2025 s.112).
_CITATIONS = {
    "DE": {
        StorageExemption.STRICTLY_NECESSARY: "§25(2) No. 2 TDDDG",
        StorageExemption.COMMUNICATION: "§25(2) No. 1 TDDDG",
    },
    "EU": {
        StorageExemption.STRICTLY_NECESSARY: "Art. 5(3) ePrivacy Directive",
        StorageExemption.COMMUNICATION: "Art. 5(3) ePrivacy Directive",
    },
    "UK": {
        StorageExemption.STRICTLY_NECESSARY: "PECR reg. 6(4)(b)",
        StorageExemption.COMMUNICATION: "PECR reg. 6(4)(a)",
        StorageExemption.UK_STATISTICS: "PECR reg. 6 and Sch. A1",
        StorageExemption.UK_APPEARANCE: "PECR reg. 6 and Sch. A1",
    },
}


def exemption_citations(declaration: Declaration, exemption: StorageExemption) -> list[str]:
    """Where the declared laws exempt this storage from consent."""
    laws = []
    if declaration.applies(Jurisdiction.EPRIVACY):
        laws.append("DE" if declaration.controller.address.country == "DE" else "EU")
    if declaration.applies(Jurisdiction.UK_GDPR):
        laws.append("UK")
    return [_CITATIONS[law][exemption] for law in laws if exemption in _CITATIONS[law]]


def cookie_law(declaration: Declaration) -> bool:
    return declaration.applies(Jurisdiction.EPRIVACY) or declaration.applies(Jurisdiction.UK_GDPR)


def storage_section(declaration: Declaration, on_privacy_page: bool) -> Section:
    """The inventory table, or the statement that the site stores nothing on your device."""
    law = cookie_law(declaration)
    if not declaration.storage:
        block: Block = Paragraph(
            (
                "We do not use cookies or any similar storage on this website: no local storage, "
                "session storage, IndexedDB, cache storage or tracking pixels. The site stores "
                "nothing on your device and reads nothing from it, so there is nothing to consent "
                "to.",
            ),
            meets=("cookies.none",) if law else (),
        )
        blocks: tuple[Block, ...] = (block,)
    else:
        blocks = (
            Paragraph(("This site stores these items on your device, or reads them from it:",)),
            _inventory(declaration, law),
        )
        if on_privacy_page and any(item.consent_required for item in declaration.storage):
            blocks += (
                Paragraph(
                    (
                        "How to accept, refuse or change your choice: see the ",
                        site_link("cookie statement", "/" + COOKIES_URL),
                        ".",
                    )
                ),
            )
    return Section("Cookies and similar storage", blocks, anchor="storage")


def _inventory(declaration: Declaration, law: bool) -> Table:
    meets: list[str] = []
    if law:
        meets += ["cookies.inventory", "cookies.duration", "cookies.legal_basis"]
        if any(not item.consent_required for item in declaration.storage):
            meets.append("cookies.exemption_cited")
        if any(item.type != "cookie" for item in declaration.storage):
            meets.append("cookies.similar_tech")
        if any(item.provider != FIRST_PARTY for item in declaration.storage):
            meets.append("cookies.third_party_identity")
    return Table(
        "Cookies and similar storage on this site",
        ("Name", "Type", "Set by", "Purpose", "How long it lasts", "Legal basis"),
        tuple(_row(declaration, item, index) for index, item in enumerate(declaration.storage)),
        meets=tuple(meets),
    )


def _row(declaration: Declaration, item: StorageItem, index: int) -> Row:
    loc = ("storage", index)
    if item.provider == FIRST_PARTY:
        provider: Spans = ("us (first party)",)
    else:
        recipient = declaration.recipient(item.provider)
        name = recipient.name
        provider = (
            (Link(name, recipient.privacy_url), " (third party)")
            if recipient.privacy_url
            else (name, " (third party)")
        )
    if item.consent_required or item.exemption is None:
        basis = "your consent"
    else:
        citations = exemption_citations(declaration, item.exemption)
        basis = words_for(declaration).exemption(item.exemption.value, citations)
    return Row(
        (
            (Declared(item.name, (*loc, "name"), lint=False),),
            (item.type.label,),
            provider,
            (Declared(stop(item.purpose), (*loc, "purpose")),),
            (str(item.duration),),
            (basis,),
        ),
        anchor=f"storage-{index}",
    )


def cookie_statement(declaration: Declaration, updated: date | None) -> Document:
    law = cookie_law(declaration)
    sections = [storage_section(declaration, on_privacy_page=False)]
    consented = [item for item in declaration.storage if item.consent_required]
    if consented:
        sections += _consent_sections(declaration, consented, law)
    uk_exempt = [item for item in declaration.storage if item.exemption and item.exemption.uk_only]
    if uk_exempt:
        sections.append(_uk_objection(declaration, uk_exempt))
    sections.append(
        privacy_policy_section(
            "Your personal data",
            "How we handle personal data in general, and your rights, are set out in our ",
            "personal-data",
        )
    )
    return Document(
        key="cookies",
        title="Cookie statement",
        url=COOKIES_URL,
        intro=(
            Paragraph(
                (
                    "This statement lists everything the website ",
                    Declared(declaration.site.name, ("site", "name"), lint=False),
                    " stores on your device or reads from it: cookies, and similar technologies "
                    "such as local storage and pixels.",
                )
            ),
            last_updated(updated, ("cookies.last_updated",) if law else ()),
        ),
        sections=tuple(sections),
        meets=("meta.link_everywhere",),
    )


def _consent_sections(
    declaration: Declaration, consented: list[StorageItem], law: bool
) -> list[Section]:
    def meets(*ids: str) -> tuple[str, ...]:
        return ids if law else ()

    names = joined(
        [
            (Declared(i.name, ("storage", declaration.storage.index(i), "name"), lint=False),)
            for i in consented
        ]
    )
    refusals = tuple(
        (
            Declared(item.name, ("storage", declaration.storage.index(item), "name"), lint=False),
            ": ",
            Declared(
                stop(item.if_refused or ""),
                ("storage", declaration.storage.index(item), "if_refused"),
            ),
        )
        for item in consented
    )
    sections = [
        Section(
            "Your choice",
            (
                Paragraph(
                    (
                        "We set ",
                        *names,
                        " only after you agree; until then the site neither sets nor reads "
                        f"{'it' if len(consented) == 1 else 'them'}. Refusing is as easy as "
                        "agreeing.",
                    )
                ),
            ),
            meets=meets("cookies.how_to_consent", "cookies.prior_consent"),
            anchor=None if law else "your-choice",
        ),
        Section(
            "Changing or withdrawing your choice",
            (
                Paragraph(
                    (
                        "You can withdraw your consent at any time, with effect for the future, "
                        "as easily as you gave it:",
                    )
                ),
                Bullets(_withdraw_ways(declaration, consented)),
            ),
            meets=meets("cookies.withdraw"),
            anchor=None if law else "withdraw",
        ),
        Section(
            "If you refuse",
            (Paragraph(("Without your consent, this is what does not work:",)), Bullets(refusals)),
            meets=meets("cookies.refusal_consequence"),
            anchor=None if law else "if-you-refuse",
        ),
    ]
    if declaration.consent:
        w = words_for(declaration)
        kept = stored_choice(declaration.consent)
        sections.append(
            Section(
                w.choice_kept_heading(kept is not None),
                (Paragraph(w.choice_kept(kept)),),
                meets=meets("cookies.choice_retention"),
                anchor=None if law else "choice",
            )
        )
    return sections


def stored_choice(record: ConsentRecord) -> str | None:
    """How long a stored consent choice is kept, as the policy says it; None when the choice
    is not stored (see declaration.notice_rules: ePrivacy Art. 5(3), CNIL 2020-092)."""
    if not record.remembered or record.record_duration is None:
        return None
    return str(record.record_duration)


def _withdraw_ways(declaration: Declaration, consented: list[StorageItem]) -> tuple[Spans, ...]:
    """The withdrawal routes of the consent purposes that use these items' providers, then us."""
    providers = {item.provider for item in consented}
    ways: list[Spans] = []
    for index, entry in enumerate(declaration.processing):
        if (
            entry.legal_basis is LegalBasis.CONSENT
            and entry.consent
            and providers & set(entry.recipients)
        ):
            ways.append(
                (
                    purpose_link(entry, on_privacy_page=False),
                    ": ",
                    Declared(
                        stop(entry.consent.withdraw), ("processing", index, "consent", "withdraw")
                    ),
                )
            )
    for channel in channels_list(declaration):
        ways.append(("Tell us ", *channel))
    return tuple(ways)


def _uk_objection(declaration: Declaration, items: list[StorageItem]) -> Section:
    names = joined(
        [
            (Declared(i.name, ("storage", declaration.storage.index(i), "name"), lint=False),)
            for i in items
        ]
    )
    return Section(
        "Objecting to statistics and appearance storage",
        (
            Paragraph(
                (
                    "UK law (PECR, as amended by the Data (Use and Access) Act 2025) lets us set ",
                    *names,
                    " without asking first, because they only count visits or remember how the "
                    "site looks for you. You can object at any time, and we then stop. Tell us:",
                )
            ),
            Bullets(channels_list(declaration)),
        ),
        meets=("cookies.uk_exempt_objection",),
    )
