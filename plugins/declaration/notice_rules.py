"""Rules that a declared jurisdiction adds: its own block, its rights, its deadlines, its cookies.

A jurisdiction is declared once in `jurisdictions`; everything that follows
from it (a CCPA block, a complaint procedure, a one-month answer deadline) is
checked here, and a block left over for a law that is not declared is an error
too, so that nothing in the file is silently ignored.
"""

from __future__ import annotations

from typing import Any

from .countries import EEA, codes
from .durations import DurationFormatError, parse_duration
from .errors import Loc
from .model import FIRST_PARTY
from .raw import Findings, entries, given, ids, items, mapping, member, text, url_host
from .scalars import email_problem, phone_problem
from .vocab import ChannelType, Jurisdiction, StorageExemption, StorageType

_BLOCKS = {
    "caloppa": (Jurisdiction.US_CA_CALOPPA, '{dnt_response: "how the site answers Do Not Track"}'),
    "pipeda": (Jurisdiction.CA_PIPEDA, "{privacy_officer: {title, address, email}}"),
}
_CCPA_FLAGS = ("sells", "shares", "honors_gpc", "spi_beyond_7027m")
_CCPA_OPTIONAL = ("knows_sells_under16", "metrics_url", "online_only")
_PERSISTENT = {StorageType.LOCAL_STORAGE, StorageType.INDEXED_DB, StorageType.CACHE_STORAGE}


def check_notices(data: dict[str, Any], laws: set[Jurisdiction], findings: Findings) -> None:
    _eprivacy(laws, findings)
    _blocks(data, laws, findings)
    _ccpa(data, laws, findings)
    _rights(data, laws, findings)
    _storage(data, laws, findings)
    _automated_decisions(mapping(data.get("automated_decision_making")), findings)


def _eprivacy(laws: set[Jurisdiction], findings: Findings) -> None:
    """eu_gdpr brings the EU's cookie rules with it. A site whose policy speaks to people in the
    EU stores and reads on their devices under ePrivacy Directive 2002/58/EC Art. 5(3) (as each
    country enacts it: §25 TDDDG, art. 82 loi Informatique et Libertés...), wherever the business
    is; the GDPR does not replace it (GDPR Art. 95; EDPB Guidelines 2/2023 on the technical scope
    of Art. 5(3)). Without eprivacy, the cookie statement and the consent checks would not run."""
    if Jurisdiction.EU_GDPR in laws and Jurisdiction.EPRIVACY not in laws:
        findings.add(
            ("jurisdictions",),
            "eu_gdpr is declared without eprivacy: what the site stores on the devices of people "
            "in the EU falls under ePrivacy Directive Art. 5(3) as well (GDPR Art. 95); add "
            "eprivacy to jurisdictions",
        )


def _blocks(data: dict[str, Any], laws: set[Jurisdiction], findings: Findings) -> None:
    country = mapping(mapping(data.get("controller")).get("address")).get("country")
    valid = isinstance(country, str) and country in codes()
    known = valid and all(
        member(law, Jurisdiction) for law in items(data.get("jurisdictions"))
    )  # otherwise those checks name the mistake; the rules below would only add noise
    in_eea = not valid or country in EEA
    if Jurisdiction.EU_GDPR in laws and in_eea and not given(data, "supervisory_authority"):
        findings.require(
            (),
            "supervisory_authority",
            "eu_gdpr is declared (GDPR Art. 13(2)(d))",
            "{name: ..., url: ...} of the data protection authority responsible for you",
        )
    elif known and given(data, "supervisory_authority") and not in_eea:
        # GDPR Art. 56 and 60: a lead authority needs an establishment in the EU/EEA; people
        # complain where they live, work or where the infringement happened (Art. 77(1)).
        findings.forbid(
            (),
            "supervisory_authority",
            "a controller outside the EU/EEA has no lead authority (GDPR Art. 56); the policy "
            "sends people to the authority where they live or work",
        )
    elif known and given(data, "supervisory_authority") and Jurisdiction.EU_GDPR not in laws:
        findings.forbid(
            (),
            "supervisory_authority",
            "eu_gdpr is not declared (under uk_gdpr the policy names the ICO itself)",
        )
    for key, (law, example) in _BLOCKS.items():
        if law in laws and not given(data, key):
            findings.require((), key, f"{law} is declared", example)
        elif law not in laws and given(data, key):
            findings.forbid(
                (), key, f"{law} is not declared", f"remove it, or add {law} to jurisdictions"
            )


