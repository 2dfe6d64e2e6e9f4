"""California: the full CCPA/CPRA part when ccpa.applies, and the opt-out link rules."""

from __future__ import annotations

import re

import pytest
from policybuild import assert_fully_covered, build_variant, coverage, example, met, words
from sitebuild import Build

AGENT = "Your agent sends us your signed permission, and we confirm it with you"


def ccpa_example(flags: str) -> str:
    return example(
        ("us_ca_caloppa]   #", "us_ca_caloppa, us_ca_ccpa]   #"),
        (
            "{id: message, label: Content of your message}",
            "{id: message, label: Content of your message, ccpa_category: customer_records}",
        ),
        ("  authorized_agent: null ", f"  authorized_agent: {AGENT}\n  # "),
        ("ccpa: {applies: false}", f"ccpa: {{applies: true, online_only: true, {flags}}}"),
    )


@pytest.fixture(scope="module")
def ccpa(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_variant(
        tmp_path_factory.mktemp("ccpa"),
        ccpa_example("sells: false, shares: false, honors_gpc: true, spi_beyond_7027m: false"),
    )


@pytest.fixture(scope="module")
def ccpa_selling(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_variant(
        tmp_path_factory.mktemp("ccpa_selling"),
        ccpa_example(
            "sells: true, shares: false, honors_gpc: true, spi_beyond_7027m: false, "
            "knows_sells_under16: false"
        ),
    )


def test_every_ccpa_requirement_that_applies_is_met(ccpa: Build) -> None:
    report = assert_fully_covered(ccpa)
    ccpa_ids = [rid for rid in report if rid.startswith("ccpa.")]
    not_applicable = {rid for rid in ccpa_ids if report[rid].startswith("n/a")}
    assert not_applicable == {
        "ccpa.sensitive_categories",
        "ccpa.opt_out_link",
        "ccpa.limit_link",
        "ccpa.minors",
        "ccpa.financial_incentive",
        "ccpa.metrics",
    }


def test_categories_collected_use_the_statutory_names(ccpa: Build) -> None:
    section = met(ccpa, "ccpa.categories_collected")
    assert "California" in section.h2.get_text()
    assert "In the preceding 12 months we collected" in words(section)
    rows = [[words(c) for c in row.find_all(["th", "td"])] for row in section.table.tbody("tr")]
    assert rows == [
        ["Identifiers", "Name and e-mail address"],
        [
            "Personal information categories listed in the California Customer Records statute "
            "(Cal. Civ. Code § 1798.80(e))",
            "Content of your message",
        ],
        ["Internet or other electronic network activity information",
         "IP address, browser, requested page, time"],
    ]  # fmt: skip


def test_the_contact_form_links_the_notice_at_collection(ccpa: Build) -> None:
    """Cal. Code Regs. tit. 11 §7012(c)(2): a link near the submit button; §7012(f): straight to
    the part of the policy that holds the notice's contents, not the policy's top."""
    notice = ccpa.page("/contact/").find(id="contact-notice")
    links = {a.get_text(): a["href"] for a in notice.find_all("a")}
    href = links["Notice at collection for California residents"]
    assert href == "/privacy/#req-ccpa.categories_collected"
    target = ccpa.page("/privacy/").find(id=href.split("#")[1])
    assert "California" in target.h2.get_text()
    parts = words(target)
    for contents in (
        "we collected these categories",
        "Why we collect it",
        "How long we keep it",
        "Selling and sharing",
    ):  # §7012(e)(1)-(4); (e)(6): it is the policy
        assert contents in parts, contents


def test_sources_purposes_and_retention_are_told_by_category(ccpa: Build) -> None:
    # categories with the same answer share one line
    customer_records = (
        "Personal information categories listed in the California Customer Records statute "
        "(Cal. Civ. Code § 1798.80(e))"
    )
    shared = f"Identifiers and {customer_records}"
    assert f"{shared}: directly from you." in words(met(ccpa, "ccpa.sources"))
    purposes = words(met(ccpa, "ccpa.purposes"))
    assert f"{shared}: Answer the questions you send us with the contact form." in purposes
    retention = words(met(ccpa, "ccpa.retention"))
    assert (
        "Internet or other electronic network activity information: 14 days (for Server logs)."
        in retention
    )
    sources = words(met(ccpa, "ccpa.sources"))
    assert "network activity information: automatically from your browser." in sources
    assert "6 months after we receive your message" in retention


def test_nothing_sold_or_shared_is_said_so(ccpa: Build) -> None:
    text = words(met(ccpa, "ccpa.sold_shared"))
    assert re.search(r"(not|never) (sold|sell) or shared .* 12 months", text)
    assert re.search(r"under (the age of )?16", words(met(ccpa, "ccpa.under16")))
    assert "We do not collect sensitive personal information." in words(
        met(ccpa, "ccpa.sensitive_use")
    )
    disclosed = words(met(ccpa, "ccpa.disclosed"))
    assert "to Example Hosting AG (Web hosting)." in disclosed


@pytest.mark.parametrize(
    ("requirement", "heading", "phrase"),
    [
        ("ccpa.right_know", "Right to know", r"right to know"),
        ("ccpa.right_delete", "Right to delete", r"right to delete"),
        ("ccpa.right_correct", "Right to correct", r"right to correct"),
        (
            "ccpa.right_opt_out",
            "Right to opt out of sale or sharing",
            r"opt[- ]out of (the )?sale or sharing",
        ),
        (
            "ccpa.right_limit",
            "Right to limit the use of sensitive personal information",
            r"limit the use .* sensitive personal information",
        ),
        (
            "ccpa.non_discrimination",
            "Right to non-discrimination",
            r"(not|won't) discriminat.*retaliat",
        ),
    ],
)
def test_each_california_right_has_its_own_heading(
    ccpa: Build, requirement: str, heading: str, phrase: str
) -> None:
    section = met(ccpa, requirement)
    assert section.h3.get_text() == heading
    assert re.search(phrase, words(section))


def test_requests_verification_agents_and_signals(ccpa: Build) -> None:
    methods = met(ccpa, "ccpa.methods")
    links = {a["href"] for a in methods.find_all("a")}
    assert {"mailto:privacy@example-shop.test", "/contact/"} <= links
    assert "We answer within 1 month of receiving it." in words(methods)
    assert coverage(ccpa)["ccpa.contact"] == "/privacy/#req-ccpa.contact"
    verification = words(met(ccpa, "ccpa.verification"))
    assert "We answer to the e-mail address we already have, or ask for one more detail." in (
        verification
    )
    assert f"{AGENT}." in words(met(ccpa, "ccpa.authorized_agent"))
    assert "Global Privacy Control" in words(met(ccpa, "ccpa.opt_out_signal"))


def test_no_opt_out_link_when_nothing_is_sold_or_shared(ccpa: Build) -> None:
    footer = ccpa.page("/").select_one("footer nav")
    assert "Do Not Sell" not in footer.get_text()
    glance = words(ccpa.page("/privacy/").find(id="at-a-glance"))
    assert "We do not sell or share your personal information." in glance


def test_selling_puts_the_opt_out_link_on_every_page(ccpa_selling: Build) -> None:
    assert_fully_covered(ccpa_selling)
    target = coverage(ccpa_selling)["ccpa.opt_out_link"]
    assert target == "/privacy/#req-ccpa.opt_out_link"
    for page in ccpa_selling.html_files():
        links = ccpa_selling.page("/" + str(page.relative_to(ccpa_selling.output))).select(
            "footer nav a"
        )
        opt_out = [
            a for a in links if a.get_text() == "Do Not Sell or Share My Personal Information"
        ]
        assert [a["href"] for a in opt_out] == [target], page


def test_selling_is_disclosed_with_how_to_opt_out(ccpa_selling: Build) -> None:
    notice = met(ccpa_selling, "ccpa.opt_out_link")
    assert notice.h3.get_text() == "Do Not Sell or Share My Personal Information"
    assert notice.find("a", href="mailto:privacy@example-shop.test") is not None
    assert "In the preceding 12 months we sold personal information" in words(
        met(ccpa_selling, "ccpa.sold_shared")
    )
    assert "We do not knowingly sell or share the personal information of consumers under 16" in (
        words(met(ccpa_selling, "ccpa.under16"))
    )
    assert "Use the link “Do Not Sell or Share My Personal Information”" in words(
        met(ccpa_selling, "ccpa.right_opt_out")
    )
