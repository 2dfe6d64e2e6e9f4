"""Nothing is lost: messages survive a restart, and concurrent visitors are each stored once."""

from __future__ import annotations

import sqlite3
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from inbox_harness import VALID, start_inbox, stored


def test_messages_survive_a_restart(tmp_path, bundle):
    db = tmp_path / "inbox.sqlite3"
    first = start_inbox(db, bundle, real=True)
    assert first.post(VALID).status == 303
    first.stop()

    second = start_inbox(db, bundle, real=True)
    try:
        assert second.post({**VALID, "subject": "after restart"}).status == 303
    finally:
        second.stop()

    assert [m.fields["subject"] for m in stored(db)] == ["Opening hours", "after restart"]


def test_database_is_in_wal_mode_with_owner_only_permissions(inbox):
    inbox.post(VALID)

    with sqlite3.connect(inbox.db) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert inbox.db.stat().st_mode & 0o077 == 0
    assert inbox.db.parent.stat().st_mode & 0o077 == 0


def test_200_submissions_from_8_threads_are_each_stored_exactly_once(inbox):
    def send(number: int) -> int:
        return inbox.post({**VALID, "subject": f"message {number}"}).status

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(send, range(200)))

    assert statuses == [303] * 200
    subjects = Counter(m.fields["subject"] for m in stored(inbox.db))
    assert subjects == Counter(f"message {n}" for n in range(200))
    ids = [m.id for m in stored(inbox.db)]
    assert len(set(ids)) == 200
