"""Every bad submission gets its own answer, nothing is stored, and the server keeps going."""

from __future__ import annotations

import gzip

import pytest
from bs4 import BeautifulSoup
from inbox_harness import SITE_ORIGIN, VALID, Answer, RunningInbox, stored

FORM = "application/x-www-form-urlencoded"


def body(**changes: str) -> bytes:
    from urllib.parse import urlencode

    return urlencode({**VALID, **changes}).encode("ascii")


BAD_INPUTS = {
    # name: (request arguments, expected status)
    "json body": (dict(form=b'{"email": "a@example.com"}', content_type="application/json"), 415),
    "plain text body": (dict(form=b"email=a@example.com", content_type="text/plain"), 415),
    "latin-1 charset": (dict(form=body(), content_type=f"{FORM}; charset=latin-1"), 415),
    "no content type": (dict(form=body(), content_type=""), 415),
    "gzip-encoded body": (
        dict(form=gzip.compress(body()), headers={"Content-Encoding": "gzip"}),
        415,
    ),
    "percent-encoded invalid UTF-8": (dict(form=body() + b"&name=%FF%FE"), 400),
    "raw invalid UTF-8": (dict(form=b"message=caf\xe9&email=a%40example.com"), 400),
    "broken multipart": (
        dict(form=b"--x\r\nnonsense", content_type="multipart/form-data; boundary=x"),
        400,
    ),
    "multipart with a file": (
        dict(
            form=b'--x\r\nContent-Disposition: form-data; name="message"; filename="a.txt"\r\n'
            b"\r\nhello\r\n--x--\r\n",
            content_type="multipart/form-data; boundary=x",
        ),
        400,
    ),
    "foreign origin": (dict(form=body(), origin="https://evil.example.com"), 403),
    "origin null, no referer": (dict(form=body(), origin="null"), 403),
    "neither origin nor referer": (dict(form=body(), origin=None), 403),
    "foreign referer": (
        dict(form=body(), origin=None, headers={"Referer": "https://evil.example.com/x"}),
        403,
    ),
    "same host, other scheme": (dict(form=body(), origin="http://example-shop.test"), 403),
    "origin with a broken IPv6 host": (dict(form=body(), origin="http://[::1"), 403),
    "referer with a broken IPv6 host": (
        dict(form=body(), origin=None, headers={"Referer": "https://[example-shop.test/x"}),
        403,
    ),
}

FIELD_ERRORS = {
    # name: (changes to a valid form, field that must be marked, words in its message)
    "missing e-mail": ({"email": ""}, "email", "fill this in"),
    "missing message": ({"message": "   "}, "message", "fill this in"),
    "two e-mail addresses": ({"email": "a@example.com, b@example.com"}, "email", "exactly one"),
    "two addresses with semicolon": (
        {"email": "a@example.com;b@example.com"},
        "email",
        "exactly one",
    ),
    "display name in address": ({"email": "Ada <ada@example.com>"}, "email", "exactly one"),
    "not an address": ({"email": "ada at example"}, "email", "exactly one"),
    "CRLF in subject (header injection)": (
        {"subject": "Hi\r\nBcc: victim@example.com"},
        "subject",
        "one line",
    ),
    "LF in name": ({"name": "Ada\nBcc: x@example.com"}, "name", "one line"),
    "CR in e-mail": ({"email": "ada@example.com\rBcc: x@example.com"}, "email", "one line"),
    "unicode line separator in subject": ({"subject": "a\u2028b"}, "subject", "one line"),
    "name too long": ({"name": "x" * 101}, "name", "at most 100"),
    "message too long": ({"message": "y" * 5001}, "message", "at most 5000"),
    "NUL in message": ({"message": "hello\x00world"}, "message", "control characters"),
    "lone CR in message": ({"message": "hello\rworld"}, "message", "control characters"),
    # A C1 control such as CSI (U+009B) is a terminal escape when `contact-inbox show` prints it.
    "C1 control in message": ({"message": "hello \x9b2J world"}, "message", "control characters"),
    "C1 control in subject": ({"subject": "hi\x9b31m"}, "subject", "control characters"),
}


def assert_nothing_stored_and_still_serving(inbox: RunningInbox) -> None:
    assert stored(inbox.db) == []
    assert inbox.alive(), inbox.log
    assert "Traceback" not in inbox.log


