"""What the legal notice (imprint) must hold, by the controller's country.

Each country's law names the facts a business website must show; the check names
each one the declaration lacks. Sources, checked 2026-12-03:
- DE: §5(1) DDG (name, address, legal form, authorised representatives, register and
  number, VAT ID); §18(2) MStV (a person responsible for journalistic-editorial content,
  e.g. a blog, with name and address); §36(1) VSBG (whether the business takes part in
  consumer dispute resolution; required from more than 10 employees, §36(3), and stated
  here for every business, since the kit cannot know the headcount).
- GB: Companies Act 2006 s.82 and the Company, LLP and Business (Names and Trading
  Disclosures) Regulations 2015 (SI 2015/17) regs. 24 and 25 (registered name, part of the
  UK where registered, registered number, registered office); E-Commerce Regulations 2002
  reg. 6 (VAT number when registered).
- FR: LCEN (loi n° 2004-575) art. 6, III, 1 (dénomination, siège social, phone, RCS number,
  share capital, directeur de la publication, the host's name, address and phone). The SREN
  law (loi n° 2024-449 of 21 May 2024, Title VIII chapter I, arts. 48 to 51) adapted the LCEN
  to the DSA and added an art. 1-1; its text was not found in the search tool on 2026-12-04
  (Légifrance's table of the SREN law and commentaries only), so whether these duties now sit
  in art. 1-1 is unverified: re-check this citation against Légifrance before relying on it.
- other EU/EEA: Directive 2000/31/EC Art. 5(1) (what controller and rights.channels hold);
  Art. 5(1)(d) asks for the register and number "where the service provider is registered",
  which the kit knows for these countries (checked 2026-12-04):
  - NL: every business is entered in the Handelsregister (Handelsregisterwet 2007 art. 5) and
    shows its KvK number on everything it sends out, its website included (art. 27(1));
    BW art. 3:15d(1)(c) (the Directive's Art. 5(1)(d)); the government's own summary:
    https://ondernemersplein.overheid.nl/regels-voor-bedrijfscorrespondentie.
  - AT: "sofern vorhanden, die Firmenbuchnummer und das Firmenbuchgericht" (§ 5(1) Z 4 ECG),
    which every business entered in the Firmenbuch has (the legal forms below; § 14 UGB asks
    the same of their websites: https://www.usp.gv.at/laufender-betrieb/firmenbuch/
    geschaeftspapiere-und-bestellscheine.html).
  The VAT ID (Art. 5(1)(g); NL BW art. 3:15d(1)(f); AT § 5(1) Z 7 ECG) is shown when the
  business has one; the kit cannot know whether it has, so it is not required.
- US: no imprint law; the notice shows only what the owner declares.
"""

from __future__ import annotations

import re
from typing import Any

from .countries import EEA, UK, codes
from .errors import Loc
from .model import FIRST_PARTY
from .raw import Findings, entries, given, items, mapping, member, text
from .vocab import DisputeParticipation

# German legal forms with an entry in a public register (Handels-, Genossenschafts- or
# Partnerschaftsregister), and those run by their owner alone (no representative to name).
_DE_REGISTERED = {
    "gmbh", "ug", "ug (haftungsbeschränkt)", "ag", "kg", "ohg", "gmbh & co. kg", "e.k.",
    "eg", "se", "kgaa", "partg", "partg mbb", "e.v.",
}  # fmt: skip
_DE_SOLE = {"einzelunternehmen", "e.k.", "freiberufler", "sole trader"}
# A UK company or LLP, however the owner writes its form: "Ltd", "Ltd.", "Private limited
# company", "PLC", "LLP", "Limited liability partnership", "CIC", the Welsh "Cyf"/"CCC". A
# limited partnership (Limited Partnerships Act 1907) is no company and is not matched.
_UK_COMPANY = re.compile(
    r"\b(ltd|limited(?! partnership)|plc|llp|cic|cyf|cyfyngedig|ccc|unlimited company|"
    r"community interest company|limited liability partnership)\b"
)
# SI 2015/17 reg. 25(2)(a): "the part of the United Kingdom in which the company is registered"
# (a Welsh company may say Wales).
UK_REGISTRATION_PARTS = ("England and Wales", "Scotland", "Northern Ireland", "Wales")
_FR_SOCIETES = {"sarl", "eurl", "sas", "sasu", "sa", "snc", "sca", "scs", "sci", "selarl"}
# Austrian legal forms that are entered in the Firmenbuch: the companies, the partnerships
# and the registered sole trader (e.U.); a sole trader who is not entered has no number to show.
_AT_FIRMENBUCH = {
    "gmbh", "flexco", "flexible kapitalgesellschaft", "ag", "og", "kg", "gmbh & co kg",
    "e.u.", "eu", "se", "egen", "genossenschaft", "privatstiftung",
}  # fmt: skip
_CONTROLLER: Loc = ("controller",)


