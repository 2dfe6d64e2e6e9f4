"""The guard's blind spots and false alarms from the second review.

A URL in a script counts when it reaches something that loads or sends; stock libraries that
only mention URLs build clean. What consent managers, delay loaders and content blockers hide
is caught, with the host named, and so is every file type the site publishes.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from guard_vectors import HARD_CAUGHT, QUIET
from guardkit import SITE, errors, line_of, page
from privacy_guard.policy import AuditPolicy, Recipient

VENDOR = Path(__file__).with_name("vendor")
LIBRARIES = ("bootstrap.bundle.min.js", "highlight.min.js", "alpine.min.js")


# -- false alarms ------------------------------------------------------------------------------


def test_a_site_vendoring_bootstrap_highlight_js_and_alpine_builds_clean(audit_files):
    scripts = "".join(f'<script src="/js/{name}" defer></script>\n' for name in LIBRARIES)
    files: dict[str, str | bytes] = {
        f"js/{name}": (VENDOR / name).read_bytes() for name in LIBRARIES
    }
    files["index.html"] = page(head=scripts, body='<pre><code class="language-py">x = 1'
                               "</code></pre><div x-data=\"{open: false}\"></div>")  # fmt: skip

    result = audit_files(files)

    assert [f.message for f in result.findings] == []
    assert result.uses_javascript


@pytest.mark.parametrize("snippet", [case[1] for case in QUIET], ids=[c[0] for c in QUIET])
def test_urls_that_load_nothing_stay_quiet(audit_files, snippet):
    result = audit_files({"index.html": page(body=snippet)})

    assert [f.message for f in result.findings] == []


# -- misses --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("snippet", "kind", "host"), [c[2:] for c in HARD_CAUGHT], ids=[c[0] for c in HARD_CAUGHT]
)
def test_hidden_loads_are_caught_with_the_host_named(audit_files, snippet, kind, host):
    text = page(body=snippet)
    result = audit_files({"index.html": text})

    found = [f for f in errors(result) if f.host == host and f.kind == kind]
    assert found, [f.message for f in result.findings]
    assert line_of(text, snippet) <= found[0].line <= line_of(text, snippet) + snippet.count("\n")


SUBDOMAIN_SNIPPET = '<script src="/js/t.js" data-endpoint-host="sst.example-shop.test"></script>'


def test_a_subdomain_of_the_site_is_first_party_only_when_listed(audit_files):
    listed = AuditPolicy.build(site_urls=[SITE], first_party_hosts=["sst.example-shop.test"])
    declared = AuditPolicy.build(
        site_urls=[SITE],
        declared_hosts={"sst.example-shop.test": Recipient("tagging", "Tagging Co", "Stats")},
    )
    text = page(body=SUBDOMAIN_SNIPPET)

    assert audit_files({"index.html": text}, listed).findings == ()
    assert audit_files({"index.html": text}, declared).errors == 0


SCRIPT_FILES = {
    # A site's own copy of a privacy-friendly analytics library is analytics all the same.
    "umami": "(function(){var a=document.currentScript;var w=a.getAttribute('data-website-id');"
    "var h={'x-umami-cache':''};window.umami={track:function(){}}})();",
    "goatcounter": "(function(){window.goatcounter=window.goatcounter||{};"
    "goatcounter.count=function(vars){};goatcounter.endpoint='/count'})();",
    "koko-analytics": "(function(){var cfg=window.koko_analytics;function trackPageview(){"
    "navigator.sendBeacon(cfg.url,'p=1')}window.koko_analytics.trackPageview=trackPageview})();",
    "open-web-analytics": "var owa_baseUrl='/owa/';var owa_cmds=owa_cmds||[];"
    "owa_cmds.push(['setSiteId','abc']);owa_cmds.push(['trackPageView']);",
}


@pytest.mark.parametrize(("family", "code"), SCRIPT_FILES.items(), ids=list(SCRIPT_FILES))
def test_self_hosted_analytics_must_be_declared(audit_files, family, code):
    result = audit_files({"index.html": page(head='<script src="/js/a.js"></script>'),
                          "js/a.js": code})  # fmt: skip
    found = [f for f in errors(result) if f.kind == "signature"]

    assert found and all(f"scripts: [{family}]" in f.hint for f in found)
    declared = AuditPolicy.build(site_urls=[SITE], declared_script_families=[family])
    assert audit_files({"js/a.js": code}, declared).errors == 0


# -- every published file type -----------------------------------------------------------------

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Shop</title><id>https://example-shop.test/</id>
<entry><title>Episode 1</title><id>https://example-shop.test/e1</id>
<link rel="alternate" href="https://example-shop.test/e1/"/>
<link rel="enclosure" type="audio/mpeg" href="https://media.example-pod.test/ep1.mp3"/>
</entry></feed>
"""
JSON_FEED = json.dumps({
    "version": "https://jsonfeed.org/version/1.1", "title": "Shop",
    "home_page_url": "https://example-shop.test/", "icon": "https://cdn.example-cdn.test/i.png",
    "items": [{"id": "1", "url": "https://example-shop.test/a/",
               "content_html": '<p>Hi <img src="https://img.example-img.test/a.jpg"></p>',
               "attachments": [{"url": "https://media.example-pod.test/a.mp3",
                                "mime_type": "audio/mpeg"}]}],
}, indent=1)  # fmt: skip
XSL = """<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:template match="/"><html><head>
<link rel="stylesheet" href="https://fonts.example-fonts.test/css"/>
</head><body><xsl:value-of select="/rss/channel/title"/></body></html></xsl:template>
</xsl:stylesheet>
"""
HEADERS = """/*
  Link: <https://fonts.example-fonts.test/inter.woff2>; rel=preload; as=font
  Report-To: {"group":"csp","max_age":10886400,"endpoints":[{"url":"https://reports.example-monitor.test/r"}]}
  Content-Security-Policy: default-src 'self'; report-uri https://csp.example-monitor.test/c
  Link: <https://example.org/about>; rel=canonical
# BEGIN privacy guard: written by the build from privacy.yml, do not edit inside
/*
  Content-Security-Policy: default-src 'self' https://declared.example.test
# END privacy guard
"""
HTACCESS = 'Header set Link "<https://cdn.example-cdn.test/a.css>; rel=preload; as=style"\n'


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("feeds/all.atom.xml", ATOM, {("feed-media", "media.example-pod.test", 6)}),
        ("feed.json", JSON_FEED, {("feed-media", "cdn.example-cdn.test", 5),
                                  ("image", "img.example-img.test", 10),
                                  ("feed-media", "media.example-pod.test", 13)}),
        ("feed.xsl", XSL, {("stylesheet", "fonts.example-fonts.test", 4)}),
        ("_headers", HEADERS, {("link-header", "fonts.example-fonts.test", 2),
                               ("report-to", "reports.example-monitor.test", 3),
                               ("report-uri", "csp.example-monitor.test", 4)}),
        (".htaccess", HTACCESS, {("link-header", "cdn.example-cdn.test", 1)}),
    ],
    ids=["atom-enclosure", "json-feed", "xsl", "netlify-headers", "htaccess"],
)  # fmt: skip
def test_every_published_file_type_is_audited(audit_files, name, text, expected):
    result = audit_files({name: text})

    assert {(f.kind, f.host, f.line) for f in errors(result)} == expected
    assert all(f.file == name for f in result.findings)


def test_a_data_url_script_is_decoded_and_its_signatures_found(audit_files):
    code = base64.b64encode(b"window.dataLayer = window.dataLayer || [];").decode()
    result = audit_files({"index.html": page(body=f'<script src="data:;base64,{code}"></script>')})

    assert [f.entity for f in errors(result)] == ["Google Analytics / Tag Manager (Google)"]
