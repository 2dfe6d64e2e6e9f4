"""First party, third party, declared, stale: judging references against the policy."""

from __future__ import annotations

from guardkit import SITE, errors, page, warnings
from privacy_guard.findings import Severity
from privacy_guard.policy import AuditPolicy, Recipient

FONTS = Recipient("fonts", "Google Fonts", "Web fonts for headings")


def test_subdomain_is_third_party_unless_listed(audit_files):
    text = page(head='<link rel="stylesheet" href="https://static.example-shop.test/a.css">')
    assert [f.host for f in errors(audit_files({"index.html": text}))] == [
        "static.example-shop.test"
    ]
    listed = AuditPolicy.build(site_urls=[SITE], first_party_hosts=["static.example-shop.test"])
    assert audit_files({"index.html": text}, listed).findings == ()


def test_without_a_site_url_every_absolute_host_is_third_party(audit_files):
    text = page(body='<img src="https://example-shop.test/a.png" alt="">')
    result = audit_files({"index.html": text}, AuditPolicy())
    assert [f.host for f in errors(result)] == ["example-shop.test"]


def test_declared_host_is_reported_as_declared(audit_files):
    text = page(head='<link rel="stylesheet" href="https://fonts.googleapis.com/css?f=Inter">')
    policy = AuditPolicy.build(site_urls=[SITE], declared_hosts={"fonts.googleapis.com": FONTS})
    result = audit_files({"index.html": text}, policy)
    (finding,) = result.findings
    assert finding.severity is Severity.INFO and finding.declared
    assert finding.recipient == "fonts" and finding.entity == "Google Fonts (Google)"
    assert [(use.host, use.declared, use.files) for use in result.third_parties] == [
        ("fonts.googleapis.com", True, 1)
    ]


def test_stale_declared_host_and_script_family_warn(audit_files):
    policy = AuditPolicy.build(
        site_urls=[SITE],
        declared_hosts={"fonts.googleapis.com": FONTS},
        declared_script_families=["matomo"],
        declaration_file="content/privacy.yml",
    )
    result = audit_files({"index.html": page()}, policy)
    assert errors(result) == []
    stale = warnings(result)
    assert [(f.file, f.line, f.kind, f.host) for f in stale] == [
        ("content/privacy.yml", None, "stale-declaration", "fonts.googleapis.com"),
        ("content/privacy.yml", None, "stale-declaration", None),
    ]
    assert "matomo" in stale[1].message


def test_declared_script_family_allows_self_hosted_analytics(audit_files):
    files = {"index.html": page(body="<script>var _paq = window._paq || [];</script>")}
    policy = AuditPolicy.build(site_urls=[SITE], declared_script_families=["matomo"])
    result = audit_files(files, policy)
    assert [(f.severity, f.declared) for f in result.findings] == [(Severity.INFO, True)]
    assert result.tracker_families == ("matomo",)


def test_unknown_host_is_an_error_without_a_company(audit_files):
    text = page(body='<img src="https://pixel.unknown-tracker.test/p.gif" alt="">')
    (finding,) = errors(audit_files({"index.html": text}))
    assert finding.entity is None and finding.category is None


def test_attribution_names_company_and_category(audit_files):
    text = page(head='<script src="https://connect.facebook.net/en_US/fbevents.js"></script>')
    (finding,) = errors(audit_files({"index.html": text}))
    assert (finding.entity, finding.category) == ("Facebook", "social")


def test_host_patterns_cover_subdomains_only(audit_files):
    text = page(
        head='<link rel="stylesheet" href="https://static.example-shop.test/a.css">\n'
        '<script src="https://cdn.example-cdn.test/a.js"></script>\n'
        '<img src="https://example-cdn.test/b.png" alt="">'
    )
    policy = AuditPolicy.build(
        site_urls=[SITE],
        first_party_hosts=["*.example-shop.test"],
        declared_hosts={"*.example-cdn.test": FONTS},
    )
    result = audit_files({"index.html": text}, policy)
    assert [(f.severity, f.host) for f in result.findings] == [
        (Severity.INFO, "cdn.example-cdn.test"),
        (Severity.ERROR, "example-cdn.test"),  # the pattern does not cover the bare domain
    ]
