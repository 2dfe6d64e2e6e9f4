"""The inbox's SQLite store: messages, the notification outbox, and discard counters.

WAL mode with synchronous=FULL, so a message is on disk when the visitor gets the thanks
page; secure_delete, so erased or expired messages do not linger in free pages.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from plugin_support import DiscreetError

SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY,
    received_at TEXT NOT NULL,            -- ISO 8601, UTC
    email TEXT NOT NULL,                  -- the sender's address, as validated
    fields TEXT NOT NULL                  -- JSON object: field name -> value
);
CREATE INDEX IF NOT EXISTS messages_by_email ON messages (lower(email));
CREATE INDEX IF NOT EXISTS messages_by_time ON messages (received_at);
CREATE TABLE IF NOT EXISTS outbox (
    message_id INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT
);
CREATE TABLE IF NOT EXISTS discarded (
    day TEXT NOT NULL,
    reason TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, reason)
);
"""
# PRAGMA user_version of the schema above; 0 is a new file, or one from before versions were
# kept, which has the same tables: it is used as it is, so reading it needs no write access.
SCHEMA_VERSION = 1
TABLES = {"messages", "outbox", "discarded"}
MESSAGE_COLUMNS = ["id", "received_at", "email", "fields"]


DAMAGED_HINT = "restore it from a backup, or salvage it with the sqlite3 tool's .recover"


class StoreError(DiscreetError):
    """A database file the inbox must not use: another program's, a newer inbox's, damaged."""


def now_utc() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Message:
    id: int
    received_at: datetime
    email: str
    fields: dict[str, str]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "received_at": _iso(self.received_at),
            "email": self.email,
            "fields": self.fields,
        }


@dataclass(frozen=True)
class PendingNotification:
    message: Message
    attempts: int