def _ccpa(data: dict[str, Any], laws: set[Jurisdiction], findings: Findings) -> None:
    ccpa = mapping(data.get("ccpa"))
    applies, declared = ccpa.get("applies"), Jurisdiction.US_CA_CCPA in laws
    if applies is True and not declared:
        findings.add(
            ("ccpa", "applies"),
            "is true, but us_ca_ccpa is not among the jurisdictions; add us_ca_ccpa, or set "
            "applies: false",
        )
    elif applies is False and declared:
        findings.add(
            ("ccpa", "applies"),
            "is false, but us_ca_ccpa is declared; set applies: true and fill in the ccpa "
            "fields, or remove us_ca_ccpa from jurisdictions",
        )
    if applies is False:
        for key in (*_CCPA_FLAGS, *_CCPA_OPTIONAL):
            if given(ccpa, key):
                findings.forbid(
                    ("ccpa",), key, "ccpa.applies is false", "remove it, or set applies: true"
                )
    if applies is not True:
        return
    for key in _CCPA_FLAGS:
        if not given(ccpa, key):
            findings.require(("ccpa",), key, "ccpa.applies is true", "true or false")
    if (ccpa.get("sells") is True or ccpa.get("shares") is True) and not given(
        ccpa, "knows_sells_under16"
    ):
        findings.require(
            ("ccpa",),
            "knows_sells_under16",
            "personal information is sold or shared",
            "true or false (whether data of consumers under 16 is knowingly sold or shared)",
        )
    for index, category in entries(data, "data_categories"):
        if not given(category, "ccpa_category"):
            findings.require(
                ("data_categories", index),
                "ccpa_category",
                "ccpa.applies is true",
                "its CCPA category, e.g. identifiers or internet_activity",
            )


def _rights(data: dict[str, Any], laws: set[Jurisdiction], findings: Findings) -> None:
    rights = mapping(data.get("rights"))
    ccpa = Jurisdiction.US_CA_CCPA in laws
    _deadline(rights.get("response_time"), laws, findings)
    if ccpa:
        for key, write in (
            ("authorized_agent", "how an authorized agent can make a request for someone"),
            ("verification", "how a requester's identity is verified"),
        ):
            if not given(rights, key):
                findings.require(("rights",), key, "us_ca_ccpa is declared", write)
        channels = items(rights.get("channels"))
        if 0 < len(channels) < 2:
            findings.add(
                ("rights", "channels"),
                "us_ca_ccpa requires at least two ways to send a request; add another channel, "
                "e.g. {type: form, value: /contact/}",
            )
        _ccpa_methods(rights, mapping(data.get("ccpa")), findings)
    for law in (Jurisdiction.UK_GDPR, Jurisdiction.CA_PIPEDA):
        if law in laws and not given(rights, "complaint_procedure"):
            findings.require(
                ("rights",),
                "complaint_procedure",
                f"{law} is declared",
                "{channels: [{type: email, value: ...}, {type: postal, value: ...}], "
                "acknowledge_within: P30D}",
            )
            break
    procedure = mapping(rights.get("complaint_procedure"))
    if procedure and procedure.get("channels") in (None, []):
        # UK: DPA 2018 s.164A(2); Canada: PIPEDA Sch. 1 Principle 4.10.2 (procedures to receive
        # complaints): the policy says where a complaint goes.
        findings.require(
            ("rights", "complaint_procedure"),
            "channels",
            "people need to know where to send a complaint",
            "[{type: email, value: ...}, {type: postal, value: ...}]",
        )
    if Jurisdiction.UK_GDPR in laws and procedure:
        _uk_complaints(procedure, findings)
    site_host = url_host(mapping(data.get("site")).get("url"))
    for index, channel in entries(rights, "channels"):
        _channel(channel, ("rights", "channels", index), site_host, findings)
    for index, channel in entries(procedure, "channels"):
        _channel(channel, ("rights", "complaint_procedure", "channels", index), site_host, findings)


def _kinds(channels: Any) -> set[ChannelType]:
    return {
        kind
        for channel in items(channels)
        if isinstance(channel, dict) and (kind := member(channel.get("type"), ChannelType))
    }


