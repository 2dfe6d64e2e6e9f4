"""Declared cookies (the inventory and the cookie statement), Canada's PIPEDA, the legal notice."""

from __future__ import annotations

import pytest
from policybuild import (
    NOT_GERMAN,
    assert_fully_covered,
    build_variant,
    coverage,
    example,
    met,
    words,
)
from sitebuild import Build, run_build

STATISTICS = """\
    form: contact
  - id: statistics
    purpose: Count visits to see which pages help our customers
    data: [connection]
    sources: [data_subject]
    legal_basis: consent
    consent: {withdraw: the cookie settings link at the foot of every page}
    provision: {obligation: none, consequence: Your visit is not counted}
    recipients: [stats]
    retention: {duration: P13M}
"""
STATS_RECIPIENT = """\
  - id: stats
    name: Example Statistics GmbH
    role: processor
    purpose: Visit statistics
    country: DE
    privacy_url: https://stats.example.test/privacy
    hosts: [stats.example.test]
"""
STORAGE = """\
storage:
  - {name: colour_scheme, type: local_storage, provider: first_party,
     purpose: Remember whether you chose light or dark colours, duration: until_cleared,
     consent_required: false, exemption: strictly_necessary}
  - {name: visitor_id, type: cookie, provider: stats, purpose: Tell new visits from returning ones,
     duration: P13M, consent_required: true, if_refused: Every visit counts as a first visit}
consent: {record_duration: P6M}
"""
COLOURS_SCRIPT = 'localStorage.setItem("colour_scheme", "dark");\n'


# Canada's PIPEDA declared, with its privacy officer and a complaint procedure.
CANADA: tuple[tuple[str, str], ...] = (
    ("us_ca_caloppa]   #", "us_ca_caloppa, ca_pipeda]   #"),
    (
        "  authorized_agent: null ",
        "  complaint_procedure: {channels: [{type: email, value: "
        "officer@example-shop.test}], details: Our privacy officer answers every "
        "complaint in writing.}\n"
        "pipeda:\n"
        "  privacy_officer:\n"
        "    title: Privacy Officer\n"
        "    name: Pat Example\n"
        "    email: officer@example-shop.test\n"
        '    address: {street: 1 Example Street, postal_code: "K1A 0B1", city: Ottawa,'
        " region: ON, country: CA}\n  # ",
    ),
)


