"""How each transfer safeguard is named in the policy, with its article.

Kept apart from the section builders because the change list names the same
safeguards when a recipient's safeguard changes.
"""

from __future__ import annotations

from declaration import TransferMechanism, UkTransferMechanism

_EU = {
    TransferMechanism.ADEQUACY: "an adequacy decision of the European Commission (Art. 45 GDPR)",
    TransferMechanism.EU_US_DPF: "the EU-US Data Privacy Framework, an adequacy decision of the "
    "European Commission (Art. 45 GDPR)",
    TransferMechanism.SCC: "standard contractual clauses adopted by the European Commission "
    "(Art. 46(2)(c) GDPR)",
    TransferMechanism.BCR: "binding corporate rules (Art. 46(2)(b) and 47 GDPR)",
    TransferMechanism.CODE_OF_CONDUCT: "an approved code of conduct (Art. 46(2)(e) GDPR)",
    TransferMechanism.CERTIFICATION: "an approved certification (Art. 46(2)(f) GDPR)",
    TransferMechanism.ART49_CONSENT: "your explicit consent to the transfer (Art. 49(1)(a) GDPR)",
    TransferMechanism.ART49_CONTRACT: "the transfer being necessary for a contract with you "
    "(Art. 49(1)(b) GDPR)",
}
_UK = {
    UkTransferMechanism.UK_ADEQUACY: "UK adequacy regulations (Art. 45 UK GDPR)",
    UkTransferMechanism.UK_US_DATA_BRIDGE: "the UK-US data bridge, UK adequacy regulations "
    "(Art. 45 UK GDPR)",
    UkTransferMechanism.IDTA: "the International Data Transfer Agreement (IDTA) issued by the "
    "ICO (Art. 46 UK GDPR)",
    UkTransferMechanism.UK_ADDENDUM: "the UK Addendum to the EU standard contractual clauses "
    "(Art. 46 UK GDPR)",
    UkTransferMechanism.BCR: "binding corporate rules (Art. 47 UK GDPR)",
    UkTransferMechanism.ART49_CONSENT: "your explicit consent to the transfer "
    "(Art. 49(1)(a) UK GDPR)",
    UkTransferMechanism.ART49_CONTRACT: "the transfer being necessary for a contract with you "
    "(Art. 49(1)(b) UK GDPR)",
}


def eu_safeguard(mechanism: TransferMechanism) -> str:
    return _EU[mechanism]


def uk_safeguard(mechanism: UkTransferMechanism) -> str:
    return _UK[mechanism]
