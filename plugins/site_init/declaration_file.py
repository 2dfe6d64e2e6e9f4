"""content/privacy.yml written from the answers, with the comments an owner needs to edit it."""

from __future__ import annotations

import json
from dataclasses import dataclass

from declaration.countries import EEA, EU_ADEQUATE
from local_formats import format_address

from .answers import Answers

PLACEHOLDER = "# PLACEHOLDER"


def q(value: str) -> str:
    """A YAML scalar that reads back as exactly `value` (double-quoted, as JSON writes it)."""
    return json.dumps(value, ensure_ascii=False)


def _optional(key: str, value: str, comment: str, indent: str = "  ") -> str:
    if value:
        return f"{indent}{key}: {q(value)}\n"
    return f"{indent}# {key}: ...   # {comment}\n"


def _representatives(a: Answers) -> str:
    """represented_by, each person with the role the legal notice names them in."""
    if not a.representatives:
        return ""
    role = a.role
    mark = "" if role else f"   {PLACEHOLDER}: or director, board_member, owner, partner, president"
    people = "".join(
        f"    - name: {q(name)}\n      role: {role or 'managing_director'}{mark}\n"
        for name in a.representatives
    )
    return "  represented_by:               # legal notice: who represents the business\n" + people


def _address_block(a: Answers, indent: str) -> str:
    region = f"{indent}region: {q(a.get('region'))}\n" if a.get("region") else ""
    return (
        f"{indent}street: {q(a.get('street'))}\n"
        f"{indent}postal_code: {q(a.get('postal_code'))}\n"
        f"{indent}city: {q(a.get('city'))}\n"
        f"{region}"
        f"{indent}country: {a.country}\n"
    )


def _germany(a: Answers) -> str:
    """What a German legal notice adds: who answers for the blog (§18(2) MStV) and whether the
    business takes part in consumer dispute resolution (§36 VSBG)."""
    if a.country != "DE":
        return ""
    person = a.representatives[0] if a.representatives else ""
    name = q(person) if person else f'"PLACEHOLDER: a person\'s name"   {PLACEHOLDER}'
    return (
        "  editorial_responsible:        # who answers for the blog's content (§18(2) MStV)\n"
        f"    name: {name}\n"
        "    address:\n"
        + _address_block(a, "      ")
        + "  consumer_disputes: {participation: not_willing}   # §36 VSBG; or willing/obliged, "
        "with board: {name, address, url}\n"
    )


def _france(a: Answers) -> str:
    """What a French legal notice adds (LCEN art. 6, III, 1): the directeur de la publication
    and, for a société, its share capital."""
    if a.country != "FR":
        return ""
    person = a.representatives[0] if a.representatives else ""
    director = q(person) if person else f'"PLACEHOLDER: a person\'s name"   {PLACEHOLDER}'
    text = f"  publication_director: {director}   # directeur de la publication\n"
    if a.get("legal_form").lower() in ("sarl", "eurl", "sas", "sasu", "sa", "snc"):
        text += f'  share_capital: "PLACEHOLDER: e.g. 10 000 €"   {PLACEHOLDER}\n'
    return text


def _controller(a: Answers) -> str:
    register = ""
    if a.get("register_number"):
        court = a.get("register_name") or "PLACEHOLDER: the register"
        mark = f"   {PLACEHOLDER}" if not a.get("register_name") else ""
        register = (
            f"  register:\n    court: {q(court)}{mark}\n    number: {q(a.get('register_number'))}\n"
        )
    return (
        "controller:\n"
        f"  legal_name: {q(a.get('business_name'))}\n"
        + _optional("legal_form", a.get("legal_form"), "optional (legal notice): GmbH, Ltd, LLC")
        + _representatives(a)
        + "  address:\n"
        + _address_block(a, "    ")
        + f"  email: {q(a.get('email'))}\n"
        + _phone(a)
        + register
        + _optional("vat_id", a.get("vat_id"), "optional (legal notice)")
        + _germany(a)
        + _france(a)
        + _eu_representative(a)
    )


