"""The inbox's reading of the declaration: the site URL and the contact retention."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from contact_form.policy import ContactPolicyError, load_policy, origin_of
from inbox_harness import DECLARATION


def test_contact_purpose_and_retention_come_from_the_declaration():
    policy = load_policy(DECLARATION)

    assert policy.processing_id == "contact_form"
    assert policy.retention_iso == "P6M"
    assert policy.retention_text == "6 months"
    assert policy.site_origin == "https://example-shop.test"
    now = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    assert policy.cutoff(now) == datetime(2026, 5, 29, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("    form: contact", "    form: newsletter"), "no processing entry has 'form: contact'"),
        (("retention: {duration: P6M}", "retention: {duration: session}"), "session"),
    ],
)
def test_a_declaration_the_inbox_cannot_use_is_explained(tmp_path, change, words):
    text = DECLARATION.read_text(encoding="utf-8")
    assert change[0] in text
    path = tmp_path / "privacy.yml"
    path.write_text(text.replace(change[0], change[1]), encoding="utf-8")

    with pytest.raises(ContactPolicyError) as raised:
        load_policy(path)

    assert words in str(raised.value) and str(path) in str(raised.value)


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://Example-Shop.test/contact/", "https://example-shop.test"),
        ("https://example-shop.test:443", "https://example-shop.test"),
        ("http://127.0.0.1:8000/x", "http://127.0.0.1:8000"),
        ("http://[::1]:81/", "http://[::1]:81"),
        ("null", ""),
        ("javascript:alert(1)", ""),
        ("https://example-shop.test:99999/", ""),
    ],
)
def test_origin_of(url, origin):
    assert origin_of(url) == origin