def error_text(answer: Answer) -> str:
    return BeautifulSoup(answer.body, "html.parser").get_text(" ", strip=True)


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_request_is_refused_with_its_status(shared_inbox, case):
    arguments, status = BAD_INPUTS[case]

    answer = shared_inbox.post(**arguments)

    assert answer.status == status, answer.body[:300]
    assert answer.headers["content-type"].startswith("text/html")
    assert "Your message was not sent" in error_text(answer)
    assert_nothing_stored_and_still_serving(shared_inbox)


@pytest.mark.parametrize("case", FIELD_ERRORS, ids=list(FIELD_ERRORS))
def test_invalid_field_gets_400_page_that_keeps_what_was_typed(shared_inbox, case):
    changes, field, words = FIELD_ERRORS[case]
    form = {**VALID, **changes}

    answer = shared_inbox.post(form)

    assert answer.status == 400
    page = BeautifulSoup(answer.body, "html.parser")
    control = page.find(id=f"contact-{field}")
    assert control is not None and control.get("aria-invalid") == "true"
    error = page.find(id=f"contact-{field}-error")
    assert error is not None and words in error.get_text()
    # What the visitor typed is all still there, in every field (line breaks as a browser sends).
    for name in ("name", "email", "subject"):
        assert page.find(id=f"contact-{name}")["value"] == form[name]
    textarea = page.find(id="contact-message").get_text()
    assert textarea.replace("\n", "") == form["message"].replace("\r\n", "\n").replace("\n", "")
    assert page.find(class_="contact-errors") is not None
    assert answer.headers["cache-control"] == "no-store"
    assert_nothing_stored_and_still_serving(shared_inbox)


def test_the_same_field_sent_twice_is_refused(shared_inbox):
    answer = shared_inbox.post([*VALID.items(), ("email", "eve@example.com")])

    assert answer.status == 400
    assert "once" in BeautifulSoup(answer.body, "html.parser").find(id="contact-email-error").text
    assert_nothing_stored_and_still_serving(shared_inbox)


def test_body_over_the_limit_gets_413_without_being_read(shared_inbox):
    answer = shared_inbox.post(body(message="z" * 200_000))

    assert answer.status == 413
    assert "longer than this form accepts" in error_text(answer)
    assert_nothing_stored_and_still_serving(shared_inbox)


def test_chunked_body_over_the_limit_gets_413(real_shared_inbox):
    import http.client

    shared_inbox = real_shared_inbox
    connection = http.client.HTTPConnection("127.0.0.1", shared_inbox.port, timeout=30)
    chunks = (b"message=" + b"z" * 10_000 for _ in range(30))
    connection.request(
        "POST",
        "/contact/send",
        body=chunks,
        headers={"Content-Type": FORM, "Origin": SITE_ORIGIN},
        encode_chunked=True,
    )
    response = connection.getresponse()
    response.read()
    connection.close()

    assert response.status == 413
    assert_nothing_stored_and_still_serving(shared_inbox)


def test_a_valid_message_still_goes_through_after_all_refusals(inbox):
    for arguments, _ in BAD_INPUTS.values():
        inbox.post(**arguments)
    for changes, _, _ in FIELD_ERRORS.values():
        inbox.post({**VALID, **changes})

    assert inbox.post(VALID).status == 303
    assert len(stored(inbox.db)) == 1


def test_get_on_the_action_is_not_a_submission(shared_inbox):
    answer = shared_inbox.request("GET", "/contact/send")

    assert answer.status in (404, 405)
    assert_nothing_stored_and_still_serving(shared_inbox)


def test_a_huge_declared_body_is_refused_at_once_not_buffered(real_shared_inbox):
    import socket

    shared_inbox = real_shared_inbox
    # waitress buffered up to 1 GiB (to disk) before the application could refuse it.
    with socket.create_connection(("127.0.0.1", shared_inbox.port), timeout=10) as client:
        client.sendall(
            b"POST /contact/send HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM.encode()
            + b"\r\nContent-Length: 500000000\r\n\r\n" + b"message=" + b"z" * 100_000
        )  # fmt: skip
        status_line = client.recv(200).split(b"\r\n", 1)[0]

    assert status_line.split()[1] == b"413"
    assert_nothing_stored_and_still_serving(shared_inbox)
