"""Spam defence without tracking: a honeypot and a per-client rate limit on hashed addresses."""

from __future__ import annotations

from contact_form.ratelimit import DEFAULT_RATE, check_rate, parse_rate
from inbox_harness import VALID, cli, make_bundle, start_inbox, stored


def test_filled_honeypot_gets_the_thanks_page_but_nothing_is_stored(inbox):
    answer = inbox.post({**VALID, "website": "http://spam.example.com"})

    assert answer.status == 303
    assert answer.headers["location"].endswith("/contact/thanks/")
    assert stored(inbox.db) == []
    listing = cli("list", "--db", str(inbox.db))
    assert "honeypot 1" in listing.stderr


def test_honeypot_wins_even_over_invalid_fields(inbox):
    # A bot must not learn from a 400 that the honeypot is special.
    answer = inbox.post({**VALID, "email": "not an address", "website": "x"})

    assert answer.status == 303
    assert stored(inbox.db) == []


def test_rate_limit_answers_429_after_the_allowed_number(tmp_path):
    bundle = make_bundle(tmp_path / "bundle", rate_limit="3 per 1 minute")
    inbox = start_inbox(tmp_path / "inbox.sqlite3", bundle)
    try:
        answers = [inbox.post({**VALID, "subject": f"try {n}"}) for n in range(5)]
    finally:
        inbox.stop()

    assert [a.status for a in answers] == [303, 303, 303, 429, 429]
    assert int(answers[3].headers["retry-after"]) > 0
    assert "several messages in a short time" in answers[3].body
    assert [m.fields["subject"] for m in stored(inbox.db)] == ["try 0", "try 1", "try 2"]
    assert "rate_limited 2" in cli("list", "--db", str(inbox.db)).stderr


def test_no_raw_ip_address_is_logged_or_stored(tmp_path):
    bundle = make_bundle(tmp_path / "bundle", rate_limit="2 per 1 minute")
    inbox = start_inbox(tmp_path / "inbox.sqlite3", bundle)
    try:
        inbox.post(VALID)
        inbox.post({**VALID, "website": "spam"})
        inbox.post({**VALID, "email": "bad"})
        inbox.post(VALID)  # rate limited
        inbox.post(VALID, origin="https://evil.example.com")
    finally:
        inbox.stop()

    assert "message #1 stored" in inbox.log  # the log does say what happened...
    assert "127.0.0.1" not in inbox.log  # ...but never who
    for path in tmp_path.glob("inbox.sqlite3*"):
        assert b"127.0.0.1" not in path.read_bytes()


def test_a_forged_forwarded_for_header_does_not_escape_the_rate_limit(tmp_path):
    bundle = make_bundle(tmp_path / "bundle", rate_limit="2 per 1 minute")
    inbox = start_inbox(tmp_path / "inbox.sqlite3", bundle)
    try:
        statuses = [
            inbox.post(VALID, headers={"X-Forwarded-For": f"203.0.113.{n}"}).status
            for n in range(4)
        ]
    finally:
        inbox.stop()

    assert statuses == [303, 303, 429, 429]


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit(tmp_path):
    bundle = make_bundle(tmp_path / "bundle", rate_limit="2 per 1 minute")
    inbox = start_inbox(tmp_path / "inbox.sqlite3", bundle, extra=("--trusted-proxy", "127.0.0.1"))
    try:
        statuses = [
            inbox.post(VALID, headers={"X-Forwarded-For": f"203.0.113.{n % 2}"}).status
            for n in range(6)
        ]
    finally:
        inbox.stop()

    assert statuses == [303, 303, 303, 303, 429, 429]
    assert "203.0.113" not in inbox.log


def test_the_default_rate_which_builds_do_not_parse_is_valid():
    """check_rate lets the default through unparsed; the inbox must still be able to use it."""
    item = parse_rate(DEFAULT_RATE)
    assert (item.amount, item.get_expiry()) == (5, 600)
    check_rate(DEFAULT_RATE)
