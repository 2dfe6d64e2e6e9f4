"""The rights commands tell the truth: about a concurrent reader, an empty or damaged database,
and the characters a message could use to spoof what `list` and `show` print. The IPv6 rate
limit counts a client, not an address."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from contact_form.ratelimit import ClientRateLimit, client_identity
from contact_form.store import Store
from inbox_harness import VALID, make_bundle
from inbox_inprocess import open_in_process, run_cli

SECRET = "secret-marker-7f3a"


def files_holding(db: Path, text: str) -> list[str]:
    return sorted(p.name for p in db.parent.glob(db.name + "*") if text.encode() in p.read_bytes())


def inbox_with(db: Path, *messages: tuple[str, str]) -> Path:
    store = Store(db)
    for address, text in messages:
        store.add_message(address, {"message": text}, notify=False, received_at=None)
    store.close()
    return db


# -- erase and a concurrent reader -----------------------------------------------------------


def test_erase_while_another_program_reads_says_what_remains_and_fails(tmp_path, capsys):
    db = inbox_with(tmp_path / "inbox.sqlite3", ("ada@example.com", f"{SECRET} one"),
                    ("ada@example.com", f"{SECRET} two"), ("bob@example.com", "hello"))  # fmt: skip
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM messages").fetchone()  # a read transaction, held open

    held = run_cli(capsys, "erase", "--email", "ada@example.com", "--db", str(db), "--wait", "0.2")

    assert held.status == 1 and held.stdout == ""
    assert "deleted 2 message(s), but their text is still in" in held.stderr
    assert "run `contact-inbox erase --email ada@example.com` again" in held.stderr
    assert held.stderr.count("\n") == 1
    assert files_holding(db, SECRET)  # it was true: the text is still there
    reader.close()

    again = run_cli(capsys, "erase", "--email", "ada@example.com", "--db", str(db))

    assert again.status == 0, again.stderr
    assert "erased 0 message(s)" in again.stdout and "no copy remains" in again.stdout
    assert files_holding(db, SECRET) == []


def test_erase_waits_for_a_reader_that_finishes_in_time(tmp_path, capsys):
    db = inbox_with(tmp_path / "inbox.sqlite3", ("ada@example.com", SECRET))
    reader = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM messages").fetchone()
    finishing = threading.Timer(0.3, reader.close)
    finishing.start()
    try:
        done = run_cli(capsys, "erase", "--email", "ada@example.com", "--db", str(db))
    finally:
        finishing.join()

    assert done.status == 0, done.stderr
    assert "erased 1 message(s)" in done.stdout
    assert files_holding(db, SECRET) == []


# -- empty and damaged databases -------------------------------------------------------------


def test_an_empty_file_is_never_turned_into_a_database(tmp_path, capsys):
    db = tmp_path / "inbox.sqlite3"
    db.write_bytes(b"")
    bundle = make_bundle(tmp_path / "bundle")
    commands = [
        ("list",), ("show", "1"), ("export", "--email", "ada@example.com"),
        ("erase", "--email", "ada@example.com"), ("purge", "--bundle", str(bundle)),
    ]  # fmt: skip
    for command in commands:
        result = run_cli(capsys, *command, "--db", str(db))
        assert result.status == 2, (command, result)
        assert "an empty file (0 bytes), not an inbox database" in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1
    from contact_form.runtime import InboxError

    with pytest.raises(InboxError, match="empty file"):  # nor does serve
        open_in_process(db, bundle)
    assert db.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle", "inbox.sqlite3"]


def test_serve_creates_a_database_only_where_there_is_no_file(tmp_path, capsys):
    db = tmp_path / "new" / "inbox.sqlite3"
    missing = run_cli(capsys, "list", "--db", str(db))
    assert missing.status == 2 and "no inbox database here" in missing.stderr
    assert not db.parent.exists()

    inbox = open_in_process(db, make_bundle(tmp_path / "bundle"))
    inbox.close()

    assert run_cli(capsys, "list", "--db", str(db)).status == 0


def damaged_mid_way(db: Path) -> tuple[int, int]:
    """Ada wrote first and last; the pages of Bob's messages in between are overwritten."""
    store = Store(db)
    first = store.add_message("ada@example.com", {"message": "first"}, notify=False,
                              received_at=None)  # fmt: skip
    for number in range(60):
        store.add_message("bob@example.com", {"message": f"{number} " + "x" * 2000},
                          notify=False, received_at=None)  # fmt: skip
    last = store.add_message("ada@example.com", {"message": "last"}, notify=False,
                             received_at=None)  # fmt: skip
    store.close()
    plain = sqlite3.connect(db, isolation_level=None)
    plain.execute("PRAGMA journal_mode = DELETE")
    plain.close()
    with db.open("r+b") as raw:
        raw.seek(20 * 4096)
        raw.write(bytes(range(256)) * 32)
    return first, last