def _eu_representative(a: Answers) -> str:
    """GDPR Art. 27: a controller outside the EU/EEA under eu_gdpr names one in the EU."""
    if not a.outside_the_eea:
        return "  eu_representative: null   # required under eu_gdpr when you are outside the EU\n"
    return (
        "  eu_representative:            # your representative in the EU (GDPR Art. 27)\n"
        f'    name: "PLACEHOLDER: your EU representative"   {PLACEHOLDER}\n'
        "    address:\n"
        f'      street: "PLACEHOLDER: street"   {PLACEHOLDER}\n'
        f'      postal_code: "PLACEHOLDER"   {PLACEHOLDER}\n'
        f'      city: "PLACEHOLDER: city"   {PLACEHOLDER}\n'
        f"      country: IE   {PLACEHOLDER}: an EU/EEA country\n"
        f"    email: representative@placeholder.test   {PLACEHOLDER}\n"
    )


def _transfer(a: Answers, country: str) -> str:
    """The safeguard a recipient in `country` needs: under eu_gdpr outside the EEA (GDPR
    Art. 45: an adequacy decision where the Commission made one, else Art. 46(2)(c) standard
    clauses), under uk_gdpr outside the UK (UK GDPR Art. 45 with DPA 2018 Sch. 21 para. 4 for
    the EEA, else the IDTA)."""
    parts = []
    if "eu_gdpr" in a.jurisdictions and country not in EEA:
        parts.append("mechanism: adequacy" if country in EU_ADEQUATE else "mechanism: scc")
    if "uk_gdpr" in a.jurisdictions and country != "GB":
        parts.append("uk: uk_adequacy" if country in EEA else "uk: idta")
    if not parts:
        return ""
    if any(p.endswith(("scc", "idta")) for p in parts):
        parts.append('copy: "PLACEHOLDER: how people get a copy, e.g. e-mail us"')
        return f"    transfer: {{{', '.join(parts)}}}   {PLACEHOLDER}\n"
    return f"    transfer: {{{', '.join(parts)}}}\n"


def _phone(a: Answers) -> str:
    if a.get("phone") or a.country != "FR":
        return _optional("phone", a.get("phone"), "optional")
    # A French legal notice gives a phone number (LCEN art. 6, III, 1, a).
    return f'  phone: "+33 1 00 00 00 00"   {PLACEHOLDER}: your phone number\n'


def _authority(a: Answers) -> str:
    """The lead authority, which only a business in the EU/EEA has (GDPR Art. 56; under
    uk_gdpr the policy names the ICO itself). Which one depends on the country, and in Germany
    on the state, so the owner names it; publishing waits for it."""
    if "eu_gdpr" not in a.jurisdictions or a.outside_the_eea:
        return ""
    return (
        "supervisory_authority:        # the data protection authority people may complain to\n"
        f'  name: "PLACEHOLDER: your data protection authority"   {PLACEHOLDER}\n'
        f"  url: https://authority.invalid   {PLACEHOLDER}: its web address\n"
    )


def _categories(a: Answers) -> str:
    rows = []
    if a.flags["contact_form"] or a.flags["newsletter"]:
        rows.append("  - {id: contact, label: Name and e-mail address}\n")
    if a.flags["contact_form"]:
        rows.append("  - {id: message, label: Content of your message}\n")
    rows.append('  - {id: connection, label: "IP address, browser, requested page, time"}\n')
    return "data_categories:\n" + "".join(rows)