@pytest.fixture(scope="module")
def cookies(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The example with declared storage and statistics, and also under Canada's PIPEDA: one
    build for both, as neither changes what the other's tests read."""
    return build_variant(
        tmp_path_factory.mktemp("cookies"),
        example(
            ("    form: contact                         #", STATISTICS + "  #"),
            ("  # A third party that the site loads", STATS_RECIPIENT + "  # A third party"),
            ("storage: []", STORAGE),
            *CANADA,
        ),
        files={"images/colours.js": COLOURS_SCRIPT},  # what writes colour_scheme
    )


def test_cookie_site_is_fully_covered(cookies: Build) -> None:
    report = assert_fully_covered(cookies)
    assert report["cookies.none"] == "n/a: storage items are declared"
    for requirement in ("cookies.inventory", "cookies.similar_tech", "cookies.legal_basis"):
        assert report[requirement] == "/privacy/#req-cookies.inventory", requirement
    for requirement in ("cookies.how_to_consent", "cookies.withdraw", "cookies.choice_retention"):
        assert report[requirement].startswith("/cookies/#"), requirement


def inventory_rows(build: Build, url: str) -> list[list[str]]:
    table = build.page(url).find(id="req-cookies.inventory")
    return [[words(cell) for cell in row.find_all(["th", "td"])] for row in table("tr")]


def test_the_inventory_lists_every_item_with_all_its_columns(cookies: Build) -> None:
    expected = [
        ["Name", "Type", "Set by", "Purpose", "How long it lasts", "Legal basis"],
        [
            "colour_scheme",
            "local storage",
            "us (first party)",
            "Remember whether you chose light or dark colours.",
            "until you clear it",
            "no consent needed: strictly necessary for the service you ask for (§25(2) No. 2 "
            "TDDDG)",
        ],
        [
            "visitor_id",
            "cookie",
            "Example Statistics GmbH (third party)",
            "Tell new visits from returning ones.",
            "13 months",
            "your consent",
        ],
    ]
    assert inventory_rows(cookies, "/privacy/") == expected
    assert inventory_rows(cookies, "/cookies/") == expected
    provider = met(cookies, "cookies.third_party_identity").find(id="storage-1")
    assert provider.find("a")["href"] == "https://stats.example.test/privacy"


def test_the_cookie_statement_says_how_to_choose_refuse_and_withdraw(cookies: Build) -> None:
    assert "We set visitor_id only after you agree" in words(met(cookies, "cookies.how_to_consent"))
    withdraw = words(met(cookies, "cookies.withdraw"))
    assert "You can withdraw your consent at any time" in withdraw
    assert "Statistics: the cookie settings link at the foot of every page." in withdraw
    assert "visitor_id: Every visit counts as a first visit." in words(
        met(cookies, "cookies.refusal_consequence")
    )
    assert "We remember your choice for 6 months." in words(
        met(cookies, "cookies.choice_retention")
    )


def test_the_summary_and_tracking_name_the_storage(cookies: Build) -> None:
    glance = words(cookies.page("/privacy/").find(id="at-a-glance"))
    assert "Cookies and similar storage: 2 items, 1 of them only with your consent" in glance
    tracking = met(cookies, "caloppa.third_party_tracking")
    assert "over time and across different websites: Example Statistics GmbH." in words(tracking)
    withdraw = met(cookies, "gdpr.withdraw_consent")
    assert withdraw.find("a", href="/cookies/#req-cookies.withdraw") is not None


def test_canadian_disclosures(cookies: Build) -> None:
    canada = cookies
    assert_fully_covered(canada)
    officer = met(canada, "pipeda.accountable_person")
    text = words(officer)
    assert "Our Privacy Officer, Pat Example, is accountable" in text
    assert (
        "complaints" in text and "1 Example Street Ottawa ON K1A 0B1 Canada"
    )  # Canada Post's layout in text
    assert officer.find("a", href="mailto:officer@example-shop.test") is not None
    assert "You can ask for access" in words(met(canada, "pipeda.access"))
    assert "withdraw your consent" in words(met(canada, "pipeda.consent"))
    abroad = words(met(canada, "pipeda.cross_border"))
    assert "outside Canada: Example Hosting AG (Germany)" in abroad
    assert "law enforcement" in abroad
    challenge = words(met(canada, "pipeda.challenge"))
    assert (
        "You can complain to us about how we handle your personal data: by e-mail to "
        "officer@example-shop.test. Our privacy officer answers every complaint in writing."
        in challenge
    )
    assert "Privacy Commissioner of Canada" in challenge
    assert coverage(canada)["pipeda.types_and_use"] == "/privacy/#req-caloppa.pii_categories"


def test_the_legal_notice_states_every_declared_detail(site: Build) -> None:
    notice = met(site, "imprint.identity")
    assert words(notice) == (
        "Provider Example Shop GmbH Examplestraße 1 10115 Berlin Germany Legal form GmbH "
        "Managing director Erika Example"
    )
    contact = met(site, "imprint.contact")
    assert {a["href"] for a in contact.find_all("a")} == {
        "mailto:privacy@example-shop.test",
        "tel:+493000000000",
        "/contact/",
    }
    assert words(met(site, "imprint.register")) == (
        "Register and VAT Commercial register Amtsgericht Example, HRB 00000 "
        "VAT ID (§27a UStG) DE000000000"
    )
    assert words(met(site, "imprint.de_editorial")) == (
        "Responsible for the content (§18(2) MStV) Erika Example Examplestraße 1 10115 Berlin "
        "Germany"
    )
    assert "neither willing nor obliged" in words(met(site, "imprint.de_dispute_resolution"))


# Only a business outside the EU/EEA and the UK may publish no legal notice: one in the US
# that declares no legal-notice data (Directive 2000/31/EC Art. 5 and §5 DDG bind the others).
SAN_FRANCISCO = '"94110", city: San Francisco, region: CA, country: US}'


@pytest.fixture(scope="module")
def no_notice(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_variant(
        tmp_path_factory.mktemp("no_notice"),
        example(
            ("jurisdictions: [eu_gdpr, eprivacy, us_ca_caloppa]", "jurisdictions: [us_ca_caloppa]"),
            ("  legal_form: GmbH ", "  # legal_form: GmbH "),
            ("  represented_by: [{name: Erika", "  # represented_by: [{name: Erika"),
            ('"10115", city: Berlin, country: DE}', SAN_FRANCISCO),
            ("  register: {court", "  # register: {court"),
            ("  vat_id: DE000000000", "  # vat_id: DE000000000"),
            *NOT_GERMAN,
        ),
    )


def test_without_legal_notice_data_there_is_no_page_and_no_link(no_notice: Build) -> None:
    assert not no_notice.file_for("/legal-notice/").exists()
    links = {a["href"] for a in no_notice.page("/").select("footer nav a")}
    assert links == {"/privacy/", "/cookies/", "/contact/"}
    assert coverage(no_notice)["imprint.identity"].startswith("n/a: the controller is outside")


def test_settings_can_override_the_site_name_and_show_the_report_link(tmp_path) -> None:
    build = run_build(
        tmp_path, overrides={"SITENAME": "Another Name", "POLICY_REPORT_URL": "privacy/report/"}
    )
    assert build.returncode == 0, build.log
    page = build.page("/privacy/")
    assert page.title.get_text() == "Privacy policy — Another Name"
    report = page.select_one("p.policy-report a")
    assert report["href"] == "/privacy/report/"


def test_the_default_site_links_the_guards_transparency_report(site: Build) -> None:
    report = site.page("/privacy/").select_one("p.policy-report a")
    assert report["href"] == "/privacy/report/"
    assert site.file_for("/privacy/report/").is_file()


def test_no_report_link_without_the_privacy_guard(tmp_path) -> None:
    from pelican.settings import read_settings
    from sitebuild import ROOT

    plugins = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    without_guard = [name for name in plugins if name != "privacy_guard"]
    build = run_build(tmp_path, overrides={"PLUGINS": without_guard})
    assert build.returncode == 0, build.log
    assert build.page("/privacy/").select_one("p.policy-report") is None
    assert not build.file_for("/privacy/report/").exists()
