"""The owner's notification on the wire, with a real SMTP server (aiosmtpd on 127.0.0.1).

Visitor text never becomes a header line, on any Python; one notification that cannot go never
holds back the others; SMTPUTF8 carries an international address where the server takes it.
"""

from __future__ import annotations

import email
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from email.policy import default

import pytest
from aiosmtpd.controller import Controller
from contact_form.background import MAX_ATTEMPTS
from inbox_harness import VALID, free_port
from inbox_inprocess import InProcessInbox, open_in_process, run_cli

# The subject: an encoded word that Python 3.11.7 and 3.12.1 decode back into CR/LF.
INJECTION = (
    "=?utf-8?b?SGkNCkZyb206IGNlb0BleGFtcGxlLXNob3AudGVzdA0KQ29udGVudC1UeXBlOiB0ZXh0L2h0bWwN"
    "Cg0KPGgxPlBheSBub3c8L2gxPg==?="
)


@dataclass
class Received:
    content: bytes
    smtp_utf8: bool
    rcpt_to: list[str]

    @property
    def header_lines(self) -> list[bytes]:
        head = self.content.split(b"\r\n\r\n", 1)[0]
        return [line for line in head.split(b"\r\n") if not line[:1].isspace()]

    def names(self) -> list[str]:
        return [line.split(b":", 1)[0].decode("ascii").lower() for line in self.header_lines]

    @property
    def parsed(self) -> email.message.EmailMessage:
        text = self.content.decode("utf-8")  # RFC 6532: with SMTPUTF8, headers may be UTF-8
        return email.message_from_string(text, policy=default)  # type: ignore[return-value]


@dataclass
class Mailbox:
    """Keeps what arrives; refuses, with a permanent error, any message holding `refuse`."""

    received: list[Received] = field(default_factory=list)
    refuse: bytes = b"\x00never"

    async def handle_DATA(self, server, session, envelope):
        if self.refuse in envelope.content:
            return "554 5.6.0 refused by this test's server"
        self.received.append(Received(envelope.content, envelope.smtp_utf8, envelope.rcpt_tos))
        return "250 OK"


@pytest.fixture(scope="module", params=[False, True], ids=["ascii-server", "smtputf8-server"])
def smtp(request) -> Iterator[tuple[Controller, Mailbox]]:
    mailbox = Mailbox()
    controller = Controller(
        mailbox, hostname="127.0.0.1", port=free_port(), enable_SMTPUTF8=request.param
    )
    controller.start()
    yield controller, mailbox
    controller.stop()


@pytest.fixture
def notifying(tmp_path, bundle, smtp) -> Iterator[tuple[InProcessInbox, Mailbox]]:
    controller, mailbox = smtp
    mailbox.received.clear()
    mailbox.refuse = b"\x00never"
    env = {
        "CONTACT_SMTP_HOST": "127.0.0.1",
        "CONTACT_SMTP_PORT": str(controller.port),
        "CONTACT_SMTP_SECURITY": "none",
        "CONTACT_SMTP_FROM": "inbox@example-shop.test",
        "CONTACT_SMTP_TO": "owner@example-shop.test",
        "CONTACT_SMTP_INCLUDE_MESSAGE": "1",
    }
    inbox = open_in_process(tmp_path / "inbox.sqlite3", bundle, env=env)
    yield inbox, mailbox
    inbox.close()


HOSTILE = [
    ("subject", INJECTION),
    ("name", "=?utf-8?q?x=0D=0A?="),  # raised ValueError and dropped the whole round
    ("name", "=?utf-8?b?Qm9iDQpCY2M6IGV2aWxAZXhhbXBsZS50ZXN0?="),
    ("name", '"Bob" <evil@example.test>, Eve'),
    ("subject", "Tab\tand =?iso-8859-1?q?=0A?= in one"),
    ("subject", "Öffnungszeiten " * 6 + "=?utf-8?b?DQpYOiB5?="),  # folded over lines
]


