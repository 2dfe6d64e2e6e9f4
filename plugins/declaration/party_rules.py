"""Rules for the parties: the controller's representatives, the DPO, and transfers abroad.

Where a party sits decides what the policy must disclose: a controller outside
the EU needs an EU representative, a recipient outside the EEA needs a
transfer safeguard that fits its country.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from .countries import EEA, EU_ADEQUATE, UK, US, codes, country_in_sentence
from .errors import Loc, closest
from .model import BROWSER, FIRST_PARTY
from .raw import Findings, entries, given, ids, items, mapping, member, text
from .vocab import DpfPart, Jurisdiction, TransferMechanism, UkTransferMechanism

# Safeguards that cannot cover a recipient in a given country: (key, value, misfits(country), why).
_MISFITS: tuple[tuple[str, StrEnum, Callable[[str], bool], str], ...] = (
    (
        "mechanism",
        TransferMechanism.EU_US_DPF,
        lambda country: country != US,
        "eu_us_dpf covers only recipients in the United States, not {name}; write the safeguard "
        "that applies, e.g. scc",
    ),
    (
        "mechanism",
        TransferMechanism.ADEQUACY,
        lambda country: country == US,
        "the United States has no general EU adequacy decision; write eu_us_dpf if the recipient "
        "is certified under the EU-US Data Privacy Framework, otherwise scc",
    ),
    (
        "mechanism",
        TransferMechanism.ADEQUACY,
        lambda country: country not in EU_ADEQUATE,
        "{name} has no EU adequacy decision; write scc or another safeguard",
    ),
    (
        "uk",
        UkTransferMechanism.UK_US_DATA_BRIDGE,
        lambda country: country != US,
        "uk_us_data_bridge covers only recipients in the United States, not {name}; write the "
        "safeguard that applies, e.g. idta",
    ),
    (
        "uk",
        UkTransferMechanism.UK_ADEQUACY,
        lambda country: country == US,
        "UK adequacy for the United States is the UK-US data bridge; write uk_us_data_bridge if "
        "the recipient is certified, otherwise idta",
    ),
)
_REPRESENTATIVE = "{name, address: {street, postal_code, city, country}, email}"
# Safeguards with a document people can ask for (GDPR Art. 13(1)(f): "the means by which to
# obtain a copy of them"); adequacy decisions and Art. 49 derogations have none.
WITH_COPY = {
    TransferMechanism.SCC,
    TransferMechanism.BCR,
    TransferMechanism.CODE_OF_CONDUCT,
    TransferMechanism.CERTIFICATION,
    UkTransferMechanism.IDTA,
    UkTransferMechanism.UK_ADDENDUM,
    UkTransferMechanism.BCR,
}
# Adequacy that covers only organisations certified under a part of the Data Privacy Framework:
# Commission Implementing Decision (EU) 2023/1795 (EU-US), the Data Protection (Adequacy)
# (United States of America) Regulations 2023, SI 2023/1028 (the UK extension, "data bridge").
# Checked 2026-12-03. The Swiss-US part needs a Swiss jurisdiction, which the kit does not have.
_DPF = {
    ("mechanism", TransferMechanism.EU_US_DPF): DpfPart.EU_US,
    ("uk", UkTransferMechanism.UK_US_DATA_BRIDGE): DpfPart.UK_EXTENSION,
}
_EU_MECHANISMS = ", ".join(TransferMechanism)
_UK_MECHANISMS = ", ".join(UkTransferMechanism)


def check_parties(data: dict[str, Any], laws: set[Jurisdiction], findings: Findings) -> None:
    _representatives(mapping(data.get("controller")), laws, findings)
    _dpo(mapping(data.get("dpo")), findings)
    _hosted_by(data, findings)
    for index, recipient in entries(data, "recipients"):
        _transfer(recipient, ("recipients", index), laws, findings)


def _country(value: Any) -> str | None:
    return value if isinstance(value, str) and value in codes() else None


def _representatives(
    controller: dict[str, Any], laws: set[Jurisdiction], findings: Findings
) -> None:
    home = _country(mapping(controller.get("address")).get("country"))
    if home is None:
        return
    for key, law, region, inside in (
        ("eu_representative", Jurisdiction.EU_GDPR, "the EU/EEA", home in EEA),
        ("uk_representative", Jurisdiction.UK_GDPR, "the UK", home == UK),
    ):
        needed = law in laws and not inside
        if needed and not given(controller, key):
            findings.require(
                ("controller",),
                key,
                f"the controller's country, {country_in_sentence(home)}, is outside {region} and "
                f"{law} is declared (Art. 27)",
                _REPRESENTATIVE,
            )
        elif not needed and given(controller, key):
            reason = (
                f"{law} is not declared" if law not in laws else f"the controller is in {region}"
            )
            findings.forbid(("controller",), key, reason, "remove it or write null")
        rep_home = _country(mapping(mapping(controller.get(key)).get("address")).get("country"))
        if (
            needed
            and rep_home
            and (rep_home not in EEA if law is Jurisdiction.EU_GDPR else rep_home != UK)
        ):
            findings.add(
                ("controller", key, "address", "country"),
                f"the representative must be established in {region}, not in "
                f"{country_in_sentence(rep_home)}; give their address there",
            )


def _dpo(dpo: dict[str, Any], findings: Findings) -> None:
    appointed = dpo.get("appointed")
    if not isinstance(appointed, bool):
        return
    why = ("dpo.appointed is true", "dpo.appointed is false")
    fix = "remove it, or set appointed: true"
    findings.only_when(dpo, ("dpo",), "email", appointed, why, "the DPO's e-mail address", fix)
    for key in ("name", "address", "phone"):
        if not appointed:
            findings.only_when(dpo, ("dpo",), key, False, why, "", fix)


def _transfer(
    recipient: dict[str, Any], loc: Loc, laws: set[Jurisdiction], findings: Findings
) -> None:
    country = _country(recipient.get("country"))
    if country is None:
        return
    name = country_in_sentence(country)
    needs_eu = Jurisdiction.EU_GDPR in laws and country not in EEA
    needs_uk = Jurisdiction.UK_GDPR in laws and country != UK
    transfer = recipient.get("transfer")
    if not isinstance(transfer, dict):
        if (needs_eu or needs_uk) and transfer is None:
            region = "the EEA and eu_gdpr" if needs_eu else "the UK and uk_gdpr"
            example = "mechanism: scc" if needs_eu else "uk: idta"
            findings.require(
                loc,
                "transfer",
                f"{name} is outside {region} is declared",
                f'{{{example}, copy: "how people get a copy of the safeguard"}}',
            )
        return
    if not needs_eu and not needs_uk:
        reason = (
            f"{name} is inside the EEA"
            if Jurisdiction.EU_GDPR in laws
            else "neither eu_gdpr nor uk_gdpr is declared"
        )
        findings.forbid(loc, "transfer", reason + ", so no transfer safeguard is needed")
        return
    where: Loc = (*loc, "transfer")
    eu_law, uk_law = Jurisdiction.EU_GDPR in laws, Jurisdiction.UK_GDPR in laws
    _mechanism(transfer, where, "mechanism", needs_eu, _why(name, "the EEA", eu_law), findings)
    _mechanism(transfer, where, "uk", needs_uk, _why(name, "the UK", uk_law), findings)
    for key, mechanism, misfits, message in _MISFITS:
        if transfer.get(key) == mechanism and misfits(country):
            findings.add((*where, key), message.format(name=name))
            return  # with the safeguard wrong, whether it has a copy is beside the point
    _certified(recipient, transfer, loc, findings)
    _copy(transfer, where, findings)


def _certified(
    recipient: dict[str, Any], transfer: dict[str, Any], loc: Loc, findings: Findings
) -> None:
    """The DPF is adequacy for certified organisations only: the recipient must say it is."""
    parts = {member(part, DpfPart) for part in items(recipient.get("dpf"))}
    for (key, mechanism), part in _DPF.items():
        if transfer.get(key) == mechanism and part not in parts:
            findings.add(
                (*loc, "transfer", key),
                f"{mechanism} covers only organisations certified under the Data Privacy "
                f"Framework ({part}); check the recipient on dataprivacyframework.gov/list and add "
                f"dpf: [{part}] to it, or use another safeguard (e.g. "
                f"{'scc' if key == 'mechanism' else 'uk_addendum'})",
            )


def _copy(transfer: dict[str, Any], where: Loc, findings: Findings) -> None:
    mechanisms = [
        value
        for key, enum in (("mechanism", TransferMechanism), ("uk", UkTransferMechanism))
        if (value := member(transfer.get(key), enum)) is not None
    ]
    if not mechanisms:
        return
    needs_copy = any(mechanism in WITH_COPY for mechanism in mechanisms)
    if needs_copy and not given(transfer, "copy"):
        findings.require(
            where,
            "copy",
            "the safeguard is a document people can ask for (GDPR Art. 13(1)(f))",
            '"how people get a copy, e.g. e-mail privacy@example.com"',
        )
    elif not needs_copy and given(transfer, "copy"):
        findings.forbid(
            where,
            "copy",
            "an adequacy decision or an Art. 49 derogation has no document to copy",
        )


def _hosted_by(data: dict[str, Any], findings: Findings) -> None:
    """Every site has a host that sees visitors' IP addresses (GDPR Art. 13(1)(e) recipients):
    the declaration names it, so the policy can say who it is, where, and what it logs."""
    site = mapping(data.get("site"))
    hosts = items(site.get("hosted_by"))
    if not hosts:
        findings.add(
            ("site", "hosted_by"),
            "missing; name who runs the servers that deliver the site: hosted_by: [webhost] "
            "(the id of a recipient: web host, CDN or static host), or [first_party] when you "
            "run the server yourself",
        )
        return
    recipients = ids(data, "recipients")
    for position, host in enumerate(hosts):
        value = text(host)
        if value is None or value == FIRST_PARTY:
            continue
        if value not in recipients:
            guess = closest(value, list(recipients))
            hint = f"did you mean {guess}? " if guess else ""
            findings.add(
                ("site", "hosted_by", position),
                f'unknown recipient "{value}"; {hint}declare the host under recipients (role: '
                f"processor, its country, purpose: Web hosting) and name its id here",
            )
        elif not _logged(data, value):
            # The policy's hosting section tells what the host logs, why and for how long from
            # the purposes whose data comes from the browser and that list the host (GDPR Art.
            # 13(1)(c), (e) and 13(2)(a)); without one it could only say the host gets the IP
            # address, not what becomes of it.
            findings.add(
                ("site", "hosted_by", position),
                f"{value} receives every visitor's IP address, but no processing entry with "
                f"sources: [browser] lists it in recipients, so the policy cannot say what it "
                "logs and for how long; add a purpose for its server logs: {id: server_logs, "
                f"data: [...], sources: [browser], recipients: [{value}], legal_basis: "
                "legitimate_interests, retention: {duration: P14D}, ...}",
            )


def _logged(data: dict[str, Any], host: str) -> bool:
    """Some purpose fed by the browser lists the host among its recipients."""
    return any(
        BROWSER in items(entry.get("sources")) and host in items(entry.get("recipients"))
        for _, entry in entries(data, "processing")
    )


def _why(name: str, region: str, declared: bool) -> tuple[str, str]:
    """Why a safeguard is needed, and why it is not."""
    law = "uk_gdpr" if region == "the UK" else "eu_gdpr"
    unneeded = f"{name} is inside {region}" if declared else f"{law} is not declared"
    return f"{name} is outside {region} and {law} is declared", unneeded


def _mechanism(
    transfer: dict[str, Any],
    where: Loc,
    key: str,
    needed: bool,
    why: tuple[str, str],
    findings: Findings,
) -> None:
    choices = _EU_MECHANISMS if key == "mechanism" else _UK_MECHANISMS
    findings.only_when(transfer, where, key, needed, why, f"one of {choices}")
