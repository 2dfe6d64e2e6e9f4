"""Recipients written as `service: youtube`: filled from the service catalogue, then held to what
the service implies.

Filling happens on the raw data before validation, so every other rule (transfers, storage,
references) judges the completed recipient; anything the owner wrote wins. What the catalogue
does not know is asked of the owner instead of being guessed. The checks follow the law the
service's facts bring into play:

- storage the service sets on a visitor's device needs consent unless strictly necessary
  (ePrivacy Directive 2002/58/EC Art. 5(3); UK PECR reg. 6), and that consent must be the legal
  basis of the purpose the service serves (GDPR Art. 6(1)(a), Art. 7);
- every item it stores is disclosed in the cookie statement (ePrivacy Art. 5(3): "clear and
  comprehensive information"; GDPR Art. 13(1)(e) for the recipient): each item the catalogue
  knows must be in the declaration's storage, so that `storage: []` cannot pass for a service
  the catalogue knows to store something;
- a recipient outside the EEA or the UK needs a transfer safeguard (GDPR Art. 44-46), filled
  from the catalogue where the provider names one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from service_catalogue import CatalogueError, Service, load_catalogue

from .countries import EEA, UK
from .errors import Loc, closest
from .party_rules import WITH_COPY
from .raw import Findings, entries, mapping, text
from .vocab import Jurisdiction, LegalBasis, TransferMechanism, UkTransferMechanism

CATALOGUE = "plugins/service_catalogue/data"
_PURPOSES = {
    "video": "Shows the videos on this site that you choose to play",
    "audio": "Plays the recordings on this site that you choose to play",
    "maps": "Shows the maps on this site that you choose to load",
    "social": "Shows the posts on this site that you choose to load",
    "newsletter": "Sends our newsletter",
    "payments": "Processes payments",
    "booking": "Takes appointment bookings",
    "forms": "Receives the forms you fill in on this site",
    "captcha": "Tells people apart from automated abuse of our forms",
    "fonts": "Delivers the fonts this site uses",
    "cdn": "Delivers this site's files",
    "analytics": "Measures how this site is used",
    "host": "Web hosting",
}


def expand_services(
    data: dict[str, Any], laws: set[Jurisdiction], findings: Findings, folder: Path | None = None
) -> dict[int, Service]:
    """Fill each `service:` recipient in place from the catalogue in `folder` (default: the
    kit's); returns the services by recipient index."""
    found: dict[int, Service] = {}
    catalogue = None
    for index, recipient in entries(data, "recipients"):
        name = text(recipient.get("service"))
        if name is None:
            continue
        if catalogue is None:
            try:
                catalogue = load_catalogue(folder) if folder else load_catalogue()
            except CatalogueError as error:  # the kit's own data: its test names the problem
                findings.add(("recipients", index, "service"), f"catalogue unusable: {error}")
                return found
        service = catalogue.get(name)
        if service is None:
            guess = closest(name, list(catalogue))
            hint = f"did you mean {guess}? " if guess else ""
            findings.add(
                ("recipients", index, "service"),
                f'unknown service "{name}"; {hint}services of the catalogue: '
                + ", ".join(sorted(catalogue)),
            )
            continue
        found[index] = service
        _fill(recipient, service, laws, data, ("recipients", index), findings)
    return found


def _region(laws: set[Jurisdiction]) -> str:
    """Whose visitors the declaration speaks for first: the EU's, the UK's, or else the US's."""
    if Jurisdiction.EU_GDPR in laws:
        return "eu"
    return "uk" if Jurisdiction.UK_GDPR in laws else "us"


def _fill(
    recipient: dict[str, Any],
    service: Service,
    laws: set[Jurisdiction],
    data: dict[str, Any],
    loc: Loc,
    findings: Findings,
) -> None:
    recipient.setdefault("id", service.id)
    entity = service.entity[_region(laws)]
    unknown = []
    if entity.known:
        recipient.setdefault("name", entity.value["name"])
        recipient.setdefault("country", entity.value["country"])
    elif "name" not in recipient or "country" not in recipient:
        unknown.append(f"who serves its {_region(laws).upper()} visitors")
    role = service.fact("role")
    if role.known:
        recipient.setdefault("role", role.value)
    elif "role" not in recipient:
        unknown.append("its role towards you")
    if unknown:
        findings.add(
            (*loc, "service"),
            f"the catalogue does not know, for {service.name}, "
            + " or ".join(unknown)
            + f" (see {CATALOGUE}/{service.file}); write name, country and role yourself "
            "from its privacy policy",
        )
    recipient.setdefault("purpose", _PURPOSES.get(service.category, service.name))
    policy = service.fact("privacy_policy")
    if policy.known:
        recipient.setdefault("privacy_url", policy.value)
    hosts = service.fact("hosts")
    if hosts.known and hosts.value:
        recipient.setdefault("hosts", list(hosts.value))
    if service.csp:
        recipient.setdefault("csp", list(service.csp))
    dpf = service.fact("dpf_certified")
    if dpf.known and isinstance(dpf.value, list) and dpf.value:
        recipient.setdefault("dpf", list(dpf.value))  # the parts its DPF entry lists
    if "transfer" not in recipient:
        transfer = _transfer(recipient, service, laws, data)
        if transfer:
            recipient["transfer"] = transfer
    _fill_storage(recipient, service, data)


def _transfer(
    recipient: dict[str, Any], service: Service, laws: set[Jurisdiction], data: dict[str, Any]
) -> dict[str, str] | None:
    """The safeguard the provider names, where the recipient's country needs one."""
    fact = service.fact("transfer")
    country = recipient.get("country")
    if not fact.known or not isinstance(fact.value, dict) or not isinstance(country, str):
        return None
    transfer: dict[str, str] = {}
    mechanism, uk = str(fact.value.get("mechanism")), str(fact.value.get("uk"))
    if Jurisdiction.EU_GDPR in laws and country not in EEA:
        if mechanism not in TransferMechanism._value2member_map_:
            return None  # the party rules ask the owner for it
        transfer["mechanism"] = mechanism
    if Jurisdiction.UK_GDPR in laws and country != UK:
        if uk not in UkTransferMechanism._value2member_map_:
            return None
        transfer["uk"] = uk
    if not transfer:
        return None
    if any(value in WITH_COPY for value in transfer.values()):
        email = text(mapping(data.get("controller")).get("email"))
        transfer["copy"] = f"e-mail {email}" if email else "ask us"
    return transfer


def _fill_storage(recipient: dict[str, Any], service: Service, data: dict[str, Any]) -> None:
    """Add the catalogue's storage items the owner did not declare (same name and provider)."""
    storage, consent = service.fact("storage"), service.fact("consent_needed")
    if not storage.known or not consent.known or not isinstance(data.get("storage"), list):
        return
    provider = recipient["id"]
    declared = {(text(item.get("name")), text(item.get("provider"))) for _, item in
                entries(data, "storage")}  # fmt: skip
    for item in storage.value:
        if item["lifetime"] == "unknown" or (item["name"], provider) in declared:
            continue
        row = {
            "name": item["name"],
            "type": item["type"],
            "provider": provider,
            "purpose": item["purpose"],
            "duration": item["lifetime"],
            "consent_required": bool(consent.value),
        }
        if consent.value:
            row["if_refused"] = f"Nothing from {service.name} loads; the link to it still works."
        else:
            row["exemption"] = "strictly_necessary"
        data["storage"].append(row)


def check_services(data: dict[str, Any], services: dict[int, Service], findings: Findings) -> None:
    """What a declared service implies: its storage declared in full, and consent for it."""
    recipients = dict(entries(data, "recipients"))
    for index, service in services.items():
        recipient = recipients[index]
        rid = text(recipient.get("id"))
        if rid is None:
            continue
        loc: Loc = ("recipients", index)
        _storage_complete(recipient, service, loc, findings)
        _storage_declared(data, rid, service, loc, findings)
        if _needs_consent(data, rid, service) and not _consent_purpose(data, rid):
            findings.add(
                (*loc, "service"),
                f"{service.name} stores data on visitors' devices that needs their consent "
                "(ePrivacy Art. 5(3)), so the purpose it serves must rest on consent: list "
                f"{rid} in the recipients of a processing entry with legal_basis: consent "
                "(and consent: {withdraw: ...})",
            )


def _storage_complete(
    recipient: dict[str, Any], service: Service, loc: Loc, findings: Findings
) -> None:
    storage, consent = service.fact("storage"), service.fact("consent_needed")
    why = ""
    if not storage.known:
        why = "it is unknown"
    elif not storage.complete:
        why = "its list is incomplete"
    elif storage.value and any(item["lifetime"] == "unknown" for item in storage.value):
        why = "some lifetimes are unknown"
    elif storage.value and not consent.known:
        why = f"whether they need consent is unknown ({consent.unknown})"
    if why and recipient.get("storage_confirmed") is not True:
        where = storage.source or f"{CATALOGUE}/{service.file}"
        findings.require(
            loc,
            "storage_confirmed",
            f"the catalogue cannot list everything {service.name} stores on visitors' devices "
            f"({why})",
            f"true, once storage lists each item with provider: {recipient.get('id')} "
            f"(see {where})",
        )


def _storage_declared(
    data: dict[str, Any], rid: str, service: Service, loc: Loc, findings: Findings
) -> None:
    """Each item the catalogue knows the service stores is declared with provider: <rid>.

    ePrivacy Directive 2002/58/EC Art. 5(3) (UK: PECR reg. 6(2)) requires "clear and
    comprehensive information" about what is stored on the visitor's device; the cookie
    statement lists the declared storage, so an item left out is missing from it. Items whose
    lifetime the catalogue knows were added by `_fill_storage`; the others need the owner's
    duration, which the catalogue cannot supply.
    """
    storage = service.fact("storage")
    if not storage.known or not isinstance(data.get("storage"), list):
        return  # unknown storage is asked for by storage_confirmed; a wrong shape by validation
    declared = {text(item.get("name")) for _, item in entries(data, "storage")
                if item.get("provider") == rid}  # fmt: skip
    for item in storage.value:
        if item["name"] in declared:
            continue
        consent = service.fact("consent_needed")
        if consent.known and consent.value is False:
            basis = "consent_required: false, exemption: strictly_necessary"
        else:
            basis = "consent_required: true, if_refused: ..."
        duration = "..." if item["lifetime"] == "unknown" else item["lifetime"]
        findings.add(
            (*loc, "service"),
            f'{service.name} stores "{item["name"]}" ({item["type"].replace("_", " ")}) on '
            f"visitors' devices (per {storage.source}), but storage has no item of that name "
            f"with provider: {rid}, so the cookie statement would leave it out (ePrivacy "
            f"Art. 5(3)); add to storage: {{name: {item['name']}, type: {item['type']}, "
            f"provider: {rid}, purpose: ..., duration: {duration}, {basis}}}",
        )


def _needs_consent(data: dict[str, Any], rid: str, service: Service) -> bool:
    consent = service.fact("consent_needed")
    if consent.known and consent.value is True:
        return True
    return any(
        item.get("provider") == rid and item.get("consent_required") is True
        for _, item in entries(data, "storage")
    )


def _consent_purpose(data: dict[str, Any], rid: str) -> bool:
    return any(
        entry.get("legal_basis") == LegalBasis.CONSENT and rid in (entry.get("recipients") or [])
        for _, entry in entries(data, "processing")
    )
