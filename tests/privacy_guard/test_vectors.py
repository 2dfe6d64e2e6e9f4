"""One test per way a page can make a browser contact a host, and look-alikes that must not."""

from __future__ import annotations

import pytest
from guard_vectors import CAUGHT, CLEAN, NORMALISED, SIGNATURES
from guardkit import errors, line_of, page, warnings


@pytest.mark.parametrize(
    ("where", "snippet", "kind", "host"),
    [case[1:] for case in CAUGHT if case[0] != "html-manifest"],
    ids=[case[0] for case in CAUGHT if case[0] != "html-manifest"],
)
def test_vector_is_caught_with_its_line(audit_files, where, snippet, kind, host):
    text = page(body=snippet) if where == "body" else page(head=snippet)
    result = audit_files({"index.html": text})
    found = [f for f in errors(result) if f.kind == kind and f.host == host]
    assert found, [f.message for f in result.findings]
    assert found[0].file == "index.html"
    assert found[0].line == line_of(text, snippet) + snippet[: snippet.find(host)].count("\n")


def test_html_manifest_attribute_is_caught(audit_files):
    text = page().replace(
        "<html lang=en>", '<html lang=en manifest="https://cdn.example-cdn.test/a">'
    )
    result = audit_files({"index.html": text})
    assert [(f.kind, f.host, f.line) for f in errors(result)] == [
        ("manifest", "cdn.example-cdn.test", 2)
    ]


@pytest.mark.parametrize(
    "snippet", [case[1] for case in NORMALISED], ids=[c[0] for c in NORMALISED]
)
def test_disguised_urls_are_normalised(audit_files, snippet):
    result = audit_files({"index.html": page(head=snippet + "</script>")})
    hosts = {(f.kind, f.host, f.entity) for f in errors(result)}
    assert hosts == {("script", "www.google-analytics.com", "Google Analytics (Google)")}


@pytest.mark.parametrize(
    ("code", "family"), [c[1:] for c in SIGNATURES], ids=[c[0] for c in SIGNATURES]
)
def test_tracker_signature_fails_even_first_party(audit_files, code, family):
    snippet = f"<script>\n{code}\n</script>"
    text = page(body=snippet)
    result = audit_files({"index.html": text})
    found = [f for f in errors(result) if f.kind == "signature"]
    assert found and all(f"scripts: [{family}]" in f.hint for f in found)
    assert found[0].line == line_of(text, snippet) + 1
    assert found[0].entity and found[0].category


def test_signature_in_event_handler_and_javascript_url(audit_files):
    text = page(
        body="<button onclick=\"fbq('track', 'Lead')\">Buy</button>\n"
        "<a href=\"javascript:ga('send', 'event', 'x')\">Track</a>"
    )
    result = audit_files({"index.html": text})
    assert sorted((f.line, f.entity) for f in errors(result)) == [
        (10, "Facebook Pixel (Meta)"),
        (11, "Google Analytics / Tag Manager (Google)"),
    ]
    assert result.uses_javascript


def test_signature_in_first_party_script_file(audit_files):
    result = audit_files({
        "index.html": page(head='<script src="/js/stats.js"></script>'),
        "js/stats.js": "// stats\nvar _paq = window._paq || [];\n_paq.push(['trackPageView']);",
    })  # fmt: skip
    assert [(f.file, f.line, f.kind) for f in errors(result)] == [
        ("js/stats.js", 2, "signature"),
        ("js/stats.js", 3, "signature"),
    ]


@pytest.mark.parametrize("snippet", [c[1] for c in CLEAN], ids=[c[0] for c in CLEAN])
def test_look_alikes_stay_clean(audit_files, snippet):
    result = audit_files({"index.html": page(body=snippet)})
    assert [f.message for f in result.findings] == []


def test_third_party_og_image_is_a_warning_not_an_error(audit_files):
    head = (
        '<meta property="og:image" content="https://cdn.example-cdn.test/card.png">\n'
        '<meta name="twitter:image" content="https://cdn.example-cdn.test/card.png">'
    )
    result = audit_files({"index.html": page(head=head)})
    assert errors(result) == []
    assert [(f.kind, f.line) for f in warnings(result)] == [("og-image", 6), ("og-image", 7)]


def test_first_party_og_image_is_nothing(audit_files):
    head = '<meta property="og:image" content="https://example-shop.test/card.png">'
    assert audit_files({"index.html": page(head=head)}).findings == ()


def test_tracker_code_in_ordinary_comments_warns(audit_files):
    text = page(
        head='<!-- <script src="https://www.googletagmanager.com/gtag/js"></script> -->\n'
        "<!-- gtag('config', 'G-1') -->",
        body="<style>/* body { background: url(https://example-img.test/x.png) } */</style>",
    )
    result = audit_files({"index.html": text})
    assert errors(result) == []
    assert sorted((f.line, f.kind) for f in warnings(result)) == [
        (6, "script"),
        (7, "signature"),
        (11, "css-url"),
    ]
