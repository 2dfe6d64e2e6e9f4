"""The GDPR Art. 13/14 disclosures (with the UK GDPR's citations and specifics).

Who is responsible, what each purpose uses and why, who receives the data and
where, how long it is kept, and the rights, each named under its own heading
and derived from the declared legal bases.
"""

from __future__ import annotations

from declaration import (
    BROWSER,
    DATA_SUBJECT,
    FIRST_PARTY,
    Declaration,
    Jurisdiction,
    LegalBasis,
    Processing,
    Recipient,
    Representative,
)
from declaration.countries import EEA, UK
from declaration.statutory import record_periods
from declaration.vocab import TransferMechanism, UkTransferMechanism

from .document import (
    Block,
    Bullets,
    Declared,
    Facts,
    Lines,
    Link,
    Paragraph,
    Row,
    Section,
    Spans,
    Table,
)
from .facts import NO_FACTS, SiteFacts
from .lang import fill, language_of, words_for
from .wording import (
    address_lines,
    basis_words,
    channels_list,
    cite,
    complaints_to_us,
    email_link,
    gdpr_name,
    joined,
    labels,
    phone_link,
    purpose_link,
    retention_spans,
    stop,
    url_of,
)


def _gdpr(declaration: Declaration) -> bool:
    return gdpr_name(declaration) is not None


def controller_section(declaration: Declaration) -> Section:
    c = declaration.controller
    gdpr = _gdpr(declaration)
    w = words_for(declaration)
    language = language_of(declaration)
    rows: list[tuple[str, Spans]] = [(w.EMAIL, (email_link(c.email),))]
    if c.phone:
        rows.append((w.PHONE, (phone_link(c.phone),)))
    blocks: tuple[Block, ...] = (
        Paragraph(
            fill(
                w.CONTROLLER_IS,
                name=Declared(c.legal_name, ("controller", "legal_name"), lint=False),
            )
        ),
        Lines(address_lines(c.address, ("controller", "address"), language)),
        Facts(tuple(rows)),
    )
    if declaration.applies(Jurisdiction.EU_GDPR) and c.address.country not in EEA:
        blocks += (
            Paragraph(
                (w.data_held(w.country_in_sentence(c.address.country)),),
                meets=("gdpr.data_location",),
            ),
        )
    subsections = []
    for key, uk, requirement in (
        ("eu_representative", False, "gdpr.representative"),
        ("uk_representative", True, "uk.representative"),
    ):
        representative = getattr(c, key)
        if representative is not None:
            subsections.append(_representative(declaration, representative, key, uk, requirement))
    if declaration.dpo.appointed:
        subsections.append(_dpo(declaration))
    return Section(
        w.CONTROLLER_HEADING,
        blocks,
        tuple(subsections),
        meets=("gdpr.controller_identity", "gdpr.controller_contact") if gdpr else (),
        anchor=None if gdpr else "who-we-are",
    )


def _representative(
    declaration: Declaration, person: Representative, key: str, uk: bool, requirement: str
) -> Section:
    """Art. 27 GDPR / UK GDPR: the representative of a controller established outside."""
    w = words_for(declaration)
    loc = ("controller", key)
    rows: list[tuple[str, Spans]] = [(w.EMAIL, (email_link(person.email),))]
    if person.phone:
        rows.append((w.PHONE, (phone_link(person.phone),)))
    return Section(
        w.representative_heading(uk),
        (
            Paragraph((w.representative(uk),)),
            Lines(
                (
                    (Declared(person.name, (*loc, "name"), lint=False),),
                    *address_lines(person.address, (*loc, "address"), language_of(declaration)),
                )
            ),
            Facts(tuple(rows)),
        ),
        meets=(requirement,),
    )


