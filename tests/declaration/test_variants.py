"""Valid declarations for other businesses: every rule must let a correct declaration through.

Each variant edits the example into what a real owner would write for that case (a US
newsletter service, the CCPA, a DPO, cookies, a UK company, Canada, health data, automated
decisions) and checks that it loads with its values.
"""

from __future__ import annotations

from datetime import datetime

from declaration import (
    DpfPart,
    Jurisdiction,
    LegalBasis,
    SensitiveKind,
    SpecialCategoryCondition,
    StorageExemption,
    StorageType,
    TransferMechanism,
    UkTransferMechanism,
    load_declaration,
)

NEWSLETTER_PURPOSE = """\
  - id: newsletter
    purpose: Send our newsletter to people who subscribe
    data: [contact]
    sources: [data_subject]
    legal_basis: consent
    consent: {withdraw: the unsubscribe link at the end of every newsletter}
    provision: {obligation: none, consequence: You do not receive the newsletter}
    recipients: [mailer]
    retention: {criteria: you unsubscribe}

recipients:
"""
MAILER = """\
    hosts: []
  - id: mailer
    name: Example Newsletter Inc.
    role: processor
    purpose: Newsletter delivery
    country: US
    hosts: [forms.newsletter.example.test]
    dpf: [eu_us]
    transfer: {mechanism: eu_us_dpf}
    privacy_url: https://newsletter.example.test/privacy
"""


def test_consent_newsletter_through_a_us_processor(write_declaration) -> None:
    path = write_declaration(
        ("\nrecipients:\n", "\n" + NEWSLETTER_PURPOSE),
        ("    hosts: []                             #", MAILER + "  #"),
    )
    declaration = load_declaration(path)
    newsletter = declaration.processing_by_id("newsletter")
    assert newsletter.legal_basis is LegalBasis.CONSENT
    assert newsletter.consent is not None
    assert newsletter.consent.withdraw.startswith("the unsubscribe link")
    assert newsletter.retention.duration is None
    assert newsletter.retention.criteria == "you unsubscribe"
    mailer = declaration.recipient("mailer")
    assert mailer.outside_eea and mailer.country_name == "United States"
    assert mailer.transfer is not None
    assert mailer.transfer.mechanism is TransferMechanism.EU_US_DPF
    assert mailer.transfer.copy_instructions is None  # an adequacy decision has no copy
    assert mailer.dpf == (DpfPart.EU_US,)
    assert declaration.recipient_for_host("forms.newsletter.example.test") == mailer
    assert declaration.to_json_dict()["recipients"][1]["dpf"] == ["eu_us"]


def test_ccpa_applies(write_declaration) -> None:
    path = write_declaration(
        ("us_ca_caloppa]", "us_ca_caloppa, us_ca_ccpa]"),
        ("label: Content of your message}", "label: Content of your message, "),
        ("\n  - {id: connection", " ccpa_category: customer_records}\n  - {id: connection"),
        ("authorized_agent: null", "authorized_agent: An agent sends us your signed permission"),
        (
            "ccpa: {applies: false}",
            "ccpa: {applies: true, sells: false, shares: false, honors_gpc: true, "
            "spi_beyond_7027m: false, online_only: true}",
        ),
    )
    declaration = load_declaration(path)
    assert declaration.applies(Jurisdiction.US_CA_CCPA)
    assert declaration.ccpa.applies and declaration.ccpa.honors_gpc
    assert declaration.ccpa.knows_sells_under16 is None
    assert declaration.rights.authorized_agent == "An agent sends us your signed permission"
    (category,) = declaration.data_category("message").ccpa_category
    assert category.label.startswith(
        "Personal information categories listed in the California Customer Records statute"
    )


def test_dpo_appointed(write_declaration) -> None:
    path = write_declaration(
        (
            "dpo: {appointed: false}",
            "dpo: {appointed: true, name: Dana Data, email: dpo@example-shop.test}",
        )
    )
    dpo = load_declaration(path).dpo
    assert dpo.appointed and dpo.name == "Dana Data" and dpo.email == "dpo@example-shop.test"


COOKIES = """\
storage:
  - {name: theme, type: local_storage, provider: first_party, purpose: Remember light or dark mode,
     duration: until_cleared, consent_required: false, exemption: strictly_necessary}
  - {name: _pk_id, type: cookie, provider: analytics, purpose: Recognise returning visitors,
     duration: P13M, consent_required: true, if_refused: Your visits are counted as new ones}
consent: {record_duration: P6M}
"""
ANALYTICS = """\
    hosts: []
  - id: analytics
    name: Example Analytics GmbH
    role: processor
    purpose: Visit statistics
    country: DE
    privacy_url: https://analytics.example.test/privacy
    hosts: [stats.analytics.example.test]
"""
STATISTICS_PURPOSE = """\
    form: contact
  - id: statistics
    purpose: Count visits to improve the site
    data: [connection]
    sources: [data_subject]
    legal_basis: consent
    consent: {withdraw: the cookie settings link at the foot of every page}
    provision: {obligation: none, consequence: Your visit is not counted}
    recipients: [analytics]
    retention: {duration: P13M}
    scripts: [matomo]
"""


def test_cookies_declared(write_declaration) -> None:
    path = write_declaration(
        ("storage: []", COOKIES),
        ("    hosts: []                             #", ANALYTICS + "  #"),
        ("    form: contact                         #", STATISTICS_PURPOSE + "  #"),
    )
    declaration = load_declaration(path)
    theme, visitor = declaration.storage
    assert theme.type is StorageType.LOCAL_STORAGE and theme.type.label == "local storage"
    assert theme.duration.is_until_cleared and str(theme.duration) == "until you clear it"
    assert theme.exemption is StorageExemption.STRICTLY_NECESSARY
    assert visitor.consent_required and visitor.if_refused is not None
    assert str(visitor.duration) == "13 months"
    assert declaration.consent is not None
    assert declaration.consent.record_duration.iso == "P6M"
    assert declaration.processing_by_id("statistics").scripts == ("matomo",)
    assert declaration.to_json_dict()["storage"][0]["duration"] == "until_cleared"