class Store:
    """Thread-safe access to one inbox database; each thread keeps its own connection."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        # Writers queue here rather than in SQLite's busy handler, which sleeps in coarse steps.
        self._write_lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        old_umask = os.umask(0o077)  # the database holds personal data: owner-only
        try:
            if self._needs_schema():
                self._connection().executescript(
                    f"BEGIN; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
                )
        finally:
            os.umask(old_umask)

    def _needs_schema(self) -> bool:
        """Whether the tables must be created; raise StoreError before changing a foreign file.

        A plain connection looks first: the real one switches the file to WAL mode.
        """
        probe = sqlite3.connect(self.path, isolation_level=None)
        try:
            version = int(probe.execute("PRAGMA user_version").fetchone()[0])
            tables = probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            names = sorted(name for (name,) in tables)
            columns = [row[1] for row in probe.execute("PRAGMA table_info(messages)")]
        finally:
            probe.close()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer contact-inbox (schema {version}, this one "
                f"knows {SCHEMA_VERSION}); upgrade Discreet before using this database"
            )
        if names and columns != MESSAGE_COLUMNS:
            raise StoreError(
                f"{self.path}: an SQLite database but not a contact inbox (tables: "
                f"{', '.join(names)}); pass --db with the path `contact-inbox serve` uses"
            )
        return version < SCHEMA_VERSION and not TABLES.issubset(names)

    def _connection(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA secure_delete=ON")
            self._local.db = db
        return db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        db = self._connection()
        with self._write_lock:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def check_intact(self) -> None:
        """Raise StoreError if the file is damaged: messages stored there may never be read."""
        problems = [row[0] for row in self._connection().execute("PRAGMA quick_check(1)")]
        if problems != ["ok"]:
            found = " ".join(problems[0].split())  # SQLite reports over several lines
            raise StoreError(
                f"{self.path}: the inbox database is damaged ({found}); {DAMAGED_HINT}"
            )

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    # -- messages -------------------------------------------------------------------------

    def add_message(
        self, email: str, fields: dict[str, str], *, notify: bool, received_at: datetime | None
    ) -> int:
        """Store a message (and its pending notification) in one committed transaction."""
        moment = received_at or now_utc()
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO messages (received_at, email, fields) VALUES (?, ?, ?)",
                (_iso(moment), email, json.dumps(fields, ensure_ascii=False)),
            )
            message_id = int(cursor.lastrowid or 0)
            if notify:
                db.execute(
                    "INSERT INTO outbox (message_id, next_attempt_at) VALUES (?, ?)",
                    (message_id, _iso(moment)),
                )
        return message_id

    def messages(self) -> list[Message]:
        rows = self._connection().execute("SELECT * FROM messages ORDER BY id").fetchall()
        return [_message(row) for row in rows]

    def message(self, message_id: int) -> Message | None:
        row = (
            self._connection()
            .execute("SELECT * FROM messages WHERE id = ?", (message_id,))
            .fetchone()
        )
        return _message(row) if row else None

    def messages_from(self, email: str) -> list[Message]:
        rows = (
            self._connection()
            .execute("SELECT * FROM messages WHERE lower(email) = lower(?) ORDER BY id", (email,))
            .fetchall()
        )
        return [_message(row) for row in rows]

    def erase(self, email: str) -> int:
        """Delete every message from ``email`` (and its pending notification)."""
        with self._transaction() as db:
            count = db.execute(
                "DELETE FROM messages WHERE lower(email) = lower(?)", (email,)
            ).rowcount
        self._checkpoint()
        return count

    def purge_before(self, cutoff: datetime) -> int:
        """Delete messages received before ``cutoff`` (retention)."""
        with self._transaction() as db:
            count = db.execute(
                "DELETE FROM messages WHERE received_at < ?", (_iso(cutoff),)
            ).rowcount
        if count:
            self._checkpoint()
        return count

    def _checkpoint(self) -> None:
        # Deleted rows may still sit in the write-ahead log: fold it into the database now.
        self._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- discarded submissions (honeypot, rate limit) -----------------------------------

    def count_discarded(self, reason: str, moment: datetime | None = None) -> None:
        day = (moment or now_utc()).date().isoformat()
        with self._transaction() as db:
            db.execute(
                "INSERT INTO discarded (day, reason, count) VALUES (?, ?, 1) "
                "ON CONFLICT (day, reason) DO UPDATE SET count = count + 1",
                (day, reason),
            )

    def discarded(self) -> dict[str, int]:
        rows = self._connection().execute(
            "SELECT reason, SUM(count) FROM discarded GROUP BY reason ORDER BY reason"
        )
        return {reason: int(total) for reason, total in rows}

    # -- outbox ---------------------------------------------------------------------------

    def claim_due(self, lease: timedelta, limit: int = 20) -> list[PendingNotification]:
        """Take due notifications; the lease keeps other workers off them meanwhile."""
        now = now_utc()
        with self._transaction() as db:
            rows = db.execute(
                "SELECT m.*, o.attempts FROM outbox o JOIN messages m ON m.id = o.message_id "
                "WHERE o.next_attempt_at <= ? ORDER BY o.next_attempt_at LIMIT ?",
                (_iso(now), limit),
            ).fetchall()
            db.executemany(
                "UPDATE outbox SET next_attempt_at = ? WHERE message_id = ?",
                [(_iso(now + lease), row[0]) for row in rows],
            )
        return [PendingNotification(_message(row[:4]), int(row[4])) for row in rows]

    def notification_sent(self, message_id: int) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM outbox WHERE message_id = ?", (message_id,))

    def notification_failed(self, message_id: int, error: str, retry_at: datetime) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                "WHERE message_id = ?",
                (_iso(retry_at), error[:500], message_id),
            )

    def pending_notifications(self) -> int:
        return int(self._connection().execute("SELECT COUNT(*) FROM outbox").fetchone()[0])


def _message(row: tuple) -> Message:
    try:
        fields = json.loads(row[3])
        if not isinstance(fields, dict):
            raise ValueError(f"fields: expected a JSON object, got {row[3]!r}")
        return Message(
            id=int(row[0]),
            received_at=datetime.fromisoformat(row[1]),
            email=row[2],
            fields={str(name): str(value) for name, value in fields.items()},
        )
    except (ValueError, TypeError) as error:  # a row another program wrote
        raise StoreError(
            f"message #{row[0]} cannot be read ({error}); another program changed it: "
            "correct or delete that row"
        ) from error
