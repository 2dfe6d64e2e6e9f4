"""The default site (content/privacy.yml and its release): every policy page, fully covered."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from declaration import load_declaration
from policy_pages.lint import vague_words
from policybuild import assert_fully_covered, coverage, met, words
from sitebuild import CONTENT, Build

# A verbatim copy of shared/policy-requirements.md, so the tests need nothing outside the repo.
REQUIREMENTS = Path(__file__).parent / "fixtures" / "policy-requirements.md"


POLICY_PAGES = ["/privacy/", "/cookies/", "/legal-notice/", "/privacy/history/"]
# What content/privacy.yml declares: the EU GDPR, ePrivacy and CalOPPA, a legal notice.
APPLICABLE = {
    "meta.link_everywhere",
    "meta.last_updated",
    "meta.change_notice",
    "meta.history",
    "meta.scope",
    "meta.plain_language",
    "gdpr.controller_identity",
    "gdpr.controller_contact",
    "gdpr.purposes",
    "gdpr.legal_basis",
    "gdpr.legitimate_interests",
    "gdpr.data_categories",
    "gdpr.recipients",
    "gdpr.retention",
    "gdpr.hosting",
    "gdpr.rights.access",
    "gdpr.rights.rectification",
    "gdpr.rights.erasure",
    "gdpr.rights.restriction",
    "gdpr.rights.object",
    "gdpr.rights.how",
    "gdpr.complaint_authority",
    "gdpr.statutory_requirement",
    "gdpr.automated_decisions",
    "caloppa.pii_categories",
    "caloppa.third_parties",
    "caloppa.change_process",
    "caloppa.effective_date",
    "caloppa.dnt",
    "caloppa.third_party_tracking",
    "cookies.none",
    "cookies.last_updated",
    "imprint.identity",
    "imprint.contact",
    "imprint.register",
    "imprint.de_representatives",
    "imprint.de_editorial",
    "imprint.de_dispute_resolution",
}


def latest_release() -> date:
    return max(date.fromisoformat(p.stem) for p in (CONTENT / "policy-versions").glob("*.yml"))


def test_every_policy_page_is_written(site: Build) -> None:
    for url in POLICY_PAGES:
        page = site.page(url)
        assert page.select_one("main article.policy h1") is not None, url
    release = latest_release().isoformat()
    assert site.file_for(f"/privacy/versions/{release}/").is_file()


def test_the_build_logged_no_warning(site: Build) -> None:
    assert "WARNING" not in site.log and "ERROR" not in site.log


def test_the_coverage_report_lists_every_applicable_requirement_as_met(site: Build) -> None:
    report = assert_fully_covered(site)
    met_ids = {rid for rid, value in report.items() if not value.startswith("n/a")}
    assert met_ids == APPLICABLE
    assert report["ccpa.right_know"] == "n/a: us_ca_ccpa is not declared"
    assert report["gdpr.transfers"] == "n/a: no recipient is outside the EEA"


def research_ids() -> list[str]:
    """The ids of the policy requirements (all but the built-site checks of section 1.8)."""
    text = REQUIREMENTS.read_text(encoding="utf-8")
    disclosures = text.split("### 1.8")[0] + text.split("### 1.9")[1]
    return re.findall(r"^\| ([a-z]+\.[a-z0-9_.]+) \|", disclosures, re.MULTILINE)


def test_the_coverage_report_names_every_requirement_id_of_the_research(site: Build) -> None:
    assert list(coverage(site)) == research_ids()


def test_policy_json_is_the_declaration(site: Build) -> None:
    published = json.loads((site.output / "privacy" / "policy.json").read_text(encoding="utf-8"))
    assert published == load_declaration(CONTENT / "privacy.yml").to_json_dict()


def test_the_privacy_policy_opens_with_at_a_glance(site: Build) -> None:
    article = site.page("/privacy/").select_one("main article")
    first = article.find("section")
    assert first["id"] == "at-a-glance" and first.h2.get_text() == "At a glance"
    assert "Cookies: none." in words(first)


def test_last_updated_is_the_latest_release_date(site: Build) -> None:
    released = latest_release()
    for url in ("/privacy/", "/cookies/"):
        stamp = met(site, "meta.last_updated" if url == "/privacy/" else "cookies.last_updated")
        time = stamp.find("time")
        assert time["datetime"] == released.isoformat(), url
        assert words(stamp).startswith(
            # a German business's English pages: day, month, year (issue 12, local_formats)
            f"Last updated: {released.day} {released:%B} {released.year}"
        )


def test_every_anchor_is_unique_and_every_section_has_one(site: Build) -> None:
    for url in POLICY_PAGES:
        page = site.page(url)
        ids = [tag["id"] for tag in page.find_all(id=True)]
        assert len(ids) == len(set(ids)), url
        assert all(section.get("id") for section in page.select("article section")), url


def test_the_contact_form_purpose_has_its_anchor(site: Build) -> None:
    purpose = site.page("/privacy/").find(id="purpose-contact_form")
    assert purpose.h3.get_text() == "Contact form"  # its title; the purpose is in its table
    notice = site.page("/contact/").find(id="contact-notice")
    assert [a["href"] for a in notice.find_all("a")] == ["/privacy/#purpose-contact_form"]
    # no California notice at collection where the CCPA is not declared (§7012)


def test_no_vague_word_on_any_policy_page(site: Build) -> None:
    for url in POLICY_PAGES:
        main = site.page(url).select_one("main")
        assert vague_words(main.get_text(" ")) == [], url


def test_the_footer_and_contact_page_come_from_the_declaration(site: Build) -> None:
    page = site.page("/contact/")
    assert "Example Shop GmbH · Examplestraße 1, 10115 Berlin" in words(page.select_one("footer"))
    details = words(page.select_one("address.contact-details"))
    assert details == (
        "Example Shop GmbH Examplestraße 1 10115 Berlin Germany E-mail: privacy@example-shop.test"
    )
    assert page.title.get_text() == "Contact — Example Shop"


def test_policy_pages_are_in_the_sitemap(published_site: Build) -> None:
    root = ET.parse(published_site.output / "sitemap.xml").getroot()
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = {loc.text for loc in root.iter(f"{namespace}loc")}
    release = latest_release().isoformat()
    for url in [*POLICY_PAGES, f"/privacy/versions/{release}/"]:
        assert f"https://example-shop.test{url}" in locations, url
    assert not any(location.endswith(".json") for location in locations)


def test_the_published_site_takes_its_address_from_the_declaration(
    published_site: Build,
) -> None:
    canonical = published_site.page("/privacy/").find("link", rel="canonical")
    assert canonical["href"] == "https://example-shop.test/privacy/"
