"""The legal notice (imprint): who provides the site, how to reach them fast, where registered.

Published only when the controller declares legal-notice data (legal form,
representatives, register, VAT ID or regulator); the e-mail address and postal
address alone are already in the privacy policy. There is no EU online dispute
resolution link: that platform closed on 20 July 2025.
"""

from __future__ import annotations

from declaration import ChannelType, Declaration

from .document import Declared, Document, Facts, Inline, Lines, Paragraph, Section
from .wording import (
    LEGAL_NOTICE_URL,
    address_lines,
    email_link,
    join,
    phone_link,
    privacy_policy_section,
    site_link,
)

_CONTROLLER = ("controller",)


def publishes_legal_notice(declaration: Declaration) -> bool:
    c = declaration.controller
    return bool(c.legal_form or c.represented_by or c.commercial_register or c.vat_id) or (
        c.regulator is not None
    )


def legal_notice(declaration: Declaration) -> Document | None:
    if not publishes_legal_notice(declaration):
        return None
    sections = [_provider(declaration), _contact(declaration)]
    register = _register(declaration)
    if register:
        sections.append(register)
    if declaration.controller.regulator:
        sections.append(_regulator(declaration))
    sections.append(
        privacy_policy_section(
            "Privacy", "How we handle personal data is set out in our ", "privacy"
        )
    )
    return Document(
        key="legal-notice",
        title="Legal notice",
        url=LEGAL_NOTICE_URL,
        intro=(Paragraph(("Who provides this website, as e-commerce law requires.",)),),
        sections=tuple(sections),
        meets=("meta.link_everywhere",),
    )


def _value(text: str, *loc: str | int) -> Declared:
    return Declared(text, (*_CONTROLLER, *loc), lint=False)


def _provider(declaration: Declaration) -> Section:
    c = declaration.controller
    rows: list[tuple[str, tuple[Inline, ...]]] = []
    if c.legal_form:
        rows.append(("Legal form", (_value(c.legal_form, "legal_form"),)))
    if c.represented_by:
        names = [
            _value(name, "represented_by", index) for index, name in enumerate(c.represented_by)
        ]
        rows.append(("Represented by", _names(names)))
    blocks: list = [
        Lines(
            (
                (_value(c.legal_name, "legal_name"),),
                *address_lines(c.address, (*_CONTROLLER, "address")),
            )
        )
    ]
    if rows:
        blocks.append(Facts(tuple(rows)))
    return Section("Provider", tuple(blocks), meets=("imprint.identity",))


def _names(names: list[Declared]) -> tuple[Inline, ...]:
    result: list[Inline] = []
    for index, name in enumerate(names):
        if index:
            result.append(" and " if index == len(names) - 1 else ", ")
        result.append(name)
    return tuple(result)


def _contact(declaration: Declaration) -> Section:
    c = declaration.controller
    rows: list[tuple[str, tuple[Inline, ...]]] = [("E-mail", (email_link(c.email),))]
    if c.phone:
        rows.append(("Phone", (phone_link(c.phone),)))
    forms = [ch.value for ch in declaration.rights.channels if ch.type is ChannelType.FORM]
    for form in forms:
        rows.append(
            ("Contact form", (site_link("write to us" if form[:1] == "/" else form, form),))
        )
    fast = bool(c.phone or forms)
    return Section(
        "Contact",
        (Facts(tuple(rows)),),
        meets=("imprint.contact",) if fast else (),
        anchor=None if fast else "contact",
    )


def _register(declaration: Declaration) -> Section | None:
    c = declaration.controller
    rows: list[tuple[str, tuple[Inline, ...]]] = []
    if c.commercial_register:
        register = c.commercial_register
        rows.append(("Register", (_value(register.court, "register", "court"),)))
        rows.append(("Registration number", (_value(register.number, "register", "number"),)))
    if c.vat_id:
        rows.append(("VAT ID", (_value(c.vat_id, "vat_id"),)))
    if not rows:
        return None
    heading = join(
        [w for w, given in (("Register", c.commercial_register), ("VAT ID", c.vat_id)) if given]
    )
    return Section(heading, (Facts(tuple(rows)),), meets=("imprint.register",))


def _regulator(declaration: Declaration) -> Section:
    regulator = declaration.controller.regulator
    assert regulator is not None
    name: tuple[Inline, ...] = (_value(regulator.name, "regulator", "name"),)
    if regulator.url:
        name = (*name, " (", site_link(regulator.url, regulator.url), ")")
    rows: list[tuple[str, tuple[Inline, ...]]] = [("Supervised by", name)]
    if regulator.professional_rules:
        rows.append(
            (
                "Professional rules",
                (
                    Declared(
                        regulator.professional_rules,
                        (*_CONTROLLER, "regulator", "professional_rules"),
                    ),
                ),
            )
        )
    return Section("Supervision", (Facts(tuple(rows)),), meets=("imprint.regulated",))
