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
    RecipientRole,
    Representative,
)
from declaration.countries import EEA, UK, country_in_sentence
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
from .lang import words_for
from .transfers import eu_safeguard, uk_safeguard
from .wording import (
    COOKIES_URL,
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
)

_ROLES = {
    RecipientRole.PROCESSOR: "processor: handles the data only on our instructions",
    RecipientRole.CONTROLLER: "controller: decides for itself how it uses the data",
    RecipientRole.JOINT_CONTROLLER: "joint controller: decides with us how the data is used",
}


def _gdpr(declaration: Declaration) -> bool:
    return gdpr_name(declaration) is not None


def controller_section(declaration: Declaration) -> Section:
    c = declaration.controller
    gdpr = _gdpr(declaration)
    rows: list[tuple[str, Spans]] = [("E-mail", (email_link(c.email),))]
    if c.phone:
        rows.append(("Phone", (phone_link(c.phone),)))
    blocks: tuple[Block, ...] = (
        Paragraph(
            (
                "The controller responsible for your personal data is ",
                Declared(c.legal_name, ("controller", "legal_name"), lint=False),
                ":",
            )
        ),
        Lines(address_lines(c.address, ("controller", "address"))),
        Facts(tuple(rows)),
    )
    w = words_for(declaration)
    if declaration.applies(Jurisdiction.EU_GDPR) and c.address.country not in EEA:
        blocks += (
            Paragraph(
                (w.data_held(country_in_sentence(c.address.country)),),
                meets=("gdpr.data_location",),
            ),
        )
    subsections = []
    for key, where, requirement, law in (
        ("eu_representative", "the EU", "gdpr.representative", "GDPR"),
        ("uk_representative", "the UK", "uk.representative", "UK GDPR"),
    ):
        representative = getattr(c, key)
        if representative is not None:
            subsections.append(_representative(representative, key, where, requirement, law))
    if declaration.dpo.appointed:
        subsections.append(_dpo(declaration))
    return Section(
        "Who is responsible for your data",
        blocks,
        tuple(subsections),
        meets=("gdpr.controller_identity", "gdpr.controller_contact") if gdpr else (),
        anchor=None if gdpr else "who-we-are",
    )


def _representative(
    person: Representative, key: str, where: str, requirement: str, law: str
) -> Section:
    loc = ("controller", key)
    rows: list[tuple[str, Spans]] = [("E-mail", (email_link(person.email),))]
    if person.phone:
        rows.append(("Phone", (phone_link(person.phone),)))
    return Section(
        f"Our representative in {where}",
        (
            Paragraph(
                (
                    f"We are established outside {where}, so we have appointed a representative "
                    f"there (Art. 27 {law}). You can contact them about anything in this policy:",
                )
            ),
            Lines(
                (
                    (Declared(person.name, (*loc, "name"), lint=False),),
                    *address_lines(person.address, (*loc, "address")),
                )
            ),
            Facts(tuple(rows)),
        ),
        meets=(requirement,),
    )


