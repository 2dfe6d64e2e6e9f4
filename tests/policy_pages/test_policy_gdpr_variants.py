"""GDPR variants of the example: a consent newsletter through a US processor, a DPO, UK companies.

Each variant is released with the real command and built with the real build; every
assertion finds the requirement's place through the coverage report's anchor and checks
the declared values there, word for word.
"""

from __future__ import annotations

import pytest
from policybuild import (
    NOT_GERMAN,
    RELEASED,
    assert_fully_covered,
    build_variant,
    coverage,
    example,
    met,
    words,
)
from sitebuild import Build

NEWSLETTER_PURPOSE = """\
  - id: newsletter
    purpose: Send you our monthly newsletter
    data: [contact]
    sources: [data_subject]
    legal_basis: consent
    consent: {withdraw: the unsubscribe link at the foot of every newsletter}
    provision: {obligation: none, consequence: You do not get the newsletter}
    recipients: [mailer]
    retention: {criteria: you unsubscribe}

recipients:
"""
MAILER = """\
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
LONDON = '{street: 1 Example Road, postal_code: "EC1A 1AA", city: London, country: GB}'
DUBLIN_REPRESENTATIVE = (
    "{name: Example Representation Ltd, email: rep@example-rep.test, "
    'address: {street: 2 Example Quay, postal_code: "D02 X285", city: Dublin, country: IE}}'
)
COMPLAINTS = (
    "{channels: [{type: email, value: complaints@example-shop.test}, {type: postal, value: "
    '"1 Example Road, London EC1A 1AA"}], acknowledge_within: P30D}'
)
NO_CALOPPA = (
    "caloppa:\n  dnt_response: We do not track visitors across other sites, so Do Not Track "
    "signals change nothing.",
    "",
)
# A UK company: its register and its legal form (SI 2015/17 reg. 25), no German notice parts.
UK_COMPANY = (
    *NOT_GERMAN,
    ("  legal_form: GmbH ", "  legal_form: Ltd "),
    (
        "{court: Amtsgericht Example, number: HRB 00000}",
        '{court: England and Wales, number: "01234567"}',
    ),
    ("vat_id: DE000000000", "vat_id: GB000000000"),
    ("role: managing_director", "role: director"),
)
UK_TRANSFER = (
    "    hosts: []                             #",
    "    transfer: {uk: uk_adequacy}\n    hosts: []  #",
)


DPO = (
    "dpo: {appointed: false}",
    "dpo: {appointed: true, name: Dana Data, email: dpo@example-shop.test, "
    'address: {street: Datenweg 2, postal_code: "10117", city: Berlin, country: DE}}',
)


@pytest.fixture(scope="module")
def newsletter(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The example with a consent newsletter through a US processor, and a DPO (one build for
    both: neither changes what the other's tests read)."""
    return build_variant(
        tmp_path_factory.mktemp("newsletter"),
        example(
            ("\nrecipients:\n", "\n" + NEWSLETTER_PURPOSE),
            (
                "  # A third party that the site loads",
                MAILER + "  # A third party that the site loads",
            ),
            DPO,
        ),
    )


def test_newsletter_site_is_fully_covered(newsletter: Build) -> None:
    report = assert_fully_covered(newsletter)
    for requirement in ("gdpr.transfers", "gdpr.rights.portability", "gdpr.withdraw_consent"):
        assert report[requirement].startswith("/privacy/#"), requirement


def test_the_framework_is_adequacy_for_a_certified_recipient_without_a_copy(
    newsletter: Build,
) -> None:
    """Commission Implementing Decision (EU) 2023/1795: adequacy, not an Art. 46 safeguard."""
    section = met(newsletter, "gdpr.transfers_dpf")
    transfers = words(section)
    assert transfers.startswith("Transfers outside the EEA")
    assert (
        "Example Newsletter Inc. processes data in the United States and is certified under the "
        "EU-US Data Privacy Framework." in transfers
    )
    assert "(Implementing Decision (EU) 2023/1795, Art. 45 GDPR)" in transfers
    assert "copy" not in transfers and "Safeguard" not in transfers
    assert section.find("a", href="https://www.dataprivacyframework.gov/list") is not None


