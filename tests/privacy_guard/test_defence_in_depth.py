"""CSP, referrer policy, deploy headers and the head-tag insertion for unaware themes."""

from __future__ import annotations

from privacy_guard import csp
from privacy_guard.headers import apache, netlify, security_headers, write_header_files
from privacy_guard.inject import head_tags, insert_into_head


def test_csp_allows_only_self_and_the_allowed_hosts():
    policy = csp.directives(
        ["images.example-cdn.test", "*.static.example.test"],
        form_origins=["https://inbox.example-shop.test"],
    )
    text = csp.render(policy)
    assert text.startswith(
        "default-src 'self' https://*.static.example.test https://images.example-cdn.test; "
    )
    assert (
        "script-src 'self' https://*.static.example.test https://images.example-cdn.test;" in text
    )
    assert "form-action 'self' https://inbox.example-shop.test;" in text
    assert "base-uri 'self'; object-src 'none'" in text
    assert "'unsafe-inline'" not in text.split("script-src")[1]  # inline tracker snippets blocked
    assert "frame-ancestors" not in text  # a <meta> CSP cannot carry it
    assert csp.render(policy, header=True).endswith("; frame-ancestors 'none'")


def test_csp_extra_sources_and_form_origins():
    policy = csp.directives([], extra={"script-src": ["'unsafe-inline'"], "media-src": ["blob:"]})
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["media-src"] == ["blob:"]
    assert csp.origin("https://inbox.example-shop.test/contact/send") == (
        "https://inbox.example-shop.test"
    )
    assert csp.origin("/contact/send") is None


def test_header_files_carry_the_four_headers():
    headers = security_headers("default-src 'self'; frame-ancestors 'none'")
    assert set(headers) == {
        "Content-Security-Policy",
        "Referrer-Policy",
        "Permissions-Policy",
        "X-Content-Type-Options",
    }
    assert "browsing-topics=()" in headers["Permissions-Policy"]
    assert "interest-cohort=()" in headers["Permissions-Policy"]
    assert "gyroscope=()" in headers["Permissions-Policy"]
    assert "/*\n  Referrer-Policy: no-referrer\n" in netlify(headers).replace(
        "  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n", ""
    )
    assert '  Header always set X-Content-Type-Options "nosniff"' in apache(headers)


def test_head_tags_go_after_meta_charset():
    page = b'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>x</title>'
    tags = head_tags("default-src 'self'")
    result = insert_into_head(page, tags).decode()
    assert result.index('<meta charset="utf-8">') < result.index("Content-Security-Policy")
    assert result.index("Content-Security-Policy") < result.index("<title>")
    assert "content=\"default-src 'self'\"" in result
    assert '<meta name="referrer" content="no-referrer">' in result


def test_head_tags_without_charset_or_head():
    assert insert_into_head(b"<head><title>x</title>", "<m>") == b"<head><m><title>x</title>"
    assert insert_into_head(b"<!doctype html><p>x", "<m>") == b"<!doctype html><m><p>x"
    assert insert_into_head(b"<header>x</header>", "<m>") == b"<m><header>x</header>"
    only_missing = head_tags("default-src 'self'", frozenset({"referrer"}))
    assert only_missing == '<meta name="referrer" content="no-referrer">'


def test_header_files_keep_other_plugins_blocks(tmp_path):
    """The redirects plugin writes its own marked block into .htaccess: both must survive."""
    redirects = (
        "# BEGIN Discreet redirects\nRewriteRule ^old/?$ /new/ [R=301,L,NE]\n"
        "# END Discreet redirects\n"
    )
    (tmp_path / ".htaccess").write_text(redirects)
    first = security_headers("default-src 'self'")
    write_header_files(tmp_path, first)
    write_header_files(tmp_path, security_headers("default-src 'self' https://x.test"))
    text = (tmp_path / ".htaccess").read_text()
    assert text.startswith(redirects)
    assert text.count("# BEGIN privacy guard") == 1  # replaced, not appended twice
    assert "https://x.test" in text and "\"default-src 'self'\"" not in text
