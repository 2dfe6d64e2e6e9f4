"""Cookies and similar storage: the inventory (or the plain statement that there is none).

The same inventory section appears in the privacy policy and opens the cookie
statement; the cookie statement adds how to consent, refuse and withdraw when
an item needs consent (ePrivacy Art. 5(3); UK PECR reg. 6 and Sch. A1).

PECR Sch. A1 is inserted by the Data (Use and Access) Act 2025 s.112 and Sch. 12: para. 2 is
the consent rule, para. 3 exempts technical storage of, or access to, information for a
communication (today's reg. 6(4)(a)); legislation.gov.uk showed Sch. 12 as prospective ("not in
force at Royal Assent, see s. 142(1)") when read on 2026-12-04, and the paragraphs for the
strictly necessary, statistics and appearance exemptions were not legible there. So the UK
citations stay reg. 6(4)(a)/(b) for the long-standing exemptions and "reg. 6 and Sch. A1" for
the new ones; once Sch. 12 is in force, cite its paragraphs instead.
"""

from __future__ import annotations

from collections.abc import Callable
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
from declaration.durations import Duration

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
from .lang import fill, language_of, words_for
from .wording import (
    channels_list,
    joined,
    last_updated,
    privacy_policy_section,
    purpose_link,
    site_link,
    stop,
    url_of,
)


def exemption_citations(declaration: Declaration, exemption: StorageExemption) -> list[str]:
    """Where the declared laws exempt this storage from consent, cited in the page language
    (the language module's STORAGE_CITATIONS: §25(2) TDDDG for a provider in Germany, the
    ePrivacy Directive's Art. 5(3) elsewhere in the EU, PECR for the UK)."""
    citations = words_for(declaration).STORAGE_CITATIONS
    laws = []
    if declaration.applies(Jurisdiction.EPRIVACY):
        # Germany and France transpose Art. 5(3) in their own words: §25 TDDDG, and article 82
        # of the loi Informatique et Libertés (CNIL, délibération n° 2020-091); elsewhere the
        # Directive's.
        country = declaration.controller.address.country
        laws.append(country if country in ("DE", "FR") else "EU")
    if declaration.applies(Jurisdiction.UK_GDPR):
        laws.append("UK")
    return [citations[law][exemption] for law in laws if exemption in citations[law]]


def cookie_law(declaration: Declaration) -> bool:
    return declaration.applies(Jurisdiction.EPRIVACY) or declaration.applies(Jurisdiction.UK_GDPR)


def storage_section(declaration: Declaration, on_privacy_page: bool) -> Section:
    """The inventory table, or the statement that the site stores nothing on your device."""
    law = cookie_law(declaration)
    w = words_for(declaration)
    if not declaration.storage:
        block: Block = Paragraph((w.NO_STORAGE,), meets=("cookies.none",) if law else ())
        blocks: tuple[Block, ...] = (block,)
    else:
        blocks = (Paragraph((w.STORAGE_INTRO,)), _inventory(declaration, law))
        if on_privacy_page and any(item.consent_required for item in declaration.storage):
            link = site_link(w.COOKIE_STATEMENT_LINK, "/" + url_of(declaration, "cookies"))
            blocks += (Paragraph(fill(w.HOW_TO_CHOOSE, link=link)),)
    return Section(w.STORAGE_HEADING, blocks, anchor="storage")


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
    w = words_for(declaration)
    return Table(
        w.STORAGE_CAPTION,
        w.STORAGE_HEAD,
        tuple(_row(declaration, item, index) for index, item in enumerate(declaration.storage)),
        meets=tuple(meets),
    )


def _row(declaration: Declaration, item: StorageItem, index: int) -> Row:
    loc = ("storage", index)
    w = words_for(declaration)
    if item.provider == FIRST_PARTY:
        provider: Spans = (w.FIRST_PARTY,)
    else:
        recipient = declaration.recipient(item.provider)
        name = recipient.name
        provider = fill(
            w.THIRD_PARTY,
            name=Link(name, recipient.privacy_url) if recipient.privacy_url else name,
        )
    if item.consent_required or item.exemption is None:
        basis = w.BASIS[LegalBasis.CONSENT]
    else:
        citations = exemption_citations(declaration, item.exemption)
        basis = w.exemption(item.exemption.value, citations)
    return Row(
        (
            (Declared(item.name, (*loc, "name"), lint=False),),
            (w.STORAGE_TYPES[item.type],),
            provider,
            (Declared(stop(item.purpose), (*loc, "purpose")),),
            (w.duration(item.duration),),
            (basis,),
        ),
        anchor=f"storage-{index}",
    )