def _processing(a: Answers) -> str:
    text = (
        "processing:                   # one entry per purpose\n"
        "  - id: hosting_logs\n"
        "    title: Server logs\n"
        "    purpose: Deliver the website and protect it against attacks\n"
        "    data: [connection]\n"
        "    sources: [browser]          # sent by the visitor's browser\n"
        "    legal_basis: legitimate_interests\n"
        "    legitimate_interest: Running a secure, available website\n"
        "    provision: {obligation: none, consequence: The website cannot be shown}\n"
        "    recipients: [webhost]\n"
        "    retention: {duration: P14D}  # how long your host keeps its logs\n"
    )
    if a.flags["contact_form"]:
        text += (
            "  - id: contact_form\n"
            "    title: Contact form\n"
            "    purpose: Answer the questions you send us with the contact form\n"
            "    data: [contact, message]\n"
            "    sources: [data_subject]\n"
            "    legal_basis: legitimate_interests\n"
            "    legitimate_interest: Replying to the questions people send us\n"
            "    provision: {obligation: none, consequence: We cannot reply}\n"
            "    recipients: [webhost]\n"
            "    retention: {duration: P6M}   # counted from when the inbox receives the message\n"
            "    form: contact             # the contact form collects for this purpose\n"
        )
    if a.flags["newsletter"]:
        text += (
            "  - id: newsletter\n"
            "    title: Newsletter\n"
            "    purpose: Send you our newsletter\n"
            "    data: [contact]\n"
            "    sources: [data_subject]\n"
            "    legal_basis: consent\n"
            "    consent: {withdraw: the unsubscribe link in every newsletter}\n"
            "    provision: {obligation: none, consequence: You do not receive the newsletter}\n"
            "    recipients: [newsletter_service]\n"
            "    retention: {criteria: you unsubscribe}\n"
        )
    if a.flags["analytics"]:
        text += (
            "  # Analytics: describe it as a purpose here (self-hosted Matomo, say, with\n"
            "  # scripts: [matomo]); see docs/declaration.md. The build refuses tracker code no\n"
            "  # purpose declares.\n"
        )
    return text


def _recipients(a: Answers) -> str:
    host = a.get("host_name")
    text = (
        "recipients:\n"
        "  - id: webhost\n"
        f"    name: {q(host or 'PLACEHOLDER: your web host')}{'' if host else '  ' + PLACEHOLDER}\n"
        "    role: processor\n"
        "    purpose: Web hosting\n"
        f"    country: {a.get('host_country') or a.country}"
        f"{'' if a.get('host_country') else '   ' + PLACEHOLDER + ': where it hosts the site'}\n"
    )
    text += _transfer(a, a.get("host_country") or a.country)
    if a.get("host_privacy_url"):
        text += f"    privacy_url: {q(a.get('host_privacy_url'))}\n"
    if a.country == "FR":  # a French legal notice names the host's address and phone
        text += (
            "    address:                  # the host's (LCEN art. 6, III, 1, d)\n"
            f'      street: "PLACEHOLDER: street"   {PLACEHOLDER}\n'
            f'      postal_code: "PLACEHOLDER"   {PLACEHOLDER}\n'
            f'      city: "PLACEHOLDER: city"   {PLACEHOLDER}\n'
            f"      country: {a.get('host_country') or a.country}\n"
            f'    phone: "+33 1 00 00 00 00"   {PLACEHOLDER}: the host\'s phone number\n'
        )
    text += "    hosts: []                 # hosts the built site contacts for this recipient\n"
    if a.flags["newsletter"]:
        text += (
            "  - id: newsletter_service\n"
            f'    name: "PLACEHOLDER: the service that sends your newsletter"   {PLACEHOLDER}\n'
            "    role: processor\n"
            "    purpose: Sending the newsletter\n"
            f"    country: {a.country}   {PLACEHOLDER}: where it processes the addresses\n"
            + _transfer(a, a.country)
            + "    hosts: []\n"
        )
    if a.flags["embeds"]:
        text += (
            "  # Embedded videos or maps: each service is a recipient with the hosts the page\n"
            "  # contacts (see docs/declaration.md); the privacy guard refuses undeclared hosts.\n"
        )
    return text


def _rights(a: Answers) -> str:
    text = (
        "rights:\n"
        "  channels:\n"
        f"    - {{type: email, value: {q(a.get('email'))}}}\n"
        + ("    - {type: form, value: /contact/}\n" if a.flags["contact_form"] else "")
        + "  response_time: P1M\n"
        "  verification: We answer to the e-mail address we already have, or ask for one more "
        "detail.\n"
        "  authorized_agent: null      # required with us_ca_ccpa\n"
    )
    if {"uk_gdpr", "ca_pipeda"} & set(a.jurisdictions):
        # An electronic way and another, acknowledged within 30 days (DPA 2018 s.164A).
        postal = q(f"{a.get('business_name')}, {format_address(_Address(a), one_line=True)}")
        text += (
            "  complaint_procedure:          # how people complain to you\n"
            "    channels:\n"
            f"      - {{type: email, value: {q(a.get('email'))}}}\n"
            f"      - {{type: postal, value: {postal}}}\n"
            "    acknowledge_within: P30D\n"
        )
    return text