def _dpo(declaration: Declaration) -> Section:
    dpo = declaration.dpo
    w = words_for(declaration)
    rows: list[tuple[str, Spans]] = []
    if dpo.name:
        rows.append((w.NAME, (Declared(dpo.name, ("dpo", "name"), lint=False),)))
    if dpo.email:
        rows.append((w.EMAIL, (email_link(dpo.email),)))
    if dpo.phone:
        rows.append((w.PHONE, (phone_link(dpo.phone),)))
    blocks: list[Block] = [Paragraph((w.DPO_INTRO,)), Facts(tuple(rows))]
    if dpo.address:
        blocks.append(
            Lines(address_lines(dpo.address, ("dpo", "address"), language_of(declaration)))
        )
    return Section(w.DPO_HEADING, tuple(blocks), meets=("gdpr.dpo_contact",))


def purposes_section(declaration: Declaration, facts: SiteFacts = NO_FACTS) -> Section:
    meets: list[str] = []
    if _gdpr(declaration):
        meets += ["gdpr.purposes", "gdpr.legal_basis", "gdpr.data_categories", "gdpr.retention"]
        bases = declaration.legal_bases
        sources = {source for entry in declaration.processing for source in entry.sources}
        if LegalBasis.LEGITIMATE_INTERESTS in bases:
            meets.append("gdpr.legitimate_interests")
        if sources & {DATA_SUBJECT, BROWSER}:
            meets.append("gdpr.statutory_requirement")
        if sources - {DATA_SUBJECT, BROWSER}:
            meets.append("gdpr.source")
        if any(entry.retention.statutory for entry in declaration.processing):
            meets.append("gdpr.statutory_retention")
        if any(entry.special_category_condition for entry in declaration.processing):
            meets.append("gdpr.special_categories")
    w = words_for(declaration)
    return Section(
        w.PURPOSES_HEADING,
        (Paragraph((w.PURPOSES_INTRO,)),),
        tuple(
            _purpose(declaration, entry, index, facts)
            for index, entry in enumerate(declaration.processing)
        ),
        meets=tuple(meets),
        anchor=None if meets else "purposes",
    )


def _purpose(declaration: Declaration, entry: Processing, index: int, facts: SiteFacts) -> Section:
    loc = ("processing", index)
    w = words_for(declaration)
    row = w.PURPOSE_ROWS
    rows: list[tuple[str, Spans]] = [
        (row["purpose"], (Declared(stop(entry.purpose), (*loc, "purpose")),)),
        (row["data"], labels(declaration, entry)),
        (row["sources"], _sources(declaration, entry, loc)),
    ]
    if _gdpr(declaration):
        rows.append((row["basis"], _basis(declaration, entry)))
    if entry.legitimate_interest:
        rows.append(
            (
                row["interest"],
                (Declared(stop(entry.legitimate_interest), (*loc, "legitimate_interest")),),
            )
        )
    if entry.special_category_condition:
        condition = entry.special_category_condition
        special = [
            (Declared(c.label, ("data_categories", declaration.data_categories.index(c), "label")),)
            for c in declaration.data_of(entry)
            if c.sensitive and c.sensitive.gdpr_special
        ]
        rows.append(
            (
                row["special"],
                (
                    *joined(special, w.AND),
                    w.special_condition(cite(condition.article, declaration), condition.value),
                ),
            )
        )
    if entry.consent:
        how = Declared(stop(entry.consent.withdraw), (*loc, "consent", "withdraw"))
        rows.append((row["withdraw"], fill(w.WITHDRAW_ANY_TIME, how=how)))
    if entry.provision:
        form = facts.forms_in(declaration.language).get(entry.form) if entry.form else None
        consequence = Declared(
            stop(entry.provision.consequence), (*loc, "provision", "consequence")
        )
        rows.append(
            (
                w.must_give_heading(),
                w.provision(
                    entry.provision.obligation,
                    BROWSER in entry.sources and DATA_SUBJECT not in entry.sources,
                    form.required if form else (),
                    form.optional if form else (),
                    (consequence,),
                    kept_by_law=entry.retention.statutory is not None,
                ),
            )
        )
    rows.append((row["recipients"], _recipients_of(declaration, entry)))
    rows.append((row["kept"], fill(w.KEEP_IT, kept=_kept(declaration, entry, loc))))
    return Section(
        Declared(entry.heading, (*loc, "title"), lint=False),
        (Facts(tuple(rows)),),
        anchor=f"purpose-{entry.id}",
    )