def cookie_statement(declaration: Declaration, updated: date | None) -> Document:
    law = cookie_law(declaration)
    w = words_for(declaration)
    sections = [storage_section(declaration, on_privacy_page=False)]
    consented = [item for item in declaration.storage if item.consent_required]
    if consented:
        sections += _consent_sections(declaration, consented, law)
    uk_exempt = [item for item in declaration.storage if item.exemption and item.exemption.uk_only]
    if uk_exempt:
        sections.append(_uk_objection(declaration, uk_exempt))
    sections.append(
        privacy_policy_section(
            declaration, w.YOUR_PERSONAL_DATA, w.COOKIES_TO_POLICY, "personal-data"
        )
    )
    site = Declared(declaration.site.name, ("site", "name"), lint=False)
    return Document(
        key="cookies",
        title=w.COOKIES_TITLE,
        url=url_of(declaration, "cookies"),
        lang=language_of(declaration),
        intro=(
            Paragraph(fill(w.COOKIES_INTRO, site=site)),
            last_updated(declaration, updated, ("cookies.last_updated",) if law else ()),
        ),
        sections=tuple(sections),
        meets=("meta.link_everywhere",),
    )


def _consent_sections(
    declaration: Declaration, consented: list[StorageItem], law: bool
) -> list[Section]:
    def meets(*ids: str) -> tuple[str, ...]:
        return ids if law else ()

    w = words_for(declaration)
    names = joined(
        [
            (Declared(i.name, ("storage", declaration.storage.index(i), "name"), lint=False),)
            for i in consented
        ],
        w.AND,
    )
    refusals = tuple(
        (
            Declared(item.name, ("storage", declaration.storage.index(item), "name"), lint=False),
            w.COLON,
            Declared(
                stop(item.if_refused or ""),
                ("storage", declaration.storage.index(item), "if_refused"),
            ),
        )
        for item in consented
    )
    sections = [
        Section(
            w.CHOICE_HEADING,
            (Paragraph(fill(w.consent_first(len(consented)), names=names)),),
            meets=meets("cookies.how_to_consent", "cookies.prior_consent"),
            anchor=None if law else "your-choice",
        ),
        Section(
            w.CHANGE_CHOICE_HEADING,
            (Paragraph((w.CHANGE_CHOICE,)), Bullets(_withdraw_ways(declaration, consented))),
            meets=meets("cookies.withdraw"),
            anchor=None if law else "withdraw",
        ),
        Section(
            w.REFUSE_HEADING,
            (Paragraph((w.REFUSE_INTRO,)), Bullets(refusals)),
            meets=meets("cookies.refusal_consequence"),
            anchor=None if law else "if-you-refuse",
        ),
    ]
    if declaration.consent:
        kept = stored_choice(declaration.consent, w.duration)
        sections.append(
            Section(
                w.choice_kept_heading(kept is not None),
                (Paragraph(w.choice_kept(kept)),),
                meets=meets("cookies.choice_retention"),
                anchor=None if law else "choice",
            )
        )
    return sections


def stored_choice(record: ConsentRecord, said: Callable[[Duration], str] = str) -> str | None:
    """How long a stored consent choice is kept, as the policy says it (`said`: the page
    language's duration); None when the choice is not stored (see declaration.notice_rules:
    ePrivacy Art. 5(3), CNIL 2020-092)."""
    if not record.remembered or record.record_duration is None:
        return None
    return said(record.record_duration)


def _withdraw_ways(declaration: Declaration, consented: list[StorageItem]) -> tuple[Spans, ...]:
    """The withdrawal routes of the consent purposes that use these items' providers, then us."""
    providers = {item.provider for item in consented}
    w = words_for(declaration)
    privacy = url_of(declaration, "privacy")
    ways: list[Spans] = []
    for index, entry in enumerate(declaration.processing):
        if (
            entry.legal_basis is LegalBasis.CONSENT
            and entry.consent
            and providers & set(entry.recipients)
        ):
            ways.append(
                (
                    purpose_link(entry, privacy=privacy),
                    w.COLON,
                    Declared(
                        stop(entry.consent.withdraw), ("processing", index, "consent", "withdraw")
                    ),
                )
            )
    for channel in channels_list(declaration):
        ways.append(fill(w.TELL_US, channel=channel))
    return tuple(ways)


def _uk_objection(declaration: Declaration, items: list[StorageItem]) -> Section:
    w = words_for(declaration)
    names = joined(
        [
            (Declared(i.name, ("storage", declaration.storage.index(i), "name"), lint=False),)
            for i in items
        ],
        w.AND,
    )
    return Section(
        w.UK_OBJECTION_HEADING,
        (
            Paragraph(fill(w.UK_OBJECTION, names=names)),
            Bullets(channels_list(declaration)),
        ),
        meets=("cookies.uk_exempt_objection",),
    )
