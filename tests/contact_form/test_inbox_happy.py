"""A visitor sends a message: it is stored before the answer and the owner can read it."""

from __future__ import annotations

from inbox_harness import SITE_ORIGIN, VALID, cli, stored


def test_valid_message_is_stored_and_answered_with_303_to_thanks(inbox):
    answer = inbox.post(VALID)

    assert answer.status == 303
    assert answer.headers["location"].endswith("/contact/thanks/")
    [message] = stored(inbox.db)
    assert message.email == "ada@example.com"
    assert message.fields == {
        "name": "Ada Lovelace",
        "email": "ada@example.com",
        "subject": "Opening hours",
        "message": "Are you open on Saturdays?\nThanks!",
    }


def test_list_and_show_print_the_message(inbox):
    inbox.post(VALID)

    listing = cli("list", "--db", str(inbox.db))
    shown = cli("show", "1", "--db", str(inbox.db))

    assert listing.returncode == 0, listing.stderr
    assert "ada@example.com" in listing.stdout and "Opening hours" in listing.stdout
    assert "1 message(s)" in listing.stderr
    assert shown.returncode == 0, shown.stderr
    assert "Are you open on Saturdays?" in shown.stdout and "Ada Lovelace" in shown.stdout


def test_referer_alone_is_enough_when_the_browser_sends_no_origin(inbox):
    answer = inbox.post(VALID, origin=None, headers={"Referer": f"{SITE_ORIGIN}/contact/"})

    assert answer.status == 303
    assert len(stored(inbox.db)) == 1


def test_multipart_form_is_accepted_too(inbox):
    boundary = "discreet-boundary"
    parts = "".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in VALID.items()
    )
    body = (parts + f"--{boundary}--\r\n").encode("utf-8")

    answer = inbox.post(body, content_type=f"multipart/form-data; boundary={boundary}")

    assert answer.status == 303
    assert stored(inbox.db)[0].fields["subject"] == "Opening hours"


def test_unicode_is_kept_exactly(inbox):
    answer = inbox.post({**VALID, "name": "Zoë Ñúñez 李", "message": "Grüße 👋\r\nzweite Zeile"})

    assert answer.status == 303
    fields = stored(inbox.db)[0].fields
    assert fields["name"] == "Zoë Ñúñez 李"
    assert fields["message"] == "Grüße 👋\nzweite Zeile"


def test_the_form_type_is_matched_regardless_of_case(inbox):
    # Media types and the charset value are case-insensitive (RFC 9110); this got 415.
    content_type = "Application/X-WWW-Form-Urlencoded; Charset=UTF-8"

    answer = inbox.post(VALID, content_type=content_type)

    assert answer.status == 303
    assert len(stored(inbox.db)) == 1