def _kept(declaration: Declaration, entry: Processing, loc: tuple) -> Spans:
    w = words_for(declaration)
    if entry.retention.statutory:
        periods = record_periods(entry.retention.statutory, declaration.controller.address.country)
        return fill(w.FOR, period=w.statutory_retention(periods))
    spans = retention_spans(
        entry.retention,
        (*loc, "retention"),
        form=entry.form is not None,
        language=language_of(declaration),
    )
    return spans if entry.retention.duration is None else fill(w.FOR, period=spans)


def _sources(declaration: Declaration, entry: Processing, loc: tuple) -> Spans:
    w = words_for(declaration)
    parts: list[Spans] = []
    for position, source in enumerate(entry.sources):
        if source == DATA_SUBJECT:
            parts.append((w.FROM_YOU.rstrip("."),))
        elif source == BROWSER:
            parts.append((w.FROM_BROWSER.rstrip("."),))
        else:
            parts.append((Declared(source, (*loc, "sources", position)),))
    spans = joined(parts, w.AND)
    first = spans[0]
    if isinstance(first, str):
        spans = (first[:1].upper() + first[1:], *spans[1:])
    return (*spans, ".")


def _basis(declaration: Declaration, entry: Processing) -> Spans:
    basis = entry.legal_basis
    w = words_for(declaration)
    words = basis_words(basis, language_of(declaration))
    return (f"{cite(basis.article, declaration)}{w.COLON}{words}.",)


def _recipients_of(declaration: Declaration, entry: Processing) -> Spans:
    w = words_for(declaration)
    recipients = declaration.recipients_of(entry)
    if not recipients:
        us = Declared(declaration.controller.legal_name, ("controller", "legal_name"), lint=False)
        return fill(w.NOBODY_OUTSIDE, us=us)
    names = [(Link(r.name, f"#recipient-{r.id}"), f" ({w.country(r.country)})") for r in recipients]
    return (*joined(names, w.AND), ".")


def recipients_section(declaration: Declaration) -> Section:
    meets: list[str] = []
    if _gdpr(declaration) and declaration.recipients:
        meets.append("gdpr.recipients")
    if declaration.applies(Jurisdiction.US_CA_CALOPPA):
        meets.append("caloppa.third_parties")
    if declaration.applies(Jurisdiction.CA_PIPEDA):
        meets.append("pipeda.disclosures")
    w = words_for(declaration)
    if not declaration.recipients:
        us = Declared(declaration.controller.legal_name, ("controller", "legal_name"), lint=False)
        blocks: tuple[Block, ...] = (Paragraph(fill(w.NOBODY_RECEIVES, us=us)),)
    else:
        blocks = (
            Paragraph((w.RECIPIENTS_INTRO,)),
            Table(
                w.RECIPIENTS_CAPTION,
                w.RECIPIENTS_HEAD,
                tuple(
                    _recipient_row(declaration, r, i) for i, r in enumerate(declaration.recipients)
                ),
            ),
        )
    return Section(
        w.RECIPIENTS_HEADING,
        blocks,
        (_hosting(declaration),),
        meets=tuple(meets),
        anchor=None if meets else "recipients",
    )