def test_consent_can_be_withdrawn_as_declared(newsletter: Build) -> None:
    section = met(newsletter, "gdpr.withdraw_consent")
    assert section.h3.get_text() == "Right to withdraw consent"
    text = words(section)
    assert "you can withdraw your consent at any time" in text
    assert "does not affect the lawfulness of the processing before the withdrawal" in text
    assert "Newsletter: the unsubscribe link at the foot of every newsletter." in text
    assert section.find("a", href="#purpose-newsletter") is not None


def test_portability_follows_the_consent_basis(newsletter: Build) -> None:
    section = met(newsletter, "gdpr.rights.portability")
    assert section.h3.get_text() == "Right to data portability"
    names = [a.get_text() for a in section.find_all("a")]
    assert names == ["Newsletter"]
    assert "which we process with your consent, you have" in words(section)  # no "or a contract"
    assert "machine-readable" in words(section)


def test_objection_keeps_its_own_heading_for_the_legitimate_interests(newsletter: Build) -> None:
    section = met(newsletter, "gdpr.rights.object")
    assert section.name == "section" and section.h3.get_text() == "Right to object"
    assert [a["href"] for a in section.find_all("a")] == [
        "#purpose-hosting_logs",
        "#purpose-contact_form",
    ]


def test_the_newsletter_purpose_states_every_declared_fact(newsletter: Build) -> None:
    facts = newsletter.page("/privacy/").find(id="purpose-newsletter")
    rows = {dt.get_text(): words(dt.find_next_sibling("dd")) for dt in facts.find_all("dt")}
    assert facts.h3.get_text() == "Newsletter"
    assert rows == {
        "What for": "Send you our monthly newsletter.",
        "Data": "Name and e-mail address",
        "Where it comes from": "From you.",
        "Legal basis": "Art. 6(1)(a) GDPR: your consent.",
        "Withdrawing consent": "You can withdraw your consent at any time: the unsubscribe link "
        "at the foot of every newsletter.",
        "Must you give it?": "No: giving it is up to you. Without it: You do not get the "
        "newsletter.",
        "Who receives it": "Example Newsletter Inc. (United States).",
        "How long we keep it": "We keep it until you unsubscribe.",
    }


def test_the_us_processor_is_a_named_recipient(newsletter: Build) -> None:
    row = newsletter.page("/privacy/").find(id="recipient-mailer")
    cells = [words(cell) for cell in row.find_all(["th", "td"])]
    assert cells[:4] == [
        "Example Newsletter Inc.",
        "processor: handles the data only on our instructions",
        "Newsletter delivery",
        "United States",
    ]
    assert row.th.a["href"] == "https://newsletter.example.test/privacy"


def test_a_processor_the_browser_never_contacts_is_not_said_to_be_contacted(
    newsletter: Build,
) -> None:
    """Its hosts are declared, but no page loads them: the audit warns that they are stale, and
    the policy does not say that pages make the browser contact it (issue 13, defect 9)."""
    tracking = words(met(newsletter, "caloppa.third_party_tracking"))
    assert "Example Newsletter Inc." not in tracking
    assert "recipient mailer lists host forms.newsletter.example.test" in newsletter.log
    version = words(newsletter.page(f"/privacy/versions/{RELEASED.isoformat()}/"))
    assert "connect to the servers of" not in version


def test_the_data_protection_officer_is_named_with_contact(newsletter: Build) -> None:
    assert_fully_covered(newsletter)
    section = met(newsletter, "gdpr.dpo_contact")
    assert section.h3.get_text() == "Our Data Protection Officer"
    assert section.find("a", href="mailto:dpo@example-shop.test") is not None
    text = words(section)
    assert "Name Dana Data" in text and "Datenweg 2 10117 Berlin Germany" in text