@pytest.mark.parametrize(("field_name", "value"), HOSTILE, ids=lambda v: str(v)[:24])
def test_visitor_text_never_becomes_a_header_line(notifying, field_name, value):
    inbox, mailbox = notifying
    assert inbox.post({**VALID, field_name: value}).status_code == 303

    assert inbox.inbox.maintenance.deliver_due() == 1

    [mail] = mailbox.received
    names = mail.names()
    for name in ("from", "to", "subject", "reply-to", "content-type", "message-id"):
        assert names.count(name) == 1, (name, mail.content)
    assert b"text/html" not in mail.content and b"<h1>" not in mail.content
    assert all(line.isascii() for line in mail.header_lines) or mail.smtp_utf8
    parsed = mail.parsed
    assert parsed.get_content_type() == "text/plain"
    assert parsed["From"] == "inbox@example-shop.test"
    assert str(parsed["Reply-To"].addresses[0].addr_spec) == "ada@example.com"
    assert len(parsed["Reply-To"].addresses) == 1
    shown = str(parsed["Subject"]) if field_name == "subject" else parsed["Reply-To"].addresses[
        0].display_name  # fmt: skip
    assert "\r" not in shown and "\n" not in shown
    # What the owner reads is what the visitor typed, literally (controls as spaces). Python's
    # reader puts a space between the encoded words of a long display name: compare without.
    expected = value.replace("\t", " ").strip()
    if field_name == "name":
        shown, expected = shown.replace(" ", ""), expected.replace(" ", "")
    assert shown.endswith(expected), shown


def test_one_bad_notification_never_holds_back_the_others(notifying):
    inbox, mailbox = notifying
    senders = ["ännä@example.com", *(f"visitor{n}@example.com" for n in range(6))]
    for number, sender in enumerate(senders):
        answer = inbox.post({**VALID, "email": sender, "subject": f"question {number}"})
        assert answer.status_code == 303
    inbox.post({**VALID, "name": "=?utf-8?q?x=0D=0A?=", "subject": "question 7"})

    assert inbox.inbox.maintenance.deliver_due() == 8  # all of them, in one round

    subjects = sorted(str(mail.parsed["Subject"]) for mail in mailbox.received)
    assert subjects == [f"Contact #{n + 1}: question {n}" for n in range(8)]
    assert inbox.inbox.store.pending_notifications() == 0
    international = next(m for m in mailbox.received if "question 0" in str(m.parsed["Subject"]))
    if international.smtp_utf8:  # the server takes SMTPUTF8: the address is the Reply-To
        assert international.parsed["Reply-To"].addresses[0].addr_spec == "ännä@example.com"
    else:  # it does not: no Reply-To, and the body says to reply by hand
        assert "reply-to" not in international.names()
        body = international.parsed.get_content()
        assert "Reply by hand" in body and "ännä@example.com" in body


class Records(logging.Handler):
    """The inbox logger's records, caught at the logger itself (whatever the root's handlers
    and filters are after other tests)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def inbox_log() -> Iterator[Records]:
    logger = logging.getLogger("contact_inbox")
    handler, level = Records(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_a_notification_that_cannot_go_is_backed_off_then_given_up_in_one_line(
    notifying, inbox_log, capsys
):
    inbox, mailbox = notifying
    mailbox.refuse = b"refuse-me"
    inbox.post({**VALID, "subject": "refuse-me"})
    inbox.post({**VALID, "subject": "fine"})
    maintenance, store = inbox.inbox.maintenance, inbox.inbox.store

    assert maintenance.deliver_due() == 1
    assert [str(m.parsed["Subject"]) for m in mailbox.received] == ["Contact #2: fine"]
    assert maintenance.deliver_due() == 0  # backed off: not due again at once
    failed = [r for r in inbox_log.records if r.levelno == logging.WARNING]
    assert len(failed) == 1 and "message #1 failed (attempt 1 of" in failed[0].getMessage()
    assert failed[0].exc_info is None  # one line, no traceback

    with closing(sqlite3.connect(inbox.db)) as db, db:  # the earlier attempts, all failed
        db.execute(
            "UPDATE outbox SET attempts = ?, next_attempt_at = '2000-01-01T00:00:00+00:00'",
            (MAX_ATTEMPTS - 1,),
        )
    inbox_log.records.clear()
    assert maintenance.deliver_due() == 0

    [given_up] = inbox_log.records
    assert given_up.levelno == logging.ERROR and given_up.exc_info is None
    message = given_up.getMessage()
    assert f"message #1 given up after {MAX_ATTEMPTS} attempts" in message
    assert "554" in message and "contact-inbox show 1" in message and "\n" not in message
    assert store.pending_notifications() == 0 and store.given_up_notifications() == 1
    with closing(sqlite3.connect(inbox.db)) as db, db:
        db.execute("UPDATE outbox SET attempts = 0")  # given up stays given up
    assert maintenance.deliver_due() == 0
    listed = run_cli(capsys, "list", "--db", str(inbox.db))
    assert "notifications pending: 0, given up: 1" in listed.stderr
    assert len(mailbox.received) == 1