def _hosting(declaration: Declaration) -> Section:
    """The host sees every visitor's IP address: name it, where it is, what it keeps and how
    long (GDPR Art. 13(1)(e) recipients; Art. 13(2)(a) retention), from site.hosted_by."""
    w = words_for(declaration)
    blocks: list[Block] = []
    for host in declaration.hosts:
        index = declaration.recipients.index(host)
        logs: list[tuple[Spans, Spans, Spans]] = []
        stores: list[Spans] = []
        for position, entry in enumerate(declaration.processing):
            if host.id not in entry.recipients:
                continue
            if BROWSER in entry.sources:
                kept = _kept(declaration, entry, ("processing", position))
                logs.append((labels(declaration, entry), (purpose_link(entry),), kept))
            else:
                stores.append((purpose_link(entry),))
        name: Spans = (Declared(host.name, ("recipients", index, "name"), lint=False),)
        blocks.append(
            Paragraph(
                w.hosting(name, w.country(host.country), w.ROLE_NAMES[host.role], logs, stores)
            )
        )
    if FIRST_PARTY in declaration.site.hosted_by:
        blocks.append(Paragraph((w.self_hosted(),)))
    gdpr = _gdpr(declaration)
    return Section(
        w.hosting_heading(),
        tuple(blocks),
        meets=("gdpr.hosting",) if gdpr else (),
        anchor=None if gdpr else "hosting",
    )


def _recipient_row(declaration: Declaration, recipient: Recipient, index: int) -> Row:
    loc = ("recipients", index)
    w = words_for(declaration)
    name: Spans = (
        (Link(recipient.name, recipient.privacy_url),)
        if recipient.privacy_url
        else (Declared(recipient.name, (*loc, "name"), lint=False),)
    )
    uses: list[Spans] = []
    for entry in declaration.processing:
        if recipient.id in entry.recipients:
            uses.append((purpose_link(entry), " (", *labels(declaration, entry), ")"))
    between = (w.SEMICOLON,)
    data: Spans = tuple(span for i, use in enumerate(uses) for span in (between if i else ()) + use)
    return Row(
        (
            name,
            (w.RECIPIENT_ROLES[recipient.role],),
            (Declared(recipient.purpose, (*loc, "purpose")),),
            (w.country(recipient.country),),
            data,
        ),
        anchor=f"recipient-{recipient.id}",
    )


def transfers_section(declaration: Declaration) -> Section | None:
    eu = declaration.applies(Jurisdiction.EU_GDPR)
    uk = declaration.applies(Jurisdiction.UK_GDPR)
    abroad = [
        r
        for r in declaration.recipients
        if (eu and r.country not in EEA) or (uk and r.country != UK)
    ]
    if not abroad:
        return None
    meets = []
    if eu and any(r.country not in EEA for r in abroad):
        meets.append("gdpr.transfers")
    if uk and any(r.country != UK for r in abroad):
        meets.append("uk.transfers")
    w = words_for(declaration)
    regions = w.regions(eu, uk)
    items: list[Spans] = []
    for recipient in abroad:
        index = declaration.recipients.index(recipient)
        transfer = recipient.transfer
        assert transfer is not None  # the declaration requires it for these recipients
        name: Spans = (Link(recipient.name, f"#recipient-{recipient.id}"),)
        country = w.country_in_sentence(recipient.country)
        eu_mechanism = transfer.mechanism if eu and recipient.country not in EEA else None
        uk_mechanism = transfer.uk if uk and recipient.country != UK else None
        safeguards: list[str] = []
        if eu_mechanism is TransferMechanism.EU_US_DPF:
            items.append(w.dpf_transfer(name, country, uk=False))
            meets.append("gdpr.transfers_dpf")
        elif eu_mechanism:
            safeguards.append(w.EU_SAFEGUARDS[eu_mechanism])
        if uk_mechanism is UkTransferMechanism.UK_US_DATA_BRIDGE:
            items.append(w.dpf_transfer(name, country, uk=True))
            meets.append("uk.transfers_dpf")
        elif uk_mechanism:
            safeguards.append(w.UK_SAFEGUARDS[uk_mechanism])
        if safeguards:
            copy = (
                (
                    Declared(
                        stop(transfer.copy_instructions), ("recipients", index, "transfer", "copy")
                    ),
                )
                if transfer.copy_instructions
                else None
            )
            items.append(w.safeguard_transfer(name, country, w.FROM_THE_UK.join(safeguards), copy))
    return Section(
        w.transfers_heading(regions),
        (
            Paragraph((w.transfers_intro(regions),)),
            Bullets(tuple(items)),
        ),
        meets=tuple(dict.fromkeys(meets)),
    )


