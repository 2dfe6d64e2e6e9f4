"""The legal notice (imprint): who provides the site, how to reach them fast, where registered.

What it shows follows the controller's country (declaration/imprint_rules.py names
the sources and checks that the facts are declared): Germany (§5 DDG, §18(2) MStV,
§36 VSBG), the UK (SI 2015/17 regs. 24-25, E-Commerce Regulations 2002 reg. 6),
France (LCEN art. 6, III), other EU/EEA countries (Directive 2000/31/EC Art. 5) and
elsewhere (only what the owner declares). It is published for every business in
the EU/EEA or the UK, and elsewhere when legal-notice data is declared. There is no
EU online dispute resolution link: that platform closed on 20 July 2025.
"""

from __future__ import annotations

from declaration import FIRST_PARTY, ChannelType, Declaration
from declaration.countries import EEA, UK
from declaration.errors import Loc
from declaration.imprint_rules import legal_notice_country

from .document import Declared, Document, Facts, Inline, Lines, Paragraph, Section
from .lang import language_of, words_for
from .wording import (
    address_lines,
    address_text,
    email_link,
    join,
    joined,
    phone_link,
    privacy_policy_section,
    site_link,
    url_of,
)

_CONTROLLER = ("controller",)


def publishes_legal_notice(declaration: Declaration) -> bool:
    c = declaration.controller
    if c.address.country in EEA or c.address.country == UK:
        return True
    return bool(c.legal_form or c.represented_by or c.commercial_register or c.vat_id) or (
        c.regulator is not None
    )


def legal_notice(declaration: Declaration) -> Document | None:
    if not publishes_legal_notice(declaration):
        return None
    w = words_for(declaration)
    rules = legal_notice_country(declaration.controller.address.country)
    sections = [_provider(declaration, rules), _contact(declaration)]
    register = _register(declaration, rules)
    if register:
        sections.append(register)
    if declaration.controller.regulator:
        sections.append(_regulator(declaration))
    sections += _german(declaration) if rules == "DE" else []
    sections += _french(declaration) if rules == "FR" else []
    sections.append(privacy_policy_section(declaration, w.PRIVACY, w.NOTICE_TO_POLICY, "privacy"))
    return Document(
        key="legal-notice",
        title=w.NOTICE_TITLE,
        url=url_of(declaration, "legal-notice"),
        lang=language_of(declaration),
        intro=(Paragraph((w.NOTICE_INTRO[rules],)),),
        sections=tuple(sections),
        meets=("meta.link_everywhere",),
    )


def _value(text: str, *loc: str | int) -> Declared:
    return Declared(text, (*_CONTROLLER, *loc), lint=False)


def _provider(declaration: Declaration, rules: str) -> Section:
    c = declaration.controller
    w = words_for(declaration)
    rows: list[tuple[str, tuple[Inline, ...]]] = []
    if c.legal_form:
        rows.append((w.LEGAL_FORM, (_value(c.legal_form, "legal_form"),)))
    roles = dict.fromkeys(officer.role for officer in c.represented_by)
    for role in roles:
        names = [
            _value(officer.name, "represented_by", index, "name")
            for index, officer in enumerate(c.represented_by)
            if officer.role is role
        ]
        rows.append((w.role_label(role, len(names)), joined([(name,) for name in names], w.AND)))
    if c.share_capital:
        rows.append((w.SHARE_CAPITAL, (_value(c.share_capital, "share_capital"),)))
    blocks: list = [
        Lines(
            (
                (_value(c.legal_name, "legal_name"),),
                *address_lines(c.address, (*_CONTROLLER, "address"), language_of(declaration)),
            )
        )
    ]
    if rows:
        blocks.append(Facts(tuple(rows)))
    meets = ["imprint.identity"]
    if rules == "DE" and c.represented_by:
        meets.append("imprint.de_representatives")
    return Section(w.PROVIDER, tuple(blocks), meets=tuple(meets))


def _contact(declaration: Declaration) -> Section:
    c = declaration.controller
    w = words_for(declaration)
    rows: list[tuple[str, tuple[Inline, ...]]] = [(w.EMAIL, (email_link(c.email),))]
    if c.phone:
        rows.append((w.PHONE, (phone_link(c.phone),)))
    forms = [ch.value for ch in declaration.rights.channels if ch.type is ChannelType.FORM]
    for form in forms:
        text = w.WRITE_TO_US if form[:1] == "/" else form
        rows.append((w.CONTACT_FORM_LABEL, (site_link(text, form),)))
    fast = bool(c.phone or forms)
    return Section(
        w.CONTACT,
        (Facts(tuple(rows)),),
        meets=("imprint.contact",) if fast else (),
        anchor=None if fast else "contact",
    )