def _uk_complaints(procedure: dict[str, Any], findings: Findings) -> None:
    """DPA 2018 s.164A (inserted by DUAA 2025 s.103, in force 19 June 2026; text checked
    2026-12-03 on legislation.gov.uk): complaints can be made electronically and by other
    means (subs. 2), and are acknowledged within 30 days (subs. 3)."""
    loc: Loc = ("rights", "complaint_procedure")
    kinds = _kinds(procedure.get("channels"))
    if items(procedure.get("channels")) and not kinds & {ChannelType.EMAIL, ChannelType.FORM}:
        findings.add(
            (*loc, "channels"),
            "DPA 2018 s.164A(2) requires a way to complain electronically; add "
            "{type: email, value: ...} or {type: form, value: /contact/}",
        )
    elif kinds and not kinds & {ChannelType.POSTAL, ChannelType.PHONE}:
        findings.add(
            (*loc, "channels"),
            "DPA 2018 s.164A(2) requires a way to complain by other means than electronic ones; "
            'add {type: postal, value: "your postal address"} or {type: phone, value: ...}',
        )
    if not given(procedure, "acknowledge_within"):
        findings.require(
            loc, "acknowledge_within", "DPA 2018 s.164A(3) sets 30 days at most", "P30D"
        )
        return
    try:
        days = parse_duration(procedure.get("acknowledge_within")).longest_days
    except DurationFormatError:
        return
    if days > 30:
        findings.add(
            (*loc, "acknowledge_within"),
            "DPA 2018 s.164A(3) requires acknowledging a complaint within 30 days; write P30D "
            "or less",
        )


_TOLL_FREE = ("800", "833", "844", "855", "866", "877", "888")


def _toll_free(number: str) -> bool:
    """A US toll-free number (+1 8xx): the area codes the FCC assigns to toll-free service."""
    digits = "".join(ch for ch in number if ch.isdigit())
    digits = digits[1:] if len(digits) == 11 and digits.startswith("1") else digits
    return len(digits) == 10 and digits[:3] in _TOLL_FREE


def _ccpa_methods(rights: dict[str, Any], ccpa: dict[str, Any], findings: Findings) -> None:
    """Cal. Civ. Code §1798.130(a)(1)(A) (checked 2026-12-03): two or more methods, at minimum
    a toll-free telephone number; a business operating exclusively online with a direct
    relationship to the consumer need only give an e-mail address."""
    channels = [c for c in items(rights.get("channels")) if isinstance(c, dict)]
    if not channels:
        return
    if ccpa.get("online_only") is True:
        if ChannelType.EMAIL not in _kinds(channels):
            findings.add(
                ("rights", "channels"),
                "ccpa.online_only is true, so Cal. Civ. Code §1798.130(a)(1)(A) requires an "
                "e-mail address for requests; add {type: email, value: ...}",
            )
        return
    phones = [text(c.get("value")) or "" for c in channels if c.get("type") == ChannelType.PHONE]
    if not any(_toll_free(number) for number in phones):
        findings.add(
            ("rights", "channels"),
            "us_ca_ccpa requires a toll-free number for requests (Cal. Civ. Code "
            '§1798.130(a)(1)(A)); add {type: phone, value: "+1 800 ..."}, or set '
            "ccpa.online_only: true if you operate only online and deal with consumers directly",
        )


def _deadline(value: Any, laws: set[Jurisdiction], findings: Findings) -> None:
    try:
        duration = parse_duration(value)
    except DurationFormatError:
        return
    gdpr = laws & {Jurisdiction.EU_GDPR, Jurisdiction.UK_GDPR}
    if gdpr and duration.longest_days > 31:
        findings.add(
            ("rights", "response_time"),
            f"{duration.iso} is longer than the one month that GDPR Art. 12(3) allows; "
            "write P1M or less",
        )
    elif Jurisdiction.US_CA_CCPA in laws and duration.longest_days > 45:
        findings.add(
            ("rights", "response_time"),
            f"{duration.iso} is longer than the 45 days that the CCPA allows; write P45D or less",
        )


def _channel(channel: dict[str, Any], loc: Loc, site_host: str | None, findings: Findings) -> None:
    kind, value = member(channel.get("type"), ChannelType), text(channel.get("value"))
    if kind is None or value is None:
        return
    problem = None
    if kind is ChannelType.EMAIL:
        problem = email_problem(value)
    elif kind is ChannelType.PHONE:
        problem = phone_problem(value)
    elif kind is ChannelType.FORM and not (
        value.startswith("/") or (site_host and url_host(value) == site_host)
    ):
        problem = f'"{value}" is not a page of this site; write its path, like /contact/'
    if problem:
        findings.add((*loc, "value"), problem)