@pytest.fixture(scope="module")
def uk_and_eu(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_variant(
        tmp_path_factory.mktemp("uk_and_eu"),
        example(
            ("[eu_gdpr, eprivacy, us_ca_caloppa]", "[eu_gdpr, uk_gdpr, eprivacy]"),
            ('{street: Examplestraße 1, postal_code: "10115", city: Berlin, country: DE}', LONDON),
            *UK_COMPANY,
            ("eu_representative: null", f"eu_representative: {DUBLIN_REPRESENTATIVE}"),
            UK_TRANSFER,
            ("  authorized_agent: null ", f"  complaint_procedure: {COMPLAINTS}\n  # "),
            NO_CALOPPA,
        ),
    )


def test_uk_and_eu_site_is_fully_covered(uk_and_eu: Build) -> None:
    report = assert_fully_covered(uk_and_eu)
    assert report["caloppa.dnt"] == "n/a: us_ca_caloppa is not declared"
    assert report["uk.representative"] == "n/a: the controller is in the UK"


def test_both_laws_are_cited(uk_and_eu: Build) -> None:
    card = uk_and_eu.page("/privacy/").find(id="purpose-contact_form")
    assert "Art. 6(1)(f) GDPR and UK GDPR: our legitimate interests." in words(card)


def test_the_eu_representative_is_named(uk_and_eu: Build) -> None:
    section = met(uk_and_eu, "gdpr.representative")
    assert section.h3.get_text() == "Our representative in the EU"
    text = words(section)
    assert "representative there (Art. 27 GDPR)" in text
    assert (
        "Example Representation Ltd 2 Example Quay Dublin D02 X285 Ireland"
    )  # Eircode last in text
    assert section.find("a", href="mailto:rep@example-rep.test") is not None
    controller = words(met(uk_and_eu, "gdpr.controller_identity"))
    assert "1 Example Road London EC1A 1AA United Kingdom" in controller


def test_complaints_go_to_the_ico_and_to_us(uk_and_eu: Build) -> None:
    ico = met(uk_and_eu, "uk.complaint_ico")
    assert "Information Commissioner's Office" in words(ico)
    assert ico.find("a", href="https://ico.org.uk/make-a-complaint/") is not None
    assert "0303 123 1113" in words(ico)
    assert "country where you live" not in words(met(uk_and_eu, "uk.complaint_ico"))
    ours = met(uk_and_eu, "uk.complaint_to_controller")
    assert ours.h3.get_text() == "Complaints to us"
    text = words(ours)
    assert (
        "by e-mail to complaints@example-shop.test, or by post to 1 Example Road, London EC1A "
        "1AA. We acknowledge your complaint within 30 days, look into it without undue delay, "
        "keep you informed of progress, and tell you the outcome (section 164A of the Data "
        "Protection Act 2018)." in text
    )


def test_transfers_out_of_the_uk_name_the_uk_safeguard(uk_and_eu: Build) -> None:
    transfers = words(met(uk_and_eu, "uk.transfers"))
    assert transfers.startswith("Transfers outside the EEA and the UK")
    assert "Example Hosting AG processes data in Germany." in transfers
    assert "UK adequacy regulations (Art. 45 UK GDPR)" in transfers
    assert coverage(uk_and_eu)["gdpr.transfers"] == "n/a: no recipient is outside the EEA"


@pytest.fixture(scope="module")
def uk_only(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_variant(
        tmp_path_factory.mktemp("uk_only"),
        example(
            ("[eu_gdpr, eprivacy, us_ca_caloppa]", "[uk_gdpr]"),
            ('{street: Examplestraße 1, postal_code: "10115", city: Berlin, country: DE}', LONDON),
            *UK_COMPANY,
            UK_TRANSFER,
            ("  authorized_agent: null ", f"  complaint_procedure: {COMPLAINTS}\n  # "),
            NO_CALOPPA,
            (
                "storage: []",
                "storage:\n  - {name: visits, type: cookie, provider: first_party, purpose: Count "
                "visits to each page, duration: P1Y, consent_required: false, "
                "exemption: uk_statistics}",
            ),
        ),
    )


def test_a_uk_only_policy_cites_the_uk_gdpr(uk_only: Build) -> None:
    assert_fully_covered(uk_only)
    card = uk_only.page("/privacy/").find(id="purpose-hosting_logs")
    assert "Art. 6(1)(f) UK GDPR: our legitimate interests." in words(card)
    complaint = words(met(uk_only, "gdpr.complaint_authority"))
    assert complaint.count("Information Commissioner's Office") == 1


def test_uk_statistics_storage_can_be_objected_to(uk_only: Build) -> None:
    section = met(uk_only, "cookies.uk_exempt_objection")
    assert "/cookies/" in coverage(uk_only)["cookies.uk_exempt_objection"]
    text = words(section)
    assert "lets us set visits without asking first" in text
    assert "You can object at any time" in text
    assert section.find("a", href="mailto:privacy@example-shop.test") is not None
    inventory = words(met(uk_only, "cookies.legal_basis"))
    assert "no consent needed: statistics; you can object (PECR reg. 6 and Sch. A1)" in inventory