def _register(declaration: Declaration, rules: str) -> Section | None:
    c = declaration.controller
    w = words_for(declaration)
    rows: list[tuple[str, tuple[Inline, ...]]] = []
    meets = ["imprint.register"]
    if c.commercial_register:
        register = c.commercial_register
        court = _value(register.court, "register", "court")
        number = _value(register.number, "register", "number")
        if rules == "GB":
            rows.append((w.REGISTER_LABEL[rules], (court,)))
            rows.append((w.COMPANY_NUMBER, (number,)))
            office = c.registered_office or c.address
            rows.append((w.REGISTERED_OFFICE, (address_text(office, language_of(declaration)),)))
            meets.append("imprint.uk_company")
        else:
            rows.append((w.REGISTER_LABEL[rules], (court, ", ", number)))
            if c.registered_office:
                seat = address_text(c.registered_office, language_of(declaration))
                rows.append((w.REGISTERED_OFFICE, (seat,)))
    if c.vat_id:
        rows.append((w.VAT_LABEL[rules], (_value(c.vat_id, "vat_id"),)))
    if not rows:
        return None
    heading = join(
        [word for word, given in ((w.REGISTER, c.commercial_register), (w.VAT, c.vat_id)) if given],
        w.AND,
    )
    return Section(heading, (Facts(tuple(rows)),), meets=tuple(meets))


def _german(declaration: Declaration) -> list[Section]:
    """§18(2) MStV (responsible for the content, name and address) and §36 VSBG."""
    c = declaration.controller
    w = words_for(declaration)
    sections = []
    if c.editorial_responsible:
        person = c.editorial_responsible
        loc = (*_CONTROLLER, "editorial_responsible")
        sections.append(
            Section(
                w.EDITORIAL_HEADING,
                (
                    Lines(
                        (
                            (Declared(person.name, (*loc, "name"), lint=False),),
                            *address_lines(
                                person.address, (*loc, "address"), language_of(declaration)
                            ),
                        )
                    ),
                ),
                meets=("imprint.de_editorial",),
            )
        )
    if c.consumer_disputes:
        disputes = c.consumer_disputes
        board = disputes.board
        board_loc: Loc = (*_CONTROLLER, "consumer_disputes", "board")
        spans = (
            (
                Declared(board.name, (*board_loc, "name"), lint=False),
                ", ",
                Declared(board.address, (*board_loc, "address"), lint=False),
                ", ",
                site_link(board.url, board.url),
            )
            if board
            else None
        )
        sections.append(
            Section(
                w.DISPUTES_HEADING,
                (Paragraph(w.disputes(disputes.participation.value, spans)),),
                meets=("imprint.de_dispute_resolution",),
            )
        )
    return sections


def _french(declaration: Declaration) -> list[Section]:
    """LCEN art. 6, III, 1, c) and d): the directeur de la publication and the host."""
    c = declaration.controller
    w = words_for(declaration)
    sections = []
    if c.publication_director:
        sections.append(
            Section(
                w.PUBLICATION_DIRECTOR,
                (Paragraph((_value(c.publication_director, "publication_director"),)),),
                meets=("imprint.fr_publication",),
            )
        )
    lines: list = []
    for host in declaration.hosts:
        index = declaration.recipients.index(host)
        loc = ("recipients", index)
        lines.append((Declared(host.name, (*loc, "name"), lint=False),))
        if host.address:
            lines += list(address_lines(host.address, (*loc, "address"), language_of(declaration)))
        if host.phone:
            lines.append((phone_link(host.phone),))
    if FIRST_PARTY in declaration.site.hosted_by:
        lines.append((_value(c.legal_name, "legal_name"),))
    if lines:
        sections.append(Section(w.HOST_HEADING, (Lines(tuple(lines)),), meets=("imprint.fr_host",)))
    return sections


def _regulator(declaration: Declaration) -> Section:
    regulator = declaration.controller.regulator
    assert regulator is not None
    w = words_for(declaration)
    name: tuple[Inline, ...] = (_value(regulator.name, "regulator", "name"),)
    if regulator.url:
        name = (*name, " (", site_link(regulator.url, regulator.url), ")")
    rows: list[tuple[str, tuple[Inline, ...]]] = [(w.SUPERVISED_BY, name)]
    if regulator.professional_rules:
        rows.append(
            (
                w.PROFESSIONAL_RULES,
                (
                    Declared(
                        regulator.professional_rules,
                        (*_CONTROLLER, "regulator", "professional_rules"),
                    ),
                ),
            )
        )
    return Section(w.SUPERVISION, (Facts(tuple(rows)),), meets=("imprint.regulated",))
