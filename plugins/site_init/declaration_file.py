"""content/privacy.yml written from the answers, with the comments an owner needs to edit it."""

from __future__ import annotations

import json
from dataclasses import dataclass

from local_formats import format_address

from .answers import Answers

# The UK's data protection authority; other countries' are left for the owner to name (a
# German business's depends on its state), marked PLACEHOLDER so publishing waits for them.
KNOWN_AUTHORITIES = {"GB": ("Information Commissioner's Office", "https://ico.org.uk")}
PLACEHOLDER = "# PLACEHOLDER"


def q(value: str) -> str:
    """A YAML scalar that reads back as exactly `value` (double-quoted, as JSON writes it)."""
    return json.dumps(value, ensure_ascii=False)


def _optional(key: str, value: str, comment: str, indent: str = "  ") -> str:
    if value:
        return f"{indent}{key}: {q(value)}\n"
    return f"{indent}# {key}: ...   # {comment}\n"


def _controller(a: Answers) -> str:
    people = [name.strip() for name in a.get("represented_by").split(",") if name.strip()]
    region = f"    region: {q(a.get('region'))}\n" if a.get("region") else ""
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
        + (f"  represented_by: [{', '.join(q(p) for p in people)}]\n" if people else "")
        + "  address:\n"
        f"    street: {q(a.get('street'))}\n"
        f"    postal_code: {q(a.get('postal_code'))}\n"
        f"    city: {q(a.get('city'))}\n"
        f"{region}"
        f"    country: {a.country}\n"
        f"  email: {q(a.get('email'))}\n"
        + _optional("phone", a.get("phone"), "optional")
        + register
        + _optional("vat_id", a.get("vat_id"), "optional (legal notice)")
        + "  eu_representative: null   # required under eu_gdpr when you are outside the EU\n"
    )


def _authority(a: Answers) -> str:
    name, url = KNOWN_AUTHORITIES.get(a.country, ("", ""))
    if name:
        return f"supervisory_authority:\n  name: {q(name)}\n  url: {url}\n"
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
        "    purpose: Deliver the website and protect it against attacks\n"
        "    data: [connection]\n"
        "    sources: [data_subject]\n"
        "    legal_basis: legitimate_interests\n"
        "    legitimate_interest: Running a secure, available website\n"
        "    provision: {required: true, consequence: The website cannot be shown}\n"
        "    recipients: [webhost]\n"
        "    retention: {duration: P14D}  # how long your host keeps its logs\n"
    )
    if a.flags["contact_form"]:
        text += (
            "  - id: contact_form\n"
            "    purpose: Answer the questions you send us with the contact form\n"
            "    data: [contact, message]\n"
            "    sources: [data_subject]\n"
            "    legal_basis: legitimate_interests\n"
            "    legitimate_interest: Replying to the questions people send us\n"
            "    provision: {required: true, consequence: Without an e-mail we cannot reply}\n"
            "    recipients: [webhost]\n"
            "    retention: {duration: P6M}   # counted from when the inbox receives the message\n"
            "    form: contact             # the contact form collects for this purpose\n"
        )
    if a.flags["newsletter"]:
        text += (
            "  - id: newsletter\n"
            "    purpose: Send you our newsletter\n"
            "    data: [contact]\n"
            "    sources: [data_subject]\n"
            "    legal_basis: consent\n"
            "    consent: {withdraw: the unsubscribe link in every newsletter}\n"
            "    provision: {required: false, consequence: You do not receive the newsletter}\n"
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
    if a.get("host_privacy_url"):
        text += f"    privacy_url: {q(a.get('host_privacy_url'))}\n"
    text += "    hosts: []                 # hosts the built site contacts for this recipient\n"
    if a.flags["newsletter"]:
        text += (
            "  - id: newsletter_service\n"
            f'    name: "PLACEHOLDER: the service that sends your newsletter"   {PLACEHOLDER}\n'
            "    role: processor\n"
            "    purpose: Sending the newsletter\n"
            f"    country: {a.country}   {PLACEHOLDER}: where it processes the addresses\n"
            "    hosts: []\n"
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
        text += f"  complaint_procedure: {q(_complaints(a.get('email')))}\n"
    return text


def _complaints(email: str) -> str:
    return (
        f"Write to {email}; we acknowledge every complaint within 30 days and answer it as "
        "soon as we can."
    )


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
        officer = (a.get("represented_by").split(",")[0].strip()) or a.get("business_name")
        text += (
            "pipeda:\n  privacy_officer:\n    title: Privacy Officer\n"
            f"    name: {q(officer)}\n"
            f"    address: {q(format_address(_Address(a), one_line=True))}\n"
            f"    email: {q(a.get('email'))}\n"
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
        f"  languages: [{languages}]          # the first one is the default\n\n"
        "# eu_gdpr | uk_gdpr | eprivacy | us_ca_caloppa | us_ca_ccpa | ca_pipeda\n"
        f"# (chosen from your country, {a.country}; add any other law that applies to you)\n"
        f"jurisdictions: [{', '.join(a.jurisdictions)}]\n\n"
        + _controller(a)
        + "\ndpo: {appointed: false}       # when true: email (required), name, address, phone\n\n"
        + _authority(a)
        + "\n"
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