def rights_section(declaration: Declaration) -> Section | None:
    if not _gdpr(declaration):
        return None
    w = words_for(declaration)
    law = gdpr_name(declaration)
    heading = w.RIGHT_HEADINGS

    def cited(article: str) -> str:
        return cite(article, declaration)

    subsections = [
        _right(heading["access"], "gdpr.rights.access", w.ACCESS.format(cite=cited("Art. 15"))),
        _right(
            heading["rectification"],
            "gdpr.rights.rectification",
            w.RECTIFICATION.format(cite=cited("Art. 16")),
        ),
        _right(
            heading["erasure"],
            "gdpr.rights.erasure",
            w.erasure(
                consent=LegalBasis.CONSENT in declaration.legal_bases
                or any(item.consent_required for item in declaration.storage),
                objection=bool(
                    declaration.legal_bases
                    & {LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK}
                ),
                cite=cited("Art. 17"),
            ),
        ),
        _right(
            heading["restriction"],
            "gdpr.rights.restriction",
            w.RESTRICTION.format(cite=cited("Art. 18")),
        ),
    ]
    portability = _portability(declaration)
    objection = _purpose_right(
        declaration,
        heading["object"],
        "gdpr.rights.object",
        (LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK),
        w.OBJECT[LegalBasis.PUBLIC_TASK in declaration.legal_bases],
        cited("Art. 21"),
    )
    subsections += [right for right in (portability, objection) if right]
    withdraw = _withdraw(declaration)
    if withdraw:
        subsections.append(withdraw)
    subsections += _complaints(declaration)
    subsections.append(_how(declaration))
    return Section(
        w.RIGHTS_HEADING,
        (Paragraph((w.RIGHTS_INTRO.format(law=law, cite=cited("Art. 12(5)")),)),),
        tuple(subsections),
        anchor="your-rights",
    )


def _purpose_right(
    declaration: Declaration,
    heading: str,
    requirement: str,
    bases: tuple[LegalBasis, ...],
    template: str,
    cited: str,
) -> Section | None:
    """A right that exists only for the purposes relying on `bases`, which it names."""
    purposes = [entry for entry in declaration.processing if entry.legal_basis in bases]
    if not purposes:
        return None
    names = joined([(purpose_link(entry),) for entry in purposes], words_for(declaration).AND)
    text = fill(template, purposes=names, cite=cited)
    return Section(heading, (Paragraph(text),), meets=(requirement,))


def _portability(declaration: Declaration) -> Section | None:
    """Art. 20: only for purposes relying on consent or a contract, naming which of the two."""
    purposes = [
        e
        for e in declaration.processing
        if e.legal_basis in (LegalBasis.CONSENT, LegalBasis.CONTRACT)
    ]
    if not purposes:
        return None
    w = words_for(declaration)
    text = w.portability(
        [((purpose_link(e),), e.legal_basis is LegalBasis.CONSENT) for e in purposes],
        cite=cite("Art. 20", declaration),
    )
    return Section(
        w.RIGHT_HEADINGS["portability"], (Paragraph(text),), meets=("gdpr.rights.portability",)
    )


def _right(heading: str, requirement: str, text: str) -> Section:
    return Section(heading, (Paragraph((text,)),), meets=(requirement,))