def _storage(data: dict[str, Any], laws: set[Jurisdiction], findings: Findings) -> None:
    recipients = ids(data, "recipients")
    recipient_list = dict(entries(data, "recipients"))
    needs_consent = []
    asked: set[int] = set()
    for index, item in entries(data, "storage"):
        loc: Loc = ("storage", index)
        consent = item.get("consent_required")
        if consent is True:
            needs_consent.append(index)
        _consent_fields(item, loc, consent, laws, findings)
        _lifetime(item, loc, findings)
        provider = text(item.get("provider"))
        if provider and provider != FIRST_PARTY and provider in recipients:
            position = recipients[provider]
            if not given(recipient_list[position], "privacy_url") and position not in asked:
                asked.add(position)  # once per recipient, however many items it sets
                findings.require(
                    ("recipients", position),
                    "privacy_url",
                    f"it sets storage[{index}], and the cookie statement links to its policy",
                    "the https address of its privacy policy",
                )
    findings.only_when(
        data,
        (),
        "consent",
        bool(needs_consent),
        (
            f"storage[{needs_consent[0] if needs_consent else 0}] is set only with consent",
            "no storage item needs consent",
        ),
        "{record_duration: P6M} (how long a consent choice is remembered), or {remembered: "
        "false} when no choice is stored",
    )
    _consent_record(data.get("consent"), findings)


def _consent_record(record: Any, findings: Findings) -> None:
    """A stored choice is itself information stored on the visitor's device (ePrivacy Directive
    2002/58/EC Art. 5(3); in Germany §25 TDDDG), kept so as not to ask again: the CNIL's
    recommendation of 17 September 2020 (délibération 2020-092) speaks of how long a site keeps
    the choices it keeps, six months being its good practice. Its duration is declared, and the
    cookie statement gives it, only when a choice is stored; a click that loads one player and
    is asked again next time stores nothing, and the declaration says so instead."""
    if not isinstance(record, dict):
        return  # absent, or of a shape the validation names
    remembered = record.get("remembered", True) is not False
    findings.only_when(
        record,
        ("consent",),
        "record_duration",
        remembered,
        (
            "a consent choice that is stored is kept for a time the cookie statement gives",
            "remembered is false: no choice is stored, so none is kept for any time",
        ),
        "P6M (how long the choice is remembered), or remembered: false when it is not stored",
        "remove it, or remove remembered: false if the choice is stored",
    )


def _consent_fields(
    item: dict[str, Any], loc: Loc, consent: Any, laws: set[Jurisdiction], findings: Findings
) -> None:
    if isinstance(consent, bool):
        why = ("consent_required is true", "consent_required is false")
        findings.only_when(
            item,
            loc,
            "exemption",
            not consent,
            why[::-1],
            "why no consent is needed: " + ", ".join(StorageExemption),
            "remove it, or set consent_required: false",
        )
        findings.only_when(
            item, loc, "if_refused", consent, why, "what does not work when people refuse"
        )
    exemption = member(item.get("exemption"), StorageExemption)
    if exemption is None or not exemption.uk_only:
        return
    if Jurisdiction.UK_GDPR not in laws:
        findings.add(
            (*loc, "exemption"),
            f"{exemption} is an exemption of UK law only, and uk_gdpr is not declared; use "
            "strictly_necessary if it applies, otherwise set consent_required: true",
        )
    elif Jurisdiction.EPRIVACY in laws:
        findings.add(
            (*loc, "exemption"),
            f"{exemption} exempts storage only in the UK, and eprivacy (EU) is declared too, "
            "where it needs consent; set consent_required: true",
        )


def _lifetime(item: dict[str, Any], loc: Loc, findings: Findings) -> None:
    kind, duration = member(item.get("type"), StorageType), item.get("duration")
    if kind in _PERSISTENT and duration == "session":
        findings.add(
            (*loc, "duration"),
            f"{kind.label} is not deleted when the browser closes; write until_cleared, or the "
            "period after which the site deletes it",
        )
    elif (
        kind is StorageType.SESSION_STORAGE and isinstance(duration, str) and duration != "session"
    ):
        findings.add(
            (*loc, "duration"),
            "session storage ends with the browser tab; write session",
        )


def _automated_decisions(decisions: dict[str, Any], findings: Findings) -> None:
    used = decisions.get("used")
    if not isinstance(used, bool):
        return
    why = (
        "automated_decision_making.used is true (GDPR Art. 13(2)(f))",
        "automated_decision_making.used is false",
    )
    for key in ("logic", "significance", "consequences"):
        findings.only_when(
            decisions,
            ("automated_decision_making",),
            key,
            used,
            why,
            f"the {key} of the automated decisions, in plain words",
            "remove it, or set used: true",
        )
