"""Every requirement id of shared/policy-requirements.md, and when it applies to a declaration.

This is the law's side of the coverage report: for each id, the reason it does
not apply (or None when it does). The policy's side, which part of which page
meets it, is declared by the section builders; `coverage.py` joins the two, so
a requirement that applies but that no page meets is found at build time.
Sections 1.8 (the privacy guard's checks of the built site) are not listed:
they are not disclosures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from declaration import (
    BROWSER,
    DATA_SUBJECT,
    FIRST_PARTY,
    Declaration,
    Jurisdiction,
    LegalBasis,
    TransferMechanism,
    UkTransferMechanism,
)
from declaration.countries import EEA, UK
from declaration.imprint_rules import legal_notice_country

from .legal_notice import publishes_legal_notice

Reason = str | None  # None: the requirement applies; otherwise why it does not


@dataclass(frozen=True)
class Requirement:
    id: str
    when: Callable[[Declaration], Reason]
    hint: str = ""  # how an owner fixes a declaration whose policy cannot meet it


def _always(_: Declaration) -> Reason:
    return None


def _law(jurisdiction: Jurisdiction) -> Callable[[Declaration], Reason]:
    def when(declaration: Declaration) -> Reason:
        return None if declaration.applies(jurisdiction) else f"{jurisdiction} is not declared"

    return when


def _all(*conditions: Callable[[Declaration], Reason]) -> Callable[[Declaration], Reason]:
    """Applies when every condition does; otherwise the first reason why not."""

    def when(declaration: Declaration) -> Reason:
        for condition in conditions:
            reason = condition(declaration)
            if reason:
                return reason
        return None

    return when


def _if(test: Callable[[Declaration], bool], reason: str) -> Callable[[Declaration], Reason]:
    def when(declaration: Declaration) -> Reason:
        return None if test(declaration) else reason

    return when


def gdpr_reason(declaration: Declaration) -> Reason:
    if declaration.applies(Jurisdiction.EU_GDPR) or declaration.applies(Jurisdiction.UK_GDPR):
        return None
    return "neither eu_gdpr nor uk_gdpr is declared"


def _cookie_law(declaration: Declaration) -> Reason:
    if declaration.applies(Jurisdiction.EPRIVACY) or declaration.applies(Jurisdiction.UK_GDPR):
        return None
    return "neither eprivacy nor uk_gdpr (PECR) is declared"


def _ccpa(declaration: Declaration) -> Reason:
    return None if declaration.ccpa.applies else "us_ca_ccpa is not declared"


def _bases(declaration: Declaration, *bases: LegalBasis) -> bool:
    return bool(declaration.legal_bases & set(bases))


def _sources(declaration: Declaration, from_person: bool) -> bool:
    return any(
        (source in (DATA_SUBJECT, BROWSER)) == from_person
        for entry in declaration.processing
        for source in entry.sources
    )


def _ccpa_sensitive(declaration: Declaration) -> bool:
    return any(c.sensitive and c.sensitive.ccpa_sensitive for c in declaration.data_categories)


def _gdpr_special(declaration: Declaration) -> bool:
    return any(c.sensitive and c.sensitive.gdpr_special for c in declaration.data_categories)


def _sells_or_shares(declaration: Declaration) -> bool:
    return bool(declaration.ccpa.sells or declaration.ccpa.shares)


def _consent_storage(declaration: Declaration) -> bool:
    return any(item.consent_required for item in declaration.storage)


def _controller_outside(region: frozenset[str] | str) -> Callable[[Declaration], bool]:
    def test(declaration: Declaration) -> bool:
        country = declaration.controller.address.country
        return country not in region if isinstance(region, frozenset) else country != region

    return test


_EU, _UK = _law(Jurisdiction.EU_GDPR), _law(Jurisdiction.UK_GDPR)
_CALOPPA, _PIPEDA = _law(Jurisdiction.US_CA_CALOPPA), _law(Jurisdiction.CA_PIPEDA)
_STORAGE = _if(lambda d: bool(d.storage), "no storage items are declared")
_CONSENT = _if(_consent_storage, "no storage item needs consent")
_IMPRINT = _if(
    publishes_legal_notice,
    "the controller is outside the EU/EEA and the UK, and declares no legal notice data "
    "(controller.legal_form, represented_by, register, vat_id or regulator)",
)


def _country(*countries: str) -> Callable[[Declaration], Reason]:
    def when(declaration: Declaration) -> Reason:
        rules = legal_notice_country(declaration.controller.address.country)
        return None if rules in countries else f"the controller is not in {' or '.join(countries)}"

    return when


def _transfers_with(key: str, mechanism: object) -> Callable[[Declaration], bool]:
    def test(declaration: Declaration) -> bool:
        return any(
            r.transfer is not None and getattr(r.transfer, key) == mechanism
            for r in declaration.recipients
        )

    return test


_LANGUAGES_HINT = (
    "each policy page must be published in every language of site.languages; this is a bug in "
    "policy_pages"
)

CATALOG: tuple[Requirement, ...] = (
    # 1.1 Common
    Requirement("meta.link_everywhere", _always),
    Requirement("meta.last_updated", _always),
    Requirement("meta.change_notice", _always),
    Requirement("meta.history", _always),
    Requirement("meta.scope", _always),
    Requirement(
        "meta.languages",
        _if(lambda d: len(d.site.languages) > 1, "the site declares one language"),
        _LANGUAGES_HINT,
    ),
    Requirement("meta.plain_language", _always),
    # 1.2 GDPR Art. 13/14
    Requirement("gdpr.controller_identity", gdpr_reason),
    Requirement("gdpr.controller_contact", gdpr_reason),
    Requirement(
        "gdpr.data_location",
        _all(_EU, _if(_controller_outside(EEA), "the controller is in the EU/EEA")),
    ),
    Requirement(
        "gdpr.representative",
        _all(_EU, _if(_controller_outside(EEA), "the controller is in the EU/EEA")),
    ),
    Requirement(
        "gdpr.dpo_contact",
        _all(
            gdpr_reason, _if(lambda d: d.dpo.appointed, "no data protection officer is appointed")
        ),
    ),
    Requirement("gdpr.purposes", gdpr_reason),
    Requirement("gdpr.legal_basis", gdpr_reason),
    Requirement(
        "gdpr.legitimate_interests",
        _all(
            gdpr_reason,
            _if(
                lambda d: _bases(d, LegalBasis.LEGITIMATE_INTERESTS),
                "no purpose relies on legitimate interests",
            ),
        ),
    ),
    Requirement("gdpr.data_categories", gdpr_reason),
    Requirement(
        "gdpr.recipients",
        _all(gdpr_reason, _if(lambda d: bool(d.recipients), "no recipient is declared")),
    ),
    Requirement(
        "gdpr.transfers",
        _all(
            _EU,
            _if(
                lambda d: any(r.country not in EEA for r in d.recipients),
                "no recipient is outside the EEA",
            ),
        ),
    ),
    Requirement("gdpr.retention", gdpr_reason),
    Requirement(
        "gdpr.statutory_retention",
        _all(
            gdpr_reason,
            _if(
                lambda d: any(e.retention.statutory for e in d.processing),
                "no purpose keeps records a law requires",
            ),
        ),
    ),
    Requirement("gdpr.hosting", gdpr_reason),
    Requirement(
        "gdpr.transfers_dpf",
        _all(
            _EU,
            _if(
                _transfers_with("mechanism", TransferMechanism.EU_US_DPF),
                "no transfer relies on the EU-US Data Privacy Framework",
            ),
        ),
    ),
    Requirement("gdpr.rights.access", gdpr_reason),
    Requirement("gdpr.rights.rectification", gdpr_reason),
    Requirement("gdpr.rights.erasure", gdpr_reason),
    Requirement("gdpr.rights.restriction", gdpr_reason),
    Requirement(
        "gdpr.rights.portability",
        _all(
            gdpr_reason,
            _if(
                lambda d: _bases(d, LegalBasis.CONSENT, LegalBasis.CONTRACT),
                "no purpose relies on consent or a contract",
            ),
        ),
    ),
    Requirement(
        "gdpr.rights.object",
        _all(
            gdpr_reason,
            _if(
                lambda d: _bases(d, LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK),
                "no purpose relies on legitimate interests or a public task",
            ),
        ),
    ),
    Requirement("gdpr.rights.how", gdpr_reason),
    Requirement(
        "gdpr.withdraw_consent",
        _all(
            gdpr_reason,
            _if(
                lambda d: _bases(d, LegalBasis.CONSENT) or _consent_storage(d),
                "nothing relies on consent",
            ),
        ),
    ),
    Requirement("gdpr.complaint_authority", gdpr_reason),
    Requirement(
        "gdpr.complaint_no_lead_authority",
        _all(_EU, _if(_controller_outside(EEA), "the controller is in the EU/EEA")),
    ),
    Requirement(
        "gdpr.statutory_requirement",
        _all(
            gdpr_reason, _if(lambda d: _sources(d, True), "no data is collected from you directly")
        ),
    ),
    Requirement("gdpr.automated_decisions", gdpr_reason),
    Requirement(
        "gdpr.source",
        _all(gdpr_reason, _if(lambda d: _sources(d, False), "all data comes from you directly")),
    ),
    Requirement(
        "gdpr.special_categories",
        _all(gdpr_reason, _if(_gdpr_special, "no special category of data (Art. 9) is declared")),
    ),
    # gdpr.further_processing depends on the releases; coverage.py decides it.
    # 1.3 UK GDPR
    Requirement("uk.complaint_ico", _UK),
    Requirement(
        "uk.representative",
        _all(_UK, _if(_controller_outside(UK), "the controller is in the UK")),
    ),
    Requirement(
        "uk.transfers",
        _all(
            _UK,
            _if(
                lambda d: any(r.country != UK for r in d.recipients),
                "no recipient is outside the UK",
            ),
        ),
    ),
    Requirement("uk.complaint_to_controller", _UK),
    Requirement(
        "uk.transfers_dpf",
        _all(
            _UK,
            _if(
                _transfers_with("uk", UkTransferMechanism.UK_US_DATA_BRIDGE),
                "no transfer relies on the UK-US data bridge",
            ),
        ),
    ),
    # 1.4 CCPA/CPRA
    Requirement("ccpa.categories_collected", _ccpa),
    Requirement(
        "ccpa.sensitive_categories",
        _all(_ccpa, _if(_ccpa_sensitive, "no sensitive personal information is declared")),
    ),
    Requirement("ccpa.sources", _ccpa),
    Requirement("ccpa.purposes", _ccpa),
    Requirement("ccpa.sold_shared", _ccpa),
    Requirement("ccpa.disclosed", _ccpa),
    Requirement("ccpa.under16", _ccpa),
    Requirement("ccpa.sensitive_use", _ccpa),
    Requirement("ccpa.retention", _ccpa),
    Requirement("ccpa.right_know", _ccpa),
    Requirement("ccpa.right_delete", _ccpa),
    Requirement("ccpa.right_correct", _ccpa),
    Requirement("ccpa.right_opt_out", _ccpa),
    Requirement("ccpa.right_limit", _ccpa),
    Requirement("ccpa.non_discrimination", _ccpa),
    Requirement("ccpa.methods", _ccpa),
    Requirement(
        "ccpa.opt_out_link",
        _all(_ccpa, _if(_sells_or_shares, "personal information is neither sold nor shared")),
    ),
    Requirement(
        "ccpa.limit_link",
        _all(
            _ccpa,
            _if(
                lambda d: bool(d.ccpa.spi_beyond_7027m),
                "sensitive personal information is not used beyond §7027(m)",
            ),
        ),
    ),
    Requirement("ccpa.verification", _ccpa),
    Requirement("ccpa.opt_out_signal", _ccpa),
    Requirement("ccpa.authorized_agent", _ccpa),
    Requirement(
        "ccpa.minors",
        _all(
            _ccpa,
            _if(
                lambda d: bool(d.ccpa.knows_sells_under16),
                "no personal information of consumers under 16 is knowingly sold or shared",
            ),
        ),
    ),
    Requirement("ccpa.contact", _ccpa),
    Requirement("ccpa.updated_12m", _ccpa),
    Requirement(
        "ccpa.financial_incentive",
        _all(
            _ccpa,
            _if(
                lambda d: any(e.ccpa_financial_incentive for e in d.processing),
                "no financial incentive is declared",
            ),
        ),
    ),
    Requirement(
        "ccpa.metrics",
        _all(
            _ccpa,
            _if(
                lambda d: bool(d.ccpa.metrics_url),
                "no metrics are declared (needed only for 10 million consumers a year)",
            ),
        ),
    ),
    Requirement("ccpa.presentation", _ccpa),
    # 1.5 CalOPPA
    Requirement("caloppa.pii_categories", _CALOPPA),
    Requirement("caloppa.third_parties", _CALOPPA),
    Requirement(
        "caloppa.review_process",
        _all(
            _CALOPPA,
            _if(
                lambda d: bool(d.caloppa and d.caloppa.review_process),
                "no review process is declared (caloppa.review_process)",
            ),
        ),
    ),
    Requirement("caloppa.change_process", _CALOPPA),
    Requirement("caloppa.effective_date", _CALOPPA),
    Requirement("caloppa.dnt", _CALOPPA),
    Requirement("caloppa.third_party_tracking", _CALOPPA),
    # 1.6 PIPEDA
    Requirement("pipeda.accountable_person", _PIPEDA),
    Requirement("pipeda.access", _PIPEDA),
    Requirement("pipeda.types_and_use", _PIPEDA),
    Requirement("pipeda.disclosures", _PIPEDA),
    Requirement("pipeda.consent", _PIPEDA),
    Requirement(
        "pipeda.cross_border",
        _all(
            _PIPEDA,
            _if(
                lambda d: any(r.country != "CA" for r in d.recipients),
                "no recipient is outside Canada",
            ),
        ),
    ),
    Requirement("pipeda.challenge", _PIPEDA),
    # 1.7 ePrivacy / cookies
    Requirement(
        "cookies.none",
        _all(_cookie_law, _if(lambda d: not d.storage, "storage items are declared")),
    ),
    Requirement("cookies.inventory", _all(_cookie_law, _STORAGE)),
    Requirement(
        "cookies.similar_tech",
        _all(
            _cookie_law,
            _if(
                lambda d: any(item.type != "cookie" for item in d.storage),
                "no storage other than cookies is declared",
            ),
        ),
    ),
    Requirement(
        "cookies.third_party_identity",
        _all(
            _cookie_law,
            _if(
                lambda d: any(item.provider != FIRST_PARTY for item in d.storage),
                "no storage item is set by a third party",
            ),
        ),
    ),
    Requirement("cookies.duration", _all(_cookie_law, _STORAGE)),
    Requirement("cookies.legal_basis", _all(_cookie_law, _STORAGE)),
    Requirement(
        "cookies.exemption_cited",
        _all(
            _cookie_law,
            _if(
                lambda d: any(not item.consent_required for item in d.storage),
                "no storage item relies on an exemption from consent",
            ),
        ),
    ),
    Requirement("cookies.how_to_consent", _all(_cookie_law, _CONSENT)),
    Requirement("cookies.withdraw", _all(_cookie_law, _CONSENT)),
    Requirement("cookies.refusal_consequence", _all(_cookie_law, _CONSENT)),
    Requirement("cookies.choice_retention", _all(_cookie_law, _CONSENT)),
    Requirement(
        "cookies.uk_exempt_objection",
        _all(
            _UK,
            _if(
                lambda d: any(item.exemption and item.exemption.uk_only for item in d.storage),
                "no storage item uses a UK-only exemption",
            ),
        ),
    ),
    Requirement("cookies.last_updated", _cookie_law),
    Requirement("cookies.prior_consent", _all(_cookie_law, _CONSENT)),
    # 1.9 Legal notice
    Requirement("imprint.identity", _IMPRINT),
    Requirement(
        "imprint.contact",
        _IMPRINT,
        "add controller.phone, or a form channel under rights.channels, so that people reach "
        "you quickly without e-mail",
    ),
    Requirement(
        "imprint.register",
        _all(
            _IMPRINT,
            _if(
                lambda d: bool(d.controller.commercial_register or d.controller.vat_id),
                "no register entry or VAT ID is declared",
            ),
        ),
    ),
    Requirement(
        "imprint.regulated",
        _all(
            _IMPRINT,
            _if(lambda d: d.controller.regulator is not None, "no regulator is declared"),
        ),
    ),
    Requirement(
        "imprint.de_representatives",
        _all(
            _IMPRINT,
            _country("DE"),
            _if(lambda d: bool(d.controller.represented_by), "no representative is declared"),
        ),
    ),
    Requirement("imprint.de_editorial", _all(_IMPRINT, _country("DE"))),
    Requirement("imprint.de_dispute_resolution", _all(_IMPRINT, _country("DE"))),
    Requirement(
        "imprint.uk_company",
        _all(
            _IMPRINT,
            _country("GB"),
            _if(lambda d: d.controller.commercial_register is not None, "no register is declared"),
        ),
    ),
    Requirement("imprint.fr_publication", _all(_IMPRINT, _country("FR"))),
    Requirement("imprint.fr_host", _all(_IMPRINT, _country("FR"))),
)
