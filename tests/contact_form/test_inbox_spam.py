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


def posted_through(tmp_path, forwarded_for, trusted_proxy=None, *, real=False):
    """The statuses of one post per X-Forwarded-For value, at 2 a minute, and the inbox's log;
    `real`: through the real server (`serve --trusted-proxy`), not in process."""
    bundle = make_bundle(tmp_path / "bundle", rate_limit="2 per 1 minute")
    inbox = start_inbox(tmp_path / "inbox.sqlite3", bundle, trusted_proxy=trusted_proxy, real=real)
    try:
        return [
            inbox.post(VALID, headers={"X-Forwarded-For": value}).status for value in forwarded_for
        ], inbox.log
    finally:
        inbox.stop()


def test_a_forged_forwarded_for_header_does_not_escape_the_rate_limit(tmp_path):
    statuses, _ = posted_through(tmp_path, [f"203.0.113.{n}" for n in range(4)])

    assert statuses == [303, 303, 429, 429]


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit(tmp_path):
    forwarded = [f"203.0.113.{n % 2}" for n in range(6)]
    statuses, log = posted_through(tmp_path, forwarded, "127.0.0.1", real=True)

    assert statuses == [303, 303, 303, 303, 429, 429]
    assert "203.0.113" not in log


def test_behind_a_trusted_proxy_an_ipv4_mapped_address_is_its_ipv4_client(tmp_path):
    """A dual-stack proxy forwards ::ffff:203.0.113.5; waitress alone read "::ffff" and a port,
    so every such visitor was one client and none the same as its IPv4 form. The proxy is
    named in its mapped form here, and the inbox's peer is 127.0.0.1: the same address."""
    forwarded = ["::ffff:203.0.113.5", "::ffff:198.51.100.7", "203.0.113.5",
                 "::FFFF:c633:6407", "[::ffff:203.0.113.5]:4711", "198.51.100.7"]  # fmt: skip
    hops = [f"192.0.2.9, {address}" for address in forwarded]
    statuses, log = posted_through(tmp_path, hops, "::ffff:127.0.0.1")

    assert statuses == [303, 303, 303, 303, 429, 429]
    assert "203.0.113" not in log and "198.51.100" not in log


def test_a_proxy_that_is_not_the_trusted_one_is_not_believed(tmp_path):
    forwarded = [f"::ffff:203.0.113.{n}" for n in range(3)]
    statuses, _ = posted_through(tmp_path, forwarded, "192.0.2.1")

    assert statuses == [303, 303, 429]  # all from 127.0.0.1, whatever the header says


def test_the_default_rate_which_builds_do_not_parse_is_valid():
    """check_rate lets the default through unparsed; the inbox must still be able to use it."""
    item = parse_rate(DEFAULT_RATE)
    assert (item.amount, item.get_expiry()) == (5, 600)
    check_rate(DEFAULT_RATE)
