"""The owner's e-mail notification: stored first, sent from the outbox, retried until it goes."""

from __future__ import annotations

import pytest
from aiosmtpd.controller import Controller
from contact_form.store import Store
from inbox_harness import VALID, Mailbox, free_port, smtp_env, start_inbox, stored, wait_for


@pytest.fixture
def smtp():
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, mailbox
    controller.stop()


def pending(db) -> int:
    store = Store(db)
    try:
        return store.pending_notifications()
    finally:
        store.close()


def test_owner_is_notified_without_personal_data_by_default(tmp_path, bundle, smtp):
    controller, mailbox = smtp
    inbox = start_inbox(tmp_path / "inbox.sqlite3", bundle, env=smtp_env(controller.port))
    try:
        assert inbox.post(VALID).status == 303
        wait_for(lambda: mailbox.messages, what="the notification")
    finally:
        inbox.stop()

    [mail] = mailbox.messages
    assert mail["To"] == "owner@example.com" and mail["From"] == "inbox@example.com"
    assert mail["Subject"] == "New contact message #1"
    text = mail.as_string()
    assert "contact-inbox show 1" in text
    for private in ("ada@example.com", "Ada Lovelace", "Opening hours", "Saturdays"):
        assert private not in text
    assert pending(inbox.db) == 0


def test_notification_can_carry_the_message_with_reply_to(tmp_path, bundle, smtp):
    controller, mailbox = smtp
    env = smtp_env(controller.port, CONTACT_SMTP_INCLUDE_MESSAGE="1")
    inbox = start_inbox(tmp_path / "inbox.sqlite3", bundle, env=env)
    try:
        inbox.post(VALID)
        wait_for(lambda: mailbox.messages, what="the notification")
    finally:
        inbox.stop()

    [mail] = mailbox.messages
    assert mail["Subject"] == "Contact #1: Opening hours"
    assert mail["Reply-To"] == "Ada Lovelace <ada@example.com>"
    assert "Are you open on Saturdays?" in mail.get_content()


def test_notification_held_back_while_smtp_is_down_arrives_once_it_is_up(tmp_path, bundle):
    port = free_port()  # nothing listens here yet
    inbox = start_inbox(tmp_path / "inbox.sqlite3", bundle, env=smtp_env(port), real=True)
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    try:
        assert inbox.post(VALID).status == 303  # the visitor is not kept waiting for SMTP
        assert len(stored(inbox.db)) == 1
        wait_for(lambda: "notification for message #1 failed" in inbox.log, what="a failure")
        assert pending(inbox.db) == 1
        controller.start()
        wait_for(lambda: mailbox.messages, what="the delayed notification")
        # The outbox empties once the delivery is done: a second one would have arrived by then.
        wait_for(lambda: pending(inbox.db) == 0, what="the outbox to empty")
    finally:
        inbox.stop()
        controller.stop()

    assert len(mailbox.messages) == 1
    assert mailbox.messages[0]["Subject"] == "New contact message #1"


def test_bad_smtp_settings_stop_serve_with_one_line_each(tmp_path, bundle):
    from inbox_harness import cli

    env = {"CONTACT_SMTP_HOST": "mail.example.com", "CONTACT_SMTP_PORT": "many"}
    result = cli("serve", "--port", "0", "--db", str(tmp_path / "i.sqlite3"), "--bundle",
                 str(bundle), env=env)  # fmt: skip

    assert result.returncode == 2
    assert "CONTACT_SMTP_PORT: expected a positive number, got 'many'" in result.stderr
    assert "CONTACT_SMTP_FROM" in result.stderr and "CONTACT_SMTP_TO" in result.stderr
    assert "Traceback" not in result.stderr


SMTP_BASE = {
    "CONTACT_SMTP_HOST": "127.0.0.1",
    "CONTACT_SMTP_FROM": "inbox@example.com",
    "CONTACT_SMTP_TO": "owner@example.com",
}


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("CONTACT_SMTP_PORT", "99999"),
        ("CONTACT_SMTP_TIMEOUT", "nan"),  # was a traceback in every background round
        ("CONTACT_SMTP_TIMEOUT", "1e308"),
        ("CONTACT_SMTP_RETRY_SECONDS", "inf"),
        ("CONTACT_SMTP_TO", "owner@example.com, other@example.com"),
        ("CONTACT_SMTP_FROM", "@"),
        ("CONTACT_SMTP_INCLUDE_MESSAGE", "maybe"),
        # Each failed every delivery, retried forever, with only a warning per attempt.
        ("CONTACT_SMTP_HOST", "mail.example.com:25"),
        ("CONTACT_SMTP_HOST", "smtp://mail.example.com"),
        ("CONTACT_SMTP_HOST", "mail example com"),
    ],
)
def test_smtp_setting_out_of_range_stops_serve_in_one_line(tmp_path, bundle, name, value):
    from inbox_harness import cli

    result = cli("serve", "--port", "0", "--db", str(tmp_path / "i.sqlite3"), "--bundle",
                 str(bundle), env={**SMTP_BASE, name: value})  # fmt: skip

    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith(f"contact-inbox: {name}: expected"), result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