def legal_notice_country(country: str | None) -> str:
    """Which country's rules apply: DE, GB, FR, EU (other EU/EEA) or OTHER."""
    if country in ("DE", "GB", "FR"):
        return country
    return "EU" if country in EEA else "OTHER"


def check_imprint(data: dict[str, Any], findings: Findings) -> None:
    controller = mapping(data.get("controller"))
    country = mapping(controller.get("address")).get("country")
    if not isinstance(country, str) or country not in codes():
        return  # the address check names the country; guessing its rules would add noise
    rules = legal_notice_country(country)
    form = (text(controller.get("legal_form")) or "").lower()
    if rules == "DE":
        _germany(controller, form, findings)
    elif rules == UK and uk_company(form):
        _uk_company(controller, findings)
    elif rules == "FR":
        _france(data, controller, form, findings)
    elif country == "NL":
        _require(
            controller,
            "register",
            "every Dutch business shows its KvK number on its website (Handelsregisterwet 2007 "
            "art. 27(1); BW art. 3:15d(1)(c))",
            '{court: Kamer van Koophandel, number: "12345678"}',
            findings,
        )
    elif country == "AT" and form in _AT_FIRMENBUCH:
        _require(
            controller,
            "register",
            f"a {controller.get('legal_form')} is entered in the Firmenbuch, whose number and "
            "court its website shows (§ 5(1) Z 4 ECG; § 14 UGB)",
            "{court: Handelsgericht Wien, number: FN 123456a}",
            findings,
        )
    if rules != "DE":
        for key in ("editorial_responsible", "consumer_disputes"):
            if given(controller, key):
                findings.forbid(_CONTROLLER, key, "it is a rule of German law only")
    if rules != "FR":
        for key in ("publication_director", "share_capital"):
            if given(controller, key):
                findings.forbid(_CONTROLLER, key, "it is a rule of French law only")
    _disputes(mapping(controller.get("consumer_disputes")), findings)
    for index, officer in entries(controller, "represented_by"):
        if not given(officer, "role"):
            # The notice labels each representative by role (DE: §5(1) No. 1 DDG names the
            # authorised representatives; a Geschäftsführer is not a Vorstand).
            findings.require(
                (*_CONTROLLER, "represented_by", index),
                "role",
                "the legal notice names the role in which each person represents the business",
                "managing_director, director, board_member, owner, partner or president",
            )


def _require(
    controller: dict[str, Any],
    key: str,
    reason: str,
    write: str,
    findings: Findings | None = None,
) -> None:
    if findings is not None and not given(controller, key):
        findings.require(_CONTROLLER, key, reason, write)


def uk_company(legal_form: str | None) -> bool:
    """Whether the legal form is a company or LLP registered under the Companies Act 2006."""
    return bool(_UK_COMPANY.search(" ".join((legal_form or "").lower().replace(".", " ").split())))


