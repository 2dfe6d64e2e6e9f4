"""Issue 13's three example businesses, each built once with the real build and read as a
regulator would: the statements each law requires are there, the wrong ones are not.

A UK bakery (UK GDPR, ICO, DPA 2018 s.164A, a UK company's notice), a German bike shop with a
US newsletter processor (GDPR, the Data Privacy Framework, §5 DDG, statutory records), and a
Californian studio under the CCPA with an EU representative (no lead authority, a toll-free
number, one data item in two CCPA categories). One strict build per business, shared by the
tests that read it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from policybuild import assert_fully_covered, build_variant, met, words
from sitebuild import Build

BUSINESSES = Path(__file__).resolve().parent / "fixtures" / "businesses"


def build_business(factory: pytest.TempPathFactory, name: str) -> Build:
    declaration = (BUSINESSES / f"{name}.yml").read_text(encoding="utf-8")
    return build_variant(factory.mktemp(name), declaration)


@pytest.fixture(scope="module")
def bakery(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_business(tmp_path_factory, "uk_bakery")


@pytest.fixture(scope="module")
def bikeshop(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_business(tmp_path_factory, "de_bikeshop")


@pytest.fixture(scope="module")
def studio(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_business(tmp_path_factory, "us_studio")


def text(build: Build, url: str) -> str:
    return words(build.page(url).select_one("main"))


def purpose_facts(build: Build, purpose: str) -> dict[str, str]:
    card = build.page("/privacy/").find(id=f"purpose-{purpose}")
    return {dt.get_text(): words(dt.find_next_sibling("dd")) for dt in card.find_all("dt")}


@pytest.mark.parametrize("business", ["bakery", "bikeshop", "studio"])
def test_every_requirement_is_met_and_the_policy_stays_short(
    business: str, request: pytest.FixtureRequest
) -> None:
    build: Build = request.getfixturevalue(business)
    assert_fully_covered(build)
    policy = build.page("/privacy/").select_one("main")
    for contents in policy.select("nav"):
        contents.decompose()  # the table of contents repeats the headings
    count = len(words(policy).split())
    assert 1150 <= count <= 2000, count


# --- the UK bakery ---------------------------------------------------------------------------


def test_uk_complaints_go_to_the_ico_and_to_us_as_s164a_says(bakery: Build) -> None:
    complaint = words(met(bakery, "gdpr.complaint_authority"))
    assert "Information Commissioner's Office (ICO)" in complaint
    assert "0303 123 1113" in complaint
    assert "country where you live" not in complaint
    ours = words(met(bakery, "uk.complaint_to_controller"))
    assert "by e-mail to hello@crumb.example, or by post to Crumb & Co Bakery Ltd" in ours
    assert "We acknowledge your complaint within 30 days" in ours
    assert "keep you informed of progress, and tell you the outcome" in ours
    glance = words(bakery.page("/privacy/").find(id="at-a-glance"))
    assert "complain to the Information Commissioner's Office" in glance


def test_uk_legal_notice_is_a_companies_act_notice(bakery: Build) -> None:
    notice = text(bakery, "/legal-notice/")
    for fact in (
        "Director Amelia Baker",
        "Registered in England and Wales",
        "Company number 09876543",
        "Registered office",
        "VAT registration number GB123456789",
    ):
        assert fact in notice, fact
    assert "Represented by" not in notice and "Commercial register" not in notice


def test_orders_rely_on_the_contract_and_records_on_the_law(bakery: Build) -> None:
    orders = purpose_facts(bakery, "orders")
    assert orders["Legal basis"] == (
        "Art. 6(1)(b) UK GDPR: a contract with you, or steps you ask for before one."
    )
    records = purpose_facts(bakery, "records")
    assert records["Legal basis"].startswith("Art. 6(1)(c) UK GDPR")
    assert records["How long we keep it"] == (
        "We keep it for 6 years (order, payment and VAT records), counted from the end of the "
        "financial year they are from (VAT Act 1994 Sch. 11 para. 6(3), Finance Act 1998 Sch. 18 "
        "para. 21)."
    )
    assert "no law requires it" not in records["Must you give it?"]
    assert "the law requires us to keep it" in records["Must you give it?"]
    glance = words(bakery.page("/privacy/").find(id="at-a-glance"))
    assert "kept for 6 years, as the law requires" in glance and "up to" not in glance


def test_the_contact_form_is_voluntary_and_names_its_real_fields(bakery: Build) -> None:
    questions = purpose_facts(bakery, "contact_form")
    assert questions["Must you give it?"].startswith(
        "No: giving it is up to you. On the form, we need your e-mail address and your message"
    )
    logs = purpose_facts(bakery, "hosting_logs")
    assert (
        logs["Where it comes from"] == "Your browser sends it automatically when you open a page."
    )


def test_the_host_is_named_with_what_it_logs_and_for_how_long(bakery: Build) -> None:
    hosting = words(met(bakery, "gdpr.hosting"))
    assert hosting.startswith(
        "Where this website is hosted Example Web Hosting Ltd (United Kingdom)"
    )
    assert "keeps these logs for 14 days" in hosting


def test_no_consent_link_when_nothing_needs_consent(bakery: Build) -> None:
    cookies = bakery.page("/cookies/").select_one("main")
    assert "nothing to consent to" in words(cookies)
    assert "change your choice" not in words(cookies)
    assert cookies.find("a", href="#cookie-settings") is None


# --- the German bike shop --------------------------------------------------------------------


def test_the_data_privacy_framework_is_adequacy_for_a_certified_recipient(bikeshop: Build) -> None:
    transfers = met(bikeshop, "gdpr.transfers_dpf")
    said = words(transfers)
    assert "Example Mail Inc. processes data in the United States and is certified" in said
    assert "Implementing Decision (EU) 2023/1795" in said
    assert "copy" not in said and "safeguard" not in said
    assert transfers.find("a", href="https://www.dataprivacyframework.gov/list") is not None


def test_a_processor_no_page_loads_is_not_said_to_be_contacted(bikeshop: Build) -> None:
    tracking = words(bikeshop.page("/privacy/").find(id="tracking"))
    assert "Example Mail Inc." not in tracking
    report = text(bikeshop, "/privacy/report/")
    assert "Other companies your browser contacts None" in report


def test_german_notice_names_roles_register_editor_and_dispute_resolution(bikeshop: Build) -> None:
    notice = text(bikeshop, "/legal-notice/")
    for fact in (
        "Legal form GmbH",
        "Managing director Jonas Speiche",
        "Commercial register Amtsgericht Münster, HRB 12345",
        "VAT ID (§27a UStG) DE123456789",
        "Responsible for the content (§18(2) MStV) Jonas Speiche Hafenweg 7",
        "neither willing nor obliged to take part in dispute resolution proceedings before a "
        "consumer arbitration board (§36 VSBG)",
    ):
        assert fact in notice, fact


def test_german_records_are_kept_for_the_periods_of_the_ao_and_hgb(bikeshop: Build) -> None:
    kept = purpose_facts(bikeshop, "records")["How long we keep it"]
    assert "8 years (invoices and other accounting vouchers)" in kept
    assert "6 years (order letters and e-mails)" in kept
    assert "§147" in kept and "§257" in kept
    # the period's start, the end of the calendar year, is §147(4) AO and §257(5) HGB
    assert "counted from the end of the calendar year they are from" in kept
    assert "(3) and (4) AO" in kept and "(4) and (5) HGB" in kept
    glance = words(bikeshop.page("/privacy/").find(id="at-a-glance"))
    assert "kept for 6 to 8 years, as the law requires" in glance


def test_portability_names_each_purpose_with_its_own_basis(bikeshop: Build) -> None:
    said = words(met(bikeshop, "gdpr.rights.portability"))
    assert "Repairs (for a contract with you) and Newsletter (with your consent)" in said
    assert "consent or a contract" not in said


def test_the_lead_authority_is_named(bikeshop: Build) -> None:
    complaint = words(met(bikeshop, "gdpr.complaint_authority"))
    assert "in the EU or EEA country where you live or work" in complaint
    assert "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen" in (
        complaint
    )


# --- the Californian studio ------------------------------------------------------------------


def test_a_controller_outside_the_eu_has_no_lead_authority(studio: Build) -> None:
    complaint = words(met(studio, "gdpr.complaint_no_lead_authority"))
    assert "no EU authority leads on our processing" in complaint
    assert "authority responsible for us" not in complaint
    held = words(met(studio, "gdpr.data_location"))
    assert "hold your personal data there" in held and "not a transfer" in held


def test_one_data_item_in_two_ccpa_categories(studio: Build) -> None:
    section = met(studio, "ccpa.categories_collected")
    rows = {
        words(row.th or row.td): words(row.find_all("td")[-1]) for row in section.table.tbody("tr")
    }
    assert "Company name and job title" in rows["Identifiers"]
    assert rows["Professional or employment-related information"] == "Company name and job title"
    assert "listed under each of them" in words(section)


def test_requests_can_be_made_by_toll_free_number(studio: Build) -> None:
    methods = met(studio, "ccpa.methods")
    assert methods.find("a", href="tel:+18005550100") is not None


def test_us_address_carries_the_state(studio: Build) -> None:
    glance = words(studio.page("/privacy/").find(id="at-a-glance"))
    assert "2400 Mission Street, San Francisco, CA 94110, United States" in glance