def test_show_and_export_detect_damage_they_do_not_read(tmp_path, capsys):
    db = tmp_path / "inbox.sqlite3"
    first, last = damaged_mid_way(db)
    for command in (("show", str(first)), ("show", str(last)),
                    ("export", "--email", "ada@example.com")):  # fmt: skip
        result = run_cli(capsys, *command, "--db", str(db))
        assert result.status == 2, (command, result.stdout)
        assert "damaged" in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert result.stdout == ""


# -- what list and show print ----------------------------------------------------------------


def test_bidi_and_zero_width_characters_are_shown_escaped(tmp_path, capsys):
    db = tmp_path / "inbox.sqlite3"
    store = Store(db)
    store.add_message(
        "ada@example.com",
        {"name": "Ada\u202e moc.elpmaxe@lieve", "subject": "Pay\u200b now\u2066!",
         "message": "Hello\u202e there\nfamily 👨\u200d👩\u200d👧"},
        notify=False, received_at=None,
    )  # fmt: skip
    store.close()

    listed = run_cli(capsys, "list", "--db", str(db))
    shown = run_cli(capsys, "show", "1", "--db", str(db))

    assert "Pay\\u200b now\\u2066!" in listed.stdout
    assert "name: Ada\\u202e moc.elpmaxe@lieve" in shown.stdout
    assert "subject: Pay\\u200b now\\u2066!" in shown.stdout
    assert "  Hello\\u202e there" in shown.stdout
    assert "family 👨\u200d👩\u200d👧" in shown.stdout  # joiners in an emoji stay
    for spoofing in ("\u202e", "\u2066", "\u200b"):
        assert spoofing not in listed.stdout + shown.stdout


# -- the IPv6 rate limit ---------------------------------------------------------------------


def test_one_ipv6_64_is_one_client_however_its_addresses_are_written(tmp_path):
    bundle = make_bundle(tmp_path / "bundle", rate_limit="5 per 10 minutes")
    inbox = open_in_process(tmp_path / "inbox.sqlite3", bundle)
    same_64 = [f"2001:db8:0:7::{n:x}" for n in range(1, 7)] + [
        "2001:DB8:0:7:ffff:ffff:ffff:ffff", "2001:0db8:0000:0007:0000:0000:0000:00aa",
        "[2001:db8:0:7::bb]", "2001:db8:0:7::cc%eth0", "[2001:db8:0:7::dd]:51234",
        "2001:db8:0:7:1:2:3:4",
    ]  # fmt: skip
    try:
        statuses = [inbox.post(VALID, remote_addr=a).status_code for a in same_64]
        neighbour = inbox.post(VALID, remote_addr="2001:db8:0:8::1").status_code
    finally:
        inbox.close()

    assert statuses == [303] * 5 + [429] * 7
    assert neighbour == 303  # the next /64 is another client


@pytest.mark.parametrize(
    ("written", "same_as"),
    [("::ffff:192.0.2.1", "192.0.2.1"), ("::ffff:c000:201", "192.0.2.1"),
     ("192.0.2.1:5555", "192.0.2.1"), ("2001:DB8::1", "2001:db8::ff"),
     ("fe80::1%eth0", "fe80::2")],
)  # fmt: skip
def test_every_written_form_of_an_address_is_one_client(written, same_as):
    assert client_identity(written) == client_identity(same_as)
    limit = ClientRateLimit("1 per minute")
    assert limit.allow(written) and not limit.allow(same_as)