def _dpo(declaration: Declaration) -> Section:
    dpo = declaration.dpo
    rows: list[tuple[str, Spans]] = []
    if dpo.name:
        rows.append(("Name", (Declared(dpo.name, ("dpo", "name"), lint=False),)))
    if dpo.email:
        rows.append(("E-mail", (email_link(dpo.email),)))
    if dpo.phone:
        rows.append(("Phone", (phone_link(dpo.phone),)))
    blocks: list[Block] = [
        Paragraph(
            (
                "We have appointed a Data Protection Officer (DPO). You can contact them directly "
                "about anything concerning your personal data:",
            )
        ),
        Facts(tuple(rows)),
    ]
    if dpo.address:
        blocks.append(Lines(address_lines(dpo.address, ("dpo", "address"))))
    return Section("Our Data Protection Officer", tuple(blocks), meets=("gdpr.dpo_contact",))


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
    return Section(
        "What we use your data for",
        (Paragraph((words_for(declaration).PURPOSES_INTRO,)),),
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
    rows: list[tuple[str, Spans]] = [
        ("What for", (Declared(stop(entry.purpose), (*loc, "purpose")),)),
        ("Data", labels(declaration, entry)),
        ("Where it comes from", _sources(declaration, entry, loc)),
    ]
    if _gdpr(declaration):
        rows.append(("Legal basis", _basis(declaration, entry)))
    if entry.legitimate_interest:
        rows.append(
            (
                "Our legitimate interest",
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
                "Special category data",
                (
                    *joined(special),
                    f": processed under {cite(condition.article, declaration)} "
                    f"({condition.value.replace('_', ' ')}).",
                ),
            )
        )
    if entry.consent:
        rows.append(
            (
                "Withdrawing consent",
                (
                    "You can withdraw your consent at any time: ",
                    Declared(stop(entry.consent.withdraw), (*loc, "consent", "withdraw")),
                ),
            )
        )
    if entry.provision:
        form = facts.forms.get(entry.form) if entry.form else None
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
    rows.append(("Who receives it", _recipients_of(declaration, entry)))
    rows.append(("How long we keep it", ("We keep it ", *_kept(declaration, entry, loc), ".")))
    return Section(
        Declared(entry.heading, (*loc, "title"), lint=False),
        (Facts(tuple(rows)),),
        anchor=f"purpose-{entry.id}",
    )


def _kept(declaration: Declaration, entry: Processing, loc: tuple) -> Spans:
    if entry.retention.statutory:
        periods = record_periods(entry.retention.statutory, declaration.controller.address.country)
        return ("for ", words_for(declaration).statutory_retention(periods))
    spans = retention_spans(entry.retention, (*loc, "retention"), form=entry.form is not None)
    return spans if entry.retention.duration is None else ("for ", *spans)


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
    spans = joined(parts)
    first = spans[0]
    if isinstance(first, str):
        spans = (first[:1].upper() + first[1:], *spans[1:])
    return (*spans, ".")


def _basis(declaration: Declaration, entry: Processing) -> Spans:
    basis = entry.legal_basis
    return (f"{cite(basis.article, declaration)}: {basis_words(basis)}.",)


def _recipients_of(declaration: Declaration, entry: Processing) -> Spans:
    recipients = declaration.recipients_of(entry)
    if not recipients:
        return (
            "Nobody outside ",
            Declared(declaration.controller.legal_name, ("controller", "legal_name"), lint=False),
            ".",
        )
    names = [(Link(r.name, f"#recipient-{r.id}"), f" ({r.country_name})") for r in recipients]
    return (*joined(names), ".")


def recipients_section(declaration: Declaration) -> Section:
    meets: list[str] = []
    if _gdpr(declaration) and declaration.recipients:
        meets.append("gdpr.recipients")
    if declaration.applies(Jurisdiction.US_CA_CALOPPA):
        meets.append("caloppa.third_parties")
    if declaration.applies(Jurisdiction.CA_PIPEDA):
        meets.append("pipeda.disclosures")
    if not declaration.recipients:
        blocks: tuple[Block, ...] = (
            Paragraph(
                (
                    "We give your personal data to nobody outside ",
                    Declared(
                        declaration.controller.legal_name, ("controller", "legal_name"), lint=False
                    ),
                    ".",
                )
            ),
        )
    else:
        blocks = (
            Paragraph(("These companies receive personal data from us, for the purposes shown:",)),
            Table(
                "Recipients of personal data",
                ("Recipient", "Role", "What they do", "Where", "For which purposes (which data)"),
                tuple(
                    _recipient_row(declaration, r, i) for i, r in enumerate(declaration.recipients)
                ),
            ),
        )
    return Section(
        "Who receives your data",
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
            Paragraph(w.hosting(name, host.country_name, host.role.replace("_", " "), logs, stores))
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
    name: Spans = (
        (Link(recipient.name, recipient.privacy_url),)
        if recipient.privacy_url
        else (Declared(recipient.name, (*loc, "name"), lint=False),)
    )
    uses: list[Spans] = []
    for entry in declaration.processing:
        if recipient.id in entry.recipients:
            uses.append((purpose_link(entry), " (", *labels(declaration, entry), ")"))
    data: Spans = tuple(span for i, use in enumerate(uses) for span in (("; ",) if i else ()) + use)
    return Row(
        (
            name,
            (_ROLES[recipient.role],),
            (Declared(recipient.purpose, (*loc, "purpose")),),
            (recipient.country_name,),
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
    regions = " and ".join(name for name, given in (("the EEA", eu), ("the UK", uk)) if given)
    w = words_for(declaration)
    items: list[Spans] = []
    for recipient in abroad:
        index = declaration.recipients.index(recipient)
        transfer = recipient.transfer
        assert transfer is not None  # the declaration requires it for these recipients
        name: Spans = (Link(recipient.name, f"#recipient-{recipient.id}"),)
        country = country_in_sentence(recipient.country)
        eu_mechanism = transfer.mechanism if eu and recipient.country not in EEA else None
        uk_mechanism = transfer.uk if uk and recipient.country != UK else None
        safeguards: list[str] = []
        if eu_mechanism is TransferMechanism.EU_US_DPF:
            items.append(w.dpf_transfer(name, country, uk=False))
            meets.append("gdpr.transfers_dpf")
        elif eu_mechanism:
            safeguards.append(eu_safeguard(eu_mechanism))
        if uk_mechanism is UkTransferMechanism.UK_US_DATA_BRIDGE:
            items.append(w.dpf_transfer(name, country, uk=True))
            meets.append("uk.transfers_dpf")
        elif uk_mechanism:
            safeguards.append(uk_safeguard(uk_mechanism))
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
            items.append(
                w.safeguard_transfer(
                    name, country, "; for transfers from the UK: ".join(safeguards), copy
                )
            )
    return Section(
        f"Transfers outside {regions}",
        (
            Paragraph((w.transfers_intro(regions),)),
            Bullets(tuple(items)),
        ),
        meets=tuple(dict.fromkeys(meets)),
    )


def rights_section(declaration: Declaration) -> Section | None:
    if not _gdpr(declaration):
        return None
    law = gdpr_name(declaration)
    subsections = [
        _right(
            "Right of access",
            "gdpr.rights.access",
            "You have the right to know whether we process personal data about you and, if we "
            "do, to get a copy of it together with the information in this policy "
            f"({cite('Art. 15', declaration)}).",
        ),
        _right(
            "Right to rectification",
            "gdpr.rights.rectification",
            "You have the right to have incorrect data about you corrected, and incomplete data "
            f"completed ({cite('Art. 16', declaration)}).",
        ),
        _right(
            "Right to erasure",
            "gdpr.rights.erasure",
            words_for(declaration).erasure(
                consent=LegalBasis.CONSENT in declaration.legal_bases
                or any(item.consent_required for item in declaration.storage),
                objection=bool(
                    declaration.legal_bases
                    & {LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK}
                ),
                cite=cite("Art. 17", declaration),
            ),
        ),
        _right(
            "Right to restriction of processing",
            "gdpr.rights.restriction",
            "You have the right to have us restrict the processing of your data, so that we only "
            "store it, for example while we check whether it is correct "
            f"({cite('Art. 18', declaration)}).",
        ),
    ]
    bases = declaration.legal_bases
    portability = _portability(declaration)
    interests = (
        "our legitimate interests"
        if LegalBasis.PUBLIC_TASK not in bases
        else "our legitimate interests or a task in the public interest"
    )
    objection = _purpose_right(
        declaration,
        "Right to object",
        "gdpr.rights.object",
        (LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK),
        "You have the right to object, at any time and on grounds relating to your particular "
        "situation, to the processing of your data for ",
        f", which relies on {interests}. We then stop, unless we demonstrate compelling "
        "legitimate grounds that override your interests, rights and freedoms, or need the data "
        f"to establish, exercise or defend legal claims ({cite('Art. 21', declaration)}).",
    )
    subsections += [right for right in (portability, objection) if right]
    withdraw = _withdraw(declaration)
    if withdraw:
        subsections.append(withdraw)
    subsections += _complaints(declaration)
    subsections.append(_how(declaration))
    return Section(
        "Your rights",
        (
            Paragraph(
                (
                    f"Under the {law} you have the rights below. Using them costs you nothing "
                    f"({cite('Art. 12(5)', declaration)}); how to use them is at the end of this "
                    "part.",
                )
            ),
        ),
        tuple(subsections),
        anchor="your-rights",
    )


def _purpose_right(
    declaration: Declaration,
    heading: str,
    requirement: str,
    bases: tuple[LegalBasis, ...],
    before: str,
    after: str,
) -> Section | None:
    """A right that exists only for the purposes relying on `bases`, which it names."""
    purposes = [entry for entry in declaration.processing if entry.legal_basis in bases]
    if not purposes:
        return None
    names = joined([(purpose_link(entry),) for entry in purposes])
    return Section(heading, (Paragraph((before, *names, after)),), meets=(requirement,))


def _portability(declaration: Declaration) -> Section | None:
    """Art. 20: only for purposes relying on consent or a contract, naming which of the two."""
    purposes = [
        e
        for e in declaration.processing
        if e.legal_basis in (LegalBasis.CONSENT, LegalBasis.CONTRACT)
    ]
    if not purposes:
        return None
    text = words_for(declaration).portability(
        [((purpose_link(e),), e.legal_basis is LegalBasis.CONSENT) for e in purposes],
        cite=cite("Art. 20", declaration),
    )
    return Section(
        "Right to data portability", (Paragraph(text),), meets=("gdpr.rights.portability",)
    )


def _right(heading: str, requirement: str, text: str) -> Section:
    return Section(heading, (Paragraph((text,)),), meets=(requirement,))


def _withdraw(declaration: Declaration) -> Section | None:
    consented = [(i, e) for i, e in enumerate(declaration.processing) if e.consent]
    storage = any(item.consent_required for item in declaration.storage)
    if not consented and not storage:
        return None
    items: list[Spans] = [
        (
            purpose_link(e),
            ": ",
            Declared(stop(e.consent.withdraw), ("processing", i, "consent", "withdraw")),
        )
        for i, e in consented
        if e.consent
    ]
    if storage:
        items.append(
            (
                "Cookies and similar storage: as the ",
                Link("cookie statement", COOKIES_URL + "#req-cookies.withdraw"),
                " explains.",
            )
        )
    return Section(
        "Right to withdraw consent",
        (
            Paragraph(
                (
                    "Where we rely on your consent, you can withdraw your consent at any time, as "
                    "easily as you gave it. Withdrawing does not affect the lawfulness of the "
                    f"processing before the withdrawal ({cite('Art. 7(3)', declaration)}). How:",
                )
            ),
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
                w.complain_eu_no_lead(country_in_sentence(home)),
                meets=("gdpr.complaint_no_lead_authority",),
            )
        )
    if uk:
        blocks.append(Paragraph(w.complain_ico(), meets=("uk.complaint_ico",)))
    sections = [
        Section("Right to lodge a complaint", tuple(blocks), meets=("gdpr.complaint_authority",))
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
    blocks: list[Block] = [
        Paragraph(("Send us your request in any of these ways:",)),
        Bullets(channels_list(declaration)),
        Paragraph(
            (
                f"We answer within {rights.response_time} of receiving your request "
                f"({cite('Art. 12(3)', declaration)}).",
            )
        ),
    ]
    if rights.verification:
        blocks.append(
            Paragraph(
                (
                    "To make sure we give data only to the person it belongs to: ",
                    Declared(stop(rights.verification), ("rights", "verification")),
                )
            )
        )
    return Section("How to use your rights", tuple(blocks), meets=("gdpr.rights.how",))


def automated_decisions_section(declaration: Declaration) -> Section | None:
    if not _gdpr(declaration):
        return None
    decisions = declaration.automated_decision_making
    if not decisions.used:
        blocks: tuple[Block, ...] = (
            Paragraph(
                (
                    "We make no automated decisions about you: no decision with legal or similarly "
                    "significant effects on you is based solely on automated processing, including "
                    f"profiling ({cite('Art. 22', declaration)}).",
                )
            ),
        )
    else:
        loc = ("automated_decision_making",)
        blocks = (
            Paragraph(
                (
                    "We make automated decisions about you, based solely on automated processing "
                    f"({cite('Art. 22', declaration)}):",
                )
            ),
            Facts(
                (
                    (
                        "The logic involved",
                        (Declared(stop(decisions.logic or ""), (*loc, "logic")),),
                    ),
                    (
                        "What it means for you",
                        (Declared(stop(decisions.significance or ""), (*loc, "significance")),),
                    ),
                    (
                        "The consequences",
                        (Declared(stop(decisions.consequences or ""), (*loc, "consequences")),),
                    ),
                )
            ),
            Paragraph(
                (
                    "You have the right to have a person review the decision, to give your point "
                    "of view and to contest the decision.",
                )
            ),
        )
    return Section("Automated decision-making", blocks, meets=("gdpr.automated_decisions",))