GERMAN_NOTICE = """\
  editorial_responsible:                  # Germany: who answers for the blog (§18(2) MStV)
    name: Max Example
    address: {street: Examplestraße 3, postal_code: "10117", city: Berlin, country: DE}
  consumer_disputes: {participation: not_willing}   # Germany: §36 VSBG
"""
AUTHORITY = """\
supervisory_authority:
  name: Berliner Beauftragte für Datenschutz und Informationsfreiheit
  url: https://www.datenschutz-berlin.de
"""
COMPLAINTS = """\
  complaint_procedure:
    channels:
      - {type: email, value: privacy@example-shop.test}
      - {type: postal, value: "1 Example Road, London EC1A 1AA"}
    acknowledge_within: P30D"""
UK_ADDRESS = '{street: 1 Example Road, postal_code: "EC1A 1AA", city: London, country: GB}'
EU_REPRESENTATIVE = (
    "{name: Example Representation Ltd, email: rep@example-rep.test, "
    'address: {street: 1 Example Quay, postal_code: "D01 X2Y3", city: Dublin, country: IE}}'
)


def test_uk_company_serving_the_eu_and_the_uk(write_declaration) -> None:
    path = write_declaration(
        ("[eu_gdpr, eprivacy, us_ca_caloppa]", "[eu_gdpr, uk_gdpr, eprivacy]"),
        ('{street: Examplestraße 1, postal_code: "10115", city: Berlin, country: DE}', UK_ADDRESS),
        ("eu_representative: null", f"eu_representative: {EU_REPRESENTATIVE}"),
        (GERMAN_NOTICE, ""),
        (AUTHORITY, ""),
        ("    hosts: []  ", "    transfer: {uk: uk_adequacy}\n    hosts: [] "),
        ("  authorized_agent: null", COMPLAINTS),
        ("caloppa:\n  dnt_response: We do not track visitors", "# dnt_response: We do not track"),
    )
    declaration = load_declaration(path)
    assert declaration.controller.address.country == "GB"
    representative = declaration.controller.eu_representative
    assert representative is not None and representative.address.city == "Dublin"
    webhost = declaration.recipient("webhost")
    assert webhost.transfer is not None and webhost.transfer.mechanism is None
    assert webhost.transfer.uk is UkTransferMechanism.UK_ADEQUACY
    assert declaration.caloppa is None
    procedure = declaration.rights.complaint_procedure
    assert procedure is not None and str(procedure.acknowledge_within) == "30 days"


def test_canada_pipeda(write_declaration) -> None:
    path = write_declaration(
        ("us_ca_caloppa]", "us_ca_caloppa, ca_pipeda]"),
        (
            "  authorized_agent: null",
            "  complaint_procedure: {channels: [{type: email, value: privacy@example-shop.test}]}\n"
            "pipeda:\n"
            "  privacy_officer:\n"
            "    title: Privacy Officer\n"
            "    email: privacy@example-shop.test\n"
            '    address: {street: 1 Example Street, postal_code: "K1A 0B1", city: Ottawa,'
            " region: ON, country: CA}",
        ),
    )
    pipeda = load_declaration(path).pipeda
    assert pipeda is not None and pipeda.privacy_officer.address.region == "ON"


def test_health_data_with_an_art9_condition(write_declaration) -> None:
    path = write_declaration(
        (
            "  - {id: message, label: Content of your message}",
            "  - {id: message, label: Content of your message}\n"
            "  - {id: allergies, label: Allergies you tell us about, sensitive: health}",
        ),
        ("    data: [contact, message]", "    data: [contact, message, allergies]"),
        (
            "    legal_basis: legitimate_interests\n    legitimate_interest: Replying",
            "    legal_basis: consent\n"
            "    consent: {withdraw: an e-mail to us}\n"
            "    special_category_condition: explicit_consent\n"
            "    # legitimate_interest: Replying",
        ),
    )
    declaration = load_declaration(path)
    assert declaration.data_category("allergies").sensitive is SensitiveKind.HEALTH
    assert SensitiveKind.HEALTH.gdpr_special and SensitiveKind.HEALTH.ccpa_sensitive
    condition = declaration.processing_for_form("contact").special_category_condition
    assert condition is SpecialCategoryCondition.EXPLICIT_CONSENT
    assert condition.article == "Art. 9(2)(a)"


def test_automated_decisions_declared(write_declaration) -> None:
    path = write_declaration(
        (
            "automated_decision_making: {used: false}",
            "automated_decision_making: {used: true, logic: A score from your order history,"
            " significance: It decides whether you may pay by invoice,"
            " consequences: With a low score you pay in advance}",
        )
    )
    decisions = load_declaration(path).automated_decision_making
    assert decisions.used and decisions.logic == "A score from your order history"


def test_a_storage_duration_counts_from_when_it_is_set(write_declaration) -> None:
    path = write_declaration(
        (
            "storage: []",
            COOKIES.replace(
                "_pk_id, type: cookie, provider: analytics",
                "_pk_id, type: cookie, provider: first_party",
            ),
        )
    )
    visitor = load_declaration(path).storage[1]
    assert visitor.duration.end(datetime(2024, 1, 31)) == datetime(2025, 2, 28)