@dataclass(frozen=True)
class _Address:
    """The answered address, as local_formats reads one."""

    answers: Answers

    @property
    def street(self) -> str:
        return self.answers.get("street")

    @property
    def postal_code(self) -> str:
        return self.answers.get("postal_code")

    @property
    def city(self) -> str:
        return self.answers.get("city")

    @property
    def region(self) -> str | None:
        return self.answers.get("region") or None

    @property
    def country(self) -> str:
        return self.answers.country


def _laws(a: Answers) -> str:
    text = "ccpa: {applies: false}        # when true: sells, shares, honors_gpc, ...\n"
    if "us_ca_caloppa" in a.jurisdictions:
        text += (
            "caloppa:\n  dnt_response: We do not track visitors across other sites, so Do Not "
            "Track signals change nothing.\n"
        )
    if "ca_pipeda" in a.jurisdictions:
        officer = a.representatives[0] if a.representatives else a.get("business_name")
        text += (
            "pipeda:\n  privacy_officer:\n    title: Privacy Officer\n"
            f"    name: {q(officer)}\n"
            "    address:\n" + _address_block(a, "      ") + f"    email: {q(a.get('email'))}\n"
        )
    return text


def declaration_text(a: Answers) -> str:
    """The whole declaration for these answers: valid, commented, and with PLACEHOLDER marks
    only where the answers left something out."""
    languages = a.get("language") or "en"
    return (
        "# yaml-language-server: $schema=../plugins/declaration/privacy.schema.json\n"
        f"# How {a.site_name} handles personal data: written by make init from your answers.\n"
        "# The privacy policy, the cookie statement, the legal notice, the contact form's notice\n"
        "# and retention, and the privacy guard's list of allowed third parties come from it.\n"
        "#\n"
        "# Read it through; replace every value marked PLACEHOLDER; check it with\n"
        "#   .venv/bin/python -m declaration check content/privacy.yml\n"
        "# Every field: docs/declaration-reference.md.\n"
        "#\n"
        "# Types: text, url, e-mail, ISO 3166-1 country code (DE, GB, US), duration (ISO 8601:\n"
        "# P14D = 14 days, P6M = 6 months, P1Y = 1 year), list. Required unless marked optional.\n"
        "\n"
        "schema: 1\n\n"
        "site:\n"
        f"  name: {q(a.site_name)}\n"
        f"  url: {a.get('site_url').rstrip('/')}\n"
        "  first_party_hosts: []       # optional: more hosts that are your own\n"
        f"  languages: [{languages}]          # the first one is the default\n"
        "  hosted_by: [webhost]        # who runs the servers that deliver the site\n\n"
        "# eu_gdpr | uk_gdpr | eprivacy | us_ca_caloppa | us_ca_ccpa | ca_pipeda\n"
        f"# (chosen from your country, {a.country}; add any other law that applies to you)\n"
        f"jurisdictions: [{', '.join(a.jurisdictions)}]\n\n"
        + _controller(a)
        + "\ndpo: {appointed: false}       # when true: email (required), name, address, phone\n\n"
        + _authority(a)
        + ("\n" if _authority(a) else "")
        + _categories(a)
        + "\n"
        + _processing(a)
        + "\n"
        + _recipients(a)
        + "\nstorage: []   # cookies, local storage, pixels; [] = the site stores nothing\n\n"
        "automated_decision_making: {used: false}\n\n"
        + _rights(a)
        + "\n"
        + _laws(a)
        + "\npolicy:\n  change_notification: We publish every change on this page and keep earlier "
        "versions readable.\n"
    )