def _withdraw(declaration: Declaration) -> Section | None:
    consented = [(i, e) for i, e in enumerate(declaration.processing) if e.consent]
    storage = any(item.consent_required for item in declaration.storage)
    if not consented and not storage:
        return None
    w = words_for(declaration)
    items: list[Spans] = [
        (
            purpose_link(e),
            w.COLON,
            Declared(stop(e.consent.withdraw), ("processing", i, "consent", "withdraw")),
        )
        for i, e in consented
        if e.consent
    ]
    if storage:
        link = Link(
            w.COOKIE_STATEMENT_LINK, url_of(declaration, "cookies") + "#req-cookies.withdraw"
        )
        items.append(fill(w.WITHDRAW_STORAGE, link=link))
    return Section(
        w.RIGHT_HEADINGS["withdraw"],
        (
            Paragraph((w.WITHDRAW_INTRO.format(cite=cite("Art. 7(3)", declaration)),)),
            Bullets(tuple(items)),
        ),
        meets=("gdpr.withdraw_consent",),
    )


def _complaints(declaration: Declaration) -> list[Section]:
    """GDPR Art. 77 and 13(2)(d): which authority; UK GDPR: the ICO; DPA 2018 s.164A."""
    w = words_for(declaration)
    eu = declaration.applies(Jurisdiction.EU_GDPR)
    uk = declaration.applies(Jurisdiction.UK_GDPR)
    home = declaration.controller.address.country
    blocks: list[Block] = []
    if eu and home in EEA:
        authority = declaration.supervisory_authority
        lead: Spans | None = (
            (
                Declared(authority.name, ("supervisory_authority", "name"), lint=False),
                " (",
                Link(authority.url, authority.url),
                ")",
            )
            if authority
            else None
        )
        blocks.append(Paragraph(w.complain_eu(lead)))
    elif eu:
        blocks.append(
            Paragraph(
                w.complain_eu_no_lead(w.country_in_sentence(home)),
                meets=("gdpr.complaint_no_lead_authority",),
            )
        )
    if uk:
        blocks.append(Paragraph(w.complain_ico(), meets=("uk.complaint_ico",)))
    sections = [
        Section(w.RIGHT_HEADINGS["complaint"], tuple(blocks), meets=("gdpr.complaint_authority",))
    ]
    procedure = declaration.rights.complaint_procedure
    if uk and procedure:
        sections.append(
            Section(
                w.complaints_to_us_heading(),
                (Paragraph(complaints_to_us(declaration)),),
                meets=("uk.complaint_to_controller",),
            )
        )
    return sections


def _how(declaration: Declaration) -> Section:
    rights = declaration.rights
    w = words_for(declaration)
    answer = w.ANSWER_WITHIN.format(
        time=w.duration(rights.response_time), cite=cite("Art. 12(3)", declaration)
    )
    blocks: list[Block] = [
        Paragraph((w.HOW_INTRO,)),
        Bullets(channels_list(declaration)),
        Paragraph((answer,)),
    ]
    if rights.verification:
        how = Declared(stop(rights.verification), ("rights", "verification"))
        blocks.append(Paragraph(fill(w.VERIFICATION, how=how)))
    return Section(w.RIGHT_HEADINGS["how"], tuple(blocks), meets=("gdpr.rights.how",))


def automated_decisions_section(declaration: Declaration) -> Section | None:
    if not _gdpr(declaration):
        return None
    w = words_for(declaration)
    decisions = declaration.automated_decision_making
    cited = cite("Art. 22", declaration)
    if not decisions.used:
        blocks: tuple[Block, ...] = (Paragraph((w.NO_AUTOMATED.format(cite=cited),)),)
    else:
        loc = ("automated_decision_making",)
        rows = tuple(
            (term, (Declared(stop(getattr(decisions, key) or ""), (*loc, key)),))
            for key, term in w.AUTOMATED_ROWS.items()
        )
        blocks = (
            Paragraph((w.AUTOMATED.format(cite=cited),)),
            Facts(rows),
            Paragraph((w.AUTOMATED_REVIEW,)),
        )
    return Section(w.AUTOMATED_HEADING, blocks, meets=("gdpr.automated_decisions",))