def _uk_company(controller: dict[str, Any], findings: Findings) -> None:
    """Companies Act 2006 s.82 and SI 2015/17 reg. 25(1)(c), (2)(a)-(c) (checked 2026-12-04):
    a company's website shows the part of the UK where it is registered, its registered number
    and its registered office (the notice shows registered_office, or address when they are
    the same). The kit asks the same of an LLP; the provision that applies this to LLPs was
    not read for this rule."""
    _require(
        controller,
        "register",
        f"a UK company ({controller.get('legal_form')}) shows on its website the part of the UK "
        "where it is registered and its registered number (SI 2015/17 reg. 25(2)(a), (b))",
        '{court: England and Wales, number: "01234567"}',
        findings,
    )
    court = mapping(controller.get("register")).get("court")
    if isinstance(court, str) and court.strip().lower() not in {
        part.lower() for part in UK_REGISTRATION_PARTS
    }:
        findings.add(
            (*_CONTROLLER, "register", "court"),
            f'"{court}" is no part of the UK a company is registered in; write one of '
            f"{', '.join(UK_REGISTRATION_PARTS)} (SI 2015/17 reg. 25(2)(a); it is on the "
            "company's certificate of incorporation)",
        )


def _germany(controller: dict[str, Any], form: str, findings: Findings) -> None:
    _require(
        controller, "legal_form", "the controller is in Germany (§5(1) No. 1 DDG)", "GmbH",
        findings,
    )  # fmt: skip
    if form and form not in _DE_SOLE and not items(controller.get("represented_by")):
        findings.require(
            _CONTROLLER,
            "represented_by",
            f"a {controller.get('legal_form')} names who represents it (§5(1) No. 1 DDG)",
            "[{name: Erika Example, role: managing_director}]",
        )
    if form in _DE_REGISTERED:
        _require(
            controller,
            "register",
            f"a {controller.get('legal_form')} is entered in a register (§5(1) No. 4 DDG)",
            "{court: Amtsgericht Berlin, number: HRB 12345}",
            findings,
        )
    _require(
        controller,
        "editorial_responsible",
        "a German site with a blog names who is responsible for its content (§18(2) MStV)",
        "{name: Erika Example, address: {street, postal_code, city, country: DE}}",
        findings,
    )
    _require(
        controller,
        "consumer_disputes",
        "a German business says whether it takes part in consumer dispute resolution (§36 VSBG)",
        "{participation: not_willing}",
        findings,
    )


def _france(
    data: dict[str, Any], controller: dict[str, Any], form: str, findings: Findings
) -> None:
    why = "the controller is in France (LCEN art. 6, III, 1)"
    _require(controller, "publication_director", why, "the name of the directeur de la "
             "publication", findings)  # fmt: skip
    _require(controller, "phone", why, '"+33 1 00 00 00 00"', findings)
    if form in _FR_SOCIETES:
        _require(controller, "register", why, "{court: RCS Paris, number: 123 456 789}", findings)
        _require(controller, "share_capital", why, '"10 000 €"', findings)
    hosts = [text(host) for host in items(mapping(data.get("site")).get("hosted_by"))]
    for index, recipient in entries(data, "recipients"):
        if text(recipient.get("id")) in hosts and text(recipient.get("id")) != FIRST_PARTY:
            for key, write in (
                ("address", "{street, postal_code, city, country}"),
                ("phone", '"+33 1 00 00 00 00"'),
            ):
                if not given(recipient, key):
                    findings.require(
                        ("recipients", index),
                        key,
                        "it hosts the site, and a French legal notice gives the host's address "
                        "and phone (LCEN art. 6, III, 1, d)",
                        write,
                    )


def _disputes(disputes: dict[str, Any], findings: Findings) -> None:
    participation = member(disputes.get("participation"), DisputeParticipation)
    if participation is None:
        return
    findings.only_when(
        disputes,
        (*_CONTROLLER, "consumer_disputes"),
        "board",
        participation is not DisputeParticipation.NOT_WILLING,
        (
            f"participation is {participation}: the notice names the board with its address "
            "and website (§36(1) No. 2 VSBG)",
            "participation is not_willing",
        ),
        "{name: ..., address: ..., url: ...}",
    )
